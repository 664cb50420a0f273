/**
 * Staff: certified social workers by level and region, from `results.analyses.staff`.
 */
import type { StaffProfile, StaffYear } from '../../../results/section-types.js';
import type { Block, Cell } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

const SHAPES: readonly string[] = ['pyramid.pyramid', 'pyramid.inverted', 'pyramid.diamond', 'pyramid.irregular'];

/** The table cells of one staff profile: certificates by level, senior share, per 1,000, structure, full-time and college shares. */
function profileCells(ctx: ReportContext, p: StaffProfile): Cell[] {
  const { f, lang } = ctx;
  const { certified: c, pyramid: pyr } = p;
  const shapeKey = pyr ? `pyramid.${pyr.shape}` : null;
  const shapeText = shapeKey && SHAPES.includes(shapeKey) ? rt(shapeKey as ReportTextKey, lang) : (pyr?.shape ?? '—');
  return [
    f.int(c?.junior),
    f.int(c?.mid),
    f.int(c?.senior),
    f.int(c?.total),
    f.pct(c?.shares?.senior),
    f.dec(c?.per1000Residents, 3),
    pyr ? `${shapeText}${pyr.seniorScarce ? pick(lang, { zh: '，高级稀缺', en: ', senior-scarce' }) : ''}` : '—',
    f.pct(p.staff?.fulltimeShare),
    f.pct(p.education?.collegeShare),
  ];
}

/** The table by region (and all regions) of a year, with the note on the organizations its shares rest on. */
function regionsTable(ctx: ReportContext, last: StaffYear): Block[] {
  const { lang } = ctx;
  const rows = [
    ...last.byRegion.map((r) => [ctx.region(r.region), ...profileCells(ctx, r)]),
    [pick(lang, { zh: '全区', en: 'All regions' }), ...profileCells(ctx, last.all)],
  ];
  const base = reportingNote(ctx, last.all, last.year);
  return [
    {
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `${rt('h.regionsTable', lang)}（${last.year}年）`,
        en: `${rt('h.regionsTable', lang)}, ${last.year}`,
      }),
    },
    {
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
    },
    ...(base ? [note(base)] : []),
  ];
}

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
  const s = ctx.results.analyses.staff;
  const { lang } = ctx;
  if (!s) return [notComputed(ctx, 'staff')];
  const notes = s.notes.map((n) => n[lang]);
  if (s.skipped) {
    const absent = s.columns.absent;
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
  const last = [...s.byYear].reverse().find((y) => y.verdict !== null) ?? s.byYear.at(-1);
  const verdict = last?.verdict?.[lang];
  const rule = s.rule[lang];
  return [
    ...(verdict ? [para(verdict)] : []),
    ...figure(ctx, 'staff-levels'),
    ...(last ? regionsTable(ctx, last) : []),
    ...(rule ? [note(rule)] : []),
    ...(notes.length
      ? [
          { kind: 'heading', level: 3, text: rt('h.notes', lang) } satisfies Block,
          { kind: 'list', items: notes.map((n) => [n]) } satisfies Block,
        ]
      : []),
  ];
}

/** The organizations the all-regions row's shares rest on (the one definition of docs/METHODS.md, "Staff shares"). */
function reportingNote(ctx: ReportContext, all: StaffProfile, year: number): string | null {
  const { f, lang } = ctx;
  const parts: string[] = [];
  const cert = all.certified?.reporting.all ?? null;
  if (cert !== null)
    parts.push(
      pick(lang, {
        zh: `持证人数与结构类型基于三级证书均已报告的${f.int(cert)}家组织`,
        en: `certificates and the structure class rest on the ${f.int(cert)} organizations that reported all three levels`,
      }),
    );
  const staff = all.staff?.reporting ?? null;
  if (staff !== null)
    parts.push(
      pick(lang, {
        zh: `专职占比基于报告了专职与兼职人数的${f.int(staff)}家`,
        en: `the full-time share on the ${f.int(staff)} that reported full-time and part-time staff`,
      }),
    );
  const college = all.education?.reporting ?? null;
  if (college !== null)
    parts.push(
      pick(lang, {
        zh: `大专及以上占比基于报告了学历与专兼职人数的${f.int(college)}家`,
        en: `the college share on the ${f.int(college)} that reported education and both staff columns`,
      }),
    );
  if (!parts.length) return null;
  return pick(lang, {
    zh: `全区${year}年：${parts.join('；')}。占比的分子与分母取同一批组织，未报告的组织按缺失处理、不计为0（口径见附录B.6）。`,
    en: `All regions in ${year}: ${parts.join('; ')}. Numerator and denominator of a share cover the same organizations; one that did not report is missing, never counted as 0 (see appendix B.6).`,
  });
}
