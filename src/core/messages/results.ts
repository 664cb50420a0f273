import { pick, type Lang } from '../lang.js';

/**
 * Notes of results.json on the input's quality (table lines, units, filled-down cells, aggregated input).
 */

/** The organization-level data checks that do not apply to an aggregated table. */
export const noteAggregateQuality = (lang: Lang): string =>
  pick(lang, {
    zh: '汇总表：针对单个组织的检查（统一社会信用代码、重复组织、登记与年报日期）不适用；重复数为同一地区×年份×类型（×领域）的重复行，合计与分项之和不符时记为 W_TOTAL_MISMATCH 警告。',
    en: 'aggregated table: the checks of individual organizations (credit codes, duplicate organizations, registration and report dates) do not apply; duplicates count repeated region × year × type (× field) rows, and totals that disagree with the rows under them are W_TOTAL_MISMATCH warnings.',
  });

/** Note of the data-quality section: merged region/year cells filled down. */
export const noteFilledDown = (lang: Lang, cells: number): string =>
  pick(lang, {
    zh: `汇总表中${cells}个空白的地区或年份单元格按"同上"处理（合并单元格导出后为空），已用上一行的值填充。`,
    en: `${cells} blank region or year cells of the aggregated table were read as "same as above" (merged cells exported as blanks) and filled with the value of the row above.`,
  });

/** Note of the data-quality section: money columns converted to yuan. */
export const noteUnits = (lang: Lang, units: readonly { header: string; unit: string; factor: number }[]): string =>
  pick(lang, {
    zh: `金额已换算为元：${units.map((u) => `${u.header} × ${u.factor.toLocaleString('en-US')}（${u.unit}）`).join('；')}。`,
    en: `amounts converted to yuan: ${units.map((u) => `${u.header} × ${u.factor.toLocaleString('en-US')} (${u.unit})`).join('; ')}.`,
  });

/** Note of the data-quality section: lines around the table that are not rows. */
export const noteTableLines = (lang: Lang, counts: Readonly<Record<string, number>>): string => {
  const zh: Record<string, string> = { title: '标题行', unit: '单位行', total: '合计行', note: '注释行' };
  return pick(lang, {
    zh: `表格前后非数据行（不计入读取行数）：${Object.entries(counts)
      .map(([k, n]) => `${zh[k] ?? k}${n}行`)
      .join('，')}；各行及其行号见 results.json 的 provenance（inputs[].table.lines）。`,
    en: `lines around the table that are not rows (not counted as read): ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}; each is listed with its line in results.json provenance (inputs[].table.lines).`,
  });
};
