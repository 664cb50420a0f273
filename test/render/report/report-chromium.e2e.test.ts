/**
 * report.html in a real browser: headless Chromium (Debian `chromium`, driven by
 * playwright-core, which downloads no browser) opens the file from file:// and must load it
 * with no console error, no page error and no request other than the file itself, and lay
 * it out without a horizontal scrollbar on a phone.
 *
 * Skipped when no Chromium is installed (CI installs it: .ci/run). Screenshots for
 * eyeballing: SOQA_SCREENSHOT_DIR=/tmp/shots npx vitest run test/render/report/report-chromium.e2e.test.ts
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { renderOutputs } from '../../../src/cli/pipeline/render-outputs.js';
import { createLogger } from '../../../src/core/logger.js';
import { CHART_NAMES } from '../../../src/render/charts/chart-registry.js';
import { sampleResults } from './results-fixture.js';
import { withLisa } from '../charts/map-fixtures.js';

const CHROMIUM = process.env.SOQA_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = HAVE_CHROMIUM
  ? ''
  : ` [skipped: no Chromium at ${CHROMIUM}; install Debian's chromium or set SOQA_CHROMIUM]`;
if (!HAVE_CHROMIUM) console.warn(`report-chromium.e2e: no Chromium at ${CHROMIUM}; the browser test is skipped.`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SHOTS = process.env.SOQA_SCREENSHOT_DIR;

let dir = '';
let browser: Browser | undefined;
const files: Record<'zh' | 'en', string> = { zh: '', en: '' };

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  const results = withLisa(await sampleResults());
  dir = mkdtempSync(join(tmpdir(), 'soqa-chromium-'));
  const io = { stdout: () => {}, stderr: () => {}, stderrIsTTY: false };
  for (const lang of ['zh', 'en'] as const) {
    const out = join(dir, lang);
    mkdirSync(out);
    await renderOutputs(
      results,
      out,
      { formats: new Set(['html'] as const), lang, quiet: true, bulletin: { year: 2024, compare: 2023 } },
      io,
      createLogger(),
    );
    files[lang] = join(out, 'report.html');
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('report.html in headless Chromium', () => {
  for (const lang of ['zh', 'en'] as const) {
    it.skipIf(!HAVE_CHROMIUM)(
      `(${lang}) loads from file:// with no console error, page error or network request${SKIP_REASON}`,
      async () => {
        const url = pathToFileURL(files[lang]).href;
        const requests: string[] = [];
        const problems: string[] = [];
        for (const [width, height, name] of [
          [1000, 800, 'desktop'],
          [390, 844, 'phone'],
        ] as const) {
          const page = await browser!.newPage({
            viewport: { width, height },
            deviceScaleFactor: name === 'phone' ? 2 : 1,
          });
          page.on('request', (r) => requests.push(r.url()));
          page.on('console', (m) => {
            if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
          });
          page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
          page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
          const response = await page.goto(url, { waitUntil: 'load' });
          expect(response?.ok() ?? true).toBe(true);
          const layout = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            figures: document.querySelectorAll('figure svg').length,
            scripts: document.querySelectorAll('script').length,
            title: document.title,
            changes: document.getElementById('changes')?.textContent ?? null,
          }));
          expect(layout.figures, name).toBe(CHART_NAMES.length);
          expect(layout.scripts).toBe(0);
          expect(layout.title.length).toBeGreaterThan(0);
          expect(layout.changes).toMatch(/2024/);
          // nothing wider than the screen: wide tables scroll inside their own box
          expect(layout.scrollWidth, `${name}: page wider than the viewport`).toBeLessThanOrEqual(layout.innerWidth);
          if (SHOTS) {
            mkdirSync(SHOTS, { recursive: true });
            await page.screenshot({ path: join(SHOTS, `report-${lang}-${name}.png`), fullPage: name === 'desktop' });
            if (name === 'phone')
              await page.screenshot({ path: join(SHOTS, `report-${lang}-${name}-full.png`), fullPage: true });
          }
          await page.close();
        }
        expect(problems).toEqual([]);
        expect([...new Set(requests)]).toEqual([url]);
      },
      120_000,
    );
  }
});
