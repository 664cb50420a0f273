import type { Cube, CubeCell } from '../../../src/cube/cube.js';
import type { RegionsFile } from '../../../src/domain/regions/regions.js';
import type { IndicatorDef, ComputeSpec, LayerId } from '../../../src/domain/framework/framework.js';
import { createLogger } from '../../../src/core/logger.js';
import type { AnalysisConfig, AnalysisContext } from '../../../src/analyses/analysis-context.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';

/** Measures of the tiny cube. */
export const TINY_MEASURES = [
  'staff_fulltime',
  'cert_junior',
  'party_org',
  'rev_gov_purchase',
  'rev_donations',
  'rev_membership',
  'rev_services',
  'rev_other',
];

type Partial2 = { [f: string]: [sum: number, n: number] };

function cell(region: string, year: number, type: string, count: number, m: Partial2): CubeCell {
  const sum: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const f of TINY_MEASURES) {
    sum[f] = m[f]?.[0] ?? 0;
    n[f] = m[f]?.[1] ?? 0;
  }
  return { region, year, type, field: '', count, sum, n };
}

/**
 * A hand-built cube (cells as [sum, n] per field) whose group values are worked out by hand
 * in the tests:
 *
 * | region | year | type | count | staff_fulltime | cert_junior | party_org | revenue (gov, don, mem, serv, other) |
 * |---|---|---|---|---|---|---|---|
 * | A | 2023 | social_group | 2 | 4 / 2 | – | 1 / 2 | – |
 * | A | 2024 | social_group | 3 | 6 / 2 | 1 / 1 | 2 / 2 | 60, 20, 20, 0, 0 (n 3) |
 * | A | 2024 | foundation | 1 | 2 / 1 | 1 / 1 | 0 / 1 | 0, 100, 0, 0, 0 (n 1) |
 * | B | 2024 | social_group | 4 | 4 / 4 | 0 / 4 | 1 / 4 | 40, 0, 40, 0, 0 (n 4) |
 */
export function tinyCube(): Cube {
  const rev = (g: number, d: number, m: number, n: number): Partial2 => ({
    rev_gov_purchase: [g, n],
    rev_donations: [d, n],
    rev_membership: [m, n],
    rev_services: [0, n],
    rev_other: [0, n],
  });
  const cells = [
    cell('A', 2023, 'social_group', 2, { staff_fulltime: [4, 2], party_org: [1, 2] }),
    cell('A', 2024, 'foundation', 1, {
      staff_fulltime: [2, 1],
      cert_junior: [1, 1],
      party_org: [0, 1],
      ...rev(0, 100, 0, 1),
    }),
    cell('A', 2024, 'social_group', 3, {
      staff_fulltime: [6, 2],
      cert_junior: [1, 1],
      party_org: [2, 2],
      ...rev(60, 20, 20, 3),
    }),
    cell('B', 2024, 'social_group', 4, {
      staff_fulltime: [4, 4],
      cert_junior: [0, 4],
      party_org: [1, 4],
      ...rev(40, 0, 40, 4),
    }),
  ];
  return {
    source: 'aggregate',
    measures: [...TINY_MEASURES],
    regions: ['A', 'B'],
    years: [2023, 2024],
    types: ['foundation', 'social_group'],
    fields: [''],
    cells,
  };
}

/** Regions of the tiny cube: A 20,000 residents, B 10,000. */
export function tinyRegions(): RegionsFile {
  return {
    id: 'tiny',
    regions: [
      { code: 'A', zh: '甲', en: 'A', population: 20000, zone: 'core' },
      { code: 'B', zh: '乙', en: 'B', population: 10000, zone: 'periphery' },
    ],
  };
}

/** A minimal indicator definition. */
export function ind(
  id: string,
  layer: LayerId,
  compute: ComputeSpec,
  direction: 1 | -1 = 1,
  weight?: number,
): IndicatorDef {
  return {
    id,
    label: { zh: id, en: id },
    layer,
    direction,
    unit: 'u',
    rationale: 'test',
    compute,
    ...(weight === undefined ? {} : { weight }),
  };
}

/** An analysis context around a cube. */
export function contextOf(
  cube: Cube,
  regions: RegionsFile,
  config: Partial<AnalysisConfig> = {},
  extra: Record<string, unknown> = {},
  seed = 1,
): AnalysisContext {
  return {
    cube,
    rows: { kind: 'aggregate' },
    regions,
    fieldsOfActivity: [],
    gazetteer: loadChinaGazetteer,
    options: { seed, config: analysisConfig(config), extra: { indicators: extra } },
    log: createLogger(),
  };
}
