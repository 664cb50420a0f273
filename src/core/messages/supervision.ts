import { pick, type Lang } from '../lang.js';
import { listOf } from './format.js';

/**
 * Messages and notes of the risk warnings, transparency and grades (soqa risk, soqa portrait) and of the yearly bulletin.
 */

/** Display name of a severity. */
export const severityLabel = (lang: Lang, s: string): string =>
  ({
    high: pick(lang, { zh: '高', en: 'high' }),
    medium: pick(lang, { zh: '中', en: 'medium' }),
    low: pick(lang, { zh: '低', en: 'low' }),
  })[s] ?? s;

/** A rule that cannot run on this input. */
export const noteSupervisionRuleSkipped = (lang: Lang, rule: string, missing: readonly string[]): string =>
  pick(lang, {
    zh: `规则 ${rule} 未执行：输入${missing.includes('year') ? '没有年报年度（为登记名录而非年报面板）' : `缺少${listOf(lang, missing)}列`}。`,
    en: `rule ${rule} not applied: the input has no ${missing.includes('year') ? 'report years (a registry list, not an annual-report panel)' : `column ${listOf(lang, missing)}`}.`,
  });

/** Registry list: rules and transparency read one row per organization. */
export const noteSupervisionRegistry = (lang: Lang, year: number): string =>
  pick(lang, {
    zh: `登记名录：每个组织的唯一一行视为其${year}年报告；跨年度规则不执行，透明度指数不含连续性分项，已注销组织不评级。`,
    en: `registry list: each organization's one row is read as its report for ${year}; rules that follow organizations over years are not applied, transparency has no continuity part, and deregistered organizations are not graded.`,
  });

/** Panel rows without a year are left out of the supervision pass. */
export const noteSupervisionNoYear = (lang: Lang, rows: number): string =>
  pick(lang, {
    zh: `${rows}行面板记录缺少年度，未纳入风险预警、透明度与评级。`,
    en: `${rows} panel rows have no year and are left out of the risk warnings, transparency and grades.`,
  });

/** Framework indicators left out of the organization-level score. */
export const noteSupervisionIndicators = (
  lang: Lang,
  regionLevel: readonly string[],
  missing: readonly string[],
): string =>
  pick(lang, {
    zh: `组织层面质量得分：${regionLevel.length ? `不含地区层面指标（${listOf(lang, regionLevel)}）` : ''}${regionLevel.length && missing.length ? '；' : ''}${missing.length ? `缺少数据列的指标未纳入（${listOf(lang, missing)}）` : ''}。`,
    en: `organization-level quality score: ${regionLevel.length ? `region-level indicators left out (${listOf(lang, regionLevel)})` : ''}${regionLevel.length && missing.length ? '; ' : ''}${missing.length ? `indicators without their columns left out (${listOf(lang, missing)})` : ''}.`,
  });

/** No organization-level indicator can be computed: grades come from warnings and transparency only. */
export const noteSupervisionNoIndicators = (lang: Lang, noScore: string): string =>
  pick(lang, {
    zh: `输入无法计算任何组织层面指标：所有组织的基础等级为${noScore}，再按预警封顶。`,
    en: `no organization-level indicator can be computed from this input: every organization gets base grade ${noScore}, capped by its warnings.`,
  });

/** Peer groups too small for type × region fell back to type or to all organizations. */
export const noteSupervisionPeerFallback = (lang: Lang, byType: number, all: number, minPeers: number): string =>
  pick(lang, {
    zh: `同类比较组：${byType}个组织因所在“类型×地区”组不足${minPeers}个而与全区同类型组织比较，${all}个与全部组织比较。`,
    en: `peer groups: ${byType} organizations are ranked against their type across regions and ${all} against all organizations, because their type × region group has fewer than ${minPeers}.`,
  });

/** results.json leaves organization ids and names out unless asked. */
export const noteSupervisionHidden = (lang: Lang): string =>
  pick(lang, {
    zh: '此处不列出组织名称与代码；`soqa analyze --list-organizations` 可加入被预警组织及其证据，`soqa risk` 可直接输出。',
    en: 'organization ids and names are not listed here; `soqa analyze --list-organizations` adds the flagged organizations with their evidence, and `soqa risk` prints them.',
  });

/** The bulletin cannot compare the warnings of two years (aggregated table or registry list). */
export const noteBulletinNoWarnings = (lang: Lang, reason: 'aggregate' | 'registry'): string =>
  reason === 'aggregate'
    ? pick(lang, {
        zh: '新增预警：未比较，输入为汇总表，没有逐个组织的记录。',
        en: 'new warnings: not compared, because the input is an aggregated table without organization rows.',
      })
    : pick(lang, {
        zh: '新增预警：未比较，登记名录没有逐年年报，无法按年核查。',
        en: 'new warnings: not compared, because a registry list has no annual reports to check year by year.',
      });
