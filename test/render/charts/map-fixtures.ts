/**
 * results.json objects for the map tests: every unit of a built-in boundary file as a
 * region, with made-up counts, location quotients, tension classes and LISA clusters
 * (values follow from the unit's position, so the fixture is deterministic; they test
 * drawing, not numbers).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { coordinationClass } from '../../../src/measures/coupling/coordination-class.js';
import type { Results } from '../../../src/results/results.js';
import { evilResults } from '../report/results-fixture.js';

interface Unit {
  code: string;
  zh: string;
  en: string;
  core: boolean;
}

const root = resolve(import.meta.dirname, '../../..');

/** The units of a boundary file as regions (names from the boundary; en = zh for China). */
export function boundaryUnits(id: string): Unit[] {
  const t = JSON.parse(readFileSync(resolve(root, 'data/boundaries', `${id}.topo.json`), 'utf8')) as {
    objects: { units: { geometries: { id: string; properties: { name: string } }[] } };
  };
  return t.objects.units.geometries.map((g, i) => ({
    code: g.id,
    zh: g.properties.name,
    en: g.properties.name,
    core: i % 7 === 0,
  }));
}

/** The 51 regions of data/regions/us-states.json (code = two-letter USPS code). */
export function usStateUnits(): Unit[] {
  const r = JSON.parse(readFileSync(resolve(root, 'data/regions/us-states.json'), 'utf8')) as {
    regions: { code: string; zh: string; en: string; zone: string }[];
  };
  return r.regions.map((x) => ({ code: x.code, zh: x.zh, en: x.en, core: x.zone === 'core' }));
}

const CLUSTERS = ['HH', 'LL', 'HL', 'LH', 'ns', 'ns', 'ns'] as const;

/**
 * A results.json over the given units of regions file `regionsId`: counts in 2015 and 2024,
 * a spatial section with location quotients and a LISA section of the shape the spatial
 * analysis writes (`analyses.spatial.lisa`), and a tension section with two tensions.
 *
 * @param regionsId `provenance.regions.id`
 * @param units the regions
 */
export function mapResults(regionsId: string, units: readonly Unit[]): Results {
  const r = evilResults();
  const pop = (i: number) => 1_000_000 + ((i * 7919) % 50) * 100_000;
  const count = (i: number, y: number) => 100 + ((i * 31) % 40) * 10 + (y === 2024 ? (i % 5) * 40 : 0);
  r.provenance.regions = { id: regionsId, populationYear: 2020, count: units.length };
  r.regions = units.map((u, i) => ({
    code: u.code,
    zh: u.zh,
    en: u.en,
    population: pop(i),
    zone: u.core ? 'core' : 'periphery',
    tags: [],
  }));
  const years = [2015, 2024];
  const byYearRegion = years.flatMap((year) => units.map((u, i) => ({ year, region: u.code, count: count(i, year) })));
  r.counts = {
    ...r.counts,
    years,
    regions: units.map((u) => u.code),
    byYear: years.map((year) => ({
      year,
      count: byYearRegion.filter((c) => c.year === year).reduce((s, c) => s + c.count, 0),
    })),
    byYearRegion,
  };
  const lq = (i: number) => 0.3 + ((i * 13) % 20) / 10;
  r.analyses = {
    spatial: {
      byYear: [
        {
          year: 2024,
          all: { regions: units.map((u, i) => ({ region: u.code, lq: lq(i) })) },
          fields: {
            rows: [
              {
                field: 'ecology',
                zh: '生态环境',
                en: 'ecology',
                lq: Object.fromEntries(units.map((u, i) => [u.code, i % 9 === 0 ? null : lq(i + 3)])),
              },
            ],
            seedClaim: { fields: ['ecology'] },
            peripheryTop: [],
          },
        },
      ],
      lisa: {
        year: 2024,
        variable: 'per10k',
        permutations: 999,
        alpha: 0.05,
        seed: 1,
        units: units.map((u, i) => ({
          code: u.code,
          name: u.zh,
          value: 1,
          lag: 1,
          I: 0.5,
          p: CLUSTERS[i % 7] === 'ns' ? 0.4 : 0.01,
          cluster: CLUSTERS[i % 7],
        })),
      },
    },
    tension: {
      tensions: ['structural', 'resource'].map((id, k) => ({
        id,
        zh: k === 0 ? '结构性张力' : '资源张力',
        en: k === 0 ? 'structural tension' : 'resource tension',
        units: units.map((u, i) => {
          const D = ((i + 3 * k) % 10) / 10 + 0.05; // the middle of a class interval
          const c = coordinationClass(D);
          return { region: u.code, year: 2024, classIndex: c.index, zh: c.zh, en: c.en, D };
        }),
      })),
    },
  } as unknown as Results['analyses']; // only what the maps read
  return r;
}

/**
 * A copy of `results` with `analyses.spatial.lisa` when the spatial section has none yet
 * (clusters assigned by region position, as the LISA map needs them; the spatial analysis
 * writes the real ones once it computes local Moran), so tests can expect every chart.
 *
 * @param results a results.json with a spatial section
 */
export function withLisa(results: Results): Results {
  const r = structuredClone(results);
  const spatial = r.analyses.spatial as Record<string, unknown> | undefined;
  if (!spatial || spatial.lisa) return r;
  spatial.lisa = {
    year: r.counts.years.at(-1),
    variable: 'per10k',
    permutations: 999,
    alpha: 0.05,
    seed: 1,
    units: r.regions.map((x, i) => ({
      code: x.code,
      name: x.zh,
      value: 1,
      lag: 1,
      I: 0,
      p: CLUSTERS[i % 7] === 'ns' ? 0.5 : 0.01,
      cluster: CLUSTERS[i % 7],
    })),
  };
  return r;
}
