import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../src/results/results.js';
import { FIELDS } from '../../src/dataset/fields.js';
import { generateSample, toCsvLine } from '../../src/sample/index.js';
import { freshDir, readJson, removeFreshDirs, ROOT } from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';

// The consistency guarantee of issue 11: aggregating organization rows yourself (group by
// region, year, type and field; count, sum, and count the organizations reporting each
// column) and feeding that table to soqa gives the same results.json analyses and counts as
// the organization rows, to the last digit, for every analysis the cube supports.
//
// The aggregation below is independent of soqa's cube code: it reads the generated rows as
// text, converts numbers with Number(), derives the per-organization quantities itself and
// sums in row order (the order soqa reads them, so the floating-point sums agree exactly).
// The table keeps the staff shares' reporting-set sums (the organizations that reported both
// numerator and denominator), so its staff shares rest on the same organizations as the rows'.
// These tests run `soqa analyze` in this process (`main`, test/helpers/run-command.ts).

afterAll(removeFreshDirs);

const regionsJson = JSON.parse(readFileSync(join(ROOT, 'data', 'regions', 'inner-mongolia.json'), 'utf8'));
const governance = new Set<string>(
  (
    JSON.parse(readFileSync(join(ROOT, 'data', 'fields-of-activity.json'), 'utf8')).fields as {
      code: string;
      governance?: boolean;
    }[]
  )
    .filter((f) => f.governance)
    .map((f) => f.code),
);

/** Numeric organization columns that are summed: counts, amounts, numbers, flags, the rating (not year or dates). */
const SUMMED = FIELDS.filter((f) => ['count', 'amount', 'number', 'flag', 'rating'].includes(f.kind)).map(
  (f) => f.name,
);
const REV = ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other'];

/** The per-organization quantities of docs/METHODS.md, computed here from the row (NaN = missing). */
const DERIVED: [string, (v: (f: string) => number, field: string) => number][] = [
  [
    'rev_total',
    (v) => {
      let s = 0;
      let any = false;
      for (const f of REV) {
        const x = v(f);
        if (!Number.isNaN(x)) {
          s += x;
          any = true;
        }
      }
      return any ? s : NaN;
    },
  ],
  ['has_fulltime_staff', (v) => (Number.isNaN(v('staff_fulltime')) ? NaN : v('staff_fulltime') > 0 ? 1 : 0)],
  ['manager_young', (v) => (Number.isNaN(v('manager_age')) ? NaN : v('manager_age') < 40 ? 1 : 0)],
  ['rated_3a', (v) => (Number.isNaN(v('rating')) ? NaN : v('rating') >= 3 ? 1 : 0)],
  ['has_gov_projects', (v) => (Number.isNaN(v('gov_projects')) ? NaN : v('gov_projects') > 0 ? 1 : 0)],
  ['governance_field', (_v, field) => (field === '' ? NaN : governance.has(field) ? 1 : 0)],
  [
    'discloses_or_online',
    (v) =>
      Number.isNaN(v('disclosure')) && Number.isNaN(v('online'))
        ? NaN
        : v('disclosure') === 1 || v('online') === 1
          ? 1
          : 0,
  ],
];

/**
 * The staff shares' reporting-set sums of docs/METHODS.md ("Staff shares"), computed here: the
 * sum of some fields over the organizations that reported every field of a set (NaN otherwise).
 */
const CERTS = ['cert_junior', 'cert_mid', 'cert_senior'];
const STAFF = ['staff_fulltime', 'staff_parttime'];
const masked =
  (sumOf: string[], reportedIf: string[]) =>
  (v: (f: string) => number): number =>
    reportedIf.some((f) => Number.isNaN(v(f))) ? NaN : sumOf.reduce((s, f) => s + v(f), 0);
const REPORTING_SETS: [string, (v: (f: string) => number, field: string) => number][] = [
  ['ft_share_num', masked(['staff_fulltime'], STAFF)],
  ['ft_share_den', masked(STAFF, STAFF)],
  ['college_share_num', masked(['staff_college'], ['staff_college', ...STAFF])],
  ['college_share_den', masked(STAFF, ['staff_college', ...STAFF])],
  ['cert_staff_share_num', masked(CERTS, [...CERTS, ...STAFF])],
  ['cert_staff_share_den', masked(STAFF, [...CERTS, ...STAFF])],
  ...CERTS.map((c): [string, (v: (f: string) => number) => number] => [`${c}_complete`, masked([c], CERTS)]),
];
DERIVED.push(...REPORTING_SETS);
const MEASURES = [...SUMMED, ...DERIVED.map(([name]) => name)];

interface Cell {
  key: [string, number, string, string];
  count: number;
  sum: number[];
  n: number[];
}

