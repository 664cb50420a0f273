import { escapeMessage } from '../output/escape-control.js';
import type { Command } from 'commander';
import { spatialSection, type SpatialSection, type SpatialYear } from '../../analyses/spatial/spatial-section.js';
import type { ConcentrationProfile } from '../../analyses/spatial/concentration-profile.js';
import type { DensityLisa } from '../../analyses/spatial/density-lisa.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { CliIO } from '../io.js';
import {
  parseChoiceOption,
  parseCoreOption,
  parseIntOption,
  parsePermutationsOption,
  PERMUTATIONS_HELP,
} from '../options.js';
import { formatNotes, toJsonText } from '../output/format-notes.js';
import { formatTable, numCell, pCell, pctCell } from '../output/format-table.js';
import { toSafeCsv } from '../output/to-safe-csv.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { langFrom, langOption } from '../lang-option.js';

interface SpatialRaw extends InputRaw {
  core?: string;
  year?: string;
  by?: string;
  seed: string;
  permutations?: string;
  lang?: string;
  json: boolean;
  csv: boolean;
}

/**
 * Register `soqa spatial`: core–periphery concentration of organizations by year (counts,
 * shares, density, core share, CR, HHI, Gini with Lorenz, Hoover, Theil with the
 * core/periphery decomposition, location quotients, Moran's I) as tables, JSON or CSV.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code
 */
export function registerSpatial(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('spatial')
      .description(
        "core–periphery concentration of organizations across regions, per year: shares, density, CR, HHI, Gini/Lorenz, Hoover, Theil decomposition, location quotients, Moran's I",
      ),
  )
    .option(
      '--core <codes>',
      'core region codes, comma-separated (default: zone "core" in the regions file), e.g. 150100,150200,150600',
    )
    .option('--year <year>', 'show this year only (default: tables show the latest year; JSON and CSV hold every year)')
    .option('--by <type|field>', 'break down by organization type, or show field × region location quotients')
    .option('--seed <n>', "seed of the Moran's I permutation test", '1')
    .option('--permutations <n>', PERMUTATIONS_HELP)
    .addOption(langOption('verdicts and notes'))
    .option('--json', 'print the section as JSON', false)
    .option('--csv', 'print a flat CSV table', false)
    .action(async (files: string[], raw: SpatialRaw) => setExit(await spatial(files, raw, io)));
}

async function spatial(files: string[], raw: SpatialRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  const core = parseCoreOption(raw.core);
  const year = raw.year === undefined ? undefined : parseIntOption('--year', raw.year, 1900, 2100);
  const by = parseChoiceOption('--by', raw.by, ['type', 'field'] as const);
  const seed = parseIntOption('--seed', raw.seed, 0, 2 ** 32 - 1);
  const permutations = parsePermutationsOption(raw.permutations);
  const lang = langFrom(raw.lang);
  if (raw.json && raw.csv)
    throw new SoqaError('E_BAD_OPTION', msg.badOption('--csv', 'together with --json', 'only one of --json and --csv'));
  const { ctx, inputs } = await loadAnalysisContext(
    files,
    input,
    {
      seed,
      core,
      coreRaw: raw.core,
      extra: {
        spatial: {
          ...(year !== undefined ? { years: [year] } : {}),
          ...(permutations !== undefined ? { permutations } : {}),
        },
      },
      need: 'cube',
    },
    io,
  );
  if (year !== undefined && !ctx.cube.years.includes(year))
    throw new SoqaError('E_BAD_OPTION', msg.yearNotInData(year, ctx.cube.years));
  const section = spatialSection(ctx);
  const notice = inputs.synthetic
    ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') }
    : null;
  if (raw.json) {
    io.stdout(toJsonText({ notice, spatial: section }));
    return EXIT.OK;
  }
  if (raw.csv) {
    if (notice && !raw.quiet) io.stderr(`${notice[lang]}\n`);
    io.stdout(by === 'field' ? fieldCsv(section) : regionCsv(section));
    return EXIT.OK;
  }
  const shown = section.byYear.at(-1);
  let out = notice ? `${notice[lang]}\n\n` : '';
  if (shown) {
    const name = (code: string) => {
      const r = ctx.regions.regions.find((x) => x.code === code);
      return r ? (lang === 'zh' ? r.zh : r.en) : code;
    };
    if (by === 'type') out += typeTable(shown, lang);
    else if (by === 'field') out += fieldTable(shown, name, lang);
    else out += profileText(shown, name, section, lang);
    out += `\n${shown.verdict[lang]}\n`;
    if (year === undefined && section.byYear.length > 1)
      out += `\n${seriesTable(section, lang)}${section.summary ? `${section.summary[lang]}\n` : ''}`;
  }
  const notes = [
    ...section.notes,
    ...(shown
      ? [
          ...shown.all.notes,
          ...(by === 'type' ? Object.values(shown.byType).flatMap((p) => p.notes) : []),
          ...(by === 'field' ? (shown.fields?.notes ?? []) : []),
        ]
      : []),
  ];
  out += formatNotes(notes, lang) ? `\n${formatNotes(notes, lang)}` : '';
  io.stdout(escapeMessage(out));
  return EXIT.OK;
}

