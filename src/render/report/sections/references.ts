/**
 * The report's references: the literature on social organizations the report cites (as the
 * papers' own text gives them, nothing added) and the sources of the methods.
 */
import type { Block } from '../report-model.js';
import type { ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

/** The literature on social organizations, cited in the text as 伏昕（2025） / Fu (2025) etc. */
const LITERATURE: readonly { zh: string; en: string }[] = [
  {
    zh: '伏昕. 内蒙古社会组织高质量发展的提升策略研究. Inner Mongolia University of Technology, 2025. DOI: 10.61369/SSSD.2025050028.',
    en: 'Fu Xin (伏昕) (2025). 内蒙古社会组织高质量发展的提升策略研究 [Research on improvement strategies for high-quality development of social organizations in Inner Mongolia]. Inner Mongolia University of Technology. DOI: 10.61369/SSSD.2025050028.',
  },
  {
    zh: '闫雪哲. 社区社会组织培育发展路径研究——以呼伦贝尔市为例. 呼伦贝尔市行政学院. 数据截至2024年6月.',
    en: 'Yan Xuezhe (闫雪哲). 社区社会组织培育发展路径研究——以呼伦贝尔市为例 [Paths for cultivating community social organizations: the case of Hulunbuir]. 呼伦贝尔市行政学院. Figures as of June 2024.',
  },
  {
    zh: '梁余林, 郑雄林. 社会组织参与社区治理的策略研究. 农视网, 2025-12-08.',
    en: 'Liang Yulin (梁余林), Zheng Xionglin (郑雄林) (2025). 社会组织参与社区治理的策略研究 [Strategies for social organizations’ participation in community governance]. 农视网, 2025-12-08.',
  },
  {
    zh: '宋欣阳. “互联网+”背景下的社会组织管理创新. Northeast Agricultural University, 2024-01-19.',
    en: 'Song Xinyang (宋欣阳) (2024). “互联网+”背景下的社会组织管理创新 [Social organization management innovation in the context of “Internet Plus”]. Northeast Agricultural University; published 2024-01-19.',
  },
  {
    zh: '内蒙古伊金霍洛旗：党建引领专业社会工作助力城乡社区治理. 案例报道，未署名作者；引用2024年数据.',
    en: '内蒙古伊金霍洛旗：党建引领专业社会工作助力城乡社区治理 [Ejin Horo Banner, Inner Mongolia: Party-building-led professional social work in urban and rural community governance]. Case report, no author named; cites 2024 figures.',
  },
];

/** The sources of the methods (the same in both languages). */
const METHODS: readonly string[] = [
  'Anselin, L. (1995). Local indicators of spatial association—LISA. Geographical Analysis, 27(2), 93–115.',
  'Becker, W., et al. (2022). COINr: An R package for developing composite indicators. Journal of Open Source Software, 7(78), 4567.',
  'Cliff, A. D., & Ord, J. K. (1981). Spatial Processes: Models and Applications. London: Pion.',
  'Diakoulaki, D., Mavrotas, G., & Papayannakis, L. (1995). Determining objective weights in multiple criteria problems: The CRITIC method. Computers & Operations Research, 22(7), 763–770.',
  'Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications. Berlin: Springer.',
  'Kendall, M. G. (1975). Rank Correlation Methods (4th ed.). London: Griffin.',
  'Mann, H. B. (1945). Nonparametric tests against trend. Econometrica, 13(3), 245–259.',
  'Moran, P. A. P. (1950). Notes on continuous stochastic phenomena. Biometrika, 37(1/2), 17–23.',
  'OECD, & JRC (2008). Handbook on Constructing Composite Indicators: Methodology and User Guide. Paris: OECD Publishing.',
  'Sen, P. K. (1968). Estimates of the regression coefficient based on Kendall’s tau. Journal of the American Statistical Association, 63(324), 1379–1389.',
  'Shannon, C. E. (1948). A mathematical theory of communication. Bell System Technical Journal, 27(3), 379–423.',
  'Theil, H. (1967). Economics and Information Theory. Amsterdam: North-Holland.',
  'Wang Shujia (王淑佳) et al. (2021). 国内耦合协调度模型的误区及修正 [Research on misuses and modification of coupling coordination degree model in China]. 自然资源学报 Journal of Natural Resources, 36(3), 793 ff.',
];

/**
 * The references section: the literature the report cites, then the methods' sources.
 *
 * @param ctx report context (language)
 * @returns the section's blocks (without its heading)
 * @example
 * referencesBlocks(ctx)[1]; // => { kind: 'list', items: [['伏昕. 内蒙古社会组织…']] , … }
 */
export function referencesBlocks(ctx: Pick<ReportContext, 'lang'>): Block[] {
  return [
    {
      kind: 'heading',
      level: 3,
      text: pick(ctx.lang, { zh: '社会组织研究文献', en: 'Literature on social organizations' }),
    },
    { kind: 'list', items: LITERATURE.map((r) => [ctx.lang === 'zh' ? r.zh : r.en]) },
    { kind: 'heading', level: 3, text: pick(ctx.lang, { zh: '方法文献', en: 'Methods' }) },
    { kind: 'list', items: METHODS.map((r) => [r]) },
  ];
}
