// Moran's I against R spdep 1.2-7 moran.test (test/fixtures/reference/spdep_moran_results.txt):
// row-standardised (W) and binary (B) weights, randomisation and normality, one-sided
// ("greater") and two-sided p. Every expected number below is read from that file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moransI } from '../../../src/measures/spatial/index.js';
import { readCsvColumn } from '../../helpers/read-csv-column.js';
import { readGal } from '../../helpers/read-gal.js';
import { referencePath } from '../../helpers/reference-path.js';
import { rookLattice } from '../../helpers/rook-lattice.js';

interface SpdepRow {
  dataset: string;
  style: 'W' | 'B';
  assumption: 'rand' | 'norm';
  numbers: Record<'I' | 'EI' | 'VI' | 'z' | 'p_one' | 'p_two', number>;
}

function readSpdep(): SpdepRow[] {
  return readFileSync(referencePath('spdep_moran_results.txt'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [dataset, style, assumption, ...pairs] = line.split('|');
      const numbers = Object.fromEntries(pairs.map((p) => p.split('=')).map(([k, v]) => [k, Number(v)]));
      return {
        dataset,
        style: style.replace('style=', '') as 'W' | 'B',
        assumption: assumption as 'rand' | 'norm',
        numbers,
      } as SpdepRow;
    });
}

/** Values and neighbour lists of each data set named in the spdep file (null: data not shipped). */
function dataset(name: string): { values: number[]; neighbours: number[][] } | null {
  const data = (file: string, column: string, gal: string, skip = 0) => ({
    values: readCsvColumn(referencePath('data', file), column, skip),
    neighbours: readGal(referencePath('data', gal)).neighbours,
  });
  switch (name) {
    case 'stl_HR8893':
      return data('stl_hom.txt', 'HR8893', 'stl.gal', 1);
    case 'sids2_SIDR74':
      return data('sids2.csv', 'SIDR74', 'sids2.gal');
    case 'mexico_pcgdp1940':
      return data('mexico.csv', 'pcgdp1940', 'mexico.gal');
    case 'mexico_pcgdp2000':
      return data('mexico.csv', 'pcgdp2000', 'mexico.gal');
    case 'columbus_CRIME_COLnb':
      return data('columbus.csv', 'CRIME', 'columbus_COL.gal'); // spdep oldcol: COL.OLD$CRIME, COL.nb
    case 'lat3x3_rook_y1to9':
      return { values: [1, 2, 3, 4, 5, 6, 7, 8, 9], neighbours: rookLattice(3, 3) };
    default:
      return null;
  }
}

/** spdep prints 15 significant digits: compare to 1e-9 relative. */
function close(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: got ${actual}, spdep ${expected}`).toBeLessThanOrEqual(
    1e-9 * Math.abs(expected),
  );
}

describe("Moran's I against R spdep moran.test", () => {
  for (const row of readSpdep()) {
    const name = `${row.dataset} style=${row.style} ${row.assumption}`;
    const d = dataset(row.dataset);
    if (d === null) throw new Error(`no data for the spdep case ${row.dataset}: add it to dataset()`);
    it(name, () => {
      const m = moransI(d.values, d.neighbours, { style: row.style });
      const r = row.assumption === 'rand';
      close(m.I, row.numbers.I, 'I');
      close(m.expected, row.numbers.EI, 'EI');
      close(r ? m.varianceRandomisation : m.varianceNormality, row.numbers.VI, 'VI');
      close(r ? m.zRandomisation : m.zNormality, row.numbers.z, 'z');
      close(r ? m.pRandomisationGreater : m.pNormalityGreater, row.numbers.p_one, 'p one-sided');
      close(r ? m.pRandomisationTwoSided : m.pNormalityTwoSided, row.numbers.p_two, 'p two-sided');
    });
  }
});
