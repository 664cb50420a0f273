import { escapeMessage } from '../output/escape-control.js';
import type { Command } from 'commander';
import { staffSection, type StaffSection, type StaffYear } from '../../analyses/staff/staff-section.js';
import type { StaffProfile } from '../../analyses/staff/staff-profile.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { CliIO } from '../io.js';
import { parseIntOption } from '../options.js';
import { formatNotes, toJsonText } from '../output/format-notes.js';
import { formatTable, numCell, pctCell } from '../output/format-table.js';
import { toSafeCsv } from '../output/to-safe-csv.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { langFrom, langOption } from '../lang-option.js';
import { REPORT_TEXT, rt, type ReportTextKey } from '../../render/report/report-text.js';

interface StaffRaw extends InputRaw {
  year?: string;
  lang?: string;
  json: boolean;
  csv: boolean;
}

/**
 * Register `soqa staff`: certified social workers by level, the qualification pyramid and
 * the check of Fu (2025)'s "junior-dominant, senior-scarce" claim, education, manager age,
 * full-time vs part-time, by region, type and year.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code
 */
export function registerStaff(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('staff')
      .description(
        'staff qualification structure: certified social workers by level, pyramid class, education, manager age, full-time vs part-time',
      ),
  )
    .option('--year <year>', 'year shown in the tables (default: the latest year with staff data)')
    .addOption(langOption('names, verdicts and notes'))
    .option('--json', 'print the section as JSON', false)
    .option('--csv', 'print a flat CSV table (every year, all / region / type)', false)
    .action(async (files: string[], raw: StaffRaw) => setExit(await staff(files, raw, io)));
}

async function staff(files: string[], raw: StaffRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  const year = raw.year === undefined ? undefined : parseIntOption('--year', raw.year, 1900, 2100);
  const lang = langFrom(raw.lang);
  if (raw.json && raw.csv)
    throw new SoqaError('E_BAD_OPTION', msg.badOption('--csv', 'together with --json', 'only one of --json and --csv'));
  const { ctx, inputs } = await loadAnalysisContext(files, input, { need: 'cube' }, io);
  const section = staffSection(ctx);
  if (year !== undefined && !section.years.includes(year))
    throw new SoqaError('E_BAD_OPTION', msg.yearNotInData(year, section.years));
  const notice = inputs.synthetic
    ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') }
    : null;
  if (raw.json) {
    io.stdout(
      toJsonText({
        notice,
        staff:
          year === undefined
            ? section
            : { ...section, years: [year], byYear: section.byYear.filter((y) => y.year === year) },
      }),
    );
    return EXIT.OK;
  }
  if (raw.csv) {
    if (notice && !raw.quiet) io.stderr(`${notice[lang]}\n`);
    io.stdout(staffCsv(section));
    return EXIT.OK;
  }
  let out = notice ? `${notice[lang]}\n\n` : '';
  const shown = year === undefined ? section.byYear.at(-1) : section.byYear.find((y) => y.year === year);
  if (shown) {
    out += `${staffTable(shown, lang)}\n${section.rule[lang]}\n`;
    if (shown.verdict) out += `\n${shown.verdict[lang]}\n`;
  }
  const notes = formatNotes(section.notes, lang);
  if (notes) out += `\n${notes}`;
  io.stdout(escapeMessage(out));
  return EXIT.OK;
}

const HEADER: Record<msg.Lang, string[]> = {
  en: [
    '',
    'orgs',
    'certified',
    'junior',
    'mid',
    'senior',
    'sen/100 jun',
    'per 1k res',
    'per org',
    '% staff cert',
    'college',
    'full-time',
    'mgr <40',
    'mgr age',
    'class',
    'senior-scarce',
  ],
  zh: [
    '',
    '组织数',
    rt('c.certified', 'zh'),
    '助理级',
    '中级',
    '高级',
    '每百名助理的高级',
    '每千人持证',
    '每组织持证',
    '持证占职工',
    '大专及以上',
    '专职',
    '40岁以下负责人',
    '负责人平均年龄',
    rt('c.structure', 'zh'),
    '高级稀缺',
  ],
};

