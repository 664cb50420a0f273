import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/dataset/dataset.js';
import { MemoryOrgRows } from '../../../src/ingest/rows/memory-org-rows.js';

// MemoryOrgRows numbers organizations from the ids only: ids, a shape and (for a panel) years are enough.
const dataset = (ids: string[], shape: Dataset['shape']): Dataset =>
  ({
    length: ids.length,
    shape,
    present: ['org_id'],
    num: shape === 'panel' ? { year: new Float32Array(ids.map((_, i) => 2020 + i)) } : {},
    cat: {},
    text: { org_id: ids },
  }) as unknown as Dataset;

describe('MemoryOrgRows', () => {
  it('numbers organizations by the first appearance of their id', () => {
    // ids A B A C: A first (0), B second (1), A again (0), C third (2); rows are 0..3 in input order
    const rows = new MemoryOrgRows(dataset(['A', 'B', 'A', 'C'], 'panel'));
    const part = rows.partOf(0);
    expect([...part.orgs]).toEqual([0, 1, 0, 2]);
    expect([...part.rows]).toEqual([0, 1, 2, 3]);
    expect(rows.organizations).toBe(3);
  });

  it('numbers a registry list with distinct ids by row, as the id map would', () => {
    // ids Z Y X, all different: row i is the i-th id to appear, so organization i (not ordered by id)
    const ids = ['Z', 'Y', 'X'];
    const fast = new MemoryOrgRows(dataset(ids, 'registry'), { distinctIds: true });
    const mapped = new MemoryOrgRows(dataset(ids, 'registry'));
    expect([...fast.partOf(2).orgs]).toEqual([0, 1, 2]);
    expect(fast.organizations).toBe(3);
    expect([...mapped.partOf(2).orgs]).toEqual([0, 1, 2]);
    expect([...fast.partOf(0).rows]).toEqual([0, 1, 2]);
  });

  it('ignores distinctIds for a panel, whose ids repeat by year', () => {
    // ids A A B over three years: organizations 0 0 1, two of them
    const rows = new MemoryOrgRows(dataset(['A', 'A', 'B'], 'panel'), { distinctIds: true });
    expect([...rows.partOf(1).orgs]).toEqual([0, 0, 1]);
    expect(rows.organizations).toBe(2);
  });

  it('has no organizations without rows', () => {
    const rows = new MemoryOrgRows(dataset([], 'registry'), { distinctIds: true });
    expect(rows.organizations).toBe(0);
    expect(() => rows.partOf(0)).toThrow(/organization 0 has no rows/);
  });
});
