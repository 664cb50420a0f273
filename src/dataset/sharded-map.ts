/** Entries a single Map holds before a {@link ShardedMap} spreads its keys over shards (V8 stops a Map at 2^24). */
export const SHARD_AT = 1 << 23;
/** Shards a {@link ShardedMap} spreads over (64 × 2^24: about a billion keys). */
export const SHARDS = 64;

/**
 * A string-keyed map without the 2^24-entry limit of one JavaScript Map (V8 throws
 * `RangeError: Map maximum size exceeded` past it): one Map while it is small (no cost
 * over a plain Map), and once it holds `shardAt` keys, `shards` Maps chosen by a hash of
 * the key (FNV-1a over its UTF-16 code units). Only `get`, `set` and `size`: no iteration
 * order is promised.
 *
 * @example
 * const m = new ShardedMap<number>();
 * m.set('51150200MJ10472999', 0);
 * m.get('51150200MJ10472999'); // => 0
 */
export class ShardedMap<V> {
  private one: Map<string, V> | null = new Map();
  private shardsOf: Map<string, V>[] = [];
  private count = 0;

  /**
   * @param shardAt keys held in one Map before sharding (default {@link SHARD_AT}; small in tests)
   * @param shards number of shards, a power of two (default {@link SHARDS})
   */
  constructor(
    private readonly shardAt = SHARD_AT,
    private readonly shards = SHARDS,
  ) {}

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /**
   * The value of `key`, or undefined.
   *
   * @param key the key
   * @returns its value
   */
  get(key: string): V | undefined {
    return this.one !== null ? this.one.get(key) : this.shardsOf[this.shardOf(key)].get(key);
  }

  /**
   * Set `key` to `value`.
   *
   * @param key the key
   * @param value its value
   */
  set(key: string, value: V): void {
    if (this.one !== null) {
      const before = this.one.size;
      this.one.set(key, value);
      this.count = this.one.size;
      if (this.one.size > before && this.one.size >= this.shardAt) this.spread();
      return;
    }
    const shard = this.shardsOf[this.shardOf(key)];
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
  }

  /** Move every key from the single Map to its shard. */
  private spread(): void {
    const one = this.one!;
    this.one = null;
    this.shardsOf = Array.from({ length: this.shards }, () => new Map<string, V>());
    for (const [k, v] of one) this.shardsOf[this.shardOf(k)].set(k, v);
    one.clear();
  }

  private shardOf(key: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return (h >>> 0) & (this.shards - 1);
  }
}
