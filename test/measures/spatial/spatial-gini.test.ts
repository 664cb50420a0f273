import { describe, expect, it } from 'vitest';
import { blockNeighbours, spatialGini } from '../../../src/measures/spatial/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('spatialGini', () => {
  it('splits Σ|xᵢ − xⱼ| into neighbour and non-neighbour pairs (hand calculation)', () => {
    // pairs of 1,2,3,4: |d| = 1,2,3,1,2,1 → 10, both orders → 20; den = 2n²x̄ = 2·16·2.5 = 80
    // neighbours {0,1}, {2,3}: 2·(1 + 1) = 4; non-neighbours 20 − 4 = 16
    const r = spatialGini([1, 2, 3, 4], [[1], [0], [3], [2]]);
    expect(r.totalAbsoluteDifference).toBe(20);
    expect(r.denominator).toBe(80);
    expect(r.gini).toBe(0.25);
    expect(r.neighbourSum).toBe(4);
    expect(r.nonNeighbourSum).toBe(16);
    expect(r.neighbourGini).toBe(0.05);
    expect(r.nonNeighbourGini).toBe(0.2);
    expect(r.permutation).toBeNull();
  });

  it('with block neighbours, as PySAL block_weights', () => {
    // groups a = {0, 2}: neighbour sum 2·|1 − 3| = 4
    expect(spatialGini([1, 2, 3], blockNeighbours(['a', 'b', 'a'])).neighbourSum).toBe(4);
  });

  it('permutations are reproducible with a seed', () => {
    const x = [1, 5, 2, 8, 3, 9, 4, 7];
    const nb = blockNeighbours([0, 0, 0, 0, 1, 1, 1, 1]);
    const a = spatialGini(x, nb, { permutations: 49, seed: 3 });
    expect(a.permutation).toEqual(spatialGini(x, nb, { permutations: 49, seed: 3 }).permutation);
    // (larger + 1)/(49 + 1)
    const larger = a.permutation!.pPseudo * 50 - 1;
    expect(larger).toBeCloseTo(Math.round(larger), 9);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => spatialGini([], []), 'spatialGini: values must be a non-empty array');
    expectMeasureError(() => spatialGini([1, 2], [[1]]), 'neighbours must be an array of 2');
    expectMeasureError(
      () => spatialGini([1, 2], [[1], [0]], { permutations: 1.5 }),
      'permutations must be a non-negative integer',
    );
  });
});
