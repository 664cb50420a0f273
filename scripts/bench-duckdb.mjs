// DuckDB baseline: read the same CSV and compute the group-by counts and sums of every
// numeric column soqa's analyses use (GROUP BY region, type, year).
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const NUMERIC = [
  'rating',
  'staff_fulltime',
  'staff_parttime',
  'cert_junior',
  'cert_mid',
  'cert_senior',
  'staff_college',
  'manager_age',
  'volunteers',
  'rev_gov_purchase',
  'rev_donations',
  'rev_membership',
  'rev_services',
  'rev_other',
  'expenses',
  'expenses_program',
  'assets_net',
  'assets_fixed',
  'beneficiaries',
  'activities',
  'emp_minority',
  'emp_disabled',
  'emp_over50',
  'party_org',
  'disclosure',
  'online',
  'incubated',
  'gov_projects',
  'community',
  'filed',
];
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const sums = NUMERIC.map((c) => `sum(${c}) AS s_${c}, count(${c}) AS n_${c}`).join(', ');
const sql = `SELECT region, type, year, count(*) AS orgs, ${sums}
  FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = false, types = {'region': 'VARCHAR', 'org_id': 'VARCHAR'})
  GROUP BY region, type, year`;
const r = await con.runAndReadAll(sql);
const groups = r.getRows().length;
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(
  `\nBENCH ${JSON.stringify({ code: 0, wall, groups, cpu: (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
