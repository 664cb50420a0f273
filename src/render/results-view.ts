/**
 * Reading results.json for the renderers. The report sections and the chart data builders
 * read the typed sections (`results.analyses.spatial?.…`, {@link ranSection} for a section
 * that may be a skip note): results are validated against schemas/results.schema.json, which
 * describes every section, when they are computed or loaded, so the renderers check no shapes.
 * A section that is absent (an analysis not run) is handled where it is read.
 */
import type { Lang } from './charts/labels.js';
import type { Results } from '../results/results.js';
import { isSkipped, type AnalysesSections, type SkippedSection } from '../results/section-types.js';

/** The sections of `results.analyses` that can be a skip note instead of their own type. */
type SkippableName = 'spatial' | 'supervision';

/** A section of `results.analyses` that ran (not absent, not a skip note). */
export type RanSection<K extends SkippableName> = Exclude<NonNullable<AnalysesSections[K]>, SkippedSection>;

/**
 * The section `results.analyses[name]` when the analysis ran: null when it is absent (not
 * run) or a skip note ({@link SkippedSection}).
 *
 * @example
 * ranSection(results, 'spatial')?.series.at(-1)?.coreShare;
 */
export function ranSection<K extends SkippableName>(results: Results, name: K): RanSection<K> | null {
  const s = results.analyses[name];
  return s === undefined || isSkipped(s) ? null : (s as RanSection<K>);
}

/**
 * A region's display name in `lang` from the regions of results.json; the code itself when
 * the region is unknown (e.g. a code in the data that the regions file does not list).
 *
 * @example
 * regionName(results, '150100', 'zh'); // => '呼和浩特市'
 */
export function regionName(results: Results, code: string, lang: Lang): string {
  const r = results.regions.find((x) => x.code === code);
  const name = r ? (lang === 'zh' ? r.zh : r.en) : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : code;
}

/** Years of the counts, ascending (empty when there are none). */
export function countYears(results: Results): number[] {
  return results.counts.years.filter((y) => Number.isInteger(y)).sort((a, b) => a - b);
}

/**
 * Region codes of the regions file with the core first, each zone in file order (the
 * column and row order of soqa's region heatmaps).
 *
 * @example
 * coreFirstOrder(results); // => ['150100', '150200', '150600', '150300', …]
 */
export function coreFirstOrder(results: Results): string[] {
  const codes = (core: boolean) => results.regions.filter((r) => (r.zone === 'core') === core).map((r) => r.code);
  return [...codes(true), ...codes(false)];
}

/** Display names of the core regions in `lang`. */
export function coreNames(results: Results, lang: Lang): string[] {
  return results.regions.filter((r) => r.zone === 'core').map((r) => regionName(results, r.code, lang));
}
