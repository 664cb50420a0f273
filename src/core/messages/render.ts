import { badOption } from './common.js';
import { q } from './format.js';

/**
 * Messages of the render stage: charts, fonts, reading results.json, the files written.
 */

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

/** A results file given to `soqa report`/`soqa chart` cannot be read. */
export const resultsUnreadable = (path: string, reason: string): string =>
  `cannot read results file ${path}: ${reason}. Pass the results.json that \`soqa analyze\` wrote (e.g. reports/<name>/results.json).`;

/** A results file is not JSON. */
export const resultsNotJson = (path: string, reason: string): string =>
  `${path} is not valid JSON (${reason}); it is not a results.json written by soqa, or it was cut off. Run \`soqa analyze\` again to get a fresh one.`;

/** A results file does not match schemas/results.schema.json. */
export const resultsInvalid = (path: string, problems: readonly string[]): string =>
  `${path} is not a valid soqa results file (schemas/results.schema.json):\n${problems.map((p) => `  - ${p}`).join('\n')}\nRe-render only files written by \`soqa analyze\` of this soqa version: run \`soqa analyze\` again on the input if the file was edited or written by another version, or correct the values named above as the schema says.`;

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
