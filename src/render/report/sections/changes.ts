/**
 * The yearly bulletin's "what changed" section: the bulletin year against an earlier year,
 * built from the numbers of results.json (counts, spatial series, composite scores, tension
 * units, staff, and the warnings of `analyses.bulletin`).
 */
import { ORG_TYPES } from '../../../dataset/fields.js';
import { t } from '../../charts/labels.js';
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block, Cell, Inline } from '../report-model.js';
import { rt } from '../report-text.js';
import { note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

/** The two years of a bulletin. */
export interface BulletinYears {
  year: number;
  compare: number;
}

type Row = Record<string, unknown>;

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
  const b = analysisSection(results, 'bulletin');
  const year = num(b?.year);
  const compare = num(b?.compare);
  return year !== null && compare !== null && compare < year ? { year, compare } : null;
}

/** Organization types in their usual order. */
const ORDER: readonly string[] = ORG_TYPES;

function signedInt(ctx: ReportContext, x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${ctx.f.int(Math.abs(x))}`;
}

/** Relative change a → b, null when a is 0. */
const rel = (a: number, b: number): number | null => (a > 0 ? b / a - 1 : null);

/** Counts by type in the two years, with the total; null when either year has none. */
function typeCounts(
  ctx: ReportContext,
  y: BulletinYears,
): { rows: { type: string; a: number; b: number }[]; a: number; b: number } | null {
  const cells = arr<unknown>(ctx.results.counts?.byYearType).filter(isObj);
  const at = (year: number, type: string) =>
    cells.filter((c) => num(c.year) === year && c.type === type).reduce((s, c) => s + (num(c.count) ?? 0), 0);
  const types = [...new Set(cells.map((c) => String(c.type)))].sort(
    (p, q) => (ORDER.indexOf(p) + 1 || 99) - (ORDER.indexOf(q) + 1 || 99) || (p < q ? -1 : 1),
  );
  const rows = types
    .map((type) => ({ type, a: at(y.compare, type), b: at(y.year, type) }))
    .filter((r) => r.a > 0 || r.b > 0);
  const total = (year: number) =>
    arr<unknown>(ctx.results.counts?.byYear)
      .filter(isObj)
      .find((c) => num(c.year) === year);
  const a = num(total(y.compare)?.count) ?? rows.reduce((s, r) => s + r.a, 0);
  const b = num(total(y.year)?.count) ?? rows.reduce((s, r) => s + r.b, 0);
  return a > 0 || b > 0 ? { rows, a, b } : null;
}

const typeName = (ctx: ReportContext, type: string): string =>
  ORDER.includes(type) ? t(`type.${type}` as 'type.other', ctx.lang) : type;

/** Composite score and rank of every region in a year. */
function scoresIn(ctx: ReportContext, year: number): Map<string, { composite: number | null; rank: number | null }> {
  const s = analysisSection(ctx.results, 'indicators');
  return new Map(
    arr<unknown>(s?.scores)
      .filter(isObj)
      .filter((r) => num(r.year) === year && r.region !== 'total' && typeof r.region === 'string')
      .map((r) => [String(r.region), { composite: num(r.composite), rank: num(r.rank) }]),
  );
}

/** Tension units of a year by tension and region. */
function tensionUnits(ctx: ReportContext, year: number): Map<string, Row> {
  const s = analysisSection(ctx.results, 'tension');
  const out = new Map<string, Row>();
  for (const tn of arr<unknown>(s?.tensions).filter(isObj)) {
    for (const u of arr<unknown>(tn.units).filter(isObj))
      if (num(u.year) === year && num(u.classIndex) !== null) out.set(`${String(tn.id)}|${String(u.region)}`, u);
  }
  return out;
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
  const { f, lang } = ctx;
  const blocks: Block[] = [];
  const items: Inline[][] = [];
  const label = (key: Parameters<typeof rt>[0], text: string): Inline[] => [
    { strong: `${rt(key, lang)}${pick(lang, { zh: '：', en: ':' })}` },
    `${pick(lang, { zh: '', en: ' ' })}${text}`,
  ];
  blocks.push(
    para(
      pick(lang, {
        zh: `本节比较${y.year}年与${y.compare}年的数字；“变化”均为${y.year}年减${y.compare}年。`,
        en: `This section compares ${y.year} with ${y.compare}; every change is ${y.year} minus ${y.compare}.`,
      }),
    ),
  );

  // size and type mix
  const tc = typeCounts(ctx, y);
  if (tc) {
    const r = rel(tc.a, tc.b);
    const shares = tc.rows.map((x) => ({ ...x, sa: tc.a > 0 ? x.a / tc.a : 0, sb: tc.b > 0 ? x.b / tc.b : 0 }));
    const mover = shares.length
      ? shares.reduce((p, q) => (Math.abs(q.sb - q.sa) > Math.abs(p.sb - p.sa) ? q : p))
      : null;
    items.push(
      label(
        'k.scale',
        pick(lang, {
          zh: `社会组织由${f.int(tc.a)}家${tc.b >= tc.a ? '增至' : '减至'}${f.int(tc.b)}家（${signedInt(ctx, tc.b - tc.a)}，${f.signedPct(r)}）${mover ? `；${typeName(ctx, mover.type)}占比由${f.pct(mover.sa)}变为${f.pct(mover.sb)}（${f.pp(mover.sb - mover.sa)}个百分点），变化最大` : ''}。`,
          en: `organizations ${tc.b >= tc.a ? 'rose' : 'fell'} from ${f.int(tc.a)} to ${f.int(tc.b)} (${signedInt(ctx, tc.b - tc.a)}, ${f.signedPct(r)})${mover ? `; the share of ${typeName(ctx, mover.type).toLowerCase()} moved most, from ${f.pct(mover.sa)} to ${f.pct(mover.sb)} (${f.pp(mover.sb - mover.sa)} points)` : ''}.`,
        }),
      ),
    );
    blocks.push({ kind: 'heading', level: 3, text: rt('h.changeTypes', lang) });
    blocks.push({
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
    });
  } else
    blocks.push(
      note(
        pick(lang, {
          zh: `计数中没有${y.compare}年或${y.year}年的数据。`,
          en: `The counts have no data for ${y.compare} or ${y.year}.`,
        }),
      ),
    );

  // core share and concentration
  const spatial = analysisSection(ctx.results, 'spatial');
  const series = arr<unknown>(spatial?.series).filter(isObj);
  const sa = series.find((x) => num(x.year) === y.compare);
  const sb = series.find((x) => num(x.year) === y.year);
  if (sa && sb && num(sa.coreShare) !== null && num(sb.coreShare) !== null) {
    const ca = num(sa.coreShare) as number;
    const cb = num(sb.coreShare) as number;
    const ga = num(sa.giniDensity);
    const gb = num(sb.giniDensity);
    items.push(
      label(
        'k.spatial',
        pick(lang, {
          zh: `核心区社会组织占比由${f.pct(ca)}变为${f.pct(cb)}（${f.pp(cb - ca)}个百分点，人口占比${f.pct(num(sb.corePopShare))}）${ga !== null && gb !== null ? `；密度基尼系数由${f.dec(ga, 3)}变为${f.dec(gb, 3)}` : ''}。`,
          en: `the core's share of organizations went from ${f.pct(ca)} to ${f.pct(cb)} (${f.pp(cb - ca)} points; ${f.pct(num(sb.corePopShare))} of residents)${ga !== null && gb !== null ? `; the Gini of density from ${f.dec(ga, 3)} to ${f.dec(gb, 3)}` : ''}.`,
        }),
      ),
    );
  }

  // composite ranks
  const ra = scoresIn(ctx, y.compare);
  const rb = scoresIn(ctx, y.year);
  const ranked = [...rb.entries()]
    .filter(([code, v]) => v.rank !== null && ra.get(code)?.rank != null)
    .sort((p, q) => (p[1].rank as number) - (q[1].rank as number) || (p[0] < q[0] ? -1 : 1));
  if (ranked.length >= 2) {
    const moves = ranked.map(([code, v]) => ({ code, move: (ra.get(code)!.rank as number) - (v.rank as number) }));
    const up = moves.reduce((p, q) => (q.move > p.move ? q : p));
    const down = moves.reduce((p, q) => (q.move < p.move ? q : p));
    const moved = moves.filter((m) => m.move !== 0).length;
    const firstA = [...ra.entries()].find(([, v]) => v.rank === 1)?.[0];
    const firstB = ranked[0][0];
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
    items.push(label('k.composite', `${head}${detail}${pick(lang, { zh: '。', en: '.' })}`));
    blocks.push({ kind: 'heading', level: 3, text: rt('h.changeRanks', lang) });
    blocks.push({
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
      rows: ranked.map(([code, v]): Cell[] => {
        const a = ra.get(code)!;
        const move = (a.rank as number) - (v.rank as number);
        return [
          ctx.region(code),
          f.int(a.rank),
          f.int(v.rank),
          move > 0 ? `↑${f.int(move)}` : move < 0 ? `↓${f.int(-move)}` : '—',
          f.dec(a.composite, 3),
          f.dec(v.composite, 3),
        ];
      }),
    });
  } else if (analysisSection(ctx.results, 'indicators'))
    blocks.push(
      note(
        pick(lang, {
          zh: `综合得分缺少${y.compare}年或${y.year}年的地区排名。`,
          en: `The composite scores lack the regions' ranks for ${y.compare} or ${y.year}.`,
        }),
      ),
    );

  // tension classes
  const tension = analysisSection(ctx.results, 'tension');
  if (tension) {
    const ua = tensionUnits(ctx, y.compare);
    const ub = tensionUnits(ctx, y.year);
    const names = new Map(
      arr<unknown>(tension.tensions)
        .filter(isObj)
        .map((tn) => [String(tn.id), str(lang === 'zh' ? tn.zh : tn.en) ?? String(tn.id)]),
    );
    const changed: { tension: string; region: string; a: Row; b: Row }[] = [];
    let better = 0;
    let worse = 0;
    let pairs = 0;
    for (const [key, b] of ub) {
      const a = ua.get(key);
      if (!a) continue;
      const [tid, region] = key.split('|');
      if (region !== 'total') pairs++;
      const d = (num(b.classIndex) as number) - (num(a.classIndex) as number);
      if (d === 0) continue;
      if (region !== 'total') {
        if (d > 0) better++;
        else worse++;
      }
      changed.push({ tension: tid, region, a, b });
    }
    if (pairs > 0) {
      items.push(
        label(
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
        ),
      );
      if (changed.length) {
        blocks.push({ kind: 'heading', level: 3, text: rt('h.changeTension', lang) });
        blocks.push({
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
            str(lang === 'zh' ? c.a.zh : c.a.en) ?? '—',
            `${str(lang === 'zh' ? c.b.zh : c.b.en) ?? '—'} ${(num(c.b.classIndex) as number) > (num(c.a.classIndex) as number) ? '↑' : '↓'}`,
            `${f.dec(num(c.a.D), 3)} → ${f.dec(num(c.b.D), 3)}`,
          ]),
        });
      }
    }
  }

  // staff
  const staff = analysisSection(ctx.results, 'staff');
  const sy = (year: number) =>
    arr<unknown>(staff?.byYear)
      .filter(isObj)
      .find((x) => num(x.year) === year);
  const cert = (x: Row | undefined) => (isObj(x?.all) && isObj(x.all.certified) ? x.all.certified : null);
  const ca = cert(sy(y.compare));
  const cb = cert(sy(y.year));
  if (ca && cb && num(ca.total) !== null && num(cb.total) !== null) {
    const sa2 = isObj(ca.shares) ? num(ca.shares.senior) : null;
    const sb2 = isObj(cb.shares) ? num(cb.shares.senior) : null;
    items.push(
      label(
        'k.staff',
        pick(lang, {
          zh: `持证社会工作者由${f.int(num(ca.total))}人变为${f.int(num(cb.total))}人（${signedInt(ctx, (num(cb.total) as number) - (num(ca.total) as number))}）${sa2 !== null && sb2 !== null ? `，高级社会工作师占比由${f.pct(sa2)}变为${f.pct(sb2)}` : ''}。`,
          en: `certified social workers went from ${f.int(num(ca.total))} to ${f.int(num(cb.total))} (${signedInt(ctx, (num(cb.total) as number) - (num(ca.total) as number))})${sa2 !== null && sb2 !== null ? `; the senior share from ${f.pct(sa2)} to ${f.pct(sb2)}` : ''}.`,
        }),
      ),
    );
  }

  // warnings
  const b = analysisSection(ctx.results, 'bulletin');
  const w = b && num(b.year) === y.year && num(b.compare) === y.compare && isObj(b.warnings) ? b.warnings : null;
  if (w) {
    const now = isObj(w.year) ? w.year : {};
    const before = isObj(w.compare) ? w.compare : {};
    const nb = isObj(w.newBySeverity) ? w.newBySeverity : {};
    items.push(
      label(
        'k.supervision',
        pick(lang, {
          zh: `被预警组织由${f.int(num(before.flagged))}个变为${f.int(num(now.flagged))}个；新增${f.int(num(w.newlyFlagged))}个（高${f.int(num(nb.high))}、中${f.int(num(nb.medium))}、低${f.int(num(nb.low))}），${f.int(num(w.noLongerFlagged))}个不再被预警。`,
          en: `flagged organizations went from ${f.int(num(before.flagged))} to ${f.int(num(now.flagged))}: ${f.int(num(w.newlyFlagged))} newly flagged (${f.int(num(nb.high))} high, ${f.int(num(nb.medium))} medium, ${f.int(num(nb.low))} low), ${f.int(num(w.noLongerFlagged))} no longer flagged.`,
        }),
      ),
    );
    const rules = arr<unknown>(w.byRule)
      .filter(isObj)
      .filter((r) => r.applied !== false);
    if (rules.length) {
      blocks.push({ kind: 'heading', level: 3, text: rt('h.changeWarnings', lang) });
      blocks.push({
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
          str(lang === 'zh' ? r.zh : r.en) ?? String(r.rule),
          f.int(num(r.compare)),
          f.int(num(r.year)),
          signedInt(ctx, (num(r.year) ?? 0) - (num(r.compare) ?? 0)),
          f.int(num(r.new)),
        ]),
      });
      blocks.push(
        note(
          pick(lang, {
            zh: '按被预警组织计数（一个组织可触发多条规则）；“新增”为截至本年触发该规则、但截至比较年未触发的组织。',
            en: 'Counted in flagged organizations (one organization can trigger several rules); "new": organizations that trigger the rule as of the bulletin year but did not as of the comparison year.',
          }),
        ),
      );
    }
  } else if (b && num(b.year) === y.year && num(b.compare) === y.compare) {
    for (const n of arr<unknown>(b.notes)) {
      const text = biText(n, lang);
      if (text) items.push([text]);
    }
  } else if (analysisSection(ctx.results, 'supervision')?.skipped !== true) {
    items.push([
      pick(lang, {
        zh: `新增预警：结果文件中没有${y.compare}年与${y.year}年的预警比较；用 soqa analyze --year ${y.year} --compare ${y.compare} 重新计算即可得到。`,
        en: `New warnings: the results file holds no comparison of the warnings of ${y.compare} and ${y.year}; soqa analyze --year ${y.year} --compare ${y.compare} computes it.`,
      }),
    ]);
  }
  return [blocks[0], { kind: 'list', items }, ...blocks.slice(1)];
}
