/**
 * Every user-facing message soqa prints lives here (errors, warnings, notes), so that the
 * wording stays consistent, says what is wrong and how to fix it, and can be reviewed in
 * one place. Each function returns the full text; callers attach a code and an exit code.
 */

const q = (v: unknown): string => JSON.stringify(String(v));

/** Generic "this option value is wrong" for CLI options. */
export const badOption = (option: string, value: unknown, expected: string): string =>
  `option ${option}: ${q(value)} is not valid; expected ${expected}.`;

/** An internal error, with a request to report it. */
export const internalError = (detail: string): string =>
  `internal error: ${detail}\nThis is a bug in soqa. Please report it with the command you ran and, if you can, the input file.`;

export { q as quote };

// --- charts and fonts (src/render/charts, src/cli/fonts) ---

/** PNG requested but no font buffers were given: the PNG would have no visible text. */
export const pngNeedsFont = (): string =>
  'cannot render the chart as PNG: no CJK font file was given, so its text would be missing. ' +
  'Install one (e.g. `apt install fonts-noto-cjk` or `fonts-wqy-microhei`) or set SOQA_FONT to a .ttf/.otf/.ttc file. ' +
  'The SVG is still written and shows text in any browser.';

/** The SOQA_FONT environment variable names a file that is missing or is not a font. */
export const fontEnvUnusable = (path: string, problem: string): string =>
  `SOQA_FONT=${q(path)}: ${problem}. Point SOQA_FONT at a .ttf, .otf or .ttc font that has Chinese glyphs, or unset it to search the system fonts.`;

/** A chart builder got a category code it has no colour or label for. */
export const chartUnknownCategory = (
  chart: string,
  field: string,
  value: unknown,
  allowed: readonly string[],
): string => `chart ${chart}: ${field} ${q(value)} is not one of ${allowed.map((a) => q(a)).join(', ')}.`;

/** A chart builder got two rows for the same cell (e.g. year × type). */
export const chartDuplicateRow = (chart: string, cell: string): string =>
  `chart ${chart}: more than one row for ${cell}; aggregate the rows first.`;

/** A stacked chart needs a value in every cell of its grid. */
export const chartIncompleteGrid = (chart: string, cell: string): string =>
  `chart ${chart}: no row for ${cell}; a stacked chart needs a value for every year and type shown (use 0 only if the count really is 0).`;

/** A chart builder got a value that cannot be drawn (negative, NaN, not an integer year). */
export const chartBadValue = (chart: string, field: string, value: unknown, expected: string): string =>
  `chart ${chart}: ${field} ${q(value)} is not valid; expected ${expected}.`;

/** A chart builder was given no rows at all. */
export const chartNoRows = (chart: string): string => `chart ${chart}: no rows to draw.`;

// ---- configuration files -------------------------------------------------------------

export const configRead = (path: string, reason: string): string =>
  `cannot read configuration file ${path}: ${reason}. Check the path (it is relative to the current directory).`;

export const configJson = (path: string, reason: string): string =>
  `configuration file ${path} is not valid JSON: ${reason}. Fix the syntax (a JSON linter shows the exact spot).`;

export const configSchema = (path: string, schema: string, problems: string[]): string =>
  `configuration file ${path} does not match schemas/${schema}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these fields; docs/ describes each one.`;

export const unknownProfile = (name: string, builtIn: string[]): string =>
  `profile ${q(name)} is neither a built-in profile (${builtIn.join(', ')}) nor an existing file. Run \`soqa profiles\` to list profiles, or pass a path to a profile JSON file.`;

export const unknownRegions = (name: string, builtIn: string[]): string =>
  `regions ${q(name)} is neither a built-in regions file (${builtIn.join(', ')}) nor an existing file. Pass --regions path/to/regions.json.`;

export const regionsDetected = (d: {
  id: string;
  rows: number;
  share: number;
  within?: string;
  tried: { id: string; share: number }[];
}): string =>
  `regions: ${d.id}${d.within ? ` within ${d.within}` : ''} (detected: it places ${(d.share * 100).toFixed(1)}% of the first ${d.rows} rows; tried ${d.tried.map((t) => `${t.id} ${(t.share * 100).toFixed(1)}%`).join(', ')}). Pass --regions to choose another${d.within ? ', --within to choose the province' : ''}.`;

export const regionsNotDetected = (tried: string[]): string =>
  `regions: no built-in file (${tried.join(', ')}) places 95% of the first rows; reading with inner-mongolia. Pass --regions with a built-in id or your own regions file.`;

// ---- input files ---------------------------------------------------------------------

export const inputRead = (path: string, reason: string): string =>
  `cannot read input ${path}: ${reason}. Check that the file exists and is readable.`;

export const emptyInput = (file: string): string =>
  `${file} is empty: it has no header row. Export the table again with its header, or check that you passed the right file.`;

export const badHeader = (file: string, line: number, kind: string): string =>
  `${file}, line ${line}: the header row cannot be read (${kind === 'unterminated-quote' ? 'it has a quote that is never closed' : kind === 'record-too-long' ? 'it is too long' : 'a header cell is too long'}). Fix the header line; soqa needs it to map columns.`;

/** The header row has more columns than soqa reads. */
export const tooManyColumns = (file: string, line: number, limit: number): string =>
  `${file}, line ${line}: the header row has more than ${limit.toLocaleString('en-US')} columns, more than soqa reads. Export only the columns you need (or check that the delimiter is right: pass --delimiter).`;

/** An input path is a folder. */
export const inputIsDirectory = (path: string): string =>
  `cannot read input ${path}: it is a folder, not a file. Pass the CSV file(s) inside it, e.g. ${path.replace(/\/+$/, '')}/*.csv.`;

/** The decompressed input passed --max-input-bytes. */
export const inputTooLarge = (path: string, limit: number, gzip: boolean): string =>
  `${path}: the input is larger than --max-input-bytes ${limit}${gzip ? ' once decompressed' : ''}; reading stopped. Raise --max-input-bytes if the file is genuine, or check it (a gzip that expands this much may be a decompression bomb).`;

export const missingColumn = (
  file: string,
  missing: string[],
  found: string[],
  encoding: string,
  garbled: boolean,
): string =>
  `${file}: required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found.\n` +
  `  headers found: ${found
    .slice(0, 40)
    .map((h) => JSON.stringify(h))
    .join(', ')}${found.length > 40 ? `, … (${found.length} in all)` : ''}\n` +
  `  Rename the column, or add its header as an alias in a profile (--profile; see docs/PROFILES.md).` +
  (garbled
    ? `\n  Some headers could not be decoded as ${encoding}: the file may use another encoding; try ${otherEncodings(encoding)}.`
    : '');

/** `--encoding` values to suggest instead of `encoding`. */
const otherEncodings = (encoding: string): string =>
  ['gb18030', 'utf-8', 'utf-16le']
    .filter((e) => e !== encoding)
    .map((e) => `--encoding ${e}`)
    .join(' or ');

/** The header row holds control characters (NUL…): the input is not CSV text. */
export const binaryInput = (file: string, encoding: string): string =>
  `${file}, line 1: the header row holds control characters (such as NUL bytes), so this is not CSV text as read (${encoding}). ` +
  `If it is an Excel .xlsx workbook, pass it as a file (soqa reads .xlsx directly, but not from standard input); another binary file (an old .xls, a PDF) must be saved as .xlsx or CSV (UTF-8 or GBK) first; if it is UTF-16 text read with the wrong --encoding, leave out --encoding or pass --encoding utf-16le.`;

/** `--encoding` was forced but the bytes look like another encoding. */
export const encodingMismatch = (file: string, forced: string, detected: string): string =>
  `${file}: read as ${forced} because of --encoding, but its bytes look like ${detected}; names and labels may be garbled. Leave out --encoding to detect it, or pass --encoding ${detected}.`;

export const duplicateColumn = (file: string, dups: { field: string; headers: string[] }[]): string =>
  `${file}: ${dups.map((d) => `columns ${d.headers.map((h) => JSON.stringify(h)).join(' and ')} both map to ${d.field}`).join('; ')}. Remove or rename one of them so each field has one column.`;

/** Input files of one run disagree on having a year column (panel vs registry list). */
export const mixedShapes = (file: string, hasYear: boolean, other: string): string =>
  `${file} ${hasYear ? 'has' : 'has no'} year column but ${other} ${hasYear ? 'has none' : 'has one'}: files read together must all be annual-report panels (with a year column) or all registry lists (without). Analyse them separately, or add the year column to the registry list.`;

export const ignoredColumn = (file: string, header: string): string =>
  `${file}: column ${JSON.stringify(header)} matches no soqa field and is ignored (add it to a profile to use it).`;

export const decodeReplacement = (file: string, n: number, encoding: string): string =>
  `${file}: ${n} character${n === 1 ? '' : 's'} could not be decoded as ${encoding}; rows containing them were rejected. If the file uses another encoding, pass --encoding (gb18030, utf-8, utf-16le).`;

/** Invalid argument to a library helper that is not a measure (e.g. credit-code helpers). */
export const invalidArgument = (fn: string, value: unknown, expected: string): string =>
  `${fn}: ${q(value)} is not valid; expected ${expected}.`;

/** The regions file given to the sample generator cannot be used. */
export const sampleRegionsInvalid = (problem: string): string =>
  `sample: the regions file ${problem}; pass a regions JSON such as data/regions/inner-mongolia.json (a "regions" array of {code, zh, population, zone}).`;

// ---- notices -------------------------------------------------------------------------

export const syntheticNotice = (lang: 'en' | 'zh'): string =>
  lang === 'zh'
    ? '注意：本数据为 soqa 生成的合成演示数据（内置样本或 soqa sample 生成的内蒙古组织—年度面板），按伏昕（2025）等文献中的数字校准（见 data/sample/README.md），并非真实登记数据，不可引用为事实。'
    : 'Note: this is synthetic demonstration data made by soqa (the built-in sample or a panel written by soqa sample: Inner Mongolia organization-years), calibrated to the figures of the literature (see data/sample/README.md); it is not real registry data and must not be cited as fact.';

// ---- output --------------------------------------------------------------------------

export const spillFailed = (dir: string, what: string): string =>
  `could not use soqa's temporary files in ${dir} (${what}). A streamed run writes the rows it reads there, about as many bytes as the input; free space there, set TMPDIR to a folder with room, or pass --stream never to keep the rows in memory instead.`;

export const outNotDir = (dir: string): string => `--out ${dir} exists and is not a folder. Choose another --out.`;

/** Another soqa run holds the output folder's lock. */
export const outLocked = (dir: string, pid: number, lock: string): string =>
  `--out ${dir} is being written by another soqa run (process ${pid}). Wait for it to finish or choose another --out; if no soqa is running, delete ${lock}.`;

