import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { catValue } from '../../src/dataset/dataset.js';
import { expectValidResultsFile } from '../helpers/expect-valid-results.js';

// The real IRS EO BMF extract (July 2020; WY, AK, VT, ND) lives outside the repository, in
// test/fixtures/irs-eo-bmf/ (see its README.md).
const FIXTURES = fileURLToPath(new URL('../fixtures/irs-eo-bmf/', import.meta.url));
const STATES = ['wy', 'ak', 'vt', 'nd'];
const FILES = STATES.map((s) => join(FIXTURES, `eo_${s}.csv`));

/*
 * Independent count, with Python's csv module (awk cannot split the quoted commas in NAME),
 * run in test/fixtures/irs-eo-bmf: the same rules as config/profiles/irs-eo-bmf.json,
 * written again by hand.
 *
 * python3 -c "
 * import csv,collections as C
 * F=dict(A='culture',B='education',C='ecology',D='ecology',E='health',F='health',G='health',H='health',I='law',R='law',J='professional',K='agriculture',L='social_services',M='social_services',O='social_services',P='social_services',N='sports',Q='international',S='community_affairs',T='charity',U='science',V='science',W='other',Y='other',X='religion')
 * t=lambda r:'foundation' if r['SUBSECTION']=='03' and r['FOUNDATION'] in('02','03','04') else 'private_non_enterprise' if r['SUBSECTION']=='03' else 'social_group' if r['SUBSECTION'] in('04','05','06','07','08','10','19') else 'other'
 * n=C.Counter();f=C.Counter();m=C.Counter()
 * for s in ['wy','ak','vt','nd']:
 *   for r in csv.DictReader(open(f'eo_{s}.csv',newline='')):
 *     if r['RULING']=='000000': n[(r['STATE'],'rejected')]+=1; continue
 *     n[(r['STATE'],t(r))]+=1; f[F.get(r['NTEE_CD'][:1],'(missing)')]+=1
 *     for k in ('ASSET_AMT','INCOME_AMT','REVENUE_AMT'): m[k]+=r[k]==''
 * print(dict(sorted(n.items())));print(dict(sorted(f.items())));print(dict(m))
 * "
 *
 * output:
 * {('AK', 'foundation'): 150, ('AK', 'other'): 81, ('AK', 'private_non_enterprise'): 4154, ('AK', 'rejected'): 16, ('AK', 'social_group'): 1157, ('ND', 'foundation'): 169, ('ND', 'other'): 195, ('ND', 'private_non_enterprise'): 3858, ('ND', 'rejected'): 41, ('ND', 'social_group'): 1693, ('VT', 'foundation'): 318, ('VT', 'other'): 121, ('VT', 'private_non_enterprise'): 4442, ('VT', 'rejected'): 32, ('VT', 'social_group'): 1295, ('WY', 'foundation'): 353, ('WY', 'other'): 74, ('WY', 'private_non_enterprise'): 3479, ('WY', 'rejected'): 15, ('WY', 'social_group'): 1206}
 * {'(missing)': 9546, 'agriculture': 268, 'charity': 764, 'community_affairs': 883, 'culture': 1468, 'ecology': 1023, 'education': 1662, 'health': 994, 'international': 161, 'law': 225, 'other': 624, 'professional': 180, 'religion': 826, 'science': 66, 'social_services': 2437, 'sports': 1618}
 * {'ASSET_AMT': 3820, 'INCOME_AMT': 3820, 'REVENUE_AMT': 4686}
 *
 * and `wc -l eo_*.csv` → 5559 eo_ak.csv, 5957 eo_nd.csv, 6209 eo_vt.csv, 5128 eo_wy.csv (22853 lines with the
 * four headers; no quoted field spans lines, so data rows = lines − 1).
 */
