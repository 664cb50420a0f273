/**
 * Find a font with Chinese glyphs on this machine, for rendering charts to PNG.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fontEnvUnusable } from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { fontHasChar } from './font-has-char.js';
import { readFontFamilies } from './read-font-families.js';

/** A CJK font file and the family name to ask for in SVG. */
export interface CjkFont {
  /** Absolute path of the regular-weight font file. */
  path: string;
  /** Family name inside that file to use, e.g. "Noto Sans CJK SC". */
  family: string;
  /** Path of the matching bold file, when there is one next to `path`. */
  boldPath?: string;
}

/**
 * Known CJK font files, best first: file name (compared case-insensitively), family
 * for Simplified Chinese, and the bold sibling's file name if the family has one.
 * WenQuanYi Micro Hei comes first for speed: resvg re-reads the whole font file for every
 * text element it lays out, and a TrueType font like this one can be cut down to the glyphs
 * of a report's charts (src/cli/fonts/subset-font.ts), while the CFF-based Noto Sans CJK /
 * Source Han Sans collections (20 MB) cannot, which makes a report's PNGs take half a
 * minute instead of about a second. It has no bold face, so bold titles render regular.
 * SOQA_FONT chooses another font.
 */
const KNOWN: ReadonlyArray<{ file: string; family: string; bold?: string }> = [
  { file: 'wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: 'NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC', bold: 'NotoSansCJK-Bold.ttc' },
  { file: 'NotoSansCJKsc-Regular.otf', family: 'Noto Sans CJK SC', bold: 'NotoSansCJKsc-Bold.otf' },
  { file: 'NotoSansSC-Regular.otf', family: 'Noto Sans SC', bold: 'NotoSansSC-Bold.otf' },
  { file: 'NotoSansSC-Regular.ttf', family: 'Noto Sans SC', bold: 'NotoSansSC-Bold.ttf' },
  { file: 'SourceHanSans-Regular.ttc', family: 'Source Han Sans SC', bold: 'SourceHanSans-Bold.ttc' },
  { file: 'SourceHanSansSC-Regular.otf', family: 'Source Han Sans SC', bold: 'SourceHanSansSC-Bold.otf' },
  { file: 'wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: 'PingFang.ttc', family: 'PingFang SC' },
  { file: 'Hiragino Sans GB.ttc', family: 'Hiragino Sans GB' },
  { file: 'msyh.ttc', family: 'Microsoft YaHei', bold: 'msyhbd.ttc' },
  { file: 'simhei.ttf', family: 'SimHei' },
  { file: 'DroidSansFallbackFull.ttf', family: 'Droid Sans Fallback' },
];

/** Where fonts live on Linux, macOS and Windows (missing ones are skipped). */
function defaultFontDirs(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? homedir();
  const dirs = [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local/share/fonts'),
    join(home, '.fonts'),
    '/System/Library/Fonts',
    '/Library/Fonts',
    join(home, 'Library/Fonts'),
  ];
  if (env.WINDIR) dirs.push(join(env.WINDIR, 'Fonts'));
  return dirs;
}

/** Font files under `dir` (recursively, at most `depth` levels), keyed by lower-case name. */
function collectFonts(dir: string, depth: number, into: Map<string, string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // missing or unreadable directory
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && depth > 0) collectFonts(p, depth - 1, into);
    else if ((e.isFile() || e.isSymbolicLink()) && /\.(ttc|ttf|otf)$/i.test(e.name)) {
      const key = e.name.toLowerCase();
      if (!into.has(key)) into.set(key, p);
    }
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The font named by SOQA_FONT, or a SoqaError saying why it cannot be used. */
function fontFromEnv(path: string): CjkFont {
  if (!isFile(path)) throw new SoqaError('E_FONT_NOT_FOUND', fontEnvUnusable(path, 'no such file'));
  const known = KNOWN.find((k) => k.file.toLowerCase() === basename(path).toLowerCase());
  if (known) return withBold({ path, family: known.family }, known.bold);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SoqaError('E_FONT_NOT_FOUND', fontEnvUnusable(path, `cannot read it (${(e as Error).message})`));
  }
  const families = readFontFamilies(bytes);
  if (families.length === 0) {
    throw new SoqaError(
      'E_FONT_NOT_FOUND',
      fontEnvUnusable(path, 'not a TrueType/OpenType font (no family name found)'),
    );
  }
  if (!fontHasChar(bytes, '中')) {
    throw new SoqaError('E_FONT_NOT_FOUND', fontEnvUnusable(path, `the font (${families[0]}) has no Chinese glyphs`));
  }
  // a collection may hold several scripts; prefer the Simplified Chinese face
  const family =
    families.find((f) => /\b(SC|CN|GB)\b|Simplified|简/i.test(f) && !/mono/i.test(f)) ??
    families.find((f) => !/mono/i.test(f)) ??
    families[0];
  return { path, family };
}

function withBold(font: CjkFont, boldName: string | undefined): CjkFont {
  if (boldName === undefined) return font;
  const boldPath = join(dirname(font.path), boldName);
  return existsSync(boldPath) ? { ...font, boldPath } : font;
}

/** Options of {@link findCjkFont}; the defaults are for normal use, the options for tests. */
export interface FindCjkFontOptions {
  /** Environment to read SOQA_FONT and HOME/WINDIR from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Directories to search recursively (default: the usual font folders of Linux, macOS and Windows). */
  dirs?: readonly string[];
}

/**
 * Find a CJK-capable font file. `SOQA_FONT` (a .ttf/.otf/.ttc path) wins when set;
 * otherwise the usual font folders are searched recursively (6 levels) for known CJK
 * fonts, best first: WenQuanYi Micro Hei (fastest to render), Noto Sans CJK, Noto Sans SC,
 * Source Han Sans, WenQuanYi Zen Hei, PingFang, Hiragino Sans GB, Microsoft YaHei, SimHei, Droid Sans Fallback.
 *
 * @param options `env` (default `process.env`) and `dirs` (default: system font folders)
 * @returns `{ path, family, boldPath? }`, or null when no known CJK font is installed
 * @throws SoqaError `E_FONT_NOT_FOUND` (exit code 3) when SOQA_FONT is set but names a
 *   missing file, a file that is not a font, or a font without Chinese glyphs (a file
 *   with a known CJK font name is trusted without reading it)
 * @example
 * findCjkFont();
 * // => { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' }
 */
export function findCjkFont(options: FindCjkFontOptions = {}): CjkFont | null {
  const env = options.env ?? process.env;
  const fromEnv = env.SOQA_FONT?.trim();
  if (fromEnv) return fontFromEnv(resolve(fromEnv));
  const found = new Map<string, string>();
  for (const dir of options.dirs ?? defaultFontDirs(env)) collectFonts(dir, 6, found);
  for (const k of KNOWN) {
    const path = found.get(k.file.toLowerCase());
    if (path !== undefined) return withBold({ path, family: k.family }, k.bold);
  }
  return null;
}
