/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no remote resource)
 * that opens offline, prints, and shows targets, trends, segments and the moments of truth as
 * charts with the numbers beside them. A Content-Security-Policy allows only its own stylesheet
 * (by hash, so the page stays byte-for-byte deterministic), so even a string that escaped
 * escaping could not load or run anything.
 */
import { createHash } from 'node:crypto';
import type { DriverAnalysisResult, Estimate, EvaluationResult, InputSummary, MetricResult } from '../result.js';
import { ipaChart } from './charts/ipa-chart.js';
import { segmentChart } from './charts/segment-chart.js';
import { targetChart } from './charts/target-chart.js';
import { trendChart } from './charts/trend-chart.js';
import { verdictClass } from './charts/common.js';
import { driverImportance, driversByRank } from './drivers.js';
import {
    fixed, formatCi, formatCount, formatDelta, formatP, formatTarget, formatValue, overallVerdict,
    pickTitle, reportLocale, type ReportOptions
} from './format.js';
import { escapeHtml as esc } from '@cxspec/model';
import { REPORT_CSS } from './html-style.js';
import { labelsFor, reasonLabel, type Labels } from './labels.js';
import {
    detailsText, driverQuestion, driverShortName, exclusionText, formulaText, intervalText, touchpointName, warningAddsInformation
} from './wording.js';

interface Ctx {
    locale: string;
    fallback: string;
    l: Labels;
    /** Next chart number: ids are positional so the same result gives the same page. */
    nextId: () => string;
}

/** Renders the evaluation result as a self-contained HTML page. */
export function renderHtml(result: EvaluationResult, options: ReportOptions = {}): string {
    const locale = reportLocale(result, options);
    let counter = 0;
    const ctx: Ctx = { locale, fallback: result.spec.defaultLocale, l: labelsFor(locale), nextId: () => `c${++counter}` };
    const title = pickTitle(result.spec.title, locale, ctx.fallback, result.spec.name);
    const metrics = Object.values(result.metrics);
    const trends = metrics.filter(m => m.periods.length > 0);
    const segmented = metrics.filter(m => m.segments.length > 0);
    const drivers = Object.values(result.drivers);
    const hash = createHash('sha256').update(REPORT_CSS).digest('base64');
    const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
    const l = ctx.l;
    const sections: [string, string, string][] = [
        ['targets', l.targets, `${legend(l)}\n${targetsTable(metrics, ctx)}`],
        ...(trends.length === 0 ? [] : [['trends', l.trends, trends.map(m => trendBlock(m, ctx)).join('\n')] as [string, string, string]]),
        ...(segmented.length === 0 ? [] : [['segments', l.segments, segmented.map(m => segmentBlock(m, ctx)).join('\n')] as [string, string, string]]),
        ...(drivers.length === 0 ? [] : [['drivers', l.drivers, drivers.map(d => driverBlock(d, ctx)).join('\n')] as [string, string, string]]),
        ['texts', l.textAnswers, textAnswersBlock(result.input, ctx)],
        ['input', l.input, inputBlock(result.input, l)],
        ['definitions', l.definitions, definitionsTable(metrics, ctx)]
    ];
    return [
        '<!doctype html>',
        `<html lang="${esc(locale)}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${esc(`${title}: ${l.report}`)}</title>`,
        `<style>${REPORT_CSS}</style>`,
        '</head>',
        '<body>',
        header(result, title, ctx),
        contents(sections, l),
        '<main>',
        ...sections.map(([id, heading, body]) => section(id, heading, body)),
        '</main>',
        '</body>',
        '</html>',
        ''
    ].filter(line => line !== '').join('\n');
}

