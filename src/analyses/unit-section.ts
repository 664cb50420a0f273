/**
 * A unit beside the whole input (`analyses.unit` of a unit's results.json, and a row of the
 * index page): its organizations in the year compared and their share of the whole, its
 * rank among the units by count and by organizations per 10,000 residents, and (a unit that
 * is a region of the run) its composite score and rank from the whole run's indicators.
 */
export interface UnitComparison {
  code: string;
  zh: string;
  en: string;
  level: 'region' | 'parent';
  /** The regions the unit's spatial sections compare (its counties), or 1. */
  regions: number;
  /** The year compared: the bulletin year, else the last year of the data. */
  year: number;
  /** Organizations of the unit in `year`. */
  count: number;
  /** Organizations of the whole input in `year`. */
  total: number;
  /** count / total; null when total is 0. */
  share: number | null;
  /** Rank among the units by count (1 = most; ties share the better rank). */
  rank: number;
  /** How many units there are. */
  of: number;
  /** Residents of the unit (census), and organizations per 10,000 residents; null without population. */
  population: number | null;
  per10k: number | null;
  /** Rank among the units by organizations per 10,000 residents; null without population. */
  per10kRank: number | null;
  /** The unit's composite score and rank in the whole run's indicators, in `year` (level `region` only). */
  composite: number | null;
  compositeRank: number | null;
  /** Why the spatial sections compare nothing (level `region`), in both languages. */
  spatialNote: { en: string; zh: string } | null;
}
