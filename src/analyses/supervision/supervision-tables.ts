import type { RegionsFile } from '../../domain/regions/regions.js';
import { finiteOrNull } from '../analysis-note.js';
import { orderTypes } from '../order-types.js';
import { sortPairs } from '../sort-pairs.js';
import { GRADES, SEVERITIES, type Grade, type RuleId, type Severity } from '../../domain/rules/rules.js';
import type { SupervisionModel } from './supervision-pass.js';
import { TRANSPARENCY_PARTS } from './transparency.js';

/** Warning counts of a group of organizations (a region, a type, or all). */
export interface WarningCounts {
  /** Organizations with a row up to the as-of year. */
  evaluated: number;
  /** Organizations supervised in the as-of year. */
  supervised: number;
  /** Organizations with at least one warning. */
  flagged: number;
  /** Warnings (an organization can have several). */
  warnings: number;
  /** Flagged organizations by their most severe warning. */
  high: number;
  medium: number;
  low: number;
}

/** Transparency of a group: organizations scored, the index's mean and median, the components' means. */
export interface TransparencyStats {
  organizations: number;
  mean: number | null;
  median: number | null;
  completeness: number | null;
  disclosure: number | null;
  online: number | null;
  continuity: number | null;
}

/** Grade counts of a group. */
export type GradeCounts = Record<Grade, number> & { organizations: number; meanScore: number | null };

