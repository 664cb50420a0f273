import { GRADES, type Grade, type GradeDef, type Severity } from '../../domain/rules/rules.js';

/**
 * The base grade from the quality score and the transparency index (both 0–100): A when
 * score ≥ bands.A and transparency ≥ aMinTransparency; B when score ≥ bands.B (or score ≥
 * bands.A with lower transparency); C below bands.B; `noScore` when no indicator could be
 * computed.
 *
 * @param score quality score 0–100 (NaN = none)
 * @param transparency transparency index 0–100 (NaN = none: A is not possible)
 * @param def the grade definition
 * @returns the base grade
 * @example
 * baseGrade(72, 80, def); // => 'A'   (bands A 60, B 40, aMinTransparency 60)
 * baseGrade(72, 50, def); // => 'B'
 */
export function baseGrade(score: number, transparency: number, def: GradeDef): Grade {
  if (Number.isNaN(score)) return def.noScore;
  if (score >= def.bands.A && transparency >= def.aMinTransparency) return 'A';
  if (score >= def.bands.B) return 'B';
  return 'C';
}

/**
 * Apply the warning cap: an organization's grade is no better than the cap of its most
 * severe warning (default: low → B, medium → C, high → D).
 *
 * @param base the base grade
 * @param worst the most severe warning (null = none)
 * @param def the grade definition
 * @returns the grade
 * @example
 * capGrade('A', 'medium', def); // => 'C'
 */
export function capGrade(base: Grade, worst: Severity | null, def: GradeDef): Grade {
  if (worst === null) return base;
  const cap = def.caps[worst];
  return GRADES.indexOf(cap) > GRADES.indexOf(base) ? cap : base;
}
