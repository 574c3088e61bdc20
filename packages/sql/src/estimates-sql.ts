/**
 * Estimates, 95% intervals and verdicts in SQL, written operation for operation as the native
 * evaluator computes them (packages/metrics/src/stats/estimates.ts, eval/dataset-metric.ts), so
 * both sides round alike: NPS adjusted Wald, Wilson for shares, t for means, CLV from the ends of
 * its mean's t interval and its retention's Wilson interval.
 */
import { Z95 } from '@cxspec/model';
import { doubleLiteral } from './dialect.js';
import { T_TABLE, t975Sql } from './t-quantile.js';

const Z = doubleLiteral(Z95);
const ND = 's.nd';

function clamp(x: string, lo: number, hi: number): string {
    return `LEAST(${doubleLiteral(hi)}, GREATEST(${doubleLiteral(lo)}, ${x}))`;
}

interface Interval { value: string; low: string; high: string; sd: string }

function nps(): Interval {
    const p = `(s.a / ${ND})`, d = `(s.b / ${ND})`;
    const na = `(${ND} + 3)`, pa = `((s.a + 0.75) / ${na})`, da = `((s.b + 0.75) / ${na})`;
    const se = `SQRT((${pa} + ${da} - POWER(${pa} - ${da}, 2)) / ${na})`;
    return {
        // From the counts, as the native side does: 100·(P − D)/n is exact where 100·(p − d) rounds.
        value: `100 * (s.a - s.b) / ${ND}`,
        low: clamp(`100 * ((${pa} - ${da}) - ${Z} * ${se})`, -100, 100),
        high: clamp(`100 * ((${pa} - ${da}) + ${Z} * ${se})`, -100, 100),
        sd: `100 * SQRT(${p} + ${d} - POWER(${p} - ${d}, 2))`
    };
}

/** Wilson score interval of `hits` out of `n` (double expressions), in percent. */
function wilson(n: string, hits: string): Interval {
    const p = `(${hits} / ${n})`, z2 = `(${Z} * ${Z})`;
    const denom = `(1 + ${z2} / ${n})`;
    const center = `((${p} + ${z2} / (2 * ${n})) / ${denom})`;
    const half = `(${Z} / ${denom} * SQRT(${p} * (1 - ${p}) / ${n} + ${z2} / (4 * ${n} * ${n})))`;
    return {
        value: `100 * ${hits} / ${n}`,
        low: clamp(`100 * (${center} - ${half})`, 0, 100),
        high: clamp(`100 * (${center} + ${half})`, 0, 100),
        sd: `100 * SQRT(${p} * (1 - ${p}))`
    };
}

/** Half-width of the t interval of a mean with variance s.b over s.n values. */
const T_HALF = `(${t975Sql('(s.n - 1)', 's.tq')}) * SQRT(s.b) / SQRT(${ND})`;

function mean(): Interval {
    return { value: 's.a', low: `s.a - ${T_HALF}`, high: `s.a + ${T_HALF}`, sd: 'SQRT(s.b)' };
}

/**
 * CLV m·r/(1 + d − r) with m = value_per_year (12 for a monthly value, 1 for a yearly one) × mean
 * value × margin; r the Wilson retention of c customers, d kept.
 */
function clv(): Interval {
    const ret = wilson('s.c', 's.d');
    const f = (m: string, r: string) => `(s.value_per_year * (${m}) * s.margin * (${r}) / (1 + s.discount - (${r})))`;
    return {
        value: f('s.a', `(${ret.value}) / 100`),
        low: f(`s.a - ${T_HALF}`, `(${ret.low}) / 100`),
        high: f(`s.a + ${T_HALF}`, `(${ret.high}) / 100`),
        sd: 'CAST(NULL AS DOUBLE PRECISION)'
    };
}

/**
 * value, ci_low, ci_high and sd (of one observation, for sample planning) per stats row. No value
 * from no rows; no interval from one value (t) or when CLV's retention has no base.
 */
