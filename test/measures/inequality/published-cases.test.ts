// Every inequality/concentration case of test/fixtures/reference/published_inequality_trend_cases.json,
// one it() per case id. Expected values, tolerances and sources are read from the file; the
// source of each number is the case's `source` field (PySAL inequality, R ineq, REAT).
import { describe, expect, it } from 'vitest';
import {
  atkinson,
  gini,
  hhi,
  hoover,
  locationQuotient,
  locationQuotientMatrix,
  lorenz,
  rosenbluth,
  theil,
} from '../../../src/measures/inequality/index.js';
import {
  allPublishedCases,
  caseGroups,
  caseValues,
  expectCase,
  familyOf,
  publishedCases,
  type PublishedCase,
} from '../../helpers/published-cases.js';

function compute(c: PublishedCase): number | number[] {
  const x = caseValues(c);
  switch (c.stat) {
    case 'gini':
      return gini(x);
    case 'gini_corr':
      return gini(x, { corrected: true });
    case 'gini_weighted':
      return gini(x, { weights: c.weights });
    case 'gini_conc':
      // REAT gini.conc = unweighted Gini of the location quotients of e_ij against ref e_j.
      return gini(locationQuotient(x, c.ref ?? []));
    case 'lorenz_L':
      return lorenz(x).map((p) => p.y);
    case 'hoover':
      return hoover(x);
    case 'atkinson':
      return atkinson(x, c.eps);
    case 'hhi':
      return hhi(x).hhi;
    case 'hhi_norm':
      return hhi(x).normalized;
    case 'hhi_eq':
      return hhi(x).numbersEquivalent;
    case 'rosenbluth':
      return rosenbluth(x);
    case 'theil_t':
      return theil(x);
    case 'theil_l':
      return theil(x, { type: 'L' });
    case 'theil_between':
      return theil(x, { groups: caseGroups(c) }).between;
    case 'theil_within':
      return theil(x, { groups: caseGroups(c) }).within;
    default:
      throw new Error(`no dispatch for stat ${c.stat}`);
  }
}

describe('published inequality and concentration cases', () => {
  for (const c of publishedCases('inequality')) {
    if (c.stat === 'locq') {
      it(c.id, () => {
        // REAT locq(e_ij, e_j, e_i, e): field i in region j, all of region j, all of field i, all.
        const [eij, ei, ej, e] = c.args ?? [];
        // vector form: units = [region j, rest], counts = field i, population = all fields
        expectCase(c, locationQuotient([eij, ei - eij], [ej, e - ej])[0]);
        // matrix form: rows = [field i, other fields], columns = [region j, other regions]
        const m = [
          [eij, ei - eij],
          [ej - eij, e - ei - ej + eij],
        ];
        expectCase(c, locationQuotientMatrix(m)[0][0]);
      });
    } else {
      it(c.id, () => expectCase(c, compute(c)));
    }
  }
});

describe('published case coverage', () => {
  it('runs all 75 cases, each in exactly one family', () => {
    const cases = allPublishedCases();
    expect(cases).toHaveLength(75);
    expect(cases.filter((c) => familyOf(c.stat) === undefined).map((c) => c.id)).toEqual([]);
    expect(new Set(cases.map((c) => c.id)).size).toBe(75);
  });
});
