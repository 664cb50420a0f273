import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/dataset/dataset-builder.js';

describe('DatasetBuilder numeric storage', () => {
  it('keeps a column in 4-byte floats while every value is exactly a 4-byte float', () => {
    // 2^24 = 16,777,216 is the last integer from which every integer below is a float32
    const b = new DatasetBuilder(['org_id', 'type', 'staff_fulltime']);
    b.add({ org_id: 'A', type: 'foundation', staff_fulltime: 16_777_216 }, 0, 2);
    b.add({ org_id: 'B', type: 'foundation', staff_fulltime: null }, 0, 3);
    const ds = b.finish('registry');
    expect(ds.num.staff_fulltime).toBeInstanceOf(Float32Array);
    expect(ds.num.staff_fulltime[0]).toBe(16_777_216);
    expect(ds.num.staff_fulltime[1]).toBeNaN();
  });

  it('moves a column to 8-byte floats at the first value a 4-byte float would change, keeping earlier values', () => {
    // 16,777,217 = 2^24 + 1 rounds to 16,777,216 in a float32; 0.1 is not a float32 either
    const b = new DatasetBuilder(['org_id', 'type', 'expenses']);
    for (let i = 0; i < 70_000; i++) b.add({ org_id: `O${i}`, type: 'social_group', expenses: i }, 0, i + 2);
    b.add({ org_id: 'X', type: 'social_group', expenses: 16_777_217 }, 0, 70_002);
    b.add({ org_id: 'Y', type: 'social_group', expenses: 0.1 }, 0, 70_003);
    const ds = b.finish('registry');
    expect(ds.num.expenses).toBeInstanceOf(Float64Array);
    expect(ds.num.expenses[69_999]).toBe(69_999);
    expect(ds.num.expenses[70_000]).toBe(16_777_217);
    expect(ds.num.expenses[70_001]).toBe(0.1);
    expect(ds.length).toBe(70_002);
  });

  it('stores dates (yyyymmdd, beyond 2^24) in 8-byte floats from the start', () => {
    const b = new DatasetBuilder(['org_id', 'type', 'registered']);
    b.add({ org_id: 'A', type: 'foundation', registered: 20_240_601 }, 0, 2);
    const ds = b.finish('registry');
    expect(ds.num.registered).toBeInstanceOf(Float64Array);
    expect(ds.num.registered[0]).toBe(20_240_601);
    expect(ds.source.line[0]).toBe(2);
  });
});

describe('DatasetBuilder.finish({ inPlace: true })', () => {
  it('gives the same columns as a copy, as exact-length views of the buffers they grew in', () => {
    const rows = (b: DatasetBuilder) => {
      // 70,000 rows: more than one growth step (65,536 rows), so the buffers hold spare capacity
      for (let i = 0; i < 70_000; i++)
        b.add({ org_id: `O${i % 7}`, type: i % 2 ? 'foundation' : 'social_group', staff_fulltime: i % 9 }, 0, i + 2);
    };
    const a = new DatasetBuilder(['org_id', 'type', 'staff_fulltime']);
    const b = new DatasetBuilder(['org_id', 'type', 'staff_fulltime']);
    rows(a);
    rows(b);
    const copied = a.finish('registry');
    const inPlace = b.finish('registry', { inPlace: true });
    expect(inPlace).toEqual(copied);
    const col = inPlace.num.staff_fulltime;
    // a view of the resizable buffer the column grew in (no copy)
    expect((col.buffer as ArrayBuffer & { resizable: boolean }).resizable).toBe(true);
    expect(col.length).toBe(70_000);
    expect(col[69_999]).toBe(69_999 % 9);
    expect(inPlace.cat.type.codes.length).toBe(70_000);
    expect(copied.num.staff_fulltime.buffer.byteLength).toBe(70_000 * 4);
  });
});
