export { seededRandom } from './seeded-random.js';
export { seededPermutations } from './seeded-permutations.js';
export { seededShuffler, type SeededShuffler } from './seeded-shuffler.js';
export { shuffleInPlace } from './shuffle-in-place.js';
