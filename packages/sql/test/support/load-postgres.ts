/** Loads a spec's tables into PostgreSQL with parameterised multi-row INSERTs (values never become SQL text). */
import type { CxModel } from '@cxspec/model';
import type pg from 'pg';
import { dialectOf, quoteIdent } from '../../src/dialect.js';
import type { Row, SpecData } from '../../src/load-duckdb.js';
import {
    createTablesSql, datasetColumns, datasetTableName, surveyColumns, surveyTableName, type ColumnDef, type TableNames
} from '../../src/tables.js';

const BATCH = 500;

/** `flags`: the tables carry the INVALID_SUFFIX columns that mark excluded values, as the DuckDB engine's do. */
export async function loadIntoPostgres(client: pg.Client, model: CxModel, data: SpecData, names: TableNames = {}, flags = false): Promise<void> {
    await client.query(createTablesSql(model, dialectOf('postgres'), names, flags));
    for (const survey of model.surveys) {
        await insert(client, surveyTableName(survey.name, names), surveyColumns(survey, model, flags), data.surveys[survey.name] ?? []);
    }
    for (const dataset of model.datasets) {
        await insert(client, datasetTableName(dataset.name, names), datasetColumns(dataset, flags), data.datasets[dataset.name] ?? []);
    }
}

async function insert(client: pg.Client, table: string, columns: ColumnDef[], rows: Row[]): Promise<void> {
    const head = `INSERT INTO ${table} (${columns.map(c => quoteIdent(c.name)).join(', ')}) VALUES `;
    for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const params: unknown[] = [];
        const tuples = batch.map(row => `(${columns.map(c => {
            const value = row[c.name] ?? null;
            params.push(c.type === 'timestamp' && value !== null ? new Date(value as number).toISOString().replace('T', ' ').replace('Z', '') : value);
            return `$${params.length}`;
        }).join(', ')})`);
        await client.query(head + tuples.join(', '), params);
    }
}
