import { finalOutPath } from '../output/prepare-out-dir.js';
import type { Results } from '../../results/results.js';
import type { CliIO } from '../io.js';
import * as msg from '../../core/messages/index.js';
import * as text from '../output/cli-text.js';

/**
 * Print what a run did: the row accounting and the latest year's organizations by type as
 * a small table on stdout (or JSON with `json`), and where the files went on stderr.
 *
 * @param r results
 * @param staged output folder (as staged; its final path is printed)
 * @param io CLI streams
 * @param options.json print JSON instead of a table
 * @param options.quiet no stderr lines
 * @param options.lang language of the table (default zh; the JSON keeps the type codes)
 * @example
 * printRunSummary(results, 'reports/sample', io, { json: false, quiet: false }); // prints the row accounting
 */
export function printRunSummary(
  r: Results,
  staged: string,
  io: CliIO,
  { json, quiet, lang = 'zh' }: { json: boolean; quiet: boolean; lang?: msg.Lang },
): void {
  const outDir = finalOutPath(staged);
  const rows = r.provenance.rows;
  const lastYear = r.counts.years.at(-1);
  const byType = r.counts.byYearType.filter((x) => x.year === lastYear);
  if (json) {
    io.stdout(
      `${JSON.stringify({ outDir, rows, year: lastYear ?? null, byType: Object.fromEntries(byType.map((x) => [x.type, x.count])), synthetic: r.notice?.synthetic ?? false }, null, 2)}\n`,
    );
  } else {
    const lines: string[] = [];
    if (r.notice) lines.push(r.notice[lang], '');
    lines.push(
      lang === 'zh'
        ? `读取${rows.read}行 = 接受${rows.accepted}行 + 拒收${rows.rejected}行${rows.blank ? `（另跳过空行${rows.blank}行）` : ''}`
        : `rows read ${rows.read} = accepted ${rows.accepted} + rejected ${rows.rejected}${rows.blank ? ` (${rows.blank} blank lines skipped)` : ''}`,
    );
    if (lastYear !== undefined) {
      lines.push(lang === 'zh' ? `${lastYear}年社会组织：` : `organizations in ${lastYear}:`);
      const total = byType.reduce((s, x) => s + x.count, 0);
      for (const x of byType)
        lines.push(
          `  ${padLabel(msg.orgTypeLabel(lang, x.type), 24)} ${String(x.count).padStart(8)}  ${((100 * x.count) / total).toFixed(1).padStart(5)}%`,
        );
      lines.push(`  ${padLabel(lang === 'zh' ? '合计' : 'total', 24)} ${String(total).padStart(8)}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (!quiet) io.stderr(text.wroteOutputs(lang, outDir, rows.rejected));
}

/** Pad to a display width (a CJK character is two columns wide). */
function padLabel(s: string, n: number): string {
  const w = [...s].reduce((a, ch) => a + (/[\u2E80-\uA4CF\uFF00-\uFF60]/u.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
}
