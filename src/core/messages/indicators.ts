import { pick, type Lang } from '../lang.js';

/**
 * Messages and notes of the indicators analysis (and the note of an aggregated input): each note takes the language first and is built from the numbers given.
 */

/** An indicator's input columns are not in the data, so it is left out. */
export const indicatorMissingColumns = (id: string, missing: { field: string; from?: string[] }[]): string =>
  `indicator ${id} skipped: column${missing.length > 1 ? 's' : ''} ${missing.map((m) => (m.from ? `${m.field} (derived from ${m.from.join(' or ')})` : m.field)).join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the input. The other indicators still run; add the column${missing.length > 1 ? 's' : ''} (or a profile alias) to include it.`;

/** An indicator has no value for any unit (e.g. every organization left the column blank). */
export const indicatorNoData = (id: string): string =>
  `indicator ${id} skipped: no region-year has a value (no organization reported its columns, or the denominators are 0).`;

/** An indicator that means nothing within one organization type. */
export const indicatorNotPerType = (id: string, kind: string): string =>
  `indicator ${id} skipped in the per-type panels: ${kind} describes the mix of types and is not defined within one type.`;

/** An indicator takes one value everywhere: it gets weight 0. */
export const indicatorConstant = (id: string, value: number): string =>
  `indicator ${id} has the same value (${value}) in every region-year: it cannot tell units apart, gets weight 0 and does not change any score.`;

/** per_population needs a population the regions file does not give. */
export const populationMissing = (regions: string[]): string =>
  `no population in the regions file for ${regions.join(', ')}: their per-resident indicators are missing. Add "population" to these regions (--regions).`;

/** Manual weighting asked for, but some indicators have no weight. */
export const manualWeightsMissing = (ids: string[]): string =>
  `--weighting manual needs a "weight" on every indicator, but ${ids.join(', ')} ${ids.length > 1 ? 'have' : 'has'} none. Add the weights to your framework file (--framework) or choose another weighting.`;

/** Every manual weight of the usable indicators is 0. */
export const manualWeightsZero = (): string =>
  'the manual weights of the usable indicators are all 0; give at least one of them a positive "weight" in the framework file.';

/** A layer whose indicators all got weight 0 (or were skipped): its score is missing. */
export const layerWithoutWeight = (layer: string): string =>
  `layer ${layer} has no indicator with a positive weight in this data, so its layer score is missing (null).`;

/** No indicator of the framework can be computed from the input. */
export const noUsableIndicators = (): string =>
  'no indicator of the framework can be computed from this input (see the notes above for the missing columns); no scores were produced.';

/** Registry lists report field values only in their last year. */
export const registryIndicatorYears = (year: number): string =>
  `the input is a registry list: organizations' reported values describe ${year} only, so in earlier years only the count-based indicators have values and the scores rest on them.`;

/** An analysis that needs organization rows was skipped because the input is an aggregated table. */
export const noteAggregateInput = (lang: Lang, what: string): string =>
  pick(lang, {
    zh: `${what}：已跳过，该分析需要逐个组织的记录，而输入为汇总表（按地区、年份、类型的数量与合计）。`,
    en: `${what}: skipped, because this analysis needs organization rows and the input is an aggregated table (counts and totals by region, year and type).`,
  });
