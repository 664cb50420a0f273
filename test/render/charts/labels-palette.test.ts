import { describe, expect, it } from 'vitest';
import { ORG_TYPES } from '../../../src/dataset/fields.js';
import { LABELS, LANGS, t } from '../../../src/render/charts/labels.js';
import { OKABE_ITO, TYPE_COLORS, ZONE_COLORS } from '../../../src/render/charts/palette.js';
import { typeColorScale } from '../../../src/render/charts/type-color-scale.js';

describe('labels', () => {
  it('have non-empty zh and en text for every key', () => {
    for (const [key, entry] of Object.entries(LABELS)) {
      for (const lang of LANGS) expect(entry[lang].trim(), `${key}.${lang}`).not.toBe('');
    }
  });

  it('name every organization type and zone in both languages', () => {
    expect(ORG_TYPES.map((ty) => t(`type.${ty}`, 'zh'))).toEqual(['社会团体', '民办非企业单位', '基金会', '其他']);
    expect(ORG_TYPES.map((ty) => t(`type.${ty}`, 'en'))).toEqual([
      'Social groups',
      'Private non-enterprise units',
      'Foundations',
      'Other',
    ]);
    expect([t('zone.core', 'zh'), t('zone.periphery', 'zh')]).toEqual(['核心区', '边缘区']);
  });
});

describe('palette', () => {
  it('gives every organization type a distinct Okabe–Ito colour', () => {
    const colors = ORG_TYPES.map((ty) => TYPE_COLORS[ty]);
    expect(new Set(colors).size).toBe(ORG_TYPES.length);
    for (const c of colors) expect(Object.values(OKABE_ITO)).toContain(c);
    expect(ZONE_COLORS.core).not.toBe(ZONE_COLORS.periphery);
  });

  it('typeColorScale keeps each type its colour whatever subset is shown', () => {
    expect(typeColorScale(['foundation', 'other'], 'en')).toEqual({
      domain: ['Foundations', 'Other'],
      range: [TYPE_COLORS.foundation, TYPE_COLORS.other],
    });
  });
});
