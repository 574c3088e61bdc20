/** One row of the generated query's result, as both engines' clients return it after normalising. */
import type { Verdict } from '@cxspec/metrics';

export type Breakdown = 'overall' | 'segment' | 'period';

export interface SqlResultRow {
    metric: string;
    kind: string;
    breakdown: Breakdown;
    segment: string | null;
    period: string | null;
    period_start: string | null;
    n: number;
    value: number | null;
    ci_low: number | null;
    ci_high: number | null;
    verdict: Verdict | null;
    needed_n: number | null;
    warned: boolean;
    /** NPS: promoters; shares: hits (churn: lost, retention: E − N); means and CLV: the mean value. */
    stat_a: number | null;
    /** NPS: detractors; shares: null; means: the sample variance; churn/retention: customers lost. */
    stat_b: number | null;
    /** Churn/retention: customers added during the period; CLV: customers at the start of the retention year. */
    stat_c: number | null;
    /** Churn/retention: customers active at the end of the period; CLV: of them, retained (E − N). */
    stat_d: number | null;
}

/** Client values to plain numbers: DuckDB gives BIGINT as bigint, node-postgres as a decimal string. */
export function normaliseRow(raw: Record<string, unknown>): SqlResultRow {
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
        metric: raw.metric as string,
        kind: raw.kind as string,
        breakdown: raw.breakdown as Breakdown,
        segment: (raw.segment as string | null) ?? null,
        period: (raw.period as string | null) ?? null,
        period_start: (raw.period_start as string | null) ?? null,
        n: Number(raw.n),
        value: num(raw.value),
        ci_low: num(raw.ci_low),
        ci_high: num(raw.ci_high),
        verdict: (raw.verdict as Verdict | null) ?? null,
        needed_n: num(raw.needed_n),
        warned: raw.warned === true,
        stat_a: num(raw.stat_a),
        stat_b: num(raw.stat_b),
        stat_c: num(raw.stat_c),
        stat_d: num(raw.stat_d)
    };
}
