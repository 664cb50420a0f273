/**
 * Triple tension (structural, adaptive, resource), from `results.analyses.tension`.
 */
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

type Row = Record<string, unknown>;

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
  const s = analysisSection(ctx.results, 'tension');
  if (!s) return [notComputed(ctx, 'tension')];
  const { f, lang } = ctx;
  const blocks: Block[] = [];
  const tensions = arr<unknown>(s.tensions).filter(isObj);
  const caveat = isObj(s.method) ? str(s.method.caveat) : null;
  if (tensions.length === 0)
    blocks.push(
      note(
        pick(lang, {
          zh: '没有可计算的张力（见下方说明）。',
          en: 'No tension could be computed (see the notes below).',
        }),
      ),
    );
  blocks.push(...figure(ctx, 'tension-lines'));
  for (const [i, t] of tensions.entries()) {
    const subs = arr<unknown>(t.subsystems).filter(isObj);
    const subName = (key: unknown): string => {
      const sub = subs.find((x) => x.key === key);
      return sub ? (str(lang === 'zh' ? sub.zh : sub.en) ?? String(key)) : '—';
    };
    const name = str(lang === 'zh' ? t.zh : t.en) ?? String(t.id);
    const pair =
      subs.length >= 2
        ? pick(lang, { zh: `（${subName('u1')}—${subName('u2')}）`, en: ` (${subName('u1')} vs ${subName('u2')})` })
        : '';
    blocks.push({ kind: 'heading', level: 3, text: `${name}${pair}` });
    const verdict = biText(t.verdict, lang);
    if (verdict) blocks.push(para(verdict));
    blocks.push(...figure(ctx, `tension-scatter-${i + 1}`), ...figure(ctx, `map-tension-${i + 1}`));
    const units = arr<unknown>(t.units).filter(isObj);
    const years = units.map((u) => num(u.year)).filter((y): y is number => y !== null);
    if (years.length === 0) continue;
    const last = Math.max(...years);
    const changes = new Map(
      arr<unknown>(t.changes)
        .filter(isObj)
        .map((c) => [String(c.region), c]),
    );
    const rows = units
      .filter((u) => num(u.year) === last)
      .sort((a, b) =>
        a.region === 'total' ? 1 : b.region === 'total' ? -1 : (num(b.tension) ?? -1) - (num(a.tension) ?? -1),
      );
    const signed3 = (x: number | null): string =>
      x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${f.dec(Math.abs(x), 3)}`;
    const cells = (u: Row): Cell[] => {
      const c = changes.get(String(u.region));
      const p05 = num(u.p05);
      const p95 = num(u.p95);
      return [
        u.region === 'total' ? [{ strong: rt('w.allRegions', lang) }] : ctx.region(String(u.region)),
        f.dec(num(u.u1), 3),
        f.dec(num(u.u2), 3),
        f.dec(num(u.D), 3),
        str(lang === 'zh' ? u.zh : u.en) ?? '—',
        f.dec(num(u.tension), 3),
        p05 !== null && p95 !== null ? `${f.dec(p05, 3)}–${f.dec(p95, 3)}${u.robust === false ? ' *' : ''}` : '—',
        u.lagging ? subName(u.lagging) : '—',
        c
          ? `${signed3(num(c.change))}${pick(lang, { zh: `（自${num(c.fromYear)}年）`, en: ` (since ${num(c.fromYear)})` })}`
          : '—',
      ];
    };
    blocks.push({
      kind: 'table',
      head: [
        rt('c.region', lang),
        `U1 ${subName('u1')}`,
        `U2 ${subName('u2')}`,
        pick(lang, { zh: '耦合协调度D', en: 'Coordination D' }),
        pick(lang, { zh: '协调等级', en: 'Class' }),
        pick(lang, { zh: '张力 1−D', en: 'Tension 1−D' }),
        pick(lang, { zh: '模拟区间（5%—95%）', en: 'Simulated (5th–95th)' }),
        pick(lang, { zh: '滞后子系统', en: 'Lagging' }),
        pick(lang, { zh: '张力变化', en: 'Change' }),
      ],
      align: ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'l', 'r'],
      rows: rows.map(cells),
    });
    if (rows.some((u) => u.robust === false))
      blocks.push(
        note(
          pick(lang, {
            zh: '* 协调等级对权重与α/β不稳健：模拟区间跨越等级界限。',
            en: '* Class not robust to the weights and α/β: the simulated interval crosses a class boundary.',
          }),
        ),
      );
  }
  if (caveat)
    blocks.push(
      note(
        pick(lang, {
          zh: '说明：伏昕（2025）提出了三重张力，但未给出测度公式；子系统、指标与方向是 soqa 的操作化，可以商榷，写在指标体系文件中（方法见附录B.4）。',
          en: 'Caveat: Fu (2025) names the three tensions but gives no formula; the subsystems, indicators and directions are soqa’s operationalisation, arguable and set in the framework file (methods in Appendix B.4).',
        }),
      ),
    );
  const notes = arr<unknown>(s.notes)
    .map((n) => biText(n, lang))
    .filter((n): n is string => n !== null);
  if (notes.length)
    blocks.push(
      { kind: 'heading', level: 3, text: rt('h.notes', lang) },
      { kind: 'list', items: notes.map((n) => [n]) },
    );
  return blocks;
}
