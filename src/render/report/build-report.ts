/**
 * Assemble the report's document tree from results.json: title and synthetic-data notice,
 * key findings, one section per analysis, then the appendices.
 */
import type { Lang } from '../charts/labels.js';
import type { Results } from '../../results/results.js';
import { indicatorLayers } from '../charts/chart-data/indicator-charts-data.js';
import { buildChartSpecs, specTitle } from '../charts/chart-registry.js';
import { analysisSection, arr, countYears, isObj, str } from '../results-view.js';
import type { Block, Inline, ReportDoc } from './report-model.js';
import { rt } from './report-text.js';
import { note, para, reportContext, sectionHeading, notComputed, type ReportContext } from './report-context.js';
import { keyFindings } from './sections/findings.js';
import { compositeSection, layerSection } from './sections/indicators.js';
import { spatialSection } from './sections/spatial.js';
import { typeMixSection } from './sections/type-mix.js';
import { staffSection } from './sections/staff.js';
import { tensionSection } from './sections/tension.js';
import { supervisionSection } from './sections/supervision.js';
import { bulletinYears, changesSection } from './sections/changes.js';
import { referencesBlocks } from './sections/references.js';
import { unitComparisonSection } from './sections/unit-comparison.js';
import { aggregateText, methodsAppendix, provenanceAppendix, qualityAppendix } from './sections/appendices.js';
import { pick } from '../../core/lang.js';

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  lang: Lang;
  /**
   * Chart name → caption of the charts to show. Default: every chart of the registry that
   * has data, captioned with its title.
   */
  charts?: ReadonlyMap<string, string>;
  /**
   * Yearly bulletin: add a "what changed" section after the key findings comparing `year`
   * with `compare`. Default: the years of `results.analyses.bulletin` when present, else none.
   */
  bulletin?: { year: number; compare: number } | null;
}

/** English sentences start with a capital: the first letter of a paragraph, note or list item. */
function capitaliseFirst(b: Block): void {
  const cap = (inl: Inline[]) => {
    const first = inl[0];
    if (typeof first === 'string' && /^[a-z]/.test(first)) inl[0] = `${first[0].toUpperCase()}${first.slice(1)}`;
  };
  if (b.kind === 'para' || b.kind === 'note') cap(b.inlines);
  else if (b.kind === 'list') b.items.forEach(cap);
}

/** Render one section; a section that fails on an unexpected results shape says so instead of breaking the report. */
function safely(ctx: ReportContext, render: () => Block[]): Block[] {
  try {
    return render();
  } catch (e) {
    return [
      note(
        pick(ctx.lang, {
          zh: `本节无法从结果文件生成：${(e as Error).message}`,
          en: `This section could not be rendered from the results file: ${(e as Error).message}`,
        }),
      ),
    ];
  }
}

function subtitle(ctx: ReportContext): Block {
  const { f, lang } = ctx;
  const r = ctx.results;
  const files = arr<unknown>(r.provenance?.inputs)
    .filter(isObj)
    .map((i) => str(i.file) ?? '');
  const years = countYears(r);
  const span =
    years.length === 0
      ? '—'
      : years.length === 1
        ? `${years[0]}`
        : `${years[0]}${pick(lang, { zh: '—', en: '–' })}${years[years.length - 1]}`;
  const regions = arr<unknown>(r.regions).length;
  const shape = r.provenance?.shape;
  const shapeText =
    shape === 'panel' || shape === 'registry' || shape === 'aggregate' ? rt(`shape.${shape}`, ctx.lang) : '';
  return para(
    pick(lang, {
      zh: `数据：${ctx.list(files)}；${span}年；${f.int(regions)}个地区；${shapeText}。由 soqa ${r.soqa?.version ?? ''} 根据 results.json 生成。`,
      en: `Data: ${ctx.list(files)}; ${span}; ${f.int(regions)} ${regions === 1 ? 'region' : 'regions'}; ${shapeText}. Written by soqa ${r.soqa?.version ?? ''} from results.json.`,
    }),
  );
}

/**
 * Build the report document: the synthetic-data notice first when `results.notice` is set;
 * the title and a line on the data; in a unit's report (`--each region`) the unit beside the
 * whole input; key findings; the framework's layers (composition;
 * function; output and contribution), the composite ranking, spatial concentration, type
 * mix, staff and triple tension, each from its `results.analyses` section or a line saying
 * it was not computed; then the data-quality, methods and provenance appendices.
 *
 * @param results results.json (as parsed; validated against the schema by the caller)
 * @param options `lang`; `charts` to override which charts are shown
 * @returns the document, for `renderMarkdown`/`renderHtml`
 * @example
 * buildReport(results, { lang: 'zh' }).blocks[0]; // => { kind: 'notice', … } for the sample
 */
