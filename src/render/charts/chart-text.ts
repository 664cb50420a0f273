/**
 * The characters a set of chart specs can draw, known before any chart is drawn.
 */

/** Characters Vega writes itself: the ellipsis of truncated labels, d3-format's minus sign. */
const VEGA_CHARACTERS = '\u2026\u2212';

/**
 * Every distinct character of the strings in the given Vega-Lite specs (titles, labels,
 * data values, formats; numbers and keys are skipped), plus the characters Vega adds to
 * text itself ({@link VEGA_CHARACTERS}), as one string in order of first appearance. The
 * text of the charts drawn from the specs is made of these characters and ASCII (numbers
 * Vega formats), so one font subset of them serves every chart; callers still check each
 * SVG (`FontSubsetter.fontsForChart`).
 *
 * @param specs the specs, e.g. from `buildChartSpecs`
 * @returns the characters, each once
 * @throws nothing
 * @example
 * chartText([{ title: '社会组织', data: { values: [{ a: 1 }] } }]); // => '社会组织…−'
 */
export function chartText(specs: readonly unknown[]): string {
  const seen = new Set<string>();
  const stack: unknown[] = [...specs].reverse(); // popped from the end: the first spec first
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string') {
      for (const ch of x) seen.add(ch);
    } else if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) if (typeof x[i] !== 'number') stack.push(x[i]);
    } else if (x !== null && typeof x === 'object') {
      const values = Object.values(x);
      for (let i = values.length - 1; i >= 0; i--) if (typeof values[i] !== 'number') stack.push(values[i]);
    }
  }
  for (const ch of VEGA_CHARACTERS) seen.add(ch);
  return [...seen].join('');
}
