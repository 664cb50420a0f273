import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { MAP_CHARTS } from '../../../src/render/charts/map-registry.js';
import { mapBase } from '../../../src/render/charts/maps/map-base.js';
import { boundaryFor, loadBoundary, unitCodes, BOUNDARY_FILES } from '../../../src/render/charts/maps/boundaries.js';
import { placeNames } from '../../../src/render/charts/maps/place-names.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { validateSpec } from '../../../src/render/charts/validate-spec.js';
import { LISA_COLORS } from '../../../src/render/charts/specs/lisa-map.js';
import { specTitle } from '../../../src/render/charts/chart-registry.js';
import type { Results } from '../../../src/results/results.js';
import { evilResults, sampleResults } from '../report/results-fixture.js';
import { boundaryUnits, mapResults, usStateUnits } from './map-fixtures.js';

const root = resolve(import.meta.dirname, '../../..');
const regionsFile = (id: string) =>
  JSON.parse(readFileSync(resolve(root, 'data/regions', `${id}.json`), 'utf8')) as {
    regions: { code: string; zh: string; aliases?: string[] }[];
  };

/** The 31 provincial-level divisions of the mainland, GB/T 2260 (first two digits). */
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65,
].map((p) => `${p}0000`);

/** A results.json per boundary file, every unit a region. */
const fixtures: Record<string, Results> = {
  'inner-mongolia': mapResults('inner-mongolia', boundaryUnits('inner-mongolia')),
  'china-provinces': mapResults('china-provinces', boundaryUnits('china-provinces')),
  'china-prefectures': mapResults('china-prefectures', boundaryUnits('china-prefectures')),
  'us-states': mapResults('us-states', usStateUnits()),
};

/** The TopoJSON `units` geometries a spec embeds, over all panels. */
function embeddedUnits(spec: unknown): { id: string }[][] {
  const out: { id: string }[][] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === 'object' && x !== null) {
      const o = x as Record<string, unknown>;
      const data = o.data as { values?: { type?: string; objects?: Record<string, { geometries: { id: string }[] }> } };
      if (data?.values?.type === 'Topology' && data.values.objects?.units)
        out.push(data.values.objects.units.geometries);
      for (const v of Object.values(o)) if (v !== data) walk(v);
    }
  };
  walk(spec);
  return out;
}

describe('boundary files', () => {
  it('hold the 31 provinces, 367 mainland prefecture-level units, 12 leagues and 51 states', () => {
    const ids = (id: (typeof BOUNDARY_FILES)[number]) => loadBoundary(id).objects.units.geometries.map((g) => g.id);
    expect(ids('china-provinces')).toEqual(PROVINCES);
    // 369 rows of the census table less Hong Kong and Macao (sources/china-census-2020/README.md)
    expect(ids('china-prefectures')).toHaveLength(367);
    expect(new Set(ids('china-prefectures').map((c) => c!.slice(0, 2) + '0000'))).toEqual(new Set(PROVINCES));
    expect(ids('inner-mongolia')).toEqual(regionsFile('inner-mongolia').regions.map((r) => r.code));
    expect(new Set(ids('us-states'))).toEqual(new Set(regionsFile('us-states').regions.map((r) => r.code)));
    expect(loadBoundary('china-provinces').objects.context.geometries.map((g) => g.id)).toEqual(['810000', '820000']);
  });

  it('give every unit a label point inside the boundary box and the municipalities their province code', () => {
    for (const id of BOUNDARY_FILES) {
      const t = loadBoundary(id);
      for (const g of t.objects.units.geometries) expect(g.properties?.label, `${id} ${g.id}`).toHaveLength(2);
    }
    const beijing = loadBoundary('china-prefectures').objects.units.geometries.find((g) => g.id === '110100')!;
    expect(unitCodes(beijing)).toEqual(['110100', '110000']);
  });

  it('match the regions files of the geography where they exist (every region has a unit)', () => {
    for (const id of ['inner-mongolia', 'us-states', 'china-provinces', 'china-prefectures'] as const) {
      if (!existsSync(resolve(root, 'data/regions', `${id}.json`))) continue;
      const known = new Set(loadBoundary(id).objects.units.geometries.flatMap(unitCodes));
      const missing = regionsFile(id).regions.filter((r) => !known.has(r.code));
      expect(missing, id).toEqual([]);
    }
  });

  it('stay small: each national file under 200 KB, the detailed prefectures (embedded a province at a time) under 250 KB', () => {
    for (const id of BOUNDARY_FILES) {
      const bytes = readFileSync(resolve(root, 'data/boundaries', `${id}.topo.json`)).length;
      expect(bytes, id).toBeLessThan((id === 'china-prefectures-detail' ? 250 : 200) * 1024);
    }
  });

  it('choose the file by regions id, else by codes; none for a one-unit or unknown file', () => {
    expect(boundaryFor('inner-mongolia', ['150100'])).toBe('inner-mongolia');
    expect(boundaryFor('us-states', ['AL'])).toBe('us-states');
    expect(boundaryFor('guangdong', ['440100', '440300'])).toBe('china-prefectures');
    expect(boundaryFor('east', ['110000', '310000'])).toBe('china-provinces');
    expect(boundaryFor('china', ['CN'])).toBeNull();
    expect(boundaryFor('evil', ['100001', '100002'])).toBeNull();
  });
});