function profileText(y: SpatialYear, name: (code: string) => string, s: SpatialSection, lang: msg.Lang): string {
  const zh = lang === 'zh';
  const list = (codes: readonly string[]): string => codes.map(name).join(zh ? '、' : ', ');
  const lines: string[] = [
    zh
      ? `${y.year}年各地区社会组织（核心区：${list(s.core.regions) || '无'}）`
      : `Organizations by region, ${y.year} (core: ${list(s.core.regions) || 'none'})`,
    '',
    regionTable(y.all, name, lang).trimEnd(),
    '',
    ...measureLines(y.all, list, lang),
    ...(y.all.moran ? moranLines(y.all.moran, lang) : []),
    ...(s.lisa && s.lisa.year === y.year ? lisaLines(s.lisa, name, lang) : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The LISA clusters and outliers of density (the year the section computed them for): significant units by quadrant. */
function lisaLines(lisa: DensityLisa, name: (code: string) => string, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const quadrants = [
    ['HH', '高—高聚集', 'high–high'],
    ['LL', '低—低聚集', 'low–low'],
    ['HL', '高—低离群', 'high–low'],
    ['LH', '低—高离群', 'low–high'],
  ] as const;
  const lines = quadrants.map(([q, zhLabel, enLabel]) => {
    const units = lisa.units.filter((u) => u.cluster === q).map((u) => name(u.code));
    const listed = units.length ? units.join(zh ? '、' : ', ') : zh ? '无' : 'none';
    return zh ? `  ${zhLabel}（${units.length}个）：${listed}` : `  ${enLabel} (${units.length}): ${listed}`;
  });
  const ns = lisa.units.filter((u) => u.cluster === 'ns').length;
  return [
    zh
      ? `密度的局部莫兰指数（${lisa.permutations}次条件置换，随机种子${lisa.seed}，α = ${lisa.alpha}）`
      : `Local Moran (LISA) of density (${lisa.permutations} conditional permutations, seed ${lisa.seed}, α = ${lisa.alpha})`,
    ...lines,
    zh ? `  不显著：${ns}个地区` : `  not significant: ${ns} regions`,
  ];
}

/** The table of the regions of a profile, with a total line. */
function regionTable(p: ConcentrationProfile, name: (code: string) => string, lang: msg.Lang): string {
  const zh = lang === 'zh';
  const zone = (z: string): string => (zh ? ({ core: '核心区', periphery: '边缘区' }[z] ?? z) : z);
  const rows = p.regions.map((r) => [
    name(r.region),
    zone(r.zone),
    r.population,
    r.count,
    pctCell(r.share),
    pctCell(r.popShare),
    numCell(r.per10k, 2),
    numCell(r.lq, 2),
  ]);
  rows.push([
    zh ? '合计' : 'total',
    '',
    p.residents,
    p.total,
    p.total ? '100.0%' : null,
    p.residents ? '100.0%' : null,
    p.residents ? numCell((p.total / p.residents) * 10000, 2) : null,
    null,
  ]);
  return formatTable(
    zh
      ? ['地区', '区域', '常住人口', '组织数', '占比', '人口占比', '每万人', '区位商']
      : ['region', 'zone', 'population', 'orgs', 'share', 'pop share', 'per 10k', 'LQ'],
    rows,
  );
}

/** The lines of a profile's concentration measures: core share, CR, HHI, Gini and Hoover, Theil T and L. */
function measureLines(p: ConcentrationProfile, list: (codes: readonly string[]) => string, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (p.core)
    lines.push(
      zh
        ? `核心区以${pctCell(p.core.popShare) ?? '–'}的常住人口集中了${pctCell(p.core.share)}的社会组织（区位商${numCell(p.core.lq, 2) ?? '–'}）`
        : `core share ${pctCell(p.core.share)} of organizations with ${pctCell(p.core.popShare) ?? '–'} of residents (LQ ${numCell(p.core.lq, 2) ?? '–'})`,
    );
  if (p.cr1 && p.cr3)
    lines.push(
      zh
        ? `CR1 ${pctCell(p.cr1.value)}（${list(p.cr1.regions)}）；CR3 ${pctCell(p.cr3.value)}（${list(p.cr3.regions)}）`
        : `CR1 ${pctCell(p.cr1.value)} (${list(p.cr1.regions)}); CR3 ${pctCell(p.cr3.value)} (${list(p.cr3.regions)})`,
    );
  if (p.hhi)
    lines.push(
      zh
        ? `赫芬达尔指数HHI ${numCell(p.hhi.plain, 4)}（标准化 ${numCell(p.hhi.normalized, 4) ?? '–'}；等效地区数 ${numCell(p.hhi.numbersEquivalent, 2)}）`
        : `HHI ${numCell(p.hhi.plain, 4)} (normalised ${numCell(p.hhi.normalized, 4) ?? '–'}; numbers-equivalent ${numCell(p.hhi.numbersEquivalent, 2)} regions)`,
    );
  if (p.gini)
    lines.push(
      zh
        ? `组织数的基尼系数 ${numCell(p.gini.counts, 4)}（n/(n−1)校正 ${numCell(p.gini.countsCorrected, 4) ?? '–'}）；人口加权的密度基尼系数 ${numCell(p.gini.densityPopulationWeighted, 4) ?? '–'}；胡佛指数 ${numCell(p.hoover, 4) ?? '–'}`
        : `Gini of counts ${numCell(p.gini.counts, 4)} (n/(n−1)-corrected ${numCell(p.gini.countsCorrected, 4) ?? '–'}); population-weighted Gini of density ${numCell(p.gini.densityPopulationWeighted, 4) ?? '–'}; Hoover ${numCell(p.hoover, 4) ?? '–'}`,
    );
  for (const [label, t] of [
    ['T', p.theilT],
    ['L', p.theilL],
  ] as const) {
    if (t)
      lines.push(
        zh
          ? `泰尔${label}指数 ${numCell(t.total, 4)} = 组间 ${numCell(t.between, 4)}（${pctCell(t.betweenShare) ?? '–'}）+ 组内 ${numCell(t.within, 4)}`
          : `Theil ${label} ${numCell(t.total, 4)} = between ${numCell(t.between, 4)} (${pctCell(t.betweenShare) ?? '–'}) + within ${numCell(t.within, 4)}`,
      );
  }
  return lines;
}

/** The lines of Moran's I of density: the statistic, its normality and randomisation tests, the permutation test. */
function moranLines(m: NonNullable<ConcentrationProfile['moran']>, lang: msg.Lang): string[] {
  if (lang === 'zh')
    return [
      `密度的全局莫兰指数I ${numCell(m.I, 4)}（E[I] ${numCell(m.expected, 4)}，${m.n}个地区，行标准化权重）`,
      `  正态假设：z ${numCell(m.zNormality, 3) ?? '–'}，单侧（大于）p ${pCell(m.pNormalityGreater) ?? '–'}，双侧p ${pCell(m.pNormalityTwoSided) ?? '–'}`,
      `  随机化：  z ${numCell(m.zRandomisation, 3) ?? '–'}，单侧（大于）p ${pCell(m.pRandomisationGreater) ?? '–'}，双侧p ${pCell(m.pRandomisationTwoSided) ?? '–'}`,
      ...(m.permutation
        ? [
            `  置换检验：p ${pCell(m.permutation.pPseudo)}（按I的方向单侧；${m.permutation.permutations}次置换，随机种子${m.permutation.seed}）`,
          ]
        : []),
    ];
  return [
    `Moran's I of density ${numCell(m.I, 4)} (E[I] ${numCell(m.expected, 4)}, ${m.n} regions, row-standardised weights)`,
    `  normality:     z ${numCell(m.zNormality, 3) ?? '–'}, p one-sided (greater) ${pCell(m.pNormalityGreater) ?? '–'}, p two-sided ${pCell(m.pNormalityTwoSided) ?? '–'}`,
    `  randomisation: z ${numCell(m.zRandomisation, 3) ?? '–'}, p one-sided (greater) ${pCell(m.pRandomisationGreater) ?? '–'}, p two-sided ${pCell(m.pRandomisationTwoSided) ?? '–'}`,
    ...(m.permutation
      ? [
          `  permutation:   p ${pCell(m.permutation.pPseudo)} (one-sided in the direction of I; ${m.permutation.permutations} permutations, seed ${m.permutation.seed})`,
        ]
      : []),
  ];
}

function typeTable(y: SpatialYear, lang: msg.Lang): string {
  const zh = lang === 'zh';
  const rows = [['all', y.all] as const, ...Object.entries(y.byType)].map(
    ([t, p]: readonly [string, ConcentrationProfile]) => [
      msg.orgTypeLabel(lang, t),
      p.total,
      pctCell(p.core?.share),
      numCell(p.core?.lq, 2),
      numCell(p.hhi?.plain, 4),
      numCell(p.gini?.densityPopulationWeighted, 4),
      numCell(p.hoover, 4),
      numCell(p.theilT?.total, 4),
      pctCell(p.theilT?.betweenShare),
      numCell(p.moran?.I, 3),
      numCell(p.moran?.permutation?.pPseudo, 3),
    ],
  );
  const head = zh
    ? [
        '类型',
        '组织数',
        '核心区占比',
        '核心区位商',
        'HHI',
        '密度基尼',
        '胡佛指数',
        '泰尔T',
        '组间占比',
        '莫兰I',
        '置换p',
      ]
    : [
        'type',
        'orgs',
        'core share',
        'core LQ',
        'HHI',
        'Gini dens.',
        'Hoover',
        'Theil T',
        'between',
        "Moran's I",
        'perm. p',
      ];
  return `${zh ? `${y.year}年分类型的集聚程度` : `Concentration by organization type, ${y.year}`}\n\n${formatTable(head, rows)}`;
}

function fieldTable(y: SpatialYear, name: (code: string) => string, lang: msg.Lang): string {
  const zh = lang === 'zh';
  if (!y.fields) return zh ? `${y.year}年：没有业务领域数据。\n` : `${y.year}: no field-of-activity data.\n`;
  const f = y.fields;
  const rows = f.rows.map((r) => [
    zh ? r.zh : r.en,
    r.count,
    ...f.regions.map((c) => numCell(r.lq[c], 2)),
    numCell(r.coreLq, 2),
    numCell(r.peripheryLq, 2),
  ]);
  const head = zh
    ? ['领域', '组织数', ...f.regions.map(name), '核心区', '边缘区']
    : ['field', 'orgs', ...f.regions.map(name), 'core', 'periphery'];
  return `${zh ? `${y.year}年各地区业务领域的区位商（大于1：相对集中）` : `Location quotients of fields by region, ${y.year} (> 1: over-represented)`}\n\n${formatTable(head, rows)}`;
}

function seriesTable(s: SpatialSection, lang: msg.Lang): string {
  const rows = s.series.map((r) => [
    r.year,
    r.total,
    pctCell(r.coreShare),
    pctCell(r.corePopShare),
    numCell(r.coreLq, 2),
    numCell(r.hhi, 4),
    numCell(r.giniDensity, 4),
    numCell(r.theilT, 4),
    pctCell(r.theilBetweenShare),
    numCell(r.moranI, 3),
    numCell(r.moranPPseudo, 3),
  ]);
  const head =
    lang === 'zh'
      ? [
          '年份',
          '组织数',
          '核心区占比',
          '核心区人口',
          '核心区位商',
          'HHI',
          '密度基尼',
          '泰尔T',
          '组间占比',
          '莫兰I',
          '置换p',
        ]
      : [
          'year',
          'orgs',
          'core share',
          'core pop',
          'core LQ',
          'HHI',
          'Gini dens.',
          'Theil T',
          'between',
          "Moran's I",
          'perm. p',
        ];
  return `${lang === 'zh' ? '逐年（全部组织）' : 'By year (all organizations)'}\n\n${formatTable(head, rows)}`;
}

function regionCsv(s: SpatialSection): string {
  const cols = ['year', 'scope', 'region', 'zone', 'population', 'count', 'share', 'pop_share', 'per_10k', 'lq'];
  const rows = s.byYear.flatMap((y) =>
    [['all', y.all] as const, ...Object.entries(y.byType)].flatMap(
      ([scope, p]: readonly [string, ConcentrationProfile]) =>
        p.regions.map((r) => ({
          year: y.year,
          scope,
          region: r.region,
          zone: r.zone,
          population: r.population,
          count: r.count,
          share: r.share,
          pop_share: r.popShare,
          per_10k: r.per10k,
          lq: r.lq,
        })),
    ),
  );
  return toSafeCsv(cols, rows);
}

function fieldCsv(s: SpatialSection): string {
  const rows = s.byYear.flatMap((y) =>
    (y.fields?.rows ?? []).flatMap((r) => [
      ...Object.entries(r.lq).map(([region, lq]) => ({ year: y.year, field: r.field, count: r.count, region, lq })),
      { year: y.year, field: r.field, count: r.count, region: 'core', lq: r.coreLq },
      { year: y.year, field: r.field, count: r.count, region: 'periphery', lq: r.peripheryLq },
    ]),
  );
  return toSafeCsv(['year', 'field', 'count', 'region', 'lq'], rows);
}
