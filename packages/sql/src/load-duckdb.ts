/**
 * Creates a spec's tables in an embedded DuckDB database and appends rows to them through DuckDB's
 * appender (no SQL text per row, so no value is ever parsed as SQL).
 */
import type { CxModel } from '@cxspec/language';
import { dateValue, listValue, timestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { dialectOf } from './dialect.js';
import {
    createTablesSql, datasetColumns, datasetTableName, surveyColumns, surveyTableName, type ColumnDef, type TableNames
} from './tables.js';

/**
 * A cell: numbers for integer and double columns, text, booleans, text lists; timestamps as epoch
 * milliseconds (UTC), dates as `YYYY-MM-DD`; null when not answered.
 */
export type Cell = number | string | boolean | string[] | null;
export type Row = Record<string, Cell>;

/** Rows per survey and per dataset, by name. */
export interface SpecData {
    surveys: Record<string, Row[]>;
    datasets: Record<string, Row[]>;
}

const DAY_MS = 86_400_000;

export async function loadIntoDuckDb(connection: DuckDBConnection, model: CxModel, data: SpecData, names: TableNames = {}): Promise<void> {
    await connection.run(createTablesSql(model, dialectOf('duckdb'), names));
    for (const survey of model.surveys) {
        await append(connection, surveyTableName(survey.name, names), surveyColumns(survey, model), data.surveys[survey.name] ?? []);
    }
    for (const dataset of model.datasets) {
        await append(connection, datasetTableName(dataset.name, names), datasetColumns(dataset), data.datasets[dataset.name] ?? []);
    }
}

async function append(connection: DuckDBConnection, table: string, columns: ColumnDef[], rows: Row[]): Promise<void> {
    const appender = await openTableAppender(connection, table, columns);
    try {
        for (const row of rows) appender.append(row);
    } finally {
        appender.close();
    }
}

export interface TableAppender {
    append(row: Row): void;
    /** Flushes and closes; rows appended before are in the table. */
    close(): void;
}

/** Appends rows to a table one at a time, so a caller can stream rows without holding them. */
export async function openTableAppender(connection: DuckDBConnection, table: string, columns: ColumnDef[]): Promise<TableAppender> {
    // The appender takes the bare names; they are recovered from the quoted one to keep a single source.
    const [schema, name] = splitQualified(table);
    const appender = await connection.createAppender(name, schema);
    return {
        append(row) {
            for (const column of columns) appendCell(appender, column, row[column.name] ?? null);
            appender.endRow();
        },
        close() {
            try {
                appender.flushSync();
            } finally {
                appender.closeSync();
            }
        }
    };
}

function appendCell(appender: DuckDBAppender, column: ColumnDef, value: Cell): void {
    if (value === null) return appender.appendNull();
    switch (column.type) {
        case 'integer': return appender.appendInteger(value as number);
        case 'bigint': return appender.appendBigInt(BigInt(value as number));
        case 'double': return appender.appendDouble(value as number);
        case 'bool': return appender.appendBoolean(value as boolean);
        case 'text': return appender.appendVarchar(value as string);
        case 'textList': return appender.appendList(listValue(value as string[]));
        case 'timestamp': return appender.appendTimestamp(timestampValue(BigInt(Math.round(value as number)) * 1000n));
        case 'date': return appender.appendDate(dateValue(Math.round(Date.parse(`${value as string}T00:00:00Z`) / DAY_MS)));
    }
}

/** `"schema"."table"` or `"table"` back to its unquoted parts. */
function splitQualified(quoted: string): [string | null, string] {
    const parts = [...quoted.matchAll(/"((?:[^"]|"")*)"/g)].map(m => m[1].replaceAll('""', '"'));
    return parts.length === 2 ? [parts[0], parts[1]] : [null, parts[0]];
}
