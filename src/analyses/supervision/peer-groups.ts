import type { GradeDef } from '../../domain/rules/rules.js';

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
export function peerGroups(
  types: readonly string[],
  regions: readonly string[],
  def: Pick<GradeDef, 'peerGroup' | 'minPeers'>,
): { group: Int32Array; groups: PeerGroup[] } {
  const n = types.length;
  // types and regions as integer codes; group ids: type × region, then whole types, then all
  const codes = (xs: readonly string[]): { code: Int32Array; names: string[] } => {
    const of = new Map<string, number>();
    const code = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      let c = of.get(xs[k]);
      if (c === undefined) of.set(xs[k], (c = of.size));
      code[k] = c;
    }
    return { code, names: [...of.keys()] };
  };
  const t = codes(types);
  const r = codes(regions);
  const T = t.names.length;
  const R = r.names.length;
  const pairCount = new Int32Array(T * R);
  const typeCount = new Int32Array(T);
  for (let k = 0; k < n; k++) {
    pairCount[t.code[k] * R + r.code[k]]++;
    typeCount[t.code[k]]++;
  }
  const ALL = T * R + T;
  const idOf = new Int32Array(n);
  const sizes = new Int32Array(ALL + 1);
  for (let k = 0; k < n; k++) {
    const pair = t.code[k] * R + r.code[k];
    const id =
      def.peerGroup === 'type_region' && pairCount[pair] >= def.minPeers
        ? pair
        : typeCount[t.code[k]] >= def.minPeers
          ? T * R + t.code[k]
          : ALL;
    idOf[k] = id;
    sizes[id]++;
  }
  // the groups in use, sorted by type, then region (whole-type and whole-area groups last)
  const labelOf = (id: number): [string, string] =>
    id === ALL ? ['*', '*'] : id >= T * R ? [t.names[id - T * R], '*'] : [t.names[Math.floor(id / R)], r.names[id % R]];
  const used: number[] = [];
  for (let id = 0; id <= ALL; id++) if (sizes[id] > 0) used.push(id);
  const o = (x: string) => (x === '*' ? '\uffff' : x);
  used.sort((a, b) => {
    const [ta, ra] = labelOf(a);
    const [tb, rb] = labelOf(b);
    return o(ta) < o(tb) ? -1 : o(ta) > o(tb) ? 1 : o(ra) < o(rb) ? -1 : o(ra) > o(rb) ? 1 : 0;
  });
  const index = new Int32Array(ALL + 1).fill(-1);
  used.forEach((id, g) => (index[id] = g));
  const groups = used.map((id) => {
    const [gt, gr] = labelOf(id);
    return { type: gt === '*' ? null : gt, region: gr === '*' ? null : gr, size: sizes[id] };
  });
  const group = new Int32Array(n);
  for (let k = 0; k < n; k++) group[k] = index[idOf[k]];
  return { group, groups };
}
