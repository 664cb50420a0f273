import { normalizeText } from '../normalize-text.js';
import { ancestry, divisionLabel, type ChinaGazetteer } from './china-gazetteer.js';
import type { RegionsFile } from './regions.js';

/** What a region text names, against one regions file. */
export interface RegionMatch {
  /** The unit of the regions file, or null. */
  code: string | null;
  /**
   * When the text names more than one division that lands on different units of the file
   * (南山区: 440305 in Shenzhen, 230404 in Hegang): each candidate's division code, its
   * unit in the file and a label for messages. Empty otherwise.
   */
  candidates: { division: string; unit: string; label: string }[];
  /** Divisions of China the text names, whether or not they land in the file (for messages and credit-code checks). */
  named: string[];
}

/** A region resolver: call it for the unit's code; `match` and `division` give more. */
export interface RegionResolver {
  (raw: string): string | null;
  /** The full answer for a text, ambiguity included (memoised per distinct text). */
  match(raw: string): RegionMatch;
  /** The unit of a 6-digit division code, e.g. a credit code's characters 3–8 (memoised). */
  division(code: string): string | null;
}

/** Registration authorities written where a region is expected: 鄂尔多斯市民政局 names 鄂尔多斯市. */
const AUTHORITY =
  /(?:人民政府)?(?:民政局|民政厅|民政处|社会组织管理局|社会组织管理处|社会组织登记管理局|行政审批局|行政审批服务局|行政审批和政务服务局)$/;
/** The Ministry of Civil Affairs registers national organizations. */
const NATIONAL = new Set(['民政部', '中华人民共和国民政部', '全国', '中国', '中华人民共和国', '国家']);
/** Short names of the provinces: a prefecture's name without 市 that equals one (吉林) is not its alias. */
const PROVINCE_SHORT = new Set(
  '北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆'.split(
    ' ',
  ),
);
const NONE: RegionMatch = { code: null, candidates: [], named: [] };
const CACHE_LIMIT = 100_000;
/** Divisions named by a text, per gazetteer: parsed once per process whatever the regions file. */
const PARSED = new WeakMap<ChinaGazetteer, Map<string, string[]>>();

/**
 * Build the region resolver of a regions file. A region cell is read as (in this order):
 * a code, zh/en name or alias of a unit (`呼和浩特市`, `呼和浩特`, `Hohhot`); a 6- or
 * 12-digit division code, rolled up through its prefecture and province to the file's unit;
 * a registration authority (`鄂尔多斯市民政局`, `广东省民政厅`; `民政部` = national); any
 * division of mainland China by its name, including full names with the province prefix
 * (`内蒙古自治区鄂尔多斯市伊金霍洛旗`) and city + county (`鄂尔多斯市东胜区`), rolled up to
 * the file's unit. A county name shared by divisions in different units (南山区) is
 * ambiguous: `match` lists the candidates and the resolver returns null (never a guess);
 * the credit code settles it (see convert-row.ts). Answers are memoised per distinct text.
 *
 * @param regions the regions file
 * @param gazetteer divisions of China, asked for on first need (the CLI and ingest pass
 *   `loadChinaGazetteer` of ingest/regions, which reads the built-in files once per process)
 * @returns the resolver
 * @example
 * const r = regionResolver(im, loadChinaGazetteer);
 * r('150627'); // => '150600'  (Ejin Horo rolls up to Ordos)
 * r('内蒙古自治区鄂尔多斯市伊金霍洛旗'); // => '150600'
 * r.match('南山区').candidates.length; // => 0 in inner-mongolia (neither is in the file)
 */
export function regionResolver(regions: RegionsFile, gazetteer: () => ChinaGazetteer): RegionResolver {
  const index = new RegionIndex(regions, gazetteer);
  const match = (raw: string): RegionMatch => index.match(raw);
  const resolver = ((raw: string) => index.match(raw).code) as RegionResolver;
  resolver.match = match;
  resolver.division = (code: string): string | null => index.division(code);
  return resolver;
}

