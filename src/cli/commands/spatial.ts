import { escapeMessage } from '../output/escape-control.js';
import type { Command } from 'commander';
import { spatialSection, type SpatialSection, type SpatialYear } from '../../analyses/spatial/spatial-section.js';
import type { ConcentrationProfile } from '../../analyses/spatial/concentration-profile.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { CliIO } from '../io.js';
import { parseChoiceOption, parseCoreOption, parseIntOption } from '../options.js';
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
  const lang = langFrom(raw.lang);
  if (raw.json && raw.csv)
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption('--csv', 'together with --json', 'only one of --json and --csv'),
      EXIT.BAD_OPTIONS,
    );
  const { ctx, inputs } = await loadAnalysisContext(
    files,
    input,
    {
      seed,
      core,
      coreRaw: raw.core,
      extra: year !== undefined ? { spatial: { years: [year] } } : {},
      need: 'cube',
    },
    io,
  );
  if (year !== undefined && !ctx.cube.years.includes(year))
    throw new SoqaError('E_BAD_OPTION', msg.yearNotInData(year, ctx.cube.years), EXIT.BAD_OPTIONS);
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
    else if (by === 'field') out += fieldTable(shown, name);
    else out += profileText(shown, name, section);
    out += `\n${shown.verdict[lang]}\n`;
    if (year === undefined && section.byYear.length > 1)
      out += `\n${seriesTable(section)}${section.summary ? `${section.summary[lang]}\n` : ''}`;
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

function profileText(y: SpatialYear, name: (code: string) => string, s: SpatialSection): string {
  const p = y.all;
  const lines: string[] = [
    `Organizations by region, ${y.year} (core: ${s.core.regions.map(name).join(', ') || 'none'})`,
    '',
  ];
  const rows = p.regions.map((r) => [
    name(r.region),
    r.zone,
    r.population,
    r.count,
    pctCell(r.share),
    pctCell(r.popShare),
    numCell(r.per10k, 2),
    numCell(r.lq, 2),
  ]);
  rows.push([
    'total',
    '',
    p.residents,
    p.total,
    p.total ? '100.0%' : null,
    p.residents ? '100.0%' : null,
    p.residents ? numCell((p.total / p.residents) * 10000, 2) : null,
    null,
  ]);
  lines.push(
    formatTable(['region', 'zone', 'population', 'orgs', 'share', 'pop share', 'per 10k', 'LQ'], rows).trimEnd(),
    '',
  );
  if (p.core)
    lines.push(
      `core share ${pctCell(p.core.share)} of organizations with ${pctCell(p.core.popShare) ?? '–'} of residents (LQ ${numCell(p.core.lq, 2) ?? '–'})`,
    );
  if (p.cr1 && p.cr3)
    lines.push(
      `CR1 ${pctCell(p.cr1.value)} (${p.cr1.regions.map(name).join(', ')}); CR3 ${pctCell(p.cr3.value)} (${p.cr3.regions.map(name).join(', ')})`,
    );
  if (p.hhi)
    lines.push(
      `HHI ${numCell(p.hhi.plain, 4)} (normalised ${numCell(p.hhi.normalized, 4) ?? '–'}; numbers-equivalent ${numCell(p.hhi.numbersEquivalent, 2)} regions)`,
    );
  if (p.gini)
    lines.push(
      `Gini of counts ${numCell(p.gini.counts, 4)} (n/(n−1)-corrected ${numCell(p.gini.countsCorrected, 4) ?? '–'}); population-weighted Gini of density ${numCell(p.gini.densityPopulationWeighted, 4) ?? '–'}; Hoover ${numCell(p.hoover, 4) ?? '–'}`,
    );
  for (const [label, t] of [
    ['T', p.theilT],
    ['L', p.theilL],
  ] as const) {
    if (t)
      lines.push(
        `Theil ${label} ${numCell(t.total, 4)} = between ${numCell(t.between, 4)} (${pctCell(t.betweenShare) ?? '–'}) + within ${numCell(t.within, 4)}`,
      );
  }
  const m = p.moran;
  if (m) {
    lines.push(
      `Moran's I of density ${numCell(m.I, 4)} (E[I] ${numCell(m.expected, 4)}, ${m.n} regions, row-standardised weights)`,
      `  normality:     z ${numCell(m.zNormality, 3) ?? '–'}, p one-sided (greater) ${pCell(m.pNormalityGreater) ?? '–'}, p two-sided ${pCell(m.pNormalityTwoSided) ?? '–'}`,
      `  randomisation: z ${numCell(m.zRandomisation, 3) ?? '–'}, p one-sided (greater) ${pCell(m.pRandomisationGreater) ?? '–'}, p two-sided ${pCell(m.pRandomisationTwoSided) ?? '–'}`,
    );
    if (m.permutation)
      lines.push(
        `  permutation:   p ${pCell(m.permutation.pPseudo)} (one-sided in the direction of I; ${m.permutation.permutations} permutations, seed ${m.permutation.seed})`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function typeTable(y: SpatialYear, lang: msg.Lang): string {
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
  return `Concentration by organization type, ${y.year}\n\n${formatTable(['type', 'orgs', 'core share', 'core LQ', 'HHI', 'Gini dens.', 'Hoover', 'Theil T', 'between', "Moran's I", 'perm. p'], rows)}`;
}

function fieldTable(y: SpatialYear, name: (code: string) => string): string {
  if (!y.fields) return `${y.year}: no field-of-activity data.\n`;
  const f = y.fields;
  const rows = f.rows.map((r) => [
    r.en,
    r.count,
    ...f.regions.map((c) => numCell(r.lq[c], 2)),
    numCell(r.coreLq, 2),
    numCell(r.peripheryLq, 2),
  ]);
  return `Location quotients of fields by region, ${y.year} (> 1: over-represented)\n\n${formatTable(['field', 'orgs', ...f.regions.map(name), 'core', 'periphery'], rows)}`;
}

function seriesTable(s: SpatialSection): string {
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
  return `By year (all organizations)\n\n${formatTable(['year', 'orgs', 'core share', 'core pop', 'core LQ', 'HHI', 'Gini dens.', 'Theil T', 'between', "Moran's I", 'perm. p'], rows)}`;
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
