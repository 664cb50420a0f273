import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatasetBuilder, type RowValues } from '../../../src/dataset/dataset-builder.js';
import type { Dataset } from '../../../src/dataset/dataset.js';
import { FIELDS } from '../../../src/dataset/fields.js';
import type { RegionsFile } from '../../../src/domain/regions/regions.js';
import { loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { loadRules } from '../../../src/ingest/rules/load-rules.js';
import type { RulesFile } from '../../../src/domain/rules/rules.js';
import {
  supervisionPass,
  type SupervisionModel,
  type Warning,
} from '../../../src/analyses/supervision/supervision-pass.js';
import type { Framework } from '../../../src/domain/framework/framework.js';
import { regionResolver } from '../../../src/domain/regions/region-resolver.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';
import { MemoryOrgRows } from '../../../src/ingest/rows/memory-org-rows.js';

/** The Inner Mongolia regions file (12 league-level units). */
export const REGIONS: RegionsFile = JSON.parse(readFileSync(resolve('data/regions/inner-mongolia.json'), 'utf8'));

/**
 * One healthy organization-year: activities, revenue from several sources (government
 * purchase 50%), expenses below revenue, 3 full-time + 1 part-time staff, 1 certified
 * worker, disclosure and online 1. Registered 2005-01-01, Hohhot, social group. `over`
 * replaces fields (null = missing).
 */
export function healthy(id: string, year: number, over: Partial<RowValues> = {}): RowValues {
  return {
    org_id: id,
    name: `organization ${id}`,
    type: 'social_group',
    region: '150100',
    registered: 20050101,
    year,
    status: 'active',
    activities: 5,
    rev_gov_purchase: 50000,
    rev_donations: 20000,
    rev_membership: 10000,
    rev_services: 20000,
    rev_other: 0,
    expenses: 90000,
    staff_fulltime: 3,
    staff_parttime: 1,
    cert_junior: 1,
    cert_mid: 0,
    cert_senior: 0,
    disclosure: 1,
    online: 1,
    ...over,
  } as RowValues;
}

/** Healthy rows of one organization for each year from..to, with per-year overrides. */
export function years(
  id: string,
  from: number,
  to: number,
  over: (year: number) => Partial<RowValues> = () => ({}),
): RowValues[] {
  const out: RowValues[] = [];
  for (let y = from; y <= to; y++) out.push(healthy(id, y, over(y)));
  return out;
}

/**
 * A Dataset built by hand through the same DatasetBuilder the ingest uses: the columns are
 * the union of the rows' keys, in canonical order; rows without `year` make a registry list.
 */
export function datasetOf(rows: readonly RowValues[]): Dataset {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  const present = FIELDS.map((f) => f.name).filter((n) => keys.has(n));
  const b = new DatasetBuilder(present);
  rows.forEach((r, k) => b.add(r, 0, k + 2));
  return b.finish(present.includes('year') ? 'panel' : 'registry');
}

/** Options of {@link passOf}: as-of year, a registry list's year, organizations (ids) whose indicator details to keep. */
export interface PassOptions {
  year?: number;
  registryAsOf?: number;
  detailFor?: ReadonlySet<string>;
  rules?: RulesFile;
  framework?: Framework;
}

/** Run the supervision pass on hand-built rows, held in memory (default rules and framework unless given). */
export function passOf(rows: readonly RowValues[], options: PassOptions = {}): SupervisionModel {
  return passOfDataset(datasetOf(rows), options);
}

function passOfDataset(ds: Dataset, options: PassOptions): SupervisionModel {
  const source = new MemoryOrgRows(ds);
  const ids = ds.text.org_id ?? [];
  const detailFor = new Set<number>();
  if (options.detailFor) {
    const orgs = [...source.parts()][0].orgs;
    for (let i = 0; i < ds.length; i++) if (options.detailFor.has(ids[i])) detailFor.add(orgs[i]);
  }
  const setup = {
    resolveRegion: regionResolver(REGIONS, loadChinaGazetteer),
    rules: options.rules ?? loadRules(),
    framework: options.framework ?? loadFramework(),
    governanceFields: new Set<string>(),
    registryAsOf: options.registryAsOf,
  };
  return supervisionPass(source, setup, [options.year], detailFor)[0];
}

/** Warnings by organization id (ids from each organization's latest row). */
export function warningsById(
  rows: readonly RowValues[],
  options: Parameters<typeof passOf>[1] = {},
): Map<string, Warning[]> {
  const ds = datasetOf(rows);
  const m = passOfDataset(ds, options);
  return new Map(m.flagged.map((f) => [ds.text.org_id[m.lastRow[f.org]], f.warnings]));
}

/** The rules of one rule id that fired for an organization (undefined when none). */
export function ruleHit(map: Map<string, Warning[]>, id: string, rule: string): Warning | undefined {
  return map.get(id)?.find((w) => w.rule === rule);
}
