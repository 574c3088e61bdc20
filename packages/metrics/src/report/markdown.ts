/**
 * The Markdown report, for pull-request comments and CI job summaries: the verdict first, then
 * every metric against its target, breakdowns, drivers and what was excluded. A pure function of
 * the result, so the same result always gives the same bytes.
 */
import type {
    DriverAnalysisResult, EvaluationResult, InputSummary, MetricResult, PeriodEstimate, Verdict
} from '../result.js';
import {
    fixed, formatCi, formatCount, formatDelta, formatP, formatTarget, formatValue, overallVerdict, pickTitle,
    reportLocale, type ReportOptions
} from './format.js';
import { labelsFor, reasonLabel, type Labels } from './labels.js';
import { mdHeader, mdName, mdRow, mdText } from './markdown-escape.js';
import { driverImportance, driversByRank } from './drivers.js';
import { detailsText, exclusionText, formulaText, intervalText, touchpointName, warningAddsInformation } from './wording.js';

interface Ctx {
    locale: string;
    fallback: string;
    l: Labels;
}

/** Renders the evaluation result as GitHub-flavoured Markdown. */
export function renderMarkdown(result: EvaluationResult, options: ReportOptions = {}): string {
    const locale = reportLocale(result, options);
    const ctx: Ctx = { locale, fallback: result.spec.defaultLocale, l: labelsFor(locale) };
    const title = pickTitle(result.spec.title, locale, ctx.fallback, result.spec.name);
    const blocks: string[] = [
        `# ${mdText(title)}`,
        `${mdText(ctx.l.report)}: ${mdName(result.spec.name)}`,
        summaryLine(result, ctx.l),
        targetsTable(Object.values(result.metrics), ctx),
        ...Object.values(result.metrics).map(m => metricSection(m, ctx)),
        ...Object.values(result.drivers).map(d => driverSection(d, ctx)),
        textSection(result.input, ctx),
        inputSection(result.input, ctx.l)
    ];
    return `${blocks.join('\n\n')}\n`;
}

function verdictMark(verdict: Verdict | null, l: Labels): string {
    return verdict === null ? mdText(l.noTarget) : `**${mdText(l.verdict[verdict])}**`;
}

function summaryLine(result: EvaluationResult, l: Labels): string {
    const overall = overallVerdict(result);
    const mark = overall === null ? `**${mdText(l.noTargets)}**` : verdictMark(overall, l);
    return `${mdText(l.overall)}: ${mark} (${mdText(l.counts(result.summary))})`;
}

/** The verdict cell: the verdict, plus the sample size still needed and the warning state where it tells more. */
function verdictCell(e: { verdict: Verdict | null; warned: boolean; neededN: number | null }, l: Labels): string {
    const notes: string[] = [];
    if (e.neededN !== null) notes.push(l.neededN(e.neededN));
    if (warningAddsInformation(e)) notes.push(l.warned);
    const mark = verdictMark(e.verdict, l);
    return notes.length === 0 ? mark : `${mark} (${mdText(notes.join('; '))})`;
}

function targetsTable(metrics: MetricResult[], ctx: Ctx): string {
    const { l } = ctx;
    const lines = [
        `## ${mdText(l.targets)}`,
        '',
        ...mdHeader([l.metric, l.value, l.ci, l.n, l.target, l.verdictHeading].map(mdText),
            [false, true, false, true, false, false])
    ];
    for (const m of metrics) {
        lines.push(mdRow([
            `${mdText(pickTitle(m.title, ctx.locale, ctx.fallback, m.name))} (${mdName(m.name)})`,
            mdText(formatValue(m.value, m.unit)),
            mdText(formatCi(m.ci, m.unit)),
            formatCount(m.n),
            mdText(formatTarget(m.target, m.unit, l.warning, l.noTarget)),
            verdictCell(m, l)
        ]));
    }
    return lines.join('\n');
}

function metricSection(m: MetricResult, ctx: Ctx): string {
    const { l } = ctx;
    const details = mdText(detailsText(m, l));
    const lines = [
        `### ${mdText(pickTitle(m.title, ctx.locale, ctx.fallback, m.name))} (${mdName(m.name)})`,
        '',
        `- ${estimateLine(m, ctx.l)}`,
        `- ${mdText(l.formula)}: ${mdText(formulaText(m, l))}${details === '' ? '' : ` (${details})`}`,
        `- ${mdText(l.interval)}: ${mdText(intervalText(m.interval, l))}; ${mdText(l.source)}: ${mdText(l.sourceOf(m.source))}`
    ];
    if (m.segments.length > 0) {
        lines.push('', `**${mdText(l.segments)}**`, '',
            ...mdHeader([l.segment, l.value, l.ci, l.n, l.verdictHeading].map(mdText),
                [false, true, false, true, false]));
        lines.push(mdRow([`${mdText(l.all)}`, mdText(formatValue(m.value, m.unit)), mdText(formatCi(m.ci, m.unit)),
            formatCount(m.n), verdictCell(m, l)]));
        for (const s of m.segments) {
            lines.push(mdRow([
                `${mdText(pickTitle(s.title, ctx.locale, ctx.fallback, s.segment))} (${mdName(s.segment)})`,
                mdText(formatValue(s.value, m.unit)), mdText(formatCi(s.ci, m.unit)), formatCount(s.n), verdictCell(s, l)
            ]));
        }
    }
    if (m.periods.length > 0) {
        lines.push('', `**${mdText(l.periods)}**`, '',
            ...mdHeader([l.period, l.start, l.value, l.ci, l.n, l.change, l.verdictHeading].map(mdText),
                [false, false, true, false, true, false, false]));
        for (const p of m.periods) {
            lines.push(mdRow([
                mdText(p.period), mdText(p.start), mdText(formatValue(p.value, m.unit)), mdText(formatCi(p.ci, m.unit)),
                formatCount(p.n), mdText(changeText(p, m, l)), verdictCell(p, l)
            ]));
        }
    }
    return lines.join('\n');
}

