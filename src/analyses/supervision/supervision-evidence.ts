import { pick, type Lang } from '../../core/lang.js';
import { checksumReason } from '../../core/messages/credit-code.js';
import { checkCreditCode } from '../../domain/credit-code/index.js';
import { listOf, pct1 } from '../../core/messages/format.js';
import { orgTypeLabel } from '../../core/messages/spatial.js';

/**
 * The evidence text of a risk warning: what the rule saw, in either language.
 */

const amount = (lang: Lang, x: unknown): string =>
  typeof x === 'number' && Number.isFinite(x)
    ? `${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}${lang === 'zh' ? '元' : ' yuan'}`
    : '–';

const yearsText = (lang: Lang, ys: unknown): string => {
  const a = Array.isArray(ys) ? (ys as number[]) : [];
  if (a.length === 0) return '';
  const runs: string[] = [];
  let s = a[0];
  for (let k = 1; k <= a.length; k++) {
    if (k < a.length && a[k] === a[k - 1] + 1) continue;
    runs.push(s === a[k - 1] ? String(s) : `${s}–${a[k - 1]}`);
    s = a[k];
  }
  return lang === 'zh' ? runs.join('、') : runs.join(', ');
};

const QUANTITY: Record<string, [string, string]> = {
  revenue: ['total revenue', '收入合计'],
  staff_fulltime: ['full-time staff', '专职人员'],
  staff_total: ['full-time + part-time staff', '专兼职人员合计'],
  activities: ['activities', '活动次数'],
};

const quantity = (lang: Lang, q: unknown): string =>
  QUANTITY[String(q)] ? QUANTITY[String(q)][lang === 'zh' ? 1 : 0] : String(q);

const SOURCE: Record<string, [string, string]> = {
  rev_gov_purchase: ['government purchase of services', '政府购买服务收入'],
  rev_donations: ['donations', '捐赠收入'],
  rev_membership: ['membership fees', '会费收入'],
  rev_services: ['services', '提供服务收入'],
  rev_other: ['other revenue', '其他收入'],
};

/**
 * The evidence of a warning as one sentence: the numbers and years that triggered the rule.
 *
 * @param lang language
 * @param rule the rule id
 * @param e the warning's evidence (see docs/RESULTS.md, `analyses.supervision`)
 * @returns the sentence
 */
