#!/usr/bin/env node
// Builds soqa's China regions files from the census sources in sources/china-census-2020/
// (Lei Dong et al., MIT; see the README there):
//   data/regions/china-provinces.json   31 mainland provincial units (HK, Macao, Taiwan left out)
//   data/regions/china-prefectures.json every prefecture-level unit, with its province
//   data/regions/china-counties.json    every county-level unit with a division code
//   data/regions/inner-mongolia.json    its 12 leagues, core, zones, tags, areas and neighbours
//                                       kept; census fields added
// Usage: node scripts/build-regions.mjs [--census DIR] [--check]
//   --census DIR  read the sources from DIR (a folder inside this repository)
//   --check       write nothing; exit 1 when a committed file differs from what would be built
// Deterministic: same sources → byte-identical files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { pinyin } from 'pinyin-pro';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const censusArg = args.includes('--census') ? args[args.indexOf('--census') + 1] : 'sources/china-census-2020';
const censusDir = resolve(root, censusArg ?? '');
const rel = relative(root, censusDir);
if (!censusArg || rel.startsWith('..') || isAbsolute(rel)) {
  console.error(`build-regions: --census must name a folder inside the repository (${root}); got ${censusArg}`);
  process.exit(2);
}
const check = args.includes('--check');

const SPHERE_RADIUS_KM = 6371.0072; // authalic radius of the WGS 84 ellipsoid

/** The NBS four economic regions (DOMAIN.md "China beyond Inner Mongolia"), by province code. */
const GROUPS = {
  东部: ['110000', '120000', '130000', '310000', '320000', '330000', '350000', '370000', '440000', '460000'],
  中部: ['140000', '340000', '360000', '410000', '420000', '430000'],
  西部: [
    '150000',
    '450000',
    '500000',
    '510000',
    '520000',
    '530000',
    '540000',
    '610000',
    '620000',
    '630000',
    '640000',
    '650000',
  ],
  东北: ['210000', '220000', '230000'],
};

/** English names and one-character abbreviations of the 31 provincial units. */
const PROVINCES = {
  110000: ['Beijing', '京'],
  120000: ['Tianjin', '津'],
  130000: ['Hebei', '冀'],
  140000: ['Shanxi', '晋'],
  150000: ['Inner Mongolia', '蒙'],
  210000: ['Liaoning', '辽'],
  220000: ['Jilin', '吉'],
  230000: ['Heilongjiang', '黑'],
  310000: ['Shanghai', '沪'],
  320000: ['Jiangsu', '苏'],
  330000: ['Zhejiang', '浙'],
  340000: ['Anhui', '皖'],
  350000: ['Fujian', '闽'],
  360000: ['Jiangxi', '赣'],
  370000: ['Shandong', '鲁'],
  410000: ['Henan', '豫'],
  420000: ['Hubei', '鄂'],
  430000: ['Hunan', '湘'],
  440000: ['Guangdong', '粤'],
  450000: ['Guangxi', '桂'],
  460000: ['Hainan', '琼'],
  500000: ['Chongqing', '渝'],
  510000: ['Sichuan', '川'],
  520000: ['Guizhou', '黔'],
  530000: ['Yunnan', '滇'],
  540000: ['Tibet', '藏'],
  610000: ['Shaanxi', '陕'],
  620000: ['Gansu', '甘'],
  630000: ['Qinghai', '青'],
  640000: ['Ningxia', '宁'],
  650000: ['Xinjiang', '新'],
};

/** Ethnic names that appear in the names of autonomous prefectures and regions (stripped for short names). */
const ETHNIC =
  /(?:土家族|苗族|藏族|羌族|彝族|布依族|侗族|哈尼族|壮族|傣族|白族|景颇族|傈僳族|回族|蒙古族|朝鲜族|蒙古|柯尔克孜|哈萨克|维吾尔|黎族)+$/;

