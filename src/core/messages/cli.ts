import { badOption } from './common.js';
import { q } from './format.js';

/**
 * Messages of the commands: output folders, notices, options checked against the data.
 */

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

export const syntheticNotice = (lang: 'en' | 'zh'): string =>
  lang === 'zh'
    ? '注意：本数据为 soqa 生成的合成演示数据（内置样本或 soqa sample 生成的内蒙古组织—年度面板），按伏昕（2025）等文献中的数字校准（见 data/sample/README.md），并非真实登记数据，不可引用为事实。'
    : 'Note: this is synthetic demonstration data made by soqa (the built-in sample or a panel written by soqa sample: Inner Mongolia organization-years), calibrated to the figures of the literature (see data/sample/README.md); it is not real registry data and must not be cited as fact.';

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

/** `soqa risk` / `soqa portrait` on an aggregated table. */
export const needsOrganizationRows = (command: string): string =>
  `soqa ${command} needs organization rows (one row per organization or organization-year), but the input is an aggregated table of counts by region, year and type. Pass the registry export or annual-report panel instead (or --input-kind organizations if the detection was wrong).`;

/** `soqa portrait ID`: no organization with that id (or name). */
export const organizationNotFound = (id: string, suggestions: readonly string[]): string =>
  `no organization with id or name ${q(id)} in the input${suggestions.length ? `; ids that begin alike: ${suggestions.join(', ')}` : ''}. Check the id (the unified social credit code, 18 characters) or run \`soqa risk --csv\` to list flagged organizations.`;

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
