/**
 * The organization-years accepted so far, for duplicate detection at a few bytes per
 * organization-year: an open-addressing hash table of row numbers (Int32Array) with each
 * entry's 32-bit hash beside it. Keys are not stored; a hash match is confirmed by
 * comparing the id and year of the row it points to (`same`), so collisions cost a
 * comparison, never a wrong answer.
 *
 * @example
 * const set = new OrgYearSet();
 * set.findOrAdd('A', 2024, 0, () => false); // => -1 (new; row 0 recorded)
 * set.findOrAdd('A', 2024, 1, (row) => row === 0); // => 0 (a duplicate of row 0)
 */
export class OrgYearSet {
  private rows = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private size = 0;
  private mask = (1 << 12) - 1;

  /** Number of distinct keys recorded. */
  get count(): number {
    return this.size;
  }

  /**
   * Look up (id, year); when absent record `row` for it.
   *
   * @param id organization id
   * @param year report year (any number; NaN for registry lists without years)
   * @param row the row number to record for a new key (≥ 0)
   * @param same whether an earlier row has this same id and year
   * @returns the earlier row with this key, or -1 when the key is new (and now recorded)
   */
  findOrAdd(id: string, year: number, row: number, same: (row: number) => boolean): number {
    const h = hashKey(id, year);
    let i = h & this.mask;
    for (;;) {
      const r = this.rows[i];
      if (r === 0) break;
      if (this.hashes[i] === h && same(r - 1)) return r - 1;
      i = (i + 1) & this.mask;
    }
    this.rows[i] = row + 1;
    this.hashes[i] = h;
    if (++this.size * 2 > this.rows.length) this.grow();
    return -1;
  }

  private grow(): void {
    const rows = this.rows;
    const hashes = this.hashes;
    this.rows = new Int32Array(rows.length * 2);
    this.hashes = new Int32Array(rows.length * 2);
    this.mask = this.rows.length - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      let i = hashes[j] & this.mask;
      while (this.rows[i] !== 0) i = (i + 1) & this.mask;
      this.rows[i] = rows[j];
      this.hashes[i] = hashes[j];
    }
  }
}

/** FNV-1a over the id's UTF-16 code units, then the year mixed in and the bits spread. */
function hashKey(id: string, year: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (year === year ? year | 0 : -1), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
