import { FIELDS, FIELD_BY_NAME } from '../../dataset/fields.js';
import type { HeaderMapping } from '../header/map-headers.js';
import { normalizeHeader } from '../header/normalize-header.js';
import type { DeriveRule, Profile } from '../profile/profile.js';
import { isMissing, normalizeText } from '../../domain/normalize-text.js';
import { cleanId } from '../values/clean-id.js';

/** One alternative's output for one row: the text to convert as the field's cell. */
export interface DeriveCandidate {
  /** Text converted exactly like a cell of the field's column; null = missing or unknown. */
  text: string | null;
  /** The source cell(s) as read, for rejects.csv (`000000`, `SUBSECTION=03 FOUNDATION=04`). */
  source: string;
  /** Label of the column for rejects.csv, e.g. `registered (from RULING)`. */
  column: string;
  /** A problem found while deriving (e.g. the cell is not yyyymm). */
  problem?: { code: string; reason: string };
  /** Why `text` is null although the source has a value (e.g. `RULING 000000 means unknown`). */
  note?: string;
}

/** A canonical field the profile derives from other cells, compiled for one header row. */
export interface DerivedField {
  field: string;
  /** The input also has a column for the field: derivation fills its empty cells only. */
  hasColumn: boolean;
  /** Label of all alternatives, e.g. `region (from 统一社会信用代码 / 登记管理机关)`. */
  column: string;
  /** Indices of the input columns read. */
  sources: number[];
  /** The candidates for one row, in the profile's order of preference. */
  candidates: (cells: string[]) => DeriveCandidate[];
}

interface CompiledRule {
  sources: number[];
  label: string;
  run: (cells: string[]) => DeriveCandidate;
}

/**
 * Compile the profile's `derive` rules against one file's header row. A rule whose
 * columns are not all in the file is left out; a field none of whose rules can run is
 * not derived (and, if required, reported as a missing column).
 *
 * @param profile the input profile
 * @param headers the header cells of the file
 * @param mapping the file's header mapping (for `from` given as a canonical field name)
 * @returns the derivable fields, in canonical field order
 * @example
 * planDerivedFields(irs, ['EIN', 'RULING'], mapHeaders(['EIN', 'RULING'], irs))[0].field; // => 'registered'
 */
export function planDerivedFields(profile: Profile, headers: string[], mapping: HeaderMapping): DerivedField[] {
  const out: DerivedField[] = [];
  const keys = headers.map(normalizeHeader);
  const columnOf = (name: string): number => {
    const i = keys.indexOf(normalizeHeader(name));
    if (i >= 0) return i;
    return FIELD_BY_NAME.has(name) ? mapping.fieldOf.indexOf(name) : -1;
  };
  for (const def of FIELDS) {
    const spec = profile.derive?.[def.name];
    if (!spec) continue;
    const rules = (Array.isArray(spec) ? spec : [spec])
      .map((r) => compileRule(def.name, r, headers, columnOf))
      .filter((r): r is CompiledRule => r !== null);
    if (!rules.length) continue;
    out.push({
      field: def.name,
      hasColumn: mapping.fieldOf.includes(def.name),
      column: `${def.name} (from ${rules.map((r) => r.label).join(' / ')})`,
      sources: [...new Set(rules.flatMap((r) => r.sources))],
      candidates: (cells) => rules.map((r) => r.run(cells)),
    });
  }
  return out;
}

/**
 * The header mapping with the derived fields counted as present (so a required field
 * that is derived is not missing) and their source columns no longer listed as ignored.
 *
 * @param mapping the mapping from {@link mapHeaders}
 * @param derived the fields from {@link planDerivedFields}
 * @param headers the header cells
 * @returns a new mapping
 */
