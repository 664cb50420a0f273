import { describe, expect, it } from 'vitest';
import {
  K_AMOUNT,
  K_COUNT,
  K_DATE,
  K_FLAG,
  K_NUMBER,
  K_RATING,
  K_YEAR,
  NOT_PLAIN,
  plainNumber,
} from '../../src/ingest/plain-cells.js';
import { plainDateBytes, plainDecimalBytes, plainNumberBytes } from '../../src/ingest/plain-bytes.js';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);

// The byte readers must give what the text readers give for the same cell (the byte path of
// the CSV reader takes a line only when its text twin would): every expected value here is
// the text reader's, `plainNumber` of plain-cells.ts, itself checked against the full
// conversion in test/ingest/plain-cells.test.ts and test/perf/optimized-path-identity.test.ts.
describe('plain number readers over bytes', () => {
  it('agree with the text readers on hand-picked cells of every kind', () => {
    const cells = [
      '',
      '0',
      '1',
      '2',
      '5',
      '6',
      '-0',
      '-1',
      '00',
      '12',
      '24053',
      '12.50',
      '0.1',
      '-0.0',
      '1e5',
      '1,000',
      '123456789012345',
      '1234567890123456',
      '1.000000000000001',
      '123456789.123456',
      '12345678901234.5678',
      '0.30000000000000004',
      '9007199254740993',
      '.5',
      '5.',
      '+5',
      ' 5',
      '5 ',
      '１２',
      '2024-06-01',
      '2023-02-29',
      '2024-02-29',
      '1900-02-29',
      '2000-02-29',
      '0099-01-01',
      '2024',
      '2024-13-01',
      '2024-00-10',
      '2024-6-1',
      '2024/06/01',
      '2024-06-31',
      '2024-06-30',
      'NaN',
      'Infinity',
      '－1',
      '1.',
      '1.2.3',
    ];
    for (const kind of [K_FLAG, K_RATING, K_DATE, K_YEAR, K_COUNT, K_AMOUNT, K_NUMBER])
      for (const c of cells) {
        const b = bytes(`x,${c},y`);
        expect([kind, c, plainNumberBytes(kind, b, 2, b.length - 2)]).toEqual([
          kind,
          c,
          plainNumber(kind, `x,${c},y`, 2, 2 + c.length),
        ]);
      }
  });

  it('agree with the text readers on 20,000 random decimals (up to 15 + 15 digits, signs)', () => {
    // a seeded linear congruential generator: the same cells on every run
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const digits = (n: number): string => Array.from({ length: n }, () => String(rand(10))).join('');
    for (let i = 0; i < 20_000; i++) {
      const c = (rand(4) === 0 ? '-' : '') + digits(1 + rand(16)) + (rand(2) ? '.' + digits(1 + rand(16)) : '');
      const b = bytes(c);
      expect([c, plainDecimalBytes(b, 0, b.length)]).toEqual([c, plainNumber(K_NUMBER, c, 0, c.length)]);
    }
  });

  it('reads the JSDoc examples', () => {
    // 2024-06-01 is a real day: yyyymmdd
    expect(plainNumberBytes(K_DATE, bytes('2024-06-01'), 0, 10)).toBe(20240601);
    // 12.50 = 1250 / 100
    expect(plainDecimalBytes(bytes('12.50'), 0, 5)).toBe(12.5);
    // 2023 is not a leap year
    expect(plainDateBytes(bytes('2023-02-29'), 0, 10)).toBe(NOT_PLAIN);
  });
});
