import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbook } from '../../../src/ingest/xlsx/open-workbook.js';
import { zipBytes } from '../../fixtures/xlsx/write-xlsx.mjs';
import { emptySourceInfo } from '../../../src/ingest/read-source.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-xlsx-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BOOK = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'xlsx', 'registry.xlsx'));

/** Read every row; returns the row count, or the SoqaError's code. Anything else thrown fails the test. */
async function readAll(bytes: Uint8Array, i: number): Promise<number | string> {
  const path = join(dir, `m${i}.xlsx`);
  writeFileSync(path, bytes);
  try {
    const s = await openWorkbook(path, emptySourceInfo(), {
      isHeader: (c) => c[0] === '统一社会信用代码',
      maxBytes: 1 << 20,
    });
    let n = 0;
    for await (const b of s.records()) n += b.length;
    return n;
  } catch (e) {
    if (isSoqaError(e)) return e.code;
    throw e;
  }
}

describe('a damaged workbook is read or refused with a SoqaError, never a crash', () => {
  it('survives flipped bytes and truncation (seeded)', async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(BOOK.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(BOOK.length), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(BOOK);
          for (const [at, v] of flips) bytes[at] = v;
          const r = await readAll(cut === undefined ? bytes : bytes.subarray(0, cut), i++);
          expect(typeof r === 'number' || /^E_XLSX_|^E_SHEET/.test(r)).toBe(true);
        },
      ),
      { numRuns: 60, seed: 20 },
    );
  });

  /** The XML parts of a small workbook (uncompressed text, so mutations reach the XML layer). */
  const PARTS: Record<string, string> = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml':
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="0"/><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml':
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    'xl/sharedStrings.xml':
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>统一社会信用代码</t></si><si><t>名称</t></si><si><r><t>呼和</t></r><r><t>浩特</t></r></si></sst>',
    'xl/worksheets/sheet1.xml':
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C4"/><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>150100000012345</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>45292</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>x&amp;y</t></is></c><c r="B4" t="b"><v>1</v></c><c r="C4"><f>A2+1</f><v>1.5E+15</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells></worksheet>',
  };
  const names = Object.keys(PARTS);

  it('survives edits to the XML of every part (seeded)', async () => {
    let i = 1000;
    const chars = fc.constantFrom('<', '>', '"', '&', '/', '=', ' ', 'x', '9', '-', ':', '\u0000', 'r', 'E', '"1"');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(names.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(6), chars), {
          minLength: 1,
          maxLength: 5,
        }),
        async (edits) => {
          const parts = { ...PARTS };
          for (const [p, where, del, ins] of edits) {
            const t = parts[names[p]];
            const at = Math.floor(where * t.length);
            parts[names[p]] = t.slice(0, at) + ins + t.slice(at + del);
          }
          const r = await readAll(zipBytes(names.map((name) => ({ name, data: parts[name] }))), i++);
          expect(typeof r === 'number' || /^E_XLSX_|^E_SHEET/.test(r)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 21 },
    );
  });
});
