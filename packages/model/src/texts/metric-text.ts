/**
 * Metric formulas, targets and triggers written as a spec writes them (`nps(AfterPickup.recommend)`,
 * `>= 80% warn 85%`, `after Journey.Stage.Touchpoint delay 2h sample 20%`), for the preview, the
 * semantic diff and any other back end that shows the model to people.
 */
import type { Duration, MetricExpr, MetricUnit, Target, Trigger } from '../cx-model.js';
import { metricKind, type ConditionWriter } from '../catalog/metric-kinds.js';

/** The formula as a spec writes it; `condition` writes a rate's condition. */
export function formulaText(expr: MetricExpr, condition: ConditionWriter): string {
    return metricKind(expr).syntax(expr, condition);
}

const UNIT_SUFFIX: Record<MetricUnit, string> = { points: ' pts', percent: '%', scale: '', number: '' };

/** A value with its unit: `30 pts`, `80%`, `3.5`. */
export function valueText(value: number, unit: MetricUnit): string {
    return `${value}${UNIT_SUFFIX[unit]}`;
}

/** `>= 80%`, with ` warn 85%` when the target has a warning threshold and `warning` is asked for. */
export function targetText(target: Target, unit: MetricUnit, warning = true): string {
    const head = `${target.op} ${valueText(target.value, unit)}`;
    return warning && target.warning !== null ? `${head} warn ${valueText(target.warning, unit)}` : head;
}

export function durationText(d: Duration): string {
    return `${d.value}${d.unit}`;
}

export function triggerText(t: Trigger): string {
    const parts = [`after ${t.journey}.${t.stage}.${t.touchpoint}`];
    if (t.delay) parts.push(`delay ${durationText(t.delay)}`);
    parts.push(`sample ${t.samplePercent}%`);
    if (t.quarantine) parts.push(`quarantine ${durationText(t.quarantine)}`);
    if (t.expectedResponses) parts.push(`expect ${t.expectedResponses.count} per ${t.expectedResponses.per}`);
    return parts.join(' ');
}
