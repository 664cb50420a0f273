/**
 * The yearly bulletin's "what changed" section: the bulletin year against an earlier year,
 * built from the numbers of results.json (counts, spatial series, composite scores, tension
 * units, staff, and the warnings of `analyses.bulletin`).
 */
import { isSkipped, type BulletinSection, type TensionUnitRow } from '../../../results/section-types.js';
import { ORG_TYPES } from '../../../dataset/fields.js';
import { t } from '../../charts/labels.js';
import { ranSection } from '../../results-view.js';
import type { Block, Cell, Inline } from '../report-model.js';
import { rt } from '../report-text.js';
import { note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

/** The two years of a bulletin. */
export interface BulletinYears {
  year: number;
  compare: number;
}

/** One part of the section: its lines in the list of main changes, and its blocks below the list. */
interface Part {
  items: Inline[][];
  blocks: Block[];
}

const NOTHING: Part = { items: [], blocks: [] };

/**
 * The bulletin years of a report: the ones given, else those of `results.analyses.bulletin`
 * (written by `soqa analyze --year/--compare`), else none.
 *
 * @example
 * bulletinYears(results, undefined); // => { year: 2024, compare: 2023 } after analyze --year 2024 --compare 2023
 */
export function bulletinYears(
  results: ReportContext['results'],
  given: BulletinYears | null | undefined,
): BulletinYears | null {
  if (given) return given;
  const b = results.analyses.bulletin;
  return b && b.compare < b.year ? { year: b.year, compare: b.compare } : null;
}

/** Organization types in their usual order. */
const ORDER: readonly string[] = ORG_TYPES;

function signedInt(ctx: ReportContext, x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${ctx.f.int(Math.abs(x))}`;
}

/** Relative change a → b, null when a is 0. */
const rel = (a: number, b: number): number | null => (a > 0 ? b / a - 1 : null);

/** A line of the list of main changes: the part's label in bold, then the text. */
function label(ctx: ReportContext, key: Parameters<typeof rt>[0], text: string): Inline[] {
  return [
    { strong: `${rt(key, ctx.lang)}${pick(ctx.lang, { zh: '：', en: ':' })}` },
    `${pick(ctx.lang, { zh: '', en: ' ' })}${text}`,
  ];
}

/** Counts by type in the two years, with the total; null when either year has none. */
function typeCounts(
  ctx: ReportContext,
  y: BulletinYears,
): { rows: { type: string; a: number; b: number }[]; a: number; b: number } | null {
  const cells = ctx.results.counts.byYearType;
  const at = (year: number, type: string) =>
    cells.filter((c) => c.year === year && c.type === type).reduce((s, c) => s + c.count, 0);
  const types = [...new Set(cells.map((c) => c.type))].sort(
    (p, q) => (ORDER.indexOf(p) + 1 || 99) - (ORDER.indexOf(q) + 1 || 99) || (p < q ? -1 : 1),
  );
  const rows = types
    .map((type) => ({ type, a: at(y.compare, type), b: at(y.year, type) }))
    .filter((r) => r.a > 0 || r.b > 0);
  const total = (year: number) => ctx.results.counts.byYear.find((c) => c.year === year);
  const a = total(y.compare)?.count ?? rows.reduce((s, r) => s + r.a, 0);
  const b = total(y.year)?.count ?? rows.reduce((s, r) => s + r.b, 0);
  return a > 0 || b > 0 ? { rows, a, b } : null;
}

const typeName = (ctx: ReportContext, type: string): string =>
  ORDER.includes(type) ? t(`type.${type}` as 'type.other', ctx.lang) : type;

/** Size and type mix: the line and the table of counts by type, or a note when a year has no counts. */
function sizePart(ctx: ReportContext, y: BulletinYears): Part {
  const { f, lang } = ctx;
  const tc = typeCounts(ctx, y);
  if (!tc)
    return {
      items: [],
      blocks: [
        note(
          pick(lang, {
            zh: `计数中没有${y.compare}年或${y.year}年的数据。`,
            en: `The counts have no data for ${y.compare} or ${y.year}.`,
          }),
        ),
      ],
    };
  const r = rel(tc.a, tc.b);
  const shares = tc.rows.map((x) => ({ ...x, sa: tc.a > 0 ? x.a / tc.a : 0, sb: tc.b > 0 ? x.b / tc.b : 0 }));
  const mover = shares.length ? shares.reduce((p, q) => (Math.abs(q.sb - q.sa) > Math.abs(p.sb - p.sa) ? q : p)) : null;
  const item = label(
    ctx,
    'k.scale',
    pick(lang, {
      zh: `社会组织由${f.int(tc.a)}家${tc.b >= tc.a ? '增至' : '减至'}${f.int(tc.b)}家（${signedInt(ctx, tc.b - tc.a)}，${f.signedPct(r)}）${mover ? `；${typeName(ctx, mover.type)}占比由${f.pct(mover.sa)}变为${f.pct(mover.sb)}（${f.pp(mover.sb - mover.sa)}个百分点），变化最大` : ''}。`,
      en: `organizations ${tc.b >= tc.a ? 'rose' : 'fell'} from ${f.int(tc.a)} to ${f.int(tc.b)} (${signedInt(ctx, tc.b - tc.a)}, ${f.signedPct(r)})${mover ? `; the share of ${typeName(ctx, mover.type).toLowerCase()} moved most, from ${f.pct(mover.sa)} to ${f.pct(mover.sb)} (${f.pp(mover.sb - mover.sa)} points)` : ''}.`,
    }),
  );
  const table: Block = {
    kind: 'table',
    head: [
      rt('c.type', lang),
      `${y.compare}`,
      `${y.year}`,
      rt('c.change', lang),
      rt('c.changePct', lang),
      pick(lang, { zh: `占比（${y.compare}→${y.year}）`, en: `Share (${y.compare}→${y.year})` }),
    ],
    align: ['l', 'r', 'r', 'r', 'r', 'r'],
    rows: [
      ...shares.map((x): Cell[] => [
        typeName(ctx, x.type),
        f.int(x.a),
        f.int(x.b),
        signedInt(ctx, x.b - x.a),
        f.signedPct(rel(x.a, x.b)),
        `${f.pct(x.sa)} → ${f.pct(x.sb)}`,
      ]),
      [[{ strong: rt('w.total', lang) }], f.int(tc.a), f.int(tc.b), signedInt(ctx, tc.b - tc.a), f.signedPct(r), ''],
    ],
  };
  return { items: [item], blocks: [{ kind: 'heading', level: 3, text: rt('h.changeTypes', lang) }, table] };
}

/** Core share and concentration: a line when the spatial series has the core share of both years. */
function spatialPart(ctx: ReportContext, y: BulletinYears): Part {
  const { f, lang } = ctx;
  const series = ranSection(ctx.results, 'spatial')?.series ?? [];
  const sa = series.find((x) => x.year === y.compare);
  const sb = series.find((x) => x.year === y.year);
  const ca = sa?.coreShare ?? null;
  const cb = sb?.coreShare ?? null;
  if (!sa || !sb || ca === null || cb === null) return NOTHING;
  const ga = sa.giniDensity;
  const gb = sb.giniDensity;
  const item = label(
    ctx,
    'k.spatial',
    pick(lang, {
      zh: `核心区社会组织占比由${f.pct(ca)}变为${f.pct(cb)}（${f.pp(cb - ca)}个百分点，人口占比${f.pct(sb.corePopShare)}）${ga !== null && gb !== null ? `；密度基尼系数由${f.dec(ga, 3)}变为${f.dec(gb, 3)}` : ''}。`,
      en: `the core's share of organizations went from ${f.pct(ca)} to ${f.pct(cb)} (${f.pp(cb - ca)} points; ${f.pct(sb.corePopShare)} of residents)${ga !== null && gb !== null ? `; the Gini of density from ${f.dec(ga, 3)} to ${f.dec(gb, 3)}` : ''}.`,
    }),
  );
  return { items: [item], blocks: [] };
}

