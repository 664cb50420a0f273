import { baseGrade, capGrade } from './grade.js';
import type { OrgChecks } from './check-organizations.js';
import type { OrgIndicator } from './org-indicators.js';
import { peerGroups, type PeerGroup } from './peer-groups.js';
import { PeerRanker } from './peer-percentiles.js';
import { GRADES, SEVERITIES, type GradeDef } from '../../domain/rules/rules.js';
import { codeOf, type IndicatorDetail } from './findings.js';

/** What {@link gradeOrganizations} computes, per organization (arrays of `checks.count`). */
export interface OrgGrades {
  /** Quality score 0–100 (NaN: none or out of scope). */
  score: Float64Array;
  /** Indicators that entered the score. */
  scoreIndicators: Uint8Array;
  /** 0 = not graded, 1–4 = A–D. */
  grade: Uint8Array;
  /** Base grade before the warning cap (0 = not graded). */
  baseGrade: Uint8Array;
  /** Peer group index (−1 = not graded). */
  peer: Int32Array;
  peerGroups: PeerGroup[];
  /** Indicator details of the organizations asked for, by organization number. */
  details: Map<number, IndicatorDetail[]>;
}

/** The supervised organizations (in scope), ascending: the members that {@link gradeOrganizations} ranks. */
export function gradedMembers(checks: Pick<OrgChecks, 'count' | 'inScope'>): number[] {
  const members: number[] = [];
  for (let o = 0; o < checks.count; o++) if (checks.inScope[o]) members.push(o);
  return members;
}

/**
 * Grade the supervised organizations: each organization-level indicator of the framework
 * ranked within peer groups (type × region, falling back to the type, then all) gives a
 * percentile; their mean is the quality score; with the transparency index it gives the base
 * grade, capped by the most severe warning.
 *
 * @param checks the per-organization results of the rules and the transparency tracker
 * @param indicators.used the organization-level indicators
 * @param indicators.valuesOf an indicator's values at the members' latest rows ({@link gradedMembers} order; NaN
 *   missing), given its position in `used`; see {@link indicatorValuesFrom}
 * @param grades the rules file's grade definition
 * @param detailFor members (position among the members → organization number) whose indicator details to keep
 * @returns scores, grades, peer groups and the details asked for
 * @example
 * gradeOrganizations(checks, { used, valuesOf }, rules.grades, new Map()).grade[0]; // => 2 (B)
 */
export function gradeOrganizations(
  checks: Pick<
    OrgChecks,
    'count' | 'inScope' | 'worst' | 'transparency' | 'region' | 'type' | 'regionDict' | 'typeDict'
  >,
  { used, valuesOf }: { used: OrgIndicator[]; valuesOf: (ind: OrgIndicator, j: number) => ArrayLike<number> },
  grades: GradeDef,
  detailFor: ReadonlyMap<number, number>,
): OrgGrades {
  const n = checks.count;
  const members = gradedMembers(checks);
  const m = members.length;
  const types = members.map((o) => codeOf(checks.typeDict, checks.type[o]) ?? '');
  const regs = members.map((o) => codeOf(checks.regionDict, checks.region[o]) ?? '');
  const { group, groups } = peerGroups(types, regs, grades);
  const sum = new Float64Array(m);
  const cnt = new Uint8Array(m);
  const details = new Map<number, IndicatorDetail[]>();
  const ranker = new PeerRanker(group, groups.length);
  for (let j = 0; j < used.length; j++) {
    const ind = used[j];
    const values = valuesOf(ind, j);
    const p = ranker.percentiles(values, ind.def.direction);
    for (let k = 0; k < m; k++) {
      if (Number.isNaN(p[k])) continue;
      sum[k] += p[k];
      cnt[k]++;
    }
    for (const [k, o] of detailFor) {
      const peers: number[] = [];
      for (let i = 0; i < m; i++) if (group[i] === group[k] && !Number.isNaN(values[i])) peers.push(values[i]);
      peers.sort((x, y) => x - y);
      const med = peers.length
        ? peers.length % 2
          ? peers[(peers.length - 1) / 2]
          : (peers[peers.length / 2 - 1] + peers[peers.length / 2]) / 2
        : NaN;
      if (!details.has(o)) details.set(o, []);
      details.get(o)!.push({
        id: ind.def.id,
        layer: ind.def.layer,
        direction: ind.def.direction,
        value: Number.isFinite(values[k]) ? values[k] : null,
        percentile: Number.isNaN(p[k]) ? null : p[k],
        peers: peers.length,
        peerMedian: Number.isFinite(med) ? med : null,
      });
    }
  }
  const score = new Float64Array(n).fill(NaN);
  const scoreIndicators = new Uint8Array(n);
  const grade = new Uint8Array(n);
  const base = new Uint8Array(n);
  const peer = new Int32Array(n).fill(-1);
  for (let k = 0; k < m; k++) {
    const o = members[k];
    score[o] = cnt[k] ? (100 * sum[k]) / cnt[k] : NaN;
    scoreIndicators[o] = cnt[k];
    peer[o] = group[k];
    const g0 = baseGrade(score[o], checks.transparency.index[o], grades);
    const g = capGrade(g0, checks.worst[o] ? SEVERITIES[checks.worst[o] - 1] : null, grades);
    base[o] = GRADES.indexOf(g0) + 1;
    grade[o] = GRADES.indexOf(g) + 1;
  }
  return { score, scoreIndicators, grade, baseGrade: base, peer, peerGroups: groups, details };
}

/**
 * An indicator's values at some rows, from its fields' values there ({@link OrgIndicator.at}),
 * into a buffer reused from one indicator to the next.
 *
 * @param fieldValues a field's values at the rows (each field read once, then shared)
 * @param rows how many rows
 * @returns the function for {@link gradeOrganizations}'s `valuesOf`
 * @example
 * gradeOrganizations(checks, used, indicatorValuesFrom((f) => fieldValues(ds, f, memberRows, gov), memberRows.length), grades, new Map());
 */
export function indicatorValuesFrom(
  fieldValues: (field: string) => Float64Array,
  rows: number,
): (ind: OrgIndicator) => Float64Array {
  const values = new Float64Array(rows);
  const cache = new Map<string, Float64Array>();
  const of = (f: string): Float64Array => {
    let v = cache.get(f);
    if (!v) cache.set(f, (v = fieldValues(f)));
    return v;
  };
  return (ind) => {
    const vals = ind.fields.map(of);
    for (let k = 0; k < rows; k++) values[k] = ind.at(vals, k);
    return values;
  };
}
