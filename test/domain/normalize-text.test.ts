import { describe, expect, it } from 'vitest';
import { isMissing, MISSING_TOKENS, normalizeText } from '../../src/domain/normalize-text.js';
import { buildValueMap } from '../../src/ingest/values/build-value-map.js';

describe('normalizeText', () => {
  it('applies NFKC and trims white space including the ideographic space U+3000', () => {
    expect(normalizeText('\u3000１２３\u3000')).toBe('123');
    expect(normalizeText('１，２')).toBe('1,2');
    expect(normalizeText('  abc \t')).toBe('abc');
    expect(normalizeText('社会团体')).toBe('社会团体');
  });

  it('leaves plain ASCII as it is apart from trimming', () => {
    expect(normalizeText(' a  b ')).toBe('a  b');
  });
});

describe('isMissing', () => {
  it('knows the placeholders of registry exports, in any case', () => {
    for (const t of ['', '-', '--', '—', '/', 'n/a', 'N/A', 'NA', 'null', 'NULL', '无数据', '暂无', '空'])
      expect(isMissing(t)).toBe(true);
    for (const t of ['', '-', '--', '—', '/', 'n/a', 'na', 'null', '无数据', '暂无', '空'])
      expect(MISSING_TOKENS.has(t)).toBe(true);
    for (const t of ['0', '无', 'none', 'x']) expect(isMissing(t)).toBe(false);
  });
});

describe('buildValueMap', () => {
  it('maps each code to itself and each alias to its code, ignoring case and width', () => {
    const m = buildValueMap(['social_group', 'foundation'], {
      foundation: ['基金会', 'Foundation'],
      social_group: ['社会团体'],
    });
    expect(m.get('social_group')).toBe('social_group');
    expect(m.get('基金会')).toBe('foundation');
    expect(m.get('foundation')).toBe('foundation');
    expect(m.get('社会团体')).toBe('social_group');
  });

  it('lets a code win over an alias that spells it for another code', () => {
    const m = buildValueMap(['other', 'foundation'], { foundation: ['other'] });
    expect(m.get('other')).toBe('other');
  });

  it('normalises aliases with NFKC', () => {
    const m = buildValueMap(['a'], { a: ['ＡＢＣ'] });
    expect(m.get('abc')).toBe('a');
  });
});
