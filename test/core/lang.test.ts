import { describe, expect, it } from 'vitest';
import { pick } from '../../src/core/lang.js';

describe('pick', () => {
  it('gives the version of the language asked for', () => {
    expect(pick('zh', { zh: '全部地区', en: 'all regions' })).toBe('全部地区');
    expect(pick('en', { zh: '全部地区', en: 'all regions' })).toBe('all regions');
  });

  it('works for values that are not text', () => {
    const sep = { zh: ['、'], en: [', '] };
    expect(pick('zh', sep)).toBe(sep.zh);
  });
});
