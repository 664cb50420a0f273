/**
 * The U1–U2 scatter with coordination-class bands and the indicator-obstacle grid: spec
 * checks, schema validity and SVG snapshots on fixed inline input.
 */
import { describe, expect, it } from 'vitest';
import { coordinationBands, topEdgeCrossings } from '../../../src/render/charts/chart-data/coordination-bands.js';
import { indicatorObstacleTitle, scatterTitle } from '../../../src/render/charts/chart-titles.js';
import { LANGS, type Lang } from '../../../src/render/charts/labels.js';
import { LAYER_COLORS } from '../../../src/render/charts/palette.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { obstacleHeatmapSpec, type ObstacleCell } from '../../../src/render/charts/specs/obstacle-heatmap.js';
import {
  CLASS_GREYS,
  tensionScatterSpec,
  type ScatterSpecPanel,
} from '../../../src/render/charts/specs/tension-scatter.js';
import { validateSpec } from '../../../src/render/charts/validate-spec.js';
import { wrapTitle } from '../../../src/render/charts/specs/title-block.js';

const NAMES = {
  zh: {
    structural: '结构性张力',
    resource: '资源张力',
    gov: '治理效能',
    org: '组织发展',
    dev: '区域发展',
    res: '治理资源',
    a: '甲市',
    b: '乙市',
    c: '丙旗',
  },
  en: {
    structural: 'Structural tension',
    resource: 'Resource tension',
    gov: 'governance efficacy',
    org: 'organizational development',
    dev: 'regional development',
    res: 'governance resources',
    a: 'City A',
    b: 'City B',
    c: 'Banner C',
  },
};

/** Two tensions, three regions and the total: fixed numbers, not from a results file. */
function panels(lang: Lang): ScatterSpecPanel[] {
  const n = NAMES[lang];
  return [
    {
      name: n.structural,
      u1Name: n.gov,
      u2Name: n.org,
      alpha: 0.5,
      points: [
        { name: n.a, zone: 'core', u1: 0.72, u2: 0.91 },
        { name: n.b, zone: 'periphery', u1: 0.48, u2: 0.6 },
        { name: n.c, zone: 'periphery', u1: 0.35, u2: 0.42 },
        { name: '', zone: 'total', u1: 0.55, u2: 0.7 },
      ],
    },
    {
      name: n.resource,
      u1Name: n.dev,
      u2Name: n.res,
      alpha: 0.6,
      points: [
        { name: n.a, zone: 'core', u1: 0.9, u2: 0.95 },
        { name: n.b, zone: 'periphery', u1: 0.2, u2: 0.5 },
        { name: n.c, zone: 'periphery', u1: 0.05, u2: 0.45 },
        { name: '', zone: 'total', u1: 0.4, u2: 0.66 },
      ],
    },
  ];
}

// the resource panel of panels() (α = 0.6) by hand: 丙旗 C = 2√(0.05·0.45)/0.5 = 0.6, T = 0.6·0.05 + 0.4·0.45 = 0.21,
// D = √(0.6·0.21) = 0.355 (轻度失调); 甲市 C = 2√(0.9·0.95)/1.85 = 0.9996, T = 0.92, D = 0.959 (优质协调)
const scatterTitles = {
  zh: scatterTitle('zh', {
    year: 2024,
    tension: '资源张力',
    lo: '轻度失调',
    hi: '优质协调',
    lowest: { region: '丙旗', className: '轻度失调', D: 0.355 },
  }),
  en: scatterTitle('en', {
    year: 2024,
    tension: 'Resource tension',
    lo: 'mild imbalance',
    hi: 'high-quality coordination',
    lowest: { region: 'Banner C', className: 'mild imbalance', D: 0.355 },
  }),
};

