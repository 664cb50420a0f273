/**
 * Mix a seed with a salt into a well-spread 32-bit seed (murmur3 finalizer), so that the sample
 * generator can give every organization its own independent `seededRandom` stream.
 *
 * @param seed base seed (any safe integer; bits above 32 are folded in)
 * @param salt stream number, e.g. the organization's index + 1
 * @returns an unsigned 32-bit integer
 * @example
 * mixSeed(20240601, 1) === mixSeed(20240601, 1); // => true
 */
export function mixSeed(seed: number, salt: number): number {
  const hi = Math.floor(seed / 4294967296) | 0;
  let h = ((seed >>> 0) ^ Math.imul(hi, 0x27d4eb2f) ^ Math.imul(salt | 0, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
