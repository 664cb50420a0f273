import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { correlationFlags } from '../../../src/measures/composite/correlation-flags.js';

describe('correlationFlags', () => {
  it('flags a near-duplicate pair within a group (hand calculation)', () => {
    // x = 1, 2, 3; y = 2, 4, 7: deviations x -1, 0, 1; y -7/3, -1/3, 8/3
    // Sxy = 7/3 + 8/3 = 5; Sxx = 2; Syy = (49 + 1 + 64)/9 = 114/9
    // r = 5 / sqrt(2 * 114/9) = 0.9933993 > 0.9
    const f = correlationFlags(
      [
        [1, 2, 5],
        [2, 4, 1],
        [3, 7, 4],
      ],
      ['A', 'A', 'A'],
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ group: 'A', i: 0, j: 1, n: 3 });
    expect(f[0].r).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 12);
  });

  it('pairs in different groups are not compared', () => {
    expect(
      correlationFlags(
        [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        ['A', 'B'],
      ),
    ).toEqual([]);
  });

  it('negative correlation counts by absolute value; threshold is strict', () => {
    // y = -x exactly: r = -1
    const m = [
      [1, -1],
      [2, -2],
      [3, -3],
    ];
    expect(correlationFlags(m, ['A', 'A'])[0].r).toBeCloseTo(-1, 12);
    expect(correlationFlags(m, ['A', 'A'], 1)).toEqual([]);
  });

  it('pairwise deletion; fewer than 3 shared units or a constant column is never flagged', () => {
    expect(
      correlationFlags(
        [
          [1, 1],
          [2, NaN],
          [3, 3],
        ],
        ['A', 'A'],
      ),
    ).toEqual([]);
    expect(
      correlationFlags(
        [
          [1, 5],
          [2, 5],
          [3, 5],
        ],
        ['A', 'A'],
      ),
    ).toEqual([]);
    // rows 0, 2, 3 complete: x = 1, 3, 4; y = 2, 6, 8 -> y = 2x -> r = 1
    expect(
      correlationFlags(
        [
          [1, 2],
          [2, NaN],
          [3, 6],
          [4, 8],
        ],
        ['A', 'A'],
      )[0].n,
    ).toBe(3);
  });

  it('rejects groups of the wrong length', () => {
    expect(() => correlationFlags([[1, 2]], ['A'])).toThrow(MeasureError);
  });
});
