// Local Moran (LISA) against published PySAL esda values on the libpysal example data copied
// to test/fixtures/reference/data (test/fixtures/reference/README.md): esda's test suite gives Moran's I of stl
// HR8893 = 0.24365582621771659 (row-standardised) and Moran_Local_BV(SIDR79, SIDR74,
// sids2.gal).Is[0] = 1.4649221250620736. With row-standardised weights and no islands the
// local statistics add up to (n − 1)·I (Anselin 1995, eq. 7 with esda's scaling), so the
// published global I checks every I_i at once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localMoran, moransI } from '../../../src/measures/spatial/index.js';
import { readCsvColumn } from '../../helpers/read-csv-column.js';
import { readGal } from '../../helpers/read-gal.js';
import { rookLattice } from '../../helpers/rook-lattice.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/reference/data');
const stl = {
  values: readCsvColumn(path.join(DATA, 'stl_hom.txt'), 'HR8893', 1),
  neighbours: readGal(path.join(DATA, 'stl.gal')).neighbours,
};
const sids = {
  sidr74: readCsvColumn(path.join(DATA, 'sids2.csv'), 'SIDR74'),
  sidr79: readCsvColumn(path.join(DATA, 'sids2.csv'), 'SIDR79'),
  neighbours: readGal(path.join(DATA, 'sids2.gal')).neighbours,
};

describe('localMoran', () => {
  it('adds up to (n − 1) × the published global I of stl HR8893 (esda 0.24365582621771659)', () => {
    const r = localMoran(stl.values, stl.neighbours, { permutations: 0 });
    const sum = r.units.reduce((a, u) => a + u.I, 0);
    expect(r.n).toBe(78);
    expect(sum / (r.n - 1)).toBeCloseTo(0.24365582621771659, 12);
    // and the global measure of this package agrees
    expect(moransI(stl.values, stl.neighbours).I).toBeCloseTo(0.24365582621771659, 12);
  });

  it('gives the published bivariate I_0 of sids2 (esda Moran_Local_BV(SIDR79, SIDR74).Is[0] = 1.4649221250620736)', () => {
    const r = localMoran(sids.sidr79, sids.neighbours, { permutations: 0, lagValues: sids.sidr74 });
    expect(r.units[0].I).toBeCloseTo(1.4649221250620736, 12);
  });

  it('labels the Moran scatter quadrants and the neighbours’ mean (hand calculation on a 3×3 lattice)', () => {
    // y = 1..9 row by row, rook: unit 0 (y 1) has neighbours 1, 3 (y 2, 4): lag 3, ȳ = 5 → LL;
    // 1: (1+3+5)/3 = 3; 2: (2+6)/2 = 4; 3: (1+5+7)/3 = 13/3; 4: (2+4+6+8)/4 = 5;
    // 5: (3+5+9)/3 = 17/3; 6: (4+8)/2 = 6; 7: (5+7+9)/3 = 7; 8 (y 9): (6+8)/2 = 7 → HH
    const r = localMoran([1, 2, 3, 4, 5, 6, 7, 8, 9], rookLattice(3, 3), { permutations: 0 });
    const lags = [3, 3, 4, 13 / 3, 5, 17 / 3, 6, 7, 7];
    r.units.forEach((u, i) => expect(u.lag).toBeCloseTo(lags[i], 12));
    expect(r.units[0].quadrant).toBe('LL');
    expect(r.units[8].quadrant).toBe('HH');
    // z of the centre is 0 (counts as L, as in PySAL), its lag is 0 too: LL with I = 0
    expect(r.units[4]).toMatchObject({ quadrant: 'LL', I: 0 });
    // I_0 = (n−1)·z_0·(Wz)_0/Σz²: z = (y−5)/σ, σ² = 60/9; (Wz)_0 = (3−5)/σ; Σz² = 9
    // → 8·(−4/σ)(−2/σ)/9 = 64/(9σ²) = 64/60
    expect(r.units[0].I).toBeCloseTo(64 / 60, 12);
    expect(r.units.every((u) => u.p === null && u.cluster === 'ns')).toBe(true);
  });

  it('is deterministic for a seed, and its pseudo p-values lie on the permutation grid', () => {
    const a = localMoran(stl.values, stl.neighbours, { permutations: 99, seed: 7 });
    const b = localMoran(stl.values, stl.neighbours, { permutations: 99, seed: 7 });
    expect(a).toEqual(b);
    for (const u of a.units) {
      expect(u.p! * 100).toBeCloseTo(Math.round(u.p! * 100), 9); // (larger + 1)/100
      expect(u.p!).toBeGreaterThanOrEqual(0.01);
      expect(u.p!).toBeLessThanOrEqual(0.5); // one-sided in the observed direction: larger ≤ P/2
      expect(u.cluster === 'ns' || (u.p! <= 0.05 && u.cluster === u.quadrant)).toBe(true);
    }
  });

  it('finds a planted hot spot and cold spot significant (6×6 lattice, seeded)', () => {
    // 6×6 rook lattice, the top-left 3×3 block high (10), bottom-right 3×3 block low (0), the rest 5
    const values = Array.from({ length: 36 }, (_, k) => {
      const [r, c] = [Math.floor(k / 6), k % 6];
      return r < 3 && c < 3 ? 10 : r >= 3 && c >= 3 ? 0 : 5;
    });
    const res = localMoran(values, rookLattice(6, 6), { permutations: 999, seed: 1 });
    expect(res.units[0].cluster).toBe('HH'); // corner of the high block: both neighbours 10
    expect(res.units[35].cluster).toBe('LL');
    expect(res.units[0].p!).toBeLessThanOrEqual(0.05);
  });

  it('gives islands I = 0, no lag, no p and ns', () => {
    const r = localMoran([1, 5, 3, 8], [[1], [0], [], []], { permutations: 9 });
    expect(r.islands).toEqual([2, 3]);
    expect(r.units[2]).toMatchObject({ I: 0, lag: null, p: null, quadrant: null, cluster: 'ns' });
  });

  it('rejects bad input', () => {
    expectMeasureError(() => localMoran([1, 1, 1], [[1], [0], []]), 'localMoran');
    expectMeasureError(() => localMoran([1, 2], [[1], [0]]), 'localMoran');
    expectMeasureError(() => localMoran([1, 2, 3], [[1], [0], []], { alpha: 0 }), 'localMoran');
    expectMeasureError(() => localMoran([1, 2, 3], [[1], [0], []], { permutations: 1.5 }), 'localMoran');
    expectMeasureError(() => localMoran([1, 2, 3], [[1], [0], []], { lagValues: [1, 2] }), 'localMoran');
  });
});