/** The lock of a run that no longer runs was taken over. */
export const outLockTakenOver = (dir: string, pid: number | null): string =>
  `note: took over the lock of ${dir} from ${pid === null ? 'a run' : `process ${pid}`}, which is no longer running (it was stopped part-way).\n`;

/** Leftovers of an interrupted run were removed (and the previous output put back). */
export const outLeftovers = (dir: string, restored: boolean): string =>
  `note: removed what an interrupted soqa run left beside ${dir}${restored ? '; its previous complete output was put back first' : ''}.\n`;

export const outNotSoqa = (dir: string): string =>
  `--out ${dir} already holds files that soqa did not write. Choose an empty or new folder, or pass --force to write into it anyway.`;

export const noAcceptedRows = (read: number, rejected: number, rejectsPath: string): string =>
  read === 0
    ? 'no row could be used: the input has a header but no data rows below it. Check that you passed the right file and that the export is complete.'
    : `no row could be used: ${read} rows read, ${rejected} rejected. See ${rejectsPath} for the reason of each row.`;

export const wroteOutputs = (dir: string, rejected: number): string =>
  `wrote ${dir}/results.json${rejected ? `; ${rejected} rejected rows are listed in ${dir}/rejects.csv` : ''}\n`;

// ---- indicator framework and the indicators analysis ---------------------------------

/** `--framework` names neither a built-in framework nor a file. */
export const unknownFramework = (name: string, builtIn: string[]): string =>
  `framework ${q(name)} is neither a built-in framework (${builtIn.join(', ')}) nor an existing file. Pass --framework path/to/framework.json (see config/framework/default.json and docs/METHODS.md).`;

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

/** A framework file whose content is inconsistent beyond its schema (ids, layers, fields). */
export const frameworkProblem = (where: string, problem: string): string => `${where}: ${problem}`;

/** Registry lists report field values only in their last year. */
export const registryIndicatorYears = (year: number): string =>
  `the input is a registry list: organizations' reported values describe ${year} only, so in earlier years only the count-based indicators have values and the scores rest on them.`;

// ---- spatial concentration, type-mix trends and staff structure (issue 4) --------------
// Notes and verdicts of src/analyses/{spatial,trends,staff}: every function takes the
// language first and builds its text from the numbers it is given (never fixed findings).

/** Language of a note or verdict. */
export type Lang = 'en' | 'zh';

const bi = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en);
const pct1 = (x: number): string => `${(100 * x).toFixed(1)}%`;
const fix = (x: number, d: number): string => (Object.is(Number(x.toFixed(d)), -0) ? (0).toFixed(d) : x.toFixed(d));
const signed = (x: number, d: number): string => (x > 0 ? `+${fix(x, d)}` : x < 0 ? `−${fix(-x, d)}` : fix(0, d));
const pText = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const listOf = (lang: Lang, items: readonly string[]): string => (lang === 'zh' ? items.join('、') : items.join(', '));

/** Display name of an organization type code (`all`: organizations of every type). */
export const orgTypeLabel = (lang: Lang, type: string): string =>
  ({
    social_group: bi(lang, 'social groups', '社会团体'),
    private_non_enterprise: bi(lang, 'private non-enterprise units', '民办非企业单位'),
    foundation: bi(lang, 'foundations', '基金会'),
    other: bi(lang, 'other organizations', '其他社会组织'),
    all: bi(lang, 'organizations', '社会组织'),
  })[type] ?? type;

/** A year has no organizations in the scope (all organizations, or one type): its measures are null. */
export const noteNoOrganizations = (lang: Lang, scope: string, year: number): string =>
  bi(
    lang,
    `${year}: no ${scope} in the data; their concentration measures are null.`,
    `${year}年：数据中没有${scope}，相应集中度指标为空（null）。`,
  );

/** Regions with organizations but no residents in the regions file. */
export const noteNoPopulation = (lang: Lang, regions: readonly string[], organizations: number): string =>
  bi(
    lang,
    `regions ${listOf(lang, regions)} have population 0 in the regions file but hold ${organizations} organizations; they are left out of the per-resident measures (density, location quotient, Lorenz curve, Gini of density, Hoover, Theil, Moran's I). Give their population in the regions file.`,
    `地区${listOf(lang, regions)}在地区文件中人口为0，却有${organizations}个社会组织；这些地区不参与按人口计算的指标（密度、区位商、洛伦兹曲线、密度基尼系数、胡佛指数、泰尔指数、莫兰指数）。请在地区文件中补充其人口。`,
  );

/** The regions file gives no population at all. */
export const noteNoResidents = (lang: Lang): string =>
  bi(
    lang,
    'the regions file gives no population for any region with organizations: per-resident measures are null.',
    '地区文件未给出有社会组织地区的人口：按人口计算的指标为空（null）。',
  );

/** Only one region: measures that compare regions are undefined. */
export const noteSingleRegion = (lang: Lang): string =>
  bi(
    lang,
    "only one region: the normalised HHI, the n/(n−1)-corrected Gini and Moran's I are undefined (null).",
    '只有一个地区：标准化赫芬达尔指数、n/(n−1)修正基尼系数和莫兰指数无定义（null）。',
  );

/** Theil L is infinite when a region with residents has no organizations. */
export const noteTheilLInfinite = (lang: Lang, regions: readonly string[]): string =>
  bi(
    lang,
    `Theil L (mean log deviation) is infinite because ${listOf(lang, regions)} ${regions.length === 1 ? 'has' : 'have'} residents but no organizations; it is null (Theil T is still defined).`,
    `${listOf(lang, regions)}有常住人口而无社会组织，泰尔L指数（平均对数偏差）为无穷大，记为空（null）；泰尔T指数仍有定义。`,
  );

/** Theil index 0: the between share is 0/0. */
export const noteTheilZero = (lang: Lang, which: 'T' | 'L'): string =>
  bi(
    lang,
    `Theil ${which} is 0 (organizations are spread exactly like residents), so its between-zone share is undefined (null).`,
    `泰尔${which}指数为0（社会组织与人口分布完全一致），组间占比无定义（null）。`,
  );

/** No core regions. */
export const noteNoCore = (lang: Lang): string =>
  bi(
    lang,
    'no core regions (the regions file marks no region as zone "core" and --core was not given): concentration is reported without a core–periphery split, and the core share and the core/periphery decomposition are null. To give a core, pass --core with region codes, e.g. --core 440100,440300.',
    '没有核心区（地区文件中无 zone 为 core 的地区，也未给出 --core）：集中度不分核心—边缘报告，核心区占比与核心—边缘分解为空（null）。如需指定核心区，请用 --core 加地区代码，如 --core 440100,440300。',
  );

/** Every region is core: there is no periphery to compare with. */
export const noteNoPeriphery = (lang: Lang): string =>
  bi(
    lang,
    'every region is in the core: there is no periphery to compare with; the core share is 100% and the between-zone part of Theil is 0.',
    '所有地区都属于核心区，没有边缘区可比较：核心区占比为100%，泰尔指数组间部分为0。',
  );

/** Core codes not in the regions file. */
export const noteCoreUnknown = (lang: Lang, codes: readonly string[]): string =>
  bi(
    lang,
    `core regions ${listOf(lang, codes)} are not in the regions file and are ignored.`,
    `核心区代码${listOf(lang, codes)}不在地区文件中，已忽略。`,
  );

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
  return bi(
    lang,
    `Local Moran (LISA) of density is undefined: ${en}; it is null.`,
    `密度的局部莫兰指数（LISA）无定义：${zh}，记为空（null）。`,
  );
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
  return bi(
    lang,
    `Moran's I of density is undefined: ${en}; it is null.`,
    `密度的莫兰指数无定义：${zh}，记为空（null）。`,
  );
};

/** Regions without neighbours in Moran's I. */
export const noteMoranIslands = (lang: Lang, regions: readonly string[]): string =>
  bi(
    lang,
    `regions ${listOf(lang, regions)} have no neighbour in the regions file; they enter Moran's I with a row of zero weights (as PySAL does).`,
    `地区${listOf(lang, regions)}在地区文件中没有相邻地区，以全零权重行参与莫兰指数计算（与 PySAL 一致）。`,
  );

/** Some Moran statistics are undefined for so few regions. */
export const noteMoranSmall = (lang: Lang, n: number, fields: readonly string[]): string =>
  bi(
    lang,
    `with ${n} regions, Moran's ${listOf(lang, fields)} ${fields.length === 1 ? 'is' : 'are'} undefined (the randomisation variance needs at least 4 regions; z needs a positive variance); null.`,
    `只有${n}个地区，莫兰指数的${listOf(lang, fields)}无定义（随机化方差至少需要4个地区；z值需要正的方差），记为空（null）。`,
  );

/** The input has no field-of-activity column. */
export const noteNoFields = (lang: Lang): string =>
  bi(
    lang,
    'the input has no field-of-activity column: location quotients by field are skipped.',
    '输入数据没有业务领域列：跳过分领域区位商。',
  );

/** Organizations without a field are left out of the field × region table. */
export const noteFieldMissing = (lang: Lang, year: number, n: number): string =>
  bi(
    lang,
    `${year}: ${n} organizations have no field of activity and are left out of the field location quotients.`,
    `${year}年：${n}个社会组织缺少业务领域，不计入分领域区位商。`,
  );

/** Field location quotients are null where a region has no organizations. */
export const noteFieldLqNull = (lang: Lang, year: number, regions: readonly string[]): string =>
  bi(
    lang,
    `${year}: field location quotients are null for ${listOf(lang, regions)}, which ${regions.length === 1 ? 'has' : 'have'} no organizations with a field.`,
    `${year}年：${listOf(lang, regions)}没有填写业务领域的社会组织，分领域区位商为空（null）。`,
  );

/** Fu (2025)'s fields (ecology, charity) are not all in the data. */
export const noteClaimedFieldsAbsent = (lang: Lang, year: number, fields: readonly string[]): string =>
  bi(
    lang,
    `${year}: no organizations in ${listOf(lang, fields)}; whether the periphery specialises in them cannot be checked (null).`,
    `${year}年：没有${listOf(lang, fields)}领域的社会组织，无法检验边缘区是否专注于这些领域（null）。`,
  );

/** Numbers for {@link spatialVerdict}; null parts are left out of the sentence. */
export interface SpatialVerdictNumbers {
  year: number;
  coreNames: readonly string[];
  coreShare: number | null;
  corePopShare: number | null;
  coreLq: number | null;
  theilT: number | null;
  betweenShare: number | null;
  giniDensity: number | null;
  moranI: number | null;
  moranExpected: number | null;
  moranP: number | null;
  /** Randomisation (analytic) p, one-sided in the direction of I (null: permutation only). */
  moranPAnalytic?: number | null;
  permutations: number;
  /** Periphery location quotients of Fu (2025)'s fields (ecology, charity), when known. */
  peripheryFields: { name: string; lq: number }[] | null;
}

