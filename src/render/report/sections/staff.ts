/**
 * Staff: certified social workers by level and region, from `results.analyses.staff`.
 */
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

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
  const { f, lang } = ctx;
  if (!s) return [notComputed(ctx, 'staff')];
  const notes = arr<unknown>(s.notes)
    .map((n) => biText(n, lang))
    .filter((n): n is string => n !== null);
  const columns = isObj(s.columns) ? s.columns : {};
  const absent = arr<unknown>(columns.absent).map(String);
  if (s.skipped === true) {
    return [
      note(
        pick(lang, {
          zh: `人才队伍分析已跳过：输入数据没有人员相关的列（${ctx.list(absent)}）。`,
          en: `The staff analysis was skipped: the input has none of the staff columns (${ctx.list(absent)}).`,
        }),
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
        pyr
          ? `${shapeText}${pyr.seniorScarce === true ? pick(lang, { zh: '，高级稀缺', en: ', senior-scarce' }) : ''}`
          : '—',
        f.pct(num(st?.fulltimeShare)),
        f.pct(num(edu?.collegeShare)),
      ];
    };
    const rows = arr<unknown>(last.byRegion)
      .filter(isObj)
      .map((r) => [ctx.region(String(r.region)), ...profile(r)]);
    if (isObj(last.all)) rows.push([pick(lang, { zh: '全区', en: 'All regions' }), ...profile(last.all)]);
    blocks.push({
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `${rt('h.regionsTable', lang)}（${num(last.year)}年）`,
        en: `${rt('h.regionsTable', lang)}, ${num(last.year)}`,
      }),
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
    const base = isObj(last.all) ? reportingNote(ctx, last.all, num(last.year)) : null;
    if (base) blocks.push(note(base));
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

/** The organizations the all-regions row's shares rest on (the one definition of docs/METHODS.md, "Staff shares"). */
function reportingNote(ctx: ReportContext, all: Record<string, unknown>, year: number | null): string | null {
  const { f, lang } = ctx;
  const n = (o: unknown, k: string): number | null => (isObj(o) ? num(o[k]) : null);
  const c = isObj(all.certified) ? all.certified : null;
  const parts: string[] = [];
  const cert = n(c?.reporting, 'all');
  if (cert !== null)
    parts.push(
      pick(lang, {
        zh: `持证人数与结构类型基于三级证书均已报告的${f.int(cert)}家组织`,
        en: `certificates and the structure class rest on the ${f.int(cert)} organizations that reported all three levels`,
      }),
    );
  const staff = n(all.staff, 'reporting');
  if (staff !== null)
    parts.push(
      pick(lang, {
        zh: `专职占比基于报告了专职与兼职人数的${f.int(staff)}家`,
        en: `the full-time share on the ${f.int(staff)} that reported full-time and part-time staff`,
      }),
    );
  const college = n(all.education, 'reporting');
  if (college !== null)
    parts.push(
      pick(lang, {
        zh: `大专及以上占比基于报告了学历与专兼职人数的${f.int(college)}家`,
        en: `the college share on the ${f.int(college)} that reported education and both staff columns`,
      }),
    );
  if (!parts.length) return null;
  return pick(lang, {
    zh: `全区${year ?? ''}年：${parts.join('；')}。占比的分子与分母取同一批组织，未报告的组织按缺失处理、不计为0（口径见附录B.6）。`,
    en: `All regions in ${year ?? ''}: ${parts.join('; ')}. Numerator and denominator of a share cover the same organizations; one that did not report is missing, never counted as 0 (see appendix B.6).`,
  });
}
