import { describe, expect, it } from 'vitest';
import { groupShare } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('groupShare', () => {
  const units = { Hohhot: 30, Baotou: 20, Ordos: 50 };

  it('share of a named subset', () => {
    // (30 + 20)/100
    expect(groupShare(units, ['Hohhot', 'Baotou'])).toBe(0.5);
    // a name given twice counts once: 30/100
    expect(groupShare(units, ['Hohhot', 'Hohhot'])).toBe(0.3);
    expect(groupShare(units, [])).toBe(0);
  });

  it('rejects an unknown name', () => {
    expectMeasureError(() => groupShare(units, ['Hulunbuir']), 'subset name "Hulunbuir" is not one of the units');
    expectMeasureError(() => groupShare({}, []), 'non-empty');
    expectMeasureError(() => groupShare({ a: 0 }, ['a']), 'must not all be 0');
  });
});
