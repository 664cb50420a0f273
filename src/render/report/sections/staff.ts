/**
 * Staff: certified social workers by level and region, from `results.analyses.staff`.
 */
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';

/**
 * The staff section: the verdict on the qualification structure (and Fu (2025)'s
 * "junior-dominant, senior-scarce" claim), a table by region of certified social workers
 * by level, senior share, certified per 1,000 residents, structure, full-time and college
 * shares, the chart, the rule and the notes; or why it was skipped.
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading)
 */
export function staffSection(ctx: ReportContext): Block[] {
  const s = analysisSection(ctx.results, 'staff');
  const { f, bi, lang } = ctx;
  if (!s) return [notComputed(ctx, 'staff')];
  const notes = arr<unknown>(s.notes)
    .map((n) => biText(n, lang))
    .filter((n): n is string => n !== null);
  const columns = isObj(s.columns) ? s.columns : {};
  const absent = arr<unknown>(columns.absent).map(String);
  if (s.skipped === true) {
    return [
      note(
        bi(
          `人才队伍分析已跳过：输入数据没有人员相关的列（${ctx.list(absent)}）。`,
          `The staff analysis was skipped: the input has none of the staff columns (${ctx.list(absent)}).`,
        ),
      ),
      ...notes.map((n) => note(n)),
    ];
  }
  const blocks: Block[] = [];
  const years = arr<unknown>(s.byYear).filter(isObj);
  const last = [...years].reverse().find((y) => biText(y.verdict, lang) !== null) ?? years.at(-1);
  const verdict = biText(last?.verdict, lang);
  if (verdict) blocks.push(para(verdict));
  blocks.push(...figure(ctx, 'staff-levels'));
  if (last) {
    const profile = (p: Record<string, unknown>) => {
      const c = isObj(p.certified) ? p.certified : null;
      const pyr = isObj(p.pyramid) ? p.pyramid : null;
      const st = isObj(p.staff) ? p.staff : null;
      const edu = isObj(p.education) ? p.education : null;
      const shape = str(pyr?.shape);
      const shapeKey = shape ? (`pyramid.${shape}` as ReportTextKey) : null;
      const shapeText =
        shapeKey &&
        shapeKey in { 'pyramid.pyramid': 1, 'pyramid.inverted': 1, 'pyramid.diamond': 1, 'pyramid.irregular': 1 }
          ? rt(shapeKey, lang)
          : (shape ?? '—');
      return [
        f.int(num(c?.junior)),
        f.int(num(c?.mid)),
        f.int(num(c?.senior)),
        f.int(num(c?.total)),
        f.pct(num(isObj(c?.shares) ? c.shares.senior : null)),
        f.dec(num(c?.per1000Residents), 3),
        pyr ? `${shapeText}${pyr.seniorScarce === true ? bi('，高级稀缺', ', senior-scarce') : ''}` : '—',
        f.pct(num(st?.fulltimeShare)),
        f.pct(num(edu?.collegeShare)),
      ];
    };
    const rows = arr<unknown>(last.byRegion)
      .filter(isObj)
      .map((r) => [ctx.region(String(r.region)), ...profile(r)]);
    if (isObj(last.all)) rows.push([bi('全区', 'All regions'), ...profile(last.all)]);
    blocks.push({
      kind: 'heading',
      level: 3,
      text: bi(
        `${rt('h.regionsTable', lang)}（${num(last.year)}年）`,
        `${rt('h.regionsTable', lang)}, ${num(last.year)}`,
      ),
    });
    blocks.push({
      kind: 'table',
      head: [
        rt('c.region', lang),
        rt('c.junior', lang),
        rt('c.mid', lang),
        rt('c.senior', lang),
        rt('c.certified', lang),
        rt('c.seniorShare', lang),
        rt('c.per1000', lang),
        rt('c.structure', lang),
        rt('c.fulltime', lang),
        rt('c.college', lang),
      ],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
      rows,
    });
  }
  const rule = biText(s.rule, lang);
  if (rule) blocks.push(note(rule));
  if (notes.length)
    blocks.push(
      { kind: 'heading', level: 3, text: rt('h.notes', lang) },
      { kind: 'list', items: notes.map((n) => [n]) },
    );
  return blocks;
}
