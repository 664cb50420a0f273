import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetBuilder } from '../../../src/dataset/dataset-builder.js';
import { OrgSpill, SPILL_BUCKETS } from '../../../src/ingest/spill/org-spill.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

describe('OrgSpill', () => {
  it('gives back every row of each organization in input order, bucket by bucket, with its row number', () => {
    const parent = mkdtempSync(join(tmpdir(), 'soqa-spill-test-'));
    const spill = new OrgSpill(parent);
    // two chunks; organizations 0 and 64 share bucket 0, organization 1 is in bucket 1
    const chunk = (rows: [string, number, number | null, string][]) => {
      const b = new DatasetBuilder(['org_id', 'name', 'type', 'region', 'year', 'expenses']);
      rows.forEach(([id, year, expenses, name], i) =>
        b.add({ org_id: id, name, type: 'foundation', region: '150100', year, expenses }, 0, 10 + i),
      );
      return b.finish('panel');
    };
    spill.append(
      chunk([
        ['A', 2023, 0.1, '甲"会'],
        ['B', 2023, null, 'B'],
        ['C', 2023, 5, 'C'],
      ]),
      Int32Array.of(0, 1, 64),
    );
    spill.append(
      chunk([
        ['A', 2024, 7, '甲"会'],
        ['C', 2024, 16_777_217, 'C'],
      ]),
      Int32Array.of(0, 64),
    );
    const parts = [...spill.parts()];
    expect(parts).toHaveLength(2);
    const [b0, b1] = parts;
    expect(b0.ds.text.org_id).toEqual(['A', 'C', 'A', 'C']);
    expect(b0.ds.text.name).toEqual(['甲"会', 'C', '甲"会', 'C']);
    expect(Array.from(b0.rows)).toEqual([0, 2, 3, 4]);
    expect(Array.from(b0.orgs)).toEqual([0, 64, 0, 64]);
    // the second chunk needed 8 bytes for 16,777,217 (2^24 + 1): the bucket's column is 8-byte
    expect(Array.from(b0.ds.num.expenses)).toEqual([0.1, 5, 7, 16_777_217]);
    expect(Array.from(b0.ds.source.line)).toEqual([10, 12, 10, 11]);
    expect(b0.ds.cat.region.dict).toEqual(['150100']);
    expect(b1.ds.text.org_id).toEqual(['B']);
    expect(Array.from(b1.ds.num.expenses)).toEqual([NaN]);
    expect(SPILL_BUCKETS).toBe(64);
    spill.close();
    expect(readdirSync(parent)).toEqual([]);
    rmSync(parent, { recursive: true });
  });

  it('says which folder it could not use and what to do (E_SPILL, exit 3)', () => {
    let err: unknown;
    try {
      new OrgSpill(join(tmpdir(), 'soqa-no-such-folder', 'deeper'));
    } catch (e) {
      err = e;
    }
    expect(isSoqaError(err) && err.code).toBe('E_SPILL');
    expect(isSoqaError(err) && err.exitCode).toBe(3);
    expect(String((err as Error).message)).toMatch(/soqa-no-such-folder.*ENOENT.*TMPDIR.*--stream never/s);
  });

  const built = fileURLToPath(new URL('../../../dist/ingest/spill/org-spill.js', import.meta.url));
  it.skipIf(!existsSync(built))(
    'removes its files when the process is ended by a signal, which still ends it (built code)',
    () => {
      const parent = mkdtempSync(join(tmpdir(), 'soqa-spill-signal-'));
      const script = `const { OrgSpill } = await import(${JSON.stringify(pathToFileURL(built).href)});
new OrgSpill(${JSON.stringify(parent)});
process.stdout.write(String((await import('node:fs')).readdirSync(${JSON.stringify(parent)}).length));
process.kill(process.pid, 'SIGTERM');
setTimeout(() => process.stdout.write(' still running'), 3000);`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(r.stdout).toBe('1'); // the spill folder existed, and the process ended at the signal
      expect(r.signal).toBe('SIGTERM');
      expect(readdirSync(parent)).toEqual([]);
      rmSync(parent, { recursive: true });
    },
  );
});
