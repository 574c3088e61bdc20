/**
 * Texts both reports print from the result in the report's locale: formulas, interval methods,
 * data sources, bad-data messages, driver names, and whether the warning state is worth a note.
 */
import type { DriverResult, Estimate, Exclusion, MetricResult } from '../result.js';
import { detailNumber, pickTitle } from './format.js';
import type { Labels } from './labels.js';
import { fitText } from './svg.js';

/** The formula in the report's locale; the evaluator's own text when the locale has none of its own. */
export function formulaText(m: MetricResult, l: Labels): string {
    return l.formulaOf === null ? m.formula : l.formulaOf(m.kind);
}

/** The formula's components as `name = value`, names in the report's locale. */
export function detailsText(m: MetricResult, l: Labels): string {
    return Object.entries(m.details).map(([k, v]) => `${l.detailNames[k] ?? k} = ${detailNumber(v)}`).join(', ');
}

export function intervalText(interval: string, l: Labels): string {
    return l.intervals[interval] ?? interval;
}

export function exclusionText(e: Exclusion, l: Labels): string {
    return l.exclusionMessage === null ? e.message : l.exclusionMessage(e.reason, e.column);
}

/**
 * True when "past the warning threshold" adds to the verdict: only a met target can still be past
 * its warning line; a missed one always is, and an inconclusive one shows its interval instead.
 */
export function warningAddsInformation(e: Pick<Estimate, 'warned' | 'verdict'>): boolean {
    return e.warned && e.verdict === 'met';
}

export interface NameCtx {
    locale: string;
    fallback: string;
}

/** The touchpoint a driver is about, by its title; null when the question is about none. */
export function touchpointName(r: DriverResult, ctx: NameCtx): string | null {
    if (r.touchpoint === null) return null;
    return r.touchpointTitle === null ? r.touchpoint : pickTitle(r.touchpointTitle, ctx.locale, ctx.fallback, r.touchpoint);
}

/** The question text of a driver in the report's locale. */
export function driverQuestion(r: DriverResult, ctx: NameCtx): string {
    return pickTitle(r.title, ctx.locale, ctx.fallback, r.question);
}

/**
 * A short name for a driver, for chart labels: its touchpoint's name when the question is about
 * one, else the question text cut to `maxWidth` px.
 */
export function driverShortName(r: DriverResult, ctx: NameCtx, fontSize: number, maxWidth: number): string {
    return fitText(touchpointName(r, ctx) ?? driverQuestion(r, ctx), fontSize, maxWidth);
}