/** Plain-language verdict on one year's spatial concentration, built from its numbers. */
export const spatialVerdict = (lang: Lang, v: SpatialVerdictNumbers): string => {
  const parts: string[] = [];
  if (v.coreShare !== null && v.corePopShare !== null && v.coreLq !== null) {
    const agglomerates = v.coreLq > 1;
    parts.push(
      bi(
        lang,
        `the core (${listOf(lang, v.coreNames)}) holds ${pct1(v.coreShare)} of organizations with ${pct1(v.corePopShare)} of residents (LQ ${fix(v.coreLq, 2)}): ${agglomerates ? 'organizations concentrate in the core ("centre agglomerates")' : 'organizations do not concentrate in the core'}`,
        `核心区（${listOf(lang, v.coreNames)}）以${pct1(v.corePopShare)}的常住人口集中了${pct1(v.coreShare)}的社会组织（区位商${fix(v.coreLq, 2)}），${agglomerates ? '呈现“中心集聚”' : '未见向核心区集聚'}`,
      ),
    );
  }
  if (v.theilT !== null) {
    parts.push(
      v.betweenShare !== null
        ? bi(
            lang,
            `Theil T against population ${fix(v.theilT, 3)}, of which the core–periphery gap is ${pct1(v.betweenShare)}`,
            `相对人口的泰尔T指数为${fix(v.theilT, 3)}，其中核心—边缘组间差异占${pct1(v.betweenShare)}`,
          )
        : bi(lang, `Theil T against population ${fix(v.theilT, 3)}`, `相对人口的泰尔T指数为${fix(v.theilT, 3)}`),
    );
  }
  if (v.giniDensity !== null)
    parts.push(
      bi(
        lang,
        `population-weighted Gini of density ${fix(v.giniDensity, 3)}`,
        `人口加权的密度基尼系数为${fix(v.giniDensity, 3)}`,
      ),
    );
  if (v.moranI !== null && v.moranP !== null && v.moranExpected !== null) {
    const pa = v.moranPAnalytic ?? null;
    const sig = v.moranP < 0.05 && (pa === null || pa < 0.05);
    const borderline = pa !== null && pa < 0.05 !== v.moranP < 0.05;
    const both = pa === null ? '' : bi(lang, 'both tests', '两种检验均');
    const pattern = borderline
      ? bi(
          lang,
          `borderline evidence of ${v.moranI > v.moranExpected ? 'clustering' : 'dispersion'} (the two tests fall on either side of 5%)`,
          `${v.moranI > v.moranExpected ? '集聚' : '分散'}的证据处于边界（两种检验的p值分处5%两侧）`,
        )
      : !sig
        ? bi(
            lang,
            `no significant spatial pattern at 5% (${both || 'permutation test'} p ≥ 0.05)`,
            `在5%水平上无显著空间格局（${both || '置换检验'}p ≥ 0.05）`,
          )
        : v.moranI > v.moranExpected
          ? bi(
              lang,
              `neighbouring regions have similar densities (significant clustering at 5%, ${both || 'permutation test'} p < 0.05)`,
              `相邻地区密度相近（5%水平上显著集聚，${both || '置换检验'}p < 0.05）`,
            )
          : bi(
              lang,
              `neighbouring regions differ more than chance (significant dispersion at 5%, ${both || 'permutation test'} p < 0.05)`,
              `相邻地区密度差异大于随机（5%水平上显著分散，${both || '置换检验'}p < 0.05）`,
            );
    parts.push(
      bi(
        lang,
        `Moran's I of density ${fix(v.moranI, 3)} (${pa === null ? '' : `randomisation ${pText(pa)}, `}permutation ${pText(v.moranP)} with ${v.permutations.toLocaleString('en-US')} permutations; one-sided in the direction of I): ${pattern}`,
        `密度的全局莫兰指数I为${fix(v.moranI, 3)}（${pa === null ? '' : `随机化检验${pText(pa)}，`}置换检验${pText(v.moranP)}，${v.permutations.toLocaleString('en-US')}次置换；均按I的方向单侧）：${pattern}`,
      ),
    );
  }
  if (v.peripheryFields && v.peripheryFields.length > 0) {
    const all = v.peripheryFields.every((f) => f.lq > 1);
    const items = v.peripheryFields.map((f) => bi(lang, `${f.name} ${fix(f.lq, 2)}`, `${f.name}${fix(f.lq, 2)}`));
    parts.push(
      bi(
        lang,
        `periphery location quotient ${listOf(lang, items)}: the periphery ${all ? 'specialises' : 'does not specialise'} in ${listOf(
          lang,
          v.peripheryFields.map((f) => f.name),
        )}`,
        `边缘区的领域区位商为${listOf(lang, items)}：边缘区${all ? '专注于' : '并未专注于'}${listOf(
          lang,
          v.peripheryFields.map((f) => f.name),
        )}`,
      ),
    );
  }
  if (parts.length === 0)
    return bi(lang, `${v.year}: not enough data for a verdict.`, `${v.year}年：数据不足，无法给出结论。`);
  return bi(lang, `${v.year}: ${parts.join('; ')}.`, `${v.year}年：${parts.join('；')}。`);
};

/** Verdict on how concentration changed between the first and the last year. */
export const spatialChangeVerdict = (
  lang: Lang,
  from: { year: number; coreShare: number; theilT: number | null },
  to: { year: number; coreShare: number; theilT: number | null },
): string => {
  const d = to.coreShare - from.coreShare;
  const dir = Math.abs(d) < 0.0005 ? 'flat' : d > 0 ? 'up' : 'down';
  const en = { up: 'rose', down: 'fell', flat: 'stayed' }[dir];
  const zh = { up: '上升', down: '下降', flat: '基本不变' }[dir];
  const theil =
    from.theilT !== null && to.theilT !== null
      ? bi(
          lang,
          `; Theil T went from ${fix(from.theilT, 3)} to ${fix(to.theilT, 3)}`,
          `；泰尔T指数由${fix(from.theilT, 3)}变为${fix(to.theilT, 3)}`,
        )
      : '';
  if (dir === 'flat') {
    return bi(
      lang,
      `${from.year}–${to.year}: the core's share of organizations ${en} at ${pct1(to.coreShare)} (${signed(100 * d, 1)} percentage points)${theil}.`,
      `${from.year}—${to.year}年：核心区社会组织占比${zh}，为${pct1(to.coreShare)}（${signed(100 * d, 1)}个百分点）${theil}。`,
    );
  }
  return bi(
    lang,
    `${from.year}–${to.year}: the core's share of organizations ${en} from ${pct1(from.coreShare)} to ${pct1(to.coreShare)} (${signed(100 * d, 1)} percentage points)${theil}.`,
    `${from.year}—${to.year}年：核心区社会组织占比由${pct1(from.coreShare)}${zh}至${pct1(to.coreShare)}（${signed(100 * d, 1)}个百分点）${theil}。`,
  );
};

/** Registry list without deregistration data: early years are biased downwards. */
export const noteSurvivorship = (lang: Lang): string =>
  bi(
    lang,
    'survivorship bias: the input is a registry list without deregistration data (no deregistered or status column), so organizations that closed before the export are missing and early years are undercounted; growth looks faster than it was. Use an export that keeps deregistered organizations, or annual panels.',
    '幸存者偏差：输入是登记名录且没有注销信息（无注销日期或登记状态列），导出前已注销的组织不在其中，早期年份数量被低估，增长显得比实际更快。请使用包含已注销组织的导出数据或年度面板数据。',
  );

/** Years missing inside the span of the data. */
export const noteMissingYears = (lang: Lang, years: readonly number[]): string =>
  bi(
    lang,
    `no data for ${listOf(lang, years.map(String))}: these years are null in the series (not 0); growth into and out of them is null and the trend tests skip them.`,
    `缺少${listOf(lang, years.map(String))}年的数据：这些年份在序列中为空（null，而非0），相邻年份的增长率为空，趋势检验跳过这些年份。`,
  );

/** The requested window was clipped to the data. */
export const noteWindowClipped = (
  lang: Lang,
  asked: readonly [number, number],
  used: readonly [number, number],
): string =>
  bi(
    lang,
    `window ${asked[0]}-${asked[1]} reaches beyond the data; ${used[0]}-${used[1]} is used.`,
    `所选时间窗口${asked[0]}—${asked[1]}超出数据范围，实际使用${used[0]}—${used[1]}。`,
  );

/** The requested window holds no data. */
export const noteWindowEmpty = (
  lang: Lang,
  asked: readonly [number, number],
  data: readonly [number, number],
): string =>
  bi(
    lang,
    `window ${asked[0]}-${asked[1]} holds no data (the data cover ${data[0]}-${data[1]}); no trends are computed.`,
    `时间窗口${asked[0]}—${asked[1]}内没有数据（数据覆盖${data[0]}—${data[1]}年），不计算趋势。`,
  );

/** A series too short for a trend test. */
export const noteSeriesShort = (lang: Lang, scope: string, n: number): string =>
  bi(
    lang,
    `${scope}: ${n} year${n === 1 ? '' : 's'} with data; the Mann–Kendall test and Sen's slope need at least 2 (null).`,
    `${scope}：只有${n}年数据，Mann–Kendall检验与Sen斜率至少需要2年（null）。`,
  );

/** CAGR undefined because the first value is 0. */
export const noteCagrFromZero = (lang: Lang, scope: string, year: number): string =>
  bi(
    lang,
    `${scope}: the count is 0 in ${year}, so growth from it (CAGR) is undefined (null).`,
    `${scope}：${year}年数量为0，由此计算的年均复合增长率无定义（null）。`,
  );

/** Volatility undefined. */
export const noteVolatilityUndefined = (lang: Lang, scope: string, reason: 'few' | 'zero-mean'): string =>
  bi(
    lang,
    `${scope}: the coefficient of variation of growth is undefined (${reason === 'few' ? 'fewer than 2 year-on-year growth rates' : 'mean growth is 0'}); null.`,
    `${scope}：增长率的变异系数无定义（${reason === 'few' ? '同比增长率少于2个' : '平均增长率为0'}），记为空（null）。`,
  );

/** Numbers for {@link trendVerdict}. */
export interface TrendVerdictNumbers {
  type: string;
  /** Share at the first and last year with data. */
  share: { fromYear: number; from: number; toYear: number; to: number } | null;
  shareTest: { z: number; p: number; slope: number } | null;
  countTest: { z: number; p: number } | null;
  cagr: number | null;
  cv: number | null;
  mostVolatile: boolean;
  alpha: number;
}

