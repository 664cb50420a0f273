/**
 * Writes the example charts (SVG and, with a CJK font, PNG), in both languages, for eyeballing:
 *   SOQA_CHART_DIR=/tmp/soqa-charts npx vitest run test/render/charts/render-examples.test.ts
 * Without SOQA_CHART_DIR only the SVGs are drawn, into a temporary folder removed afterwards
 * (the PNG path has its own tests: render-png, subset-font).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/cli/fonts/load-fonts.js';
import { LANGS } from '../../../src/render/charts/labels.js';
import { renderPng } from '../../../src/render/charts/render-png.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { shareLinesSpec } from '../../../src/render/charts/specs/share-lines.js';
import { typeMixAreaSpec } from '../../../src/render/charts/specs/type-mix-area.js';
import { NATIONAL_COUNTS, TITLES } from './fixtures.js';

const keep = process.env.SOQA_CHART_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'soqa-examples-'));
afterAll(() => {
  if (!keep) rmSync(dir, { recursive: true, force: true });
});
const SOURCE = {
  zh: '资料来源：民政统计公报、社会组织蓝皮书',
  en: 'Source: MCA bulletins; Social Organization Blue Books',
};

describe('example charts', () => {
  it('are written to $SOQA_CHART_DIR (or a temporary folder), with their titles drawn', async () => {
    mkdirSync(dir, { recursive: true });
    const fonts = keep ? loadFonts() : null;
    for (const lang of LANGS) {
      const specs = {
        'type-mix-area': typeMixAreaSpec(NATIONAL_COUNTS, { lang, title: TITLES.area[lang], subtitle: SOURCE[lang] }),
        'share-lines': shareLinesSpec(NATIONAL_COUNTS, { lang, title: TITLES.share[lang] }),
      };
      for (const [name, spec] of Object.entries(specs)) {
        const svg = await renderSvg(spec);
        writeFileSync(join(dir, `${name}-${lang}.svg`), svg);
        if (fonts && keep) writeFileSync(join(dir, `${name}-${lang}.png`), renderPng(svg, fonts));
        const title = name === 'type-mix-area' ? TITLES.area[lang] : TITLES.share[lang];
        expect(readFileSync(join(dir, `${name}-${lang}.svg`), 'utf8'), `${name} ${lang}`).toContain(
          title.split(/\s/)[0],
        );
      }
    }
  });
});
