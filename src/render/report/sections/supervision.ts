/**
 * Risk warnings, transparency and graded supervision, from `results.analyses.supervision`.
 * Counts only: organization ids and names appear solely when the section lists them
 * (`soqa analyze --list-organizations` writes `flaggedOrganizations`), and then as escaped
 * text like every other string of the report.
 */
import { isSkipped, type SkippedSection, type FlaggedView } from '../../../results/section-types.js';
import { t } from '../../charts/labels.js';
import type { RanSection } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

const GRADES = ['A', 'B', 'C', 'D'] as const;

type Supervision = RanSection<'supervision'>;
type GradeCounts = Record<(typeof GRADES)[number], number> & { organizations: number };

/** Most flagged organizations listed in the report; the rest stay in results.json. */
export const MAX_LISTED_ORGANIZATIONS = 100;

/** Display name of an organization type code (the code itself when soqa does not know it). */
export function typeLabel(ctx: ReportContext, type: string | null): string {
  const code = String(type);
  return code === 'social_group' || code === 'private_non_enterprise' || code === 'foundation' || code === 'other'
    ? t(`type.${code}`, ctx.lang)
    : code;
}

const severityLabel = (ctx: ReportContext, s: string): string =>
  s === 'high'
    ? rt('sev.high', ctx.lang)
    : s === 'medium'
      ? rt('sev.medium', ctx.lang)
      : s === 'low'
        ? rt('sev.low', ctx.lang)
        : s;

/** Shares of the grades among a group's graded organizations ('—' without any). */
function gradeCells(ctx: ReportContext, g: GradeCounts | undefined): Cell[] {
  const n = g?.organizations;
  return GRADES.map((k) => (g && n ? ctx.f.pct(g[k] / n) : '—'));
}

/** Why a skipped supervision section has nothing to show, and its notes. */
function skippedBlocks(ctx: ReportContext, s: SkippedSection): Block[] {
  const why =
    s.reason === 'aggregate-input'
      ? pick(ctx.lang, {
          zh: '输入为汇总统计表，没有逐个组织的记录，因此不做风险预警、透明度与分级监管。',
          en: 'The input is an aggregated table without organization rows, so there are no risk warnings, transparency index or grades.',
        })
      : pick(ctx.lang, { zh: '本部分已跳过。', en: 'This part was skipped.' });
  return [note(why), ...s.notes.map((n) => note(n[ctx.lang]))];
}

/** The opening paragraph: as-of year, organizations checked, supervised and flagged, warnings by severity. */
function headline(ctx: ReportContext, s: Supervision): Block {
  const { f, lang } = ctx;
  const { asOf, organizations: orgs, warnings: w } = s;
  const { evaluated, flagged } = orgs;
  return para(
    pick(lang, {
      zh: `截至${asOf}年，按规则检查了${f.int(evaluated)}个组织，其中${f.int(orgs.supervised)}个在${asOf}年处于监管范围；${f.int(flagged)}个组织（${f.pct(evaluated ? flagged / evaluated : null, 2)}）至少有一条预警，共${f.int(w.total)}条，按最严重的一条计：高${f.int(w.high)}个、中${f.int(w.medium)}个、低${f.int(w.low)}个。预警是核查线索，不是违规认定。`,
      en: `As of ${asOf}, ${f.int(evaluated)} organizations were checked against the rules and ${f.int(orgs.supervised)} were under supervision in ${asOf}; ${f.int(flagged)} (${f.pct(evaluated ? flagged / evaluated : null, 2)}) have at least one warning, ${f.int(w.total)} warnings in all; by their most severe warning: ${f.int(w.high)} high, ${f.int(w.medium)} medium, ${f.int(w.low)} low. A warning is a lead to check, not a finding of misconduct.`,
    }),
  );
}

/** Warnings by rule: severity, action, whether the input allowed the rule, organizations flagged. */
function ruleTable(ctx: ReportContext, s: Supervision): Block[] {
  const { f, lang } = ctx;
  const actions = new Map(s.actions.map((a) => [a.id, a[lang]]));
  const byRule = s.warnings.byRule;
  if (!byRule.length) return [];
  return [
    { kind: 'heading', level: 3, text: rt('h.byRule', lang) },
    {
      kind: 'table',
      head: [
        rt('c.rule', lang),
        rt('c.severity', lang),
        rt('c.action', lang),
        rt('c.applied', lang),
        rt('c.flagged', lang),
      ],
      align: ['l', 'l', 'l', 'l', 'r'],
      rows: byRule.map((r): Cell[] => [
        r[lang],
        severityLabel(ctx, r.severity),
        actions.get(r.action) ?? r.action,
        r.applied ? rt('w.yes', lang) : pick(lang, { zh: '否（缺列）', en: 'no (columns missing)' }),
        r.applied ? f.int(r.organizations) : '—',
      ]),
    },
  ];
}

