// Every spatial case of test/fixtures/reference/published_inequality_trend_cases.json (PySAL esda
// Moran, PySAL inequality Gini_Spatial), one it() per case id; expected values, tolerances and
// sources come from the file.
import { describe, expect, it } from 'vitest';
import { blockNeighbours, moransI, spatialGini } from '../../../src/measures/spatial/index.js';
import {
  caseGroups,
  caseNeighbours,
  caseValues,
  expectCase,
  publishedCases,
  type PublishedCase,
} from '../../helpers/published-cases.js';

function compute(c: PublishedCase): number {
  const x = caseValues(c);
  if (c.stat.startsWith('moran_')) {
    // PySAL transformation 'R' (row-standardised) is style 'W'.
    const m = moransI(x, caseNeighbours(c), { style: c.style === 'B' ? 'B' : 'W' });
    switch (c.stat) {
      case 'moran_I':
        return m.I;
      case 'moran_EI':
        return m.expected;
      case 'moran_VI_rand':
        return m.varianceRandomisation;
      case 'moran_VI_norm':
        return m.varianceNormality;
      case 'moran_p_norm_one':
        // esda's one-tailed p is in the direction of the observed z; these z are positive,
        // so it is the "greater" p.
        expect(m.zNormality).toBeGreaterThan(0);
        return m.pNormalityGreater;
      case 'moran_p_norm_two':
        return m.pNormalityTwoSided;
    }
  }
  // PySAL test_spatial: Gini_Spatial(y, block_weights(hanson98)); wg = neighbour pairs.
  const sg = spatialGini(x, blockNeighbours(caseGroups(c)));
  if (c.stat === 'spatial_gini_wg') return sg.neighbourSum;
  if (c.stat === 'spatial_gini_wcg') return sg.nonNeighbourSum;
  throw new Error(`no dispatch for stat ${c.stat}`);
}

describe('published spatial cases', () => {
  for (const c of publishedCases('spatial')) {
    it(c.id, () => expectCase(c, compute(c)));
  }
});
