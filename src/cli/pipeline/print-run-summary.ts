import { finalOutPath } from '../output/prepare-out-dir.js';
import type { Results } from '../../results/results.js';
import type { CliIO } from '../io.js';
import * as msg from '../../core/messages.js';

/**
 * Print what a run did: the row accounting and the latest year's organizations by type as
 * a small table on stdout (or JSON with `json`), and where the files went on stderr.
 *
 * @param r results
 * @param outDir output folder
 * @param io CLI streams
 * @param json print JSON instead of a table
 * @param quiet no stderr lines
 */
export function printRunSummary(r: Results, staged: string, io: CliIO, json: boolean, quiet: boolean): void {
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
    if (r.notice) lines.push(r.notice.en, '');
    lines.push(
      `rows read ${rows.read} = accepted ${rows.accepted} + rejected ${rows.rejected}${rows.blank ? ` (${rows.blank} blank lines skipped)` : ''}`,
    );
    if (lastYear !== undefined) {
      lines.push(`organizations in ${lastYear}:`);
      const total = byType.reduce((s, x) => s + x.count, 0);
      for (const x of byType)
        lines.push(
          `  ${x.type.padEnd(24)} ${String(x.count).padStart(8)}  ${((100 * x.count) / total).toFixed(1).padStart(5)}%`,
        );
      lines.push(`  ${'total'.padEnd(24)} ${String(total).padStart(8)}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (!quiet) io.stderr(msg.wroteOutputs(outDir, rows.rejected));
}