function obstacleCells(lang: Lang): ObstacleCell[] {
  const zh = lang === 'zh';
  const inc = zh ? '入驻孵化基地的组织占比' : 'Organizations in an incubation base';
  const emp = zh ? '每万人社会组织从业人员数' : 'Staff employed per 10,000 residents';
  const gov = zh ? '核心治理领域组织占比' : 'Organizations in core governance fields';
  const fn = zh ? '功能创新与发挥' : 'Function';
  const out = zh ? '服务产出与社会贡献' : 'Output';
  const [a, b, c] = [NAMES[lang].a, NAMES[lang].b, NAMES[lang].c];
  return [
    { indicator: inc, region: a, layer: fn, order: 1, degree: 0.3 },
    { indicator: emp, region: a, layer: out, order: 2, degree: 0.12 },
    { indicator: gov, region: a, layer: fn, order: 3, degree: 0.1 },
    { indicator: inc, region: b, layer: fn, order: 1, degree: 0.22 },
    { indicator: emp, region: b, layer: out, order: 2, degree: 0.09 },
    { indicator: gov, region: b, layer: fn, order: 3, degree: 0.04 },
    { indicator: emp, region: c, layer: out, order: 1, degree: 0.25 },
    { indicator: inc, region: c, layer: fn, order: 2, degree: 0.18 },
  ];
}

const obstacleSpec = (lang: Lang) =>
  obstacleHeatmapSpec(obstacleCells(lang), {
    lang,
    title: indicatorObstacleTitle(lang, {
      year: 2024,
      indicator: lang === 'zh' ? '入驻孵化基地的组织占比' : 'organizations in an incubation base',
      regions: 2,
      of: 3,
    }),
    categories: [
      { label: lang === 'zh' ? '功能创新与发挥' : 'Function', color: LAYER_COLORS[1] },
      { label: lang === 'zh' ? '服务产出与社会贡献' : 'Output', color: LAYER_COLORS[2] },
    ],
    highlight: [NAMES[lang].a],
    legendTitle: lang === 'zh' ? '指标层面' : 'Layer',
  });

const CHARTS = {
  'tension-scatter': (lang: Lang) => tensionScatterSpec(panels(lang), { lang, title: scatterTitles[lang] }),
  // the report's figure: one tension alone
  'tension-scatter-single': (lang: Lang) => tensionScatterSpec([panels(lang)[1]], { lang, title: scatterTitles[lang] }),
  'indicator-obstacles': obstacleSpec,
};

