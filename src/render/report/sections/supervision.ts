/**
 * Risk warnings, transparency and graded supervision, from `results.analyses.supervision`.
 * Counts only: organization ids and names appear solely when the section lists them
 * (`soqa analyze --list-organizations` writes `flaggedOrganizations`), and then as escaped
 * text like every other string of the report.
 */
import { t } from '../../charts/labels.js';
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

type Row = Record<string, unknown>;

/** Most flagged organizations listed in the report; the rest stay in results.json. */
export const MAX_LISTED_ORGANIZATIONS = 100;

const GRADES = ['A', 'B', 'C', 'D'] as const;

/** Display name of an organization type code (the code itself when soqa does not know it). */
export function typeLabel(ctx: ReportContext, type: unknown): string {
  const code = String(type);
  return code === 'social_group' || code === 'private_non_enterprise' || code === 'foundation' || code === 'other'
    ? t(`type.${code}`, ctx.lang)
    : code;
}

const severityLabel = (ctx: ReportContext, s: unknown): string =>
  s === 'high'
    ? rt('sev.high', ctx.lang)
    : s === 'medium'
      ? rt('sev.medium', ctx.lang)
      : s === 'low'
        ? rt('sev.low', ctx.lang)
        : String(s ?? '—');

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
  const s = analysisSection(ctx.results, 'supervision');
  if (!s) return [notComputed(ctx, 'supervision')];
  const { f, lang } = ctx;
  const notes = arr<unknown>(s.notes)
    .map((n) => biText(n, lang))
    .filter((n): n is string => n !== null);
  if (s.skipped === true) {
    const why =
      s.reason === 'aggregate-input'
        ? pick(lang, {
            zh: '输入为汇总统计表，没有逐个组织的记录，因此不做风险预警、透明度与分级监管。',
            en: 'The input is an aggregated table without organization rows, so there are no risk warnings, transparency index or grades.',
          })
        : pick(lang, { zh: '本部分已跳过。', en: 'This part was skipped.' });
    return [note(why), ...notes.map((n) => note(n))];
  }
  const blocks: Block[] = [];
  const asOf = num(s.asOf);
  const orgs = isObj(s.organizations) ? s.organizations : {};
  const w = isObj(s.warnings) ? s.warnings : {};
  const evaluated = num(orgs.evaluated);
  const flagged = num(orgs.flagged);
  blocks.push(
    para(
      pick(lang, {
        zh: `截至${asOf ?? '—'}年，按规则检查了${f.int(evaluated)}个组织，其中${f.int(num(orgs.supervised))}个在${asOf ?? '—'}年处于监管范围；${f.int(flagged)}个组织（${f.pct(evaluated ? (flagged ?? 0) / evaluated : null, 2)}）至少有一条预警，共${f.int(num(w.total))}条，按最严重的一条计：高${f.int(num(w.high))}个、中${f.int(num(w.medium))}个、低${f.int(num(w.low))}个。预警是核查线索，不是违规认定。`,
        en: `As of ${asOf ?? '—'}, ${f.int(evaluated)} organizations were checked against the rules and ${f.int(num(orgs.supervised))} were under supervision in ${asOf ?? '—'}; ${f.int(flagged)} (${f.pct(evaluated ? (flagged ?? 0) / evaluated : null, 2)}) have at least one warning, ${f.int(num(w.total))} warnings in all; by their most severe warning: ${f.int(num(w.high))} high, ${f.int(num(w.medium))} medium, ${f.int(num(w.low))} low. A warning is a lead to check, not a finding of misconduct.`,
      }),
    ),
  );
  // warnings by rule
  const actions = new Map(
    arr<unknown>(s.actions)
      .filter(isObj)
      .map((a) => [String(a.id), str(lang === 'zh' ? a.zh : a.en) ?? String(a.id)]),
  );
  const byRule = arr<unknown>(w.byRule).filter(isObj);
  if (byRule.length) {
    blocks.push({ kind: 'heading', level: 3, text: rt('h.byRule', lang) });
    blocks.push({
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
        str(lang === 'zh' ? r.zh : r.en) ?? String(r.rule),
        severityLabel(ctx, r.severity),
        actions.get(String(r.action)) ?? String(r.action ?? '—'),
        r.applied === false ? pick(lang, { zh: '否（缺列）', en: 'no (columns missing)' }) : rt('w.yes', lang),
        r.applied === false ? '—' : f.int(num(r.organizations)),
      ]),
    });
  }
  // warnings and grades by region
  const gradesObj = isObj(s.grades) ? s.grades : {};
  const gradeByRegion = new Map(
    arr<unknown>(gradesObj.byRegion)
      .filter(isObj)
      .map((g) => [String(g.region), g]),
  );
  const tByRegion = new Map(
    arr<unknown>((isObj(s.transparency) ? s.transparency : {}).byRegion)
      .filter(isObj)
      .map((x) => [String(x.region), x]),
  );
  const regions = arr<unknown>(w.byRegion).filter(isObj);
  /** Shares of the grades among a group's graded organizations. */
  const gradeCells = (g: Row | undefined): Cell[] => {
    const n = num(g?.organizations);
    return GRADES.map((k) => (g && n ? f.pct((num(g[k]) ?? 0) / n) : '—'));
  };
  if (regions.length) {
    blocks.push({ kind: 'heading', level: 3, text: rt('h.byRegionSupervision', lang) });
    blocks.push({
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
        ctx.region(String(r.region)),
        f.int(num(r.supervised)),
        f.int(num(r.flagged)),
        f.int(num(r.high)),
        f.int(num(r.medium)),
        f.int(num(r.low)),
        ...gradeCells(gradeByRegion.get(String(r.region))),
        f.dec(num(tByRegion.get(String(r.region))?.mean), 1),
      ]),
    });
  }
  // grades and transparency by type, and overall
  const dist = isObj(gradesObj.distribution) ? gradesObj.distribution : null;
  const tr = isObj(s.transparency) ? s.transparency : {};
  const all = isObj(tr.all) ? tr.all : null;
  if (dist) {
    const n = num(dist.organizations);
    const share = (k: string) => (n ? (num(dist[k]) ?? 0) / n : null);
    blocks.push(
      para(
        pick(lang, {
          zh: `${f.int(n)}个受监管组织的等级分布：A级${f.pct(share('A'))}、B级${f.pct(share('B'))}、C级${f.pct(share('C'))}、D级${f.pct(share('D'))}（平均质量得分${f.dec(num(dist.meanScore), 1)}）。${all ? `透明度指数平均${f.dec(num(all.mean), 1)}、中位数${f.dec(num(all.median), 1)}（0—100），其中年报完整度${f.pct(num(all.completeness))}、信息公开${f.pct(num(all.disclosure))}、网上公开${f.pct(num(all.online))}、年报连续性${f.pct(num(all.continuity))}。` : ''}`,
          en: `Grades of the ${f.int(n)} supervised organizations: A ${f.pct(share('A'))}, B ${f.pct(share('B'))}, C ${f.pct(share('C'))}, D ${f.pct(share('D'))} (mean quality score ${f.dec(num(dist.meanScore), 1)}).${all ? ` Transparency index: mean ${f.dec(num(all.mean), 1)}, median ${f.dec(num(all.median), 1)} (0–100); report completeness ${f.pct(num(all.completeness))}, disclosure ${f.pct(num(all.disclosure))}, online ${f.pct(num(all.online))}, continuity ${f.pct(num(all.continuity))}.` : ''}`,
        }),
      ),
    );
  }
  const gradeByType = new Map(
    arr<unknown>(gradesObj.byType)
      .filter(isObj)
      .map((g) => [String(g.type), g]),
  );
  const tByType = arr<unknown>(tr.byType).filter(isObj);
  const wByType = new Map(
    arr<unknown>(w.byType)
      .filter(isObj)
      .map((x) => [String(x.type), x]),
  );
  if (tByType.length || gradeByType.size) {
    const types = [...new Set([...tByType.map((x) => String(x.type)), ...gradeByType.keys()])];
    blocks.push({ kind: 'heading', level: 3, text: rt('h.byTypeSupervision', lang) });
    blocks.push({
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
        const x = tByType.find((y) => String(y.type) === type);
        return [
          typeLabel(ctx, type),
          f.int(num(x?.organizations ?? gradeByType.get(type)?.organizations)),
          f.int(num(wByType.get(type)?.flagged)),
          ...gradeCells(gradeByType.get(type)),
          f.dec(num(x?.mean), 1),
          f.pct(num(x?.completeness)),
          f.pct(num(x?.disclosure)),
          f.pct(num(x?.online)),
        ];
      }),
    });
  }
  // flagged organizations: only when results.json lists them (--list-organizations)
  const listed = arr<unknown>(s.flaggedOrganizations).filter(isObj);
  if (Array.isArray(s.flaggedOrganizations)) {
    blocks.push({ kind: 'heading', level: 3, text: rt('h.flagged', lang) });
    if (listed.length === 0)
      blocks.push(note(pick(lang, { zh: '没有被预警的组织。', en: 'No organization has a warning.' })));
    else {
      blocks.push({
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
        rows: listed.slice(0, MAX_LISTED_ORGANIZATIONS).map((o): Cell[] => [
          f.int(num(o.rank)),
          str(o.name) ?? '',
          [{ code: str(o.org_id) ?? '' }],
          typeLabel(ctx, o.type),
          str(lang === 'zh' ? o.regionZh : o.regionEn) ?? ctx.region(String(o.region)),
          str(o.grade) ?? '—',
          severityLabel(ctx, o.severity),
          arr<unknown>(o.warnings)
            .filter(isObj)
            .map(
              (x) =>
                `${str(lang === 'zh' ? x.zh : x.en) ?? String(x.rule)}${pick(lang, { zh: '：', en: ': ' })}${biText(x.text, lang) ?? ''}`,
            )
            .join(pick(lang, { zh: '；', en: '; ' })),
        ]),
      });
      if (listed.length > MAX_LISTED_ORGANIZATIONS) {
        blocks.push(
          note(
            pick(lang, {
              zh: `只列出前${MAX_LISTED_ORGANIZATIONS}个，共${f.int(listed.length)}个；完整名单见 results.json 或 soqa risk。`,
              en: `The first ${MAX_LISTED_ORGANIZATIONS} of ${f.int(listed.length)} are listed; results.json and soqa risk have them all.`,
            }),
          ),
        );
      }
    }
  }
  const def = isObj(gradesObj.definition) ? gradesObj.definition : null;
  const bands = isObj(def?.bands) ? def.bands : null;
  const caps = isObj(def?.caps) ? def.caps : {};
  if (def && bands) {
    const cap = (k: string) => str(caps[k]) ?? '—';
    blocks.push(
      note(
        pick(lang, {
          zh: `等级规则：在同类组织（${str(def.peerGroup) === 'type_region' ? '同类型、同地区' : String(def.peerGroup ?? '')}）中的质量得分≥${f.int(num(bands.A))}且透明度≥${f.int(num(def.aMinTransparency))}为A级，得分≥${f.int(num(bands.B))}为B级，其余为C级（无法计算得分的为${str(def.noScore) ?? 'C'}级）；再按最严重的预警封顶：低→${cap('low')}、中→${cap('medium')}、高→${cap('high')}。`,
          en: `Grade rule: quality score among peers (${str(def.peerGroup) === 'type_region' ? 'same type and region' : String(def.peerGroup ?? '')}) ≥ ${f.int(num(bands.A))} with transparency ≥ ${f.int(num(def.aMinTransparency))} is A, score ≥ ${f.int(num(bands.B))} is B, else C (no score: ${str(def.noScore) ?? 'C'}); then capped by the most severe warning: low → ${cap('low')}, medium → ${cap('medium')}, high → ${cap('high')}.`,
        }),
      ),
    );
  }
  if (notes.length)
    blocks.push(
      { kind: 'heading', level: 3, text: rt('h.notes', lang) },
      { kind: 'list', items: notes.map((n) => [n]) },
    );
  return blocks;
}
