import { SYNTHETIC_MARKER_COLUMN } from '../../sample/synthetic-marker.js';
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import { generateSample } from '../../sample/index.js';
import { loadRegions } from '../../ingest/regions/load-regions.js';
import { loadProfile, regionsPathFor } from '../../ingest/profile/load-profile.js';
import type { CliIO } from '../io.js';
import { parseIntOption, parseYearRange } from '../options.js';
import { toCsvLine, sampleManifest } from '../../sample/index.js';
import { writeAtomic } from '../output/write-atomic.js';
import { langFrom, langOption } from '../lang-option.js';

interface SampleRaw {
  lang?: string;
  orgs: string;
  years: string;
  seed: string;
  out: string;
  regions?: string;
  manifest?: string;
}

/**
 * Register `soqa sample`: write a synthetic Inner Mongolia organization-year panel made by
 * the deterministic generator (streamed, so any size works; `.gz` output is gzipped).
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code
 */
export function registerSample(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  program
    .command('sample')
    .description('write a synthetic, seeded Inner Mongolia organization-year panel (demonstration and benchmark data)')
    .option('--orgs <n>', 'organizations active in the last year', '18000')
    .option('--years <A-B>', 'year range', '2008-2024')
    .option('--seed <n>', 'random seed', '20240601')
    .option('--regions <name|path>', 'regions file', 'inner-mongolia')
    .option('-o, --out <file>', 'output file (.csv or .csv.gz; - for stdout)', '-')
    .addOption(langOption('the message on stderr'))
    .option('--manifest <file>', 'also write what was planted for each risk rule (JSON)')
    .action(async (raw: SampleRaw) => {
      const lang = langFrom(raw.lang);
      const orgs = parseIntOption('--orgs', raw.orgs, 10, 50_000_000);
      const years = parseYearRange('--years', raw.years);
      const seed = parseIntOption('--seed', raw.seed, 0, 2 ** 32 - 1);
      const regions = loadRegions(regionsPathFor(loadProfile('default'), raw.regions));
      const toStdout = raw.out === '-';
      const tmp = toStdout ? '' : `${raw.out}.${process.pid}.tmp`;
      const file = toStdout ? null : createWriteStream(tmp);
      const gz = !toStdout && raw.out.endsWith('.gz') ? createGzip({ level: 9 }) : null;
      if (gz && file) gz.pipe(file);
      const sink: Writable | null = gz ?? file;
      let buf = '';
      let rows = 0;
      const flush = async () => {
        if (!buf) return;
        if (sink) {
          if (!sink.write(buf)) await once(sink, 'drain');
        } else io.stdout(buf);
        buf = '';
      };
      try {
        for (const row of generateSample({ orgs, years, seed, regions })) {
          // a last column marks the file as soqa's synthetic sample, so that an analysis of it says so
          buf += `${toCsvLine(row)},${rows === 0 ? SYNTHETIC_MARKER_COLUMN : '1'}\n`;
          rows++;
          if (buf.length > 1 << 20) await flush();
        }
        await flush();
        if (sink) {
          sink.end();
          await once(file!, 'finish');
          await rename(tmp, raw.out);
        }
      } catch (e) {
        if (tmp) await rm(tmp, { force: true });
        throw e;
      }
      if (raw.manifest)
        writeAtomic(raw.manifest, `${JSON.stringify(sampleManifest({ orgs, years, seed, regions }), null, 2)}\n`);
      io.stderr(
        lang === 'zh'
          ? `已写入${rows - 1}行到${toStdout ? '标准输出' : raw.out}（合成数据；随机数种子 ${seed}）\n`
          : `wrote ${rows - 1} rows to ${toStdout ? 'stdout' : raw.out} (synthetic; seed ${seed})\n`,
      );
      setExit(EXIT.OK);
    });
}
