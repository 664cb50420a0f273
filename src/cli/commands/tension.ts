import { escapeMessage } from '../output/escape-control.js';
import type { Command } from 'commander';
import { TOTAL } from '../../analyses/indicators/build-panel.js';
import { resolveTensions } from '../../analyses/tension/resolve-tensions.js';
import { runTension, type TensionResult, type TensionSection } from '../../analyses/tension/run-tension.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import type { CliIO } from '../io.js';
import { parseChoiceOption, parseCoreOption, parseIntOption } from '../options.js';
import { formatNotes, toJsonText } from '../output/format-notes.js';
import { formatTable, numCell } from '../output/format-table.js';
import { toSafeCsv } from '../output/to-safe-csv.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { analysisConfig } from '../pipeline/analysis-config.js';
import { langFrom, langOption } from '../lang-option.js';

/** Raw commander options of `soqa tension`. */
interface TensionRaw extends InputRaw {
  framework: string;
  variant: string;
  alpha?: string;
  weighting: string;
  normalize: string;
  runs: string;
  seed: string;
  core?: string;
  lang?: string;
  json: boolean;
  csv: boolean;
}

/** Columns of `--csv`: one row per tension × region × year. */
export const TENSION_CSV_COLUMNS = [
  'tension',
  'region',
  'name',
  'year',
  'u1',
  'u2',
  'C',
  'T',
  'D',
  'tension_value',
  'class_index',
  'class_zh',
  'class_en',
  'lagging',
  'gap',
  'tension_p05',
  'tension_p95',
  'class_agreement',
  'robust',
  'top_obstacle',
  'top_obstacle_degree',
];

const WEIGHTINGS = ['entropy', 'critic', 'equal', 'manual'] as const;
const NORMALIZE: Record<string, string> = { global: 'global', 'per-year': 'perYear', rank: 'rank' };

/**
 * Register `soqa tension`: the triple tension (structural, adaptive, resource) per region and
 * year: subsystem scores U1/U2, coupling C, coordination D, tension = 1 − D, the ten-class
 * label, the lagging subsystem and its largest obstacle, a Monte Carlo interval and the change
 * since the first year. A table per tension (latest year) by default; `--json` / `--csv` print
 * every year on stdout.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code (0 ok, 2 no usable row or no tension could be scored, 3 bad options)
 */
export function registerTension(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('tension')
      .description(
        'triple tension (structural, adaptive, resource) per region and year: subsystem scores, coupling coordination D, tension = 1 − D, class, lagging subsystem and its obstacles, Monte Carlo interval (default input: the built-in synthetic sample)',
      ),
  )
    .option(
      '--framework <name|path>',
      'framework whose "tension" block defines the subsystems (built-in name or JSON file; see config/framework/default.json)',
      'default',
    )
    .option(
      '--variant <standard|modified>',
      'coupling: standard C = 2√(U1U2)/(U1+U2), or modified (Wang et al. 2021)',
      'standard',
    )
    .option(
      '--alpha <a>',
      "contribution of U1 in T = αU1 + βU2 for every tension, β = 1 − α (default: the framework's, 0.5)",
    )
    .option('--weighting <scheme>', 'weights inside each subsystem: entropy, critic, equal or manual', 'entropy')
    .option('--normalize <method>', 'normalisation: global (min–max over all years), per-year or rank', 'global')
    .option('--runs <n>', 'Monte Carlo runs over the weights and α/β (0 = off)', '200')
    .option('--seed <n>', 'Monte Carlo seed', '1')
    .option('--core <codes>', 'core region codes, comma-separated (default: zone "core" in the regions file)')
    .addOption(langOption('the verdicts and notes'))
    .option('--json', 'print the tension section (every year) as JSON', false)
    .option('--csv', 'print one row per tension, region and year as CSV', false)
    .action(async (files: string[], raw: TensionRaw) => setExit(await tension(files, raw, io)));
}

const badOption = (name: string, value: unknown, expected: string) =>
  new SoqaError('E_BAD_OPTION', msg.badOption(name, value, expected));

