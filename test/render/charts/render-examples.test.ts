/**
 * Writes the example charts (SVG and, with a CJK font, PNG) for eyeballing:
 *   SOQA_CHART_DIR=/tmp/soqa-charts npx vitest run test/render/charts/render-examples.test.ts
 * Skipped unless SOQA_CHART_DIR is set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/cli/fonts/load-fonts.js';
import { LANGS } from '../../../src/render/charts/labels.js';
import { renderPng } from '../../../src/render/charts/render-png.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { shareLinesSpec } from '../../../src/render/charts/specs/share-lines.js';
import { typeMixAreaSpec } from '../../../src/render/charts/specs/type-mix-area.js';
import { NATIONAL_COUNTS, TITLES } from './fixtures.js';

const dir = process.env.SOQA_CHART_DIR;
const SOURCE = {
  zh: '资料来源：民政统计公报、社会组织蓝皮书',
  en: 'Source: MCA bulletins; Social Organization Blue Books',
};

describe('example charts', () => {
  it.skipIf(!dir)('are written to $SOQA_CHART_DIR', async () => {
    mkdirSync(dir!, { recursive: true });
    const fonts = loadFonts();
    for (const lang of LANGS) {
      const specs = {
        'type-mix-area': typeMixAreaSpec(NATIONAL_COUNTS, { lang, title: TITLES.area[lang], subtitle: SOURCE[lang] }),
        'share-lines': shareLinesSpec(NATIONAL_COUNTS, { lang, title: TITLES.share[lang] }),
      };
      for (const [name, spec] of Object.entries(specs)) {
        const svg = await renderSvg(spec);
        writeFileSync(join(dir!, `${name}-${lang}.svg`), svg);
        if (fonts) writeFileSync(join(dir!, `${name}-${lang}.png`), renderPng(svg, fonts));
      }
    }
    expect(true).toBe(true);
  });
});
