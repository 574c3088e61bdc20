/** Runs the generated metrics SQL on an embedded, in-memory DuckDB over rows already in memory. */
import type { CxModel } from '@cxspec/language';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateMetricsSql } from './generate.js';
import { loadIntoDuckDb, type SpecData } from './load-duckdb.js';
import { normaliseRow, type SqlResultRow } from './result-rows.js';

export async function runMetricsOnDuckDb(model: CxModel, data: SpecData): Promise<SqlResultRow[]> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
        await loadIntoDuckDb(connection, model, data);
        const reader = await connection.runAndReadAll(generateMetricsSql(model, { dialect: 'duckdb' }));
        return reader.getRowObjectsJS().map(row => normaliseRow(row as Record<string, unknown>));
    } finally {
        connection.closeSync();
        instance.closeSync();
    }
}
