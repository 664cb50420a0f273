import { afterEach, describe, expect, it } from 'vitest';
import { needsCharts, startRendererFromEnv } from '../../../src/cli/pipeline/chart-renderer-for.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

const was = process.env.SOQA_THREADS;
afterEach(() => {
  if (was === undefined) delete process.env.SOQA_THREADS;
  else process.env.SOQA_THREADS = was;
});

describe('needsCharts', () => {
  it('is true for the chart files and for report.html (charts inline), false otherwise', () => {
    expect(needsCharts(new Set(['svg']))).toBe(true);
    expect(needsCharts(new Set(['png']))).toBe(true);
    expect(needsCharts(new Set(['html']))).toBe(true);
    expect(needsCharts(new Set(['json', 'md']))).toBe(false);
  });
});

describe('startRendererFromEnv', () => {
  it('refuses a SOQA_THREADS that is not a whole number from 1 to 64 (E_BAD_OPTION, exit 3)', () => {
    process.env.SOQA_THREADS = '0';
    let err: unknown;
    try {
      startRendererFromEnv();
    } catch (e) {
      err = e;
    }
    expect(isSoqaError(err) && err.code === 'E_BAD_OPTION' && err.exitCode === 3).toBe(true);
  });

  it('starts a renderer that can be closed', async () => {
    process.env.SOQA_THREADS = '1';
    const r = startRendererFromEnv();
    expect(typeof r.svg).toBe('function');
    await r.close();
  });
});
