import { describe, expect, it } from 'vitest';
import { parseFlag } from '../../../src/ingest/values/parse-flag.js';

describe('parseFlag', () => {
  it.each([
    '1',
    'y',
    'Y',
    'yes',
    'YES',
    'true',
    'True',
    't',
    '是',
    '有',
    '已',
    '√',
    '✓',
    '已建立',
    '已公开',
    '已入驻',
    ' 是 ',
    '１',
  ])('reads %j as 1', (raw) => {
    expect(parseFlag(raw)).toEqual({ ok: true, value: 1 });
  });

  it.each(['0', 'n', 'N', 'no', 'false', 'F', '否', '无', '未', '×', '✗', '未建立', '未公开', '未入驻', '０'])(
    'reads %j as 0',
    (raw) => {
      expect(parseFlag(raw)).toEqual({ ok: true, value: 0 });
    },
  );

  it.each(['', '-', '暂无', 'null'])('reads %j as missing', (raw) => {
    expect(parseFlag(raw)).toEqual({ ok: true, value: null });
  });

  it.each(['2', 'maybe', '是的', 'x'])('refuses %j', (raw) => {
    expect(parseFlag(raw)).toEqual({ ok: false, reason: 'not a yes/no value (expected 1/0, 是/否, yes/no)' });
  });
});
