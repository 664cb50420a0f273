/**
 * The divisions of mainland China as data (the built-in `china-provinces`, `china-prefectures`
 * and `china-counties` regions files, read by `ingest/regions/load-china-gazetteer.ts`), and
 * the walks up a division's parents.
 */

/** One division of mainland China (province, prefecture or county level). */
export interface Division {
  code: string;
  zh: string;
  level: 'province' | 'prefecture' | 'county';
  /** Code one level up (a county's prefecture-level unit, a prefecture's province); absent for provinces. */
  parent?: string;
}

/** Every division of the built-in China files, by code and by name. */
export interface ChinaGazetteer {
  byCode: Map<string, Division>;
  /** Name or alias (normalised) → codes of the divisions it names (several for 南山区). */
  byName: Map<string, string[]>;
  /** Longest name in `byName`, in characters (bounds the segmentation of full names). */
  maxNameLength: number;
}

/**
 * The chain of a division up to its province, the division first.
 *
 * @param g the gazetteer
 * @param code a division code
 * @returns the codes, e.g. `['150627', '150600', '150000']`; `[code]` when unknown
 * @example
 * ancestry(loadChinaGazetteer(), '440305'); // => ['440305', '440300', '440000']
 */
export function ancestry(g: ChinaGazetteer, code: string): string[] {
  const out = [code];
  let d = g.byCode.get(code);
  while (d?.parent && out.length < 4) {
    out.push(d.parent);
    d = g.byCode.get(d.parent);
  }
  return out;
}

/**
 * A division's name with its parents, for messages: `440305 南山区 (广东省深圳市)`.
 *
 * @param g the gazetteer
 * @param code a division code
 * @returns the label
 * @example
 * divisionLabel(loadChinaGazetteer(), '230404'); // => '230404 南山区 (黑龙江省鹤岗市)'
 */
export function divisionLabel(g: ChinaGazetteer, code: string): string {
  const [self, ...up] = ancestry(g, code).map((c) => g.byCode.get(c)?.zh ?? c);
  return up.length ? `${code} ${self} (${up.reverse().join('')})` : `${code} ${self}`;
}
