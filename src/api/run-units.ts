/**
 * `--each region`: one report per unit (league, prefecture, …) next to the whole input's,
 * from the rows already read: each unit's rows are selected from the run's dataset, summed
 * into a cube of their own and analysed as a run of their own.
 */
import { SoqaError } from '../core/soqa-error.js';
import { createLogger, type Logger } from '../core/logger.js';
import * as msg from '../core/messages/index.js';
import type { AnalysisContext } from '../analyses/analysis-context.js';
import { ANALYSES, runAnalyses } from '../analyses/run-analyses.js';
import { bulletinSection, type BulletinYears } from '../analyses/bulletin/bulletin-section.js';
import { cubeFromDataset } from '../cube/cube-from-dataset.js';
import { selectRows } from '../dataset/select-rows.js';
import { rowsInput } from '../dataset/org-rows.js';
import { MemoryOrgRows } from '../ingest/rows/memory-org-rows.js';
import { loadRegions } from '../ingest/regions/load-regions.js';
import { regionsPathFor } from '../ingest/profile/load-profile.js';
import { schemaValidator } from '../ingest/read-json-config.js';
import { buildResults, serializeResultsParts } from '../results/build-results.js';
import { checkOwnResults } from './check-own-results.js';
import type { Results } from '../results/results.js';
import type { LoadedInputs } from '../cli/pipeline/load-inputs.js';
import type { ChartRenderer } from '../render/charts/chart-renderer.js';
import { buildChartSpecs } from '../render/charts/chart-registry.js';
import { outPath } from '../cli/output/prepare-out-dir.js';
import { writeAtomic } from '../cli/output/write-atomic.js';
import { writeResultTables } from '../cli/output/write-result-tables.js';
import { soqaVersion } from '../cli/version.js';
import { reportUnits, type ReportUnit } from './report-units.js';
import { compareUnits, type UnitComparison } from './unit-comparison.js';
import { unitIndexHtml, unitIndexMarkdown } from './unit-index.js';
import type { RunAnalysisOptions, RunEnv } from './run-types.js';

/** What {@link runUnits} works from: the whole run, done. */
export interface UnitsRun {
  context: AnalysisContext;
  inputs: LoadedInputs;
  whole: Results;
  bulletin?: BulletinYears;
  /** The staging folder. */
  outDir: string;
  renderer?: ChartRenderer;
  /** Where the units' analyses log (as `info`, prefixed with the unit's code). */
  log: Logger;
  /** Options of the whole run's results.json (each unit's adds `unit`). */
  resultOptions: Results['provenance']['options'];
}

/**
 * Write one folder per unit (`<code>/`: results.json, tables, report and charts as chosen by
 * the formats) and the index pages (index.md, index.html) linking them, with each unit's
 * comparison with the whole input (`analyses.unit`).
 *
 * @param run the whole run
 * @param options the run's options (formats, language)
 * @param env where notes and warnings go
 * @returns the comparisons, one per unit
 * @throws SoqaError E_BAD_OPTION (exit 3) for an aggregated table (no organization rows to split)
 */
export async function runUnits(run: UnitsRun, options: RunAnalysisOptions, env: RunEnv): Promise<UnitComparison[]> {
  const { context, inputs, whole, bulletin, outDir } = run;
  const dataset = inputs.ingest.dataset;
  if (!dataset || dataset.length === 0 || !dataset.cat.region)
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption(
        '--each',
        'region',
        'organization rows (an aggregated table has no rows to split; run it once per region)',
      ),
    );
  const formats = options.out?.formats ?? new Set();
  const lang = options.out?.lang ?? 'zh';
  const units = reportUnits(dataset, context.regions, parentNames(inputs, context));
  const year = bulletin?.year ?? whole.counts.years.at(-1) ?? 0;
  const comparisons = compareUnits(whole, units, year);
  const governance = new Set(context.fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const valid = schemaValidator('results.schema.json');
  const rendered = ['md', 'html', 'png', 'svg'].some((f) => formats.has(f as never));
  const render = rendered ? await import('../cli/pipeline/render-outputs.js') : undefined;
  // one unit's charts are drawn in the renderer's threads while the next unit is analysed
  let previous: (() => Promise<unknown>) | undefined;
  for (const [i, unit] of units.entries()) {
    const { results, bulletin: years } = unitResults({ run, unit, comparison: comparisons[i], governance, valid });
    const dir = outPath(outDir, unit.code);
    if (formats.has('json')) writeAtomic(outPath(dir, 'results.json'), serializeResultsParts(results));
    writeResultTables(results, dir);
    // one region: no maps, density bars or core/periphery shares of that one region
    const only = unit.level === 'region' ? oneRegionCharts(results, lang) : undefined;
    const drawing =
      render && run.renderer
        ? render.startDrawing(results, { formats, lang, renderer: run.renderer, only })
        : undefined;
    try {
      await previous?.();
    } catch (e) {
      await drawing?.close();
      throw e;
    }
    previous = render
      ? () =>
          render.renderOutputs(
            results,
            dir,
            { formats, lang, quiet: true, bulletin: years, renderer: run.renderer, drawing, only },
            env.io,
            env.log,
          )
      : undefined;
  }
  await previous?.();
  const target = formats.has('html') ? 'report.html' : formats.has('md') ? 'report.md' : 'results.json';
  const index = {
    units: comparisons,
    target,
    whole: formats.has('html') || formats.has('md') || formats.has('json') ? target : null,
    input: whole.provenance.inputs.map((s) => s.file).join(', '),
    synthetic: whole.notice ? { en: whole.notice.en, zh: whole.notice.zh } : null,
    lang,
  };
  writeAtomic(outPath(outDir, 'index.md'), unitIndexMarkdown(index));
  writeAtomic(outPath(outDir, 'index.html'), unitIndexHtml(index));
  return comparisons;
}