/** The report's name of a pyramid shape (金字塔型, pyramid, …), so that CLI and report say the same. */
function shapeLabel(shape: string, lang: msg.Lang): string {
  const key = `pyramid.${shape}`;
  return key in REPORT_TEXT ? rt(key as ReportTextKey, lang) : shape;
}

function cells(p: StaffProfile, lang: msg.Lang): (string | number | null)[] {
  const c = p.certified;
  return [
    p.organizations,
    c?.total ?? null,
    pctCell(c?.shares?.junior),
    pctCell(c?.shares?.mid),
    pctCell(c?.shares?.senior),
    numCell(c?.seniorPer100Junior, 1),
    numCell(c?.per1000Residents, 3),
    numCell(c?.perOrganization, 2),
    pctCell(c?.shareOfStaff),
    pctCell(p.education?.collegeShare),
    pctCell(p.staff?.fulltimeShare),
    pctCell(p.managers?.youngShare),
    numCell(p.managers?.meanAge, 1),
    p.pyramid ? shapeLabel(p.pyramid.shape, lang) : null,
    p.pyramid ? (p.pyramid.seniorScarce ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no') : null,
  ];
}

function staffTable(y: StaffYear, lang: msg.Lang): string {
  const rows = [
    ...y.byRegion.map((r) => [lang === 'zh' ? r.zh : r.en, ...cells(r, lang)]),
    ...y.byType.map((t) => [msg.orgTypeLabel(lang, t.type), ...cells(t, lang)]),
    [msg.allRegionsLabel(lang), ...cells(y.all, lang)],
  ];
  const title =
    lang === 'zh'
      ? `社会工作者职业水平结构，${y.year}年（先列地区，再列类型，最后为全区）`
      : `Staff qualification structure, ${y.year} (regions, then types, then the whole area)`;
  return `${title}\n\n${formatTable(HEADER[lang], rows)}`;
}

function staffCsv(s: StaffSection): string {
  const cols = [
    'year',
    'scope',
    'key',
    'organizations',
    'cert_junior',
    'cert_mid',
    'cert_senior',
    'certified',
    'junior_share',
    'mid_share',
    'senior_share',
    'senior_per_100_junior',
    'certified_per_1000_residents',
    'certified_per_organization',
    'share_of_staff_certified',
    'staff_fulltime',
    'staff_parttime',
    'fulltime_share',
    'college_share',
    'manager_young_share',
    'manager_mean_age',
    'dominant',
    'senior_scarce',
    'claim_holds',
  ];
  const row = (year: number, scope: string, key: string, p: StaffProfile) => ({
    year,
    scope,
    key,
    organizations: p.organizations,
    cert_junior: p.certified?.junior,
    cert_mid: p.certified?.mid,
    cert_senior: p.certified?.senior,
    certified: p.certified?.total,
    junior_share: p.certified?.shares?.junior,
    mid_share: p.certified?.shares?.mid,
    senior_share: p.certified?.shares?.senior,
    senior_per_100_junior: p.certified?.seniorPer100Junior,
    certified_per_1000_residents: p.certified?.per1000Residents,
    certified_per_organization: p.certified?.perOrganization,
    share_of_staff_certified: p.certified?.shareOfStaff,
    staff_fulltime: p.staff?.fulltime,
    staff_parttime: p.staff?.parttime,
    fulltime_share: p.staff?.fulltimeShare,
    college_share: p.education?.collegeShare,
    manager_young_share: p.managers?.youngShare,
    manager_mean_age: p.managers?.meanAge,
    dominant: p.pyramid?.dominant,
    senior_scarce: p.pyramid ? String(p.pyramid.seniorScarce) : null,
    claim_holds: p.pyramid ? String(p.pyramid.claimHolds) : null,
  });
  const rows = s.byYear.flatMap((y) => [
    row(y.year, 'all', 'all', y.all),
    ...y.byRegion.map((r) => row(y.year, 'region', r.region, r)),
    ...y.byType.map((t) => row(y.year, 'type', t.type, t)),
  ]);
  return toSafeCsv(cols, rows);
}
