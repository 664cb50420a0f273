import { detachString } from '../dataset/dataset-builder.js';
import { OrgYearSet } from './org-year-set.js';

/** Where an accepted row came from: input file index and physical line. */
export interface RowSource {
  file: number;
  line: number;
}

/**
 * Duplicate detection and organization numbers for an input read chunk by chunk, when the
 * accepted rows are no longer at hand: organizations numbered in order of first appearance
 * (an id → number map, one entry per organization), and per accepted organization-year its
 * organization number, year, file and line (14 bytes) beside the {@link OrgYearSet}'s hash
 * table (8 bytes per slot, at most half full). A hash match is confirmed by comparing the
 * organization number and year, so the answer is exact, as with the rows themselves.
 *
 * @example
 * const l = new OrgYearLedger(true);
 * l.findOrAdd('A', 2024, 0, 2); // => null (new; organization 0)
 * l.findOrAdd('A', 2024, 0, 9); // => { file: 0, line: 2 }
 */
export class OrgYearLedger {
  private readonly set = new OrgYearSet();
  private readonly numbers = new Map<string, number>();
  private org = new Int32Array(1 << 12);
  private year = new Float32Array(1 << 12);
  private file = new Uint16Array(1 << 12);
  private line = new Uint32Array(1 << 12);
  private rows = 0;
  private dupOrg = -1;
  private dupYear = NaN;
  private readonly same = (row: number): boolean => this.org[row] === this.dupOrg && (!this.hasYear || this.year[row] === this.dupYear);
  /** Organization number of the id of the last {@link findOrAdd}. */
  lastOrg = -1;

  /** @param hasYear whether rows have a report year (a panel): duplicates are the same id and year, else the same id */
  constructor(private readonly hasYear: boolean) {}

  /** Organizations numbered so far. */
  get organizations(): number {
    return this.numbers.size;
  }

  /**
   * Look up (id, year); when absent, record it as the next accepted row, from `file` line `line`.
   *
   * @param id organization id
   * @param year report year (NaN when missing: never a duplicate in a panel)
   * @param file input file index
   * @param line physical line
   * @returns where the earlier row with this key came from, or null when the key is new (and now recorded)
   */
  findOrAdd(id: string, year: number, file: number, line: number): RowSource | null {
    let o = this.numbers.get(id);
    if (o === undefined) this.numbers.set(detachString(id), (o = this.numbers.size));
    this.lastOrg = o;
    this.dupOrg = o;
    this.dupYear = Math.fround(year);
    const row = this.set.findOrAdd(id, this.hasYear ? year : NaN, this.rows, this.same);
    if (row >= 0) return { file: this.file[row], line: this.line[row] };
    if (this.rows === this.org.length) this.grow();
    this.org[this.rows] = o;
    this.year[this.rows] = year;
    this.file[this.rows] = file;
    this.line[this.rows] = line;
    this.rows++;
    return null;
  }

  private grow(): void {
    const more = <T extends Int32Array | Float32Array | Uint16Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a as never);
      return b;
    };
    this.org = more(this.org, (n) => new Int32Array(n));
    this.year = more(this.year, (n) => new Float32Array(n));
    this.file = more(this.file, (n) => new Uint16Array(n));
    this.line = more(this.line, (n) => new Uint32Array(n));
  }
}
