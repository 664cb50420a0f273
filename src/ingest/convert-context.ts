import type { RowValues } from '../dataset/dataset-builder.js';
import type { RegionResolver } from '../domain/regions/region-resolver.js';
import type { DerivedField } from './derive/plan-derived-fields.js';

/** A problem found in one cell (a reason to reject the row, or a warning). */
export interface CellProblem {
  code: string;
  column: string;
  value: string;
  reason: string;
}

/** Everything a row conversion needs besides the row. */
export interface ConvertContext {
  /** Input column index → canonical field (null = ignored). */
  fieldOf: (string | null)[];
  /** Original header text per column (for messages). */
  headers: string[];
  categoryMaps: Record<string, Map<string, string>>;
  /** Region text → unit code; a {@link RegionResolver} also tells ambiguity and places division codes. */
  resolveRegion: ((raw: string) => string | null) & Partial<Pick<RegionResolver, 'match' | 'division'>>;
  /** Id of the regions file (for messages). */
  regionsId?: string;
  years: { min: number; max: number };
  checkCodes: boolean;
  /** Fields the profile derives from other cells (`derive`); see plan-derived-fields.ts. */
  derived?: DerivedField[];
  /** Profile `values` of non-category fields: field → folded alias → canonical text. */
  valueAliases?: Record<string, Map<string, string>>;
  /** Per input column, the factor from its unit to the field's (money in 万元: 10000); absent = all 1. */
  scale?: number[];
}

/** Result of converting one record. */
export interface ConvertedRow {
  values: RowValues;
  rejects: CellProblem[];
  warnings: CellProblem[];
  /** The qualifier of the type label that says something about the organization (公募, 非公募, 法人, 个体, 合伙), if any. */
  qualifier?: string;
}
