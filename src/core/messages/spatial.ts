import { pick, type Lang } from '../lang.js';
import { fix, listOf } from './format.js';

/**
 * Notes and labels of the spatial, type-mix trends and staff analyses: the language first, each text built from the numbers given (never fixed findings).
 */

/** Display name of an organization type code (`all`: organizations of every type). */
export const orgTypeLabel = (lang: Lang, type: string): string =>
  ({
    social_group: pick(lang, { zh: '社会团体', en: 'social groups' }),
    private_non_enterprise: pick(lang, { zh: '民办非企业单位', en: 'private non-enterprise units' }),
    foundation: pick(lang, { zh: '基金会', en: 'foundations' }),
    other: pick(lang, { zh: '其他社会组织', en: 'other organizations' }),
    all: pick(lang, { zh: '社会组织', en: 'organizations' }),
  })[type] ?? type;

/** A year has no organizations in the scope (all organizations, or one type): its measures are null. */
export const noteNoOrganizations = (lang: Lang, scope: string, year: number): string =>
  pick(lang, {
    zh: `${year}年：数据中没有${scope}，相应集中度指标为空（null）。`,
    en: `${year}: no ${scope} in the data; their concentration measures are null.`,
  });

/** Regions with organizations but no residents in the regions file. */
export const noteNoPopulation = (lang: Lang, regions: readonly string[], organizations: number): string =>
  pick(lang, {
    zh: `地区${listOf(lang, regions)}在地区文件中人口为0，却有${organizations}个社会组织；这些地区不参与按人口计算的指标（密度、区位商、洛伦兹曲线、密度基尼系数、胡佛指数、泰尔指数、莫兰指数）。请在地区文件中补充其人口。`,
    en: `regions ${listOf(lang, regions)} have population 0 in the regions file but hold ${organizations} organizations; they are left out of the per-resident measures (density, location quotient, Lorenz curve, Gini of density, Hoover, Theil, Moran's I). Give their population in the regions file.`,
  });

/** The regions file gives no population at all. */
export const noteNoResidents = (lang: Lang): string =>
  pick(lang, {
    zh: '地区文件未给出有社会组织地区的人口：按人口计算的指标为空（null）。',
    en: 'the regions file gives no population for any region with organizations: per-resident measures are null.',
  });

/** Only one region: measures that compare regions are undefined. */
export const noteSingleRegion = (lang: Lang): string =>
  pick(lang, {
    zh: '只有一个地区：标准化赫芬达尔指数、n/(n−1)修正基尼系数和莫兰指数无定义（null）。',
    en: "only one region: the normalised HHI, the n/(n−1)-corrected Gini and Moran's I are undefined (null).",
  });

/** Theil L is infinite when a region with residents has no organizations. */
export const noteTheilLInfinite = (lang: Lang, regions: readonly string[]): string =>
  pick(lang, {
    zh: `${listOf(lang, regions)}有常住人口而无社会组织，泰尔L指数（平均对数偏差）为无穷大，记为空（null）；泰尔T指数仍有定义。`,
    en: `Theil L (mean log deviation) is infinite because ${listOf(lang, regions)} ${regions.length === 1 ? 'has' : 'have'} residents but no organizations; it is null (Theil T is still defined).`,
  });

/** Theil index 0: the between share is 0/0. */
export const noteTheilZero = (lang: Lang, which: 'T' | 'L'): string =>
  pick(lang, {
    zh: `泰尔${which}指数为0（社会组织与人口分布完全一致），组间占比无定义（null）。`,
    en: `Theil ${which} is 0 (organizations are spread exactly like residents), so its between-zone share is undefined (null).`,
  });

/** No core regions. */
export const noteNoCore = (lang: Lang): string =>
  pick(lang, {
    zh: '没有核心区（地区文件中无 zone 为 core 的地区，也未给出 --core）：集中度不分核心—边缘报告，核心区占比与核心—边缘分解为空（null）。如需指定核心区，请用 --core 加地区代码，如 --core 440100,440300。',
    en: 'no core regions (the regions file marks no region as zone "core" and --core was not given): concentration is reported without a core–periphery split, and the core share and the core/periphery decomposition are null. To give a core, pass --core with region codes, e.g. --core 440100,440300.',
  });

