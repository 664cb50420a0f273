/**
 * True when date `a` is surely before date `b` (both yyyymmdd, 00 for an unknown month or
 * day): partial dates are compared only as far as both are known, so 2015 (20150000) is
 * not before 2015-03-02.
 *
 * @param a a date as yyyymmdd
 * @param b another
 * @returns true only when a is before b whatever the unknown parts are
 * @example
 * definitelyBefore(20240600, 20240615); // => false (the day of a is unknown)
 */
export function definitelyBefore(a: number, b: number): boolean {
  const ya = Math.floor(a / 10000);
  const yb = Math.floor(b / 10000);
  if (ya !== yb) return ya < yb;
  const ma = Math.floor(a / 100) % 100;
  const mb = Math.floor(b / 100) % 100;
  if (ma === 0 || mb === 0) return false;
  if (ma !== mb) return ma < mb;
  const da = a % 100;
  const db = b % 100;
  return da !== 0 && db !== 0 && da < db;
}
