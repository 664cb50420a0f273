/**
 * Appendix B, the methods in the report's language with typeset formulas: indicators and the
 * composite, spatial concentration, trend tests, coupling coordination (the triple tension)
 * with its ten classes, the risk-warning rules with their thresholds, the transparency index
 * and the grades. Numbers (α, runs, permutations, thresholds, weights) come from results.json.
 */
import { coordinationClass } from '../../../measures/coupling/coordination-class.js';
import type {
  IndicatorsSection,
  SpatialSection,
  TensionSection,
  TrendsSection,
} from '../../../results/section-types.js';
import type { RuleId, RuleParams } from '../../../domain/rules/rules.js';
import { ranSection, type RanSection } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

const math = (tex: string, text: string): Block => ({ kind: 'math', tex, text });
const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });

/** Normalisation, weights, composite, TOPSIS, obstacle degree and the Monte Carlo. */
function indicatorMethods(ctx: ReportContext, ind: IndicatorsSection): Block[] {
  const { f, lang } = ctx;
  const m = ind.method;
  const mc = m.monteCarlo;
  const shift = m.entropyShift;
  return [
    h3(pick(lang, { zh: 'B.1 指标体系与综合评价', en: 'B.1 Indicators and the composite score' })),
    para(
      pick(lang, {
        zh: `各指标先在全部地区年份上做极差标准化（${m.normalization === 'global' ? '全局' : m.normalization}标准化，使各年可比），正向与逆向指标分别为：`,
        en: `Each indicator is first min–max normalised over all region-years (${m.normalization}, so that years stay comparable), positive and negative indicators as:`,
      }),
    ),
    math(
      "x'_{ij} = \\frac{x_{ij} - \\min_i x_{ij}}{\\max_i x_{ij} - \\min_i x_{ij}}, \\qquad x'_{ij} = \\frac{\\max_i x_{ij} - x_{ij}}{\\max_i x_{ij} - \\min_i x_{ij}}",
      'x′ᵢⱼ = (xᵢⱼ − minᵢ xᵢⱼ) / (maxᵢ xᵢⱼ − minᵢ xᵢⱼ),   x′ᵢⱼ = (maxᵢ xᵢⱼ − xᵢⱼ) / (maxᵢ xᵢⱼ − minᵢ xᵢⱼ)',
    ),
    para(
      pick(lang, {
        zh: `权重用熵权法（Shannon, 1948）${shift ? `，标准化值先平移${f.dec(shift, 4)}` : '（不平移，0·ln 0 = 0）'}；取值不变的指标权重为0：`,
        en: `Weights by the entropy method (Shannon 1948)${shift ? `, the normalised values shifted by ${f.dec(shift, 4)}` : ' (no shift, 0·ln 0 = 0)'}; a constant indicator gets weight 0:`,
      }),
    ),
    math(
      "p_{ij} = \\frac{x'_{ij}}{\\sum_i x'_{ij}}, \\quad e_j = -\\frac{1}{\\ln n}\\sum_i p_{ij}\\ln p_{ij}, \\quad w_j = \\frac{1 - e_j}{\\sum_k (1 - e_k)}",
      'pᵢⱼ = x′ᵢⱼ / Σᵢ x′ᵢⱼ,   eⱼ = −(1/ln n) Σᵢ pᵢⱼ ln pᵢⱼ,   wⱼ = (1 − eⱼ) / Σₖ (1 − eₖ)',
    ),
    para(
      pick(lang, {
        zh: '层面得分与综合得分为加权和（缺失值的权重按比例分给其余指标），障碍度衡量各指标拖后腿的程度：',
        en: 'Layer scores and the composite are weighted sums (a missing value’s weight is shared among the others); the obstacle degree says which indicators hold a unit back:',
      }),
    ),
    math(
      "S_{iL} = \\frac{\\sum_{j\\in L} w_j x'_{ij}}{\\sum_{j\\in L} w_j}, \\quad S_i = \\sum_j w_j x'_{ij}, \\quad O_{ij} = \\frac{w_j (1 - x'_{ij})}{\\sum_k w_k (1 - x'_{ik})}",
      'S_iL = Σ_{j∈L} wⱼ x′ᵢⱼ / Σ_{j∈L} wⱼ,   Sᵢ = Σⱼ wⱼ x′ᵢⱼ,   Oᵢⱼ = wⱼ(1 − x′ᵢⱼ) / Σₖ wₖ(1 − x′ᵢₖ)',
    ),
    para(
      pick(lang, {
        zh: 'TOPSIS（Hwang & Yoon, 1981）在原始值上做向量标准化，理想解与负理想解只取自各地区年份（全区合计不参与）：',
        en: 'TOPSIS (Hwang & Yoon 1981) uses vector normalisation of the raw values; the ideal and anti-ideal points come from the region-years only (the province total takes no part):',
      }),
    ),
    math(
      'v_{ij} = w_j \\frac{x_{ij}}{\\sqrt{\\sum_i x_{ij}^2}}, \\quad D_i^{\\pm} = \\sqrt{\\sum_j (v_{ij} - v_j^{\\pm})^2}, \\quad C_i = \\frac{D_i^-}{D_i^+ + D_i^-}',
      'vᵢⱼ = wⱼ xᵢⱼ / √(Σᵢ xᵢⱼ²),   Dᵢ± = √(Σⱼ (vᵢⱼ − vⱼ±)²),   Cᵢ = Dᵢ⁻ / (Dᵢ⁺ + Dᵢ⁻)',
    ),
    para(
      pick(lang, {
        zh: `排名区间来自${f.int(mc.runs)}次蒙特卡洛模拟（随机种子${mc.seed}，权重在±${f.pct(mc.spread)}内扰动，并轮换标准化方法），取各年排名的5%与95%分位数；指标质量检查按OECD/JRC《综合指标手册》（2008）与COINr的阈值。`,
        en: `Rank intervals come from ${f.int(mc.runs)} Monte Carlo runs (seed ${mc.seed}, weights perturbed by up to ±${f.pct(mc.spread)}, normalisations alternated), as the 5th and 95th percentile of each year's rank; indicator checks follow the OECD/JRC Handbook (2008) and COINr thresholds.`,
      }),
    ),
  ];
}