/** Every region is core: there is no periphery to compare with. */
export const noteNoPeriphery = (lang: Lang): string =>
  pick(lang, {
    zh: '所有地区都属于核心区，没有边缘区可比较：核心区占比为100%，泰尔指数组间部分为0。',
    en: 'every region is in the core: there is no periphery to compare with; the core share is 100% and the between-zone part of Theil is 0.',
  });

/** Core codes not in the regions file. */
export const noteCoreUnknown = (lang: Lang, codes: readonly string[]): string =>
  pick(lang, {
    zh: `核心区代码${listOf(lang, codes)}不在地区文件中，已忽略。`,
    en: `core regions ${listOf(lang, codes)} are not in the regions file and are ignored.`,
  });

/** Moran's I cannot be computed. */
export const noteLisaUndefined = (lang: Lang, reason: 'few-regions' | 'constant' | 'no-neighbours'): string => {
  const en = {
    'few-regions': 'fewer than 3 regions have residents',
    constant: 'every region has the same density',
    'no-neighbours': 'no region has a neighbour listed in the regions file (china-counties has no boundaries)',
  }[reason];
  const zh = {
    'few-regions': '有常住人口的地区少于3个',
    constant: '各地区密度完全相同',
    'no-neighbours': '地区文件中没有任何地区列出相邻地区（china-counties 没有边界数据）',
  }[reason];
  return pick(lang, {
    zh: `密度的局部莫兰指数（LISA）无定义：${zh}，记为空（null）。`,
    en: `Local Moran (LISA) of density is undefined: ${en}; it is null.`,
  });
};

export const noteMoranUndefined = (lang: Lang, reason: 'few-regions' | 'constant' | 'no-neighbours'): string => {
  const en = {
    'few-regions': 'fewer than 2 regions have residents',
    constant: 'every region has the same density',
    'no-neighbours': 'no region has a neighbour listed in the regions file',
  }[reason];
  const zh = {
    'few-regions': '有常住人口的地区少于2个',
    constant: '各地区密度完全相同',
    'no-neighbours': '地区文件中没有任何地区列出相邻地区',
  }[reason];
  return pick(lang, {
    zh: `密度的莫兰指数无定义：${zh}，记为空（null）。`,
    en: `Moran's I of density is undefined: ${en}; it is null.`,
  });
};

/** Regions without neighbours in Moran's I. */
export const noteMoranIslands = (lang: Lang, regions: readonly string[]): string =>
  pick(lang, {
    zh: `地区${listOf(lang, regions)}在地区文件中没有相邻地区，以全零权重行参与莫兰指数计算（与 PySAL 一致）。`,
    en: `regions ${listOf(lang, regions)} have no neighbour in the regions file; they enter Moran's I with a row of zero weights (as PySAL does).`,
  });

/** Some Moran statistics are undefined for so few regions. */
export const noteMoranSmall = (lang: Lang, n: number, fields: readonly string[]): string =>
  pick(lang, {
    zh: `只有${n}个地区，莫兰指数的${listOf(lang, fields)}无定义（随机化方差至少需要4个地区；z值需要正的方差），记为空（null）。`,
    en: `with ${n} regions, Moran's ${listOf(lang, fields)} ${fields.length === 1 ? 'is' : 'are'} undefined (the randomisation variance needs at least 4 regions; z needs a positive variance); null.`,
  });

/** The input has no field-of-activity column. */
export const noteNoFields = (lang: Lang): string =>
  pick(lang, {
    zh: '输入数据没有业务领域列：跳过分领域区位商。',
    en: 'the input has no field-of-activity column: location quotients by field are skipped.',
  });

/** Organizations without a field are left out of the field × region table. */
export const noteFieldMissing = (lang: Lang, year: number, n: number): string =>
  pick(lang, {
    zh: `${year}年：${n}个社会组织缺少业务领域，不计入分领域区位商。`,
    en: `${year}: ${n} organizations have no field of activity and are left out of the field location quotients.`,
  });

