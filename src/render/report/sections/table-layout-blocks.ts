/**
 * Data-quality appendix: where each input's table was.
 */
import { arr, isObj, num, str } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

const KIND_ZH: Record<string, string> = { title: '标题', unit: '单位', total: '合计', note: '注释' };

/**
 * Where each input's table sat (results.json provenance `inputs[].table`): the header line,
 * the lines around the table that are not rows, the money units converted to yuan and the
 * merged cells filled down. Nothing for inputs whose header is a plain first line.
 *
 * @param ctx report context
 * @returns the blocks (a heading and, per input, a paragraph and tables), or none
 */
export function tableLayoutBlocks(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const inputs = arr<unknown>(ctx.results.provenance?.inputs).filter(isObj);
  const items: Block[] = [];
  for (const i of inputs) {
    const t = isObj(i.table) ? i.table : null;
    if (!t) continue;
    const file = str(i.file) ?? '';
    const line = f.int(num(t.headerLine));
    const two = num(t.headerRows) === 2;
    const list: Cell[][] = [];
    items.push(
      para(
        pick(lang, {
          zh: `${file}：表头在第${line}行${two ? '（两行表头已合并）' : ''}。`,
          en: `${file}: header on line ${line}${two ? ' (a two-row header, combined)' : ''}.`,
        }),
      ),
    );
    for (const l of arr<unknown>(t.lines).filter(isObj))
      list.push([
        f.int(num(l.line)),
        pick(lang, { zh: KIND_ZH[str(l.kind) ?? ''] ?? str(l.kind) ?? '', en: str(l.kind) ?? '' }),
        str(l.text) ?? '',
      ]);
    if (list.length)
      items.push({
        kind: 'table',
        head: [
          pick(lang, { zh: '行', en: 'Line' }),
          pick(lang, { zh: '类别（不计入行数）', en: 'Kind (not a row)' }),
          pick(lang, { zh: '内容', en: 'Text' }),
        ],
        align: ['r', 'l', 'l'],
        rows: list,
      });
    const units = arr<unknown>(t.units).filter(isObj);
    if (units.length)
      items.push({
        kind: 'table',
        head: [
          pick(lang, { zh: '列', en: 'Column' }),
          pick(lang, { zh: '单位', en: 'Unit' }),
          pick(lang, { zh: '换算为元的系数', en: 'Factor to yuan' }),
          pick(lang, { zh: '来源', en: 'From' }),
        ],
        align: ['l', 'l', 'r', 'l'],
        rows: units.map((u): Cell[] => [
          str(u.header) ?? '',
          str(u.unit) ?? '',
          f.int(num(u.factor)),
          str(u.from) === 'unit-line'
            ? pick(lang, { zh: '单位行', en: 'unit line' })
            : pick(lang, { zh: '表头', en: 'header' }),
        ]),
      });
    if (num(t.filled))
      items.push(
        para(
          pick(lang, {
            zh: `${f.int(num(t.filled))}个空白的地区或年份单元格按"同上"（合并单元格）填充。`,
            en: `${f.int(num(t.filled))} blank region or year cells read as "same as above" (merged cells) and filled.`,
          }),
        ),
      );
  }
  return items.length
    ? [{ kind: 'heading', level: 3, text: pick(lang, { zh: '表格的位置', en: 'Where the table was' }) }, ...items]
    : [];
}