/**
 * Location quotient, HHI, Gini, Theil and Moran's I; `moran` (permutations and seed) is
 * undefined for a skipped spatial section, whose numbers then show as '—'.
 */
function spatialMethods(ctx: ReportContext, moran: SpatialSection['method']['moran'] | undefined): Block[] {
  const { f, lang } = ctx;
  return [
    h3(pick(lang, { zh: 'B.2 空间集聚', en: 'B.2 Spatial concentration' })),
    para(
      pick(lang, {
        zh: '地区i的社会组织数为sᵢ、占比pᵢ，人口占比qᵢ：区位商、赫芬达尔指数与相对人口的泰尔T指数（Theil, 1967；可精确分解为核心—边缘组间与组内两部分）为：',
        en: 'With sᵢ organizations in region i, share pᵢ and population share qᵢ: the location quotient, the Herfindahl index and Theil’s T against population (Theil 1967; split exactly into a core–periphery between-group and a within-group part):',
      }),
    ),
    math(
      'LQ_i = \\frac{p_i}{q_i}, \\quad HHI = \\sum_i p_i^2, \\quad T = \\sum_i p_i \\ln\\frac{p_i}{q_i}',
      'LQᵢ = pᵢ / qᵢ,   HHI = Σᵢ pᵢ²,   T = Σᵢ pᵢ ln(pᵢ / qᵢ)',
    ),
    para(
      pick(lang, {
        zh: '基尼系数按人口加权计算每万人社会组织数的不均等（分级：<0.2很均衡，0.2—0.3较均衡，0.3—0.4差距适中，0.4—0.5差距较大，≥0.5差距悬殊）。全局莫兰指数（Moran, 1950；Cliff & Ord, 1981）用行标准化的邻接权重：',
        en: 'The Gini coefficient measures the inequality of organizations per 10,000 residents weighted by residents (grades: < 0.2 very even, 0.2–0.3 fairly even, 0.3–0.4 moderate, 0.4–0.5 uneven, ≥ 0.5 highly uneven). Global Moran’s I (Moran 1950; Cliff & Ord 1981) uses row-standardised contiguity weights:',
      }),
    ),
    math(
      'I = \\frac{n}{\\sum_i\\sum_j w_{ij}} \\cdot \\frac{\\sum_i\\sum_j w_{ij}(x_i - \\bar x)(x_j - \\bar x)}{\\sum_i (x_i - \\bar x)^2}, \\quad E[I] = -\\frac{1}{n-1}',
      'I = (n / Σᵢ Σⱼ wᵢⱼ) · Σᵢ Σⱼ wᵢⱼ (xᵢ − x̄)(xⱼ − x̄) / Σᵢ (xᵢ − x̄)²,   E[I] = −1/(n − 1)',
    ),
    para(
      pick(lang, {
        zh: `推断同时给出随机化检验（解析方差）与置换检验（${f.int(moran?.permutations)}次置换，随机种子${moran?.seed ?? '—'}，p = (更极端的次数 + 1)/(置换次数 + 1)）的p值，均按I的方向单侧；两者都小于0.05为显著，都不小于0.05为不显著，分处两侧时称证据处于边界。`,
        en: `Inference gives both the randomisation p (analytic variance) and the permutation p (${f.int(moran?.permutations)} permutations, seed ${moran?.seed ?? '—'}, p = (more extreme + 1)/(permutations + 1)), one-sided in the direction of I; significant when both are below 0.05, not significant when both are at or above it, borderline when they straddle it.`,
      }),
    ),
  ];
}