/** What {@link unitResults} works from. */
interface UnitJob {
  run: UnitsRun;
  unit: ReportUnit;
  comparison: UnitComparison;
  governance: ReadonlySet<string>;
  valid: ReturnType<typeof schemaValidator>;
}

/**
 * One unit's results: its rows selected from the run's dataset, summed into a cube, every
 * analysis run on them with the unit's regions (the spatial section skipped with its note
 * when the unit is one region), the bulletin when both its years are in the unit's rows, and
 * `analyses.unit`.
 */
function unitResults(job: UnitJob): { results: Results; bulletin?: BulletinYears } {
  const { run, unit, comparison } = job;
  const { context, inputs, bulletin } = job.run;
  const dataset = inputs.ingest.dataset!;
  const ds = selectRows(dataset, unit.rows);
  // a registry list's units are counted as of the whole list's latest year
  const asOf = dataset.shape === 'registry' ? context.cube.years.at(-1) : undefined;
  const cube = cubeFromDataset(ds, { governanceFields: job.governance, asOf });
  // the unit's warnings mostly repeat the whole run's (printed already): kept as notes, named by unit
  const log = createLogger((e) => run.log.info(e.code, `${unit.code}: ${e.message}`));
  const ctx: AnalysisContext = { ...context, cube, rows: rowsInput(new MemoryOrgRows(ds)), regions: unit.regions, log };
  // one region: the spatial sections have nothing to compare, and say so
  const note = comparison.spatialNote;
  const analyses = runAnalyses(
    ctx,
    ANALYSES.map((a) => a.name).filter((n) => !(note && n === 'spatial')),
  );
  if (note) analyses.spatial = { skipped: true, reason: 'one-region', notes: [{ code: 'N_ONE_REGION', ...note }] };
  const both = bulletin && cube.years.includes(bulletin.year) && cube.years.includes(bulletin.compare);
  if (both) analyses.bulletin = bulletinSection(ctx, bulletin);
  analyses.unit = { ...comparison };
  const results = buildResults({
    version: soqaVersion(),
    ingest: inputs.ingest,
    cube,
    regions: unit.regions,
    profileId: inputs.profile.id,
    options: { ...run.resultOptions, unit: unit.code },
    synthetic: inputs.synthetic,
    analyses,
  });
  checkOwnResults(job.valid, results, `results.json of ${unit.code}`);
  return { results, bulletin: both ? bulletin : undefined };
}

/** Charts that compare regions, left out of a one-region unit's report. */
const REGION_CHARTS = /^(map-|region-density$|zone-shares$)/;

/**
 * The charts of a one-region unit: those with data, less the maps and the charts comparing
 * regions (one region compared with itself).
 *
 * @param results the unit's results
 * @param lang the language
 * @returns the chart names
 */
function oneRegionCharts(results: Results, lang: 'zh' | 'en'): string[] {
  return [...buildChartSpecs(results, lang).keys()].filter((n) => !REGION_CHARTS.test(n));
}

/** Names of the parent units (prefectures, leagues) of a county-level run, from china-prefectures. */
function parentNames(inputs: LoadedInputs, context: AnalysisContext): Map<string, { zh: string; en: string }> {
  const parents = new Set(context.regions.regions.map((r) => r.parent));
  if (parents.has(undefined) || parents.size < 2) return new Map();
  const prefectures = loadRegions(regionsPathFor(inputs.profile, 'china-prefectures'));
  return new Map(prefectures.regions.map((r) => [r.code, { zh: r.zh, en: r.en }]));
}
