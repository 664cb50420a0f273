/**
 * Type mix: counts and shares by organization type, with the trend tests of
 * `results.analyses.trends` when present.
 */
import { typeYearCounts } from '../../charts/chart-data/type-year-counts.js';
import { t } from '../../charts/labels.js';
import type { TrendsSection } from '../../../results/section-types.js';
import type { Block } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

/** The direction of a share trend with its p ('—' without a test). */
function shareTrendText(ctx: ReportContext, test: { z: number; p: number } | null | undefined, alpha: number): string {
  const { f, lang } = ctx;
  if (!test) return '—';
  const { z, p } = test;
  const dir = p >= alpha || z === 0 ? rt('w.noTrend', lang) : z > 0 ? rt('w.rising', lang) : rt('w.falling', lang);
  return `${dir}${pick(lang, { zh: '（', en: ' (' })}p ${p < 0.001 ? '< 0.001' : `= ${f.p(p)}`}${pick(lang, { zh: '）', en: ')' })}`;
}

/** The verdict of each type and the notes of the trends section. */
function verdictsAndNotes(ctx: ReportContext, trends: TrendsSection): Block[] {
  const { lang } = ctx;
  const blocks: Block[] = [];
  const verdicts = trends.types.flatMap((type) => {
    const v = Object.hasOwn(trends.byType, type) ? trends.byType[type].verdict[lang] : undefined;
    return v === undefined ? [] : [v];
  });
  if (verdicts.length)
    blocks.push(
      { kind: 'heading', level: 3, text: rt('h.verdicts', lang) },
      { kind: 'list', items: verdicts.map((v) => [v]) },
    );
  const notes = trends.notes.map((n) => n[lang]);
  if (notes.length)
    blocks.push(
      { kind: 'heading', level: 3, text: rt('h.notes', lang) },
      { kind: 'list', items: notes.map((n) => [n]) },
    );
  return blocks;
}

/**
 * The type-mix section: a table of each type's count and share in the first and last year
 * with its growth and share trend, the verdict per type, the charts and the notes (e.g.
 * survivorship bias of registry lists).
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading)
 */
export function typeMixSection(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const rows = typeYearCounts(ctx.results);
  const trends = ctx.results.analyses.trends;
  const blocks: Block[] = [];
  if (!rows) return [note(pick(lang, { zh: '结果中没有按类型的组织数。', en: 'The results hold no counts by type.' }))];
  const years = [...new Set(rows.map((r) => r.year))];
  const first = years[0];
  const last = years[years.length - 1];
  const types = [...new Set(rows.map((r) => r.type))];
  const count = (y: number, type: string) => rows.find((r) => r.year === y && r.type === type)?.count ?? 0;
  const total = (y: number) => rows.filter((r) => r.year === y).reduce((s, r) => s + r.count, 0);
  const byType = new Map(Object.entries(trends?.byType ?? {}));
  const alpha = trends?.alpha ?? 0.05;
  const trendCell = (type: string): string => shareTrendText(ctx, byType.get(type)?.share.test, alpha);
  const cagr = (type: string): string => {
    const c = byType.get(type)?.count.cagr ?? null;
    if (c !== null) return f.signedPct(c);
    const a = count(first, type);
    const b = count(last, type);
    return first !== last && a > 0 ? f.signedPct((b / a) ** (1 / (last - first)) - 1) : '—';
  };
  const share = (y: number, type: string) => (total(y) > 0 ? count(y, type) / total(y) : null);
  const multi = first !== last;
  blocks.push({
    kind: 'table',
    head: [
      rt('c.type', lang),
      ...(multi ? [pick(lang, { zh: `${first}年`, en: `${first}` })] : []),
      pick(lang, { zh: `${last}年`, en: `${last}` }),
      ...(multi ? [pick(lang, { zh: `${first}年占比`, en: `Share ${first}` })] : []),
      pick(lang, { zh: `${last}年占比`, en: `Share ${last}` }),
      ...(multi ? [rt('c.cagr', lang), rt('c.trend', lang)] : []),
    ],
    align: [
      'l',
      ...(multi ? ['r' as const] : []),
      'r',
      ...(multi ? ['r' as const] : []),
      'r',
      ...(multi ? ['r' as const, 'l' as const] : []),
    ],
    rows: [
      ...types.map((type) => [
        t(`type.${type}` as 'type.other', lang),
        ...(multi ? [f.int(count(first, type))] : []),
        f.int(count(last, type)),
        ...(multi ? [f.pct(share(first, type))] : []),
        f.pct(share(last, type)),
        ...(multi ? [cagr(type), trendCell(type)] : []),
      ]),
      [
        { strong: rt('w.total', lang) },
        ...(multi ? [f.int(total(first))] : []),
        f.int(total(last)),
        ...(multi ? [f.pct(total(first) > 0 ? 1 : null)] : []),
        f.pct(total(last) > 0 ? 1 : null),
        ...(multi
          ? [
              (trends?.total?.cagr ?? null) !== null
                ? f.signedPct(trends?.total?.cagr)
                : first !== last && total(first) > 0
                  ? f.signedPct((total(last) / total(first)) ** (1 / (last - first)) - 1)
                  : '—',
              '—',
            ]
          : []),
      ].map((c) => (typeof c === 'string' ? c : [c])),
    ],
  });
  blocks.push(...figure(ctx, 'type-mix-area'), ...figure(ctx, 'share-lines'));
  blocks.push(...(trends ? verdictsAndNotes(ctx, trends) : [notComputed(ctx, 'trends')]));
  return blocks;
}
