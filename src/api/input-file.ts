import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { SoqaError } from '../core/soqa-error.js';

/** One organization row given in memory: column name → cell (a header the profile maps, e.g. `org_id` or `统一社会信用代码`). */
export type InputRow = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

/** An input that is not a file yet, written to a private temporary file for the reader. */
export interface TemporaryInput {
  /** The file's path. */
  path: string;
  /** Remove the file and its folder. */
  remove(): void;
}

/**
 * Write a byte stream (a CSV, a gzip or an `.xlsx` workbook, as a file would hold it) to a
 * temporary file named `name` in a fresh folder, so that the reader sees it as a file of
 * that name (results.json's provenance names it so).
 *
 * @param stream a readable stream or any async iterable of bytes or text
 * @param name the input's name (default `stream.csv`)
 * @returns the file
 * @throws SoqaError E_INPUT_READ (exit 2) when the stream fails
 * @example
 * const input = await streamToFile(createReadStream('orgs.csv'), 'orgs.csv');
 */
export async function streamToFile(
  stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>,
  name = 'stream.csv',
): Promise<TemporaryInput> {
  const input = temporaryFile(name);
  try {
    const source = stream instanceof Readable ? stream : Readable.from(stream as AsyncIterable<Uint8Array | string>);
    await pipeline(source, createWriteStream(input.path));
  } catch (e) {
    input.remove();
    throw new SoqaError('E_INPUT_READ', `cannot read the input stream (${name}): ${(e as Error).message}`, {
      file: name,
    });
  }
  return input;
}

/**
 * Write rows held in memory as a UTF-8 CSV file named `name` in a fresh temporary folder:
 * the header is every key in order of first appearance, a missing or null cell is empty, a
 * Date is written `YYYY-MM-DD`, anything else as `String(value)`; cells holding a comma,
 * quote or line break are quoted. The reader then checks the rows as it checks any file.
 *
 * @param rows the rows
 * @param name the input's name (default `rows.csv`)
 * @returns the file
 * @throws SoqaError E_EMPTY_INPUT (exit 2) when there are no rows
 * @example
 * await rowsToFile([{ org_id: '51150100MJ0000001X', name: '某协会', type: '社会团体', region: '150100', registered: '2015-06-01' }]);
 */
export async function rowsToFile(rows: readonly InputRow[], name = 'rows.csv'): Promise<TemporaryInput> {
  if (rows.length === 0)
    throw new SoqaError('E_EMPTY_INPUT', `${name}: no rows were given (rows: [])`, {
      file: name,
    });
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = function* (): Generator<string> {
    yield `${columns.map(csvCell).join(',')}\n`;
    for (const r of rows) yield `${columns.map((c) => csvCell(r[c])).join(',')}\n`;
  };
  return streamToFile(Readable.from(lines()), name);
}

/** A fresh private folder holding one file named after `name` (its last path segment). */
function temporaryFile(name: string): TemporaryInput {
  const dir = mkdtempSync(join(tmpdir(), 'soqa-input-'));
  const file = basename(name).replace(/^\.*$/, 'input') || 'input';
  return { path: join(dir, file), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One CSV cell. */
function csvCell(v: InputRow[string]): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
