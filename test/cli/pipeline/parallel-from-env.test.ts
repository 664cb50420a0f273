import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parallelFromEnv } from '../../../src/cli/pipeline/load-inputs.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';
import { BIN } from '../../helpers/run-soqa.js';

describe('SOQA_THREADS', () => {
  it('unset or empty: as many threads as cores; 1: sequential; 2–64: that many workers', () => {
    expect(parallelFromEnv(undefined)).toEqual({});
    expect(parallelFromEnv('')).toEqual({});
    expect(parallelFromEnv('1')).toBeUndefined();
    expect(parallelFromEnv('3')).toEqual({ workers: 3 });
    expect(parallelFromEnv('64')).toEqual({ workers: 64 });
  });

  it.each(['0', '65', 'two', '2.5', '-1', ' 2'])(
    'refuses %j with E_BAD_OPTION (exit 3), naming the variable and the value',
    (value) => {
      let thrown: unknown;
      try {
        parallelFromEnv(value);
      } catch (e) {
        thrown = e;
      }
      expect(isSoqaError(thrown) && thrown.code).toBe('E_BAD_OPTION');
      expect(isSoqaError(thrown) && thrown.exitCode).toBe(3);
      expect((thrown as Error).message).toContain('SOQA_THREADS');
      expect((thrown as Error).message).toContain(JSON.stringify(value).slice(1, -1));
    },
  );

  it('soqa analyze with SOQA_THREADS=zero exits 3 before reading, and says what to set', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'soqa-threads-'));
    try {
      const r = spawnSync(process.execPath, [BIN, 'analyze', '--format', 'json', '--out', 'out'], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, SOQA_THREADS: 'zero', NO_COLOR: '1' },
        timeout: 60_000,
      });
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/SOQA_THREADS/);
      expect(r.stderr).toMatch(/1 \(read sequentially\) to 64/);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