export const supervisionEvidence = (lang: Lang, rule: string, e: Record<string, unknown>): string => {
  const n = (x: unknown, d = 0): string => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '–');
  switch (rule) {
    case 'dormant': {
      const qs = ((e.quantities as string[]) ?? []).map((x) => quantity(lang, x));
      return pick(lang, {
        zh: `${e.from}—${e.to}年连续${e.consecutiveYears}年${listOf(lang, qs)}均为0`,
        en: `${listOf(lang, qs)} all 0 in ${e.from}–${e.to} (${e.consecutiveYears} consecutive report years)`,
      });
    }
    case 'missing_report':
      return pick(lang, {
        zh: `缺少${yearsText(lang, e.missingYears)}年度年报（应自${e.dueFrom}年起报送；已有年报${e.firstReport}—${e.lastReport}年${Number(e.afterLastReport) > 0 ? `；最后一次年报后已有${e.afterLastReport}年未报` : ''}）`,
        en: `no annual report for ${yearsText(lang, e.missingYears)} (reports due from ${e.dueFrom}; reports on file ${e.firstReport}–${e.lastReport}${Number(e.afterLastReport) > 0 ? `; ${e.afterLastReport} year(s) since the last report` : ''})`,
      });
    case 'persistent_deficit': {
      const rev = (e.revenue as number[]) ?? [];
      const exp = (e.expenses as number[]) ?? [];
      const per = rev.map((r, k) => `${Number(e.from) + k}: ${amount(lang, exp[k])} / ${amount(lang, r)}`).join('; ');
      return pick(lang, {
        zh: `${e.from}—${e.to}年连续${e.consecutiveYears}年支出大于收入（支出/收入 ${per}）`,
        en: `expenses above revenue in ${e.from}–${e.to} (${e.consecutiveYears} consecutive years; expenses / revenue ${per})`,
      });
    }
    case 'single_source': {
      const src = SOURCE[String(e.source)] ?? [String(e.source), String(e.source)];
      return pick(lang, {
        zh: `${e.year}年${src[1]}${amount(lang, e.amount)}，占收入合计${amount(lang, e.revenue)}的${pct1(Number(e.share))}（阈值${pct1(Number(e.maxShare))}）`,
        en: `${e.year}: ${src[0]} ${amount(lang, e.amount)} of total revenue ${amount(lang, e.revenue)} = ${pct1(Number(e.share))} (threshold ${pct1(Number(e.maxShare))})`,
      });
    }
    case 'implausible_jump': {
      const money = e.quantity === 'revenue';
      const v = (x: unknown): string => (money ? amount(lang, x) : n(x));
      const more =
        Number(e.jumps) > 1 ? pick(lang, { zh: `；共${e.jumps}次跳变`, en: `; ${e.jumps} jumps in all` }) : '';
      return pick(lang, {
        zh: `${quantity(lang, e.quantity)}由${Number(e.year) - 1}年的${v(e.previous)}变为${e.year}年的${v(e.current)}，为上年的${n(e.ratio, 1)}倍（阈值${e.factor}倍）${more}`,
        en: `${quantity(lang, e.quantity)} ${v(e.previous)} (${Number(e.year) - 1}) → ${v(e.current)} (${e.year}), ×${n(e.ratio, 1)} (threshold ×${e.factor})${more}`,
      });
    }
    case 'cert_above_staff':
      return pick(lang, {
        zh: `${e.year}年持证社会工作者${e.certified}人，而专兼职人员仅${e.staff}人${Number(e.yearsAbove) > 1 ? `（共${e.yearsAbove}个年度如此）` : ''}`,
        en: `${e.year}: ${e.certified} certified social workers but ${e.staff} full-time + part-time staff${Number(e.yearsAbove) > 1 ? ` (${e.yearsAbove} years like this)` : ''}`,
      });
    case 'credit_code_checksum':
      return pick(lang, {
        zh: `统一社会信用代码${e.code}${checksumReason(checkCreditCode(String(e.code)).problems, 'zh')}`,
        en: `credit code ${e.code} ${checksumReason(checkCreditCode(String(e.code)).problems, 'en')}`,
      });
    case 'credit_code_mismatch':
      return codeMismatchEvidence(lang, e);
    case 'deregistered_reporting':
      return pick(lang, {
        zh: `已于${String(e.deregistered)
          .replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')
          .replace(
            /-00/g,
            '',
          )}注销，但仍有${e.firstAfter === e.lastAfter ? e.firstAfter : `${e.firstAfter}—${e.lastAfter}`}年的${e.reportsAfter}份年报`,
        en: `deregistered on ${String(e.deregistered)
          .replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')
          .replace(
            /-00/g,
            '',
          )} but ${e.reportsAfter} annual report${Number(e.reportsAfter) === 1 ? '' : 's'} for ${e.firstAfter === e.lastAfter ? e.firstAfter : `${e.firstAfter}–${e.lastAfter}`}`,
      });
    default:
      return JSON.stringify(e);
  }
};

/** The evidence of a credit code that disagrees with the type or region column. */
function codeMismatchEvidence(lang: Lang, e: Record<string, unknown>): string {
  const parts: string[] = [];
  if (String(e.disagrees).includes('type'))
    parts.push(
      pick(lang, {
        zh: `代码显示类型为${orgTypeLabel(lang, String(e.codeType))}，类型栏为${orgTypeLabel(lang, String(e.type))}`,
        en: `says type ${orgTypeLabel(lang, String(e.codeType))} but the type column says ${orgTypeLabel(lang, String(e.type))}`,
      }),
    );
  if (String(e.disagrees).includes('region'))
    parts.push(
      pick(lang, {
        zh: `代码登记地区为${e.codeRegion}，地区栏为${e.region}`,
        en: `was issued in region ${e.codeRegion} but the region column says ${e.region}`,
      }),
    );
  return pick(lang, {
    zh: `统一社会信用代码${e.code}：${parts.join('；')}`,
    en: `credit code ${e.code} ${parts.join(' and ')}`,
  });
}