describe('coordination class bands', () => {
  it('with α = 0.5 and the standard formula, D = (U1·U2)^¼, so the boundary D = d is U2 = d⁴/U1', () => {
    const bands = coordinationBands(0.5, 'standard');
    const at1 = bands.filter((b) => b.u1 === 1);
    expect(at1.map((b) => b.classIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const b of at1) {
      expect(b.lo).toBeCloseTo((b.classIndex / 10) ** 4, 3);
      expect(b.hi).toBeCloseTo(b.classIndex === 9 ? 1 : ((b.classIndex + 1) / 10) ** 4, 3);
    }
    // at U1 = 0 everything is class 0 (C = 0)
    expect(bands.filter((b) => b.u1 === 0).map((b) => [b.lo, b.hi])).toEqual([
      [0, 1],
      ...Array.from({ length: 9 }, () => [1, 1]),
    ]);
    expect(topEdgeCrossings(0.5, 'standard').find((c) => c.d === 0.9)!.u1).toBeCloseTo(0.9 ** 4, 3);
  });

  it('tile the square: each slice starts where the one below ends', () => {
    for (const variant of ['standard', 'modified'] as const) {
      const bands = coordinationBands(0.7, variant);
      const us = [...new Set(bands.map((b) => b.u1))];
      for (const u of us) {
        const col = bands.filter((b) => b.u1 === u).sort((a, b) => a.classIndex - b.classIndex);
        expect(col[0].lo).toBe(0);
        expect(col.at(-1)!.hi).toBe(1);
        for (let k = 1; k < col.length; k++) expect(col[k].lo).toBe(col[k - 1].hi);
      }
    }
  });
});

describe('tension scatter and indicator obstacles on fixed input', () => {
  for (const [name, build] of Object.entries(CHARTS)) {
    for (const lang of LANGS) {
      it(`${name} (${lang}) validates against the Vega-Lite schema and matches its SVG snapshot`, async () => {
        const spec = build(lang);
        const { valid, errors } = validateSpec(spec);
        expect(valid, errors.join('; ')).toBe(true);
        const svg = await renderSvg(spec);
        expect(svg.startsWith('<svg')).toBe(true);
        await expect(svg).toMatchFileSnapshot(`./__snapshots__/${name}-${lang}.svg`);
      });
    }
  }

  it('the scatter draws every class band in its grey, the subsystem names on the axes and the zone colours', async () => {
    const svg = await renderSvg(CHARTS['tension-scatter']('zh'));
    for (const grey of CLASS_GREYS.slice(1)) expect(svg.toLowerCase()).toContain(grey);
    for (const text of [
      'U1 治理效能',
      'U2 组织发展',
      'U1 区域发展',
      '勉强协调（0.5–0.6）',
      '优质协调（0.9–1.0）',
      '核心区',
      '边缘区',
      '全区',
    ])
      expect(svg).toContain(text);
    expect(svg).toContain('#D55E00');
    expect(svg).toContain('#56B4E9');
  });

  it('the obstacle grid prints each degree and marks the largest obstacle bold', async () => {
    const svg = await renderSvg(CHARTS['indicator-obstacles']('en'));
    for (const text of ['30%', '22%', '25%', '18%', 'City A', 'Organizations in an incubation base'])
      expect(svg).toContain(text);
    expect((svg.match(/font-weight="bold"/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('titles state the finding in both languages', () => {
    expect(scatterTitles.zh).toBe(
      '2024年资源张力：各地区的耦合协调等级介于轻度失调与优质协调之间，最低为丙旗（轻度失调，D=0.355）',
    );
    expect(scatterTitles.en).toBe(
      'Resource tension, 2024: the regions range from mild imbalance to high-quality coordination; lowest: Banner C (mild imbalance, D = 0.355)',
    );
    expect(scatterTitle('zh', { year: 2024, tension: '资源张力', lo: '', hi: '', lowest: null })).toBe(
      '2024年资源张力：各地区的两个子系统得分（该张力不具信息量，见正文说明）',
    );
    expect(
      indicatorObstacleTitle('zh', {
        year: 2024,
        indicator: '入驻孵化基地的组织占比',
        regions: 3,
        of: 3,
      }),
    ).toBe('2024年所有3个地区的首要障碍指标都是入驻孵化基地的组织占比');
  });

  it('one tension alone: one panel, no panel title (the chart title names it), legend no wider than the panel', () => {
    const spec = CHARTS['tension-scatter-single']('zh') as unknown as Record<string, unknown>;
    expect(spec.hconcat).toBeUndefined();
    expect(spec.title).toBeDefined();
    expect(spec.width).toBe(300);
    const layers = spec.layer as { encoding?: { fill?: { legend?: { columns?: number } } } }[];
    expect(layers[0].encoding!.fill!.legend!.columns).toBe(2);
    const en = CHARTS['tension-scatter-single']('en') as unknown as typeof spec;
    expect((en.layer as typeof layers)[0].encoding!.fill!.legend!.columns).toBe(1);
  });

  it('refuses input it cannot draw', () => {
    expect(() => tensionScatterSpec([], { lang: 'zh', title: 'x' })).toThrow(/no rows/);
    const bad = panels('en');
    bad[0].points = [{ name: 'x', zone: 'core', u1: 1.4, u2: 0.2 }];
    expect(() => tensionScatterSpec(bad, { lang: 'en', title: 'x' })).toThrow(/subsystem score/);
    expect(() =>
      obstacleHeatmapSpec([{ indicator: 'a', region: 'b', layer: 'nope', order: 1, degree: 0.2 }], {
        lang: 'en',
        title: 'x',
        categories: [{ label: 'L', color: '#000000' }],
        legendTitle: 'L',
      }),
    ).toThrow(/layer/);
  });

  it('title lines never end with an opening bracket nor start with closing punctuation', () => {
    for (let width = 120; width <= 600; width += 7) {
      const lines = wrapTitle(
        '2024年3个地区中有2个的首要障碍指标是入驻孵化基地的组织占比（平均障碍度26.0%），其余（1个）为每万人社会组织从业人员数',
        width,
      );
      for (const l of lines) {
        expect(l, `${width}: ${lines.join(' / ')}`).not.toMatch(/[（(“]$/u);
        expect(l, `${width}: ${lines.join(' / ')}`).not.toMatch(/^[，。）)、]/u);
      }
    }
  });
});
