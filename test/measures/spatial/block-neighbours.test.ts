import { describe, expect, it } from 'vitest';
import { blockNeighbours } from '../../../src/measures/spatial/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('blockNeighbours', () => {
  it('units in the same group are neighbours of each other', () => {
    // a = {0, 2, 3}, b = {1}
    expect(blockNeighbours(['a', 'b', 'a', 'a'])).toEqual([[2, 3], [], [0, 3], [0, 2]]);
    // numbers and their string forms are the same label
    expect(blockNeighbours([1, '1'])).toEqual([[1], [0]]);
  });

  it('rejects an empty grouping', () => {
    expectMeasureError(() => blockNeighbours([]), 'blockNeighbours: groups must be a non-empty array');
  });
});