/** Value, interval and n, then the target and verdict when there is a target. */
function estimateLine(m: MetricResult, l: Labels): string {
    const ci = m.ci === null ? '' : ` ${mdText(formatCi(m.ci, m.unit))}`;
    const estimate = `${mdText(l.value)}: ${mdText(formatValue(m.value, m.unit))}${ci}, n = ${formatCount(m.n)}`;
    if (m.target === null) return `${estimate}; ${mdText(l.noTarget)}`;
    return `${estimate}; ${mdText(l.target)}: ${mdText(formatTarget(m.target, m.unit, l.warning, l.noTarget))}; ${verdictCell(m, l)}`;
}

function changeText(p: PeriodEstimate, m: MetricResult, l: Labels): string {
    if (p.change === null) return '–';
    const c = p.change;
    return `${formatDelta(c.delta, m.unit)} (${formatP(c.pValue)}, ${c.significant ? l.significant : l.notSignificant})`;
}

function driverSection(d: DriverAnalysisResult, ctx: Ctx): string {
    const { l } = ctx;
    const summary = l.driverSummary({
        outcome: d.outcome, survey: d.survey, method: l.method[d.method], n: formatCount(d.n),
        r2: d.r2 === null ? '–' : fixed(d.r2, 3)
    });
    // The importance is the weight % or r; r gets a column of its own only beside weights.
    const rw = d.method === 'relative_weights';
    const lines = [
        `## ${mdText(l.drivers)}: ${mdText(pickTitle(d.title, ctx.locale, ctx.fallback, d.name))} (${mdName(d.name)})`,
        '',
        mdText(summary),
        '',
        ...mdHeader([l.rank, l.driver, l.touchpoint, l.quadrant, l.importanceBy[d.method], ...(rw ? [l.correlation] : []),
            l.performance, l.mean, l.n].map(mdText), [true, false, false, false, true, ...(rw ? [true] : []), true, true, true])
    ];
    for (const r of driversByRank(d)) {
        lines.push(mdRow([
            String(r.rank),
            `${mdText(pickTitle(r.title, ctx.locale, ctx.fallback, r.question))} (${mdName(r.question)})`,
            r.touchpoint === null ? '–' : mdText(touchpointName(r, ctx) ?? r.touchpoint),
            r.quadrant === null ? '–' : `**${mdText(l.quadrants[r.quadrant])}**`,
            driverImportance(d, r),
            ...(rw ? [r.r === null ? '–' : fixed(r.r, 3)] : []),
            r.performance.topBox === null ? '–' : fixed(r.performance.topBox, 1),
            r.performance.mean === null ? '–' : fixed(r.performance.mean, 2),
            formatCount(r.performance.n)
        ]));
    }
    return lines.join('\n');
}

function textSection(input: InputSummary, ctx: Ctx): string {
    const { l } = ctx;
    const lines = [`## ${mdText(l.textAnswers)}`, ''];
    if (input.textAnswers.length === 0) return [...lines, mdText(l.noTextQuestions)].join('\n');
    lines.push(...mdHeader([l.question, l.survey, l.answers].map(mdText), [false, false, true]));
    for (const t of input.textAnswers) {
        lines.push(mdRow([`${mdText(pickTitle(t.title, ctx.locale, ctx.fallback, t.question))} (${mdName(t.question)})`,
            mdText(pickTitle(t.surveyTitle, ctx.locale, ctx.fallback, t.survey)), formatCount(t.answered)]));
    }
    return lines.join('\n');
}

function inputSection(input: InputSummary, l: Labels): string {
    const lines = [
        `## ${mdText(l.input)}`,
        '',
        ...mdHeader([l.file, l.role, l.format, l.encoding, l.rowsRead, l.rowsUsed].map(mdText),
            [false, false, false, false, true, true])
    ];
    for (const f of input.files) {
        lines.push(mdRow([mdText(f.path), mdText(f.dataset === null ? f.role : `${f.role} ${f.dataset}`), mdText(f.format),
            mdText(f.encoding), formatCount(f.rowsRead), formatCount(f.rowsUsed)]));
    }
    lines.push('', `## ${mdText(l.excluded)}`, '');
    if (input.exclusions.length === 0) {
        lines.push(mdText(l.noExclusions));
        return lines.join('\n');
    }
    lines.push(...mdHeader([l.file, l.reason, l.column, l.count, l.rows, l.message].map(mdText),
        [false, false, false, true, false, false]));
    for (const e of input.exclusions) {
        lines.push(mdRow([mdText(e.file), mdText(reasonLabel(l, e.reason)), mdText(e.column), formatCount(e.count),
            mdText(e.rows.join(', ')), mdText(exclusionText(e, l))]));
    }
    return lines.join('\n');
}
