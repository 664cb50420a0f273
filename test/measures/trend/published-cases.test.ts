// Every trend case of test/fixtures/reference/published_inequality_trend_cases.json (pyMannKendall
// original_test and sens_slope), one it() per case id; expected values, tolerances and
// sources come from the file.
import { describe, expect, it } from 'vitest';
import { mannKendall, sensSlope } from '../../../src/measures/trend/index.js';
import { caseValues, expectCase, publishedCases, type PublishedCase } from '../../helpers/published-cases.js';

function compute(c: PublishedCase): number {
  const x = caseValues(c);
  if (c.stat.startsWith('sen_')) {
    const { slope, intercept } = sensSlope(x);
    // mannKendall reports the same Sen's slope, as pyMannKendall original_test does
    expect(mannKendall(x).slope).toBe(slope);
    return c.stat === 'sen_slope' ? slope : intercept;
  }
  const mk = mannKendall(x);
  switch (c.stat) {
    case 'mk_S':
      return mk.s;
    case 'mk_var_s':
      return mk.varS;
    case 'mk_Z':
      return mk.z;
    case 'mk_p':
      return mk.p;
    case 'mk_tau':
      return mk.tau;
    default:
      throw new Error(`no dispatch for stat ${c.stat}`);
  }
}

describe('published trend cases', () => {
  for (const c of publishedCases('trend')) {
    it(c.id, () => expectCase(c, compute(c)));
  }
});
