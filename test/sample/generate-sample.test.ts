import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import {
  generateSample,
  sampleManifest,
  PLANTED_RULES,
  toCsvLine,
  type SampleManifest,
  type PlantedRule,
} from '../../src/sample/index.js';
import { FIELDS } from '../../src/dataset/fields.js';
import { checkCreditCode, creditCodeTypeOf } from '../../src/domain/credit-code/index.js';
import { isSoqaError } from '../../src/core/soqa-error.js';

const regions = JSON.parse(readFileSync(new URL('../../data/regions/inner-mongolia.json', import.meta.url), 'utf8'));
const CORE = new Set<string>(
  regions.regions.filter((r: { zone: string }) => r.zone === 'core').map((r: { code: string }) => r.code),
);
const REV = ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other'];

/** Compact per-row facts the independent rule checks need. */
interface Fact {
  year: number;
  activities: number;
  rev: number;
  gov: number;
  expenses: number;
  ft: number;
  pt: number;
  cert: number;
}
interface Org {
  type: string;
  region: string;
  registered: string;
  deregistered: string;
  status: string;
  name: string;
  facts: Fact[];
}

interface Aggregate {
  header: string[];
  rows: number;
  seconds: number;
  orgs: Map<string, Org>;
  byYear: Map<number, { n: number; sg: number; pne: number; f: number; core: number; age: number; ageN: number }>;
  cert: [number, number, number];
  revenue: number[];
  optionalBlank: number;
  optionalCells: number;
  ftZero: number;
  rated: number;
  revenueTotalMismatch: number;
}

function aggregate(opts: Parameters<typeof generateSample>[0]): Aggregate {
  const t0 = performance.now();
  const it = generateSample(opts);
  const header = it.next().value as string[];
  const H = Object.fromEntries(header.map((h, i) => [h, i]));
  const optional = [
    'staff_college',
    'manager_age',
    'volunteers',
    'expenses_program',
    'assets_fixed',
    'beneficiaries',
    'emp_minority',
    'emp_disabled',
    'emp_over50',
    'online',
    'gov_projects',
  ].map((c) => H[c]);
  const a: Aggregate = {
    header,
    rows: 0,
    seconds: 0,
    orgs: new Map(),
    byYear: new Map(),
    cert: [0, 0, 0],
    revenue: [0, 0, 0, 0, 0],
    optionalBlank: 0,
    optionalCells: 0,
    ftZero: 0,
    rated: 0,
    revenueTotalMismatch: 0,
  };
  const n = (v: string): number => (v === '' ? 0 : Number(v));
  for (const r of it) {
    a.rows++;
    const year = Number(r[H.year]);
    let org = a.orgs.get(r[H.org_id]);
    if (!org) {
      org = {
        type: r[H.type],
        region: r[H.region],
        registered: r[H.registered],
        deregistered: r[H.deregistered],
        status: r[H.status],
        name: r[H.name],
        facts: [],
      };
      a.orgs.set(r[H.org_id], org);
    }
    const revs = REV.map((c) => n(r[H[c]]));
    const rev = revs.reduce((s, v) => s + v, 0);
    if (r[H.revenue_total] !== undefined && r[H.revenue_total] !== '' && Number(r[H.revenue_total]) !== rev)
      a.revenueTotalMismatch++;
    org.facts.push({
      year,
      activities: n(r[H.activities]),
      rev,
      gov: revs[0],
      expenses: n(r[H.expenses]),
      ft: n(r[H.staff_fulltime]),
      pt: n(r[H.staff_parttime]),
      cert: n(r[H.cert_junior]) + n(r[H.cert_mid]) + n(r[H.cert_senior]),
    });
    let y = a.byYear.get(year);
    if (!y) a.byYear.set(year, (y = { n: 0, sg: 0, pne: 0, f: 0, core: 0, age: 0, ageN: 0 }));
    y.n++;
    if (r[H.type] === 'social_group') y.sg++;
    else if (r[H.type] === 'private_non_enterprise') y.pne++;
    else if (r[H.type] === 'foundation') y.f++;
    if (CORE.has(r[H.region])) y.core++;
    if (r[H.manager_age] !== '') {
      y.age += Number(r[H.manager_age]);
      y.ageN++;
    }
    a.cert[0] += n(r[H.cert_junior]);
    a.cert[1] += n(r[H.cert_mid]);
    a.cert[2] += n(r[H.cert_senior]);
    revs.forEach((v, j) => (a.revenue[j] += v));
    for (const c of optional) {
      a.optionalCells++;
      if (r[c] === '') a.optionalBlank++;
    }
    if (r[H.staff_fulltime] === '0') a.ftZero++;
    if (r[H.rating] !== '0') a.rated++;
  }
  a.seconds = (performance.now() - t0) / 1000;
  return a;
}