/** Composite score and rank of every region in a year. */
function scoresIn(ctx: ReportContext, year: number): Map<string, { composite: number | null; rank: number | null }> {
  return new Map(
    (ctx.results.analyses.indicators?.scores ?? [])
      .filter((r) => r.year === year && r.region !== 'total')
      .map((r) => [r.region, { composite: r.composite, rank: r.rank }]),
  );
}

/** A region ranked in both years: its rank and composite score in each. */
interface RankPair {
  code: string;
  a: { composite: number | null; rank: number };
  b: { composite: number | null; rank: number };
  /** Places gained (a.rank − b.rank). */
  move: number;
}

/** The regions ranked in both years, by their rank in the bulletin year; and the first in the comparison year. */
function rankPairs(ctx: ReportContext, y: BulletinYears): { pairs: RankPair[]; firstA: string | undefined } {
  const ra = scoresIn(ctx, y.compare);
  const pairs: RankPair[] = [];
  for (const [code, v] of scoresIn(ctx, y.year)) {
    const a = ra.get(code);
    if (v.rank !== null && a && a.rank !== null)
      pairs.push({ code, a: { ...a, rank: a.rank }, b: { ...v, rank: v.rank }, move: a.rank - v.rank });
  }
  pairs.sort((p, q) => p.b.rank - q.b.rank || (p.code < q.code ? -1 : 1));
  return { pairs, firstA: [...ra.entries()].find(([, v]) => v.rank === 1)?.[0] };
}