/** Field location quotients are null where a region has no organizations. */
export const noteFieldLqNull = (lang: Lang, year: number, regions: readonly string[]): string =>
  pick(lang, {
    zh: `${year}年：${listOf(lang, regions)}没有填写业务领域的社会组织，分领域区位商为空（null）。`,
    en: `${year}: field location quotients are null for ${listOf(lang, regions)}, which ${regions.length === 1 ? 'has' : 'have'} no organizations with a field.`,
  });

/** Fu (2025)'s fields (ecology, charity) are not all in the data. */
export const noteClaimedFieldsAbsent = (lang: Lang, year: number, fields: readonly string[]): string =>
  pick(lang, {
    zh: `${year}年：没有${listOf(lang, fields)}领域的社会组织，无法检验边缘区是否专注于这些领域（null）。`,
    en: `${year}: no organizations in ${listOf(lang, fields)}; whether the periphery specialises in them cannot be checked (null).`,
  });

/** Registry list without deregistration data: early years are biased downwards. */
export const noteSurvivorship = (lang: Lang): string =>
  pick(lang, {
    zh: '幸存者偏差：输入是登记名录且没有注销信息（无注销日期或登记状态列），导出前已注销的组织不在其中，早期年份数量被低估，增长显得比实际更快。请使用包含已注销组织的导出数据或年度面板数据。',
    en: 'survivorship bias: the input is a registry list without deregistration data (no deregistered or status column), so organizations that closed before the export are missing and early years are undercounted; growth looks faster than it was. Use an export that keeps deregistered organizations, or annual panels.',
  });

/** Years missing inside the span of the data. */
export const noteMissingYears = (lang: Lang, years: readonly number[]): string =>
  pick(lang, {
    zh: `缺少${listOf(lang, years.map(String))}年的数据：这些年份在序列中为空（null，而非0），相邻年份的增长率为空，趋势检验跳过这些年份。`,
    en: `no data for ${listOf(lang, years.map(String))}: these years are null in the series (not 0); growth into and out of them is null and the trend tests skip them.`,
  });

/** The requested window was clipped to the data. */
export const noteWindowClipped = (
  lang: Lang,
  asked: readonly [number, number],
  used: readonly [number, number],
): string =>
  pick(lang, {
    zh: `所选时间窗口${asked[0]}—${asked[1]}超出数据范围，实际使用${used[0]}—${used[1]}。`,
    en: `window ${asked[0]}-${asked[1]} reaches beyond the data; ${used[0]}-${used[1]} is used.`,
  });

/** The requested window holds no data. */
export const noteWindowEmpty = (
  lang: Lang,
  asked: readonly [number, number],
  data: readonly [number, number],
): string =>
  pick(lang, {
    zh: `时间窗口${asked[0]}—${asked[1]}内没有数据（数据覆盖${data[0]}—${data[1]}年），不计算趋势。`,
    en: `window ${asked[0]}-${asked[1]} holds no data (the data cover ${data[0]}-${data[1]}); no trends are computed.`,
  });

/** A series too short for a trend test. */
export const noteSeriesShort = (lang: Lang, scope: string, n: number): string =>
  pick(lang, {
    zh: `${scope}：只有${n}年数据，Mann–Kendall检验与Sen斜率至少需要2年（null）。`,
    en: `${scope}: ${n} year${n === 1 ? '' : 's'} with data; the Mann–Kendall test and Sen's slope need at least 2 (null).`,
  });

/** CAGR undefined because the first value is 0. */
export const noteCagrFromZero = (lang: Lang, scope: string, year: number): string =>
  pick(lang, {
    zh: `${scope}：${year}年数量为0，由此计算的年均复合增长率无定义（null）。`,
    en: `${scope}: the count is 0 in ${year}, so growth from it (CAGR) is undefined (null).`,
  });

/** Volatility undefined. */
export const noteVolatilityUndefined = (lang: Lang, scope: string, reason: 'few' | 'zero-mean'): string =>
  pick(lang, {
    zh: `${scope}：增长率的变异系数无定义（${reason === 'few' ? '同比增长率少于2个' : '平均增长率为0'}），记为空（null）。`,
    en: `${scope}: the coefficient of variation of growth is undefined (${reason === 'few' ? 'fewer than 2 year-on-year growth rates' : 'mean growth is 0'}); null.`,
  });