const direction = (lang: Lang, z: number): string =>
  z > 0 ? bi(lang, 'rising', '上升') : z < 0 ? bi(lang, 'falling', '下降') : bi(lang, 'flat', '持平');
const significance = (lang: Lang, p: number, alpha: number): string =>
  p < alpha
    ? bi(lang, `significant at ${fix(100 * alpha, 0)}%`, `在${fix(100 * alpha, 0)}%水平上显著`)
    : bi(lang, `not significant at ${fix(100 * alpha, 0)}%`, `在${fix(100 * alpha, 0)}%水平上不显著`);

/** Plain-language verdict on one type's trend ("share falling, significant at 5%"). */
export const trendVerdict = (lang: Lang, v: TrendVerdictNumbers): string => {
  const name = orgTypeLabel(lang, v.type);
  const parts: string[] = [];
  if (v.shareTest) {
    const range = v.share
      ? bi(
          lang,
          `; ${pct1(v.share.from)} in ${v.share.fromYear} → ${pct1(v.share.to)} in ${v.share.toYear}`,
          `；${v.share.fromYear}年${pct1(v.share.from)}→${v.share.toYear}年${pct1(v.share.to)}`,
        )
      : '';
    parts.push(
      bi(
        lang,
        `share ${direction(lang, v.shareTest.z)}, ${significance(lang, v.shareTest.p, v.alpha)} (Mann–Kendall ${pText(v.shareTest.p)}; Sen's slope ${signed(100 * v.shareTest.slope, 2)} percentage points a year${range})`,
        `占比${direction(lang, v.shareTest.z)}，${significance(lang, v.shareTest.p, v.alpha)}（Mann–Kendall检验${pText(v.shareTest.p)}；Sen斜率每年${signed(100 * v.shareTest.slope, 2)}个百分点${range}）`,
      ),
    );
  }
  if (v.countTest) {
    const g =
      v.cagr !== null
        ? bi(lang, `; CAGR ${signed(100 * v.cagr, 1)}% a year`, `；年均复合增长率${signed(100 * v.cagr, 1)}%`)
        : '';
    parts.push(
      bi(
        lang,
        `count ${direction(lang, v.countTest.z)}, ${significance(lang, v.countTest.p, v.alpha)} (Mann–Kendall ${pText(v.countTest.p)}${g})`,
        `数量${direction(lang, v.countTest.z)}，${significance(lang, v.countTest.p, v.alpha)}（Mann–Kendall检验${pText(v.countTest.p)}${g}）`,
      ),
    );
  }
  if (v.cv !== null) {
    parts.push(
      bi(
        lang,
        `growth volatility (CV of year-on-year growth) ${fix(v.cv, 2)}${v.mostVolatile ? ', the most volatile of all types' : ''}`,
        `增长波动（同比增长率变异系数）${fix(v.cv, 2)}${v.mostVolatile ? '，为各类型中波动最大' : ''}`,
      ),
    );
  }
  if (parts.length === 0)
    return bi(lang, `${name}: not enough years for a verdict.`, `${name}：年份不足，无法给出结论。`);
  return bi(lang, `${name}: ${parts.join('; ')}.`, `${name}：${parts.join('；')}。`);
};

/** Staff columns absent: the staff section is skipped. */
export const noteStaffSkipped = (lang: Lang): string =>
  bi(
    lang,
    'the input has none of the staff columns (cert_junior, cert_mid, cert_senior, staff_fulltime, staff_parttime, staff_college, manager_age): the staff section is skipped.',
    '输入数据没有任何人员列（cert_junior、cert_mid、cert_senior、staff_fulltime、staff_parttime、staff_college、manager_age）：跳过人员结构分析。',
  );

/** Some staff columns absent: their parts are null. */
export const noteStaffColumnsAbsent = (lang: Lang, columns: readonly string[], parts: string): string =>
  bi(
    lang,
    `the input has no ${listOf(lang, columns)} column${columns.length === 1 ? '' : 's'}: ${parts} ${columns.length === 1 ? 'is' : 'are'} skipped (null).`,
    `输入数据没有${listOf(lang, columns)}列：跳过${parts}（null）。`,
  );

/** Registry lists report staff only for the export year. */
export const noteStaffRegistry = (lang: Lang, year: number): string =>
  bi(
    lang,
    `the input is a registry list: staff figures describe the export (${year}) only, so the staff section covers that year.`,
    `输入为登记名录：人员数据只反映导出时点（${year}年），人员结构分析只覆盖该年。`,
  );

/** The pyramid rule stated in the output. */
export const pyramidRule = (lang: Lang, threshold: number): string =>
  bi(
    lang,
    `Dominant level = the certificate level with the most holders (junior-dominant, intermediate-dominant or senior-dominant; "tied" when the two largest levels are equal). Senior-scarce = senior holders are under ${fix(100 * threshold, 0)}% of all certified. Shape: "pyramid" when junior ≥ intermediate ≥ senior, "inverted" when senior ≥ intermediate ≥ junior, "diamond" when intermediate exceeds both, otherwise "irregular". Fu (2025)'s claim "junior-dominant, senior-scarce" holds when both parts hold.`,
    `主导层级＝持证人数最多的等级（助理级为主、中级为主或高级为主；最多的两级人数相等时为“并列”）。高级稀缺＝高级社会工作师占全部持证人数不足${fix(100 * threshold, 0)}%。形态：助理≥中级≥高级为“金字塔型”，高级≥中级≥助理为“倒金字塔型”，中级多于其余两级为“橄榄型”，其余为“不规则型”。伏昕（2025）关于“初级为主、高级稀缺”的判断在两部分同时成立时成立。`,
  );

/** Label of a pyramid class. */
export const pyramidLabel = (lang: Lang, dominant: string): string =>
  ({
    'junior-dominant': bi(lang, 'junior-dominant', '助理级为主'),
    'intermediate-dominant': bi(lang, 'intermediate-dominant', '中级为主'),
    'senior-dominant': bi(lang, 'senior-dominant', '高级为主'),
    tied: bi(lang, 'tied', '两级并列'),
  })[dominant] ?? dominant;

/** Numbers for {@link staffVerdict}. */
export interface StaffVerdictNumbers {
  year: number;
  scope: string;
  total: number;
  shares: { junior: number; mid: number; senior: number };
  seniorPer100Junior: number | null;
  dominant: string;
  seniorScarce: boolean;
  claimHolds: boolean;
  threshold: number;
  /** Regions whose own classification contradicts the claim. */
  exceptions: { name: string; dominant: string; seniorScarce: boolean }[];
}

/** Plain-language verdict on the qualification pyramid and Fu (2025)'s claim. */
export const staffVerdict = (lang: Lang, v: StaffVerdictNumbers): string => {
  const per =
    v.seniorPer100Junior !== null
      ? bi(
          lang,
          `; ${fix(v.seniorPer100Junior, 1)} senior per 100 junior`,
          `；每百名助理社会工作师对应高级${fix(v.seniorPer100Junior, 1)}名`,
        )
      : '';
  const cls = `${pyramidLabel(lang, v.dominant)}${v.seniorScarce ? bi(lang, ', senior-scarce', '、高级稀缺') : bi(lang, ', not senior-scarce', '、高级不稀缺')}`;
  const juniorDominant = v.dominant === 'junior-dominant';
  const why = v.claimHolds
    ? bi(lang, 'holds', '成立')
    : bi(
        lang,
        `does not hold (${[!juniorDominant ? `${pyramidLabel(lang, v.dominant)}, not junior-dominant` : '', !v.seniorScarce ? `senior share ${pct1(v.shares.senior)} ≥ ${fix(100 * v.threshold, 0)}%` : ''].filter(Boolean).join('; ')})`,
        `不成立（${[!juniorDominant ? `${pyramidLabel(lang, v.dominant)}而非助理级为主` : '', !v.seniorScarce ? `高级占比${pct1(v.shares.senior)}≥${fix(100 * v.threshold, 0)}%` : ''].filter(Boolean).join('；')}）`,
      );
  const exc =
    v.exceptions.length > 0
      ? bi(
          lang,
          ` Regions classified differently: ${v.exceptions.map((e) => `${e.name} (${pyramidLabel(lang, e.dominant)}, ${e.seniorScarce ? 'senior-scarce' : 'not senior-scarce'})`).join(', ')}.`,
          `分类不同的地区：${v.exceptions.map((e) => `${e.name}（${pyramidLabel(lang, e.dominant)}、${e.seniorScarce ? '高级稀缺' : '高级不稀缺'}）`).join('、')}。`,
        )
      : '';
  return bi(
    lang,
    `${v.year}, ${v.scope}: ${v.total.toLocaleString('en-US')} certified social workers, ${pct1(v.shares.junior)} junior, ${pct1(v.shares.mid)} intermediate, ${pct1(v.shares.senior)} senior${per}: ${cls}. Fu (2025)'s "junior-dominant, senior-scarce" claim ${why}.${exc}`,
    `${v.year}年${v.scope}：持证社会工作者${v.total.toLocaleString('en-US')}人，助理社会工作师占${pct1(v.shares.junior)}、社会工作师占${pct1(v.shares.mid)}、高级社会工作师占${pct1(v.shares.senior)}${per}，属${cls}；伏昕（2025）关于“初级为主、高级稀缺”的判断${why}。${exc}`,
  );
};

/** Staff figures with no certificate holders: no pyramid. */
export const noteNoCertified = (lang: Lang, year: number, scope: string): string =>
  bi(
    lang,
    `${year}, ${scope}: no certified social workers reported; the pyramid classification is null.`,
    `${year}年${scope}：没有持证社会工作者，不做层级结构分类（null）。`,
  );

/** A command got no usable rows. */
export const noRowsForCommand = (read: number, rejected: number): string =>
  `no row could be used: ${read} rows read, ${rejected} rejected. Run \`soqa validate\` on the same files to see the reason of each row.`;

/** A --year that the data do not cover. */
export const yearNotInData = (year: number, years: readonly number[]): string =>
  badOption(
    '--year',
    year,
    years.length
      ? `one of the years in the data (${years[0]}–${years[years.length - 1]})`
      : 'a year in the data (the data have none)',
  );

/** A --core code that is not in the regions file. */
export const coreNotInRegions = (value: string, unknown: readonly string[], known: readonly string[]): string =>
  badOption(
    '--core',
    value,
    `codes of the regions file (${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among ${known.join(', ')})`,
  );

/** Scope label of a whole-area staff verdict. */
export const allRegionsLabel = (lang: Lang): string => bi(lang, 'all regions', '全部地区');