/** The line on composite ranks: who is first, how many moved, who rose and fell most. */
function rankLine(ctx: ReportContext, pairs: readonly RankPair[], firstA: string | undefined): Inline[] {
  const { f, lang } = ctx;
  const up = pairs.reduce((p, q) => (q.move > p.move ? q : p));
  const down = pairs.reduce((p, q) => (q.move < p.move ? q : p));
  const moved = pairs.filter((m) => m.move !== 0).length;
  const firstB = pairs[0].code;
  const head =
    firstA === firstB
      ? pick(lang, { zh: `${ctx.region(firstB)}仍居综合得分第一`, en: `${ctx.region(firstB)} still ranks first` })
      : pick(lang, {
          zh: `综合得分第一由${firstA ? ctx.region(firstA) : '—'}变为${ctx.region(firstB)}`,
          en: `first place passed from ${firstA ? ctx.region(firstA) : '—'} to ${ctx.region(firstB)}`,
        });
  const detail =
    moved === 0
      ? pick(lang, { zh: '，各地区排名均未变化', en: '; no region changed rank' })
      : pick(lang, {
          zh: `，${moved}个地区排名变化${up.move > 0 ? `，上升最多的是${ctx.region(up.code)}（${f.int(up.move)}位）` : ''}${down.move < 0 ? `，下降最多的是${ctx.region(down.code)}（${f.int(-down.move)}位）` : ''}`,
          en: `; ${moved} region${moved === 1 ? '' : 's'} changed rank${up.move > 0 ? `, ${ctx.region(up.code)} rose most (${f.int(up.move)} place${up.move === 1 ? '' : 's'})` : ''}${down.move < 0 ? `, ${ctx.region(down.code)} fell most (${f.int(-down.move)} place${down.move === -1 ? '' : 's'})` : ''}`,
        });
  return label(ctx, 'k.composite', `${head}${detail}${pick(lang, { zh: '。', en: '.' })}`);
}