/** Staff columns absent: the staff section is skipped. */
export const noteStaffSkipped = (lang: Lang): string =>
  pick(lang, {
    zh: '输入数据没有任何人员列（cert_junior、cert_mid、cert_senior、staff_fulltime、staff_parttime、staff_college、manager_age）：跳过人员结构分析。',
    en: 'the input has none of the staff columns (cert_junior, cert_mid, cert_senior, staff_fulltime, staff_parttime, staff_college, manager_age): the staff section is skipped.',
  });

/** Some staff columns absent: their parts are null. */
export const noteStaffColumnsAbsent = (lang: Lang, columns: readonly string[], parts: string): string =>
  pick(lang, {
    zh: `输入数据没有${listOf(lang, columns)}列：跳过${parts}（null）。`,
    en: `the input has no ${listOf(lang, columns)} column${columns.length === 1 ? '' : 's'}: ${parts} ${columns.length === 1 ? 'is' : 'are'} skipped (null).`,
  });

/** Registry lists report staff only for the export year. */
export const noteStaffRegistry = (lang: Lang, year: number): string =>
  pick(lang, {
    zh: `输入为登记名录：人员数据只反映导出时点（${year}年），人员结构分析只覆盖该年。`,
    en: `the input is a registry list: staff figures describe the export (${year}) only, so the staff section covers that year.`,
  });

/** The pyramid rule stated in the output. */
export const pyramidRule = (lang: Lang, threshold: number): string =>
  pick(lang, {
    zh: `主导层级＝持证人数最多的等级（助理级为主、中级为主或高级为主；最多的两级人数相等时为“并列”）。高级稀缺＝高级社会工作师占全部持证人数不足${fix(100 * threshold, 0)}%。形态：助理≥中级≥高级为“金字塔型”，高级≥中级≥助理为“倒金字塔型”，中级多于其余两级为“橄榄型”，其余为“不规则型”。伏昕（2025）关于“初级为主、高级稀缺”的判断在两部分同时成立时成立。`,
    en: `Dominant level = the certificate level with the most holders (junior-dominant, intermediate-dominant or senior-dominant; "tied" when the two largest levels are equal). Senior-scarce = senior holders are under ${fix(100 * threshold, 0)}% of all certified. Shape: "pyramid" when junior ≥ intermediate ≥ senior, "inverted" when senior ≥ intermediate ≥ junior, "diamond" when intermediate exceeds both, otherwise "irregular". Fu (2025)'s claim "junior-dominant, senior-scarce" holds when both parts hold.`,
  });

/** Label of a pyramid class. */
export const pyramidLabel = (lang: Lang, dominant: string): string =>
  ({
    'junior-dominant': pick(lang, { zh: '助理级为主', en: 'junior-dominant' }),
    'intermediate-dominant': pick(lang, { zh: '中级为主', en: 'intermediate-dominant' }),
    'senior-dominant': pick(lang, { zh: '高级为主', en: 'senior-dominant' }),
    tied: pick(lang, { zh: '两级并列', en: 'tied' }),
  })[dominant] ?? dominant;

/** Staff figures with no certificate holders: no pyramid. */
export const noteNoCertified = (lang: Lang, year: number, scope: string): string =>
  pick(lang, {
    zh: `${year}年${scope}：没有持证社会工作者，不做层级结构分类（null）。`,
    en: `${year}, ${scope}: no certified social workers reported; the pyramid classification is null.`,
  });

/** Scope label of a whole-area staff verdict. */
export const allRegionsLabel = (lang: Lang): string => pick(lang, { zh: '全部地区', en: 'all regions' });

/** A note about one scope (all organizations, or one type) in one year. */
export const scopedNote = (lang: Lang, year: number, scope: string, text: string): string =>
  pick(lang, { zh: `${year}年${scope}：${text}`, en: `${year}, ${scope}: ${text}` });
