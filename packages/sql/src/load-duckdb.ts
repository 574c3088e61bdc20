/**
 * Creates a spec's tables in an embedded DuckDB database and appends rows to them through DuckDB's
 * appender (no SQL text per row, so no value is ever parsed as SQL).
 */
import type { CxModel } from '@cxspec/model';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { UnsafeTextError, dialectOf, quoteIdent } from './dialect.js';
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
        await appender.close();
    }
}

export interface TableAppender {
    append(row: Row): void;
    /** Flushes and closes; rows appended before are in the table. */
    close(): Promise<void>;
}

/**
 * Separator of the text lists while they are appended: list values cost DuckDB's appender an
 * order of magnitude more than text, so lists go in as joined text and are split once at the end.
 * Option ids are spec identifiers, which cannot hold a control character.
 */
const LIST_SEPARATOR = '\x1f';

/** Appends rows to a table one at a time, so a caller can stream rows without holding them. */
export async function openTableAppender(connection: DuckDBConnection, table: string, columns: ColumnDef[]): Promise<TableAppender> {
    const lists = columns.filter(c => c.type === 'textList').map(c => quoteIdent(c.name));
    for (const list of lists) await connection.run(`ALTER TABLE ${table} ALTER COLUMN ${list} SET DATA TYPE VARCHAR`);
    // The appender takes the bare names; they are recovered from the quoted one to keep a single source.
    const [schema, name] = splitQualified(table);
    const appender = await connection.createAppender(name, schema);
    // Already loaded by whoever opened the connection; imported here, not statically, for the same reason as in run-duckdb.ts.
    const values = await import('@duckdb/node-api');
    return {
        append(row) {
            for (const column of columns) appendCell(appender, values, column, row[column.name] ?? null);
            appender.endRow();
        },
        async close() {
            try {
                appender.flushSync();
            } finally {
                appender.closeSync();
            }
            for (const list of lists) {
                await connection.run(`ALTER TABLE ${table} ALTER COLUMN ${list} SET DATA TYPE VARCHAR[] USING string_split(${list}, chr(31))`);
            }
        }
    };
}

function appendCell(appender: DuckDBAppender, { dateValue, timestampValue }: typeof import('@duckdb/node-api'), column: ColumnDef, value: Cell): void {
    if (value === null) return appender.appendNull();
    switch (column.type) {
        case 'integer': return appender.appendInteger(value as number);
        case 'bigint': return appender.appendBigInt(BigInt(value as number));
        case 'double': return appender.appendDouble(value as number);
        case 'bool': return appender.appendBoolean(value as boolean);
        case 'text': return appender.appendVarchar(value as string);
        case 'textList': {
            const ids = value as string[];
            if (ids.some(id => id.includes(LIST_SEPARATOR))) throw new UnsafeTextError(`option id in ${JSON.stringify(ids)} holds a control character`);
            // An empty list is no answer (string_split would make it [''] otherwise).
            return ids.length === 0 ? appender.appendNull() : appender.appendVarchar(ids.join(LIST_SEPARATOR));
        }
        case 'timestamp': return appender.appendTimestamp(timestampValue(BigInt(Math.round(value as number)) * 1000n));
        case 'date': return appender.appendDate(dateValue(Math.round(Date.parse(`${value as string}T00:00:00Z`) / DAY_MS)));
    }
}

/** `"schema"."table"` or `"table"` back to its unquoted parts. */
function splitQualified(quoted: string): [string | null, string] {
    const parts = [...quoted.matchAll(/"((?:[^"]|"")*)"/g)].map(m => m[1].replaceAll('""', '"'));
    return parts.length === 2 ? [parts[0], parts[1]] : [null, parts[0]];
}