export function estimateCte(usesT: boolean): string {
    const forms = { nps: nps(), share: wilson(ND, 's.a'), mean: usesT ? mean() : null, clv: usesT ? clv() : null };
    const pick = (key: keyof Interval) => {
        const cases = [`WHEN s.estimator = 'nps' THEN ${forms.nps[key]}`, `WHEN s.estimator = 'share' THEN ${forms.share[key]}`];
        if (forms.mean && forms.clv) {
            const interval = key !== 'value';
            cases.push(`WHEN s.estimator = 'mean' THEN ${interval ? `CASE WHEN s.n < 2 THEN NULL ELSE ${forms.mean[key]} END` : forms.mean[key]}`);
            cases.push(`WHEN s.estimator = 'clv' THEN CASE WHEN ${interval ? 's.n < 2 OR ' : ''}s.c = 0 THEN NULL ELSE ${forms.clv[key]} END`);
        }
        return `CAST(CASE WHEN s.n = 0 THEN NULL ${cases.join(' ')} END AS DOUBLE PRECISION)`;
    };
    return `inputs AS (
    SELECT s.metric_index, s.part, s.segment_index, s.segment, s.ps, s.n, CAST(s.n AS DOUBLE PRECISION) AS nd, s.a, s.b, s.c, s.d,
        m.metric, m.kind, m.estimator, m.period_unit, m.target_op, m.target_value, m.target_warning, m.min_sample,
        m.fallback_sd, m.resolution, m.margin, m.discount, m.value_per_year, ${usesT ? `${T_TABLE}.q` : 'CAST(NULL AS DOUBLE PRECISION)'} AS tq
    FROM stats AS s
    JOIN metric_info AS m ON m.metric_index = s.metric_index${usesT ? `\n    LEFT JOIN ${T_TABLE} ON ${T_TABLE}.df = s.n - 1` : ''}
),
estimates AS (
    SELECT s.*,
        ${pick('value')} AS value,
        ${pick('low')} AS ci_low,
        ${pick('high')} AS ci_high,
        ${pick('sd')} AS sd
    FROM inputs AS s
)`;
}

function satisfies(x: string, bound: string): string {
    return `CASE e.target_op WHEN '>=' THEN ${x} >= ${bound} WHEN '>' THEN ${x} > ${bound} WHEN '<=' THEN ${x} <= ${bound} ELSE ${x} < ${bound} END`;
}

/**
 * met when the whole interval satisfies the target, missed when none of it does, inconclusive
 * between; insufficient below the minimum sample or without an interval, with the sample size that
 * would resolve the gap to the target (never below the minimum sample or n + 1).
 */
export function verdictCte(): string {
    const insufficient = '(e.n < e.min_sample OR e.value IS NULL OR e.ci_low IS NULL)';
    const sd = 'CASE WHEN e.sd > 0 THEN e.sd ELSE e.fallback_sd END';
    const gap = 'GREATEST(ABS(e.value - e.target_value), COALESCE(e.resolution, 0))';
    const fromGap = `CASE WHEN (${sd}) IS NOT NULL AND e.value IS NOT NULL AND ${gap} > 0 THEN CEIL(POWER(${Z} * (${sd}) / ${gap}, 2)) END`;
    return `verdicts AS (
    SELECT e.*,
        CASE WHEN e.target_op IS NULL THEN NULL
            WHEN ${insufficient} THEN 'insufficient'
            WHEN (${satisfies('e.ci_low', 'e.target_value')}) AND (${satisfies('e.ci_high', 'e.target_value')}) THEN 'met'
            WHEN NOT (${satisfies('e.ci_low', 'e.target_value')}) AND NOT (${satisfies('e.ci_high', 'e.target_value')}) THEN 'missed'
            ELSE 'inconclusive' END AS verdict,
        CASE WHEN e.target_op IS NOT NULL AND ${insufficient}
            THEN CAST(GREATEST(e.min_sample, COALESCE(${fromGap}, 0), e.n + 1) AS BIGINT) END AS needed_n,
        COALESCE(e.target_op IS NOT NULL AND e.value IS NOT NULL AND e.target_warning IS NOT NULL
            AND NOT (${satisfies('e.value', 'e.target_warning')}), FALSE) AS warned
    FROM estimates AS e
)`;
}
