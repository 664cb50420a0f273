/**
 * Triple tension (structural, adaptive, resource), from `results.analyses.tension`.
 */
import type { TensionResult, TensionUnitRow } from '../../../results/section-types.js';
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

/** A subsystem's display name by key ('—' when the tension has no such subsystem). */
function subsystemName(ctx: ReportContext, t: TensionResult, key: string): string {
  return t.subsystems.find((x) => x.key === key)?.[ctx.lang] ?? '—';
}

/** One row of a tension's table: a region (or all regions) in the last year. */
function unitCells(ctx: ReportContext, t: TensionResult, u: TensionUnitRow): Cell[] {
  const { f, lang } = ctx;
  const c = [...t.changes].reverse().find((x) => x.region === u.region);
  const signed3 = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${f.dec(Math.abs(x), 3)}`;
  const { p05, p95 } = u;
  return [
    u.region === 'total' ? [{ strong: rt('w.allRegions', lang) }] : ctx.region(u.region),
    f.dec(u.u1, 3),
    f.dec(u.u2, 3),
    f.dec(u.D, 3),
    u[lang] ?? '—',
    f.dec(u.tension, 3),
    p05 !== null && p95 !== null ? `${f.dec(p05, 3)}–${f.dec(p95, 3)}${u.robust === false ? ' *' : ''}` : '—',
    u.lagging ? subsystemName(ctx, t, u.lagging) : '—',
    c ? `${signed3(c.change)}${pick(lang, { zh: `（自${c.fromYear}年）`, en: ` (since ${c.fromYear})` })}` : '—',
  ];
}

/** A tension's table of every region in the last year (all regions last), with the robustness note. */
function unitTable(ctx: ReportContext, t: TensionResult): Block[] {
  const { lang } = ctx;
  if (t.units.length === 0) return [];
  const last = Math.max(...t.units.map((u) => u.year));
  const rows = t.units
    .filter((u) => u.year === last)
    .sort((a, b) => (a.region === 'total' ? 1 : b.region === 'total' ? -1 : (b.tension ?? -1) - (a.tension ?? -1)));
  const sub = (key: string) => subsystemName(ctx, t, key);
  const table: Block = {
    kind: 'table',
    head: [
      rt('c.region', lang),
      `U1 ${sub('u1')}`,
      `U2 ${sub('u2')}`,
      pick(lang, { zh: '耦合协调度D', en: 'Coordination D' }),
      pick(lang, { zh: '协调等级', en: 'Class' }),
      pick(lang, { zh: '张力 1−D', en: 'Tension 1−D' }),
      pick(lang, { zh: '模拟区间（5%—95%）', en: 'Simulated (5th–95th)' }),
      pick(lang, { zh: '滞后子系统', en: 'Lagging' }),
      pick(lang, { zh: '张力变化', en: 'Change' }),
    ],
    align: ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'l', 'r'],
    rows: rows.map((u) => unitCells(ctx, t, u)),
  };
  if (!rows.some((u) => u.robust === false)) return [table];
  return [
    table,
    note(
      pick(lang, {
        zh: '* 协调等级对权重与α/β不稳健：模拟区间跨越等级界限。',
        en: '* Class not robust to the weights and α/β: the simulated interval crosses a class boundary.',
      }),
    ),
  ];
}

/** One tension: its heading (with the two subsystems), verdict, charts and table. */
function tensionBlocks(ctx: ReportContext, t: TensionResult, i: number): Block[] {
  const { lang } = ctx;
  const sub = (key: string) => subsystemName(ctx, t, key);
  const pair =
    t.subsystems.length >= 2
      ? pick(lang, { zh: `（${sub('u1')}—${sub('u2')}）`, en: ` (${sub('u1')} vs ${sub('u2')})` })
      : '';
  const verdict = t.verdict?.[lang];
  return [
    { kind: 'heading', level: 3, text: `${t[lang]}${pair}` },
    ...(verdict ? [para(verdict)] : []),
    ...figure(ctx, `tension-scatter-${i + 1}`),
    ...figure(ctx, `map-tension-${i + 1}`),
    ...unitTable(ctx, t),
  ];
}

/**
 * The triple-tension section: per tension, its verdict, and a table of every region in the
 * last year with both subsystem scores, the coupling coordination degree D and its class,
 * the tension 1 − D with its Monte Carlo interval, the lagging subsystem and the change
 * since the first year; the chart, the caveat and the notes.
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading)
 */
export function tensionSection(ctx: ReportContext): Block[] {
  const s = ctx.results.analyses.tension;
  if (!s) return [notComputed(ctx, 'tension')];
  const { lang } = ctx;
  const none = note(
    pick(lang, {
      zh: '没有可计算的张力（见下方说明）。',
      en: 'No tension could be computed (see the notes below).',
    }),
  );
  const caveat = note(
    pick(lang, {
      zh: '说明：伏昕（2025）提出了三重张力，但未给出测度公式；子系统、指标与方向是 soqa 的操作化，可以商榷，写在指标体系文件中（方法见附录B.4）。',
      en: 'Caveat: Fu (2025) names the three tensions but gives no formula; the subsystems, indicators and directions are soqa’s operationalisation, arguable and set in the framework file (methods in Appendix B.4).',
    }),
  );
  const notes = s.notes.map((n) => n[lang]);
  return [
    ...(s.tensions.length === 0 ? [none] : []),
    ...figure(ctx, 'tension-lines'),
    ...s.tensions.flatMap((t, i) => tensionBlocks(ctx, t, i)),
    ...(s.method.caveat ? [caveat] : []),
    ...(notes.length
      ? [
          { kind: 'heading', level: 3, text: rt('h.notes', lang) } satisfies Block,
          { kind: 'list', items: notes.map((n) => [n]) } satisfies Block,
        ]
      : []),
  ];
}