/** The normalised form of a name, alias or code, as looked up. */
const keyOf = (k: string): string => normalizeText(k).toLowerCase().replace(/\s+/g, ' ');

/**
 * The units of a regions file by code, name and alias (normalised), and the names two units
 * share (南山区 in china-counties: never resolved to either).
 */
function unitKeys(regions: RegionsFile): { byKey: Map<string, string>; shared: Map<string, string[]> } {
  const byKey = new Map<string, string>();
  const shared = new Map<string, string[]>();
  const add = (k: string, code: string, name = false) => {
    const kk = keyOf(k);
    if (!kk) return;
    const had = byKey.get(kk);
    if (had === undefined) byKey.set(kk, code);
    else if (name && had !== code) shared.set(kk, [...new Set([...(shared.get(kk) ?? [had]), code])]);
  };
  for (const r of regions.regions) {
    add(r.code, r.code);
    add(r.zh, r.code, true);
    add(r.en, r.code);
    const short = r.zh.replace(/(市|盟|地区|自治州|省|自治区)$/, '');
    // 吉林市 → 吉林 would take the province's name (a province and a municipality keep theirs)
    if (!PROVINCE_SHORT.has(short) || /^(\d\d0000|(11|12|31|50)0100)$/.test(r.code)) add(short, r.code);
    for (const a of r.aliases ?? []) add(a, r.code);
  }
  for (const k of shared.keys()) byKey.delete(k);
  return { byKey, shared };
}

/** Divisions a text names (the same for every regions file: shared through the gazetteer's cache). */
function divisionsOf(gz: ChinaGazetteer, t: string): string[] {
  let parsed = PARSED.get(gz);
  if (!parsed) PARSED.set(gz, (parsed = new Map()));
  let d = parsed.get(t);
  if (d === undefined) {
    d = parseDivisions(gz, t);
    if (parsed.size < CACHE_LIMIT) parsed.set(t, d);
  }
  return d;
}

/** Whole-name match, else a chain of names (province…county), each inside the one before. */
function parseDivisions(gz: ChinaGazetteer, t: string): string[] {
  const whole = gz.byName.get(t);
  if (whole) return whole;
  let prev: string[] | null = null;
  let i = 0;
  while (i < t.length) {
    let found: string[] | null = null;
    for (let len = Math.min(gz.maxNameLength, t.length - i); len >= 2 && !found; len--) {
      const cands = gz.byName.get(t.slice(i, i + len));
      if (!cands) continue;
      // a later name must lie inside the earlier one (鄂尔多斯市 → 东胜区 of Ordos, not of elsewhere)
      const inside: string[] = prev ? cands.filter((c) => ancestry(gz, c).some((a) => prev!.includes(a))) : cands;
      if (inside.length) {
        found = inside;
        i += len;
      }
    }
    if (!found) return [];
    prev = found;
  }
  return prev ?? [];
}

/** The lookups of {@link regionResolver} over one regions file, with their memos. */
class RegionIndex {
  private readonly byKey: Map<string, string>;
  private readonly shared: Map<string, string[]>;
  private readonly nameOf: Map<string, RegionsFile['regions'][number]>;
  private readonly units: Set<string>;
  private readonly national: string | null;
  private g: ChinaGazetteer | null = null;
  private readonly divisionCache = new Map<string, string | null>();
  private readonly cache = new Map<string, RegionMatch>();

  constructor(
    regions: RegionsFile,
    private readonly gazetteer: () => ChinaGazetteer,
  ) {
    ({ byKey: this.byKey, shared: this.shared } = unitKeys(regions));
    this.nameOf = new Map(regions.regions.map((r) => [r.code, r]));
    this.units = new Set(regions.regions.map((r) => r.code));
    this.national = regions.regions.find((r) => r.code === 'CN' || (r.tags ?? []).includes('national'))?.code ?? null;
  }

  /** The gazetteer, asked for on first need. */
  private get gz(): ChinaGazetteer {
    return (this.g ??= this.gazetteer());
  }