/** Composite ranks: the line and the table of ranks when at least two regions are ranked in both years. */
function rankPart(ctx: ReportContext, y: BulletinYears): Part {
  const { f, lang } = ctx;
  const { pairs, firstA } = rankPairs(ctx, y);
  if (pairs.length < 2)
    return ctx.results.analyses.indicators
      ? {
          items: [],
          blocks: [
            note(
              pick(lang, {
                zh: `综合得分缺少${y.compare}年或${y.year}年的地区排名。`,
                en: `The composite scores lack the regions' ranks for ${y.compare} or ${y.year}.`,
              }),
            ),
          ],
        }
      : NOTHING;
  const table: Block = {
    kind: 'table',
    head: [
      rt('c.region', lang),
      pick(lang, { zh: `${y.compare}年排名`, en: `Rank ${y.compare}` }),
      pick(lang, { zh: `${y.year}年排名`, en: `Rank ${y.year}` }),
      rt('c.change', lang),
      pick(lang, { zh: `${y.compare}年综合得分`, en: `Composite ${y.compare}` }),
      pick(lang, { zh: `${y.year}年综合得分`, en: `Composite ${y.year}` }),
    ],
    align: ['l', 'r', 'r', 'r', 'r', 'r'],
    rows: pairs.map(({ code, a, b, move }): Cell[] => [
      ctx.region(code),
      f.int(a.rank),
      f.int(b.rank),
      move > 0 ? `↑${f.int(move)}` : move < 0 ? `↓${f.int(-move)}` : '—',
      f.dec(a.composite, 3),
      f.dec(b.composite, 3),
    ]),
  };
  return {
    items: [rankLine(ctx, pairs, firstA)],
    blocks: [{ kind: 'heading', level: 3, text: rt('h.changeRanks', lang) }, table],
  };
}

/** A tension unit whose coordination class is known. */
type ClassedUnit = TensionUnitRow & { classIndex: number };

/** Tension units of a year with a coordination class, by tension and region. */
function tensionUnits(ctx: ReportContext, year: number): Map<string, ClassedUnit> {
  const out = new Map<string, ClassedUnit>();
  for (const tn of ctx.results.analyses.tension?.tensions ?? []) {
    for (const u of tn.units) {
      const classIndex = u.classIndex;
      if (u.year === year && classIndex !== null) out.set(`${tn.id}|${u.region}`, { ...u, classIndex });
    }
  }
  return out;
}

/** A region × tension pair whose coordination class changed. */
interface ClassChange {
  tension: string;
  region: string;
  a: ClassedUnit;
  b: ClassedUnit;
}

/** The pairs with a class in both years, those that changed, and how many regions moved up or down. */
function classChanges(
  ctx: ReportContext,
  y: BulletinYears,
): { pairs: number; better: number; worse: number; changed: ClassChange[] } {
  const ua = tensionUnits(ctx, y.compare);
  const changed: ClassChange[] = [];
  let better = 0;
  let worse = 0;
  let pairs = 0;
  for (const [key, b] of tensionUnits(ctx, y.year)) {
    const a = ua.get(key);
    if (!a) continue;
    const [tension, region] = key.split('|');
    if (region !== 'total') pairs++;
    const d = b.classIndex - a.classIndex;
    if (d === 0) continue;
    if (region !== 'total') {
      if (d > 0) better++;
      else worse++;
    }
    changed.push({ tension, region, a, b });
  }
  return { pairs, better, worse, changed };
}

