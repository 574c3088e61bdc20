/**
 * The report's stylesheet, inlined into the page. Verdicts have a colour and always a word; the
 * palette keeps contrast for text and prints on white.
 */
export const REPORT_CSS = `
:root { --met: #1a7f37; --missed: #cf222e; --inconclusive: #9a6700; --insufficient: #57606a; --none: #0969da;
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --band: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
  color: var(--ink); background: #fff; }
header, main { max-width: 1040px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
.sub { color: var(--muted); margin: 0 0 12px; }
.summary { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 12px 16px; border: 1px solid var(--line); border-radius: 8px; }
.summary .verdict { font-size: 1.1rem; }
.headline-h { border: none; margin: 16px 0 8px; font-size: 1.1rem; }
.headline { list-style: none; padding: 0; margin: 0 0 16px; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--none); border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; gap: 2px; }
.card.v-met { border-left-color: var(--met); } .card.v-missed { border-left-color: var(--missed); }
.card.v-inconclusive { border-left-color: var(--inconclusive); } .card.v-insufficient { border-left-color: var(--insufficient); }
.card.v-none { border-left-color: var(--line); }
.card, .card.v-met, .card.v-missed, .card.v-inconclusive, .card.v-insufficient, .card.v-none { fill: none; }
.card-title { font-weight: 600; }
.card-value { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card-target { color: var(--muted); font-size: .85rem; }
.card .verdict { align-self: flex-start; }
.toc { margin: 16px 0 0; }
.toc h2 { font-size: 1rem; border: none; margin: 0 0 4px; }
.toc ol { margin: 0; padding-left: 20px; columns: 2; }
header + nav, nav.toc { max-width: 1040px; margin: 16px auto 0; padding: 0 24px; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 999px; font-weight: 600; font-size: .8rem;
  color: #fff; background: var(--none); white-space: nowrap; }
.verdict.v-met { background: var(--met); } .verdict.v-missed { background: var(--missed); }
.verdict.v-inconclusive { background: var(--inconclusive); } .verdict.v-insufficient { background: var(--insufficient); }
.verdict.v-none { background: #fff; color: var(--muted); border: 1px solid var(--line); }
.note { color: var(--muted); font-size: .8rem; display: block; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: .875rem; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { background: #f6f8fa; font-weight: 600; }
tbody th { background: none; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.chart-cell { width: 320px; padding: 0; }
td.target { white-space: nowrap; }
figure { margin: 8px 0 16px; }
figcaption { color: var(--muted); font-size: .85rem; }
svg.chart { max-width: 100%; height: auto; display: block; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart .tick-label { fill: var(--muted); font-size: 11px; }
svg.chart .value-label { fill: var(--muted); font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.chart .axis { stroke: var(--muted); fill: none; }
svg.chart .tick { stroke: var(--muted); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.swatch { vertical-align: middle; }
svg.swatch .target-line, svg.swatch .whisker { stroke: var(--ink); stroke-width: 2; fill: none; }
svg.swatch .warning-line { stroke: var(--inconclusive); stroke-width: 1.5; stroke-dasharray: 4 3; }
.legend { color: var(--muted); font-size: .85rem; margin: 4px 0; }
svg.chart .target-line { stroke: var(--ink); stroke-width: 2; fill: none; }
svg.chart .target-label { font-size: 11px; font-weight: 600; }
svg.chart .warning-label { font-size: 11px; fill: var(--inconclusive); }
svg.chart .warning-line { stroke: var(--inconclusive); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .whisker { stroke: var(--ink); stroke-width: 1.5; fill: none; }
svg.chart .ci-band { fill: var(--band); fill-opacity: .15; stroke: none; }
svg.chart .period-line { stroke: var(--band); stroke-width: 2; fill: none; }
svg.chart .change-ring { fill: none; stroke: var(--ink); stroke-width: 1.2; }
svg.chart .point { stroke: #fff; stroke-width: 1.5; }
svg.chart .no-data { fill: var(--muted); font-style: italic; }
svg.chart .bar { fill-opacity: .85; }
.v-met { fill: var(--met); } .v-missed { fill: var(--missed); } .v-inconclusive { fill: var(--inconclusive); }
.v-insufficient { fill: var(--insufficient); } .v-none { fill: var(--none); }
svg.chart .quadrant { stroke: none; }
svg.chart .q-concentrate { fill: #ffebe9; } svg.chart .q-keep_up { fill: #dafbe1; }
svg.chart .q-low_priority { fill: #f6f8fa; } svg.chart .q-possible_overkill { fill: #fff8c5; }
svg.chart .quadrant-label { font-size: 13px; font-weight: 700; fill: var(--muted); }
svg.chart .threshold-line { stroke: var(--muted); stroke-dasharray: 5 4; fill: none; }
svg.chart .axis-title { fill: var(--muted); font-size: 12px; }
svg.chart .driver-point { stroke: var(--ink); stroke-width: 1; }
svg.chart circle.q-concentrate { fill: var(--missed); } svg.chart circle.q-keep_up { fill: var(--met); }
svg.chart circle.q-low_priority { fill: var(--insufficient); } svg.chart circle.q-possible_overkill { fill: var(--inconclusive); }
svg.chart circle.q-none { fill: #fff; }
svg.chart .driver-label { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.chart .leader { stroke: var(--muted); stroke-width: .8; fill: none; }
@media print {
  body { font-size: 10pt; }
  header, main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, tr, .summary { break-inside: avoid; }
  th { background: none; }
  /* Printers drop backgrounds: verdicts become coloured outlined words. */
  .verdict { background: none !important; border: 1.5px solid currentColor; color: var(--none); }
  .verdict.v-met { color: var(--met); } .verdict.v-missed { color: var(--missed); }
  .verdict.v-inconclusive { color: var(--inconclusive); } .verdict.v-insufficient { color: var(--insufficient); }
  .verdict.v-none { color: var(--muted); }
}
`;
