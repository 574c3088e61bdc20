/**
 * Metric formulas as the spec writes them, so the preview's metric table reads like the source
 * (`nps(AfterPickup.recommend)`) rather than like the model's JSON.
 */
import { conditionText, formulaText as modelFormulaText, type MetricExpr } from '@cxspec/model';

/** The model's formula text, a rate's condition written with its own fields unqualified. */
export function formulaText(expr: MetricExpr): string {
    return modelFormulaText(expr, conditionText);
}
