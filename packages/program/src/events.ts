import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@cxspec/model';
import { parseCsv } from './csv.js';

export type EventFormat = 'csv' | 'ndjson';

/** A context value as the file gives it: CSV fields are text, NDJSON keeps JSON scalars. */
export type ContextValue = string | number | boolean | null;

/** One valid touchpoint event. */
export interface TouchpointEvent {
    /** Identity across runs: the `event_id` field, or a hash of customer, touchpoint and time. */
    id: string;
    /** 1-based line of the event in its file. */
    row: number;
    customer: string;
    touchpoint: string;
    /** Milliseconds since the epoch (UTC). */
    time: number;
    /** Every other field, in the file's order. */
    context: [string, ContextValue][];
}

export type BadEventReason = 'missing-customer' | 'unknown-touchpoint' | 'bad-time' | 'bad-record';

/** An event left out, with where it is: `column` is 1-based in CSV; in NDJSON it is the field name. */
export interface BadEvent {
    row: number;
    column: number | string | null;
    reason: BadEventReason;
    message: string;
}

export interface EventFile {
    file: string;
    format: EventFormat;
    /** Context field names in the order they first appear (the CSV header order). */
    contextColumns: string[];
    events: TouchpointEvent[];
    bad: BadEvent[];
}

/** The fields every event has; any other field is context passed on to the invitation. */
export const EVENT_FIELDS = ['customer', 'touchpoint', 'time'] as const;
export const EVENT_ID_FIELD = 'event_id';

/** The format of an events file, from its extension. */
export function eventFormatOf(file: string): EventFormat {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.csv') return 'csv';
    if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
    throw new InputError(file, `cannot tell the format of the events from the extension '${ext}'; name the file .csv, .ndjson or .jsonl`);
}