/** Field counts by zone in one year (separate pass on a small sample keeps memory low). */
function fieldsByZone(
  opts: Parameters<typeof generateSample>[0],
  year: number,
): { core: Map<string, number>; periphery: Map<string, number> } {
  const it = generateSample(opts);
  const header = it.next().value as string[];
  const H = Object.fromEntries(header.map((h, i) => [h, i]));
  const out = { core: new Map<string, number>(), periphery: new Map<string, number>() };
  for (const r of it) {
    if (Number(r[H.year]) !== year) continue;
    const m = CORE.has(r[H.region]) ? out.core : out.periphery;
    m.set(r[H.field], (m.get(r[H.field]) ?? 0) + 1);
  }
  return out;
}

/** The nine rules, computed independently of the generator from the rows. */
function tripped(a: Aggregate, firstPanelYear: number): Record<PlantedRule, Set<string>> {
  const out = Object.fromEntries(PLANTED_RULES.map((r) => [r.id, new Set<string>()])) as Record<
    PlantedRule,
    Set<string>
  >;
  for (const [id, org] of a.orgs) {
    const f = [...org.facts].sort((x, y) => x.year - y.year);
    const consecutive = (k: number): boolean => f[k].year === f[k - 1].year + 1;
    // dormant: 2+ consecutive years with no activity, no revenue, no full-time staff
    let run = 0;
    for (let k = 0; k < f.length; k++) {
      const dead = f[k].activities === 0 && f[k].rev === 0 && f[k].ft === 0;
      run = dead ? (k > 0 && consecutive(k) && run > 0 ? run + 1 : 1) : 0;
      if (run >= 2) out.dormant.add(id);
    }
    // missing annual report: a year without a row between the expected first year and the last row
    const expectedFirst = Math.max(Number(org.registered.slice(0, 4)), firstPanelYear);
    const years = new Set(f.map((x) => x.year));
    for (let y = expectedFirst; y <= f[f.length - 1].year; y++) if (!years.has(y)) out.missing_report.add(id);
    // persistent deficit: 3+ consecutive deficit years
    run = 0;
    for (let k = 0; k < f.length; k++) {
      const deficit = f[k].expenses > f[k].rev;
      run = deficit ? (k > 0 && consecutive(k) && run > 0 ? run + 1 : 1) : 0;
      if (run >= 3) out.persistent_deficit.add(id);
    }
    // single-source dependence in the latest year
    const lastF = f[f.length - 1];
    if (lastF.rev > 0 && lastF.gov / lastF.rev > 0.9) out.single_source.add(id);
    // implausible jump ×10 year on year (revenue, full-time staff, all staff)
    for (let k = 1; k < f.length; k++) {
      if (!consecutive(k)) continue;
      const p = f[k - 1];
      const c = f[k];
      const jump = (x: number, y: number): boolean => x > 0 && y >= 10 * x;
      if (jump(p.rev, c.rev) || jump(p.ft, c.ft) || jump(p.ft + p.pt, c.ft + c.pt)) out.implausible_jump.add(id);
    }
    // certified staff above total staff
    if (f.some((x) => x.cert > x.ft + x.pt)) out.cert_above_staff.add(id);
    // credit code
    const check = checkCreditCode(id);
    if (!check.valid) out.credit_code_checksum.add(id);
    else if (creditCodeTypeOf(id) !== org.type || check.division !== org.region) out.credit_code_mismatch.add(id);
    // deregistered but still reporting
    if (org.deregistered !== '' && lastF.year > Number(org.deregistered.slice(0, 4)))
      out.deregistered_reporting.add(id);
  }
  return out;
}

