/**
 * Every user-facing message soqa prints lives here (errors, warnings, notes), so that the
 * wording stays consistent, says what is wrong and how to fix it, and can be reviewed in
 * one place. Each function returns the full text; callers attach a code and an exit code.
 */

const q = (v: unknown): string => JSON.stringify(String(v));

/** Invalid argument to a pure measure function (library API). */
export const measureInput = (measure: string, problem: string): string =>
  `${measure}: ${problem}`;

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
export const chartUnknownCategory = (chart: string, field: string, value: unknown, allowed: readonly string[]): string =>
  `chart ${chart}: ${field} ${q(value)} is not one of ${allowed.map((a) => q(a)).join(', ')}.`;

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
export const chartNoRows = (chart: string): string =>
  `chart ${chart}: no rows to draw.`;

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

// ---- input files ---------------------------------------------------------------------

export const inputRead = (path: string, reason: string): string =>
  `cannot read input ${path}: ${reason}. Check that the file exists and is readable.`;

export const emptyInput = (file: string): string =>
  `${file} is empty: it has no header row. Export the table again with its header, or check that you passed the right file.`;

export const badHeader = (file: string, line: number, kind: string): string =>
  `${file}, line ${line}: the header row cannot be read (${kind === 'unterminated-quote' ? 'it has a quote that is never closed' : 'a header cell is too long'}). Fix the header line; soqa needs it to map columns.`;

export const missingColumn = (file: string, missing: string[], found: string[], encoding: string, garbled: boolean): string =>
  `${file}: required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found.\n` +
  `  headers found: ${found.slice(0, 40).map((h) => JSON.stringify(h)).join(', ')}${found.length > 40 ? `, … (${found.length} in all)` : ''}\n` +
  `  Rename the column, or add its header as an alias in a profile (--profile; see docs/PROFILES.md).` +
  (garbled ? `\n  Some headers could not be decoded as ${encoding}: the file may use another encoding; try --encoding gb18030 or --encoding utf-8.` : '');

export const duplicateColumn = (file: string, dups: { field: string; headers: string[] }[]): string =>
  `${file}: ${dups.map((d) => `columns ${d.headers.map((h) => JSON.stringify(h)).join(' and ')} both map to ${d.field}`).join('; ')}. Remove or rename one of them so each field has one column.`;

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
    ? '注意：本数据为 soqa 内置的合成演示数据（内蒙古 2008–2024 年面板），按种子文献数字校准（见 data/sample/README.md），并非真实登记数据，不可引用为事实。'
    : 'Note: this is synthetic demonstration data (soqa\'s built-in Inner Mongolia 2008–2024 panel), calibrated to the figures of the seed papers (see data/sample/README.md); it is not real registry data and must not be cited as fact.';

// ---- output --------------------------------------------------------------------------

export const outNotDir = (dir: string): string => `--out ${dir} exists and is not a folder. Choose another --out.`;

export const outNotSoqa = (dir: string): string =>
  `--out ${dir} already holds files that soqa did not write. Choose an empty or new folder, or pass --force to write into it anyway.`;

export const noAcceptedRows = (read: number, rejected: number, rejectsPath: string): string =>
  `no row could be used: ${read} rows read, ${rejected} rejected. See ${rejectsPath} for the reason of each row.`;

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
