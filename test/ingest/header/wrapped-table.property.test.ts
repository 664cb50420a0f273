import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerAnalyze } from '../../../src/cli/commands/analyze.js';
import { runCommand } from '../../helpers/run-command.js';

// Issue 20: wrapping a clean table the way registry and yearbook exports do (title lines,
// a unit line with the matching rescale, totals and notes after the table, Excel artefacts
// around the ids) gives the same results.json as the clean table, but for what says how the
// file was read: provenance (file hash, bytes, the table's layout, lines skipped), the
// warnings about the cleaned ids and the data-quality notes about units and skipped lines.

const dir = mkdtempSync(join(tmpdir(), 'soqa-wrap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['org_id', 'name', 'type', 'region', 'registered', 'year', 'staff_fulltime', '捐赠收入'];
/** The clean table: the organizations of test/fixtures/good-utf8.csv, with donations in yuan. */
const ROWS: string[][] = [
  ['51150100MJ00010104', '呼和浩特市志愿服务协会', 'social_group', '150100', '2015-03-02', '2023', '3', '35000'],
  ['51150100MJ00010104', '呼和浩特市志愿服务协会', 'social_group', '150100', '2015-03-02', '2024', '4', '1200'],
  ['52150200MJ00010293', '包头市阳光养老服务中心', 'private_non_enterprise', '150200', '2018-07-15', '2023', '10', '0'],
  [
    '52150200MJ00010293',
    '包头市阳光养老服务中心',
    'private_non_enterprise',
    '150200',
    '2018-07-15',
    '2024',
    '12',
    '500000',
  ],
  ['51150100MJ0001037U', '呼和浩特市书法家协会', 'social_group', '150100', '2010-11-20', '2023', '0', '7700'],
  ['51150100MJ0001037U', '呼和浩特市书法家协会', 'social_group', '150100', '2010-11-20', '2024', '1', '0'],
  ['53150600MJ0001045A', '鄂尔多斯市生态保护基金会', 'foundation', '150600', '2024-01-10', '2024', '2', '123400'],
];

/** Yuan as 万元, written exactly: 7700 → 0.77 (the reader shifts the decimal point back). */
const toWan = (yuan: string): string => String(Number(`${yuan}e-4`));

const ARTEFACTS: ((id: string) => string)[] = [
  (id) => id,
  (id) => `'${id}`,
  (id) => `"=""${id}"""`,
  (id) => `${id}\u200b`,
  (id) => ` ${id} `,
  (id) => [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
];

interface Wrapping {
  titles: string[];
  blankAfterTitles: boolean;
  unit: 'none' | 'unit-line' | 'header';
  after: ('total' | 'note' | 'source' | 'blank')[];
  ids: number[];
}

function csv(w: Wrapping | null): string {
  const lines: string[] = [];
  if (w) {
    lines.push(...w.titles);
    if (w.blankAfterTitles) lines.push('');
    if (w.unit === 'unit-line') lines.push('单位：万元');
  }
  const wan = w !== null && w.unit !== 'none';
  lines.push(HEADER.map((h, c) => (c === 7 && w?.unit === 'header' ? '捐赠收入（万元）' : h)).join(','));
  ROWS.forEach((r, i) => {
    const cells = r.map((v, c) => (c === 7 && wan ? toWan(v) : v));
    if (w) cells[0] = ARTEFACTS[w.ids[i]](cells[0]);
    lines.push(cells.join(','));
  });
  for (const a of w?.after ?? [])
    lines.push(
      a === 'total'
        ? `合计,${ROWS.length},,,,,,`
        : a === 'note'
          ? '注：本表不含分支机构。'
          : a === 'source'
            ? '资料来源：民政部门'
            : '',
    );
  return `${lines.join('\n')}\n`;
}

let n = 0;
async function resultsOf(text: string): Promise<Record<string, unknown>> {
  const path = join(dir, `in${++n}.csv`);
  writeFileSync(path, text);
  const out = join(dir, `out${n}`);
  const run = await runCommand(registerAnalyze, ['analyze', path, '--format', 'json', '-o', out, '-q']);
  expect(run.error, run.err).toBeNull();
  return JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Record<string, unknown>;
}

/** results.json without what says how the file was read. */
function comparable(r: Record<string, unknown>): unknown {
  const copy = structuredClone(r) as {
    provenance: { inputs?: unknown; rows: Record<string, number> };
    quality: { rows: Record<string, number>; warningsByCode: Record<string, number>; notes?: { code: string }[] };
  };
  delete copy.provenance.inputs;
  for (const rows of [copy.provenance.rows, copy.quality.rows]) {
    delete rows.blank;
    delete rows.skipped;
  }
  for (const k of Object.keys(copy.quality.warningsByCode))
    if (k.startsWith('W_ID_')) delete copy.quality.warningsByCode[k];
  copy.quality.notes = copy.quality.notes?.filter((x) => x.code !== 'N_UNITS' && x.code !== 'N_TABLE_LINES');
  if (copy.quality.notes?.length === 0) delete copy.quality.notes;
  return copy;
}

describe('a wrapped table gives the results of the clean table (property, issue 20)', () => {
  it('titles, unit line or 万元 header, totals and notes, artefact ids', { timeout: 240_000 }, async () => {
    const clean = comparable(await resultsOf(csv(null)));
    const wrapping = fc.record<Wrapping>({
      titles: fc.array(
        fc.constantFrom('内蒙古自治区社会组织名录（截至2024年底）', '表3-5 社会组织基本情况', '2024年'),
        {
          maxLength: 3,
        },
      ),
      blankAfterTitles: fc.boolean(),
      unit: fc.constantFrom('none', 'unit-line', 'header'),
      after: fc.array(fc.constantFrom('total', 'note', 'source', 'blank'), { maxLength: 4 }),
      ids: fc.array(fc.integer({ min: 0, max: ARTEFACTS.length - 1 }), {
        minLength: ROWS.length,
        maxLength: ROWS.length,
      }),
    });
    await fc.assert(
      fc.asyncProperty(wrapping, async (w) => {
        expect(comparable(await resultsOf(csv(w)))).toEqual(clean);
      }),
      { numRuns: 10, seed: 20 },
    );
    // the comparison sees amounts: a unit line over values left in yuan reads them 10⁴ times too large
    const misScaled = `单位：万元\n${csv(null)}`;
    expect(comparable(await resultsOf(misScaled))).not.toEqual(clean);
  });
});