/** Mann–Kendall, Sen's slope, CAGR. */
function trendMethods(ctx: ReportContext, tr: TrendsSection): Block[] {
  const { f, lang } = ctx;
  return [
    h3(pick(lang, { zh: 'B.3 趋势检验', en: 'B.3 Trend tests' })),
    para(
      pick(lang, {
        zh: `Mann–Kendall检验（Mann, 1945；Kendall, 1975；含结校正，显著性水平${f.dec(tr.alpha, 2)}）与Sen斜率（Sen, 1968），年均复合增长率与增长波动：`,
        en: `The Mann–Kendall test (Mann 1945; Kendall 1975; tie-corrected, level ${f.dec(tr.alpha, 2)}) with Sen’s slope (Sen 1968), the compound annual growth rate and the volatility of growth:`,
      }),
    ),
    math(
      'S = \\sum_{k<l} \\operatorname{sgn}(x_l - x_k), \\quad \\beta = \\operatorname{median}_{k<l} \\frac{x_l - x_k}{l - k}, \\quad CAGR = \\left(\\frac{x_{last}}{x_{first}}\\right)^{1/t} - 1',
      'S = Σ_{k<l} sgn(x_l − x_k),   β = median_{k<l} (x_l − x_k)/(l − k),   CAGR = (x_last / x_first)^(1/t) − 1',
    ),
  ];
}

