import { describe, expect, it } from 'vitest';
import { ShardedMap, SHARD_AT } from '../../src/dataset/sharded-map.js';
import { OrgYearLedger } from '../../src/ingest/org-year-ledger.js';
import { seededRandom } from '../../src/measures/random/seeded-random.js';

// Issue 23: more than 2^24 distinct organizations (one JavaScript Map stops there with
// "RangeError: Map maximum size exceeded"). The sharding is tested with a tiny threshold;
// the default one is below V8's limit.
describe('ShardedMap', () => {
  it('shards below the 2^24 entries of one Map', () => {
    expect(SHARD_AT).toBeLessThan(2 ** 24);
  });

  it('gives what a Map gives, before and after spreading its keys over shards', () => {
    const rnd = seededRandom(7);
    const m = new ShardedMap<number>(64, 8);
    const ref = new Map<string, number>();
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (let i = 0; i < 5_000; i++) {
      const k = `K${Math.floor(rnd() * 2_000)}`;
      if (rnd() < 0.5) {
        m.set(k, i);
        ref.set(k, i);
      }
      got.push(m.get(k), m.size);
      want.push(ref.get(k), ref.size);
    }
    expect(got).toEqual(want);
    // every key of the reference is found (1,000+ keys: well past the threshold of 64)
    expect(ref.size).toBeGreaterThan(1_000);
    for (const [k, v] of ref) expect(m.get(k)).toBe(v);
    expect(m.get('absent')).toBeUndefined();
  });

  it('an OrgYearLedger that shards after 10 ids finds exactly the same repeats as one that does not', () => {
    const rnd = seededRandom(3);
    const small = new OrgYearLedger(true, 10);
    const plain = new OrgYearLedger(true);
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (let line = 2; line < 20_000; line++) {
      const id = `51${Math.floor(rnd() * 3_000)}`;
      const year = 2018 + Math.floor(rnd() * 6);
      got.push(small.findOrAdd(id, year, 0, line), small.lastOrg);
      want.push(plain.findOrAdd(id, year, 0, line), plain.lastOrg);
    }
    expect(got).toEqual(want);
    expect(got.filter((x) => x !== null && typeof x === 'object').length).toBeGreaterThan(1_000);
    expect(small.organizations).toBe(plain.organizations);
  });
});