/** A note about one scope (all organizations, or one type) in one year. */
export const scopedNote = (lang: Lang, year: number, scope: string, text: string): string =>
  bi(lang, `${year}, ${scope}: ${text}`, `${year}年${scope}：${text}`);

// ---- triple tension (issue 5) ------------------------------------------------------------
// Notes and verdicts of src/analyses/tension: the language first, the text built from the
// numbers and labels given (never fixed findings).

/** A zh/en name pair given to the tension messages. */
export interface BiName {
  zh: string;
  en: string;
}

const nm = (lang: Lang, n: BiName): string => (lang === 'zh' ? n.zh : n.en);

/** The framework has no "tension" block: the built-in default's tensions were used. */
export const noteTensionDefaultFramework = (lang: Lang, frameworkId: string): string =>
  bi(
    lang,
    `the framework has no "tension" block; the tensions of the built-in framework ${frameworkId} were used (with its indicators).`,
    `指标框架中没有"tension"部分，已使用内置框架${frameworkId}的张力定义（及其指标）。`,
  );

/** A tension indicator could not be computed. */
export const noteTensionIndicatorSkipped = (
  lang: Lang,
  id: string,
  tensions: readonly string[],
  reason: 'missing-columns' | 'missing-region-data' | 'no-data',
  missing: readonly string[],
  noRegionHas = false,
): string => {
  const where = listOf(lang, tensions);
  if (reason === 'missing-region-data' && noRegionHas)
    return bi(
      lang,
      `indicator ${id} (${where}) skipped: no region of the regions file has ${missing.join(', ')} (add it to every region to use the indicator).`,
      `指标${id}（${where}）已跳过：地区文件中没有任何地区有${missing.join('、')}（为每个地区补充后即可使用）。`,
    );
  if (reason === 'missing-columns')
    return bi(
      lang,
      `indicator ${id} (${where}) skipped: the input has no column ${missing.join(', ')}.`,
      `指标${id}（${where}）已跳过：输入数据缺少列${missing.join('、')}。`,
    );
  if (reason === 'missing-region-data')
    return bi(
      lang,
      `indicator ${id} (${where}) skipped: the regions file lacks ${missing.join(', ')} for some region of the input (add it to every region to use the indicator).`,
      `指标${id}（${where}）已跳过：地区文件中部分地区缺少${missing.join('、')}（为每个地区补充后即可使用）。`,
    );
  return bi(
    lang,
    `indicator ${id} (${where}) skipped: no value in any region-year.`,
    `指标${id}（${where}）已跳过：所有地区年份均无取值。`,
  );
};

/** A tension indicator without spread gets weight 0 in its subsystem. */
export const noteTensionIndicatorConstant = (lang: Lang, id: string, tension: string): string =>
  bi(
    lang,
    `indicator ${id} (${tension}) has the same value in every region-year: weight 0.`,
    `指标${id}（${tension}）在所有地区年份取值相同：权重为0。`,
  );

/** A subsystem has no usable indicator: its tension is null. */
export const noteTensionSubsystemEmpty = (lang: Lang, tension: string, subsystem: string): string =>
  bi(
    lang,
    `${tension}: subsystem ${subsystem} has no usable indicator (all skipped or constant); U, C, T, D and the tension are null.`,
    `${tension}：子系统${subsystem}没有可用指标（均被跳过或为常数），U、C、T、D及张力为空（null）。`,
  );

/** A subsystem made only of regions-file figures does not change over the years. */
export const noteTensionStaticSubsystem = (lang: Lang, tension: string, subsystem: string): string =>
  bi(
    lang,
    `${tension}: subsystem ${subsystem} uses only figures of the regions file (one value per region), so it does not change over the years; the tension's change comes from the other subsystem.`,
    `${tension}：子系统${subsystem}仅使用地区文件中的数值（每个地区一个值），不随年份变化；张力的变化来自另一个子系统。`,
  );

/** Regions without population: per-resident indicators are missing there. */
export const noteTensionPopulationMissing = (lang: Lang, regions: readonly string[]): string =>
  bi(
    lang,
    `no population in the regions file for ${regions.join(', ')}: per-resident indicators are missing there and the province total has none.`,
    `地区文件中${regions.join('、')}缺少人口数：这些地区及全区合计的人均类指标缺失。`,
  );

/** Registry input: earlier years rest on count-based indicators. */
export const noteTensionRegistryYears = (lang: Lang, year: number): string =>
  bi(
    lang,
    `the input is a registry list: organizations' reported values describe ${year} only, so in earlier years the subsystems rest on count-based indicators; compare years with care.`,
    `输入为登记名录：组织的报告值仅描述${year}年，较早年份的子系统仅由计数类指标构成，跨年比较需谨慎。`,
  );

/** A Theil resource could not be decomposed. */
export const noteTensionTheilSkipped = (
  lang: Lang,
  resource: string,
  reason: 'missing-columns' | 'no-core' | 'no-periphery',
  missing: readonly string[],
): string => {
  if (reason === 'missing-columns')
    return bi(
      lang,
      `Theil decomposition of ${resource} skipped: the input has no column ${missing.join(', ')}.`,
      `${resource}的泰尔分解已跳过：输入数据缺少列${missing.join('、')}。`,
    );
  return reason === 'no-core'
    ? bi(
        lang,
        `Theil decomposition of ${resource} skipped: no core region in the input (set zone "core" in the regions file or use --core).`,
        `${resource}的泰尔分解已跳过：输入中没有核心区（在地区文件中设置zone为"core"或使用--core）。`,
      )
    : bi(
        lang,
        `Theil decomposition of ${resource} skipped: every region of the input is core, there is no periphery.`,
        `${resource}的泰尔分解已跳过：输入中的地区均为核心区，没有边缘区。`,
      );
};

/** Regions left out of one year's Theil decomposition. */
export const noteTensionTheilPartial = (
  lang: Lang,
  resource: string,
  year: number,
  regions: readonly string[],
): string =>
  bi(
    lang,
    `${year}: ${regions.join(', ')} left out of the Theil decomposition of ${resource} (value not reported or no population).`,
    `${year}年：${regions.join('、')}因未报告取值或缺少人口，未纳入${resource}的泰尔分解。`,
  );

/** Numbers for {@link tensionVerdict}; null parts are left out of the text. */
export interface TensionVerdictNumbers {
  tension: BiName;
  u1: BiName;
  u2: BiName;
  year: number;
  /** The regions with the highest tension in the year, highest first. */
  top: { name: BiName; tension: number; class: BiName; lagging: BiName | null; gap: number | null }[];
  /** What holds the lagging subsystem back most in the region with the highest tension. */
  driver: { region: BiName; subsystem: BiName; indicator: BiName; degree: number } | null;
  /** How many regions have U1 lagging, U2 lagging, out of how many. */
  lagCounts: { u1: number; u2: number; regions: number };
  /** Mean tension across the regions with a value in both years. */
  mean: { fromYear: number; from: number; toYear: number; to: number } | null;
  /** Regions whose class is not robust in the year (null when the Monte Carlo is off). */
  notRobust: BiName[] | null;
  /** Core/periphery Theil decomposition of a resource per resident in the year. */
  theil: { resource: BiName; betweenShare: number; ratio: number | null } | null;
  /** Set when the tension is not informative: the subsystem resting on one indicator (or none). */
  notInformative?: { subsystem: BiName; indicator: BiName | null } | null;
  /** Regions left out because a subsystem's U sits at a bound in every year. */
  atBound?: { subsystem: BiName; bound: 'min' | 'max'; regions: BiName[] }[];
}

/** Why a tension is not informative (one subsystem rests on one indicator or none). */
export const tensionNotInformative = (
  lang: Lang,
  head: string,
  n: { subsystem: BiName; indicator: BiName | null },
): string =>
  n.indicator
    ? bi(
        lang,
        `${head}: not informative, reported without a finding: the subsystem ${n.subsystem.en} rests on one indicator (${n.indicator.en}), so its score is only that indicator's position between the lowest and the highest region.`,
        `${head}：不具信息量，不作结论：${n.subsystem.zh}子系统只有一个指标（${n.indicator.zh}），其得分只是该指标在最低与最高地区之间的位置。`,
      )
    : bi(
        lang,
        `${head}: not informative, reported without a finding: no indicator of the subsystem ${n.subsystem.en} has any spread.`,
        `${head}：不具信息量，不作结论：${n.subsystem.zh}子系统没有任何有差异的指标。`,
      );

/** Regions whose subsystem score sits at a bound in every year (left out of the verdict). */
export const tensionAtBound = (lang: Lang, b: { subsystem: BiName; bound: 'min' | 'max'; regions: BiName[] }): string =>
  bi(
    lang,
    `not informative for ${listOf(
      lang,
      b.regions.map((r) => r.en),
    )}, left out: ${b.subsystem.en} is at the ${b.bound === 'min' ? 'lowest' : 'highest'} value of every indicator in every year, so the coupling only restates the bound of the scale`,
    `${listOf(
      lang,
      b.regions.map((r) => r.zh),
    )}不具信息量，未纳入比较：其${b.subsystem.zh}在各年各指标均处于${b.bound === 'min' ? '最低' : '最高'}值，耦合协调度只反映量表的边界`,
  );