/** Coupling coordination: guard, U, C, T, D, α/β, the classes, the rule for "not informative". */
function tensionMethods(ctx: ReportContext, te: TensionSection): Block[] {
  const { f, lang } = ctx;
  const m = te.method;
  const alpha = te.tensions.at(0)?.alpha ?? 0.5;
  const floor = /x″ = ([0-9.]+)/.exec(m.zeroGuard)?.[1];
  const mc = m.monteCarlo;
  const classes: Cell[][] = Array.from({ length: 10 }, (_, k) => {
    const c = coordinationClass(k / 10 + 0.05);
    const range = k === 0 ? 'D < 0.1' : k === 9 ? '0.9 ≤ D ≤ 1' : `${f.dec(k / 10, 1)} ≤ D < ${f.dec((k + 1) / 10, 1)}`;
    return [String(k + 1), range, lang === 'zh' ? c.zh : `${c.en} (${c.zh})`];
  });
  return [
    h3(
      pick(lang, { zh: 'B.4 三重张力：耦合协调度模型', en: 'B.4 The triple tension: the coupling coordination model' }),
    ),
    para(
      pick(lang, {
        zh: `三重张力的名称与论证来自伏昕（2025），该文未给出测度公式；子系统、指标与方向是 soqa 的操作化，可以商榷，写在指标体系文件中。每个子系统的指标经极差标准化后${floor ? `平移到[${floor}, 1]（x″ = ${floor} + ${f.dec(1 - Number(floor), 2)}·x′，避免某一子系统处于最小值时D被迫为0）` : ''}，在子系统内用熵权法赋权，得到子系统得分U₁、U₂：`,
        en: `Fu (2025) names the three tensions and argues them but gives no formula; the subsystems, indicators and directions are soqa’s operationalisation, arguable, and set in the framework file. Each subsystem’s indicators are min–max normalised${floor ? `, translated onto [${floor}, 1] (x″ = ${floor} + ${f.dec(1 - Number(floor), 2)}·x′, so that D is not forced to 0 when one subsystem sits at its minimum)` : ''} and entropy-weighted within the subsystem, giving the scores U₁ and U₂:`,
      }),
    ),
    math(
      `U = \\sum_j w_j x''_{ij}, \\quad C = \\frac{2\\sqrt{U_1 U_2}}{U_1 + U_2}, \\quad T = \\alpha U_1 + \\beta U_2, \\quad D = \\sqrt{C \\cdot T}, \\quad \\text{${pick(lang, { zh: '张力', en: 'tension' })}} = 1 - D`,
      `U = Σⱼ wⱼ x″ᵢⱼ,   C = 2√(U₁U₂) / (U₁ + U₂),   T = αU₁ + βU₂,   D = √(C·T),   ${pick(lang, { zh: '张力', en: 'tension' })} = 1 − D`,
    ),
    para(
      pick(lang, {
        zh: `α = ${f.dec(alpha, 2)}，β = 1 − α = ${f.dec(1 - alpha, 2)}（耦合协调度模型及其常见误用见王淑佳等，2021）。得分较低的子系统为滞后子系统；区间来自${f.int(mc.runs)}次对权重与α的蒙特卡洛模拟。子系统只有一个有效指标的张力、或某地区子系统得分在各年都处于边界（最低或最高）的，标为“不具信息量”，给出原因，不作结论。D按0.1分为十个等级：`,
        en: `α = ${f.dec(alpha, 2)}, β = 1 − α = ${f.dec(1 - alpha, 2)} (on the model and its common misuse see Wang et al. 2021). The subsystem with the lower score lags; intervals come from ${f.int(mc.runs)} Monte Carlo runs over the weights and α. A tension whose subsystem rests on one indicator, or a region whose subsystem score sits at a bound (lowest or highest) in every year, is reported as not informative, with the reason, and no finding is drawn. D falls into ten classes of width 0.1:`,
      }),
    ),
    {
      kind: 'table',
      head: [
        pick(lang, { zh: '等级', en: 'Class' }),
        pick(lang, { zh: 'D的范围', en: 'Range of D' }),
        pick(lang, { zh: '名称', en: 'Name' }),
      ],
      align: ['r', 'l', 'l'],
      rows: classes,
    },
  ];
}

/** A rule's id with its thresholds (the section lists them apart; each rule's params belong to its id). */
type RuleWithParams = { [K in RuleId]: { id: K; params: RuleParams[K] } }[RuleId];

