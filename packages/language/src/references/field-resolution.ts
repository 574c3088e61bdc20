import type { AstNode } from 'langium';
import {
    isColumn, isDataset, isQuestion, isRateExpr, isSurvey,
    type Column, type Dataset, type FieldRef, type MetricExpr, type Question, type Survey
} from '../generated/ast.js';

/** A metric expression that scores one field (`nps(q)`, `top(q, k)`, `mean(q)`, ...). */
export type FieldMetricExpr = Extract<MetricExpr, { field: FieldRef }>;

/**
 * Whether the expression scores one field, told by its shape rather than a list of functions, so
 * a new function of that shape is validated and converted without being added here.
 */
export function isFieldMetricExpr(e: MetricExpr): e is FieldMetricExpr {
    return 'field' in e;
}

/** What a field reference finally points at: the member when present, else the head. */
export function resolveFieldTarget(ref: FieldRef | undefined): Question | Column | Survey | Dataset | undefined {
    if (!ref) return undefined;
    if (ref.member) return ref.member.ref;
    // Absent after a syntax error such as `nps(.x)`, though the generated type says otherwise.
    return ref.head?.ref;
}

/** The question or column a field reference reads, or undefined when it names a whole source. */
export function resolveField(ref: FieldRef | undefined): Question | Column | undefined {
    const target = resolveFieldTarget(ref);
    return isQuestion(target) || isColumn(target) ? target : undefined;
}

/** The nearest enclosing `rate(Source where ...)`, whose fields are in scope unqualified. */
export function enclosingRate(node: AstNode | undefined) {
    for (let n = node; n; n = n.$container) {
        if (isRateExpr(n)) return n;
    }
    return undefined;
}

export function membersOf(source: AstNode | undefined): Array<Question | Column> {
    if (isSurvey(source)) return source.questions;
    if (isDataset(source)) return source.columns;
    return [];
}
