import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '../../../src/ingest/profile/load-profile.js';
import { mapHeaders } from '../../../src/ingest/header/map-headers.js';
import { convertSetup } from '../../../src/ingest/convert-setup.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { SoqaError } from '../../../src/core/soqa-error.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-extend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(data));
  return p;
};

describe('profiles extend default unless "extends": null', () => {
  it('a profile with only value aliases keeps every header alias of default (issue 20)', () => {
    const p = loadProfile(write('values-only.json', { id: 'values-only', values: { type: { foundation: ['基金'] } } }));
    // the headers of the default profile still map
    const h = mapHeaders(['统一社会信用代码', '社会组织名称', '社会组织类型', '地区', '成立登记日期'], p);
    expect(h.missingRequired).toEqual([]);
    const types = convertSetup(p, loadRegions(regionsPathFor(p))).categoryMaps.type;
    expect(types.get('基金')).toBe('foundation'); // the new label
    expect(types.get('社会团体')).toBe('social_group'); // a default label
    expect(p.regions).toBe(loadProfile('default').regions);
    expect(p.source).toBe(join(dir, 'values-only.json'));
  });

  it('the child wins an alias it gives to another field or value', () => {
    const p = loadProfile(
      write('claim.json', { id: 'claim', columns: { name: ['类型'] }, values: { type: { other: ['社团'] } } }),
    );
    expect(p.columns.type).not.toContain('类型');
    expect(p.columns.name[0]).toBe('类型');
    expect(convertSetup(p, loadRegions(regionsPathFor(p))).categoryMaps.type.get('社团')).toBe('other');
  });

  it('"extends": null extends nothing; "extends": "cn-registry" takes its derivations', () => {
    const bare = loadProfile(write('bare.json', { id: 'bare', extends: null, columns: { org_id: ['编号'] } }));
    expect(Object.keys(bare.columns)).toEqual(['org_id']);
    expect(bare.values).toBeUndefined();
    const cn = loadProfile(
      write('cn.json', { id: 'cn', extends: 'cn-registry', values: { type: { foundation: ['基金'] } } }),
    );
    expect(Array.isArray(cn.derive?.region)).toBe(true);
    expect(cn.columns.region).not.toContain('地区'); // cn-registry's own region aliases, not default's
  });

  it('a cycle of extends is a config error naming the chain', () => {
    write('a.json', { id: 'a', extends: './b.json' });
    write('b.json', { id: 'b', extends: './a.json' });
    let e: unknown;
    try {
      loadProfile(join(dir, 'a.json'));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(SoqaError);
    expect((e as SoqaError).message).toMatch(/cycle/);
  });
});