/** Warnings, grades and transparency by region. */
function regionTable(ctx: ReportContext, s: Supervision): Block[] {
  const { f, lang } = ctx;
  const gradeByRegion = new Map(s.grades.byRegion.map((g) => [g.region, g]));
  const tByRegion = new Map(s.transparency.byRegion.map((x) => [x.region, x]));
  const regions = s.warnings.byRegion;
  if (!regions.length) return [];
  return [
    { kind: 'heading', level: 3, text: rt('h.byRegionSupervision', lang) },
    {
      kind: 'table',
      head: [
        rt('c.region', lang),
        rt('c.supervised', lang),
        rt('c.flagged', lang),
        rt('sev.high', lang),
        rt('sev.medium', lang),
        rt('sev.low', lang),
        ...GRADES.map((g) => pick(lang, { zh: `${g}级`, en: `Grade ${g}` })),
        rt('c.transparency', lang),
      ],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: regions.map((r): Cell[] => [
        ctx.region(r.region),
        f.int(r.supervised),
        f.int(r.flagged),
        f.int(r.high),
        f.int(r.medium),
        f.int(r.low),
        ...gradeCells(ctx, gradeByRegion.get(r.region)),
        f.dec(tByRegion.get(r.region)?.mean, 1),
      ]),
    },
  ];
}

/** The grade distribution and the transparency index of all supervised organizations. */
function gradePara(ctx: ReportContext, s: Supervision): Block {
  const { f, lang } = ctx;
  const dist = s.grades.distribution;
  const all = s.transparency.all;
  const n = dist.organizations;
  const share = (k: (typeof GRADES)[number]) => (n ? dist[k] / n : null);
  return para(
    pick(lang, {
      zh: `${f.int(n)}个受监管组织的等级分布：A级${f.pct(share('A'))}、B级${f.pct(share('B'))}、C级${f.pct(share('C'))}、D级${f.pct(share('D'))}（平均质量得分${f.dec(dist.meanScore, 1)}）。透明度指数平均${f.dec(all.mean, 1)}、中位数${f.dec(all.median, 1)}（0—100），其中年报完整度${f.pct(all.completeness)}、信息公开${f.pct(all.disclosure)}、网上公开${f.pct(all.online)}、年报连续性${f.pct(all.continuity)}。`,
      en: `Grades of the ${f.int(n)} supervised organizations: A ${f.pct(share('A'))}, B ${f.pct(share('B'))}, C ${f.pct(share('C'))}, D ${f.pct(share('D'))} (mean quality score ${f.dec(dist.meanScore, 1)}). Transparency index: mean ${f.dec(all.mean, 1)}, median ${f.dec(all.median, 1)} (0–100); report completeness ${f.pct(all.completeness)}, disclosure ${f.pct(all.disclosure)}, online ${f.pct(all.online)}, continuity ${f.pct(all.continuity)}.`,
    }),
  );
}

/** Grades, warnings and transparency by organization type. */
function typeTable(ctx: ReportContext, s: Supervision): Block[] {
  const { f, lang } = ctx;
  const gradeByType = new Map(s.grades.byType.map((g) => [g.type, g]));
  const tByType = s.transparency.byType;
  const wByType = new Map(s.warnings.byType.map((x) => [x.type, x]));
  if (!tByType.length && !gradeByType.size) return [];
  const types = [...new Set([...tByType.map((x) => x.type), ...gradeByType.keys()])];
  return [
    { kind: 'heading', level: 3, text: rt('h.byTypeSupervision', lang) },
    {
      kind: 'table',
      head: [
        rt('c.type', lang),
        rt('c.supervised', lang),
        rt('c.flagged', lang),
        ...GRADES.map((g) => pick(lang, { zh: `${g}级`, en: `Grade ${g}` })),
        rt('c.transparency', lang),
        rt('c.completeness', lang),
        rt('c.disclosure', lang),
        rt('c.online', lang),
      ],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: types.map((type): Cell[] => {
        const x = tByType.find((y) => y.type === type);
        return [
          typeLabel(ctx, type),
          f.int(x?.organizations ?? gradeByType.get(type)?.organizations),
          f.int(wByType.get(type)?.flagged),
          ...gradeCells(ctx, gradeByType.get(type)),
          f.dec(x?.mean, 1),
          f.pct(x?.completeness),
          f.pct(x?.disclosure),
          f.pct(x?.online),
        ];
      }),
    },
  ];
}

