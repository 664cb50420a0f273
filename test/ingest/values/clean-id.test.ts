import { describe, expect, it } from 'vitest';
import { cleanId } from '../../../src/ingest/values/clean-id.js';
import { acceptedLabels, lookupCategory } from '../../../src/ingest/values/lookup-category.js';
import { buildValueMap } from '../../../src/ingest/values/build-value-map.js';
import { ORG_TYPES } from '../../../src/dataset/fields.js';
import { loadProfile } from '../../../src/ingest/profile/load-profile.js';

const CODE = '51150100MJ00010104';

describe('cleanId (issue 20: Excel artefacts around a credit code)', () => {
  it.each([
    ["'" + CODE, ['apostrophe']],
    ['="' + CODE + '"', ['formula']],
    [CODE + '\u200b', ['invisible']],
    ['\u00a0' + CODE, ['invisible']],
    [' ' + CODE + ' ', ['spaces']],
    ['5115 0100MJ00010104', ['spaces']],
    ['５１１５０１００ＭＪ０００１０１０４', ['fullwidth']],
    ['  ="\'' + CODE + '"', ['formula', 'apostrophe', 'spaces']],
  ])('%j reads as the code, with %j', (raw, artefacts) => {
    const r = cleanId(raw);
    expect(r.value).toBe(CODE);
    expect(r.artefacts).toEqual(artefacts);
  });

  it('leaves a clean id and lower case alone (credit codes are upper-cased by their check)', () => {
    expect(cleanId(CODE)).toEqual({ value: CODE, artefacts: [] });
    expect(cleanId(CODE.toLowerCase())).toEqual({ value: CODE.toLowerCase(), artefacts: [] });
  });
});

describe('type labels with qualifiers (issue 20)', () => {
  const map = buildValueMap(ORG_TYPES, loadProfile('default').values?.type);
  const key = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  it.each([
    ['社会服务机构（民办非企业单位）', 'private_non_enterprise'],
    ['民办非企业单位（法人）', 'private_non_enterprise'],
    ['民办非企业单位(个体)', 'private_non_enterprise'],
    ['民办非企业单位（合伙）', 'private_non_enterprise'],
    ['基金会（非公募）', 'foundation'],
    ['基金会(公募)', 'foundation'],
    ['社会团体（法人）', 'social_group'],
  ])('%s → %s', (label, code) => {
    expect(lookupCategory(map, key(label))).toBe(code);
  });

  it('refuses an unknown label, an unknown qualifier and labels that disagree', () => {
    expect(lookupCategory(map, key('商会（法人）'))).toBeUndefined();
    expect(lookupCategory(map, key('社会团体（分会）'))).toBeUndefined();
    expect(lookupCategory(map, key('社会团体（基金会）'))).toBeUndefined();
  });

  it('lists the accepted labels by code', () => {
    const text = acceptedLabels(map);
    expect(text).toMatch(/^social_group \(社会团体, /);
    expect(text).toContain('foundation (基金会');
  });
});
