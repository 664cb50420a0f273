/**
 * The maps soqa draws from results.json, for regions files with built-in boundaries
 * (data/boundaries/): name → builder, merged into the chart registry. A builder returns
 * null when the regions file has no boundaries or the results lack the map's data.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../results/results.js';
import { countYears, regionName } from '../results-view.js';
import { regionDensity } from './chart-data/region-density.js';
import type { Lang } from './labels.js';
import { mapBase, type MapBase } from './maps/map-base.js';
import { lisaData, lqPanels, tensionClasses } from './maps/map-data.js';
import { mt } from './maps/map-labels.js';
import {
  densityChangeTitle,
  densityMapTitle,
  lisaMapTitle,
  lisaMethodNote,
  lqMapTitle,
  tensionMapTitle,
} from './maps/map-titles.js';
import { densityChangeMapSpec } from './specs/density-change-map.js';
import { densityMapSpec } from './specs/density-map.js';
import { lisaMapSpec } from './specs/lisa-map.js';
import { lqMapSpec } from './specs/lq-map.js';
import type { MapName } from './specs/map-panel.js';
import { tensionClassMapSpec } from './specs/tension-class-map.js';

/** One map of the registry: the chart registry's entry shape (kept here so the two registries import one way only). */
export interface MapEntry {
  /** Build the map's Vega-Lite spec from results.json, or null when it has no data or no boundaries. */
  build: (results: Results, lang: Lang) => TopLevelSpec | null;
  /** The analysis section the map needs (null: only the counts and regions). */
  needs: string | null;
}

/** Plot width of a single map (px); small multiples split it. */
const MAP_WIDTH = 560;

/** Maps with at most this many units name every unit; larger ones name the core. */
const NAME_ALL_UP_TO = 25;

/**
 * Maps with more units than this (all prefectures: ~0.2 MB of SVG per panel) draw one panel
 * of the location-quotient and tension maps, so that a report stays under about 2 MB.
 */
const ONE_PANEL_ABOVE = 100;

/** Panels a map of `base` may draw side by side. */
const maxPanels = (base: MapBase): number => (base.topology.objects.units.geometries.length > ONE_PANEL_ABOVE ? 1 : 4);

/** Names to print: the core regions, or every region of a small map. */
function mapNames(results: Results, base: MapBase, lang: Lang): MapName[] {
  const all = base.topology.objects.units.geometries.length <= NAME_ALL_UP_TO;
  return results.regions
    .filter((r) => all || r.zone === 'core')
    .map((r) => ({ code: r.code, name: regionName(results, r.code, lang), core: r.zone === 'core' }));
}

