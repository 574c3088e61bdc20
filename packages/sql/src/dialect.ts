/**
 * The two SQL dialects the back end writes, and the only place that knows how they differ: quoting,
 * type names, list membership and period labels. Everything else is written in the SQL both share.
 */
import type { Period } from '@cxspec/model';

export type DialectName = 'duckdb' | 'postgres';
export const DIALECTS: readonly DialectName[] = ['duckdb', 'postgres'];

/** A name or label that no quoting can carry (a NUL character): the spec is rejected, never trimmed. */
export class UnsafeTextError extends Error {}

export interface Dialect {
    name: DialectName;
    types: { double: string; bigint: string; integer: string; text: string; bool: string; date: string; timestamp: string; textList: string };
    /** `list` (a text list column) holds `value`. */
    listHas(list: string, value: string): string;
    /** `list` holds at least one of `values` (SQL literals). */
    listHasAny(list: string, values: string[]): string;
    /** Number of elements of a text list. */
    listLength(list: string): string;
    /** Label of the period starting at the DATE expression `start`: 2024-W05, 2024-03, 2024-Q1, 2024. */
    periodLabel(start: string, period: Period): string;
    /** A DATE as YYYY-MM-DD text. */
    isoDate(date: string): string;
}

/** A double-quoted identifier: `"` doubled, so no name can close the quote. */
export function quoteIdent(name: string): string {
    rejectNul(name);
    return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A string literal. Quotes are doubled. PostgreSQL reads backslashes as escapes when
 * `standard_conforming_strings` is off, so there a string holding one is written as an E'' literal
 * with the backslash doubled too, which means the same whatever that setting is.
 */
export function quoteText(dialect: DialectName, value: string): string {
    rejectNul(value);
    const quoted = value.replaceAll("'", "''");
    if (dialect === 'postgres' && value.includes('\\')) return `E'${quoted.replaceAll('\\', '\\\\')}'`;
    return `'${quoted}'`;
}

/** A number literal typed as DOUBLE PRECISION; written with enough digits to read back exactly. */
export function doubleLiteral(x: number): string {
    if (!Number.isFinite(x)) throw new UnsafeTextError(`number ${x} has no SQL literal`);
    return `CAST(${String(x)} AS DOUBLE PRECISION)`;
}

export function integerLiteral(x: number): string {
    if (!Number.isSafeInteger(x)) throw new UnsafeTextError(`${x} is not an integer`);
    return String(x);
}

function rejectNul(text: string): void {
    if (text.includes('\0')) throw new UnsafeTextError(`'${text.replaceAll('\0', '\\0')}' holds a NUL character, which SQL text cannot carry`);
}

const duckdb: Dialect = {
    name: 'duckdb',
    types: {
        double: 'DOUBLE PRECISION', bigint: 'BIGINT', integer: 'INTEGER', text: 'VARCHAR', bool: 'BOOLEAN',
        date: 'DATE', timestamp: 'TIMESTAMP', textList: 'VARCHAR[]'
    },
    listHas: (list, value) => `list_contains(${list}, ${value})`,
    listHasAny: (list, values) => `list_has_any(${list}, [${values.join(', ')}])`,
    listLength: list => `len(${list})`,
    periodLabel(start, period) {
        switch (period) {
            case 'week': return `strftime(${start}, '%G-W%V')`;
            case 'month': return `strftime(${start}, '%Y-%m')`;
            case 'quarter': return `strftime(${start}, '%Y') || '-Q' || CAST(quarter(${start}) AS VARCHAR)`;
            case 'year': return `strftime(${start}, '%Y')`;
        }
    },
    isoDate: date => `strftime(${date}, '%Y-%m-%d')`
};

const postgres: Dialect = {
    name: 'postgres',
    types: {
        double: 'DOUBLE PRECISION', bigint: 'BIGINT', integer: 'INTEGER', text: 'TEXT', bool: 'BOOLEAN',
        date: 'DATE', timestamp: 'TIMESTAMP', textList: 'TEXT[]'
    },
    listHas: (list, value) => `(${value} = ANY(${list}))`,
    listHasAny: (list, values) => `(${list} && ARRAY[${values.join(', ')}]::TEXT[])`,
    listLength: list => `cardinality(${list})`,
    periodLabel(start, period) {
        switch (period) {
            case 'week': return `to_char(${start}, 'IYYY-"W"IW')`;
            case 'month': return `to_char(${start}, 'YYYY-MM')`;
            case 'quarter': return `to_char(${start}, 'YYYY-"Q"Q')`;
            case 'year': return `to_char(${start}, 'YYYY')`;
        }
    },
    isoDate: date => `to_char(${date}, 'YYYY-MM-DD')`
};

export function dialectOf(name: DialectName): Dialect {
    return name === 'duckdb' ? duckdb : postgres;
}
