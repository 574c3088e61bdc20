import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    isAnsweredCondition, isBoxExpr, isClvExpr, isColumn, isComparison, isDataset, isInCondition, isLifecycleExpr,
    isMeanExpr, isNpsExpr, isQuantileExpr, isQuestion, isRateExpr, isSurvey,
    type ClvExpr, type Column, type Condition, type Dataset, type FieldRef, type Metric, type Question, type Segment, type Survey, type Target
} from '../generated/ast.js';
import type { MetricUnit, QuestionKind } from '@cxspec/model';
import { metricFunctionsOf, scaleOf } from '@cxspec/model';
import {
    Z95, defaultResolution, perPeriod, rangeOf, unitOf, worstCaseSd, type MetricFunction
} from '@cxspec/model';
import { isFieldMetricExpr, resolveField, resolveFieldTarget } from '../references/field-resolution.js';
import { checkPredicateTypes } from './condition-typing.js';
import { report, reportDuplicates } from './validation-utils.js';
import { quotedSource } from './quoted-source.js';

const UNIT_WORDS: Record<MetricUnit, string> = { points: 'points', percent: '%', scale: 'scale units', number: 'plain numbers' };

export class MetricValidator {
    checkMetric(metric: Metric, accept: ValidationAcceptor): void {
        const expr = metric.expr;
        let scale: { min: number; max: number } | undefined;
        let meanOfColumn = false;
        let survey: Survey | undefined;
        let dataset: Dataset | undefined;
        if (isFieldMetricExpr(expr)) {
            const field = this.metricField(metric, expr.field, isMeanExpr(expr), accept);
            if (!field) return;
            if (isQuestion(field)) {
                // Left without a kind by its file's syntax errors, which are reported there.
                if (!field.kind) return;
                survey = field.$container;
                const kind = field.kind as QuestionKind;
                scale = scaleOf(kind, field.range) ?? undefined;
                if (isNpsExpr(expr) && kind !== 'nps' && !(kind === 'rating' && scale?.min === 0 && scale.max === 10)) {
                    const instead = kind === 'number' ? 'mean(), median() or percentile()' : 'csat(), top() or mean()';
                    report(accept, 'CX701', `nps() needs an NPS question (0..10), and '${field.name}' is ${kind}; use ${instead} for it.`, expr, { property: 'field' });
                    return;
                }
                if (!metricFunctionsOf(kind).includes(expr.fn as MetricFunction)) {
                    const what = kind === 'text' ? 'free text, which has no score' : `${kind}, which has no single score`;
                    const message = kind === 'number'
                        ? `${expr.fn}() cannot score question '${field.name}': it is a typed number, which has no scale to count boxes on; use mean(), median() or percentile() for it.`
                        : `${expr.fn}() cannot score question '${field.name}': it is ${what}; measure a rating, or use rate(${field.$container.name} where ...) for choices.`;
                    report(accept, 'CX701', message, expr, { property: 'field' });
                    return;
                }
                if (isQuantileExpr(expr) && expr.percent !== undefined && !(expr.percent >= 0 && expr.percent <= 100)) {
                    report(accept, 'CX710', `percentile() takes a percentile from 0 to 100, not ${expr.percent}; write e.g. percentile(${field.$container.name}.${field.name}, 90), or median(...) for 50.`, expr, { property: 'percent' });
                }
                if (isBoxExpr(expr) && scale) {
                    const boxes = expr.boxes ?? 2;
                    const points = scale.max - scale.min + 1;
                    if (boxes < 1 || boxes >= points) {
                        report(accept, 'CX708', `${expr.fn}() counts ${boxes} boxes of a ${points}-point scale; use 1 to ${points - 1}.`, expr, { property: 'boxes' });
                    }
                }
            } else {
                dataset = field.$container;
                meanOfColumn = true;
                if (!isMeanExpr(expr) || field.primitive !== 'number') {
                    const message = isMeanExpr(expr)
                        ? `mean() of a dataset column needs a number column, and '${field.name}' is ${columnType(field)}; average a number column or a rating question.`
                        : `${expr.fn}() reads a survey question written \`Survey.question\`, not column '${field.name}'; use mean() for a number column.`;
                    report(accept, 'CX707', message, expr, { property: 'field' });
                    return;
                }
            }
        } else if (isRateExpr(expr)) {
            const source = expr.source.ref;
            if (isSurvey(source)) survey = source;
            if (isDataset(source)) dataset = source;
            if (source) this.checkConditionFields(expr.condition, source, `rate(${source.name} where ...)`, accept);
        } else if (isLifecycleExpr(expr) || isClvExpr(expr)) {
            dataset = expr.dataset.ref;
            if (dataset && !dataset.lifecycle) {
                report(accept, 'CX706', `${expr.fn}() needs the start and end date of each customer; add \`lifecycle start <date column> end <date column>\` to dataset '${dataset.name}'.`, expr, { property: 'dataset' });
            }
            if (isClvExpr(expr)) {
                this.checkClvParameters(expr, accept);
                const value = expr.value.ref;
                if (value && value.primitive !== 'number') {
                    report(accept, 'CX707', `clv() needs a number column for the value per customer, and '${value.name}' is not one.`, expr, { property: 'value' });
                }
            }
        }
        const unit = unitOf(expr.fn as MetricFunction, meanOfColumn);
        if (metric.target) this.checkTarget(metric, metric.target, unit, scale, survey, accept);
        metric.segments.forEach((segmentRef, index) => {
            const segment = segmentRef.ref;
            if (segment) this.checkSegmentApplies(metric, segment, index, survey, dataset, accept);
        });
    }

