import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/core/logger.js';
import { renderOutputs } from '../../../src/cli/pipeline/render-outputs.js';
import { evilResults } from './results-fixture.js';

vi.mock('../../../src/cli/fonts/load-fonts.js', () => ({ loadFonts: () => null }));

const dir = mkdtempSync(join(tmpdir(), 'soqa-nofont-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderOutputs without a CJK font', () => {
  it('warns once, writes no PNG, and still writes the SVG', async () => {
    const log = createLogger();
    const out = await renderOutputs(
      evilResults(),
      dir,
      { formats: new Set(['png', 'svg', 'md']), lang: 'zh', quiet: true },
      { stdout: () => {}, stderr: () => {}, stderrIsTTY: false },
      log,
    );
    expect(log.entries.filter((e) => e.code === 'W_NO_CJK_FONT')).toHaveLength(1);
    expect(log.entries[0].message).toMatch(/no PNG charts written.*fonts-noto-cjk/);
    const files = readdirSync(join(dir, 'charts'));
    expect(files.some((f) => f.endsWith('.png'))).toBe(false);
    expect(files.filter((f) => f.endsWith('.svg')).length).toBe(out.charts.length);
    expect(out.charts.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'report.md'))).toBe(true);
  });

  it('with png only, writes no chart file at all and says why', async () => {
    const d = mkdtempSync(join(tmpdir(), 'soqa-nofont-'));
    try {
      const log = createLogger();
      const out = await renderOutputs(
        evilResults(),
        d,
        { formats: new Set(['png']), lang: 'en', quiet: true },
        { stdout: () => {}, stderr: () => {}, stderrIsTTY: false },
        log,
      );
      expect(out.charts).toEqual([]);
      expect(existsSync(join(d, 'charts'))).toBe(false);
      expect(log.entries.map((e) => e.code)).toEqual(['W_NO_CJK_FONT']);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
