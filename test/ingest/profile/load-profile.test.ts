import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtInProfiles,
  loadProfile,
  profileFieldProblems,
  regionsPathFor,
} from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { regionResolver } from '../../../src/domain/regions/region-resolver.js';
import { SoqaError } from '../../../src/core/soqa-error.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

function schemaError(nameOrPath: string): SoqaError {
  try {
    loadProfile(nameOrPath);
  } catch (e) {
    return e as SoqaError;
  }
  throw new Error(`${nameOrPath} loaded without error`);
}

describe('built-in profiles', () => {
  it('lists default, cn-registry and irs-eo-bmf, each schema-valid with its own id', () => {
    expect(builtInProfiles()).toEqual(['cn-registry', 'default', 'irs-eo-bmf']);
    for (const name of builtInProfiles()) {
      const p = loadProfile(name);
      expect(p.id).toBe(name);
      expect(p.description?.en).toBeTruthy();
      expect(p.description?.zh).toBeTruthy();
      expect(profileFieldProblems(p)).toEqual([]);
      // its regions file loads (symmetric neighbours, unique codes)
      expect(loadRegions(regionsPathFor(p)).regions.length).toBeGreaterThan(0);
    }
  });

  it('irs-eo-bmf derives registered, type and field, reads EINs as plain ids and uses us-states', () => {
    const p = loadProfile('irs-eo-bmf');
    expect(p.idKind).toBe('plain');
    expect(p.regions).toBe('us-states');
    expect(Object.keys(p.derive ?? {})).toEqual(['registered', 'type', 'field']);
    expect(p.$comment).toMatch(/private foundations.*foundation.*501\(c\)\(3\).*private_non_enterprise.*social_group/s);
  });

  it('cn-registry derives region from the credit code, then the registration authority', () => {
    const p = loadProfile('cn-registry');
    const alts = p.derive?.region;
    expect(Array.isArray(alts) && alts.map((a) => a.from)).toEqual(['org_id', '登记管理机关']);
  });
});

describe('user profiles (--profile path/to/my.json)', () => {
  it('loads a valid file and resolves its regions path relative to the file', () => {
    write('regions.json', { id: 'two', regions: [{ code: 'A', zh: '甲', en: 'A', population: 1, zone: 'core' }] });
    const p = loadProfile(
      write('my.json', { id: 'my-export', regions: 'regions.json', columns: { org_id: ['编号'] } }),
    );
    expect(p.id).toBe('my-export');
    expect(p.source).toBe(join(dir, 'my.json'));
    expect(regionsPathFor(p)).toBe(join(dir, 'regions.json'));
  });

  it('reports schema errors field by field (exit 3)', () => {
    const e = schemaError(
      write('bad.json', {
        id: 'Bad Name',
        columns: { org_id: 'EIN' },
        idKind: 'ein',
        derive: {
          registered: { from: 'RULING', format: 'yymm' },
          type: { rules: [{ when: {}, value: 'x' }] },
          field: { slice: [0, 1] },
        },
        colums: {},
      }),
    );
    expect(e).toBeInstanceOf(SoqaError);
    expect(e.code).toBe('E_CONFIG_SCHEMA');
    expect(e.exitCode).toBe(3);
    for (const where of [
      '/ must NOT have additional properties (colums)',
      '/id must match pattern',
      '/columns/org_id must be array',
      '/idKind must be equal to one of the allowed values',
      '/derive/registered/format',
      '/derive/type/rules/0/when must NOT have fewer than 1 properties',
      '/derive/field must have required property',
    ])
      expect(e.message).toContain(where);
  });

  it('reports unknown field names, category codes and bad patterns by field (exit 3)', () => {
    const e = schemaError(
      write('fields.json', {
        id: 'fields',
        columns: { staf_fulltime: ['专职'] },
        values: {
          type: { association: ['协会'] },
          status: { open: ['开'] },
          field: { arts: ['A'] },
          colour: { red: ['r'] },
        },
        derive: { regoin: { from: 'x' }, region: [{ from: 'x' }, { from: 'y', pattern: '[' }] },
      }),
    );
    expect(e.code).toBe('E_CONFIG_SCHEMA');
    expect(e.exitCode).toBe(3);
    expect(e.message).toContain('/columns/staf_fulltime is not a soqa field');
    expect(e.message).toContain('/values/colour is not a soqa field');
    expect(e.message).toContain('/derive/regoin is not a soqa field');
    expect(e.message).toContain('/values/type/association is not a type code');
    expect(e.message).toContain('/values/status/open is not a status code');
    expect(e.message).toContain('/values/field/arts is not a field code');
    expect(e.message).toContain('/derive/region/1/pattern is not a valid regular expression');
  });

  it('names the file when it is not JSON, and lists the built-in profiles for an unknown name', () => {
    expect(schemaError(write('broken.json', '{ "id": '))).toMatchObject({ code: 'E_CONFIG_JSON', exitCode: 3 });
    const e = schemaError('no-such-profile');
    expect(e).toMatchObject({ code: 'E_UNKNOWN_PROFILE', exitCode: 3 });
    expect(e.message).toContain('cn-registry, default, irs-eo-bmf');
  });
});

describe('data/regions/us-states.json', () => {
  const us = loadRegions(regionsPathFor(loadProfile('irs-eo-bmf')));

  it('has the 50 states and DC with their 2020 census resident population (total 331,449,281)', () => {
    expect(us.regions).toHaveLength(51);
    expect(us.populationYear).toBe(2020);
    expect(us.regions.reduce((s, r) => s + r.population, 0)).toBe(331_449_281);
    const pop = Object.fromEntries(us.regions.map((r) => [r.code, r.population]));
    expect(pop).toMatchObject({ WY: 576_851, AK: 733_391, VT: 643_077, ND: 779_094, DC: 689_545, CA: 39_538_223 });
    expect(us.sources?.population).toMatch(/2020 Census/);
  });

  it('has symmetric land-border neighbours (checked by the loader) and none for Alaska and Hawaii', () => {
    const nb = Object.fromEntries(us.regions.map((r) => [r.code, r.neighbours ?? []]));
    expect(nb.AK).toEqual([]);
    expect(nb.HI).toEqual([]);
    expect(nb.ND).toEqual(['MN', 'MT', 'SD']);
    expect(nb.WY).toEqual(['CO', 'ID', 'MT', 'NE', 'SD', 'UT']);
    expect(nb.VT).toEqual(['MA', 'NH', 'NY']);
    expect(nb.TN).toHaveLength(8);
    expect(nb.MO).toHaveLength(8);
    for (const [code, list] of Object.entries(nb))
      for (const n of list) expect(nb[n], `${code} ↔ ${n}`).toContain(code);
  });

  it('resolves USPS codes, FIPS codes and English and Chinese names', () => {
    const resolve = regionResolver(us, loadChinaGazetteer);
    expect(['WY', 'wy', '56', 'Wyoming', '怀俄明州', '怀俄明州'].map(resolve)).toEqual([
      'WY',
      'WY',
      'WY',
      'WY',
      'WY',
      'WY',
    ]);
    expect(resolve('PR')).toBeNull();
  });
});