export function buildReport(results: Results, options: BuildReportOptions): ReportDoc {
  const { lang } = options;
  const charts =
    options.charts ?? new Map([...buildChartSpecs(results, lang)].map(([name, spec]) => [name, specTitle(spec)]));
  const ctx = reportContext(results, lang, charts);
  const blocks: Block[] = [];
  const notice = results.notice && typeof results.notice[lang] === 'string' ? results.notice[lang] : null;
  if (notice) blocks.push({ kind: 'notice', text: notice });
  blocks.push({ kind: 'heading', level: 1, text: rt('title', lang) }, subtitle(ctx));
  if (results.provenance?.shape === 'aggregate') blocks.push(note(aggregateText(ctx)));
  let n = 0;
  const section = (key: Parameters<typeof rt>[0], id: string, render: () => Block[]) => {
    n += 1;
    blocks.push(sectionHeading(ctx, n, key, id), ...safely(ctx, render));
  };
  if (analysisSection(results, 'unit')) section('h.unit', 'unit', () => unitComparisonSection(ctx));
  section('h.findings', 'findings', () => keyFindings(ctx));
  const bulletin = bulletinYears(results, options.bulletin);
  if (bulletin) {
    n += 1;
    const head = pick(ctx.lang, {
      zh: `${rt('h.changes', 'zh')}：${bulletin.year}年与${bulletin.compare}年相比`,
      en: `${rt('h.changes', 'en')}: ${bulletin.year} against ${bulletin.compare}`,
    });
    blocks.push(
      {
        kind: 'heading',
        level: 2,
        text:
          lang === 'zh'
            ? `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n - 1] ?? n}、${head}`
            : `${n}. ${head}`,
        id: 'changes',
      },
      ...safely(ctx, () => changesSection(ctx, bulletin)),
    );
  }
  const layers = indicatorLayers(results, lang);
  if (layers.length > 0) {
    for (const l of layers) {
      n += 1;
      const known =
        l.id === 'composition'
          ? 'h.composition'
          : l.id === 'function'
            ? 'h.function'
            : l.id === 'output'
              ? 'h.output'
              : null;
      const text =
        ctx.lang === 'zh'
          ? `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n - 1] ?? n}、${l.name}`
          : `${n}. ${known ? rt(known, 'en') : l.name}`;
      blocks.push(
        { kind: 'heading', level: 2, text, id: `layer-${l.id}` },
        ...safely(ctx, () => layerSection(ctx, l.id)),
      );
    }
  } else {
    section('h.composition', 'layer-composition', () => [notComputed(ctx, 'indicators')]);
    section('h.function', 'layer-function', () => [notComputed(ctx, 'indicators')]);
    section('h.output', 'layer-output', () => [notComputed(ctx, 'indicators')]);
  }
  section('h.composite', 'composite', () => compositeSection(ctx));
  section('h.spatial', 'spatial', () => spatialSection(ctx));
  section('h.typemix', 'type-mix', () => typeMixSection(ctx));
  section('h.staff', 'staff', () => staffSection(ctx));
  section('h.tension', 'tension', () => tensionSection(ctx));
  section('h.supervision', 'supervision', () => supervisionSection(ctx));
  blocks.push(
    { kind: 'heading', level: 2, text: rt('h.quality', lang), id: 'quality' },
    ...safely(ctx, () => qualityAppendix(ctx)),
  );
  blocks.push(
    { kind: 'heading', level: 2, text: rt('h.methods', lang), id: 'methods' },
    ...safely(ctx, () => methodsAppendix(ctx)),
  );
  blocks.push(
    { kind: 'heading', level: 2, text: rt('h.provenance', lang), id: 'provenance' },
    ...safely(ctx, () => provenanceAppendix(ctx)),
  );
  blocks.push(
    { kind: 'heading', level: 2, text: rt('h.references', lang), id: 'references' },
    ...referencesBlocks(ctx),
  );
  if (lang === 'en') blocks.forEach(capitaliseFirst);
  return { lang, title: rt('title', lang), blocks };
}