/** Plain-language verdict on one tension in one year, built from its numbers. */
export const tensionVerdict = (lang: Lang, v: TensionVerdictNumbers): string => {
  const head = bi(
    lang,
    `${nm(lang, v.tension)} (${nm(lang, v.u1)} vs ${nm(lang, v.u2)}), ${v.year}`,
    `${nm(lang, v.tension)}（${nm(lang, v.u1)}—${nm(lang, v.u2)}），${v.year}年`,
  );
  if (v.notInformative) return tensionNotInformative(lang, head, v.notInformative);
  if (v.top.length === 0)
    return bi(lang, `${head}: not enough data for a verdict.`, `${head}：数据不足，无法给出结论。`);
  const parts: string[] = [];
  const boundParts = (v.atBound ?? []).map((b) => tensionAtBound(lang, b));
  const items = v.top.map((t) => {
    const lag =
      t.lagging && t.gap !== null
        ? bi(lang, `; ${t.lagging.en} lags by ${fix(t.gap, 3)}`, `；${t.lagging.zh}滞后${fix(t.gap, 3)}`)
        : bi(lang, '; neither subsystem lags', '；两子系统持平');
    return bi(
      lang,
      `${t.name.en} ${fix(t.tension, 3)} (${t.class.en}${lag})`,
      `${t.name.zh}${fix(t.tension, 3)}（${t.class.zh}${lag}）`,
    );
  });
  parts.push(
    bi(lang, `${head}: highest tension in ${listOf(lang, items)}`, `${head}：张力最高的是${listOf(lang, items)}`),
  );
  if (v.driver) {
    parts.push(
      bi(
        lang,
        `in ${v.driver.region.en}, ${v.driver.subsystem.en} is held back most by ${v.driver.indicator.en} (${pct1(v.driver.degree)} of its obstacle degree)`,
        `${v.driver.region.zh}${v.driver.subsystem.zh}子系统中障碍度最大的是${v.driver.indicator.zh}（占该子系统障碍度的${pct1(v.driver.degree)}）`,
      ),
    );
  }
  const c = v.lagCounts;
  if (c.regions > 0)
    parts.push(
      bi(
        lang,
        `${v.u1.en} lags in ${c.u1} of ${c.regions} regions, ${v.u2.en} in ${c.u2}`,
        `${c.regions}个地区中${v.u1.zh}滞后的有${c.u1}个，${v.u2.zh}滞后的有${c.u2}个`,
      ),
    );
  if (v.mean && v.mean.fromYear !== v.mean.toYear) {
    const d = v.mean.to - v.mean.from;
    const dir = Math.abs(d) < 0.0005 ? 'flat' : d > 0 ? 'up' : 'down';
    parts.push(
      dir === 'flat'
        ? bi(
            lang,
            `mean tension across regions stayed at ${fix(v.mean.to, 3)} from ${v.mean.fromYear} to ${v.mean.toYear}`,
            `各地区平均张力在${v.mean.fromYear}—${v.mean.toYear}年间保持在${fix(v.mean.to, 3)}`,
          )
        : bi(
            lang,
            `mean tension across regions ${dir === 'up' ? 'rose' : 'fell'} from ${fix(v.mean.from, 3)} (${v.mean.fromYear}) to ${fix(v.mean.to, 3)} (${v.mean.toYear})`,
            `各地区平均张力由${v.mean.fromYear}年的${fix(v.mean.from, 3)}${dir === 'up' ? '升至' : '降至'}${v.mean.toYear}年的${fix(v.mean.to, 3)}`,
          ),
    );
  }
  if (v.notRobust !== null) {
    parts.push(
      v.notRobust.length === 0
        ? bi(
            lang,
            "every region's class is robust to the weights and α/β (5–95% interval inside the class)",
            '各地区的协调等级对权重与α/β均稳健（5%–95%区间未跨越等级界限）',
          )
        : bi(
            lang,
            `class not robust to the weights and α/β (5–95% interval crosses a class boundary): ${listOf(
              lang,
              v.notRobust.map((r) => r.en),
            )}`,
            `以下地区的协调等级对权重与α/β不稳健（5%–95%区间跨越等级界限）：${listOf(
              lang,
              v.notRobust.map((r) => r.zh),
            )}`,
          ),
    );
  }
  if (v.theil) {
    const ratio =
      v.theil.ratio === null
        ? ''
        : bi(
            lang,
            `; the core has ${fix(v.theil.ratio, 2)}× the periphery's per resident`,
            `，核心区人均为边缘区的${fix(v.theil.ratio, 2)}倍`,
          );
    parts.push(
      bi(
        lang,
        `${v.theil.resource.en} per resident: the core–periphery gap makes up ${pct1(v.theil.betweenShare)} of its Theil T${ratio}`,
        `${v.theil.resource.zh}（人均）：核心—边缘组间差异占泰尔T指数的${pct1(v.theil.betweenShare)}${ratio}`,
      ),
    );
  }
  parts.push(...boundParts);
  return bi(lang, `${parts.join('; ')}.`, `${parts.join('；')}。`);
};

// --- aggregated (yearbook-style) tables (src/ingest/aggregate) ---

/** A wide table (a count column per type) also has total columns, which cannot be split by type. */
export const wideTotalsIgnored = (file: string, headers: readonly string[]): string =>
  `${file}: ${headers.map((h) => JSON.stringify(h)).join(', ')} ${headers.length === 1 ? 'is a total' : 'are totals'} over all types of a row, but this table has one count column per type (wide layout) and soqa's cube needs totals by type: ${headers.length === 1 ? 'it is' : 'they are'} ignored. To use ${headers.length === 1 ? 'it' : 'them'}, give the table one row per region × year × type with a count column (long layout; docs/DATA.md, "Aggregated tables").`;

/** The table has only whole-area rows while the regions file has several regions: one pseudo-region. */
export const wholeAreaOnly = (
  regionsId: string,
  regions: number,
  code: string,
  zh: string,
  en: string,
  population: number,
): string =>
  `the table has only rows for the whole area (no region breakdown) while the regions file ${regionsId} has ${regions} regions: it is analysed as one region ${code} ${zh} (${en}) with the file's total population ${population.toLocaleString('en-US')}. If the table covers another area, pass its regions file (--regions; e.g. --regions china for national figures).`;

/** Added to {@link wholeAreaOnly} when rows by region were rejected: the breakdown existed. */
export const wholeAreaBreakdownRejected = (rejected: number): string =>
  ` Note: ${rejected} row${rejected > 1 ? 's' : ''} of the table were rejected because their region is not in the regions file (R_UNKNOWN_REGION): the table may well have a breakdown by region that soqa could not place. See the rejects, and fix the region names (or the regions file) to use it.`;

/** A table has both a type (or count) column and count columns named after the types. */
export const aggregateLayoutConflict = (
  file: string,
  conflicting: readonly string[],
  typeHeaders: readonly string[],
): string =>
  `${file}: has count columns named after types (${typeHeaders.map((h) => JSON.stringify(h)).join(', ')}: the wide layout) and also ${conflicting.map((h) => JSON.stringify(h)).join(' and ')} (the long layout's type and count columns). Use one layout: one row per region × year × type with a count column, or one count column per type.`;

/** A required column of an aggregated table is missing. */
export const aggregateMissingColumn = (
  file: string,
  missing: readonly string[],
  found: readonly string[],
  encoding: string,
  garbled: boolean,
): string =>
  `${file}: this aggregated table has no ${missing.map((m) => (m === 'type' ? 'type column (or one count column per type: 社会团体, 民办非企业单位, 基金会)' : m === 'count' ? 'count column (count, 组织数, 数量…)' : `${m} column`)).join(', no ')}.\n` +
  `  headers found: ${found
    .slice(0, 40)
    .map((h) => JSON.stringify(h))
    .join(', ')}${found.length > 40 ? `, … (${found.length} in all)` : ''}\n` +
  `  Rename the column, or add its header as an alias in a profile (--profile; see docs/DATA.md, "Aggregated tables"). For organization rows, pass --input-kind organizations.` +
  (garbled
    ? `\n  Some headers could not be decoded as ${encoding}: the file may use another encoding; try --encoding gb18030 or --encoding utf-8.`
    : '');

/** An analysis that needs organization rows was skipped because the input is an aggregated table. */
export const noteAggregateInput = (lang: Lang, what: string): string =>
  bi(
    lang,
    `${what}: skipped, because this analysis needs organization rows and the input is an aggregated table (counts and totals by region, year and type).`,
    `${what}：已跳过，该分析需要逐个组织的记录，而输入为汇总表（按地区、年份、类型的数量与合计）。`,
  );

/** The organization-level data checks that do not apply to an aggregated table. */
export const noteAggregateQuality = (lang: Lang): string =>
  bi(
    lang,
    'aggregated table: the checks of individual organizations (credit codes, duplicate organizations, registration and report dates) do not apply; duplicates count repeated region × year × type (× field) rows, and totals that disagree with the rows under them are W_TOTAL_MISMATCH warnings.',
    '汇总表：针对单个组织的检查（统一社会信用代码、重复组织、登记与年报日期）不适用；重复数为同一地区×年份×类型（×领域）的重复行，合计与分项之和不符时记为 W_TOTAL_MISMATCH 警告。',
  );

/** A published total (合计, a whole-area row) disagrees with its rows, or has none (logged as well as listed in warnings.csv). */
export const totalProblem = (file: string, line: number, column: string, reason: string): string =>
  `${file} line ${line}: ${column} ${reason}.`;

/** More total-row warnings than are logged one by one. */
export const moreTotalProblems = (n: number): string =>
  `… and ${n} more total${n === 1 ? '' : 's'} that disagree with their rows (all are listed in warnings.csv of soqa analyze, or by soqa validate).`;

// ---- report and chart outputs (src/cli/pipeline/render-outputs.ts, commands report/chart) ----

/** A results file given to `soqa report`/`soqa chart` cannot be read. */
export const resultsUnreadable = (path: string, reason: string): string =>
  `cannot read results file ${path}: ${reason}. Pass the results.json that \`soqa analyze\` wrote (e.g. reports/<name>/results.json).`;

/** A results file is not JSON. */
export const resultsNotJson = (path: string, reason: string): string =>
  `${path} is not valid JSON (${reason}); it is not a results.json written by soqa, or it was cut off. Run \`soqa analyze\` again to get a fresh one.`;

/** A results file does not match schemas/results.schema.json. */
export const resultsInvalid = (path: string, problems: readonly string[]): string =>
  `${path} is not a valid soqa results file (schemas/results.schema.json):\n${problems.map((p) => `  - ${p}`).join('\n')}\nRe-render only files written by \`soqa analyze\`; run it again if the file was edited or comes from an incompatible soqa version.`;

/** `--only` names a chart soqa does not have. */
export const unknownChart = (names: readonly string[], known: readonly string[]): string =>
  badOption('--only', names.join(','), `chart names from: ${known.join(', ')}`);

/** A chart asked for has no data in the results. */
export const chartNoData = (name: string, needs: string | null): string =>
  needs
    ? `chart ${name} not drawn: the results have no data for it (analyses.${needs} is missing or has nothing to show).`
    : `chart ${name} not drawn: the results have no data for it (no counts, or no population or zones in the regions file).`;

/** A chart failed to build or render; the other outputs are still written. */
export const chartFailed = (name: string, reason: string): string =>
  `chart ${name} could not be drawn (${reason}); the other charts and the report are still written. This is a bug in soqa; please report it.`;

/** PNG was asked for but no CJK font exists: warn once, write SVG. */
export const pngSkippedNoFont = (): string => `no PNG charts written: ${pngNeedsFont()}`;

/** What the report renderer wrote. */
export const wroteRendered = (dir: string, files: readonly string[], charts: number): string => {
  const parts = [...files, ...(charts ? [`${charts} chart${charts === 1 ? '' : 's'} (charts/)`] : [])];
  return parts.length ? `wrote ${parts.join(', ')} to ${dir}\n` : `no report or chart written to ${dir}\n`;
};

// ---- risk warnings, transparency and graded supervision (issue 10) -----------------------
// Messages of src/analyses/supervision and of `soqa risk` / `soqa portrait`: the language
// first where a text is bilingual, built from the numbers given.

