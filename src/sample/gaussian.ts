/**
 * One standard normal draw (Box–Muller) from a uniform generator.
 *
 * @param rand uniform [0, 1) generator, e.g. from `seededRandom`
 * @returns a draw from N(0, 1)
 * @example
 * gaussian(seededRandom(1)); // => a number, typically within ±3
 */
export function gaussian(rand: () => number): number {
  const u = rand() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(6.283185307179586 * rand());
}