/** A panel name as charts show it: English starts with a capital. */
const capital = (lang: Lang, s: string): string => (lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** Subtitle lines every map carries: what grey means, core names, context and projection notes. */
function notes(
  results: Results,
  base: MapBase,
  lang: Lang,
  shown: { names: readonly MapName[]; valued: Iterable<string>; extra?: string[] },
): string[] {
  const { names, valued, extra = [] } = shown;
  const lines = [...extra];
  const has = new Set(valued);
  const gaps = base.topology.objects.units.geometries.some((g) => !has.has(String(g.id)));
  const parts = gaps ? [mt('note.no_data', lang)] : [];
  if (names.some((n) => n.core)) parts.push(mt('note.core_named', lang));
  if (base.projection.type === 'conicEqualArea') parts.push(mt('note.projection', lang));
  const line = parts.join(lang === 'zh' ? '；' : '; ');
  if (line !== '') lines.push(line.charAt(0).toUpperCase() + line.slice(1));
  if (base.topology.objects.context) lines.push(mt('note.context', lang));
  if (base.missing.length > 0)
    lines.push(
      lang === 'zh'
        ? `无边界的地区（未绘出）：${base.missing.map((c) => regionName(results, c, lang)).join('、')}`
        : `Regions without a boundary (not drawn): ${base.missing.map((c) => regionName(results, c, lang)).join(', ')}`,
    );
  return lines;
}

function densityMap(results: Results, lang: Lang): TopLevelSpec | null {
  const d = regionDensity(results, lang);
  const base = d && mapBase(results, MAP_WIDTH);
  if (!d || !base || d.regions.length === 0) return null;
  const names = mapNames(results, base, lang);
  const top = d.regions[0];
  const bottom = d.regions[d.regions.length - 1];
  return densityMapSpec(
    base,
    d.regions.map((r) => ({ code: r.region, per10k: r.per10k })),
    {
      lang,
      title: densityMapTitle(lang, {
        year: d.year,
        top: { name: top.name, value: top.per10k },
        bottom: { name: bottom.name, value: bottom.per10k },
      }),
      subtitle: notes(results, base, lang, { names, valued: d.regions.map((r) => r.region) }),
      names,
    },
  );
}

function densityChangeMap(results: Results, lang: Lang): TopLevelSpec | null {
  const years = countYears(results);
  if (years.length < 2) return null;
  const a = regionDensity(results, lang, years[0]);
  const b = regionDensity(results, lang, years[years.length - 1]);
  const base = a && b && mapBase(results, MAP_WIDTH);
  if (!a || !b || !base) return null;
  const before = new Map(a.regions.map((r) => [r.region, r.per10k]));
  const change = (r: { region: string; per10k: number }) => r.per10k - (before.get(r.region) ?? 0);
  const most = b.regions.reduce((x, y) => (Math.abs(change(y)) > Math.abs(change(x)) ? y : x));
  const names = mapNames(results, base, lang);
  const label = (y: number) => (lang === 'zh' ? `${y}年` : String(y));
  return densityChangeMapSpec(
    base,
    [a, b].map((d) => ({
      year: d.year,
      label: label(d.year),
      rows: d.regions.map((r) => ({ code: r.region, per10k: r.per10k })),
    })),
    {
      lang,
      title: densityChangeTitle(lang, {
        from: a.year,
        to: b.year,
        most: { name: most.name, from: before.get(most.region) ?? 0, to: most.per10k },
      }),
      subtitle: notes(results, base, lang, {
        names,
        valued: b.regions.filter((r) => before.has(r.region)).map((r) => r.region),
      }),
      names,
    },
  );
}

/** Highest and lowest value of a panel, by region name. */
function extremes(results: Results, lang: Lang, values: Map<string, number | null>) {
  const xs = [...values]
    .filter((e): e is [string, number] => e[1] !== null)
    .map(([code, value]) => ({ name: regionName(results, code, lang), value }));
  if (xs.length === 0) return null;
  return {
    top: xs.reduce((p, q) => (q.value > p.value ? q : p)),
    bottom: xs.reduce((p, q) => (q.value < p.value ? q : p)),
  };
}

function lqMap(results: Results, lang: Lang): TopLevelSpec | null {
  const l = lqPanels(results, lang);
  const base = l && mapBase(results, MAP_WIDTH);
  if (!l || !base) return null;
  const all = extremes(results, lang, l.panels[0].values);
  if (!all) return null;
  const drawn = l.panels.slice(0, maxPanels(base));
  const fields = drawn.slice(1).flatMap((p) => {
    const e = extremes(results, lang, p.values);
    return e ? [{ field: p.name, name: e.top.name, value: e.top.value }] : [];
  });
  const names = mapNames(results, base, lang);
  return lqMapSpec(
    base,
    drawn.map((p) => ({ ...p, name: capital(lang, p.name) })),
    {
      lang,
      title: lqMapTitle(lang, { year: l.year, top: all.top, bottom: all.bottom, fields }),
      subtitle: notes(results, base, lang, {
        names,
        valued: [...l.panels[0].values].filter(([, v]) => v !== null).map(([c]) => c),
        extra: [mt('note.lq_map', lang)],
      }),
      names,
    },
  );
}

/**
 * The class map of the tension at `index` of `analyses.tension.tensions`, one panel legible at
 * the report column's width; colours shared with the other tensions' maps. Maps of more than
 * {@link ONE_PANEL_ABOVE} units draw only the tension with the lowest D (report size).
 */
const tensionMap =
  (index: number) =>
  (results: Results, lang: Lang): TopLevelSpec | null => {
    const c = tensionClasses(results, lang);
    const base = c && mapBase(results, MAP_WIDTH);
    const t = c?.tensions.find((x) => x.index === index);
    if (!c || !base || !t) return null;
    if (maxPanels(base) === 1) {
      const pairs = c.tensions.flatMap((x) => x.cells.map((cell) => ({ index: x.index, D: cell.D })));
      if (pairs.reduce((p, q) => (q.D < p.D ? q : p)).index !== index) return null;
    }
    // the lowest class drawn, and every region in it (a tie is said as a tie)
    const lowest = Math.min(...t.cells.map((x) => x.classIndex));
    const regions = t.cells.filter((x) => x.classIndex === lowest).map((x) => regionName(results, x.code, lang));
    const className = t.cells.find((x) => x.classIndex === lowest)!.className;
    const names = mapNames(results, base, lang);
    const name = capital(lang, t.name);
    return tensionClassMapSpec(
      base,
      { year: c.year, tensions: [{ ...t, name }] },
      {
        lang,
        title: tensionMapTitle(lang, {
          year: c.year,
          groups: [{ tension: t.name, regions }],
          className,
          all: regions.length === t.cells.length,
        }),
        subtitle: notes(results, base, lang, { names, valued: t.cells.map((x) => x.code) }),
        names,
        paletteFrom: c.tensions,
      },
    );
  };

/** Display name of the LISA variable. */
const variableName = (v: string, lang: Lang): string => {
  if (!(/per10k|density|per 10,?000/i.test(v) || v === '')) return v;
  const label = mt('legend.per10k', lang).replace(/（家）$/, '');
  return lang === 'en' ? label.charAt(0).toLowerCase() + label.slice(1) : label; // mid-sentence in the title
};

function lisaMap(results: Results, lang: Lang): TopLevelSpec | null {
  const l = lisaData(results);
  const base = l && mapBase(results, MAP_WIDTH);
  if (!l || !base) return null;
  const n = (k: string) => l.units.filter((u) => u.cluster === k).length;
  const names = mapNames(results, base, lang);
  return lisaMapSpec(base, l, {
    lang,
    title: lisaMapTitle(lang, {
      year: l.year,
      variable: variableName(l.variable, lang),
      HH: n('HH'),
      LL: n('LL'),
      outliers: n('HL') + n('LH'),
    }),
    subtitle: notes(results, base, lang, {
      names,
      valued: l.units.map((u) => u.code),
      extra: l.permutations > 0 ? [lisaMethodNote(lang, l.permutations)] : [],
    }),
    names,
  });
}

/**
 * The maps in report order. Names are file names (`charts/<name>.svg`) and values of
 * `soqa chart --only`.
 *
 * @example
 * MAP_CHARTS['map-density'].build(results, 'zh'); // => a spec, or null without boundaries
 */
export const MAP_CHARTS: Readonly<Record<string, MapEntry>> = {
  'map-density': { build: densityMap, needs: null },
  'map-density-change': { build: densityChangeMap, needs: null },
  'map-lisa': { build: lisaMap, needs: 'spatial' },
  'map-lq': { build: lqMap, needs: 'spatial' },
  // one per tension of the framework (the triple tension), like tension-scatter-1 … -3
  'map-tension-1': { build: tensionMap(0), needs: 'tension' },
  'map-tension-2': { build: tensionMap(1), needs: 'tension' },
  'map-tension-3': { build: tensionMap(2), needs: 'tension' },
};
