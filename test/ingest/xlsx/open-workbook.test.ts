import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx, zipBytes, type XlsxSheet } from '../../fixtures/xlsx/write-xlsx.mjs';
import { openWorkbook, type WorkbookOptions } from '../../../src/ingest/xlsx/open-workbook.js';
import { emptySourceInfo } from '../../../src/ingest/read-source.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'xlsx');

let n = 0;
function book(sheets: XlsxSheet[], options?: Parameters<typeof writeXlsx>[1]): string {
  const path = join(dir, `b${n++}.xlsx`);
  writeFileSync(path, writeXlsx(sheets, options));
  return path;
}

/** Every record of the chosen sheet, as [row, cells]. */
async function rows(path: string, options: Partial<WorkbookOptions> = {}) {
  const s = await openWorkbook(path, emptySourceInfo(), { isHeader: (c) => c[0] === 'id', ...options });
  const out: [number, string[]][] = [];
  for await (const b of s.records()) for (const r of b) out.push([r.line, r.fields]);
  return { sheet: s, rows: out };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isSoqaError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a SoqaError');
}

describe('openWorkbook: cells as the CSV reader would get them', () => {
  it('registry.xlsx: table on the second sheet, dates, numbers, formula, merged cells filled below the header', async () => {
    const { sheet, rows: r } = await rows(join(FIXTURES, 'registry.xlsx'), {
      isHeader: (c) => c[0] === '统一社会信用代码',
    });
    expect(sheet.sheet).toBe('名录');
    expect(sheet.sheets).toEqual(['说明', '名录']);
    expect(sheet.headerRow).toBe(1);
    // rows 2–3: the organization's name, type, region and date are merged over both rows (B2:E3)
    expect(r[1]).toEqual([
      2,
      ['51150100MJ00010104', '呼和浩特市志愿服务协会', '社会团体', '呼和浩特市', '2015-03-02', '2023', '3', '2', '3A'],
    ]);
    expect(r[2][1].slice(0, 6)).toEqual([
      '51150100MJ00010104',
      '呼和浩特市志愿服务协会',
      '社会团体',
      '呼和浩特市',
      '2015-03-02',
      '2024',
    ]);
    expect(sheet.stats.filled).toBe(4); // B3, C3, D3, E3
    expect(r[4][1][6]).toBe('12'); // =G4+2, its cached value
    expect(r[6][1][0]).toBe('150100000012345'); // a 15-digit id stored as a number, exact, no exponent
    expect(r[5][1][8]).toBe(''); // no cell: padded to the header's width
    expect(r.map((x) => x[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('numbers keep every stored digit in plain notation; booleans, errors, inline and rich strings as Excel shows them', async () => {
    const path = join(dir, 'raw.xlsx');
    const sheet = writeXlsx([
      {
        name: 'S',
        rows: [
          ['id', 'v'],
          ['big', { raw: '1.2345678901234568E+17' }],
          ['tiny', { raw: '1E-7' }],
          ['bool', true],
          ['err', { raw: '#N/A', t: 'e' }],
          ['inline', { inline: 'a&b' }],
          ['str formula', { f: 'A1&"x"', v: 'idx' }],
          ['cr', 'line_x000D_'],
        ],
      },
    ]);
    writeFileSync(path, sheet);
    const { rows: r } = await rows(path);
    expect(r.map((x) => x[1][1])).toEqual([
      'v',
      '123456789012345680',
      '0.0000001',
      'TRUE',
      '#N/A',
      'a&b',
      'idx',
      'line\r',
    ]);
  });

  it('rich text runs are joined and phonetic runs left out', async () => {
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>id</t></si><si><r><t>呼和</t></r><r><rPr><b/></rPr><t>浩特</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si></sst>';
    const rich = join(dir, 'rich.xlsx');
    writeFileSync(
      rich,
      zipBytes([
        {
          name: '[Content_Types].xml',
          data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        },
        {
          name: 'xl/workbook.xml',
          data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        },
        { name: 'xl/sharedStrings.xml', data: sst },
        {
          name: 'xl/worksheets/s.xml',
          data: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        },
      ]),
    );
    const { rows: r } = await rows(rich);
    // row 2 is absent: a blank record, as the empty line of a CSV export; prefixed tags (x:row) are read too
    expect(r).toEqual([
      [1, ['id']],
      [2, ['']],
      [3, ['', '呼和浩特']],
    ]);
  });

  it('reads dates of a 1904 workbook', async () => {
    const { rows: r } = await rows(
      book(
        [
          {
            name: 'S',
            rows: [
              ['id', 'd'],
              ['a', { date: '2024-01-01' }],
            ],
          },
        ],
        { date1904: true },
      ),
    );
    expect(r[1][1]).toEqual(['a', '2024-01-01']);
  });

  it('fills merged ranges below the header down their first column only, never in or above the header', async () => {
    const { sheet, rows: r } = await rows(
      book([
        {
          name: 'S',
          rows: [['Title'], ['id', 'region', 'n'], ['a', 'R1', 1], ['b', null, 2], ['c', null, 3], ['d', 'X', 4]],
          // the title merged across A1:C1 (above the header: not filled); R1 merged over B3:B5 (filled into B4, B5)
          merges: ['A1:C1', 'B3:B5'],
        },
      ]),
    );
    expect(sheet.headerRow).toBe(2);
    expect(r[0]).toEqual([1, ['Title']]); // padded later rows are wider; the title row keeps its one cell
    expect(r.slice(2).map((x) => x[1][1])).toEqual(['R1', 'R1', 'R1', 'X']);
    expect(sheet.stats.filled).toBe(2);
  });
});

describe('openWorkbook: choosing the sheet', () => {
  const two = () =>
    book([
      { name: 'Notes', rows: [['about this file']] },
      {
        name: '数据表',
        rows: [
          ['id', 'x'],
          ['a', 1],
        ],
      },
      {
        name: 'Other',
        rows: [
          ['id', 'y'],
          ['b', 2],
        ],
      },
    ]);
  it('defaults to the first sheet with a header row that maps the required columns', async () => {
    expect((await rows(two())).sheet.sheet).toBe('数据表');
  });
  it('takes --sheet by name (Chinese too) and by number', async () => {
    const p = two();
    expect((await rows(p, { sheet: 'Other' })).sheet.sheet).toBe('Other');
    expect((await rows(p, { sheet: '数据表' })).sheet.sheet).toBe('数据表');
    expect((await rows(p, { sheet: '3' })).sheet.sheet).toBe('Other');
    expect((await rows(p, { sheet: '1' })).sheet.headerRow).toBe(0);
  });
  it('lists the sheets when --sheet names none of them', async () => {
    const e = await failure(rows(two(), { sheet: 'Sheet9' }));
    expect(e.code).toBe('E_SHEET_NOT_FOUND');
    expect(e.message).toContain('has no sheet "Sheet9"');
    expect(e.message).toContain('1 "Notes", 2 "数据表", 3 "Other"');
  });
  it('falls back to the first sheet (with a note) when no sheet has a table', async () => {
    const notes: string[] = [];
    const { sheet } = await rows(
      book([
        { name: 'A', rows: [['x']] },
        { name: 'B', rows: [['y']] },
      ]),
      { onNote: (code) => notes.push(code) },
    );
    expect(sheet.sheet).toBe('A');
    expect(notes).toEqual(['I_NO_TABLE_SHEET']);
  });
});

describe('openWorkbook: bombs and broken workbooks are refused in bounded memory', () => {
  /** A one-sheet workbook whose sheet XML expands to `mb` MiB of empty rows (deflate packs it ~1000:1). */
  function bomb(mb: number, claimSize?: number): string {
    const row = '<row r="1"></row>'; // one row, then MiBs of an XML comment: well-formed, tiny when deflated
    const filler = `<!--${'x'.repeat(1 << 20)}-->`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row}${filler.repeat(mb)}</sheetData></worksheet>`;
    const path = join(dir, `bomb${n++}.xlsx`);
    writeFileSync(
      path,
      zipBytes([
        {
          name: '[Content_Types].xml',
          data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        },
        {
          name: 'xl/workbook.xml',
          data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        },
        { name: 'xl/worksheets/sheet1.xml', data: sheet, claimSize },
      ]),
    );
    return path;
  }

  it('refuses a sheet that declares more than the budget before inflating it', async () => {
    const path = bomb(40); // 40 MiB of XML in a file of ~40 KiB
    const before = process.memoryUsage().rss;
    const e = await failure(rows(path, { maxBytes: 8 << 20 }));
    expect(e.code).toBe('E_XLSX_TOO_LARGE');
    expect(e.message).toContain('xl/worksheets/sheet1.xml expands to');
    expect(e.message).toContain('SOQA_XLSX_MAX_BYTES');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20);
  });

  it('stops a sheet that inflates past what it declares (a lying zip)', async () => {
    const before = process.memoryUsage().rss;
    const e = await failure(rows(bomb(40, 1000), { maxBytes: 8 << 20 }));
    // yauzl checks the declared size as it inflates and stops past it
    expect(e.code).toBe('E_XLSX_CORRUPT');
    expect(e.message).toContain('too many bytes');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20);
  });

  it('refuses shared strings past a quarter of the budget (they are held in memory)', async () => {
    const path = book([
      { name: 'S', rows: [['id'], ...Array.from({ length: 3000 }, (_, i) => [`s${i}${'字'.repeat(200)}`])] },
    ]);
    const e = await failure(rows(path, { maxBytes: 1 << 20 }));
    expect(e.code).toBe('E_XLSX_TOO_LARGE');
    expect(e.message).toContain('the shared strings');
  });

  it('refuses entity definitions (no "billion laughs")', async () => {
    const path = join(dir, 'laughs.xlsx');
    writeFileSync(
      path,
      zipBytes([
        { name: '[Content_Types].xml', data: '<Types/>' },
        {
          name: 'xl/workbook.xml',
          data: '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook><sheets><sheet name="&b;"/></sheets></workbook>',
        },
      ]),
    );
    const e = await failure(rows(path));
    expect(e.code).toBe('E_XLSX_CORRUPT');
  });

  it('says what is wrong with a ZIP that is no workbook and a truncated file', async () => {
    const other = join(dir, 'other.xlsx');
    writeFileSync(other, zipBytes([{ name: 'readme.txt', data: 'hello' }]));
    expect((await failure(rows(other))).code).toBe('E_XLSX_NOT_WORKBOOK');
    const ods = join(dir, 'table.ods');
    writeFileSync(
      ods,
      zipBytes([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
    );
    const e = await failure(rows(ods));
    expect(e.code).toBe('E_XLSX_NOT_WORKBOOK');
    expect(e.message).toContain('an OpenDocument spreadsheet (.ods)');
    expect(e.message).toContain('save it as .xlsx');
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, writeXlsx([{ name: 'S', rows: [['id']] }]).subarray(0, 200));
    expect((await failure(rows(cut))).code).toBe('E_XLSX_CORRUPT');
  });

  it("refuses a cell past Excel's limits", async () => {
    const bad = join(dir, 'far.xlsx');
    writeFileSync(
      bad,
      zipBytes([
        { name: '[Content_Types].xml', data: '<Types/>' },
        {
          name: 'xl/workbook.xml',
          data: '<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="s.xml"/></Relationships>',
        },
        {
          name: 'xl/s.xml',
          data: '<worksheet><sheetData><row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData></worksheet>',
        },
      ]),
    );
    expect((await failure(rows(bad))).code).toBe('E_XLSX_BAD_CELL');
  });
});