/** `--rules` names no built-in rules file and no existing file. */
export const unknownRules = (name: string, builtIn: readonly string[]): string =>
  `rules ${q(name)} not found: not a built-in rules file (${builtIn.join(', ')}) and no such file. Pass a built-in name or the path of a JSON file like config/rules/default.json (schema: schemas/rules.schema.json).`;

/** A schema-valid rules file that is inconsistent. */
export const rulesInvalid = (where: string, problems: readonly string[]): string =>
  `${where} is not a usable rules file:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the file (see config/rules/default.json and docs/METHODS.md, "Risk warnings").`;

/** `soqa risk` / `soqa portrait` on an aggregated table. */
export const needsOrganizationRows = (command: string): string =>
  `soqa ${command} needs organization rows (one row per organization or organization-year), but the input is an aggregated table of counts by region, year and type. Pass the registry export or annual-report panel instead (or --input-kind organizations if the detection was wrong).`;

/** `soqa portrait ID`: no organization with that id (or name). */
export const organizationNotFound = (id: string, suggestions: readonly string[]): string =>
  `no organization with id or name ${q(id)} in the input${suggestions.length ? `; ids that begin alike: ${suggestions.join(', ')}` : ''}. Check the id (the unified social credit code, 18 characters) or run \`soqa risk --csv\` to list flagged organizations.`;

const amount = (lang: Lang, x: unknown): string =>
  typeof x === 'number' && Number.isFinite(x)
    ? `${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}${lang === 'zh' ? '元' : ' yuan'}`
    : '–';
const yearsText = (lang: Lang, ys: unknown): string => {
  const a = Array.isArray(ys) ? (ys as number[]) : [];
  if (a.length === 0) return '';
  const runs: string[] = [];
  let s = a[0];
  for (let k = 1; k <= a.length; k++) {
    if (k < a.length && a[k] === a[k - 1] + 1) continue;
    runs.push(s === a[k - 1] ? String(s) : `${s}–${a[k - 1]}`);
    s = a[k];
  }
  return lang === 'zh' ? runs.join('、') : runs.join(', ');
};
const QUANTITY: Record<string, [string, string]> = {
  revenue: ['total revenue', '收入合计'],
  staff_fulltime: ['full-time staff', '专职人员'],
  staff_total: ['full-time + part-time staff', '专兼职人员合计'],
  activities: ['activities', '活动次数'],
};
const quantity = (lang: Lang, q: unknown): string =>
  QUANTITY[String(q)] ? QUANTITY[String(q)][lang === 'zh' ? 1 : 0] : String(q);
const SOURCE: Record<string, [string, string]> = {
  rev_gov_purchase: ['government purchase of services', '政府购买服务收入'],
  rev_donations: ['donations', '捐赠收入'],
  rev_membership: ['membership fees', '会费收入'],
  rev_services: ['services', '提供服务收入'],
  rev_other: ['other revenue', '其他收入'],
};

/**
 * The evidence of a warning as one sentence: the numbers and years that triggered the rule.
 *
 * @param lang language
 * @param rule the rule id
 * @param e the warning's evidence (see docs/RESULTS.md, `analyses.supervision`)
 * @returns the sentence
 */
export const supervisionEvidence = (lang: Lang, rule: string, e: Record<string, unknown>): string => {
  const n = (x: unknown, d = 0): string => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '–');
  switch (rule) {
    case 'dormant': {
      const qs = ((e.quantities as string[]) ?? []).map((x) => quantity(lang, x));
      return bi(
        lang,
        `${listOf(lang, qs)} all 0 in ${e.from}–${e.to} (${e.consecutiveYears} consecutive report years)`,
        `${e.from}—${e.to}年连续${e.consecutiveYears}年${listOf(lang, qs)}均为0`,
      );
    }
    case 'missing_report':
      return bi(
        lang,
        `no annual report for ${yearsText(lang, e.missingYears)} (reports due from ${e.dueFrom}; reports on file ${e.firstReport}–${e.lastReport}${Number(e.afterLastReport) > 0 ? `; ${e.afterLastReport} year(s) since the last report` : ''})`,
        `缺少${yearsText(lang, e.missingYears)}年度年报（应自${e.dueFrom}年起报送；已有年报${e.firstReport}—${e.lastReport}年${Number(e.afterLastReport) > 0 ? `；最后一次年报后已有${e.afterLastReport}年未报` : ''}）`,
      );
    case 'persistent_deficit': {
      const rev = (e.revenue as number[]) ?? [];
      const exp = (e.expenses as number[]) ?? [];
      const per = rev.map((r, k) => `${Number(e.from) + k}: ${amount(lang, exp[k])} / ${amount(lang, r)}`).join('; ');
      return bi(
        lang,
        `expenses above revenue in ${e.from}–${e.to} (${e.consecutiveYears} consecutive years; expenses / revenue ${per})`,
        `${e.from}—${e.to}年连续${e.consecutiveYears}年支出大于收入（支出/收入 ${per}）`,
      );
    }
    case 'single_source': {
      const src = SOURCE[String(e.source)] ?? [String(e.source), String(e.source)];
      return bi(
        lang,
        `${e.year}: ${src[0]} ${amount(lang, e.amount)} of total revenue ${amount(lang, e.revenue)} = ${pct1(Number(e.share))} (threshold ${pct1(Number(e.maxShare))})`,
        `${e.year}年${src[1]}${amount(lang, e.amount)}，占收入合计${amount(lang, e.revenue)}的${pct1(Number(e.share))}（阈值${pct1(Number(e.maxShare))}）`,
      );
    }
    case 'implausible_jump': {
      const money = e.quantity === 'revenue';
      const v = (x: unknown): string => (money ? amount(lang, x) : n(x));
      const more = Number(e.jumps) > 1 ? bi(lang, `; ${e.jumps} jumps in all`, `；共${e.jumps}次跳变`) : '';
      return bi(
        lang,
        `${quantity(lang, e.quantity)} ${v(e.previous)} (${Number(e.year) - 1}) → ${v(e.current)} (${e.year}), ×${n(e.ratio, 1)} (threshold ×${e.factor})${more}`,
        `${quantity(lang, e.quantity)}由${Number(e.year) - 1}年的${v(e.previous)}变为${e.year}年的${v(e.current)}，为上年的${n(e.ratio, 1)}倍（阈值${e.factor}倍）${more}`,
      );
    }
    case 'cert_above_staff':
      return bi(
        lang,
        `${e.year}: ${e.certified} certified social workers but ${e.staff} full-time + part-time staff${Number(e.yearsAbove) > 1 ? ` (${e.yearsAbove} years like this)` : ''}`,
        `${e.year}年持证社会工作者${e.certified}人，而专兼职人员仅${e.staff}人${Number(e.yearsAbove) > 1 ? `（共${e.yearsAbove}个年度如此）` : ''}`,
      );
    case 'credit_code_checksum':
      return bi(
        lang,
        `credit code ${e.code} fails the GB 32100 check: ${((e.problems as string[]) ?? []).join('; ')}`,
        `统一社会信用代码${e.code}未通过GB 32100校验：${((e.problems as string[]) ?? []).join('；')}`,
      );
    case 'credit_code_mismatch': {
      const parts: string[] = [];
      if (String(e.disagrees).includes('type'))
        parts.push(
          bi(
            lang,
            `says type ${orgTypeLabel(lang, String(e.codeType))} but the type column says ${orgTypeLabel(lang, String(e.type))}`,
            `代码显示类型为${orgTypeLabel(lang, String(e.codeType))}，类型栏为${orgTypeLabel(lang, String(e.type))}`,
          ),
        );
      if (String(e.disagrees).includes('region'))
        parts.push(
          bi(
            lang,
            `was issued in region ${e.codeRegion} but the region column says ${e.region}`,
            `代码登记地区为${e.codeRegion}，地区栏为${e.region}`,
          ),
        );
      return bi(lang, `credit code ${e.code} ${parts.join(' and ')}`, `统一社会信用代码${e.code}：${parts.join('；')}`);
    }
    case 'deregistered_reporting':
      return bi(
        lang,
        `deregistered on ${String(e.deregistered)
          .replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')
          .replace(
            /-00/g,
            '',
          )} but ${e.reportsAfter} annual report${Number(e.reportsAfter) === 1 ? '' : 's'} for ${e.firstAfter === e.lastAfter ? e.firstAfter : `${e.firstAfter}–${e.lastAfter}`}`,
        `已于${String(e.deregistered)
          .replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')
          .replace(
            /-00/g,
            '',
          )}注销，但仍有${e.firstAfter === e.lastAfter ? e.firstAfter : `${e.firstAfter}—${e.lastAfter}`}年的${e.reportsAfter}份年报`,
      );
    default:
      return JSON.stringify(e);
  }
};

/** Display name of a severity. */
export const severityLabel = (lang: Lang, s: string): string =>
  ({ high: bi(lang, 'high', '高'), medium: bi(lang, 'medium', '中'), low: bi(lang, 'low', '低') })[s] ?? s;

/** A rule that cannot run on this input. */
export const noteSupervisionRuleSkipped = (lang: Lang, rule: string, missing: readonly string[]): string =>
  bi(
    lang,
    `rule ${rule} not applied: the input has no ${missing.includes('year') ? 'report years (a registry list, not an annual-report panel)' : `column ${listOf(lang, missing)}`}.`,
    `规则 ${rule} 未执行：输入${missing.includes('year') ? '没有年报年度（为登记名录而非年报面板）' : `缺少${listOf(lang, missing)}列`}。`,
  );

/** Registry list: rules and transparency read one row per organization. */
export const noteSupervisionRegistry = (lang: Lang, year: number): string =>
  bi(
    lang,
    `registry list: each organization's one row is read as its report for ${year}; rules that follow organizations over years are not applied, transparency has no continuity part, and deregistered organizations are not graded.`,
    `登记名录：每个组织的唯一一行视为其${year}年报告；跨年度规则不执行，透明度指数不含连续性分项，已注销组织不评级。`,
  );

/** Panel rows without a year are left out of the supervision pass. */
export const noteSupervisionNoYear = (lang: Lang, rows: number): string =>
  bi(
    lang,
    `${rows} panel rows have no year and are left out of the risk warnings, transparency and grades.`,
    `${rows}行面板记录缺少年度，未纳入风险预警、透明度与评级。`,
  );

