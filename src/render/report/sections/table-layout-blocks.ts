/**
 * Data-quality appendix: where each input's table was.
 */
import type { InputProvenance } from '../../../results/results.js';
import type { Block, Cell } from '../report-model.js';
import { para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

type TableLayout = NonNullable<InputProvenance['table']>;

const KIND_ZH: Record<string, string> = { title: '标题', unit: '单位', total: '合计', note: '注释' };

/** One input's table: the header line, the lines that are not rows, the money units, the cells filled down. */
function layoutBlocks(ctx: ReportContext, file: string, t: TableLayout): Block[] {
  const { f, lang } = ctx;
  const line = f.int(t.headerLine);
  const two = t.headerRows === 2;
  const blocks: Block[] = [
    para(
      pick(lang, {
        zh: `${file}：表头在第${line}行${two ? '（两行表头已合并）' : ''}。`,
        en: `${file}: header on line ${line}${two ? ' (a two-row header, combined)' : ''}.`,
      }),
    ),
  ];
  if (t.lines.length)
    blocks.push({
      kind: 'table',
      head: [
        pick(lang, { zh: '行', en: 'Line' }),
        pick(lang, { zh: '类别（不计入行数）', en: 'Kind (not a row)' }),
        pick(lang, { zh: '内容', en: 'Text' }),
      ],
      align: ['r', 'l', 'l'],
      rows: t.lines.map((l): Cell[] => [
        f.int(l.line),
        pick(lang, { zh: KIND_ZH[l.kind] ?? l.kind, en: l.kind }),
        l.text,
      ]),
    });
  if (t.units.length)
    blocks.push({
      kind: 'table',
      head: [
        pick(lang, { zh: '列', en: 'Column' }),
        pick(lang, { zh: '单位', en: 'Unit' }),
        pick(lang, { zh: '换算为元的系数', en: 'Factor to yuan' }),
        pick(lang, { zh: '来源', en: 'From' }),
      ],
      align: ['l', 'l', 'r', 'l'],
      rows: t.units.map((u): Cell[] => [
        u.header,
        u.unit,
        f.int(u.factor),
        u.from === 'unit-line'
          ? pick(lang, { zh: '单位行', en: 'unit line' })
          : pick(lang, { zh: '表头', en: 'header' }),
      ]),
    });
  if (t.filled)
    blocks.push(
      para(
        pick(lang, {
          zh: `${f.int(t.filled)}个空白的地区或年份单元格按"同上"（合并单元格）填充。`,
          en: `${f.int(t.filled)} blank region or year cells read as "same as above" (merged cells) and filled.`,
        }),
      ),
    );
  return blocks;
}

/**
 * Where each input's table sat (results.json provenance `inputs[].table`): the header line,
 * the lines around the table that are not rows, the money units converted to yuan and the
 * merged cells filled down. Nothing for inputs whose header is a plain first line.
 *
 * @param ctx report context
 * @returns the blocks (a heading and, per input, a paragraph and tables), or none
 */
export function tableLayoutBlocks(ctx: ReportContext): Block[] {
  const items = ctx.results.provenance.inputs.flatMap((i) => (i.table ? layoutBlocks(ctx, i.file, i.table) : []));
  return items.length
    ? [{ kind: 'heading', level: 3, text: pick(ctx.lang, { zh: '表格的位置', en: 'Where the table was' }) }, ...items]
    : [];
}