/** Group labels in output order: regions by code, types in soqa's order. */
function groupsOf(model: SupervisionModel): {
  regions: { code: string; k: number }[];
  types: { code: string; k: number }[];
} {
  const rdict = model.regionDict;
  const tdict = model.typeDict;
  const regions = rdict
    .map((code, k) => ({ code, k }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const types = orderTypes(tdict).map((code) => ({ code, k: tdict.indexOf(code) }));
  return { regions, types };
}

/**
 * Totals of the warnings: by severity, by rule (organizations per rule), by region and by
 * type (evaluated, supervised and flagged organizations, warnings, flagged by worst severity).
 *
 * @param model the pass's model
 * @param regions the regions file (names)
 * @returns the totals
 */
export function warningTotals(model: SupervisionModel, regions: RegionsFile) {
  const { region, type } = model;
  const { regions: rs, types: ts } = groupsOf(model);
  const empty = (): WarningCounts => ({
    evaluated: 0,
    supervised: 0,
    flagged: 0,
    warnings: 0,
    high: 0,
    medium: 0,
    low: 0,
  });
  const all = empty();
  const byR = rs.map(() => empty());
  const byT = ts.map(() => empty());
  const rPos = new Map(rs.map((r, p) => [r.k, p]));
  const tPos = new Map(ts.map((t, p) => [t.k, p]));
  const warningsOf = new Map(model.flagged.map((f) => [f.org, f.warnings.length]));
  for (let o = 0; o < model.count; o++) {
    if (model.lastRow[o] < 0) continue;
    const targets = [all, byR[rPos.get(region[o]) ?? -1], byT[tPos.get(type[o]) ?? -1]].filter(
      Boolean,
    ) as WarningCounts[];
    for (const c of targets) {
      c.evaluated++;
      if (model.inScope[o]) c.supervised++;
      const w = warningsOf.get(o);
      if (w) {
        c.flagged++;
        c.warnings += w;
        c[SEVERITIES[model.worst[o] - 1]]++;
      }
    }
  }
  const byRule = new Map<RuleId, number>();
  const bySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
  for (const f of model.flagged) {
    for (const w of f.warnings) {
      byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
      bySeverity[w.severity]++;
    }
  }
  const names = new Map(regions.regions.map((r) => [r.code, r]));
  return {
    ...all,
    bySeverity,
    byRule: model.rules.rules
      .filter((r) => r.enabled !== false)
      .map((r) => ({
        rule: r.id,
        zh: r.label.zh,
        en: r.label.en,
        severity: r.severity,
        action: r.action,
        applied: model.active.includes(r.id),
        organizations: byRule.get(r.id) ?? 0,
      })),
    byRegion: rs
      .map((r, p) => ({
        region: r.code,
        zh: names.get(r.code)?.zh ?? r.code,
        en: names.get(r.code)?.en ?? r.code,
        ...byR[p],
      }))
      .filter((x) => x.evaluated > 0),
    byType: ts.map((t, p) => ({ type: t.code, ...byT[p] })).filter((x) => x.evaluated > 0),
  };
}

/** Mean of `a` at the positions `idx` (ascending), NaN skipped; null when none. */
function meanAt(a: Float64Array, idx: Int32Array): number | null {
  let s = 0;
  let n = 0;
  for (let k = 0; k < idx.length; k++) {
    const v = a[idx[k]];
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : null;
}

function stats(idx: Int32Array, model: SupervisionModel): TransparencyStats {
  const t = model.transparency;
  let m = 0;
  const vals = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const v = t.index[idx[k]];
    if (!Number.isNaN(v)) vals[m++] = v;
  }
  sortPairs(vals, new Uint32Array(m), 0, m);
  const median = m ? (m % 2 ? vals[(m - 1) / 2] : (vals[m / 2 - 1] + vals[m / 2]) / 2) : null;
  const out: TransparencyStats = {
    organizations: m,
    mean: meanAt(t.index, idx),
    median: finiteOrNull(median),
    completeness: null,
    disclosure: null,
    online: null,
    continuity: null,
  };
  for (const k of TRANSPARENCY_PARTS) out[k] = model.transparencyWeights[k] > 0 ? meanAt(t[k], idx) : null;
  return out;
}

/**
 * The organizations of each code, ascending (a counting sort): `members.subarray(starts[c + 1],
 * starts[c + 2])` are those of code c, and `starts[0] .. starts[1]` those without a code (−1).
 *
 * @param codes each candidate's code (−1: none)
 * @param orgs the candidates, ascending
 * @param codeCount how many codes
 * @returns the members grouped by code and where each code's run starts
 * @example
 * membersByCode(Int32Array.of(1, -1, 0, 1), Int32Array.of(0, 1, 3), 2);
 * // => { members: [1, 0, 3], starts: [0, 1, 1, 3] } (org 1 has no code, none has code 0, orgs 0 and 3 code 1)
 */
export function membersByCode(
  codes: Int32Array,
  orgs: Int32Array,
  codeCount: number,
): { members: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(codeCount + 2);
  for (let k = 0; k < orgs.length; k++) starts[codes[orgs[k]] + 2]++;
  for (let c = 1; c < starts.length; c++) starts[c] += starts[c - 1];
  const next = starts.slice(0, codeCount + 1);
  const members = new Int32Array(orgs.length);
  for (let k = 0; k < orgs.length; k++) members[next[codes[orgs[k]] + 1]++] = orgs[k];
  return { members, starts };
}

/**
 * The transparency index by region and by type (and for all supervised organizations): how
 * many organizations were scored, mean and median index, mean of each component.
 *
 * @param model the pass's model
 * @param regions the regions file (names)
 * @returns the tables
 */
export function transparencyTables(model: SupervisionModel, regions: RegionsFile) {
  const { regions: rs, types: ts } = groupsOf(model);
  // supervised organizations, all and by region and type code, each list ascending
  let supervised = 0;
  for (let o = 0; o < model.count; o++) if (model.inScope[o]) supervised++;
  const all = new Int32Array(supervised);
  for (let o = 0, k = 0; o < model.count; o++) if (model.inScope[o]) all[k++] = o;
  const byRegion = membersByCode(model.region, all, model.regionDict.length);
  const byType = membersByCode(model.type, all, model.typeDict.length);
  const of = (g: { members: Int32Array; starts: Int32Array }, code: number): Int32Array =>
    g.members.subarray(g.starts[code + 1], g.starts[code + 2]);
  const names = new Map(regions.regions.map((r) => [r.code, r]));
  return {
    all: stats(all, model),
    byRegion: rs
      .map((r) => ({
        region: r.code,
        zh: names.get(r.code)?.zh ?? r.code,
        en: names.get(r.code)?.en ?? r.code,
        ...stats(of(byRegion, r.k), model),
      }))
      .filter((x) => x.organizations > 0),
    byType: ts.map((t) => ({ type: t.code, ...stats(of(byType, t.k), model) })).filter((x) => x.organizations > 0),
  };
}

/**
 * The graded-supervision tables: organizations per grade overall, by region, by type and by
 * region × type (with the mean quality score of each group).
 *
 * @param model the pass's model
 * @returns the tables
 */
export function gradeTables(model: SupervisionModel) {
  const { region, type } = model;
  const { regions: rs, types: ts } = groupsOf(model);
  const empty = () => ({ A: 0, B: 0, C: 0, D: 0, organizations: 0, scoreSum: 0, scoreN: 0 });
  type Acc = ReturnType<typeof empty>;
  const all = empty();
  const byR = new Map<number, Acc>();
  const byT = new Map<number, Acc>();
  const byRT = new Map<number, Acc>();
  const nt = model.typeDict.length + 1;
  const rt = (r: number, t: number): number => (r + 1) * nt + (t + 1); // region × type codes (−1 = none) as one number
  const get = <K>(m: Map<K, Acc>, k: K): Acc => {
    let a = m.get(k);
    if (!a) m.set(k, (a = empty()));
    return a;
  };
  for (let o = 0; o < model.count; o++) {
    const g = model.grade[o];
    if (!g) continue;
    for (const a of [all, get(byR, region[o]), get(byT, type[o]), get(byRT, rt(region[o], type[o]))]) {
      a[GRADES[g - 1]]++;
      a.organizations++;
      if (!Number.isNaN(model.score[o])) {
        a.scoreSum += model.score[o];
        a.scoreN++;
      }
    }
  }
  const out = (a: Acc): GradeCounts => ({
    A: a.A,
    B: a.B,
    C: a.C,
    D: a.D,
    organizations: a.organizations,
    meanScore: a.scoreN ? a.scoreSum / a.scoreN : null,
  });
  const table: (GradeCounts & { region: string; type: string })[] = [];
  for (const r of rs)
    for (const t of ts) {
      const a = byRT.get(rt(r.k, t.k));
      if (a) table.push({ region: r.code, type: t.code, ...out(a) });
    }
  return {
    distribution: out(all),
    byRegion: rs.filter((r) => byR.has(r.k)).map((r) => ({ region: r.code, ...out(byR.get(r.k)!) })),
    byType: ts.filter((t) => byT.has(t.k)).map((t) => ({ type: t.code, ...out(byT.get(t.k)!) })),
    table,
  };
}
