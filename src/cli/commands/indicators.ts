import type { Command } from 'commander';
import { SoqaError } from '../../core/soqa-error.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { runIndicators, type IndicatorsSection } from '../../analyses/indicators/run-indicators.js';
import type { PanelSection } from '../../analyses/indicators/score-panel.js';
import { TOTAL } from '../../analyses/indicators/build-panel.js';
import type { CliIO } from '../io.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { parseIntOption } from '../options.js';
import { toSafeCsv } from '../output/to-safe-csv.js';
import * as text from '../output/cli-text.js';
import { langFrom, langOption } from '../lang-option.js';

/** Raw commander options of `soqa indicators`. */
interface IndicatorsRaw extends InputRaw {
  framework: string;
  weighting: string;
  normalize: string;
  shift: string;
  byType: boolean;
  year?: string;
  runs: string;
  seed: string;
  json: boolean;
  csv: boolean;
  lang?: string;
}

const WEIGHTINGS = ['entropy', 'critic', 'equal', 'manual'];
const NORMALIZE: Record<string, string> = { global: 'global', 'per-year': 'perYear', zscore: 'zscore', rank: 'rank' };

/** Columns of `--csv`: one row per unit (and type with --by-type). */
export const INDICATOR_CSV_COLUMNS = [
  'type',
  'region',
  'name',
  'year',
  'composition',
  'function',
  'output',
  'composite',
  'rank',
  'topsis',
  'topsis_rank',
  'median_rank',
  'rank_p05',
  'rank_p95',
  'obstacle_1',
  'obstacle_2',
  'obstacle_3',
];

/**
 * Register `soqa indicators`: the three-layer quality index per region and year (raw and
 * normalised values, weights, layer scores, composite, TOPSIS, ranks, obstacles, rank
 * intervals). A readable table by default; `--json` / `--csv` print machine output on stdout.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code (0 ok, 2 no usable indicator or row, 3 bad options)
 */
export function registerIndicators(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('indicators')
      .description(
        'three-layer quality index per region and year: layer scores, composite, TOPSIS, ranks, obstacles and rank uncertainty (default input: the built-in synthetic sample)',
      ),
  )
    .option(
      '--framework <name|path>',
      'indicator framework: built-in name or JSON file (see config/framework/default.json)',
      'default',
    )
    .option('--weighting <scheme>', 'weights: entropy, critic, equal or manual (the framework\'s "weight")', 'entropy')
    .option(
      '--normalize <method>',
      'normalisation: global (min–max over all years), per-year, zscore or rank',
      'global',
    )
    .option('--shift <x>', 'entropy weighting: add x to every normalised value before p is formed (e.g. 0.0001)', '0')
    .option('--by-type', 'also score each organization type separately', false)
    .option('--year <y>', 'show this year only (default: the table shows the latest year, --json/--csv every year)')
    .option('--runs <n>', 'Monte Carlo runs for the rank intervals (0 = off)', '200')
    .option('--seed <n>', 'Monte Carlo seed', '1')
    .option('--json', 'print the indicators section as JSON on stdout', false)
    .option('--csv', 'print the scores as CSV on stdout', false)
    .addOption(langOption('the table (--json and --csv are language-neutral)'))
    .action(async (files: string[], raw: IndicatorsRaw) => setExit(await indicators(files, raw, io)));
}

const badOption = (name: string, value: unknown, expected: string) =>
  new SoqaError('E_BAD_OPTION', msg.badOption(name, value, expected));