const BY_STATE_TYPE: Record<string, Record<string, number>> = {
  WY: { foundation: 353, other: 74, private_non_enterprise: 3479, social_group: 1206 },
  AK: { foundation: 150, other: 81, private_non_enterprise: 4154, social_group: 1157 },
  VT: { foundation: 318, other: 121, private_non_enterprise: 4442, social_group: 1295 },
  ND: { foundation: 169, other: 195, private_non_enterprise: 3858, social_group: 1693 },
};
const REJECTED: Record<string, number> = { WY: 15, AK: 16, VT: 32, ND: 41 };
const DATA_ROWS: Record<string, number> = { WY: 5127, AK: 5558, VT: 6208, ND: 5956 };
const BY_FIELD: Record<string, number> = {
  agriculture: 268,
  charity: 764,
  community_affairs: 883,
  culture: 1468,
  ecology: 1023,
  education: 1662,
  health: 994,
  international: 161,
  law: 225,
  other: 624,
  professional: 180,
  religion: 826,
  science: 66,
  social_services: 2437,
  sports: 1618,
};
const ACCEPTED = 22745;
const MISSING = { field: 9546, assets_total: 3820, income_total: 3820, revenue_total: 4686 };

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe.skipIf(!existsSync(FIXTURES))(
  'soqa analyze on the IRS EO BMF extract (4 states) with --profile irs-eo-bmf',
  () => {
    const out = mkdtempSync(join(tmpdir(), 'soqa-irs-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));
    let stdout = '';
    let stderr = '';
    // results.json is what these tests read: no charts, no reports; the counts do not depend on
    // the spatial tests' permutations (9,999 by default, once per year and type since the 1930s:
    // most of this run's time)
    const run = main(
      [
        'analyze',
        ...FILES,
        '--profile',
        'irs-eo-bmf',
        '--out',
        join(out, 'irs'),
        '--format',
        'json',
        '--quiet',
        '--permutations',
        '99',
      ],
      {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        stderrIsTTY: false,
      },
    );

    it('exits 0 and writes results.json', async () => {
      expect(await run, stderr).toBe(0);
      expect(existsSync(join(out, 'irs', 'results.json'))).toBe(true);
      expectValidResultsFile(join(out, 'irs', 'results.json'));
      expect(stdout).toContain('22849');
    });

    it('accounts for every data row of the four files: accepted or rejected with a reason', async () => {
      await run;
      const results = JSON.parse(readFileSync(join(out, 'irs', 'results.json'), 'utf8'));
      expect(results.provenance.profile).toBe('irs-eo-bmf');
      expect(results.provenance.regions).toEqual({ id: 'us-states', populationYear: 2020, count: 51 });
      const inputs = results.provenance.inputs as {
        file: string;
        rows: { read: number; accepted: number; rejected: number; blank: number };
      }[];
      expect(inputs.map((i) => i.file)).toEqual(STATES.map((s) => `eo_${s}.csv`));
      inputs.forEach((i, k) => {
        const st = STATES[k].toUpperCase();
        expect(i.rows, st).toEqual({
          read: DATA_ROWS[st],
          accepted: DATA_ROWS[st] - REJECTED[st],
          rejected: REJECTED[st],
          blank: 0,
        });
      });
      expect(results.provenance.rows).toEqual({ read: 22849, accepted: ACCEPTED, rejected: 104, blank: 0 });
      // every rejected row: RULING 000000 (unknown ruling date) with file, line and reason
      const rejects = readFileSync(join(out, 'irs', 'rejects.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1);
      expect(rejects).toHaveLength(104);
      for (const line of rejects)
        expect(line).toMatch(
          /^eo_(wy|ak|vt|nd)\.csv,\d+,R_REQUIRED_MISSING,registered \(from RULING\),000000,"is required but RULING ""000000"" means unknown/,
        );
      for (const s of STATES)
        expect(
          rejects.filter((l) => l.startsWith(`eo_${s}.csv,`)),
          s,
        ).toHaveLength(REJECTED[s.toUpperCase()]);
    });

    it('counts per state and per type equal the independent count', async () => {
      await run;
      const results = JSON.parse(readFileSync(join(out, 'irs', 'results.json'), 'utf8'));
      const last = Math.max(...results.counts.years);
      expect(last).toBe(2020); // latest RULING is 202005; the BMF lists current exemptions only, so the 2020 stock is every accepted row
      const got: Record<string, Record<string, number>> = {};
      for (const c of results.counts.byYearRegionType as {
        year: number;
        region: string;
        type: string;
        count: number;
      }[])
        if (c.year === last) (got[c.region] ??= {})[c.type] = c.count;
      expect(got).toEqual(BY_STATE_TYPE);
      expect(sum(Object.values(BY_STATE_TYPE).flatMap((t) => Object.values(t)))).toBe(ACCEPTED);
      const byType = Object.fromEntries(
        (results.counts.byYearType as { year: number; type: string; count: number }[])
          .filter((c) => c.year === last)
          .map((c) => [c.type, c.count]),
      );
      expect(byType).toEqual({ foundation: 990, other: 471, private_non_enterprise: 15933, social_group: 5351 });
      // blank NTEE codes and amounts are missing values, never zeros
      const rate = results.quality.missingRate as Record<string, number>;
      for (const [f, n] of Object.entries(MISSING)) expect(rate[f], f).toBeCloseTo(n / ACCEPTED, 12);
    });

    it('field (NTEE major group) counts equal the independent count; EINs keep their leading zeros', async () => {
      const profile = loadProfile('irs-eo-bmf');
      const r = await ingestFiles(FILES, { profile, regions: loadRegions(regionsPathFor(profile)) });
      const ds = r.dataset;
      const byField: Record<string, number> = {};
      let missing = 0;
      for (let i = 0; i < ds.length; i++) {
        const f = catValue(ds.cat.field, i);
        if (f === null) missing++;
        else byField[f] = (byField[f] ?? 0) + 1;
      }
      expect(byField).toEqual(BY_FIELD);
      expect(missing).toBe(MISSING.field);
      expect(ds.text.org_id).toContain('010631747'); // AMERICAN LEGION, Cheyenne: first row of eo_wy.csv
      expect(ds.text.org_id.every((id) => /^\d{9}$/.test(id))).toBe(true);
      let negativeRevenue = 0;
      for (const v of ds.num.revenue_total) if (v < 0) negativeRevenue++;
      expect(negativeRevenue).toBeGreaterThan(0); // losses are kept as reported, not rejected
    });
  },
);