function readCsv(name) {
  const text = readFileSync(join(censusDir, name), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse(text, { skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${name}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

const num = (v) => (v === undefined || v === '' || v === 'NA' ? null : Number(v));
const round = (v, d) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

// ---- WKT geometry: rings, spherical area, shared vertices --------------------------------

/** POLYGON/MULTIPOLYGON WKT → polygons → rings → [lon, lat] (both as the source's text). */
function parseWkt(wkt) {
  const body = wkt.replace(/^\s*(MULTI)?POLYGON\s*/i, '');
  const polygons = [];
  let depth = 0;
  let ring = null;
  let polygon = null;
  const multi = /^\s*MULTI/i.test(wkt);
  for (const token of body.match(/\(|\)|[^(),]+|,/g)) {
    if (token === '(') {
      depth++;
      if (depth === (multi ? 2 : 1)) polygon = [];
      if (depth === (multi ? 3 : 2)) ring = [];
    } else if (token === ')') {
      if (depth === (multi ? 3 : 2)) polygon.push(ring);
      if (depth === (multi ? 2 : 1)) polygons.push(polygon);
      depth--;
    } else if (token !== ',' && ring) {
      const [x, y] = token.trim().split(/\s+/);
      ring.push([x, y]);
    }
  }
  return polygons;
}

/** Area of a lon/lat ring on the sphere, km² (the formula of Chamberlain & Duquette 2007, as in geojson-area). */
function ringArea(ring) {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const [lo, mi, hi] = [ring[i], ring[(i + 1) % n], ring[(i + 2) % n]];
    const rad = (d) => (Number(d) * Math.PI) / 180;
    s += (rad(hi[0]) - rad(lo[0])) * Math.sin(rad(mi[1]));
  }
  return Math.abs((s * SPHERE_RADIUS_KM * SPHERE_RADIUS_KM) / 2);
}

function polygonsArea(polygons) {
  let a = 0;
  for (const p of polygons) p.forEach((ring, i) => (a += i === 0 ? ringArea(ring) : -ringArea(ring)));
  return a;
}

/** Queen contiguity: two units are neighbours when their boundaries share a vertex. */
function queenNeighbours(vertexSets) {
  const owners = new Map();
  const out = new Map([...vertexSets.keys()].map((c) => [c, new Set()]));
  for (const [code, vertices] of vertexSets)
    for (const v of vertices) {
      const list = owners.get(v);
      if (!list) owners.set(v, [code]);
      else if (list[list.length - 1] !== code) {
        for (const o of list)
          if (o !== code) {
            out.get(o).add(code);
            out.get(code).add(o);
          }
        list.push(code);
      }
    }
  return out;
}

// ---- names ------------------------------------------------------------------------------

function shortName(zh) {
  const strip = (base) => {
    const s = base.replace(ETHNIC, '');
    return s.length >= 2 ? s : base;
  };
  if (/自治(州|区|县|旗)$/.test(zh)) return strip(zh.replace(/自治(州|区|县|旗)$/, ''));
  if (/特别行政区$/.test(zh)) return zh.replace(/特别行政区$/, '');
  const s = zh.replace(/(省|市|地区|盟|林区|县|区|旗)$/, '');
  return s.length >= 2 ? s : zh;
}

/** Readings pinyin-pro gets wrong in place names. */
const READINGS = { 喀什: 'Kashi' };

function toPinyin(zh) {
  if (READINGS[zh]) return READINGS[zh];
  const syllables = pinyin(zh, { toneType: 'none', type: 'array' });
  const word = syllables
    .map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/ü/g, 'ü');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** English: the pinyin of the short name plus the English kind of unit. */
function englishName(zh) {
  const short = shortName(zh);
  if (/自治州$/.test(zh)) return `${toPinyin(short)} Prefecture`;
  if (/地区$/.test(zh)) return `${toPinyin(short)} Prefecture`;
  if (/盟$/.test(zh)) return `${toPinyin(short)} League`;
  return toPinyin(short);
}

function authorityName(zh, level) {
  return level === 'province' && !/市$/.test(zh) ? `${zh}民政厅` : `${zh}民政局`;
}

/** Drop aliases shared by two units (or equal to another unit's name): never guess. */
function dropSharedAliases(units, reserved = new Map()) {
  const seen = new Map();
  for (const u of units) for (const a of new Set([u.zh, ...u.aliases])) seen.set(a, (seen.get(a) ?? 0) + 1);
  const dropped = [];
  for (const u of units) {
    // a name of a province is reserved for it, unless the unit is the province's only unit (a municipality)
    const keep = u.aliases.filter((a) => seen.get(a) === 1 && (!reserved.has(a) || reserved.get(a) === u.code));
    dropped.push(...u.aliases.filter((a) => !keep.includes(a)).map((a) => `${a} (${u.zh})`));
    u.aliases = keep;
  }
  return [...new Set(dropped)].sort();
}

// ---- read the sources ---------------------------------------------------------------------

const [countyHeader, ...countyRows] = readCsv('counties-2020.csv');
const col = (name) => {
  const i = countyHeader.indexOf(name);
  if (i < 0) throw new Error(`counties-2020.csv has no column ${name}`);
  return i;
};
const C = {
  code: col('区划代码'),
  prov: col('省'),
  city: col('市'),
  county: col('区县'),
  pop: col('人口数_合计'),
  urban: col('城镇人口'),
  aged65: col('人口比重_65岁及以上'),
  schooling: col('平均受教育年限_合计'),
};
const [prefHeader, ...prefRows] = readCsv('prefectures-2010-2020.csv');
const P = Object.fromEntries(prefHeader.map((h, i) => [h, i]));
const mainland = prefRows.filter((r) => PROVINCES[r[P.province_code]]);
const leftOut = prefRows.filter((r) => !PROVINCES[r[P.province_code]]).map((r) => r[P.city]);

const censusRow = new Map(countyRows.filter((r) => /^\d{6}$/.test(r[C.code])).map((r) => [r[C.code], r]));
/** Census covariates of a county-table row. */
function covariates(row) {
  const pop = num(row[C.pop]);
  const urban = num(row[C.urban]);
  const aged = num(row[C.aged65]);
  const school = num(row[C.schooling]);
  return {
    population: pop,
    ...(urban !== null && pop ? { urbanRate: round(urban / pop, 4) } : {}),
    ...(aged !== null ? { aged65Share: round(aged / 100, 4) } : {}),
    ...(school !== null ? { schoolingYears: school } : {}),
  };
}

// ---- prefectures --------------------------------------------------------------------------

const unitsPerProvince = new Map();
for (const r of mainland) unitsPerProvince.set(r[P.province_code], (unitsPerProvince.get(r[P.province_code]) ?? 0) + 1);
const geometry = new Map();
const prefectures = mainland.map((r) => {
  const code = r[P.city_code];
  const province = r[P.province_code];
  const single = unitsPerProvince.get(province) === 1; // a municipality: one unit for the whole province
  const row = censusRow.get(single ? province : code);
  if (!row) throw new Error(`no county-table row for prefecture ${code} ${r[P.city]}`);
  const polygons = parseWkt(r[P.coord]);
  geometry.set(code, polygons);
  const zh = r[P.city];
  const short = shortName(zh);
  const aliases = [short, ...(/自治州$/.test(zh) ? [`${short}州`] : []), authorityName(zh, 'prefecture')];
  const pop2010 = num(r[P.popu_2010]);
  const cov = covariates(row);
  return {
    code,
    zh,
    en: englishName(zh),
    parent: province,
    province,
    ...(pop2010 !== null ? { population2010: pop2010 } : {}),
    ...cov,
    area: Math.round(polygonsArea(polygons)),
    aliases: aliases.filter((a) => a !== zh),
  };
});

const vertexSets = new Map(
  [...geometry].map(([code, polys]) => [
    code,
    new Set(polys.flatMap((p) => p.flatMap((ring) => ring.map((v) => `${v[0]} ${v[1]}`)))),
  ]),
);
const prefNeighbours = queenNeighbours(vertexSets);
for (const u of prefectures) {
  u.neighbours = [...prefNeighbours.get(u.code)].sort();
  if (!u.neighbours.length) u.island = true;
}

// ---- provinces ----------------------------------------------------------------------------

const groupOf = new Map(Object.entries(GROUPS).flatMap(([g, codes]) => codes.map((c) => [c, g])));
const provinces = Object.keys(PROVINCES)
  .sort()
  .map((code) => {
    const row = censusRow.get(code);
    const zh = row[C.prov];
    const [en, abbr] = PROVINCES[code];
    const members = prefectures.filter((p) => p.province === code);
    const nb = new Set();
    for (const m of members)
      for (const n of m.neighbours) if (n.slice(0, 2) !== code.slice(0, 2)) nb.add(`${n.slice(0, 2)}0000`);
    const short = shortName(zh);
    const group = groupOf.get(code);
    return {
      code,
      zh,
      en,
      parent: 'CN',
      province: code,
      population2010: members.reduce((a, m) => a + (m.population2010 ?? 0), 0),
      ...covariates(row),
      area: members.reduce((a, m) => a + m.area, 0),
      zone: group === '东部' ? 'core' : 'periphery',
      group,
      aliases: [short, abbr, authorityName(zh, 'province'), ...(short !== zh.replace(/市$/, '') ? [] : [])],
      neighbours: [...nb].sort(),
      ...(nb.size ? {} : { island: true }),
    };
  });
for (const p of provinces) p.aliases = [...new Set(p.aliases)].filter((a) => a !== p.zh);

// aliases of prefectures that equal a province's name or short name, or another prefecture's, are dropped
const soleUnit = (province) =>
  unitsPerProvince.get(province) === 1 ? prefectures.find((x) => x.province === province).code : null;
const provinceNames = new Map(provinces.flatMap((p) => [p.zh, ...p.aliases].map((a) => [a, soleUnit(p.code)])));
for (const u of prefectures)
  if (soleUnit(u.province)) {
    const p = provinces.find((x) => x.code === u.province);
    u.aliases = [...new Set([...u.aliases, ...p.aliases.filter((a) => a.length > 1)])];
  }
const droppedPrefAliases = dropSharedAliases(prefectures, provinceNames);

// ---- counties -----------------------------------------------------------------------------

const prefByName = new Map(prefectures.map((p) => [`${p.province}|${p.zh}`, p.code]));
const prefCodes = new Set(prefectures.map((p) => p.code));
const skipped = [];
const counties = [];
for (const r of countyRows) {
  const code = r[C.code];
  if (!/^\d{6}$/.test(code) || !PROVINCES[`${code.slice(0, 2)}0000`]) {
    if (r[C.code] !== 'NA' || r[C.county] !== '全国')
      skipped.push(`${r[C.code]} ${r[C.prov]}${r[C.city]}${r[C.county]}`);
    continue;
  }
  if (code.endsWith('00')) continue; // province, prefecture and 市辖区/县 subtotal rows
  const province = `${code.slice(0, 2)}0000`;
  const prefecture = prefCodes.has(code)
    ? code
    : unitsPerProvince.get(province) === 1
      ? prefectures.find((p) => p.province === province).code
      : (prefByName.get(`${province}|${r[C.city]}`) ??
        (prefCodes.has(`${code.slice(0, 4)}00`) ? `${code.slice(0, 4)}00` : null));
  if (!prefecture) throw new Error(`county ${code} ${r[C.county]}: no prefecture`);
  const zh = r[C.county];
  counties.push({ code, zh, en: toPinyin(shortName(zh)), parent: prefecture, province, ...covariates(r) });
}
counties.sort((a, b) => a.code.localeCompare(b.code));

// ---- files --------------------------------------------------------------------------------

const SOURCE =
  'China Census data set by Lei Dong et al. (GitHub leiii/census, data/census/, commit 0ba0f1e), MIT licence, copied with its LICENSE to sources/china-census-2020/; rebuilt by scripts/build-regions.mjs';
const common = {
  data: SOURCE,
  population:
    '7th national population census (2020) resident population from the census yearbook county table (counties-2020.csv); the 31 provinces sum to 1,409,778,724 (mainland, without active servicemen)',
  population2010:
    '6th census (2010), adjusted to 2020 boundaries by the data set (prefectures-2010-2020.csv); absent where the source has none',
  urbanRate: 'urban residents / residents, 2020 (城镇人口 / 人口数_合计), 0–1',
  aged65Share: 'share of residents aged 65 and over, 2020 (人口比重_65岁及以上 / 100), 0–1',
  schoolingYears: 'average years of schooling of residents aged 15 and over, 2020 (平均受教育年限_合计)',
  en: 'Hanyu Pinyin of the name without its generic suffix (pinyin-pro at build time), plus Prefecture/League for 地区, 自治州 and 盟; minority-language names are given in pinyin (Huhehaote, not Hohhot) except in china-provinces and inner-mongolia',
};
const geo = {
  area: 'km², computed at build time on the sphere (authalic radius 6,371.0 km) from the boundaries (WKT) of prefectures-2010-2020.csv; provinces are the sum of their prefectures',
  neighbours:
    'queen contiguity computed from the boundaries: units that share at least one boundary vertex (the source’s neighbouring units share exact vertices); a unit with none is marked island',
};
const header = (id, zh, en, extra) => ({
  $schema: '../../schemas/regions.schema.json',
  id,
  name: { zh, en },
  code: 'CN',
  populationYear: 2020,
  sources: { ...common, ...extra },
});

const outFiles = {
  'china-provinces.json': {
    ...header('china-provinces', '中国31个省级行政区（不含港澳台）', 'China: the 31 provincial units of the mainland', {
      ...geo,
      coverage: `the 31 provinces, autonomous regions and municipalities of the mainland; Hong Kong, Macao and Taiwan are left out (${leftOut.join('、')} are in the source without county data; Taiwan is not in the source)`,
      zone: 'core = 东部 (eastern) of the National Bureau of Statistics’ four economic regions; 中部, 西部 and 东北 (group) are periphery. Pass --core to choose another core',
      group:
        'the NBS four economic regions: 东部 北京 天津 河北 上海 江苏 浙江 福建 山东 广东 海南; 中部 山西 安徽 江西 河南 湖北 湖南; 西部 内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆; 东北 辽宁 吉林 黑龙江',
      aliases:
        'short name, one-character abbreviation, the civil-affairs department (民政厅, 民政局 for municipalities)',
    }),
    regions: provinces,
  },
  'china-prefectures.json': {
    ...header('china-prefectures', '中国地级行政区', 'China: prefecture-level units of the mainland', {
      ...geo,
      coverage: `every prefecture-level unit of the 31 mainland provinces (${prefectures.length}); each municipality (北京, 天津, 上海, 重庆) is one unit, and the county-level cities and counties directly under a province (海南, 湖北, 河南 济源, 新疆 兵团 cities) are units of their own, as in the source. Hong Kong, Macao and Taiwan are left out. One province: --within 广东省 (or 440000)`,
      zone: 'no default core: the spatial analysis reports concentration without a core–periphery split; pass --core CODE,… to give one',
      aliases: `short name, 州 short form of autonomous prefectures, the civil-affairs bureau (民政局); short names shared by two units or equal to a province name are left out: ${droppedPrefAliases.join('、')}`,
    }),
    regions: prefectures,
  },
  'china-counties.json': {
    ...header('china-counties', '中国县级行政区', 'China: county-level units of the mainland', {
      coverage: `every county-level unit of the census county table with a division code (${counties.length}), with its prefecture (parent) and province; left out: ${skipped.length} rows without a valid division code (development zones, 管理区, the South China Sea islands’ rows, subtotals), whose residents are counted in their prefecture and province`,
      area: 'none: the source has no county boundaries',
      neighbours: 'none: the source has no county boundaries, so spatial weights need a neighbours list of your own',
      zone: 'no default core; pass --core CODE,… to give one',
    }),
    regions: counties,
  },
};

// inner-mongolia: keep every hand-made field, add census fields
const imPath = join(root, 'data/regions/inner-mongolia.json');
const im = JSON.parse(readFileSync(imPath, 'utf8'));
im.sources = {
  ...im.sources,
  zone: 'core = Hohhot–Baotou–Ordos (呼包鄂) as in 伏昕（2025）; other tags are judgement and editable',
  census: `${common.data}: population2010, urbanRate, aged65Share and schoolingYears (definitions as in china-prefectures.json); population and area are the values above`,
};
const imNotes = [];
im.regions = im.regions.map((r) => {
  const p = prefectures.find((x) => x.code === r.code);
  if (!p) throw new Error(`inner-mongolia ${r.code} is not a prefecture of the census`);
  if (p.population !== r.population)
    throw new Error(`inner-mongolia ${r.code}: population ${r.population} ≠ census ${p.population}`);
  const computed = p.neighbours.filter((n) => n.startsWith('15')).join(',');
  if (computed !== [...(r.neighbours ?? [])].sort().join(','))
    imNotes.push(`${r.code} ${r.zh}: kept ${[...r.neighbours].sort()}, boundaries give ${computed}`);
  const { code, zh, en, parent, population, area, zone, tags, neighbours, aliases, gdp } = r;
  const extra = {
    province: '150000',
    population2010: p.population2010,
    urbanRate: p.urbanRate,
    aged65Share: p.aged65Share,
    schoolingYears: p.schoolingYears,
  };
  return {
    code,
    zh,
    en,
    parent,
    ...extra,
    population,
    area,
    ...(gdp ? { gdp } : {}),
    zone,
    tags,
    neighbours,
    aliases: aliases ?? p.aliases,
  };
});
if (imNotes.length)
  console.error(
    `build-regions: inner-mongolia neighbours differ from the boundaries (the file's own are kept):\n  ${imNotes.join('\n  ')}`,
  );
outFiles['inner-mongolia.json'] = im;

/** Pretty JSON with one line per region (the large files stay readable and diffable). */
function compact(content) {
  const { regions, ...head } = content;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "regions": [\n${regions.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

let differs = 0;
for (const [name, content] of Object.entries(outFiles)) {
  const path = join(root, 'data/regions', name);
  const text = name === 'inner-mongolia.json' ? `${JSON.stringify(content, null, 2)}\n` : compact(content);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      differs++;
      console.error(`${name} differs from a rebuild`);
    }
  } else writeFileSync(path, text);
}
console.error(
  `build-regions: ${provinces.length} provinces, ${prefectures.length} prefectures (${prefectures.filter((p) => p.island).length} without neighbours: ${prefectures
    .filter((p) => p.island)
    .map((p) => p.zh)
    .join(' ')}), ${counties.length} counties (${skipped.length} rows left out)`,
);
if (check && differs) process.exit(1);
