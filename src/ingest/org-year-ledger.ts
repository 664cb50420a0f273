import { detachString } from '../dataset/dataset-builder.js';
import { ShardedMap } from '../dataset/sharded-map.js';

/** Where an accepted row came from: input file index and physical line. */
export interface RowSource {
  file: number;
  line: number;
}

/** Most slots in use, as a share of the table, before it grows (by half). */
const MAX_LOAD = 0.75;

/**
 * Duplicate detection and organization numbers for an input read chunk by chunk, when the
 * accepted rows are no longer at hand: organizations numbered in order of first appearance
 * (an id → number map, one entry per organization), and an open-addressing hash table of
 * the accepted organization-years keyed by (organization number, year), each slot holding
 * the key and the file and line of its first row (14 bytes per slot, one-half to
 * three-quarters of the slots in use: 19–28 bytes per organization-year). Keys are compared
 * whole, so the answer is exact. A panel row without a year is never a duplicate and is not
 * recorded.
 *
 * @example
 * const l = new OrgYearLedger(true);
 * l.findOrAdd('A', 2024, 0, 2); // => null (new; organization 0)
 * l.findOrAdd('A', 2024, 0, 9); // => { file: 0, line: 2 }
 */
export class OrgYearLedger {
  /** Id → organization number; sharded: a national panel over decades may hold more than the 2^24 ids of one Map. */
  private readonly numbers: ShardedMap<number>;
  /** Organization number + 1 (0 = empty slot). */
  private org = new Int32Array(1 << 12);
  private year = new Int32Array(1 << 12);
  private file = new Uint16Array(1 << 12);
  private line = new Uint32Array(1 << 12);
  private size = 0;
  /** Organization number of the id of the last {@link findOrAdd}. */
  lastOrg = -1;

  /**
   * @param hasYear whether rows have a report year (a panel): duplicates are the same id and year, else the same id
   * @param shardAt ids held in one Map before they are spread over shards (default 2^23; small in tests)
   */
  constructor(
    private readonly hasYear: boolean,
    shardAt?: number,
  ) {
    this.numbers = new ShardedMap<number>(shardAt);
  }

  /** Organizations numbered so far. */
  get organizations(): number {
    return this.numbers.size;
  }

  /**
   * Look up (id, year); when absent, record it as coming from `file` line `line`.
   *
   * @param id organization id
   * @param year report year (NaN when missing: never a duplicate in a panel)
   * @param file input file index
   * @param line physical line
   * @returns where the earlier row with this key came from, or null when the key is new (and now recorded)
   */
  findOrAdd(id: string, year: number, file: number, line: number): RowSource | null {
    return this.findOrAddOrg(this.numberOf(id), year, file, line);
  }

  /**
   * The number of an organization id, numbered now when it is new (in order of first appearance).
   *
   * @param id organization id
   * @returns its number
   */
  numberOf(id: string): number {
    let o = this.numbers.get(id);
    if (o === undefined) this.numbers.set(detachString(id), (o = this.numbers.size));
    return o;
  }

  /**
   * {@link findOrAdd} for an organization already numbered ({@link numberOf}): for a caller
   * that reads an id many times (a dictionary-coded column) and looks it up once.
   *
   * @param o the organization's number
   * @param year report year (NaN when missing: never a duplicate in a panel)
   * @param file input file index
   * @param line physical line
   * @returns where the earlier row with this key came from, or null when the key is new (and now recorded)
   */
  findOrAddOrg(o: number, year: number, file: number, line: number): RowSource | null {
    this.lastOrg = o;
    if (this.hasYear && year !== year) return null;
    const y = this.hasYear ? year : 0;
    const cap = this.org.length;
    let i = slotOf(o, y, cap);
    for (;;) {
      const k = this.org[i];
      if (k === 0) break;
      if (k === o + 1 && this.year[i] === y) return { file: this.file[i], line: this.line[i] };
      if (++i === cap) i = 0;
    }
    this.org[i] = o + 1;
    this.year[i] = y;
    this.file[i] = file;
    this.line[i] = line;
    if (++this.size > cap * MAX_LOAD) this.grow();
    return null;
  }

  /**
   * Make room for `more` organization-years besides those recorded, at once (instead of
   * growing by half again and again as they come).
   *
   * @param more how many keys may be added
   */
  reserve(more: number): void {
    const want = Math.ceil((this.size + more) / MAX_LOAD) + 1;
    if (want > this.org.length) this.grow(want);
  }

  /** A table of `cap` slots (default half again as large), every key moved to its slot there. */
  private grow(cap = Math.ceil(this.org.length * 1.5)): void {
    const { org, year, file, line } = this;
    this.org = new Int32Array(cap);
    this.year = new Int32Array(cap);
    this.file = new Uint16Array(cap);
    this.line = new Uint32Array(cap);
    for (let j = 0; j < org.length; j++) {
      if (org[j] === 0) continue;
      let i = slotOf(org[j] - 1, year[j], cap);
      while (this.org[i] !== 0) if (++i === cap) i = 0;
      this.org[i] = org[j];
      this.year[i] = year[j];
      this.file[i] = file[j];
      this.line[i] = line[j];
    }
  }
}

/** The home slot of (organization, year) in a table of `cap` slots: the two mixed, then reduced. */
function slotOf(org: number, year: number, cap: number): number {
  let h = Math.imul(org ^ 0x9e3779b9, 0x85ebca6b) ^ year;
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return ((h ^ (h >>> 13)) >>> 0) % cap;
}
