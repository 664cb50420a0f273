/**
 * The report's inline stylesheet: readable on a phone, printable to A4, no external fonts
 * or images (the font stack names fonts installed on the reader's machine).
 */
export const REPORT_CSS = `
:root { color-scheme: light; --text: #222; --muted: #5a5a5a; --rule: #d9d9d9; --accent: #0072B2; --core: #D55E00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--text); font: 16px/1.65 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main > p, main > ul, main > h1, main > h2, main > h3, .toc { max-width: 52rem; }
.toc { margin: 1rem 0 1.5rem; padding: .6rem 1rem; background: #f7f7f7; border-left: 3px solid var(--accent); }
.toc-title { margin: 0 0 .3rem; font-weight: 700; }
.toc ol { margin: 0; padding-left: 0; list-style: none; columns: 2 18rem; column-gap: 2rem; }
.toc li { margin: .15rem 0; break-inside: avoid; }
.toc a { color: var(--accent); text-decoration: none; }
.notice { margin: 0; padding: .75rem 1rem; background: #fff4e5; border-bottom: 3px solid var(--core); font-weight: 700; text-align: center; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 1.2rem 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p, ul { margin: .5rem 0 .9rem; }
ul { padding-left: 1.3rem; }
li { margin: .3rem 0; }
.note { color: var(--muted); font-size: .92rem; }
.math { font-family: "Cambria Math", "STIX Two Math", "Latin Modern Math", "Times New Roman", serif; font-style: italic; text-align: center; margin: .6rem 0 1rem; overflow-x: auto; white-space: nowrap; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; background: #f3f3f3; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: .6rem 0 1rem; -webkit-overflow-scrolling: touch; max-width: 100%; }
.table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--rule); }
.table-wrap th:first-child { background: #f5f5f5; }
table { border-collapse: collapse; font-size: .88rem; min-width: 50%; }
th, td { padding: .3rem .55rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
th { background: #f5f5f5; font-weight: 600; word-break: keep-all; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
.nw { white-space: nowrap; }
figure { margin: 1.2rem 0; max-width: 100%; }
figure .chart svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .85rem; margin-top: .3rem; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  main { padding: .75rem .75rem 2rem; }
  h1 { font-size: 1.35rem; }
  h2 { font-size: 1.15rem; }
  table { font-size: .8rem; }
  figure .chart { overflow-x: auto; -webkit-overflow-scrolling: touch; }
  figure .chart svg { min-width: var(--min-width, 0); }
}
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  body { font-size: 10.5pt; line-height: 1.5; }
  main { max-width: none; padding: 0; }
  .notice { background: none; border: 1.5pt solid #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  figure .chart { max-width: 100% !important; }
  figure .chart svg { max-height: 230mm; }
}
`;