/** Group the rows by region × year × type × field: count, sum and reporting count of every measure. */
function aggregate(header: string[], rows: string[][]): Cell[] {
  const at = new Map(header.map((h, i) => [h, i]));
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const value = (f: string): number => {
      const t = row[at.get(f)!];
      if (t === '') return NaN;
      const x = Number(t);
      if (!Number.isFinite(x)) throw new Error(`not a plain number: ${f} = ${t}`);
      return x;
    };
    const region = row[at.get('region')!];
    const year = Number(row[at.get('year')!]);
    const type = row[at.get('type')!];
    const field = row[at.get('field')!];
    const k = `${region}|${year}|${type}|${field}`;
    let c = cells.get(k);
    if (!c)
      cells.set(
        k,
        (c = { key: [region, year, type, field], count: 0, sum: MEASURES.map(() => 0), n: MEASURES.map(() => 0) }),
      );
    c.count++;
    const values = [...SUMMED.map(value), ...DERIVED.map(([, f]) => f(value, field))];
    values.forEach((x, j) => {
      if (Number.isNaN(x)) return;
      c.sum[j] += x;
      c.n[j]++;
    });
  }
  return [...cells.values()];
}

/** The table as CSV: region, year, type, field, count, one total column per measure, then n_<measure>. */
function toCsv(cells: Cell[]): string {
  const header = ['region', 'year', 'type', 'field', 'count', ...MEASURES, ...MEASURES.map((m) => `n_${m}`)];
  const lines = [header.join(',')];
  // rows in an order unlike soqa's (year first, descending) so the result cannot depend on it
  const sorted = [...cells].sort((a, b) => b.key[1] - a.key[1] || a.key.join('|').localeCompare(b.key.join('|')));
  for (const c of sorted)
    lines.push(toCsvLine([...c.key.map(String), String(c.count), ...c.sum.map(String), ...c.n.map(String)]));
  return `${lines.join('\n')}\n`;
}

describe('aggregated table = organization rows (consistency guarantee)', () => {
  let micro: Results;
  let agg: Results;
  let cells: Cell[];
  let rowsRead: number;

  beforeAll(async () => {
    const dir = freshDir();
    const gen = generateSample({ regions: regionsJson, orgs: 2000, years: [2016, 2024], seed: 7 });
    const header = gen.next().value as string[];
    const rows = [...gen];
    rowsRead = rows.length;
    const rowsCsv = join(dir, 'orgs.csv');
    writeFileSync(rowsCsv, `${[header, ...rows].map(toCsvLine).join('\n')}\n`);
    cells = aggregate(header, rows);
    const tableCsv = join(dir, 'table.csv');
    writeFileSync(tableCsv, toCsv(cells));
    const a = await runMain(['analyze', rowsCsv, '-o', join(dir, 'micro'), '-q', '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    const b = await runMain(['analyze', tableCsv, '-o', join(dir, 'agg'), '-q', '--format', 'json']);
    expect(b.status, b.stderr).toBe(0);
    micro = readJson<Results>(join(dir, 'micro', 'results.json'));
    agg = readJson<Results>(join(dir, 'agg', 'results.json'));
  }, 180_000);

  it('reads every organization row and every table row', () => {
    expect(micro.provenance.shape).toBe('panel');
    expect(micro.provenance.rows).toEqual({ read: rowsRead, accepted: rowsRead, rejected: 0, blank: 0 });
    // the table was detected from its header (a count column, no org_id or name)
    expect(agg.provenance.shape).toBe('aggregate');
    expect(agg.provenance.rows).toEqual({ read: cells.length, accepted: cells.length, rejected: 0, blank: 0 });
    expect(agg.quality.warningsByCode).toEqual({});
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(rowsRead);
  });

  it('gives identical counts', () => {
    expect(JSON.stringify(agg.counts)).toBe(JSON.stringify(micro.counts));
  });

  it('gives identical analyses sections, to the last digit, for every analysis the cube supports', () => {
    const names = Object.keys(micro.analyses);
    expect(Object.keys(agg.analyses)).toEqual(names);
    for (const s of ['indicators', 'spatial', 'trends', 'staff']) expect(names).toContain(s);
    const compared: string[] = [];
    const aggSections = agg.analyses as Record<string, unknown>;
    const microSections = micro.analyses as Record<string, unknown>;
    for (const name of names) {
      const section = aggSections[name] as { skipped?: unknown; reason?: unknown };
      if (section.reason === 'aggregate-input') {
        // an analysis that needs organization rows says so, and ran on the rows
        expect(section.skipped).toBe(true);
        expect((microSections[name] as { reason?: unknown }).reason).not.toBe('aggregate-input');
        continue;
      }
      expect(JSON.stringify(aggSections[name]), `analyses.${name}`).toBe(JSON.stringify(microSections[name]));
      compared.push(name);
    }
    expect(compared).toEqual(expect.arrayContaining(['indicators', 'spatial', 'trends', 'staff']));
  });

  it('the sections hold numbers (not an empty comparison)', () => {
    const trends = agg.analyses.trends as { total: { values: number[] } };
    expect(trends.total.values.at(-1)).toBe(2000);
    const staff = agg.analyses.staff as { skipped: boolean; byYear: unknown[] };
    expect(staff.skipped).toBe(false);
    expect(staff.byYear).toHaveLength(9);
    const ind = agg.analyses.indicators as { skipped: unknown[]; scores: unknown[] };
    expect(ind.skipped).toEqual([]);
    expect(ind.scores.length).toBeGreaterThan(100);
  });
});
