/** Qualifiers a type label may carry in parentheses that say something about the organization, not its type. */
export const TYPE_QUALIFIERS: ReadonlySet<string> = new Set(['法人', '个体', '合伙', '公募', '非公募']);

const QUALIFIED = /^(.+?)\s*\(\s*([^()]+?)\s*\)$/;

/**
 * Look a folded category cell (NFKC, trimmed, lower case; full-width parentheses are ASCII
 * after NFKC) up in a value map, reading a qualifier in parentheses: `社会服务机构(民办非企业单位)`
 * is the label outside or, failing that, inside the parentheses when both do not disagree;
 * `民办非企业单位(法人)`, `基金会(非公募)` are the label outside when the qualifier is one of
 * {@link TYPE_QUALIFIERS}. A label the map has as it stands (a profile alias) wins.
 *
 * @param map folded label → code
 * @param key the folded cell
 * @returns the code, or undefined
 * @example
 * lookupCategory(typeMap, '基金会(非公募)'); // => 'foundation'
 */
export function lookupCategory(map: ReadonlyMap<string, string>, key: string): string | undefined {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const m = QUALIFIED.exec(key);
  if (!m) return undefined;
  const outer = map.get(m[1]);
  const inner = map.get(m[2]);
  if (outer !== undefined && inner !== undefined) return outer === inner ? outer : undefined;
  if (outer !== undefined) return TYPE_QUALIFIERS.has(m[2]) ? outer : undefined;
  return inner;
}

const listed = new WeakMap<ReadonlyMap<string, string>, string>();

/**
 * The labels a value map accepts, grouped by code, for a reject's reason:
 * `social_group (社会团体, 社团, …); foundation (…)`.
 *
 * @param map folded label → code
 * @returns the listing
 * @example
 * acceptedLabels(buildValueMap(['foundation'], { foundation: ['基金会'] })); // => 'foundation (基金会)'
 */
export function acceptedLabels(map: ReadonlyMap<string, string>): string {
  let s = listed.get(map);
  if (s === undefined) {
    const by = new Map<string, string[]>();
    for (const [label, code] of map) {
      const list = by.get(code) ?? [];
      if (label !== code) list.push(label);
      by.set(code, list);
    }
    s = [...by].map(([code, labels]) => (labels.length ? `${code} (${labels.join(', ')})` : code)).join('; ');
    listed.set(map, s);
  }
  return s;
}

/** Qualifiers that say something about an organization of a type: 公募/非公募 for foundations, 法人/个体/合伙 for private non-enterprise units. */
const INFORMATIVE: Readonly<Record<string, ReadonlySet<string>>> = {
  foundation: new Set(['公募', '非公募']),
  private_non_enterprise: new Set(['法人', '个体', '合伙']),
};

/**
 * The qualifier a type label carries that says something about the organization (公募 or
 * 非公募 after a foundation label, 法人, 个体 or 合伙 after a private non-enterprise unit's),
 * or null (no qualifier, or one that adds nothing, such as 社会团体（法人）).
 *
 * @param key the folded cell (as for {@link lookupCategory})
 * @param code the type it was read as
 * @returns the qualifier, or null
 * @example
 * typeQualifier('基金会(非公募)', 'foundation'); // => '非公募'
 */
export function typeQualifier(key: string, code: string): string | null {
  const m = QUALIFIED.exec(key);
  return m && INFORMATIVE[code]?.has(m[2]) ? m[2] : null;
}