describe('map specs', () => {
  const specs = new Map<string, TopLevelSpec>();
  beforeAll(() => {
    for (const [id, r] of Object.entries(fixtures))
      for (const lang of ['zh', 'en'] as const)
        for (const [name, e] of Object.entries(MAP_CHARTS)) {
          const spec = e.build(r, lang);
          if (spec) specs.set(`${id} ${name} ${lang}`, spec);
        }
  });

  it('every map is built for every boundary file in both languages', () => {
    // the fixtures have two tensions: map-tension-3 has no data; all prefectures (> 100 units)
    // draw only the tension with the lowest D, to keep a report small
    const perFile = (id: string) => Object.keys(MAP_CHARTS).length - (id === 'china-prefectures' ? 2 : 1);
    expect(specs.size).toBe(Object.keys(fixtures).reduce((n, id) => n + perFile(id) * 2, 0));
    for (const id of Object.keys(fixtures)) expect(specs.has(`${id} map-tension-3 zh`), id).toBe(false);
  });

  it('tension maps: one single-panel map per tension, titled with it, colours shared between the tensions', () => {
    const one = specs.get('inner-mongolia map-tension-1 zh')!;
    const two = specs.get('inner-mongolia map-tension-2 zh')!;
    expect(embeddedUnits(one)).toHaveLength(1);
    expect(embeddedUnits(two)).toHaveLength(1);
    // map-fixtures.ts names the tensions 结构性张力 and 资源张力
    expect(specTitle(one)).toContain('结构性张力');
    expect(specTitle(two)).toContain('资源张力');
    const scale = (s: TopLevelSpec) => {
      const m = JSON.stringify(s).match(/"scale":\{"domain":(\[[^\]]*\]),"range":(\[[^\]]*\])/)!;
      const [domain, range] = [JSON.parse(m[1]) as string[], JSON.parse(m[2]) as string[]];
      return new Map(domain.map((d, i) => [d, range[i]]));
    };
    const [a, b] = [scale(one), scale(two)];
    const shared = [...a.keys()].filter((k) => b.has(k));
    expect(shared.length).toBeGreaterThan(0); // D is shifted by three classes between the two tensions
    for (const k of shared) expect(b.get(k), k).toBe(a.get(k));
  });

  it('every map spec validates against the Vega-Lite schema', () => {
    for (const [key, spec] of specs) {
      const { valid, errors } = validateSpec(spec);
      expect(valid, `${key}: ${errors.join('; ')}`).toBe(true);
    }
  });

  it('joins every region: each panel embeds one unit per region code, none missing', () => {
    for (const [key, spec] of specs) {
      const id = key.split(' ')[0];
      const codes = fixtures[id].regions.map((r) => r.code).sort();
      const panels = embeddedUnits(spec);
      expect(panels.length, key).toBeGreaterThan(0);
      for (const units of panels) expect(units.map((u) => u.id).sort(), key).toEqual(codes);
    }
    for (const [id, r] of Object.entries(fixtures)) expect(mapBase(r, 560)!.missing, id).toEqual([]);
  });

  it('uses a conic equal-area projection for China (25°/47° nationally, fitted to a province) and Albers for the US', () => {
    expect(mapBase(fixtures['china-provinces'], 560)!.projection).toMatchObject({
      type: 'conicEqualArea',
      parallels: [25, 47],
      rotate: [-105, 0, 0],
    });
    const im = mapBase(fixtures['inner-mongolia'], 560)!;
    expect(im.projection.type).toBe('conicEqualArea');
    // Inner Mongolia spans 97.2–126.1°E and 37.4–53.3°N: centred near 111.6°E, parallels a sixth in from each edge
    expect(im.projection.rotate![0]).toBeCloseTo(-111.6, 0);
    expect(im.projection.parallels![0]).toBeCloseTo(37.4 + 15.9 / 6, 0);
    expect(im.height / im.width).toBeGreaterThan(0.7);
    expect(im.height / im.width).toBeLessThan(1.3);
    expect(mapBase(fixtures['us-states'], 560)!.projection.type).toBe('albersUsa');
  });

  it("draws one province's prefectures from the detailed file, fitted to the province, without context", () => {
    const gd = boundaryUnits('china-prefectures').filter((u) => u.code.startsWith('44'));
    const base = mapBase(mapResults('china-prefectures', gd), 560)!;
    expect(base.boundary).toBe('china-prefectures-detail');
    expect(base.topology.objects.units.geometries).toHaveLength(21); // Guangdong's 21 prefecture-level cities
    expect(base.topology.objects.context).toBeUndefined();
    // Guangdong spans about 109.7–117.3°E: the projection is centred near 113.5°E
    expect(base.projection.rotate![0]).toBeCloseTo(-113.5, 0);
    expect(base.missing).toEqual([]);
  });

  it('renders every map to SVG with its title, the same bytes twice', async () => {
    for (const [key, spec] of specs) {
      if (!key.endsWith(' zh') && !key.startsWith('inner-mongolia')) continue;
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg'), key).toBe(true);
      expect(svg, key).toContain(specTitle(spec).slice(0, 6));
      if (key.includes('map-density ')) expect(await renderSvg(spec), key).toBe(svg);
    }
  }, 120_000);

  it('keeps one map of all prefectures under 0.3 MB of SVG', async () => {
    const svg = await renderSvg(specs.get('china-prefectures map-density zh')!);
    expect(svg.length).toBeLessThan(300 * 1024);
  });

  it('LISA map: clusters in the Okabe–Ito colours, legend with every cluster and the significance level', () => {
    const spec = JSON.stringify(specs.get('china-provinces map-lisa en'));
    for (const c of Object.values(LISA_COLORS)) expect(spec).toContain(c);
    expect(spec).toContain('High-high (HH)');
    expect(spec).toContain('LISA cluster (p < 0.05)');
    // the fixture puts HH, LL at positions 0, 1 of every 7: 31 provinces give 5 HH and 5 LL
    expect(specTitle(specs.get('china-provinces map-lisa en')!)).toContain('5 high-high and 5 low-low');
  });

  it('names the core regions (bold, vermillion) and says what is not drawn', () => {
    const spec = JSON.stringify(specs.get('china-provinces map-density zh'));
    expect(spec).toContain('"fontWeight":"bold","color":"#D55E00"');
    expect(spec).toContain('边界资料不含台湾省');
    expect(JSON.stringify(specs.get('us-states map-density en'))).not.toContain('Taiwan');
  });

  it('gives no map, and no error, for regions files without boundaries', () => {
    const one = mapResults('china', [{ code: 'CN', zh: '全国', en: 'China', core: false }]);
    for (const [name, e] of Object.entries(MAP_CHARTS)) {
      expect(e.build(one, 'zh'), name).toBeNull();
      expect(e.build(evilResults(), 'en'), name).toBeNull();
    }
  });
});

