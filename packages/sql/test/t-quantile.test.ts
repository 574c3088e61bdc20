/**
 * The t quantile the SQL uses (a table to 200 degrees of freedom, Cornish-Fisher beyond), run as
 * SQL on DuckDB, matches the native evaluator's tQuantile far inside the 1e-9 the back ends must
 * agree to.
 */
import { tQuantile } from '@cxspec/metrics';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from 'vitest';
import { T_TABLE_MAX_DF, t975Sql, tTableCte } from '../src/t-quantile.js';

test('the SQL t quantile equals the native one to 1e-12 from 1 to 3000 degrees of freedom', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
        const sql = `WITH ${tTableCte()}
SELECT d.df, ${t975Sql('d.df', 't975.q')} AS q
FROM (SELECT CAST(range AS BIGINT) AS df FROM range(1, 3001)) AS d LEFT JOIN t975 ON t975.df = d.df ORDER BY d.df`;
        const rows = (await connection.runAndReadAll(sql)).getRows();
        expect(rows.length).toBe(3000);
        let worst = 0;
        for (const [df, q] of rows) {
            const native = tQuantile(0.975, Number(df));
            worst = Math.max(worst, Math.abs((q as number) - native) / native);
            if (Number(df) <= T_TABLE_MAX_DF) expect(q).toBe(native);
        }
        expect(worst).toBeLessThan(1e-12);
        expect(rows[0][1]).toBeCloseTo(12.706204736174707, 12);
        expect(rows[29][1]).toBeCloseTo(2.0422724563012373, 12);
    } finally {
        connection.closeSync();
        instance.closeSync();
    }
});