/** Framework indicators left out of the organization-level score. */
export const noteSupervisionIndicators = (
  lang: Lang,
  regionLevel: readonly string[],
  missing: readonly string[],
): string =>
  bi(
    lang,
    `organization-level quality score: ${regionLevel.length ? `region-level indicators left out (${listOf(lang, regionLevel)})` : ''}${regionLevel.length && missing.length ? '; ' : ''}${missing.length ? `indicators without their columns left out (${listOf(lang, missing)})` : ''}.`,
    `组织层面质量得分：${regionLevel.length ? `不含地区层面指标（${listOf(lang, regionLevel)}）` : ''}${regionLevel.length && missing.length ? '；' : ''}${missing.length ? `缺少数据列的指标未纳入（${listOf(lang, missing)}）` : ''}。`,
  );

/** No organization-level indicator can be computed: grades come from warnings and transparency only. */
export const noteSupervisionNoIndicators = (lang: Lang, noScore: string): string =>
  bi(
    lang,
    `no organization-level indicator can be computed from this input: every organization gets base grade ${noScore}, capped by its warnings.`,
    `输入无法计算任何组织层面指标：所有组织的基础等级为${noScore}，再按预警封顶。`,
  );

/** Peer groups too small for type × region fell back to type or to all organizations. */
export const noteSupervisionPeerFallback = (lang: Lang, byType: number, all: number, minPeers: number): string =>
  bi(
    lang,
    `peer groups: ${byType} organizations are ranked against their type across regions and ${all} against all organizations, because their type × region group has fewer than ${minPeers}.`,
    `同类比较组：${byType}个组织因所在“类型×地区”组不足${minPeers}个而与全区同类型组织比较，${all}个与全部组织比较。`,
  );

/** results.json leaves organization ids and names out unless asked. */
export const noteSupervisionHidden = (lang: Lang): string =>
  bi(
    lang,
    'organization ids and names are not listed here; `soqa analyze --list-organizations` adds the flagged organizations with their evidence, and `soqa risk` prints them.',
    '此处不列出组织名称与代码；`soqa analyze --list-organizations` 可加入被预警组织及其证据，`soqa risk` 可直接输出。',
  );

// ---- yearly bulletin (soqa analyze/report --year --compare; src/analyses/bulletin, src/render/report/sections/changes.ts) ----

/** A bulletin year (`--year` or `--compare`) that is not a year of the data. */
export const bulletinYearNotInData = (option: string, year: number, years: readonly number[]): string =>
  badOption(
    option,
    year,
    years.length ? `one of the years in the data (${years.join(', ')})` : 'a year in the data (the data have none)',
  );

/** `--compare` must name an earlier year than `--year`. */
export const bulletinCompareNotBefore = (compare: number, year: number): string =>
  badOption('--compare', compare, `a year before --year ${year}`);

/** No earlier year to compare with. */
export const bulletinNoEarlierYear = (year: number): string =>
  `option --year: the data have no year before ${year} to compare with; give --compare, or a later --year.`;

/** The bulletin cannot compare the warnings of two years (aggregated table or registry list). */
export const noteBulletinNoWarnings = (lang: Lang, reason: 'aggregate' | 'registry'): string =>
  reason === 'aggregate'
    ? bi(
        lang,
        'new warnings: not compared, because the input is an aggregated table without organization rows.',
        '新增预警：未比较，输入为汇总表，没有逐个组织的记录。',
      )
    : bi(
        lang,
        'new warnings: not compared, because a registry list has no annual reports to check year by year.',
        '新增预警：未比较，登记名录没有逐年年报，无法按年核查。',
      );

/**
 * The end of `soqa --help`: the environment variables soqa reads and the exit codes (as in
 * README.md, "Exit codes").
 */
export const helpFooter = (): string =>
  [
    '',
    'Environment:',
    '  SOQA_THREADS=n   threads for reading a large file and drawing charts: 1 (one thread)',
    '                   to 64 (default: the processors, at most 4 for reading)',
    '  SOQA_FONT=path   CJK font file for the PNG charts (default: the first of WenQuanYi',
    '                   Micro Hei, Noto Sans CJK, … installed; without one, SVG only)',
    '  SOQA_LANG=zh|en  default of --lang for every command: the language of reports, charts and',
    '                   terminal tables (default: zh; --json output is language-neutral)',
    '  NO_COLOR=1       no colour in error and warning labels',
    '  TMPDIR=path      where a streamed analyze (--stream) writes its temporary files',
    "                   (default: the system's temporary folder)",
    '',
    'Exit codes:',
    '  0 success · 1 data-quality findings (validate, or analyze --strict) · 2 unusable input',
    '  3 bad options or configuration file · 4 internal error (a bug in soqa: please report it)',
    '',
  ].join('\n');

// ---- finding the table (title lines, units, totals and notes) --------------------------

/** A column's unit contradicts its field (a % in a count column). */
export const unitMismatch = (
  file: string,
  conflicts: readonly { header: string; field: string; reason: string }[],
): string =>
  `${file}: ${conflicts.map((c) => `column ${JSON.stringify(c.header)} (${c.field}) ${c.reason}`).join('; ')}.\n` +
  `  soqa does not guess what such a column holds. Fix the header's unit, or map the column to the field it really holds (--profile; see docs/PROFILES.md).`;

/** Appended to a missing-column error when no row of the first ones could be the header. */
export const headerNotFound = (tried: readonly { line: number; text: string }[], limit: number): string =>
  `\n  soqa looked for the header in the first ${limit} rows and none maps the required columns; rows tried: ${tried
    .slice(0, 4)
    .map((t) => `line ${t.line} ${JSON.stringify(t.text.slice(0, 40))}`)
    .join(', ')}${tried.length > 4 ? `, … (${tried.length} rows)` : ''}.\n` +
  `  If the header is further down, or spread over rows soqa did not combine, pass --header-row N (the line of the header).`;

/** `--header-row N` names a line the input does not start a row on. */
export const headerRowMissing = (file: string, line: number): string =>
  `${file}: --header-row ${line}: no row starts on line ${line} (the input is shorter, or the line is inside a quoted cell). Pass the line number of the header row as an editor shows it.`;

/** Title, unit, total and note lines soqa skipped, one log line per file. */
export const tableLinesSkipped = (file: string, counts: Readonly<Record<string, number>>): string =>
  `${file}: skipped ${Object.entries(counts)
    .map(([k, n]) => `${n} ${k} line${n > 1 ? 's' : ''}`)
    .join(', ')} around the table (not rows: listed in results.json provenance and the data-quality appendix).`;

/** Merged cells of a yearbook table exported as blanks were filled with the value above. */
export const filledDown = (file: string, cells: number, columns: readonly string[]): string =>
  `${file}: ${cells} blank ${columns.join('/')} cell${cells > 1 ? 's' : ''} read as "same as above" (merged cells of a yearbook table exported as blanks) and filled with the value of the row above.`;

/** Note of the data-quality section: merged region/year cells filled down. */
export const noteFilledDown = (lang: Lang, cells: number): string =>
  bi(
    lang,
    `${cells} blank region or year cells of the aggregated table were read as "same as above" (merged cells exported as blanks) and filled with the value of the row above.`,
    `汇总表中${cells}个空白的地区或年份单元格按"同上"处理（合并单元格导出后为空），已用上一行的值填充。`,
  );

/** Note of the data-quality section: money columns converted to yuan. */
export const noteUnits = (lang: Lang, units: readonly { header: string; unit: string; factor: number }[]): string =>
  bi(
    lang,
    `amounts converted to yuan: ${units.map((u) => `${u.header} × ${u.factor.toLocaleString('en-US')} (${u.unit})`).join('; ')}.`,
    `金额已换算为元：${units.map((u) => `${u.header} × ${u.factor.toLocaleString('en-US')}（${u.unit}）`).join('；')}。`,
  );

/** Note of the data-quality section: lines around the table that are not rows. */
export const noteTableLines = (lang: Lang, counts: Readonly<Record<string, number>>): string => {
  const zh: Record<string, string> = { title: '标题行', unit: '单位行', total: '合计行', note: '注释行' };
  return bi(
    lang,
    `lines around the table that are not rows (not counted as read): ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}; each is listed with its line in results.json provenance (inputs[].table.lines).`,
    `表格前后非数据行（不计入读取行数）：${Object.entries(counts)
      .map(([k, n]) => `${zh[k] ?? k}${n}行`)
      .join('，')}；各行及其行号见 results.json 的 provenance（inputs[].table.lines）。`,
  );
};

/** The fix to suggest for a reject code (the reason of each row says the rest). */
const REJECT_FIXES: Readonly<Record<string, string>> = {
  R_UNKNOWN_REGION:
    'the region cell names no region of the regions file: for a national table pass --regions china; for another province pass its regions file; for other spellings add them to a profile (values.region, docs/PROFILES.md)',
  R_UNKNOWN_TYPE:
    'add the labels to a profile as type aliases; a profile of five lines extends the default one (docs/PROFILES.md)',
  R_UNKNOWN_STATUS: 'add the labels to a profile as status aliases (docs/PROFILES.md)',
  R_UNKNOWN_FIELD: 'add the labels to a profile as field aliases (docs/PROFILES.md)',
  R_FIELD_COUNT:
    'rows have another number of cells than the header: check the delimiter (--delimiter), quotes, and lines above or below the table (--header-row)',
  R_REQUIRED_MISSING:
    'a required cell is empty: fill it, or map another column to the field with a profile (docs/PROFILES.md)',
  R_BAD_NUMBER: 'write the numbers as digits (1,234, 12.5万元 and (1,234) are read; 约58 is not)',
  R_BAD_DATE: 'write dates as 2024-06-01, 2024年6月1日, 202406 or 2024',
  R_YEAR_RANGE: 'check the year column, or set "years" in a profile',
  R_DUPLICATE: 'the same organization (and year) appears twice: keep one row',
  R_UNDECODABLE: 'the text could not be decoded: pass --encoding gb18030 or --encoding utf-8',
};

/**
 * What a command prints when most rows were rejected: the top reasons with their count, one
 * example line each and the fix.
 *
 * @param read rows read
 * @param rejected rows rejected
 * @param counts rejects by code
 * @param examples the rejected rows kept
 * @returns the text (several lines)
 */
export const rejectDigest = (
  read: number,
  rejected: number,
  counts: Readonly<Record<string, number>>,
  examples: readonly { file: string; line: number; code: string; column: string; value: string; reason: string }[],
): string => {
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3);
  const lines = top.map(([code, n]) => {
    const e = examples.find((x) => x.code === code);
    const where = e
      ? `\n      e.g. ${e.file} line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${JSON.stringify(e.value.slice(0, 80))} ${e.reason}`
      : '';
    const fix = REJECT_FIXES[code] ?? 'see the reason of each row in rejects.csv or `soqa validate`';
    return `  ${code}: ${n} row${n > 1 ? 's' : ''}${where}\n      fix: ${fix}`;
  });
  return `${rejected} of ${read} rows were rejected. Most common reasons:\n${lines.join('\n')}`;
};
