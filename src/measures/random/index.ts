export { seededRandom } from './seeded-random.js';
export { shuffleInPlace } from './shuffle-in-place.js';