describe('the built-in Inner Mongolia sample', () => {
  it('gets a map of its 12 leagues, each named, the core in vermillion', async () => {
    const r = await sampleResults();
    expect(r.provenance.regions.id).toBe('inner-mongolia');
    const spec = MAP_CHARTS['map-density'].build(r, 'zh')!;
    expect(validateSpec(spec).valid).toBe(true);
    expect(embeddedUnits(spec)[0]).toHaveLength(12);
    const text = JSON.stringify(spec);
    for (const region of r.regions) expect(text).toContain(`"name":"${region.zh}"`);
    const svg = await renderSvg(spec);
    expect(svg).toContain('呼和浩特市');
  });
});

describe('placeNames', () => {
  it('moves a name that would overlap one placed before it', () => {
    // 10 px text: '乌海市' is 3 CJK characters = 30 px (+4) wide and 13 px tall, centred at (10, 10);
    // '鄂尔多斯市' at (14, 12) overlaps it there, and above (y = −1, box −5.5…7.5 overlaps 3.5…16.5);
    // below (y = 25, box 18.5…31.5) it is clear
    const at = placeNames(
      [
        { text: '乌海市', x: 10, y: 10 },
        { text: '鄂尔多斯市', x: 14, y: 12 },
      ],
      10,
    );
    expect(at).toEqual([
      [10, 10],
      [14, 25],
    ]);
  });
});