async function tension(files: string[], raw: TensionRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  if (raw.json && raw.csv) throw badOption('--json/--csv', '--json --csv', 'only one of --json and --csv');
  const variant = parseChoiceOption('--variant', raw.variant, ['standard', 'modified'] as const) ?? 'standard';
  let alpha: number | undefined;
  if (raw.alpha !== undefined) {
    alpha = Number(raw.alpha);
    if (!/^\s*[0-9.]+\s*$/.test(raw.alpha) || !(alpha >= 0 && alpha <= 1))
      throw badOption('--alpha', raw.alpha, 'a number from 0 to 1 (β = 1 − α), e.g. 0.5');
  }
  const weighting = parseChoiceOption('--weighting', raw.weighting, WEIGHTINGS) ?? 'entropy';
  const normalize = NORMALIZE[raw.normalize];
  if (!normalize)
    throw badOption(
      '--normalize',
      raw.normalize,
      'global, per-year or rank (the coupling needs subsystem scores on [0, 1])',
    );
  const runs = parseIntOption('--runs', raw.runs, 0, 100000);
  const seed = parseIntOption('--seed', raw.seed, 0, 2 ** 32 - 1);
  const core = parseCoreOption(raw.core);
  const lang = langFrom(raw.lang);
  const config = analysisConfig({ framework: loadFramework(raw.framework) });
  resolveTensions(config.framework, config.defaultFramework); // a bad "tension" block fails (exit 3) before the input is read

  const extra = { tension: { variant, weighting, normalize, runs, ...(alpha !== undefined ? { alpha } : {}) } };
  const { ctx, inputs } = await loadAnalysisContext(
    files,
    input,
    { seed, core, coreRaw: raw.core, extra, config, need: 'cube' },
    io,
  );
  const section = runTension(ctx);
  const notice = inputs.synthetic
    ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') }
    : null;
  const scored = section.tensions.some((t) => t.units.some((u) => u.tension !== null));
  if (raw.json) io.stdout(toJsonText({ notice, tension: section }));
  else if (raw.csv) {
    if (notice && !raw.quiet) io.stderr(`${notice[lang]}\n`);
    io.stdout(toSafeCsv(TENSION_CSV_COLUMNS, tensionCsvRows(section, ctx.regions)));
  } else io.stdout(escapeMessage((notice ? `${notice[lang]}\n\n` : '') + formatTension(section, ctx.regions, lang)));
  return scored ? EXIT.OK : EXIT.UNUSABLE_INPUT;
}

const TENSION_NORMALIZATION_ZH: Record<string, string> = { global: '全局极差标准化', perYear: '逐年极差标准化' };
const TENSION_WEIGHTING_ZH: Record<string, string> = { entropy: '熵权法', critic: 'CRITIC法', equal: '等权' };

const regionName = (regions: RegionsFile, code: string, lang: msg.Lang): string => {
  if (code === TOTAL) return lang === 'zh' ? '全区合计' : 'province total';
  const r = regions.regions.find((x) => x.code === code);
  return r ? (lang === 'zh' ? r.zh : r.en) : code;
};

/**
 * The rows of `--csv`: every tension, region and year with its largest obstacle.
 *
 * @param s the section
 * @param regions the regions file (names)
 * @returns rows keyed by {@link TENSION_CSV_COLUMNS}
 */
export function tensionCsvRows(s: TensionSection, regions: RegionsFile): Record<string, unknown>[] {
  return s.tensions.flatMap((t) => {
    const top = new Map(t.obstacles.filter((o) => o.order === 1).map((o) => [`${o.region}|${o.year}`, o]));
    return t.units.map((u) => {
      const o = top.get(`${u.region}|${u.year}`);
      return {
        tension: t.id,
        region: u.region,
        name: regionName(regions, u.region, 'zh'),
        year: u.year,
        u1: u.u1,
        u2: u.u2,
        C: u.C,
        T: u.T,
        D: u.D,
        tension_value: u.tension,
        class_index: u.classIndex,
        class_zh: u.zh ?? '',
        class_en: u.en ?? '',
        lagging: u.lagging ?? '',
        gap: u.gap,
        tension_p05: u.p05,
        tension_p95: u.p95,
        class_agreement: u.classAgreement,
        robust: u.robust === null ? '' : String(u.robust),
        top_obstacle: o?.indicator ?? '',
        top_obstacle_degree: o?.degree ?? null,
      };
    });
  });
}

/** One tension as a table of the latest year, with the change since each region's first year. */
function tensionTable(t: TensionResult, regions: RegionsFile, lang: msg.Lang, year: number): string {
  const rows = t.units.filter((u) => u.year === year);
  rows.sort((a, b) =>
    a.region === TOTAL
      ? 1
      : b.region === TOTAL
        ? -1
        : (b.tension ?? -1) - (a.tension ?? -1) || (a.region < b.region ? -1 : 1),
  );
  const change = new Map(t.changes.filter((c) => c.toYear === year).map((c) => [c.region, c]));
  const fromYears = new Set(t.changes.map((c) => c.fromYear));
  const zh = lang === 'zh';
  const changeHead = zh
    ? fromYears.size === 1
      ? `自${[...fromYears][0]}年变化`
      : '自首年变化'
    : fromYears.size === 1
      ? `Δ since ${[...fromYears][0]}`
      : 'Δ since first year';
  const top = new Map(t.obstacles.filter((o) => o.year === year && o.order === 1).map((o) => [o.region, o]));
  const label = new Map(
    t.subsystems.flatMap((s) => s.indicators.map((i) => [i.id, lang === 'zh' ? i.zh : i.en] as const)),
  );
  const subName = (k: 'u1' | 'u2') => {
    const s = t.subsystems.find((x) => x.key === k)!;
    return lang === 'zh' ? s.zh : s.en;
  };
  const head = tensionTableHead(zh, changeHead);
  const cells = rows.map((u) => {
    const c = change.get(u.region);
    const o = top.get(u.region);
    const d = c && c.fromYear < year ? c.change : null;
    return [
      u.region === TOTAL ? regionName(regions, u.region, lang) : `${u.region} ${regionName(regions, u.region, lang)}`,
      numCell(u.u1, 3),
      numCell(u.u2, 3),
      numCell(u.C, 3),
      numCell(u.D, 3),
      numCell(u.tension, 3),
      d === null ? null : `${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d).toFixed(3)}`,
      u.zh === null ? null : lang === 'zh' ? u.zh : u.en,
      u.lagging
        ? zh
          ? `${subName(u.lagging)}（${numCell(u.gap, 3)}）`
          : `${subName(u.lagging)} (${numCell(u.gap, 3)})`
        : u.tension === null
          ? null
          : '–',
      u.p05 === null ? null : `${u.p05.toFixed(3)}–${u.p95!.toFixed(3)}`,
      u.robust === null ? null : u.robust ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
      o
        ? zh
          ? `${label.get(o.indicator) ?? o.indicator}（${(100 * o.degree).toFixed(0)}%）`
          : `${label.get(o.indicator) ?? o.indicator} (${(100 * o.degree).toFixed(0)}%)`
        : null,
    ];
  });
  return formatTable(head, cells);
}

