/**
 * Plain-language facts about declarations, shared by hover, outline details and inlay hints so
 * that they describe a question, metric or survey in the same words.
 */
import { AstUtils, type AstNode } from 'langium';
import {
    isBoxExpr, isClvExpr, isLifecycleExpr, isMeanExpr, isNpsExpr, isQuestion, isRateExpr,
    type Document, type FieldRef, type LocalizedText, type Metric, type Question, type Survey, type Target, type Touchpoint
} from '../generated/ast.js';
import type { QuestionKind } from '@cxspec/model';
import { METRIC_FUNCTIONS, METRIC_KINDS, escapeMarkdown as escapeModelMarkdown, questionKindOf, scaleOf, type MetricKind } from '@cxspec/model';
import { resolveField } from '../references/field-resolution.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { surveyReadingSeconds } from '../model/survey-structure.js';

/**
 * Escapes spec text for Markdown so a label can never inject links, HTML or formatting. Text is
 * optional because a half-typed declaration (`ja` without its string) reaches hover too.
 */
export function escapeMarkdown(text: string | undefined): string {
    return escapeModelMarkdown(text ?? '');
}

export function textLines(texts: LocalizedText[]): string[] {
    return texts.map(t => `- \`${t.locale}\` ${escapeMarkdown(t.text)}`);
}

export function questionKindText(question: Question): string {
    const scale = scaleOf(question.kind as QuestionKind, question.range);
    return scale ? `${question.kind}, scale ${scale.min}..${scale.max}` : question.kind;
}

/** Seconds a respondent needs for the survey, with the same figures as CX305 (questions and texts read). */
export function surveySeconds(survey: Survey): number {
    // A question whose kind is still being typed counts nothing yet.
    return survey.questions.reduce((sum, q) => sum + (questionKindOf(q.kind)?.seconds(q.options.length, q.items.length) ?? 0), 0)
        + surveyReadingSeconds(survey);
}

export function formatDuration(seconds: number): string {
    if (seconds < 60) return `${seconds} s`;
    const rest = seconds % 60;
    return rest === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
}

function fieldText(ref: FieldRef | undefined): string {
    return ref?.$cstNode?.text.replace(/\s+/g, '') ?? ref?.head?.$refText ?? '';
}

function boxesText(question: Question | undefined, boxes: number, top: boolean): string {
    const scale = question && scaleOf(question.kind as QuestionKind, question.range);
    if (!scale) return `${boxes} boxes`;
    const from = top ? scale.max - boxes + 1 : scale.min;
    const to = top ? scale.max : scale.min + boxes - 1;
    return `${top ? 'top' : 'bottom'} ${boxes} boxes (${from}-${to} of ${scale.min}-${scale.max})`;
}

/** The metric's formula in words, e.g. "% of answers to AfterPickup.pickup in the top 2 boxes (4-5 of 1-5)". */
export function metricFormula(metric: Metric): string {
    const expr = metric.expr;
    if (isNpsExpr(expr)) {
        return `Net Promoter Score of ${fieldText(expr.field)}: % promoters (9-10) minus % detractors (0-6), in points`;
    }
    if (isBoxExpr(expr)) {
        const question = resolveField(expr.field);
        const boxes = boxesText(isQuestion(question) ? question : undefined, expr.boxes ?? 2, expr.fn !== 'bottom');
        return `${expr.fn === 'csat' ? 'CSAT: ' : ''}% of answers to ${fieldText(expr.field)} in the ${boxes}`;
    }
    if (isMeanExpr(expr)) {
        const question = resolveField(expr.field);
        const scale = isQuestion(question) ? scaleOf(question.kind as QuestionKind, question.range) : null;
        return `Mean of ${fieldText(expr.field)}${scale ? ` on its ${scale.min}-${scale.max} scale` : ''}`;
    }
    if (isRateExpr(expr)) {
        return `% of ${expr.source?.$refText ?? ''} rows where ${expr.condition?.$cstNode?.text.replace(/\s+/g, ' ') ?? '...'}`;
    }
    if (isLifecycleExpr(expr)) {
        return expr.fn === 'churn'
            ? `Churn of ${expr.dataset?.$refText ?? ''}: customers lost in the period / customers at its start`
            : `Retention of ${expr.dataset?.$refText ?? ''}: (customers at end - new customers) / customers at start`;
    }
    if (isClvExpr(expr)) {
        const column = `${expr.dataset?.$refText ?? ''}.${expr.value?.$refText ?? ''}`;
        const annual = expr.valuePeriod === 'year'
            ? `mean ${column} as a yearly amount (per year)`
            : `12 × mean ${column} as a monthly amount (write \`per year\` for a yearly one)`;
        return `Customer lifetime value of ${column}: m·r / (1 + d - r) with m = ${annual} × margin ${expr.margin}%, discount d = ${expr.discount}% and retention r from the dataset`;
    }
    // A function without its own wording above is described by the metric catalog.
    const kind = (METRIC_FUNCTIONS as Record<string, MetricKind | undefined>)[metric.expr.fn];
    return kind ? METRIC_KINDS[kind].explanation.en : 'Unknown formula';
}

export function targetText(target: Target): string {
    const unit = target.unit ? (target.unit === '%' ? '%' : ' pts') : '';
    const warnUnit = target.warningUnit ?? target.unit;
    const warn = target.warning === undefined ? '' : `, warn at ${target.warning}${warnUnit ? (warnUnit === '%' ? '%' : ' pts') : ''}`;
    return `${target.op} ${target.value}${unit}${warn}`;
}

/** Questions of the touchpoint's spec whose `about` names it. */
export function questionsAbout(touchpoint: Touchpoint, membership: SpecMembership): Question[] {
    const spec = AstUtils.findRootNode(touchpoint) as Document;
    const found: Question[] = [];
    for (const root of membership.documentsOf(spec.name)) {
        for (const node of AstUtils.streamAllContents(root)) {
            if (isQuestion(node) && node.about?.ref === touchpoint) found.push(node);
        }
    }
    return found;
}

export function surveysTriggeredBy(touchpoint: Touchpoint, membership: SpecMembership): Survey[] {
    const spec = AstUtils.findRootNode(touchpoint) as Document;
    return membership.documentsOf(spec.name).flatMap(root => root.elements)
        .filter((e): e is Survey => e.$type === 'Survey' && e.trigger?.touchpoint.ref === touchpoint);
}

export function nameOf(node: AstNode): string | undefined {
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
}
