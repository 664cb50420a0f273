/** Slots of the hash table (a power of two); the table starts afresh when half of them are used. */
const SLOTS = 1 << 16;
/** Bytes of text kept for comparison; the table starts afresh when they run out. */
const ARENA_BYTES = 1 << 21;
/** Cells longer than this are decoded each time (names are far shorter). */
const MAX_KEY = 256;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes text cells straight from a line's UTF-8 bytes, once per distinct value: the
 * bytes are hashed (FNV-1a) and looked up in an open-addressing table of the values seen
 * lately, so a panel's ids, names, types and regions, which repeat every year, are decoded
 * and allocated once and every repeat gets the same string. Memory is bounded: the table
 * starts afresh when it fills. Bytes that are not valid UTF-8 give null (their text holds
 * U+FFFD, which the caller counts by reading the line as text instead).
 *
 * @example
 * const t = new ByteInterner();
 * const b = new TextEncoder().encode('a,基金会,b');
 * t.text(b, 2, 11); // => '基金会'
 */
export class ByteInterner {
  private readonly slot = new Int32Array(SLOTS).fill(-1);
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly values: (string | null)[] = [];
  private arena = new Uint8Array(ARENA_BYTES);
  private used = 0;

  /**
   * The text of `buf.subarray(a, b)`.
   *
   * @param buf bytes of UTF-8 text
   * @param a first byte
   * @param b one past the last byte
   * @returns the decoded text, or null when the bytes are not valid UTF-8
   */
  text(buf: Uint8Array, a: number, b: number): string | null {
    const n = b - a;
    if (n === 0) return '';
    if (n > MAX_KEY) return decode(buf, a, b);
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const mask = SLOTS - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slot[s];
      if (e < 0) {
        if (this.values.length * 2 >= SLOTS || this.used + n > ARENA_BYTES) {
          this.clear();
          return this.text(buf, a, b);
        }
        return this.add(s, h, buf, a, b);
      }
      if (this.hashes[e] === h && this.ends[e] - this.starts[e] === n && this.same(e, buf, a)) return this.values[e];
    }
  }

  private same(e: number, buf: Uint8Array, a: number): boolean {
    const arena = this.arena;
    for (let i = this.starts[e], j = a, end = this.ends[e]; i < end; i++, j++) if (arena[i] !== buf[j]) return false;
    return true;
  }

  // eslint-disable-next-line max-params -- hot path, kept as one loop / positional arguments for speed
  private add(s: number, h: number, buf: Uint8Array, a: number, b: number): string | null {
    const value = decode(buf, a, b);
    const e = this.values.length;
    this.arena.set(buf.subarray(a, b), this.used);
    this.starts.push(this.used);
    this.used += b - a;
    this.ends.push(this.used);
    this.hashes.push(h);
    this.values.push(value);
    this.slot[s] = e;
    return value;
  }

  private clear(): void {
    this.slot.fill(-1);
    this.hashes.length = 0;
    this.starts.length = 0;
    this.ends.length = 0;
    this.values.length = 0;
    this.used = 0;
  }
}

let shared: ByteInterner | null = null;

/**
 * The thread's interner, made on first use and kept: a range worker reads range after
 * range, and a new table per range would cost its memory afresh each time (fresh pages are
 * slow to fault in here) and decode each id again.
 *
 * @returns the interner of the calling thread
 * @example
 * threadInterner() === threadInterner(); // => true
 */
export function threadInterner(): ByteInterner {
  shared ??= new ByteInterner();
  return shared;
}

/** ASCII bytes as a string without the decoder (short ids), else UTF-8; null when not valid UTF-8. */
function decode(buf: Uint8Array, a: number, b: number): string | null {
  let ascii = true;
  for (let i = a; i < b; i++)
    if (buf[i] >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii && b - a <= 32) {
    let s = '';
    for (let i = a; i < b; i++) s += String.fromCharCode(buf[i]);
    // flattened: a string of its own, not a chain of concatenations
    return s.length < 13 ? s : (' ' + s).slice(1);
  }
  const t = utf8.decode(buf.subarray(a, b));
  return ascii || t.indexOf('\uFFFD') < 0 ? t : null;
}