/** The table of the tension classes that changed. */
function classTable(ctx: ReportContext, y: BulletinYears, changed: readonly ClassChange[]): Block {
  const { f, lang } = ctx;
  const names = new Map((ctx.results.analyses.tension?.tensions ?? []).map((tn) => [tn.id, tn[lang]]));
  return {
    kind: 'table',
    head: [
      pick(lang, { zh: '张力', en: 'Tension' }),
      rt('c.region', lang),
      pick(lang, { zh: `${y.compare}年等级`, en: `Class ${y.compare}` }),
      pick(lang, { zh: `${y.year}年等级`, en: `Class ${y.year}` }),
      pick(lang, { zh: `D（${y.compare}→${y.year}）`, en: `D (${y.compare}→${y.year})` }),
    ],
    align: ['l', 'l', 'l', 'l', 'r'],
    rows: changed.map((c): Cell[] => [
      names.get(c.tension) ?? c.tension,
      c.region === 'total' ? [{ strong: rt('w.allRegions', lang) }] : ctx.region(c.region),
      c.a[lang] ?? '—',
      `${c.b[lang] ?? '—'} ${c.b.classIndex > c.a.classIndex ? '↑' : '↓'}`,
      `${f.dec(c.a.D, 3)} → ${f.dec(c.b.D, 3)}`,
    ]),
  };
}

/** Tension classes: the line and the table of the classes that changed. */
function tensionPart(ctx: ReportContext, y: BulletinYears): Part {
  const { lang } = ctx;
  if (!ctx.results.analyses.tension) return NOTHING;
  const { pairs, better, worse, changed } = classChanges(ctx, y);
  if (pairs === 0) return NOTHING;
  const item = label(
    ctx,
    'k.tension',
    changed.length === 0
      ? pick(lang, {
          zh: `${pairs}个“地区×张力”组合的协调等级均未变化。`,
          en: `none of the ${pairs} region × tension pairs changed coordination class.`,
        })
      : pick(lang, {
          zh: `${pairs}个“地区×张力”组合中，${better}个协调等级上升、${worse}个下降。`,
          en: `of ${pairs} region × tension pairs, ${better} moved up a coordination class and ${worse} down.`,
        }),
  );
  return {
    items: [item],
    blocks: changed.length
      ? [{ kind: 'heading', level: 3, text: rt('h.changeTension', lang) }, classTable(ctx, y, changed)]
      : [],
  };
}

/** Staff: a line when both years have certified social workers. */
function staffPart(ctx: ReportContext, y: BulletinYears): Part {
  const { f, lang } = ctx;
  const byYear = ctx.results.analyses.staff?.byYear ?? [];
  const cert = (year: number) => byYear.find((x) => x.year === year)?.all.certified ?? null;
  const ca = cert(y.compare);
  const cb = cert(y.year);
  if (!ca || !cb) return NOTHING;
  const sa = ca.shares?.senior ?? null;
  const sb = cb.shares?.senior ?? null;
  const item = label(
    ctx,
    'k.staff',
    pick(lang, {
      zh: `持证社会工作者由${f.int(ca.total)}人变为${f.int(cb.total)}人（${signedInt(ctx, cb.total - ca.total)}）${sa !== null && sb !== null ? `，高级社会工作师占比由${f.pct(sa)}变为${f.pct(sb)}` : ''}。`,
      en: `certified social workers went from ${f.int(ca.total)} to ${f.int(cb.total)} (${signedInt(ctx, cb.total - ca.total)})${sa !== null && sb !== null ? `; the senior share from ${f.pct(sa)} to ${f.pct(sb)}` : ''}.`,
    }),
  );
  return { items: [item], blocks: [] };
}

type Warnings = NonNullable<BulletinSection['warnings']>;

/** The table of warnings by rule (the rules applied) with its note; nothing when no rule was applied. */
function warningTable(ctx: ReportContext, y: BulletinYears, w: Warnings): Block[] {
  const { f, lang } = ctx;
  const rules = w.byRule.filter((r) => r.applied !== false);
  if (!rules.length) return [];
  return [
    { kind: 'heading', level: 3, text: rt('h.changeWarnings', lang) },
    {
      kind: 'table',
      head: [
        rt('c.rule', lang),
        pick(lang, { zh: `截至${y.compare}年`, en: `As of ${y.compare}` }),
        pick(lang, { zh: `截至${y.year}年`, en: `As of ${y.year}` }),
        rt('c.change', lang),
        pick(lang, { zh: '新增', en: 'New' }),
      ],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: rules.map((r): Cell[] => [
        r[lang],
        f.int(r.compare),
        f.int(r.year),
        signedInt(ctx, r.year - r.compare),
        f.int(r.new),
      ]),
    },
    note(
      pick(lang, {
        zh: '按被预警组织计数（一个组织可触发多条规则）；“新增”为截至本年触发该规则、但截至比较年未触发的组织。',
        en: 'Counted in flagged organizations (one organization can trigger several rules); "new": organizations that trigger the rule as of the bulletin year but did not as of the comparison year.',
      }),
    ),
  ];
}

