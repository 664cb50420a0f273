/**
 * Prepare a chart's SVG for inlining into the HTML report.
 */

/**
 * Make chart SVG safe and unique inside one HTML page: drop an XML declaration and the
 * namespace attributes (HTML parsers put inline `<svg>` in the SVG namespace themselves,
 * and the report then holds no URL at all), and prefix every `id` and every reference to it
 * (`url(#…)`, `href="#…"`) with `prefix`, because Vega numbers clip paths and gradients from
 * 1 in every chart and two charts on one page must not share an id. SVG that could run
 * code (`<script`, `<foreignObject`, `on…=` handlers, `javascript:`) is refused.
 *
 * @param svg SVG markup from `renderSvg`
 * @param prefix a prefix unique in the page, e.g. `lorenz-`
 * @returns the markup to inline, or null when it was refused
 * @example
 * embedSvg('<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'a-');
 * // => '<svg><clipPath id="a-clip1"/><g clip-path="url(#a-clip1)"/></svg>'
 */
export function embedSvg(svg: string, prefix: string): string | null {
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(svg)) return null;
  const start = svg.indexOf('<svg');
  if (start < 0) return null;
  return svg
    .slice(start)
    .replace(/^<svg\b[^>]*>/, (tag) => tag.replace(/\s+xmlns(:[a-z]+)?="[^"]*"/gi, ''))
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}${id})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_m, attr: string, id: string) => `${attr}#${prefix}${id}"`)
    .trim();
}
