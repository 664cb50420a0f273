import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { obstacleByGroup } from '../../../src/measures/composite/obstacle-by-group.js';

describe('obstacleByGroup', () => {
  it('sums per layer in order of first appearance (hand calculation)', () => {
    // A = 0.5 + 0.25 = 0.75, B = 0.25; second unit: A = 0.1 + 0.3 = 0.4, B = 0.6
    expect(
      obstacleByGroup(
        [
          [0.5, 0.25, 0.25],
          [0.1, 0.6, 0.3],
        ],
        ['A', 'B', 'A'],
      ),
    ).toEqual({
      groups: ['A', 'B'],
      values: [
        [0.75, 0.25],
        [0.4, 0.6],
      ],
    });
  });
  it('NaN cells are skipped; an all-NaN group is NaN', () => {
    const r = obstacleByGroup([[NaN, 0.2, NaN]], ['A', 'B', 'A']);
    expect(r.values[0][0]).toBeNaN();
    expect(r.values[0][1]).toBe(0.2);
  });
  it('rejects groups of the wrong length', () => {
    expect(() => obstacleByGroup([[0.5, 0.5]], ['A'])).toThrow(MeasureError);
  });
});