async function indicators(files: string[], raw: IndicatorsRaw, io: CliIO): Promise<ExitCode> {
  if (raw.json && raw.csv) throw badOption('--json/--csv', '--json --csv', 'only one of --json and --csv');
  if (!WEIGHTINGS.includes(raw.weighting)) throw badOption('--weighting', raw.weighting, WEIGHTINGS.join(', '));
  const normalize = NORMALIZE[raw.normalize];
  if (!normalize) throw badOption('--normalize', raw.normalize, Object.keys(NORMALIZE).join(', '));
  const shift = Number(raw.shift);
  if (!/^\s*[0-9.eE+-]+\s*$/.test(raw.shift) || !Number.isFinite(shift) || shift < 0)
    throw badOption('--shift', raw.shift, 'a number >= 0 such as 0.0001');
  const year = raw.year === undefined ? undefined : parseIntOption('--year', raw.year, 1000, 9999);
  const runs = parseIntOption('--runs', raw.runs, 0, 100000);
  const seed = parseIntOption('--seed', raw.seed, 0, 2 ** 32 - 1);
  const lang = langFrom(raw.lang);
  const input = inputOptionsFrom(raw);
  const framework = loadFramework(raw.framework);

  // the indicators read only the cube: an annual panel's rows are summed chunk by chunk and dropped
  const { ctx, inputs } = await loadAnalysisContext(
    files,
    input,
    {
      seed,
      config: { framework },
      extra: { indicators: { weighting: raw.weighting, normalize, shift, byType: raw.byType, runs } },
      need: 'cube',
    },
    io,
  );
  if (inputs.synthetic && !raw.quiet) io.stderr(`${msg.syntheticNotice(lang)}\n`);
  const { cube, regions } = ctx;
  const section = runIndicators(ctx);
  if (year !== undefined && !cube.years.includes(year))
    throw badOption('--year', raw.year, `a year of the input (${cube.years[0]}–${cube.years[cube.years.length - 1]})`);
  const shown = year === undefined ? section : filterYear(section, year);
  if (raw.json) io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  else if (raw.csv) io.stdout(toSafeCsv(INDICATOR_CSV_COLUMNS, indicatorCsvRows(shown, regions)));
  else io.stdout(formatTable(shown, regions, year ?? cube.years[cube.years.length - 1], lang));
  return section.indicators.length === 0 ? EXIT.UNUSABLE_INPUT : EXIT.OK;
}

type YearRows = 'values' | 'scores' | 'obstacles' | 'layerObstacles' | 'uncertainty';
const YEAR_ROWS: YearRows[] = ['values', 'scores', 'obstacles', 'layerObstacles', 'uncertainty'];

function filterPanel<T extends PanelSection>(p: T, year: number): T {
  const out = { ...p };
  for (const k of YEAR_ROWS)
    (out[k] as { year: number }[]) = (p[k] as { year: number }[]).filter((r) => r.year === year);
  return out;
}

/**
 * The indicators section restricted to one year (per-unit rows only; weights, diagnostics and
 * notes describe the whole panel and are kept).
 *
 * @param s the section
 * @param year the year to keep
 * @returns a filtered copy
 */
export function filterYear(s: IndicatorsSection, year: number): IndicatorsSection {
  const out = filterPanel(s, year);
  if (s.byType) out.byType = s.byType.map((t) => filterPanel(t, year));
  return out;
}

const regionName = (regions: RegionsFile, code: string, lang: msg.Lang = 'zh'): string => {
  if (code === TOTAL) return lang === 'zh' ? '全区合计' : 'province total';
  const r = regions.regions.find((x) => x.code === code);
  return (lang === 'zh' ? r?.zh : r?.en) ?? code;
};

/**
 * The rows of `--csv`: scores joined with the rank interval and the top three obstacles.
 *
 * @param s the (possibly year-filtered) section
 * @param regions the regions file (names)
 * @returns rows keyed by {@link INDICATOR_CSV_COLUMNS}
 */
export function indicatorCsvRows(s: IndicatorsSection, regions: RegionsFile): Record<string, unknown>[] {
  const panels: { type: string; p: PanelSection }[] = [
    { type: 'all', p: s },
    ...(s.byType ?? []).map((t) => ({ type: t.type, p: t as PanelSection })),
  ];
  return panels.flatMap(({ type, p }) => {
    const key = (r: { region: string; year: number }) => `${r.region}|${r.year}`;
    const unc = new Map(p.uncertainty.map((u) => [key(u), u]));
    const obs = new Map<string, string[]>();
    for (const o of p.obstacles) {
      const k = key(o);
      if (!obs.has(k)) obs.set(k, []);
      obs.get(k)!.push(o.indicator);
    }
    return p.scores.map((sc) => {
      const u = unc.get(key(sc));
      const o = obs.get(key(sc)) ?? [];
      return {
        type,
        region: sc.region,
        name: regionName(regions, sc.region),
        year: sc.year,
        composition: sc.composition,
        function: sc.function,
        output: sc.output,
        composite: sc.composite,
        rank: sc.rank,
        topsis: sc.topsis,
        topsis_rank: sc.topsisRank,
        median_rank: u?.medianRank ?? null,
        rank_p05: u?.p05 ?? null,
        rank_p95: u?.p95 ?? null,
        obstacle_1: o[0] ?? '',
        obstacle_2: o[1] ?? '',
        obstacle_3: o[2] ?? '',
      };
    });
  });
}

