/**
 * Assemble the report's document tree from results.json: title and synthetic-data notice,
 * key findings, one section per analysis, then the appendices.
 */
import type { Lang } from '../charts/labels.js';
import type { Results } from '../../results/results.js';
import { indicatorLayers } from '../charts/chart-data/indicator-charts-data.js';
import { buildChartSpecs, specTitle } from '../charts/chart-registry.js';
import { countYears } from '../results-view.js';
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

/**
 * Render one section; a section that throws says so instead of breaking the whole report. The
 * results were checked against the schema when computed or loaded, so this is a soqa bug, not
 * a results file of the wrong shape.
 */
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
  const files = r.provenance.inputs.map((i) => i.file);
  const years = countYears(r);
  const span =
    years.length === 0
      ? '—'
      : years.length === 1
        ? `${years[0]}`
        : `${years[0]}${pick(lang, { zh: '—', en: '–' })}${years[years.length - 1]}`;
  const regions = r.regions.length;
  const shapeText = rt(`shape.${r.provenance.shape}`, ctx.lang);
  return para(
    pick(lang, {
      zh: `数据：${ctx.list(files)}；${span}年；${f.int(regions)}个地区；${shapeText}。由 soqa ${r.soqa.version} 根据 results.json 生成。`,
      en: `Data: ${ctx.list(files)}; ${span}; ${f.int(regions)} ${regions === 1 ? 'region' : 'regions'}; ${shapeText}. Written by soqa ${r.soqa.version} from results.json.`,
    }),
  );
}

/** A numbered section before it is numbered: its heading (given the number) and its blocks. */
interface Numbered {
  heading: (n: number) => Block;
  render: () => Block[];
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A section whose heading is a report-text key (numbered like every top-level section). */
function keyed(ctx: ReportContext, key: Parameters<typeof rt>[0], id: string, render: () => Block[]): Numbered {
  return { heading: (n) => sectionHeading(ctx, n, key, id), render };
}

/** The bulletin's "what changed" section, or none without bulletin years. */
function changesPart(ctx: ReportContext, given: BuildReportOptions['bulletin']): Numbered[] {
  const bulletin = bulletinYears(ctx.results, given);
  if (!bulletin) return [];
  const head = pick(ctx.lang, {
    zh: `${rt('h.changes', 'zh')}：${bulletin.year}年与${bulletin.compare}年相比`,
    en: `${rt('h.changes', 'en')}: ${bulletin.year} against ${bulletin.compare}`,
  });
  return [
    {
      heading: (n) => ({
        kind: 'heading',
        level: 2,
        text: ctx.lang === 'zh' ? `${ZH_NUMERALS[n - 1] ?? n}、${head}` : `${n}. ${head}`,
        id: 'changes',
      }),
      render: () => changesSection(ctx, bulletin),
    },
  ];
}

/** One section per layer of the framework; the three default layers as "not computed" without indicators. */
function layerParts(ctx: ReportContext): Numbered[] {
  const layers = indicatorLayers(ctx.results, ctx.lang);
  if (layers.length === 0)
    return [
      keyed(ctx, 'h.composition', 'layer-composition', () => [notComputed(ctx, 'indicators')]),
      keyed(ctx, 'h.function', 'layer-function', () => [notComputed(ctx, 'indicators')]),
      keyed(ctx, 'h.output', 'layer-output', () => [notComputed(ctx, 'indicators')]),
    ];
  return layers.map((l) => {
    const known =
      l.id === 'composition'
        ? 'h.composition'
        : l.id === 'function'
          ? 'h.function'
          : l.id === 'output'
            ? 'h.output'
            : null;
    return {
      heading: (n: number): Block => ({
        kind: 'heading',
        level: 2,
        text: ctx.lang === 'zh' ? `${ZH_NUMERALS[n - 1] ?? n}、${l.name}` : `${n}. ${known ? rt(known, 'en') : l.name}`,
        id: `layer-${l.id}`,
      }),
      render: () => layerSection(ctx, l.id),
    };
  });
}

/** The numbered sections in order, each under its numbered heading; a section that fails says so. */
function numberedSections(ctx: ReportContext, bulletin: BuildReportOptions['bulletin']): Block[] {
  const parts: Numbered[] = [
    ...(ctx.results.analyses.unit ? [keyed(ctx, 'h.unit', 'unit', () => unitComparisonSection(ctx))] : []),
    keyed(ctx, 'h.findings', 'findings', () => keyFindings(ctx)),
    ...changesPart(ctx, bulletin),
    ...layerParts(ctx),
    keyed(ctx, 'h.composite', 'composite', () => compositeSection(ctx)),
    keyed(ctx, 'h.spatial', 'spatial', () => spatialSection(ctx)),
    keyed(ctx, 'h.typemix', 'type-mix', () => typeMixSection(ctx)),
    keyed(ctx, 'h.staff', 'staff', () => staffSection(ctx)),
    keyed(ctx, 'h.tension', 'tension', () => tensionSection(ctx)),
    keyed(ctx, 'h.supervision', 'supervision', () => supervisionSection(ctx)),
  ];
  return parts.flatMap((p, k): Block[] => [p.heading(k + 1), ...safely(ctx, p.render)]);
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
  const notice = results.notice?.[lang] ?? null;
  if (notice) blocks.push({ kind: 'notice', text: notice });
  blocks.push({ kind: 'heading', level: 1, text: rt('title', lang) }, subtitle(ctx));
  if (results.provenance.shape === 'aggregate') blocks.push(note(aggregateText(ctx)));
  blocks.push(...numberedSections(ctx, options.bulletin));
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