    checkSegment(segment: Segment, accept: ValidationAcceptor): void {
        for (const node of AstUtils.streamAst(segment.condition)) {
            if (!isComparison(node) && !isInCondition(node) && !isAnsweredCondition(node)) continue;
            const target = resolveFieldTarget(node.field);
            if (!target) continue;
            if (!node.field.member || !(isQuestion(target) || isColumn(target))) {
                report(accept, 'CX501', `Segment '${segment.name}' must read a field as \`Survey.question\` or \`Dataset.column\`, not '${quotedSource(node.field)}'.`, node, { property: 'field' });
                continue;
            }
            checkPredicateTypes(node, target, accept);
        }
    }

    checkDataset(dataset: Dataset, accept: ValidationAcceptor): void {
        reportDuplicates(accept, dataset.columns, 'column', `dataset '${dataset.name}'`);
        for (const column of dataset.columns) {
            const seen = new Set<string>();
            column.values.forEach((value, index) => {
                if (seen.has(value.name)) {
                    report(accept, 'CX602', `Column '${column.name}' lists value '${value.name}' twice; remove one.`, column, { property: 'values', index });
                }
                seen.add(value.name);
            });
        }
        const lifecycle = dataset.lifecycle;
        if (!lifecycle) return;
        for (const end of ['start', 'end'] as const) {
            const column = lifecycle[end].ref;
            if (column && column.primitive !== 'date') {
                report(accept, 'CX601', `Lifecycle ${end} '${column.name}' of dataset '${dataset.name}' must be a date column; declare it as \`column ${column.name}: date\`.`, lifecycle, { property: end });
            }
        }
    }

    /** CLV = m·r/(1 + d − r) is meaningful for a margin in (0, 100] % and a discount rate in [0, 100) %. */
    private checkClvParameters(expr: ClvExpr, accept: ValidationAcceptor): void {
        if (!(expr.margin > 0 && expr.margin <= 100)) {
            report(accept, 'CX709', `CLV margin ${expr.margin}% is outside (0, 100] %; give the share of revenue kept as profit, e.g. \`margin 30%\`.`, expr, { property: 'margin' });
        }
        if (!(expr.discount >= 0 && expr.discount < 100)) {
            report(accept, 'CX709', `CLV discount rate ${expr.discount}% is outside [0, 100) %; give the yearly rate future value is discounted by, e.g. \`discount 10%\`.`, expr, { property: 'discount' });
        }
    }

