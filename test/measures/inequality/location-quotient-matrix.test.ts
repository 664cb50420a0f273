import { describe, expect, it } from 'vitest';
import { locationQuotientMatrix } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('locationQuotientMatrix', () => {
  it('field × region quotients', () => {
    // total 100; region totals 50, 50; field totals 40, 60
    // LQ = x·100/(region·field): 10·100/(50·40) = .5, 30·100/2000 = 1.5, 40·100/3000, 20·100/3000
    expect(
      locationQuotientMatrix([
        [10, 30],
        [40, 20],
      ]),
    ).toEqual([
      [0.5, 1.5],
      [4 / 3, 2 / 3],
    ]);
  });

  it('a field or region with no organizations gives NaN (0/0)', () => {
    const m = locationQuotientMatrix([
      [0, 0],
      [3, 1],
    ]);
    expect(m[0][0]).toBeNaN();
    expect(m[0][1]).toBeNaN();
    expect(m[1]).toEqual([1, 1]);
  });

  it('rejects empty, ragged and all-zero tables', () => {
    expectMeasureError(() => locationQuotientMatrix([]), 'non-empty array of rows');
    expectMeasureError(() => locationQuotientMatrix([[1, 2], [3]]), 'row 1 must have 2 entries');
    expectMeasureError(() => locationQuotientMatrix([[0, 0]]), 'must not be all 0');
    expectMeasureError(() => locationQuotientMatrix([[1, -2]]), 'row 0 must be non-negative, got -2 at index 1');
  });
});
