import { pick, type Lang } from '../lang.js';
import { listOf } from './format.js';

/**
 * Notes of the tension analysis: the language first, each text built from the numbers and labels given.
 */

/** The framework has no "tension" block: the built-in default's tensions were used. */
export const noteTensionDefaultFramework = (lang: Lang, frameworkId: string): string =>
  pick(lang, {
    zh: `指标框架中没有"tension"部分，已使用内置框架${frameworkId}的张力定义（及其指标）。`,
    en: `the framework has no "tension" block; the tensions of the built-in framework ${frameworkId} were used (with its indicators).`,
  });

/** A tension indicator could not be computed. */
export const noteTensionIndicatorSkipped = (
  lang: Lang,
  id: string,
  tensions: readonly string[],
  {
    reason,
    missing,
    noRegionHas = false,
  }: {
    reason: 'missing-columns' | 'missing-region-data' | 'no-data';
    missing: readonly string[];
    noRegionHas?: boolean;
  },
): string => {
  const where = listOf(lang, tensions);
  if (reason === 'missing-region-data' && noRegionHas)
    return pick(lang, {
      zh: `指标${id}（${where}）已跳过：地区文件中没有任何地区有${missing.join('、')}（为每个地区补充后即可使用）。`,
      en: `indicator ${id} (${where}) skipped: no region of the regions file has ${missing.join(', ')} (add it to every region to use the indicator).`,
    });
  if (reason === 'missing-columns')
    return pick(lang, {
      zh: `指标${id}（${where}）已跳过：输入数据缺少列${missing.join('、')}。`,
      en: `indicator ${id} (${where}) skipped: the input has no column ${missing.join(', ')}.`,
    });
  if (reason === 'missing-region-data')
    return pick(lang, {
      zh: `指标${id}（${where}）已跳过：地区文件中部分地区缺少${missing.join('、')}（为每个地区补充后即可使用）。`,
      en: `indicator ${id} (${where}) skipped: the regions file lacks ${missing.join(', ')} for some region of the input (add it to every region to use the indicator).`,
    });
  return pick(lang, {
    zh: `指标${id}（${where}）已跳过：所有地区年份均无取值。`,
    en: `indicator ${id} (${where}) skipped: no value in any region-year.`,
  });
};

/** A tension indicator without spread gets weight 0 in its subsystem. */
export const noteTensionIndicatorConstant = (lang: Lang, id: string, tension: string): string =>
  pick(lang, {
    zh: `指标${id}（${tension}）在所有地区年份取值相同：权重为0。`,
    en: `indicator ${id} (${tension}) has the same value in every region-year: weight 0.`,
  });

/** A subsystem has no usable indicator: its tension is null. */
export const noteTensionSubsystemEmpty = (lang: Lang, tension: string, subsystem: string): string =>
  pick(lang, {
    zh: `${tension}：子系统${subsystem}没有可用指标（均被跳过或为常数），U、C、T、D及张力为空（null）。`,
    en: `${tension}: subsystem ${subsystem} has no usable indicator (all skipped or constant); U, C, T, D and the tension are null.`,
  });

/** A subsystem made only of regions-file figures does not change over the years. */
export const noteTensionStaticSubsystem = (lang: Lang, tension: string, subsystem: string): string =>
  pick(lang, {
    zh: `${tension}：子系统${subsystem}仅使用地区文件中的数值（每个地区一个值），不随年份变化；张力的变化来自另一个子系统。`,
    en: `${tension}: subsystem ${subsystem} uses only figures of the regions file (one value per region), so it does not change over the years; the tension's change comes from the other subsystem.`,
  });

/** Regions without population: per-resident indicators are missing there. */
export const noteTensionPopulationMissing = (lang: Lang, regions: readonly string[]): string =>
  pick(lang, {
    zh: `地区文件中${regions.join('、')}缺少人口数：这些地区及全区合计的人均类指标缺失。`,
    en: `no population in the regions file for ${regions.join(', ')}: per-resident indicators are missing there and the province total has none.`,
  });

/** Registry input: earlier years rest on count-based indicators. */
export const noteTensionRegistryYears = (lang: Lang, year: number): string =>
  pick(lang, {
    zh: `输入为登记名录：组织的报告值仅描述${year}年，较早年份的子系统仅由计数类指标构成，跨年比较需谨慎。`,
    en: `the input is a registry list: organizations' reported values describe ${year} only, so in earlier years the subsystems rest on count-based indicators; compare years with care.`,
  });

/** A Theil resource could not be decomposed. */
export const noteTensionTheilSkipped = (
  lang: Lang,
  resource: string,
  reason: 'missing-columns' | 'no-core' | 'no-periphery',
  missing: readonly string[],
): string => {
  if (reason === 'missing-columns')
    return pick(lang, {
      zh: `${resource}的泰尔分解已跳过：输入数据缺少列${missing.join('、')}。`,
      en: `Theil decomposition of ${resource} skipped: the input has no column ${missing.join(', ')}.`,
    });
  return reason === 'no-core'
    ? pick(lang, {
        zh: `${resource}的泰尔分解已跳过：输入中没有核心区（在地区文件中设置zone为"core"或使用--core）。`,
        en: `Theil decomposition of ${resource} skipped: no core region in the input (set zone "core" in the regions file or use --core).`,
      })
    : pick(lang, {
        zh: `${resource}的泰尔分解已跳过：输入中的地区均为核心区，没有边缘区。`,
        en: `Theil decomposition of ${resource} skipped: every region of the input is core, there is no periphery.`,
      });
};

/** Regions left out of one year's Theil decomposition. */
export const noteTensionTheilPartial = (
  lang: Lang,
  resource: string,
  year: number,
  regions: readonly string[],
): string =>
  pick(lang, {
    zh: `${year}年：${regions.join('、')}因未报告取值或缺少人口，未纳入${resource}的泰尔分解。`,
    en: `${year}: ${regions.join(', ')} left out of the Theil decomposition of ${resource} (value not reported or no population).`,
  });