/** One row of the table of flagged organizations. */
function flaggedRow(ctx: ReportContext, o: FlaggedView): Cell[] {
  const { f, lang } = ctx;
  const region = lang === 'zh' ? o.regionZh : o.regionEn;
  return [
    f.int(o.rank),
    o.name,
    [{ code: o.org_id }],
    typeLabel(ctx, o.type),
    region ?? ctx.region(String(o.region)),
    o.grade ?? '—',
    severityLabel(ctx, o.severity),
    o.warnings
      .map((x) => `${x[lang]}${pick(lang, { zh: '：', en: ': ' })}${x.text[lang]}`)
      .join(pick(lang, { zh: '；', en: '; ' })),
  ];
}

/** The flagged organizations, only when results.json lists them (`--list-organizations`). */
function flaggedList(ctx: ReportContext, s: Supervision): Block[] {
  const { f, lang } = ctx;
  if (!('flaggedOrganizations' in s)) return [];
  const listed = s.flaggedOrganizations;
  const heading: Block = { kind: 'heading', level: 3, text: rt('h.flagged', lang) };
  if (listed.length === 0)
    return [heading, note(pick(lang, { zh: '没有被预警的组织。', en: 'No organization has a warning.' }))];
  const table: Block = {
    kind: 'table',
    head: [
      rt('c.rank', lang),
      rt('c.orgName', lang),
      rt('c.code', lang),
      rt('c.type', lang),
      rt('c.region', lang),
      rt('c.grade', lang),
      rt('c.severity', lang),
      rt('c.warningsList', lang),
    ],
    align: ['r', 'l', 'l', 'l', 'l', 'l', 'l', 'l'],
    rows: listed.slice(0, MAX_LISTED_ORGANIZATIONS).map((o) => flaggedRow(ctx, o)),
  };
  if (listed.length <= MAX_LISTED_ORGANIZATIONS) return [heading, table];
  const more = note(
    pick(lang, {
      zh: `只列出前${MAX_LISTED_ORGANIZATIONS}个，共${f.int(listed.length)}个；完整名单见 results.json 或 soqa risk。`,
      en: `The first ${MAX_LISTED_ORGANIZATIONS} of ${f.int(listed.length)} are listed; results.json and soqa risk have them all.`,
    }),
  );
  return [heading, table, more];
}

/** The grade rule of the rules file: score bands among peers, then the caps by severity. */
function gradeRule(ctx: ReportContext, s: Supervision): Block {
  const { f, lang } = ctx;
  const def = s.grades.definition;
  const { bands, caps } = def;
  return note(
    pick(lang, {
      zh: `等级规则：在同类组织（${def.peerGroup === 'type_region' ? '同类型、同地区' : def.peerGroup}）中的质量得分≥${f.int(bands.A)}且透明度≥${f.int(def.aMinTransparency)}为A级，得分≥${f.int(bands.B)}为B级，其余为C级（无法计算得分的为${def.noScore}级）；再按最严重的预警封顶：低→${caps.low}、中→${caps.medium}、高→${caps.high}。`,
      en: `Grade rule: quality score among peers (${def.peerGroup === 'type_region' ? 'same type and region' : def.peerGroup}) ≥ ${f.int(bands.A)} with transparency ≥ ${f.int(def.aMinTransparency)} is A, score ≥ ${f.int(bands.B)} is B, else C (no score: ${def.noScore}); then capped by the most severe warning: low → ${caps.low}, medium → ${caps.medium}, high → ${caps.high}.`,
    }),
  );
}

/**
 * The supervision section: the as-of year and how many organizations were evaluated,
 * supervised and flagged; warnings by rule (severity, action, whether the input allowed the
 * rule) and by region; the grade distribution by region and type; the transparency index by
 * region and type; the flagged organizations only when results.json lists them; the notes.
 * On an aggregated table (or any skipped run) it says why there is nothing to show.
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading)
 */
export function supervisionSection(ctx: ReportContext): Block[] {
  const s = ctx.results.analyses.supervision;
  if (!s) return [notComputed(ctx, 'supervision')];
  if (isSkipped(s)) return skippedBlocks(ctx, s);
  const notes = s.notes.map((n) => n[ctx.lang]);
  return [
    headline(ctx, s),
    ...ruleTable(ctx, s),
    ...regionTable(ctx, s),
    gradePara(ctx, s),
    ...typeTable(ctx, s),
    ...flaggedList(ctx, s),
    gradeRule(ctx, s),
    ...(notes.length
      ? [
          { kind: 'heading', level: 3, text: rt('h.notes', ctx.lang) } satisfies Block,
          { kind: 'list', items: notes.map((n) => [n]) } satisfies Block,
        ]
      : []),
  ];
}