/** Description of one rule with its thresholds. */
function ruleText(ctx: ReportContext, rule: RuleWithParams): string {
  const { f, lang } = ctx;
  switch (rule.id) {
    case 'dormant':
      return pick(lang, {
        zh: `连续${rule.params.minYears}年及以上活动次数、收入与专职人员均为0`,
        en: `activities, revenue and full-time staff all 0 in ${rule.params.minYears} or more consecutive years`,
      });
    case 'missing_report':
      return pick(lang, {
        zh: `应报年份中缺少${rule.params.minMissingYears}年及以上的年报${rule.params.trailing ? '（含最近年份缺报）' : ''}`,
        en: `${rule.params.minMissingYears} or more annual reports missing in the years due${rule.params.trailing ? ' (including the latest years)' : ''}`,
      });
    case 'persistent_deficit':
      return pick(lang, {
        zh: `连续${rule.params.minYears}年及以上支出超过收入${rule.params.ratio !== 1 ? `的${f.dec(rule.params.ratio, 2)}倍` : ''}`,
        en: `expenses above ${rule.params.ratio !== 1 ? `${f.dec(rule.params.ratio, 2)}× ` : ''}revenue in ${rule.params.minYears} or more consecutive years`,
      });
    case 'single_source':
      return pick(lang, {
        zh: `最近报告年份中一项来源（${rule.params.source}）超过总收入的${f.pct(rule.params.maxShare)}`,
        en: `one source (${rule.params.source}) above ${f.pct(rule.params.maxShare)} of revenue in the latest report year`,
      });
    case 'implausible_jump':
      return pick(lang, {
        zh: `收入、专职人员或从业人员总数达到上年的${rule.params.factor}倍及以上`,
        en: `revenue, full-time staff or total staff at ${rule.params.factor} times the previous year’s or more`,
      });
    case 'cert_above_staff':
      return pick(lang, {
        zh: `持证人数超过从业人数${rule.params.margin ? `${rule.params.margin}人以上` : ''}`,
        en: `certified staff above total staff${rule.params.margin ? ` by more than ${rule.params.margin}` : ''}`,
      });
    case 'credit_code_checksum':
      return pick(lang, {
        zh: '统一社会信用代码校验位错误（GB 32100-2015）',
        en: 'credit code failing its check character (GB 32100-2015)',
      });
    case 'credit_code_mismatch':
      return pick(lang, {
        zh: '代码第2位与组织类型不符，或第3—8位与所在地区不符',
        en: 'character 2 of the code disagrees with the type, or characters 3–8 with the region',
      });
    case 'deregistered_reporting':
      return pick(lang, {
        zh: `注销年份之后${rule.params.minYearsAfter}年及以上仍有年报`,
        en: `annual reports ${rule.params.minYearsAfter} or more years after the deregistration year`,
      });
  }
}

/** The rules with thresholds, the transparency index and the grades. */
function supervisionMethods(ctx: ReportContext, su: RanSection<'supervision'>): Block[] {
  const { f, lang } = ctx;
  const list = su.rules.list;
  const actions = new Map(su.actions.map((a) => [a.id, a[lang]]));
  const sev = (s: string) => rt(s === 'high' ? 'sev.high' : s === 'medium' ? 'sev.medium' : 'sev.low', lang);
  const tr = su.transparency.weights;
  const w = (k: keyof typeof tr) => f.dec(tr[k], 2);
  const def = su.grades.definition;
  const bands = def.bands;
  const windowYears = su.transparency.windowYears;
  return [
    h3(pick(lang, { zh: 'B.5 风险预警、透明度与分级', en: 'B.5 Risk warnings, transparency and grades' })),
    {
      kind: 'table',
      head: [
        pick(lang, { zh: '规则', en: 'Rule' }),
        pick(lang, { zh: '条件（阈值）', en: 'Condition (thresholds)' }),
        pick(lang, { zh: '严重程度', en: 'Severity' }),
        pick(lang, { zh: '处置', en: 'Action' }),
      ],
      align: ['l', 'l', 'l', 'l'],
      rows: list.map((r): Cell[] => [
        r[lang],
        ruleText(ctx, r as RuleWithParams),
        sev(r.severity),
        actions.get(r.action) ?? r.action,
      ]),
    },
    para(
      pick(lang, {
        zh: `透明度指数（0—100）按最近${windowYears}年的年报计算：`,
        en: `The transparency index (0–100) over the annual reports of the last ${windowYears} years:`,
      }),
    ),
    math(
      lang === 'zh'
        ? `\\text{透明度} = 100 \\times (${w('completeness')}\\,\\text{年报完整度} + ${w('disclosure')}\\,\\text{信息公开} + ${w('online')}\\,\\text{网上公开} + ${w('continuity')}\\,\\text{年报连续性})`
        : `TI = 100 \\times (${w('completeness')}\\,\\text{completeness} + ${w('disclosure')}\\,\\text{disclosure} + ${w('online')}\\,\\text{online} + ${w('continuity')}\\,\\text{continuity})`,
      lang === 'zh'
        ? `透明度 = 100 × (${w('completeness')}·年报完整度 + ${w('disclosure')}·信息公开 + ${w('online')}·网上公开 + ${w('continuity')}·年报连续性)`
        : `TI = 100 × (${w('completeness')}·completeness + ${w('disclosure')}·disclosure + ${w('online')}·online + ${w('continuity')}·continuity)`,
    ),
    para(
      pick(lang, {
        zh: `等级：在同类组织（同类型、同地区，不足${def.minPeers}个时与全区同类型比较）中的质量得分≥${bands.A}且透明度≥${def.aMinTransparency}为A级，得分≥${bands.B}为B级，其余为C级；再按最严重的预警封顶：低→B、中→C、高→D。预警是核查线索，不是违规认定。`,
        en: `Grades: a quality score among peers (same type and region; the province’s organizations of the type when fewer than ${def.minPeers}) of at least ${bands.A} with transparency at least ${def.aMinTransparency} is A, a score of at least ${bands.B} B, otherwise C; the most severe warning then caps the grade: low → B, medium → C, high → D. A warning is a lead to check, not a finding of a violation.`,
      }),
    ),
  ];
}

