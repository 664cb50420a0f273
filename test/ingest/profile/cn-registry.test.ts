import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { ingestFiles } from '../../../src/ingest/ingest-files.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { catValue } from '../../../src/dataset/dataset.js';
import { checkCreditCode } from '../../../src/domain/credit-code/index.js';

// test/fixtures/cn-registry/registry.csv is written by make-cn-registry.mjs (same folder):
// a platform-style export with Chinese headers, no region column and valid credit codes.
const FIXTURE = fileURLToPath(new URL('../../fixtures/cn-registry/registry.csv', import.meta.url));

describe('cn-registry profile on a platform-style export', async () => {
  const profile = loadProfile('cn-registry');
  const regions = loadRegions(regionsPathFor(profile));
  const r = await ingestFiles([FIXTURE], { profile, regions });
  const ds = r.dataset;
  const rows = Array.from({ length: ds.length }, (_, i) => ({
    line: ds.source.line[i],
    org_id: ds.text.org_id[i],
    type: catValue(ds.cat.type, i),
    region: catValue(ds.cat.region, i),
    registered: ds.num.registered[i],
    status: catValue(ds.cat.status, i),
    rating: ds.num.rating[i],
  }));

  it('the fixture carries valid credit codes wherever it has one', () => {
    const codes = readFileSync(FIXTURE, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0])
      .filter((c) => c.length === 18);
    expect(codes).toHaveLength(8);
    for (const c of codes) expect(checkCreditCode(c).valid, c).toBe(true);
  });

  it('maps the Chinese headers; 登记管理机关 feeds the region derivation; the other columns are ignored', () => {
    const h = r.sources[0].header;
    expect(h.present).toEqual(['org_id', 'name', 'type', 'region', 'registered', 'status', 'rating']);
    expect(h.ignored).toEqual(['业务主管单位', '法定代表人', '注册资金（万元）', '业务范围', '住所']);
  });

  it('accepts 6 rows and rejects 4 with their reasons', () => {
    expect(r.counts).toEqual({ read: 10, accepted: 6, rejected: 4, blank: 0 });
    expect(r.rejects.map((p) => [p.line, p.code, p.column])).toEqual([
      [7, 'R_UNKNOWN_REGION', 'region (from 统一社会信用代码)'], // division 150000: autonomous-region level, no league
      [9, 'R_DUPLICATE', 'org_id'],
      [10, 'R_UNKNOWN_TYPE', 'type (社会组织类型)'],
      [11, 'R_UNKNOWN_REGION', 'region (from 登记管理机关)'], // no credit code and 某县民政局 is no region
    ]);
    expect(r.warningCounts).toEqual({});
  });

  it('derives the region from the division digits, else from the authority name; reads Chinese types, statuses, dates and grades', () => {
    expect(
      rows.map(({ line, type, region, registered, status, rating }) => [
        line,
        type,
        region,
        registered,
        status,
        Number.isNaN(rating) ? null : rating,
      ]),
    ).toEqual([
      [2, 'social_group', '150100', 20150302, 'active', 3], // 150102 新城区 → Hohhot
      [3, 'private_non_enterprise', '150200', 20120701, 'deregistered', 0], // 注销; 未评估 = 0
      [4, 'foundation', '150600', 20180520, 'active', 4], // 2018年5月20日; AAAA
      [5, 'social_group', '150100', 20091111, 'active', null], // 蒙呼民证字…: 呼和浩特市民政局 → 150100
      [6, 'private_non_enterprise', '150300', 20190909, 'deregistered', null], // 社会服务机构; 撤销
      [8, 'private_non_enterprise', '152900', 20200815, 'active', null], // 民办非企业单位（法人）; 152921 → Alxa
    ]);
  });
});
