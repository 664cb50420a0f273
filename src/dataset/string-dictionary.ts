import { ShardedMap } from './sharded-map.js';

/**
 * Strings numbered in order of first use: `code(s)` is s's number, given to it the first
 * time it is seen; `values[c]` is the string numbered c. The dictionary of a category
 * column, and of anything else coded that way (text shipped between threads, warning
 * codes, dictionaries merged in order).
 *
 * @example
 * const d = new StringDictionary();
 * [d.code('b'), d.code('a'), d.code('b')]; // => [0, 1, 0]
 * d.values; // => ['b', 'a']
 */
export class StringDictionary {
  /** The strings, in order of first use (index = code). */
  readonly values: string[] = [];
  /** String → code; sharded, so that more than 2^24 distinct strings (ids of a national panel) fit. */
  private readonly index = new ShardedMap<number>();

  /**
   * The code of `s`, the next free one when `s` is new.
   *
   * @param s the string
   * @param keep what to store for a new string (default `s` itself; e.g. a copy detached
   *   from the larger string `s` was sliced from)
   * @returns its code (0, 1, 2, … in order of first use)
   */
  code(s: string, keep?: (s: string) => string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.values.length;
      const stored = keep ? keep(s) : s;
      this.values.push(stored);
      this.index.set(stored, c);
    }
    return c;
  }

  /** Number of distinct strings. */
  get size(): number {
    return this.values.length;
  }
}