export function withDerivedFields(mapping: HeaderMapping, derived: DerivedField[], headers: string[]): HeaderMapping {
  if (!derived.length) return mapping;
  const names = new Set(derived.map((d) => d.field));
  const used = new Set(derived.flatMap((d) => d.sources.map((i) => headers[i])));
  return {
    ...mapping,
    present: FIELDS.map((f) => f.name).filter((n) => mapping.present.includes(n) || names.has(n)),
    missingRequired: mapping.missingRequired.filter((f) => !names.has(f)),
    ignored: mapping.ignored.filter((h) => !used.has(h)),
  };
}

const fold = (s: string): string => normalizeText(s).toLowerCase();

function compileRule(
  field: string,
  rule: DeriveRule,
  headers: string[],
  columnOf: (name: string) => number,
): CompiledRule | null {
  if (rule.from !== undefined) {
    const i = columnOf(rule.from);
    if (i < 0) return null;
    const label = headers[i];
    const column = `${field} (from ${label})`;
    const unknown = new Set((rule.unknown ?? []).map(fold));
    const suffixes = (rule.stripSuffixes ?? []).map((s) => normalizeText(s)).sort((a, b) => b.length - a.length);
    const [start, end] = rule.slice ?? [0];
    const pattern = rule.pattern === undefined ? null : new RegExp(rule.pattern, 'iu');
    const fromId = rule.from === 'org_id';
    return {
      sources: [i],
      label,
      run: (cells) => {
        // an id read from the org_id column is cleaned as the id itself is (cleanId)
        const source = fromId ? cleanId(cells[i] ?? '').value : normalizeText(cells[i] ?? '');
        if (isMissing(source)) return { text: null, source, column };
        if (pattern && !pattern.test(source)) return { text: null, source, column };
        let t = source.slice(start, end);
        const suffix = suffixes.find((s) => t.length > s.length && t.endsWith(s));
        if (suffix) t = t.slice(0, -suffix.length);
        t = t.trim();
        if (t === '' || unknown.has(t.toLowerCase()))
          return {
            text: null,
            source,
            column,
            note: `${label} ${JSON.stringify(source)} means unknown (derive.${field}.unknown in the profile)`,
          };
        if (rule.format) {
          const d = reformatDate(t, rule.format);
          if (d === null)
            return {
              text: null,
              source,
              column,
              problem: { code: 'R_BAD_DATE', reason: `is not a ${rule.format} date` },
            };
          t = d;
        }
        return { text: t, source, column };
      },
    };
  }
  const conditions = (rule.rules ?? []).map((r) => ({
    value: r.value,
    when: Object.entries(r.when).map(([col, vals]) => ({ i: columnOf(col), vals: new Set(vals.map(fold)) })),
  }));
  if (conditions.some((c) => c.when.some((w) => w.i < 0))) return null;
  const sources = [...new Set(conditions.flatMap((c) => c.when.map((w) => w.i)))].sort((a, b) => a - b);
  const label = sources.map((i) => headers[i]).join(', ');
  const column = `${field} (from ${label})`;
  const otherwise = rule.otherwise ?? null;
  return {
    sources,
    label,
    run: (cells) => {
      const folded = new Map(sources.map((i) => [i, fold(cells[i] ?? '')]));
      const source = sources.map((i) => `${headers[i]}=${normalizeText(cells[i] ?? '')}`).join(' ');
      for (const c of conditions)
        if (c.when.every((w) => w.vals.has(folded.get(w.i)!))) return { text: c.value, source, column };
      return {
        text: otherwise,
        source,
        column,
        note: otherwise === null ? `no derive.${field} rule matches ${source}` : undefined,
      };
    },
  };
}

const DATE_SHAPES = { yyyymmdd: /^(\d{4})(\d{2})(\d{2})$/, yyyymm: /^(\d{4})(\d{2})$/, yyyy: /^(\d{4})$/ } as const;

/** `194603` (yyyymm) → `1946-03`; null when the text does not have the layout. */
function reformatDate(t: string, format: keyof typeof DATE_SHAPES): string | null {
  const m = DATE_SHAPES[format].exec(t);
  return m ? m.slice(1).join('-') : null;
}