function section(id: string, heading: string, body: string): string {
    return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${esc(heading)}</h2>\n${body}\n</section>`;
}

/** The headline: each metric with a target, its value and verdict first; the overall verdict after. */
function header(result: EvaluationResult, title: string, ctx: Ctx): string {
    const { l } = ctx;
    const overall = overallVerdict(result);
    const badge = `<span class="verdict ${verdictClass(overall)}">${esc(overall === null ? l.noTargets : l.verdict[overall])}</span>`;
    const metrics = Object.values(result.metrics);
    const targeted = metrics.filter(m => m.target !== null);
    const cards = (targeted.length > 0 ? targeted : metrics).map(m => `<li class="card ${verdictClass(m.verdict)}">`
        + `<span class="card-title">${esc(metricTitle(m, ctx))}</span>`
        + `<span class="card-value">${esc(formatValue(m.value, m.unit))}</span>`
        + `<span class="card-target">${esc(m.target === null ? l.noTarget : `${l.target} ${formatTarget(m.target, m.unit, l.warning, l.noTarget)}`)}</span>`
        + `${verdictBadge(m, l)}</li>`);
    return `<header>\n<h1>${esc(title)}</h1>\n<p class="sub">${esc(l.report)} · ${esc(result.spec.name)}</p>\n`
        + `<h2 class="headline-h">${esc(l.headline)}</h2>\n<ul class="headline">\n${cards.join('\n')}\n</ul>\n`
        + `<div class="summary" role="status"><strong>${esc(l.overall)}</strong> ${badge} <span>${esc(l.counts(result.summary))}</span></div>\n</header>`;
}

/** Links to every section: the report runs to thousands of pixels. */
function contents(sections: [string, string, string][], l: Labels): string {
    return `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${esc(l.contents)}</h2><ol>`
        + sections.map(([id, heading]) => `<li><a href="#${id}">${esc(heading)}</a></li>`).join('') + '</ol></nav>';
}

/** Verdict word on its colour, with the sample size still needed and the warning state where it tells more. */
function verdictBadge(e: Estimate, l: Labels): string {
    const badge = `<span class="verdict ${verdictClass(e.verdict)}">${esc(e.verdict === null ? l.noTarget : l.verdict[e.verdict])}</span>`;
    const notes: string[] = [];
    if (e.neededN !== null) notes.push(l.neededN(e.neededN));
    if (warningAddsInformation(e)) notes.push(l.warned);
    return notes.length === 0 ? badge : `${badge}<span class="note">${esc(notes.join('; '))}</span>`;
}

function td(content: string, cls = ''): string {
    return cls === '' ? `<td>${content}</td>` : `<td class="${cls}">${content}</td>`;
}

function headRow(cells: [string, boolean][]): string {
    return `<thead><tr>${cells.map(([c, num]) => `<th scope="col"${num ? ' class="num"' : ''}>${esc(c)}</th>`).join('')}</tr></thead>`;
}

function metricTitle(m: MetricResult, ctx: Ctx): string {
    return pickTitle(m.title, ctx.locale, ctx.fallback, m.name);
}

/** Key to the marks of the target charts; decorative swatches, the words carry the meaning. */
function legend(l: Labels): string {
    const swatch = (body: string): string => `<svg class="swatch" aria-hidden="true" viewBox="0 0 28 14" width="28" height="14">${body}</svg>`;
    return `<p class="legend">${swatch('<path class="target-line" d="M14,0V14"/>')} ${esc(l.legend.target)} `
        + `${swatch('<path class="warning-line" d="M14,0V14"/>')} ${esc(l.legend.warning)} `
        + `${swatch('<path class="whisker" d="M3,7H25M3,3v8M25,3v8"/><circle class="point v-none" cx="14" cy="7" r="4"/>')} ${esc(l.legend.value)}</p>`;
}

/** The target, with its warning threshold on a second line. */
function targetCell(m: MetricResult, l: Labels): string {
    if (m.target === null) return esc(l.noTarget);
    const main = esc(formatTarget({ ...m.target, warning: null }, m.unit, l.warning, l.noTarget));
    return m.target.warning === null ? main : `${main}<span class="note">${esc(`${l.warning} ${formatValue(m.target.warning, m.unit)}`)}</span>`;
}

function targetsTable(metrics: MetricResult[], ctx: Ctx): string {
    const { l } = ctx;
    const rows = metrics.map(m => {
        const title = metricTitle(m, ctx);
        return `<tr><th scope="row">${esc(title)}</th>`
            + td(esc(formatValue(m.value, m.unit)), 'num') + td(esc(formatCi(m.ci, m.unit)), 'num') + td(formatCount(m.n), 'num')
            + td(targetCell(m, l), 'target') + td(verdictBadge(m, l))
            + td(targetChart(ctx.nextId(), m, title, l), 'chart-cell') + '</tr>';
    });
    return `<table class="targets">${headRow([[l.metric, false], [l.value, true], [l.ci, true], [l.n, true], [l.target, false], [l.verdictHeading, false], [l.chartColumn, false]])}`
        + `<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function estimateCells(e: Estimate, m: MetricResult): string {
    return td(esc(formatValue(e.value, m.unit)), 'num') + td(esc(formatCi(e.ci, m.unit)), 'num') + td(formatCount(e.n), 'num');
}

function trendBlock(m: MetricResult, ctx: Ctx): string {
    const { l } = ctx;
    const title = metricTitle(m, ctx);
    const rows = m.periods.map(p => {
        const change = p.change === null ? '–'
            : `${formatDelta(p.change.delta, m.unit)} (${formatP(p.change.pValue)}, ${p.change.significant ? l.significant : l.notSignificant})`;
        return `<tr><th scope="row">${esc(p.period)}</th>${td(esc(p.start))}${estimateCells(p, m)}${td(esc(change))}${td(verdictBadge(p, l))}</tr>`;
    });
    return `<h3>${esc(title)}</h3>\n<figure>${trendChart(ctx.nextId(), m, title, l)}</figure>\n`
        + `<table>${headRow([[l.period, false], [l.start, false], [l.value, true], [l.ci, true], [l.n, true], [l.change, false], [l.verdictHeading, false]])}`
        + `<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function segmentBlock(m: MetricResult, ctx: Ctx): string {
    const { l } = ctx;
    const title = metricTitle(m, ctx);
    const chartRows = [
        { label: l.all, estimate: m as Estimate },
        ...m.segments.map(s => ({ label: pickTitle(s.title, ctx.locale, ctx.fallback, s.segment), estimate: s as Estimate }))
    ];
    const rows = chartRows.map(r => `<tr><th scope="row">${esc(r.label)}</th>${estimateCells(r.estimate, m)}${td(verdictBadge(r.estimate, l))}</tr>`);
    return `<h3>${esc(title)}</h3>\n<figure>${segmentChart(ctx.nextId(), m, title, chartRows, l)}</figure>\n`
        + `<table>${headRow([[l.segment, false], [l.value, true], [l.ci, true], [l.n, true], [l.verdictHeading, false]])}`
        + `<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function driverBlock(d: DriverAnalysisResult, ctx: Ctx): string {
    const { l } = ctx;
    const title = pickTitle(d.title, ctx.locale, ctx.fallback, d.name);
    const name = (q: DriverAnalysisResult['drivers'][number]): string => driverQuestion(q, ctx);
    const short = (q: DriverAnalysisResult['drivers'][number]): string => driverShortName(q, ctx, 12, 200);
    const rw = d.method === 'relative_weights';
    const summary = l.driverSummary({
        outcome: d.outcome, survey: d.survey, method: l.method[d.method], n: formatCount(d.n), r2: d.r2 === null ? '–' : fixed(d.r2, 3)
    });
    const unplotted = d.drivers.filter(r => r.importance === null || r.performance.topBox === null);
    // The importance column is the weight % (relative weights) or r (correlation); r gets its own
    // column only when it is not already the importance.
    const rows = driversByRank(d).map(r => `<tr>${td(String(r.rank), 'num')}<th scope="row">${esc(name(r))}</th>`
        + td(esc(touchpointName(r, ctx) ?? '–')) + td(esc(r.quadrant === null ? '–' : l.quadrants[r.quadrant]))
        + td(esc(driverImportance(d, r)), 'num') + (rw ? td(r.r === null ? '–' : fixed(r.r, 3), 'num') : '')
        + td(r.performance.topBox === null ? '–' : fixed(r.performance.topBox, 1), 'num')
        + td(r.performance.mean === null ? '–' : fixed(r.performance.mean, 2), 'num') + td(formatCount(r.performance.n), 'num') + '</tr>');
    return `<h3>${esc(title)}</h3>\n<p>${esc(summary)}</p>\n<figure>${ipaChart(ctx.nextId(), d, title, name, short, l)}`
        + (unplotted.length === 0 ? '' : `<figcaption>${esc(`${l.noData}: ${unplotted.map(name).join(', ')}`)}</figcaption>`)
        + '</figure>\n'
        + `<table>${headRow([[l.rank, true], [l.driver, false], [l.touchpoint, false], [l.quadrant, false], [l.importanceBy[d.method], true],
            ...(rw ? [[l.correlation, true] as [string, boolean]] : []), [l.performance, true], [l.mean, true], [l.n, true]])}`
        + `<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** Free text feeds no metric, but how many answered each open question is worth knowing. */
function textAnswersBlock(input: InputSummary, ctx: Ctx): string {
    const { l } = ctx;
    if (input.textAnswers.length === 0) return `<p>${esc(l.noTextQuestions)}</p>`;
    const rows = input.textAnswers.map(t => `<tr><th scope="row">${esc(pickTitle(t.title, ctx.locale, ctx.fallback, t.question))}</th>`
        + `${td(esc(pickTitle(t.surveyTitle, ctx.locale, ctx.fallback, t.survey)))}${td(formatCount(t.answered), 'num')}</tr>`);
    return `<table>${headRow([[l.question, false], [l.survey, false], [l.answers, true]])}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function inputBlock(input: InputSummary, l: Labels): string {
    const files = input.files.map(f => `<tr><th scope="row">${esc(f.path)}</th>${td(esc(f.dataset === null ? f.role : `${f.role} ${f.dataset}`))}`
        + `${td(esc(f.format))}${td(esc(f.encoding))}${td(formatCount(f.rowsRead), 'num')}${td(formatCount(f.rowsUsed), 'num')}</tr>`);
    const filesTable = `<table>${headRow([[l.file, false], [l.role, false], [l.format, false], [l.encoding, false], [l.rowsRead, true], [l.rowsUsed, true]])}`
        + `<tbody>\n${files.join('\n')}\n</tbody></table>`;
    if (input.exclusions.length === 0) return `${filesTable}\n<h3>${esc(l.excluded)}</h3>\n<p>${esc(l.noExclusions)}</p>`;
    const rows = input.exclusions.map(e => `<tr>${td(esc(e.file))}${td(esc(reasonLabel(l, e.reason)))}${td(esc(e.column))}`
        + `${td(formatCount(e.count), 'num')}${td(esc(e.rows.join(', ')))}${td(esc(exclusionText(e, l)))}</tr>`);
    return `${filesTable}\n<h3>${esc(l.excluded)}</h3>\n`
        + `<table>${headRow([[l.file, false], [l.reason, false], [l.column, false], [l.count, true], [l.rows, false], [l.message, false]])}`
        + `<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** How each metric was computed: the formula with its variant and components, interval and rows. */
function definitionsTable(metrics: MetricResult[], ctx: Ctx): string {
    const { l } = ctx;
    const rows = metrics.map(m => {
        const details = detailsText(m, l);
        return `<tr><th scope="row">${esc(metricTitle(m, ctx))}</th>`
            + `${td(esc(formulaText(m, l)))}${td(esc(details === '' ? '–' : details))}${td(esc(intervalText(m.interval, l)))}${td(esc(l.sourceOf(m.source)))}</tr>`;
    });
    return `<table>${headRow([[l.metric, false], [l.formula, false], [l.details, false], [l.interval, false], [l.source, false]])}`
        + `<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