    /** The field a scoring metric reads: a `Survey.question`, or a `Dataset.column` for mean(). */
    private metricField(metric: Metric, ref: FieldRef, allowColumn: boolean, accept: ValidationAcceptor): Question | Column | undefined {
        const target = resolveFieldTarget(ref);
        if (!target) return undefined;
        if (isQuestion(target) || (allowColumn && isColumn(target))) return target;
        report(accept, 'CX707', `Metric '${metric.name}' must read \`Survey.question\`${allowColumn ? ' or `Dataset.column`' : ''}, not '${quotedSource(ref)}'.`, ref, { property: 'head' });
        return undefined;
    }

    private checkConditionFields(condition: Condition, source: Survey | Dataset, where: string, accept: ValidationAcceptor): void {
        for (const node of AstUtils.streamAst(condition)) {
            if (!isComparison(node) && !isInCondition(node) && !isAnsweredCondition(node)) continue;
            const field = resolveField(node.field);
            if (!field) {
                if (resolveFieldTarget(node.field)) {
                    report(accept, 'CX707', `${where} must test a question or column, not '${quotedSource(node.field)}'.`, node, { property: 'field' });
                }
                continue;
            }
            const joined = isSurvey(source) ? source.joins?.ref : undefined;
            if (field.$container !== source && field.$container !== joined) {
                report(accept, 'CX707', `${where} counts rows of '${source.name}', which do not carry '${quotedSource(node.field, field.name)}'; test a field of '${source.name}'${joined ? ` or '${joined.name}'` : ''}.`, node, { property: 'field' });
                continue;
            }
            checkPredicateTypes(node, field, accept);
        }
    }

    private checkTarget(metric: Metric, target: Target, unit: MetricUnit, scale: { min: number; max: number } | undefined,
        survey: Survey | undefined, accept: ValidationAcceptor): void {
        const name = metric.name;
        const checkUnit = (written: string | undefined, value: number, property: 'unit' | 'warningUnit' | 'value' | 'warning'): boolean => {
            const expected = unit === 'percent' ? '%' : unit === 'points' ? 'pts' : undefined;
            if (written === expected || (unit === 'points' && written === undefined)) return true;
            let fix: string;
            if (unit === 'percent') {
                const asPercent = value > 0 && value <= 1 ? round(value * 100) : value;
                fix = `write \`${asPercent}%\``;
            } else if (unit === 'points') {
                fix = `NPS is in points from -100 to 100, write \`${value}\` without %`;
            } else {
                fix = `write the value in ${UNIT_WORDS[unit]}, without a unit`;
            }
            const problem = written ? `not '${written}'` : 'but is written without a unit';
            report(accept, 'CX703', `Target of metric '${name}' is in ${UNIT_WORDS[unit]}, ${problem}; ${fix}.`, target, { property }, { unit, value, fixedValue: unit === 'percent' && value > 0 && value <= 1 ? round(value * 100) : value });
            return false;
        };
        if (!checkUnit(target.unit, target.value, target.unit ? 'unit' : 'value')) return;
        const range = rangeOf(unit, scale);
        if (range && (target.value < range[0] || target.value > range[1])) {
            report(accept, 'CX702', `Target ${target.value} of metric '${name}' is outside the metric's range ${range[0]}..${range[1]}${unit === 'percent' ? ' %' : ''}; choose a value inside it.`, target, { property: 'value' });
            return;
        }
        if (target.warning === undefined) {
            this.checkResolution(metric, target, unit, scale, survey, undefined, accept);
            return;
        }
        if (!checkUnit(target.warningUnit ?? target.unit, target.warning, target.warningUnit ? 'warningUnit' : 'warning')) return;
        const above = target.op === '>=' || target.op === '>';
        if (above ? target.warning <= target.value : target.warning >= target.value) {
            report(accept, 'CX704', `Warning ${target.warning} of metric '${name}' must be ${above ? 'above' : 'below'} its target ${target.value} so it fires before the target is missed.`, target, { property: 'warning' });
            return;
        }
        this.checkResolution(metric, target, unit, scale, survey, Math.abs(target.warning - target.value), accept);
    }