/**
 * The methods of every analysis present, in the report's language, with typeset formulas.
 *
 * @param ctx report context
 * @returns blocks (without the appendix heading); empty without analyses
 */
export function methodsBlocks(ctx: ReportContext): Block[] {
  const out: Block[] = [];
  const { indicators: ind, spatial: sp, trends: tr, tension: te, staff } = ctx.results.analyses;
  if (ind) out.push(...indicatorMethods(ctx, ind));
  // a skipped spatial section (one region of --each region) still states the method, without its numbers
  if (sp) out.push(...spatialMethods(ctx, ranSection(ctx.results, 'spatial')?.method.moran));
  if (tr) out.push(...trendMethods(ctx, tr));
  if (te) out.push(...tensionMethods(ctx, te));
  const su = ranSection(ctx.results, 'supervision');
  if (su) out.push(...supervisionMethods(ctx, su));
  const rule = staff?.rule[ctx.lang];
  if (staff && !staff.skipped)
    out.push(
      h3(pick(ctx.lang, { zh: 'B.6 人才队伍：结构类型与占比口径', en: 'B.6 Staff: structure classes and shares' })),
      ...(rule ? [para(rule)] : []),
      para(
        pick(ctx.lang, {
          zh: '各项人员占比（大专及以上学历人员占比、专职人员占比、持证人员占从业人员比例、各级证书占比）在人才队伍一节、指标体系与三重张力中口径相同：分子与分母只取同时报告了分子与分母各字段的组织，未报告的组织按缺失处理、不计为0，并注明报告组织数n；持证人数、各级占比、每组织持证人数与结构类型只取三级证书均已报告的组织。汇总表（年鉴）只有合计数，无法逐个组织配对，此时占比为表中分子合计与分母合计之比（表中给出报告组织数时，各合计先按“组织数÷报告组织数”推及全部组织）。',
          en: 'Every staff share (college-educated, full-time, certified of staff, each certificate level of the certified) has one definition in the staff section, the indicators and the triple tension: numerator and denominator are summed over the organizations that reported every field of both; an organization that left a field blank is missing, never counted as 0, and the number of reporting organizations n is stated. Certificate counts, level shares, holders per organization and the structure class rest on the organizations that reported all three levels. A yearbook (aggregated) table has only totals and cannot be paired organization by organization: a share is then the ratio of the numerator total to the denominator total (when the table gives reporting counts, each total is first scaled to all organizations by count ÷ reporting count).',
        }),
      ),
    );
  return out;
}