/** Display width of a string: East Asian wide characters count 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch)
      ? 2
      : 1;
  return w;
}
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const fr = (x: number | null) => (x === null ? '–' : String(Number(x.toFixed(1))));

/** A layer's name in the language (its id when the section does not name it). */
function layerName(
  p: { layers?: readonly { id: string; zh: string; en: string }[] },
  id: string,
  lang: msg.Lang,
): string {
  const l = p.layers?.find((x) => x.id === id);
  return l ? (lang === 'zh' ? l.zh : l.en) : id;
}

function panelTable(p: PanelSection, regions: RegionsFile, year: number, lang: msg.Lang): string[] {
  const unc = new Map(p.uncertainty.filter((u) => u.year === year).map((u) => [u.region, u]));
  const top = new Map(p.obstacles.filter((o) => o.year === year && o.order === 1).map((o) => [o.region, o]));
  const label = new Map(p.indicators.map((i) => [i.id, lang === 'zh' ? i.zh : i.en]));
  const rows = p.scores.filter((s) => s.year === year);
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.region < b.region ? -1 : 1));
  const head =
    lang === 'zh'
      ? ['地区', '构成', '功能', '产出', '综合得分', '排名', '排名5–95%', 'TOPSIS', '首要障碍']
      : ['region', 'composition', 'function', 'output', 'composite', 'rank', 'rank 5–95%', 'TOPSIS', 'top obstacle'];
  const cells = rows.map((s) => {
    const u = unc.get(s.region);
    const o = top.get(s.region);
    return [
      s.region === TOTAL ? regionName(regions, s.region, lang) : `${s.region} ${regionName(regions, s.region, lang)}`,
      f3(s.composition),
      f3(s.function),
      f3(s.output),
      f3(s.composite),
      fr(s.rank),
      u && u.p05 !== null ? `${fr(u.p05)}–${fr(u.p95)}` : '–',
      f3(s.topsis),
      o
        ? lang === 'zh'
          ? `${label.get(o.indicator) ?? o.indicator}（${layerName(p, o.layer, lang)}，${(100 * o.degree).toFixed(0)}%）`
          : `${label.get(o.indicator) ?? o.indicator} (${o.layer}, ${(100 * o.degree).toFixed(0)}%)`
        : '–',
    ];
  });
  const widths = head.map((h, k) => Math.max(width(h), ...cells.map((c) => width(c[k]))));
  const line = (c: string[]) =>
    c
      .map((x, k) => (k === 0 || k === c.length - 1 ? padEnd(x, widths[k]) : padStart(x, widths[k])))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)];
}

function formatTable(s: IndicatorsSection, regions: RegionsFile, year: number, lang: msg.Lang): string {
  const out: string[] = [];
  const m = s.method;
  out.push(
    ...text.indicatorsHeader(lang, {
      year,
      framework: s.framework.id,
      used: s.framework.used,
      indicators: s.framework.indicators,
      normalization: m.normalization,
      weighting: m.weighting,
      shift: m.entropyShift,
      layers: s.layers.map((l) => ({ name: layerName(s, l.id, lang), weight: l.weight })),
      runs: m.monteCarlo.runs,
      seed: m.monteCarlo.seed,
    }),
  );
  out.push('');
  out.push(...panelTable(s, regions, year, lang));
  for (const t of s.byType ?? []) {
    out.push('', lang === 'zh' ? `${msg.orgTypeLabel(lang, t.type)}：` : `type ${t.type}:`);
    out.push(...panelTable(t, regions, year, lang));
  }
  const label = (id: string): string => {
    const i = s.indicators.find((x) => x.id === id);
    return i ? (lang === 'zh' ? i.zh : i.en) : id;
  };
  if (s.skipped.length)
    out.push(
      '',
      text.indicatorsSkipped(
        lang,
        s.skipped.map((k) => ({ label: label(k.id), reason: k.reason, missing: k.missing })),
      ),
    );
  if (s.correlations.length)
    out.push(
      text.indicatorsCorrelated(
        lang,
        s.correlations.map((c) => ({ a: label(c.a), b: label(c.b), r: c.r })),
      ),
    );
  return `${out.join('\n')}\n`;
}
