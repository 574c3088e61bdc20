/**
 * The 97.5% Student t quantile in SQL, for the t interval of means. Neither DuckDB nor PostgreSQL
 * has a t quantile function, so the SQL carries a VALUES table for 1..T_TABLE_MAX_DF degrees of
 * freedom, filled from the native evaluator's own `tQuantile` (the same numbers on both sides), and
 * beyond it the Cornish-Fisher expansion to 1/ν⁵, whose error there is below 1e-13: far inside the
 * 1e-9 at which SQL and native results must agree.
 */
import { Z95 } from '@cxspec/model';
import { tQuantile } from '@cxspec/metrics';
import { doubleLiteral } from './dialect.js';

export const T_TABLE_MAX_DF = 200;

/** Name of the CTE holding the table, with columns `df` and `q`. */
export const T_TABLE = 't975';

/** The CTE body: `t975(df, q) AS (VALUES ...)`. */
export function tTableCte(): string {
    const rows: string[] = [];
    for (let df = 1; df <= T_TABLE_MAX_DF; df++) rows.push(`(${df}, ${doubleLiteral(tQuantile(0.975, df))})`);
    return `${T_TABLE}(df, q) AS (VALUES\n    ${rows.join(',\n    ')})`;
}

/** Coefficients g1..g5 of the expansion t = z + Σ g_k / ν^k (Abramowitz & Stegun 26.7.5). */
export function cornishFisherCoefficients(z: number = Z95): number[] {
    const z2 = z * z;
    return [
        (z2 + 1) * z / 4,
        ((5 * z2 + 16) * z2 + 3) * z / 96,
        (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384,
        ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160,
        (((((27 * z2 + 339) * z2 + 930) * z2 - 1782) * z2 - 765) * z2 + 17955) * z / 368640
    ];
}

/**
 * SQL for the quantile at `df` degrees of freedom (a positive integer expression), given `tableQ`,
 * the table's `q` joined on df (NULL beyond the table).
 */
export function t975Sql(df: string, tableQ: string): string {
    const terms = cornishFisherCoefficients().map((g, i) => `${doubleLiteral(g)} / power(${df}, ${i + 1})`);
    return `CASE WHEN ${df} <= ${T_TABLE_MAX_DF} THEN ${tableQ} ELSE ${doubleLiteral(Z95)} + ${terms.join(' + ')} END`;
}