/**
 * Warnings: the line and the table by rule when the bulletin section compares these years;
 * its notes when it has no warnings; else a line saying how to compute them (unless
 * supervision was skipped).
 */
function warningPart(ctx: ReportContext, y: BulletinYears): Part {
  const { f, lang } = ctx;
  const b = ctx.results.analyses.bulletin;
  const these = b !== undefined && b.year === y.year && b.compare === y.compare;
  const w = these ? b.warnings : null;
  if (w) {
    const { year: now, compare: before, newBySeverity: nb } = w;
    const item = label(
      ctx,
      'k.supervision',
      pick(lang, {
        zh: `被预警组织由${f.int(before.flagged)}个变为${f.int(now.flagged)}个；新增${f.int(w.newlyFlagged)}个（高${f.int(nb.high)}、中${f.int(nb.medium)}、低${f.int(nb.low)}），${f.int(w.noLongerFlagged)}个不再被预警。`,
        en: `flagged organizations went from ${f.int(before.flagged)} to ${f.int(now.flagged)}: ${f.int(w.newlyFlagged)} newly flagged (${f.int(nb.high)} high, ${f.int(nb.medium)} medium, ${f.int(nb.low)} low), ${f.int(w.noLongerFlagged)} no longer flagged.`,
      }),
    );
    return { items: [item], blocks: warningTable(ctx, y, w) };
  }
  if (these)
    return {
      items: b.notes
        .map((n) => n[lang])
        .filter((text) => text !== '')
        .map((text) => [text]),
      blocks: [],
    };
  if (isSkipped(ctx.results.analyses.supervision)) return NOTHING;
  const item: Inline[] = [
    pick(lang, {
      zh: `新增预警：结果文件中没有${y.compare}年与${y.year}年的预警比较；用 soqa analyze --year ${y.year} --compare ${y.compare} 重新计算即可得到。`,
      en: `New warnings: the results file holds no comparison of the warnings of ${y.compare} and ${y.year}; soqa analyze --year ${y.year} --compare ${y.compare} computes it.`,
    }),
  ];
  return { items: [item], blocks: [] };
}

/**
 * The "what changed" section of the yearly bulletin: a list of the main changes (size, type
 * mix, core share, composite ranks, tension classes, staff, warnings), then tables of the
 * counts by type, the composite ranks, the tension classes that changed, and the warnings
 * by rule. Parts whose numbers are missing for either year are left out with a line saying
 * so.
 *
 * @param ctx report context
 * @param y the bulletin year and the year it is compared with
 * @returns the section's blocks (without its heading)
 */
export function changesSection(ctx: ReportContext, y: BulletinYears): Block[] {
  const parts = [sizePart, spatialPart, rankPart, tensionPart, staffPart, warningPart].map((part) => part(ctx, y));
  const intro = para(
    pick(ctx.lang, {
      zh: `本节比较${y.year}年与${y.compare}年的数字；“变化”均为${y.year}年减${y.compare}年。`,
      en: `This section compares ${y.year} with ${y.compare}; every change is ${y.year} minus ${y.compare}.`,
    }),
  );
  return [intro, { kind: 'list', items: parts.flatMap((p) => p.items) }, ...parts.flatMap((p) => p.blocks)];
}
