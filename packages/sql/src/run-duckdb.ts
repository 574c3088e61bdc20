/** Runs the generated metrics SQL on an embedded, in-memory DuckDB over rows already in memory. */
import type { CxModel } from '@cxspec/language';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateMetricsSql } from './generate.js';
import { loadIntoDuckDb, type SpecData } from './load-duckdb.js';
import { normaliseRow, type SqlResultRow } from './result-rows.js';

/** `invalidFlags`: the rows carry INVALID_SUFFIX flags for values the row checks rejected. */
export async function runMetricsOnDuckDb(model: CxModel, data: SpecData, invalidFlags = false): Promise<SqlResultRow[]> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
        await loadIntoDuckDb(connection, model, data, {}, invalidFlags);
        const reader = await connection.runAndReadAll(generateMetricsSql(model, { dialect: 'duckdb', invalidFlags }));
        return reader.getRowObjectsJS().map(row => normaliseRow(row as Record<string, unknown>));
    } finally {
        connection.closeSync();
        instance.closeSync();
    }
}
