/**
 * Text-width estimate for headless chart layout. Vega has no canvas in Node, and its
 * fallback (0.8 em for every character) makes Chinese labels too narrow (they are 1 em)
 * and Latin too wide, so legends overlap or gape. This estimator knows both.
 */

/**
 * Advance widths in em of printable ASCII and a few common symbols. Each value is the
 * larger of the two CJK fonts soqa looks for: WenQuanYi Micro Hei (face 0 of
 * wqy-microhei.ttc) and Noto Sans CJK SC (face 2 of NotoSansCJK-Regular.ttc), read from
 * their `hmtx` tables (advance / unitsPerEm). Taking the larger keeps labels from
 * overlapping whichever of the two draws them. Note the symbols these CJK fonts draw
 * full-width (1 em): curly quotes, middle dot, ×, ±, •, ….
 */
const EM: Readonly<Record<string, number>> = {
  ' ': 0.26,
  '!': 0.323,
  '"': 0.474,
  '#': 0.646,
  $: 0.555,
  '%': 0.921,
  '&': 0.702,
  "'": 0.278,
  '(': 0.338,
  ')': 0.338,
  '*': 0.551,
  '+': 0.555,
  ',': 0.278,
  '-': 0.347,
  '.': 0.278,
  '/': 0.392,
  '0': 0.555,
  '1': 0.555,
  '2': 0.555,
  '3': 0.555,
  '4': 0.555,
  '5': 0.555,
  '6': 0.555,
  '7': 0.555,
  '8': 0.555,
  '9': 0.555,
  ':': 0.278,
  ';': 0.278,
  '<': 0.555,
  '=': 0.555,
  '>': 0.555,
  '?': 0.474,
  '@': 0.946,
  A: 0.608,
  B: 0.657,
  C: 0.638,
  D: 0.688,
  E: 0.589,
  F: 0.552,
  G: 0.69,
  H: 0.728,
  I: 0.339,
  J: 0.535,
  K: 0.646,
  L: 0.543,
  M: 0.87,
  N: 0.729,
  O: 0.742,
  P: 0.633,
  Q: 0.742,
  R: 0.635,
  S: 0.596,
  T: 0.599,
  U: 0.721,
  V: 0.575,
  W: 0.884,
  X: 0.573,
  Y: 0.531,
  Z: 0.603,
  '[': 0.338,
  '\\': 0.392,
  ']': 0.338,
  '^': 0.555,
  _: 0.559,
  '`': 0.606,
  a: 0.563,
  b: 0.618,
  c: 0.51,
  d: 0.62,
  e: 0.554,
  f: 0.329,
  g: 0.564,
  h: 0.607,
  i: 0.275,
  j: 0.275,
  k: 0.552,
  l: 0.284,
  m: 0.926,
  n: 0.61,
  o: 0.606,
  p: 0.62,
  q: 0.62,
  r: 0.399,
  s: 0.468,
  t: 0.377,
  u: 0.607,
  v: 0.521,
  w: 0.802,
  x: 0.5,
  y: 0.521,
  z: 0.475,
  '{': 0.354,
  '|': 0.551,
  '}': 0.354,
  '~': 0.555,
  '\u00a0': 0.26,
  '£': 0.555,
  '¥': 0.555,
  '°': 0.428,
  '±': 1,
  '·': 1,
  '×': 1,
  '\u2009': 1,
  '–': 0.536,
  '—': 1,
  '‘': 1,
  '’': 1,
  '“': 1,
  '”': 1,
  '•': 1,
  '…': 1,
  '‰': 1.169,
  '€': 0.555,
  '−': 0.555,
};

/** Width of a character not in the table and not wide: about an average Latin letter. */
const OTHER_EM = 0.6;

/** Bold Latin is about 6 % wider in Noto Sans CJK Bold (e.g. digits 0.590 vs 0.555 em). */
const BOLD_FACTOR = 1.07;

/**
 * Code point ranges drawn 1 em wide: the East Asian Wide and Fullwidth blocks (Hangul
 * Jamo, CJK radicals and punctuation, kana, Bopomofo, CJK ideographs and extensions,
 * Yi, Hangul syllables, compatibility ideographs and forms, fullwidth forms) and emoji.
 */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function isWide(cp: number): boolean {
  for (const [lo, hi] of WIDE) {
    if (cp < lo) return false; // ranges are sorted
    if (cp <= hi) return true;
  }
  return false;
}

/** Width of one character in em (regular weight) and whether it is a wide (CJK) one. */
function charEm(ch: string): { em: number; wide: boolean } {
  const known = EM[ch];
  if (known !== undefined) return { em: known, wide: false };
  const cp = ch.codePointAt(0) ?? 0;
  if (isWide(cp)) return { em: 1, wide: true };
  if (cp < 0x20 || ZERO_WIDTH.test(ch)) return { em: 0, wide: false };
  // accented Latin: width of the base letter (é → e)
  const base = EM[ch.normalize('NFD')[0] ?? ''];
  return { em: base ?? OTHER_EM, wide: false };
}

/**
 * Estimate the rendered width of a single line of text. CJK ideographs, kana, Hangul,
 * CJK punctuation and fullwidth forms count 1 em each; ASCII and common symbols use the
 * per-character table measured from the CJK fonts soqa renders with; accented Latin
 * letters count as their base letter; combining marks and format characters count 0;
 * anything else 0.6 em. Bold multiplies the non-wide part by 1.07. The result is rounded
 * to 1/100 px so that SVG coordinates stay short and identical on every machine.
 *
 * @param text one line of text (no trimming is done here)
 * @param fontSize font size in px (default 11, Vega's default)
 * @param bold whether the text is bold (default false)
 * @returns width in px
 * @example
 * textWidth('社会团体', 11); // => 44 (4 ideographs × 1 em × 11 px)
 * textWidth('2012', 10); // => 22.2 (4 digits × 0.555 em × 10 px)
 */
export function textWidth(text: string, fontSize = 11, bold = false): number {
  let wide = 0;
  let narrow = 0;
  for (const ch of text) {
    const c = charEm(ch);
    if (c.wide) wide += c.em;
    else narrow += c.em;
  }
  const em = wide + narrow * (bold ? BOLD_FACTOR : 1);
  return Math.round(em * fontSize * 100) / 100;
}