/** Reads and checks an events file against the touchpoint names of a spec. */
export function readEvents(file: string, touchpoints: ReadonlySet<string>): EventFile {
    const format = eventFormatOf(file);
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        throw new InputError(file, `cannot read the events (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const result: EventFile = { file, format, contextColumns: [], events: [], bad: [] };
    const check = new EventChecker(touchpoints, result);
    if (format === 'csv') readCsv(file, text, check, result);
    else readNdjson(text, check, result);
    return result;
}

function readCsv(file: string, text: string, check: EventChecker, result: EventFile): void {
    const { records, unclosedQuoteLine } = parseCsv(text);
    if (unclosedQuoteLine !== undefined) throw new InputError(file, `line ${unclosedQuoteLine}: a quoted field is never closed; close it with '"' (write "" for a quote inside it)`);
    const [header, ...rows] = records;
    if (!header) throw new InputError(file, `the file is empty; write a header line with ${EVENT_FIELDS.join(',')} and one event per line`);
    const index = new Map(header.fields.map((name, i) => [name.trim(), i]));
    const missing = EVENT_FIELDS.filter(f => !index.has(f));
    if (missing.length > 0) throw new InputError(file, `the header has no column ${missing.map(m => `'${m}'`).join(', ')}; events need the columns ${EVENT_FIELDS.join(', ')}`);
    const idColumn = index.get(EVENT_ID_FIELD);
    const contextIndexes = header.fields.map((_, i) => i).filter(i => !(EVENT_FIELDS as readonly string[]).includes(header.fields[i].trim()) && i !== idColumn);
    result.contextColumns = contextIndexes.map(i => header.fields[i].trim());
    const col = (name: string) => index.get(name)!;
    for (const record of rows) {
        if (record.fields.length !== header.fields.length) {
            result.bad.push({ row: record.line, column: null, reason: 'bad-record', message: `has ${record.fields.length} fields where the header has ${header.fields.length}; quote fields that hold commas` });
            continue;
        }
        const f = record.fields;
        check.add(record.line,
            { value: f[col('customer')], column: col('customer') + 1 },
            { value: f[col('touchpoint')], column: col('touchpoint') + 1 },
            { value: f[col('time')], column: col('time') + 1 },
            idColumn === undefined ? '' : f[idColumn],
            contextIndexes.map(i => [header.fields[i].trim(), f[i]]));
    }
}

function readNdjson(text: string, check: EventChecker, result: EventFile): void {
    const seen = new Set<string>();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '') continue;
        let record: unknown;
        try {
            record = JSON.parse(line);
        } catch {
            result.bad.push({ row: i + 1, column: null, reason: 'bad-record', message: 'is not a JSON object' });
            continue;
        }
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
            result.bad.push({ row: i + 1, column: null, reason: 'bad-record', message: 'is not a JSON object' });
            continue;
        }
        const fields = record as Record<string, unknown>;
        const context: [string, ContextValue][] = [];
        let nested: string | undefined;
        for (const [key, value] of Object.entries(fields)) {
            if ((EVENT_FIELDS as readonly string[]).includes(key) || key === EVENT_ID_FIELD) continue;
            if (value !== null && typeof value === 'object') { nested = key; break; }
            context.push([key, value as ContextValue]);
            if (!seen.has(key)) { seen.add(key); result.contextColumns.push(key); }
        }
        if (nested !== undefined) {
            result.bad.push({ row: i + 1, column: nested, reason: 'bad-record', message: `field '${nested}' holds an object or array; context fields are text, numbers, true/false or null` });
            continue;
        }
        const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] as string : fields[key] === undefined || fields[key] === null ? '' : String(fields[key]));
        check.add(i + 1,
            { value: text('customer'), column: 'customer' },
            { value: text('touchpoint'), column: 'touchpoint' },
            { value: text('time'), column: 'time' },
            text(EVENT_ID_FIELD),
            context);
    }
}

interface Field { value: string; column: number | string }

/** The checks of one event, the same for both formats. */
class EventChecker {
    private readonly known: string;

    constructor(private readonly touchpoints: ReadonlySet<string>, private readonly result: EventFile) {
        this.known = [...touchpoints].sort().join(', ');
    }

    add(row: number, customer: Field, touchpoint: Field, time: Field, id: string, context: [string, ContextValue][]): void {
        const key = customer.value.trim();
        if (key === '') {
            this.result.bad.push({ row, column: customer.column, reason: 'missing-customer', message: 'has no customer key; every event names the customer it happened to' });
            return;
        }
        const tp = touchpoint.value.trim();
        if (!this.touchpoints.has(tp)) {
            this.result.bad.push({ row, column: touchpoint.column, reason: 'unknown-touchpoint', message: `names touchpoint '${tp}', which the spec does not declare; use one of ${this.known}` });
            return;
        }
        const ms = parseTime(time.value.trim());
        if (ms === undefined) {
            this.result.bad.push({ row, column: time.column, reason: 'bad-time', message: `has time '${time.value}', which is not an ISO 8601 date and time with an offset, such as 2026-03-01T08:15:00Z or 2026-03-01T17:15:00+09:00` });
            return;
        }
        this.result.events.push({ id: id.trim() || eventHash(key, tp, ms), row, customer: key, touchpoint: tp, time: ms, context });
    }
}

/** Identity of an event without an `event_id`: SHA-256 of customer, touchpoint and UTC time. */
function eventHash(customer: string, touchpoint: string, time: number): string {
    return createHash('sha256').update(`${customer}\u0000${touchpoint}\u0000${new Date(time).toISOString()}`).digest('hex').slice(0, 32);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds of an ISO 8601 time with an offset, or undefined. The offset is required so the
 * same file means the same instants on every machine; impossible dates (Feb 30) are rejected,
 * which Date.parse alone accepts.
 */
export function parseTime(text: string): number | undefined {
    const m = ISO.exec(text);
    if (!m) return undefined;
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map(i => Number(m[i] ?? 0));
    const ms = Number((m[7] ?? '0').padEnd(3, '0'));
    if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return undefined;
    const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    if (new Date(local).getUTCDate() !== d) return undefined;
    const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60000;
    return local - offset;
}
