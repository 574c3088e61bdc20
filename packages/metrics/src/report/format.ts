/**
 * Number and text formatting shared by the Markdown and HTML reports. Written by hand instead of
 * Intl so the output does not depend on the ICU data of the Node build: same result, same bytes.
 */
import type { Localized, MetricUnit } from '@cxspec/model';
import type { EvaluationResult, TargetSpec, Verdict } from '../result.js';

export interface ReportOptions {
    /** Locale of titles and report wording; defaults to the spec's default locale. */
    locale?: string;
}

/** The title in the report's locale, falling back to the spec's default locale, then any. */
export function pickTitle(title: Localized, locale: string, fallbackLocale: string, name: string): string {
    return title[locale] ?? title[fallbackLocale] ?? Object.values(title)[0] ?? name;
}

/** A fixed-decimal number with thousands separators; -0 prints as 0. */
export function fixed(value: number, decimals: number): string {
    const text = Math.abs(value).toFixed(decimals);
    const [whole, fraction] = text.split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const negative = value < 0 && Number(text) !== 0;
    return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Decimals that keep a value of this unit readable: NPS points and percentages to 0.1. */
export function decimalsFor(unit: MetricUnit, magnitude: number): number {
    switch (unit) {
        case 'points':
        case 'percent':
            return 1;
        case 'scale':
            return 2;
        case 'number':
            return Math.abs(magnitude) >= 1000 ? 0 : 2;
    }
}

const unitSuffix: Record<MetricUnit, string> = { points: ' pts', percent: '%', scale: '', number: '' };

/** A value in its unit: `32.5 pts`, `81.2%`, `5.62`, `3,120,000`; a dash for null. */
export function formatValue(value: number | null, unit: MetricUnit): string {
    if (value === null) return '–';
    return `${fixed(value, decimalsFor(unit, value))}${unitSuffix[unit]}`;
}

/** An interval as `[28.1, 36.9]` in the unit's decimals, a dash for null. */
export function formatCi(ci: [number, number] | null, unit: MetricUnit): string {
    if (ci === null) return '–';
    const decimals = decimalsFor(unit, Math.max(Math.abs(ci[0]), Math.abs(ci[1])));
    return `[${fixed(ci[0], decimals)}, ${fixed(ci[1], decimals)}]`;
}

/** A target as `>= 30 pts (warn 35 pts)`. */
export function formatTarget(target: TargetSpec | null, unit: MetricUnit, warnWord: string, noTarget: string): string {
    if (target === null) return noTarget;
    const main = `${target.op} ${formatValue(target.value, unit)}`;
    return target.warning === null ? main : `${main} (${warnWord} ${formatValue(target.warning, unit)})`;
}

/** A signed change: `+3.2 pts`; a change of a percentage in percentage points, `-1.0 pp`. */
export function formatDelta(delta: number, unit: MetricUnit): string {
    const text = unit === 'percent' ? `${fixed(delta, 1)} pp` : formatValue(delta, unit);
    return delta > 0 && !/^0(\.0+)?( |$)/.test(text) ? `+${text}` : text;
}

export function formatP(p: number): string {
    return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export function formatCount(n: number): string {
    return fixed(n, 0);
}

/**
 * The verdict of the whole report: missed wins over inconclusive over insufficient over met;
 * null when no metric has a target.
 */
export function overallVerdict(result: EvaluationResult): Verdict | null {
    const s = result.summary;
    if (s.missed > 0) return 'missed';
    if (s.inconclusive > 0) return 'inconclusive';
    if (s.insufficient > 0) return 'insufficient';
    if (s.met > 0) return 'met';
    return null;
}

/** Report locale: the option, else the spec's default locale (titles missing in it fall back to that). */
export function reportLocale(result: EvaluationResult, options: ReportOptions): string {
    return options.locale ?? result.spec.defaultLocale;
}

/** A component number (a count, a share, CLV's m, r, d): integers as is, others to 4 decimals. */
export function detailNumber(value: number): string {
    return Number.isInteger(value) ? fixed(value, 0) : fixed(value, 4).replace(/\.?0+$/, '');
}
