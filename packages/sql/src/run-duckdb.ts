/** Runs the generated metrics SQL on an embedded, in-memory DuckDB. */
import type { CxModel } from '@cxspec/model';
import type { DuckDBConnection } from '@duckdb/node-api';
import { generateMetricsSql } from './generate.js';
import { loadIntoDuckDb, type SpecData } from './load-duckdb.js';
import { normaliseRow, type SqlResultRow } from './result-rows.js';

/** `invalidFlags`: the tables carry INVALID_SUFFIX flags for values the row checks rejected. */
export async function queryMetrics(connection: DuckDBConnection, model: CxModel, invalidFlags = false): Promise<SqlResultRow[]> {
    const reader = await connection.runAndReadAll(generateMetricsSql(model, { dialect: 'duckdb', invalidFlags }));
    return reader.getRowObjectsJS().map(row => normaliseRow(row as Record<string, unknown>));
}

/** Loads rows held in memory into a fresh in-memory DuckDB and runs the metrics SQL on them. */
export async function runMetricsOnDuckDb(model: CxModel, data: SpecData): Promise<SqlResultRow[]> {
    return withDuckDb(async connection => {
        await loadIntoDuckDb(connection, model, data);
        return queryMetrics(connection, model);
    });
}

/** A connection to a fresh in-memory database, closed after `use`. */
export async function withDuckDb<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    // Loaded on first use: a static import would load the native binding (~35 MB) in every CLI command.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
        return await use(connection);
    } finally {
        connection.closeSync();
        instance.closeSync();
    }
}