describe('generateSample (default options)', () => {
  let a: Aggregate;
  let manifest: SampleManifest;
  beforeAll(() => {
    a = aggregate({ regions });
    manifest = sampleManifest({ regions });
    // measured for the report (not asserted tightly: CI machines differ)
    console.info(`default sample: ${a.rows} rows generated and aggregated in ${a.seconds.toFixed(2)} s`);
  });

  it('starts with the FIELDS header, in order', () => {
    expect(a.header).toEqual(FIELDS.map((f) => f.name));
  });

  it('matches the manifest sizes', () => {
    expect(a.rows).toBe(manifest.rows);
    expect(a.orgs.size).toBe(manifest.organizations);
    for (const [y, v] of a.byYear) expect(v.n).toBe(manifest.rowsByYear[String(y)]);
    expect(manifest.years).toEqual([2008, 2024]);
    expect(a.seconds).toBeLessThan(30); // generous sanity bound; the target is well under 2 s
  });

  it('grows from ~7,000 organizations (2008) to ~18,000 (2024) as in seed 000', () => {
    expect(a.byYear.get(2008)!.n).toBeGreaterThanOrEqual(6000);
    expect(a.byYear.get(2008)!.n).toBeLessThanOrEqual(8000);
    expect(a.byYear.get(2024)!.n).toBeGreaterThanOrEqual(16500);
    expect(a.byYear.get(2024)!.n).toBeLessThanOrEqual(19500);
    expect([...a.byYear.keys()].sort()).toEqual(Array.from({ length: 17 }, (_, k) => 2008 + k));
  });

  it('keeps social groups + private non-enterprise units above 90% every year, SG share falling, PNE rising', () => {
    for (const [, y] of a.byYear) {
      expect((y.sg + y.pne) / y.n).toBeGreaterThan(0.9);
      expect(y.f / y.n).toBeGreaterThan(0.005);
      expect(y.f / y.n).toBeLessThan(0.03);
    }
    const y08 = a.byYear.get(2008)!;
    const y24 = a.byYear.get(2024)!;
    expect(y24.sg / y24.n).toBeLessThan(y08.sg / y08.n);
    expect(y24.pne / y24.n).toBeGreaterThan(y08.pne / y08.n);
  });

  it('has volatile foundation growth', () => {
    const f = [...a.byYear.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v.f);
    const g = f.slice(1).map((v, k) => v / f[k] - 1);
    const mean = g.reduce((s, v) => s + v, 0) / g.length;
    const sd = Math.sqrt(g.reduce((s, v) => s + (v - mean) ** 2, 0) / (g.length - 1));
    expect(sd / Math.abs(mean)).toBeGreaterThan(0.5); // coefficient of variation of growth
  });

  it('puts more organizations in Hohhot–Baotou–Ordos than their population share', () => {
    const pop = regions.regions.reduce((s: number, r: { population: number }) => s + r.population, 0);
    const corePop = regions.regions
      .filter((r: { code: string }) => CORE.has(r.code))
      .reduce((s: number, r: { population: number }) => s + r.population, 0);
    for (const [, y] of a.byYear) {
      expect(y.core / y.n).toBeGreaterThan(corePop / pop + 0.05);
      expect(y.core / y.n).toBeLessThan(0.55);
    }
  });

  it('has junior-dominant, senior-scarce certificates and Ordos as an intermediate-dominant pocket', () => {
    const [j, m, s] = a.cert;
    expect(j).toBeGreaterThan(m);
    expect(m).toBeGreaterThan(s);
    expect(s / (j + m + s)).toBeLessThan(0.06);
  });

  it('has government purchase as the main revenue source', () => {
    const [gov, ...rest] = a.revenue;
    for (const r of rest) expect(gov).toBeGreaterThan(r);
    expect(gov / a.revenue.reduce((s, v) => s + v, 0)).toBeGreaterThan(0.35);
    expect(a.revenueTotalMismatch).toBe(0);
  });

  it('shows managers getting younger, small staff, few ratings and a few % blanks', () => {
    const age = (y: number): number => a.byYear.get(y)!.age / a.byYear.get(y)!.ageN;
    expect(age(2024)).toBeLessThan(age(2008) - 1.5);
    expect(age(2008)).toBeGreaterThan(35);
    expect(age(2008)).toBeLessThan(65);
    expect(a.ftZero / a.rows).toBeGreaterThan(0.2);
    expect(a.rated / a.rows).toBeLessThan(0.2);
    expect(a.rated / a.rows).toBeGreaterThan(0.01);
    const blank = a.optionalBlank / a.optionalCells;
    expect(blank).toBeGreaterThan(0.01);
    expect(blank).toBeLessThan(0.06);
  });

  it('gives unique names and consistent registration data', () => {
    const names = new Set([...a.orgs.values()].map((o) => o.name));
    expect(names.size).toBe(a.orgs.size);
    const iso = (d: string): boolean =>
      /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(d + 'T00:00:00Z').toISOString().startsWith(d);
    const wrong: string[] = [];
    for (const [id, o] of a.orgs) {
      if (!iso(o.registered) || Number(o.registered.slice(0, 4)) > o.facts[0].year)
        wrong.push(`${id} registered ${o.registered}`);
      if ((o.status === 'deregistered') !== (o.deregistered !== '')) wrong.push(`${id} status ${o.status}`);
      if (o.deregistered && (!iso(o.deregistered) || o.deregistered <= o.registered))
        wrong.push(`${id} deregistered ${o.deregistered}`);
      if (!/^[\u4e00-\u9fff]+$/.test(o.name)) wrong.push(`${id} name ${o.name}`);
    }
    expect(wrong).toEqual([]);
    const before2008 = [...a.orgs.values()].filter((o) => o.registered < '2008').length;
    expect(before2008).toBeGreaterThan(1000);
  });

  it('gives every organization a valid credit code, except the planted bad codes', () => {
    const checksum = new Set(manifest.planted.credit_code_checksum);
    const mismatch = new Set(manifest.planted.credit_code_mismatch);
    const wrong: string[] = [];
    for (const [id, o] of a.orgs) {
      const c = checkCreditCode(id);
      if (checksum.has(id)) {
        if (c.valid) wrong.push(`${id} planted with a bad checksum but valid`);
        continue;
      }
      if (!c.valid || c.authority !== '5' || c.lowercase) wrong.push(`${id}: ${JSON.stringify(c.problems)}`);
      if (!mismatch.has(id) && (creditCodeTypeOf(id) !== o.type || c.division !== o.region))
        wrong.push(`${id} disagrees with ${o.type} ${o.region}`);
    }
    expect(wrong).toEqual([]);
  });

  it('plants exactly the manifest cases and nothing trips a rule by chance', () => {
    const t = tripped(a, 2008);
    for (const rule of PLANTED_RULES) {
      expect([...t[rule.id]].sort(), rule.id).toEqual([...manifest.planted[rule.id]].sort());
    }
    // data/sample/README.md: round(8 × (orgs / 18000)^¼) clamped to 2–40, plus 8, 7, …, 0 in rule order
    const base = Math.min(40, Math.max(2, Math.round(8 * Math.pow(manifest.orgs / 18000, 0.25))));
    PLANTED_RULES.forEach((rule, k) => expect(manifest.planted[rule.id].length, rule.id).toBe(base + 8 - k));
    const all = PLANTED_RULES.flatMap((r) => manifest.planted[r.id]);
    expect(new Set(all).size).toBe(all.length); // one rule per planted organization
    expect(manifest.cases).toHaveLength(all.length);
  });

  it('keeps normal organizations clear of stricter variants of the rules too', () => {
    const planted = new Set(PLANTED_RULES.flatMap((r) => manifest.planted[r.id]));
    const wrong: string[] = [];
    for (const [id, org] of a.orgs) {
      if (planted.has(id)) continue;
      const f = [...org.facts].sort((x, y) => x.year - y.year);
      for (let k = 0; k < f.length; k++) {
        if (f[k].activities <= 0 || f[k].rev <= 0) wrong.push(`${id} ${f[k].year} inactive`); // never dormant, not even one year
        if (f[k].gov / f[k].rev > 0.86) wrong.push(`${id} ${f[k].year} gov share`); // any year, not only the latest
        if (k > 0 && f[k].rev * 10 <= f[k - 1].rev) wrong.push(`${id} ${f[k].year} revenue drop`); // no ×10 drop either
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('fields by zone', () => {
  it('leans periphery to ecology and charity, core to business and professional (location quotients)', () => {
    const z = fieldsByZone({ regions }, 2024);
    const tot = (m: Map<string, number>): number => [...m.values()].reduce((s, v) => s + v, 0);
    const P = tot(z.periphery);
    const C = tot(z.core);
    const lq = (m: Map<string, number>, size: number, field: string): number =>
      (m.get(field) ?? 0) / size / (((z.core.get(field) ?? 0) + (z.periphery.get(field) ?? 0)) / (P + C));
    expect(lq(z.periphery, P, 'ecology')).toBeGreaterThan(1.1);
    expect(lq(z.periphery, P, 'charity')).toBeGreaterThan(1.05);
    expect(lq(z.core, C, 'business')).toBeGreaterThan(1.1);
    expect(lq(z.core, C, 'professional')).toBeGreaterThan(1.1);
  });
});

describe('generateSample options', () => {
  const digest = (opts: Parameters<typeof generateSample>[0]): string => {
    const h = createHash('sha256');
    for (const r of generateSample(opts)) h.update(toCsvLine(r) + '\n');
    return h.digest('hex');
  };

  it('is deterministic: same seed → identical rows; different seed → different rows', () => {
    const a = digest({ regions, orgs: 1500, seed: 7 });
    expect(digest({ regions, orgs: 1500, seed: 7 })).toBe(a);
    expect(digest({ regions, orgs: 1500, seed: 8 })).not.toBe(a);
    expect(sampleManifest({ regions, orgs: 1500, seed: 7 })).toEqual(sampleManifest({ regions, orgs: 1500, seed: 7 }));
  });

  it('scales with orgs and years, and still plants and isolates the cases', () => {
    const opts = { regions, orgs: 1000, years: [2015, 2020] as const, seed: 3 };
    const m = sampleManifest(opts);
    expect(m.rowsByYear['2020']).toBe(1000);
    expect(Object.keys(m.rowsByYear)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020']);
    const a = aggregate(opts);
    expect(a.rows).toBe(m.rows);
    const t = tripped(a, 2015);
    for (const rule of PLANTED_RULES) {
      expect(m.planted[rule.id].length, rule.id).toBeGreaterThanOrEqual(2);
      expect([...t[rule.id]].sort(), rule.id).toEqual([...m.planted[rule.id]].sort());
    }
  });

  it('plants a few more cases for much larger samples', () => {
    const m = sampleManifest({ regions, orgs: 200000 });
    expect(m.planted.dormant.length).toBeGreaterThan(8);
    expect(m.planted.dormant.length).toBeLessThanOrEqual(40);
    expect(m.rowsByYear['2024']).toBe(200000);
  });

  it('rejects bad options with SoqaError (exit 3)', () => {
    const bad: Array<Parameters<typeof generateSample>[0]> = [
      { regions, orgs: 0 },
      { regions, orgs: 1.5 },
      { regions, years: [2024, 2008] },
      { regions, seed: Number.NaN },
      { regions: { regions: [] } },
      { regions: { regions: [{ code: '15', population: 1 }] } },
      { regions: { regions: [{ code: '150100', population: 0 }] } },
    ];
    for (const opts of bad) {
      try {
        generateSample(opts);
        expect.unreachable();
      } catch (e) {
        expect(isSoqaError(e)).toBe(true);
        expect((e as { exitCode: number }).exitCode).toBe(3);
      }
    }
  });

  it('works with another regions file', () => {
    const other = {
      regions: [
        { code: '110101', zh: '东城区', population: 700000, zone: 'core' },
        { code: '110102', zh: '西城区', population: 1100000 },
      ],
    };
    const m = sampleManifest({ regions: other, orgs: 300 });
    const a = aggregate({ regions: other, orgs: 300 });
    expect(a.rows).toBe(m.rows);
    const regionsSeen = new Set([...a.orgs.values()].map((o) => o.region));
    expect([...regionsSeen].sort()).toEqual(['110101', '110102']);
    for (const [id] of a.orgs) expect(id.slice(2, 4)).toBe('11');
  });
});

describe('toCsvLine', () => {
  it('quotes only what needs quoting', () => {
    expect(toCsvLine(['a', 'b,c', 'say "hi"', 'x\ny', ''])).toBe('a,"b,c","say ""hi""","x\ny",');
    expect(toCsvLine([])).toBe('');
  });
});