    /** Hint when the planned responses per period cannot tell the target from its warning band. */
    private checkResolution(metric: Metric, target: Target, unit: MetricUnit, scale: { min: number; max: number } | undefined,
        survey: Survey | undefined, gap: number | undefined, accept: ValidationAcceptor): void {
        const expected = survey?.trigger;
        if (!expected?.expected || !expected.per) return;
        const sd = worstCaseSd(unit, scale);
        const resolution = gap ?? defaultResolution(unit, scale);
        if (sd === null || resolution === null || resolution <= 0) return;
        const period = (metric.period ?? expected.per) as 'week' | 'month' | 'quarter' | 'year';
        const n = perPeriod(expected.expected, expected.per as typeof period, period);
        const margin = Z95 * sd / Math.sqrt(n);
        if (margin <= resolution) return;
        const needed = Math.ceil((Z95 * sd / resolution) ** 2);
        const unitText = unit === 'percent' ? ' percentage points' : unit === 'points' ? ' points' : '';
        const known = `±${round(margin)}${unitText} (95%)`;
        const wider = `wider than the ${round(resolution)}${unitText} it must resolve`;
        // A question shown only under a condition is answered by fewer than the planned responses;
        // how many fewer is not in the spec, so the hint says what it assumed.
        const question = scoredQuestion(metric);
        const when = question?.visibleWhen?.$cstNode?.text.replace(/\s+/g, ' ');
        const assumed = question && when ? `, if every respondent answers '${question.name}' (it is asked only when ${when}, so fewer will),` : '';
        const counted = question && when ? `answers to '${question.name}'` : 'responses';
        // Without a period breakdown the metric is one value over every response scored, so the
        // advice is a total (and how long the plan takes to reach it), not a rate per period.
        const message = metric.period
            ? `With about ${Math.round(n)} responses per ${period}${assumed || ','} metric '${metric.name}' is known only to ${known}, ${wider}; plan at least ${needed} ${counted} per ${period} or widen the gap.`
            : `Metric '${metric.name}' has no period breakdown, so it is scored over all the responses given; the planned ${Math.round(n)} per ${period}${assumed} tell it only to ${known} after one ${period}, ${wider}; score it on at least ${needed} ${counted} (about ${Math.ceil(needed / n)} ${period}s at that rate) or widen the gap.`;
        report(accept, 'CX705', message, target, { property: 'value' });
    }

    private checkSegmentApplies(metric: Metric, segment: Segment, index: number, survey: Survey | undefined,
        dataset: Dataset | undefined, accept: ValidationAcceptor): void {
        const joined = survey?.joins?.ref;
        for (const node of AstUtils.streamAst(segment.condition)) {
            if (!isComparison(node) && !isInCondition(node) && !isAnsweredCondition(node)) continue;
            const field = resolveField(node.field);
            if (!field) continue;
            const owner = field.$container;
            if (owner === survey || owner === dataset || (joined && owner === joined)) continue;
            const rows = survey ? `responses to '${survey.name}'${joined ? ` joined with '${joined.name}'` : ''}` : `rows of '${dataset?.name ?? '?'}'`;
            report(accept, 'CX502', `Segment '${segment.name}' reads '${owner.name}.${field.name}', which ${rows} do not carry; break metric '${metric.name}' down by a segment of its own source${survey && !joined && isDataset(owner) ? `, or add \`joins ${owner.name}\` to survey '${survey.name}'` : ''}.`, metric, { property: 'segments', index });
            return;
        }
    }
}

/** The survey question an nps(), csat()/top()/bottom(), mean() or quantile metric scores, if it scores one. */
function scoredQuestion(metric: Metric): Question | undefined {
    const expr = metric.expr;
    if (!isNpsExpr(expr) && !isBoxExpr(expr) && !isMeanExpr(expr) && !isQuantileExpr(expr)) return undefined;
    const field = resolveField(expr.field);
    return isQuestion(field) ? field : undefined;
}

function columnType(column: Column): string {
    return column.values.length > 0 ? 'an enum' : `a ${column.primitive ?? 'text'} column`;
}

function round(x: number): number {
    return Math.round(x * 10) / 10;
}
