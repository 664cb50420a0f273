import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/measures/random/seeded-random.js';
import { seededShuffler } from '../../../src/measures/random/seeded-shuffler.js';
import { shuffleInPlace } from '../../../src/measures/random/shuffle-in-place.js';

// The shuffler is a faster form of shuffleInPlace with seededRandom: the expected values are
// shuffleInPlace's own moves (Fisher–Yates on mulberry32's numbers), drawn from one stream
// across calls, so a permutation test gives the same permutations either way.
describe('seededShuffler', () => {
  it('moves the values exactly as shuffleInPlace with seededRandom(seed), call after call', () => {
    for (const seed of [1, 42, 2 ** 32 + 7, -3]) {
      const rand = seededRandom(seed);
      const shuffler = seededShuffler(seed);
      const plain = Array.from({ length: 51 }, (_, i) => i * 0.5 - 3);
      const typed = Float64Array.from(plain);
      for (let k = 0; k < 200; k++) {
        shuffleInPlace(plain, rand);
        expect([...shuffler.shuffle(typed)], `seed ${seed}, call ${k}`).toEqual(plain);
      }
    }
  });

  it('leaves arrays of zero or one value as they are, drawing no number', () => {
    const shuffler = seededShuffler(7);
    expect([...shuffler.shuffle(new Float64Array(0))]).toEqual([]);
    expect([...shuffler.shuffle(Float64Array.of(5))]).toEqual([5]);
    // no number drawn: the next shuffle is seed 7's first
    expect([...shuffler.shuffle(Float64Array.of(1, 2, 3))]).toEqual(shuffleInPlace([1, 2, 3], seededRandom(7)));
  });
});