  /** The full answer for a text (memoised per distinct text); a text with spaces is tried again without them. */
  match(raw: string): RegionMatch {
    let m = this.cache.get(raw);
    if (m === undefined) {
      m = this.matchText(keyOf(raw));
      if (m.code === null && m.candidates.length === 0) {
        const squeezed = normalizeText(raw).replace(/\s+/g, '');
        if (squeezed !== normalizeText(raw)) m = this.matchText(squeezed.toLowerCase());
      }
      if (this.cache.size < CACHE_LIMIT) this.cache.set(raw, m);
    }
    return m;
  }

  /** The unit of a 6-digit division code (memoised; null for anything else). */
  division(code: string): string | null {
    let u = this.divisionCache.get(code);
    if (u === undefined) {
      u = /^\d{6}$/.test(code) ? this.unitOfDivision(code) : null;
      this.divisionCache.set(code, u);
    }
    return u;
  }

  /** The file's unit a division lands on: the division or its prefecture or province. */
  private unitOfDivision(code: string): string | null {
    const { units } = this;
    if (units.has(code)) return code;
    const chain = ancestry(this.gz, code);
    for (const c of chain) if (units.has(c)) return c;
    // a code the gazetteer lacks (abolished or renumbered county): its prefecture, its province
    if (chain.length === 1 && /^\d{6}$/.test(code)) {
      for (const c of [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
        if (units.has(c)) return c;
        const up = this.gz.byCode.has(c) ? ancestry(this.gz, c).find((x) => units.has(x)) : undefined;
        if (up) return up;
      }
    }
    return null;
  }

  /** A normalised text: a unit's key, a shared name, national, a division code, an authority, or division names. */
  private matchText(t: string): RegionMatch {
    const direct = this.byKey.get(t);
    if (direct) return { code: direct, candidates: [], named: [] };
    const twice = this.shared.get(t);
    if (twice) return this.sharedName(twice);
    if (NATIONAL.has(t)) return this.national ? { code: this.national, candidates: [], named: [] } : NONE;
    if (/^\d{12}$/.test(t)) return { code: this.division(t.slice(0, 6)), candidates: [], named: [t.slice(0, 6)] };
    if (/^\d{6}$/.test(t)) return { code: this.division(t), candidates: [], named: [t] };
    const bare = t.replace(AUTHORITY, '');
    if (bare !== t && bare.length >= 2) return this.matchText(bare);
    if (!/^[\u3400-\u9fff]{2,}$/.test(t)) return NONE;
    return this.divisionNames(t);
  }

  /** A name two units of the file share: no unit, both as candidates. */
  private sharedName(codes: string[]): RegionMatch {
    return {
      code: null,
      named: codes,
      candidates: codes.map((c) => {
        const r = this.nameOf.get(c)!;
        const parent = r.parent ? (this.nameOf.get(r.parent)?.zh ?? this.gz.byCode.get(r.parent)?.zh ?? r.parent) : '';
        return { division: c, unit: c, label: `${c} ${r.zh}${parent ? ` (${parent})` : ''}` };
      }),
    };
  }

  /** A text of Chinese division names: the unit when they all land on one, else the candidates by unit. */
  private divisionNames(t: string): RegionMatch {
    const divisions = divisionsOf(this.gz, t);
    const byUnit = new Map<string, string[]>();
    for (const d of divisions) {
      const u = this.unitOfDivision(d);
      if (u) byUnit.set(u, [...(byUnit.get(u) ?? []), d]);
    }
    if (byUnit.size === 1) return { code: [...byUnit.keys()][0], candidates: [], named: divisions };
    if (byUnit.size === 0) return { code: null, candidates: [], named: divisions };
    return {
      code: null,
      named: divisions,
      candidates: [...byUnit].flatMap(([unit, ds]) =>
        ds.map((d) => ({ division: d, unit, label: divisionLabel(this.gz, d) })),
      ),
    };
  }
}
