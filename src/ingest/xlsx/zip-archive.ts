import yauzl from 'yauzl';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/xlsx.js';

/** Default cap on the decompressed bytes soqa reads from one workbook: 1 GiB. */
export const DEFAULT_MAX_XLSX_BYTES = 1 << 30;

/**
 * The parts of a ZIP file (an .xlsx workbook), read lazily and in bounded memory: the
 * central directory is read when opened; each part is inflated as a stream when asked for.
 * Every part read counts its decompressed bytes against one budget (`maxBytes`): a part
 * whose declared size does not fit is refused before it is inflated, and one that
 * inflates to more than it declares is stopped (yauzl checks entry sizes), so a zip bomb
 * costs at most the budget in time and a chunk in memory.
 *
 * @example
 * const zip = await ZipArchive.open('book.xlsx', 'book.xlsx', 1 << 30);
 * for await (const chunk of zip.read('xl/workbook.xml')) parse(chunk);
 * zip.close();
 */
export class ZipArchive {
  /** Bytes inflated so far, all parts together (a part read twice counts once). */
  inflated = 0;
  /** Bytes of each part counted so far. */
  private readonly counted = new Map<string, number>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly name: string,
    private readonly maxBytes: number,
  ) {}

  /**
   * Open a ZIP file and read its central directory.
   *
   * @param path the file
   * @param name the file name for messages
   * @param maxBytes decompressed bytes allowed in total (default 1 GiB)
   * @returns the archive
   * @throws SoqaError E_XLSX_CORRUPT when the file is not a readable ZIP (exit 2)
   */
  static async open(path: string, name: string, maxBytes = DEFAULT_MAX_XLSX_BYTES): Promise<ZipArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        path,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
        (err, z) => (err ? reject(corrupt(name, err)) : resolve(z)),
      ),
    );
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        // part names are case-insensitive in OPC; some writers use a leading slash
        entries.set(e.fileName.replace(/^\/+/, '').toLowerCase(), e);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(corrupt(name, e)));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries, name, maxBytes);
  }

  /** Whether the archive holds a part (case-insensitive). */
  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** The decompressed size a part declares, or -1 when it is absent. */
  declaredSize(part: string): number {
    return this.entries.get(part.toLowerCase())?.uncompressedSize ?? -1;
  }

  /**
   * Inflate one part as a stream of byte chunks, counting them against the budget.
   *
   * @param part the part's name (e.g. `xl/worksheets/sheet1.xml`)
   * @param partLimit a tighter limit for this part alone (e.g. shared strings), with its description
   * @throws SoqaError E_XLSX_TOO_LARGE past the budget, E_XLSX_CORRUPT on a broken part (exit 2)
   */
  async *read(part: string, partLimit?: { bytes: number; what: string }): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw corrupt(this.name, new Error(`the part ${part} is missing`));
    const key = part.toLowerCase();
    const before = this.counted.get(key) ?? 0;
    const left = this.maxBytes - this.inflated + before;
    const own = partLimit !== undefined && partLimit.bytes < left;
    const limit = own ? partLimit.bytes : left;
    const what = own ? partLimit.what : 'the workbook';
    const cap = own ? partLimit.bytes : this.maxBytes;
    if (entry.uncompressedSize > limit) throw tooLarge(this.name, { part, what }, cap, entry.uncompressedSize);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err ? reject(corrupt(this.name, err)) : resolve(s))),
    );
    let n = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        n += chunk.length;
        if (n > before) {
          this.inflated += n - Math.max(before, n - chunk.length);
          this.counted.set(key, n);
        }
        if (n > limit) throw tooLarge(this.name, { part, what }, cap, n);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof SoqaError) throw e;
      throw corrupt(this.name, e as Error);
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
  }

  /** Close the file. */
  close(): void {
    this.zip.close();
  }
}

function corrupt(name: string, e: Error): SoqaError {
  return new SoqaError('E_XLSX_CORRUPT', msg.xlsxCorrupt(name, e.message), { file: name });
}

function tooLarge(name: string, part: { part: string; what: string }, cap: number, size: number): SoqaError {
  return new SoqaError('E_XLSX_TOO_LARGE', msg.xlsxTooLarge(name, part, cap, size), {
    file: name,
  });
}
