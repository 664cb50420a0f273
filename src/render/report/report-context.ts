/**
 * What every section renderer gets: the results, the language, number formats and the
 * charts that have data (with their captions).
 */
import type { Lang } from '../charts/labels.js';
import { numberFormats, type NumberFormats } from '../format-number.js';
import type { Results } from '../../results/results.js';
import { regionName } from '../results-view.js';
import type { Block, Inline } from './report-model.js';
import { rt } from './report-text.js';
import { pick } from '../../core/lang.js';

/** Context of the section renderers. */
export interface ReportContext {
  results: Results;
  lang: Lang;
  f: NumberFormats & {
    /** A measured value with precision by magnitude: ≥ 100 whole, ≥ 1 two decimals, else three. */
    value: (x: number | null | undefined) => string;
  };
  /** Chart name → caption, for the charts that have data. */
  charts: ReadonlyMap<string, string>;
  /** Region display name. */
  region: (code: string) => string;
  /** List items joined the way the language joins them (、 or , ). */
  list: (items: readonly string[]) => string;
}

/**
 * Build the context of a report.
 *
 * @param results results.json
 * @param lang report language
 * @param charts chart name → caption of the charts that have data
 */
export function reportContext(results: Results, lang: Lang, charts: ReadonlyMap<string, string>): ReportContext {
  const nf = numberFormats(lang);
  return {
    results,
    lang,
    f: {
      ...nf,
      value: (x) =>
        typeof x !== 'number' || !Number.isFinite(x)
          ? nf.int(x)
          : Math.abs(x) >= 100
            ? nf.int(x)
            : Math.abs(x) >= 1
              ? nf.dec(x, 2)
              : nf.dec(x, 3),
    },
    charts,
    region: (code) => regionName(results, code, lang),
    list: (items) => items.join(lang === 'zh' ? '、' : ', '),
  };
}

/** The figure block of a chart when it has data, else nothing. */
export function figure(ctx: ReportContext, name: string): Block[] {
  const caption = ctx.charts.get(name);
  return caption === undefined ? [] : [{ kind: 'figure', chart: name, caption }];
}

/** A muted paragraph. */
export const note = (...inlines: Inline[]): Block => ({ kind: 'note', inlines });

/** A paragraph. */
export const para = (...inlines: Inline[]): Block => ({ kind: 'para', inlines });

/** "This analysis was not computed in this run" for a missing `results.analyses[name]`. */
export function notComputed(ctx: ReportContext, name: string): Block {
  return note(
    pick(ctx.lang, {
      zh: `本次运行没有计算这一部分：results.json 中没有 analyses.${name}（该分析未运行，或生成结果的 soqa 版本尚不包含它）。`,
      en: `Not computed in this run: results.json has no analyses.${name} (the analysis was not run, or the soqa version that wrote the file does not have it yet).`,
    }),
  );
}

/** Heading of a numbered top-level section. */
export function sectionHeading(ctx: ReportContext, n: number, key: Parameters<typeof rt>[0], id: string): Block {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const text = ctx.lang === 'zh' ? `${numerals[n - 1] ?? n}、${rt(key, 'zh')}` : `${n}. ${rt(key, 'en')}`;
  return { kind: 'heading', level: 2, text, id };
}