/** The column heads of a tension table (`changeHead`: the head of the change column). */
function tensionTableHead(zh: boolean, changeHead: string): string[] {
  return zh
    ? [
        '地区',
        'U1',
        'U2',
        'C',
        'D',
        '张力',
        changeHead,
        '协调等级',
        '滞后子系统（差距）',
        '张力5%—95%',
        '稳健',
        '滞后子系统的首要障碍',
      ]
    : [
        'region',
        'U1',
        'U2',
        'C',
        'D',
        'tension',
        changeHead,
        'class',
        'lagging (gap)',
        'tension 5–95%',
        'robust',
        'top obstacle in the lagging subsystem',
      ];
}

/**
 * The readable output: per tension a heading with the subsystems and method, the table of
 * the latest year and the verdict; then the notes.
 *
 * @param s the section
 * @param regions the regions file
 * @param lang language of labels, verdicts and notes
 * @returns the text
 */
export function formatTension(s: TensionSection, regions: RegionsFile, lang: msg.Lang): string {
  const year = s.years[s.years.length - 1];
  const m = s.method;
  const out: string[] = [];
  const zh = lang === 'zh';
  out.push(
    zh
      ? `${year ?? ''}年三重张力 — 指标体系 ${s.framework.id}${s.framework.fromDefault ? '（默认张力）' : ''}，${TENSION_NORMALIZATION_ZH[m.normalization] ?? m.normalization}，${TENSION_WEIGHTING_ZH[m.weighting] ?? m.weighting}，${m.variant === 'modified' ? '修正' : '标准'}耦合协调度模型，${m.monteCarlo.runs}次蒙特卡洛模拟（随机种子${m.monteCarlo.seed}）`
      : `triple tension ${year ?? ''} — framework ${s.framework.id}${s.framework.fromDefault ? ' (default tensions)' : ''}, ${m.normalization} normalisation, ${m.weighting} weights, ${m.variant} coupling, ${m.monteCarlo.runs} Monte Carlo runs (seed ${m.monteCarlo.seed})`,
  );
  out.push(
    zh
      ? '张力 = 1 − D，D = √(C·T)，T = αU1 + βU2；U越高表示越现代、越发达'
      : 'tension = 1 − D, D = √(C·T), T = αU1 + βU2; higher U = more modern / more developed',
  );
  for (const t of s.tensions) {
    const [u1, u2] = t.subsystems;
    const nm = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
    out.push(
      '',
      zh
        ? `${t.zh}：U1 ${nm(u1)} 与 U2 ${nm(u2)}，α ${t.alpha}，β ${Number(t.beta.toFixed(10))}`
        : `${t.zh} ${t.en}: U1 ${nm(u1)} vs U2 ${nm(u2)}, α ${t.alpha}, β ${Number(t.beta.toFixed(10))}`,
    );
    for (const sub of t.subsystems) {
      const weights = sub.indicators
        .map((i) => `${zh ? i.zh : i.id}${i.direction < 0 ? (zh ? '（逆向）' : ' (−)') : ''} ${i.weight.toFixed(3)}`)
        .join(zh ? '，' : ', ');
      const skipped = sub.skipped.length
        ? zh
          ? `；未计算：${sub.skipped.join('、')}`
          : `; skipped: ${sub.skipped.join(', ')}`
        : '';
      out.push(`  ${sub.key.toUpperCase()} ${nm(sub)}${zh ? '：' : ': '}${weights}${skipped}`);
    }
    if (year !== undefined) out.push('', tensionTable(t, regions, lang, year).trimEnd());
    if (t.verdict) out.push('', lang === 'zh' ? t.verdict.zh : t.verdict.en);
  }
  const notes = formatNotes(s.notes, lang);
  if (notes) out.push('', notes.trimEnd());
  return `${out.join('\n')}\n`;
}
