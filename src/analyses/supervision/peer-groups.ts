import type { GradeDef } from './rules.js';

/** One peer group: organizations of a type in a region, of a type anywhere, or all. */
export interface PeerGroup {
  /** null = any type / any region. */
  type: string | null;
  region: string | null;
  /** Organizations in it. */
  size: number;
}

/**
 * Assign each organization its peer group: type × region when that group has at least
 * `minPeers` organizations (or with `peerGroup: "type"`, the type), else its type across
 * regions when that has `minPeers`, else all organizations.
 *
 * @param types type of each organization ('' when unknown)
 * @param regions region of each organization ('' when unknown)
 * @param def the grade definition (`peerGroup`, `minPeers`)
 * @returns the group index of each organization and the groups, sorted by type, then region
 *   (whole-type and whole-area groups after the specific ones)
 * @example
 * peerGroups(['a', 'a', 'b'], ['r', 'r', 'r'], { peerGroup: 'type_region', minPeers: 2 } as GradeDef).groups;
 * // => [{ type: 'a', region: 'r', size: 2 }, { type: null, region: null, size: 1 }]
 */
export function peerGroups(types: readonly string[], regions: readonly string[], def: Pick<GradeDef, 'peerGroup' | 'minPeers'>): { group: Int32Array; groups: PeerGroup[] } {
  const n = types.length;
  const count = new Map<string, number>();
  const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  for (let k = 0; k < n; k++) {
    bump(`${types[k]}\u0000${regions[k]}`);
    bump(`${types[k]}\u0000*`);
  }
  const keyOf = (k: number): string => {
    const tr = `${types[k]}\u0000${regions[k]}`;
    if (def.peerGroup === 'type_region' && count.get(tr)! >= def.minPeers) return tr;
    const t = `${types[k]}\u0000*`;
    if (count.get(t)! >= def.minPeers) return t;
    return '*\u0000*';
  };
  const keys = new Array<string>(n);
  const sizes = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    keys[k] = keyOf(k);
    sizes.set(keys[k], (sizes.get(keys[k]) ?? 0) + 1);
  }
  const sorted = [...sizes.keys()].sort((a, b) => {
    const [ta, ra] = a.split('\u0000');
    const [tb, rb] = b.split('\u0000');
    const o = (x: string) => (x === '*' ? '\uffff' : x);
    return o(ta) < o(tb) ? -1 : o(ta) > o(tb) ? 1 : o(ra) < o(rb) ? -1 : o(ra) > o(rb) ? 1 : 0;
  });
  const index = new Map(sorted.map((k, g) => [k, g]));
  const groups = sorted.map((k) => {
    const [t, r] = k.split('\u0000');
    return { type: t === '*' ? null : t, region: r === '*' ? null : r, size: sizes.get(k)! };
  });
  const group = new Int32Array(n);
  for (let k = 0; k < n; k++) group[k] = index.get(keys[k])!;
  return { group, groups };
}
