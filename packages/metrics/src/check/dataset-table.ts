/**
 * A dataset (CRM export) held in memory, one typed record per customer, indexed by its key so
 * responses can be joined. Datasets are customer lists, far smaller than response streams, and the
 * join needs random access; response files are the part that streams.
 */
import type { Column, Dataset } from '@cxspec/model';
import type { DataFile } from '../input/data-file.js';
import { readRecords, type RawRecord, type ReadInfo, type ReadOptions } from '../input/read-records.js';
import { DataFileError } from '../input/data-file-error.js';
import type { ExclusionLog } from './exclusions.js';
import { INVALID, numberOf, type Answer } from './values.js';
import { idText, show } from './preview.js';
import { parseDate } from './timestamp.js';

export interface DatasetRecord {
    row: number;
    key: string;
    /** By column index of the dataset; dates as epoch ms (UTC midnight). */
    values: Answer[];
}

export interface DatasetTable {
    dataset: Dataset;
    file: string;
    info: ReadInfo;
    records: DatasetRecord[];
    byKey: Map<string, DatasetRecord>;
    columnIndex: Map<string, number>;
}

/** A DatasetTable as a worker thread receives it: structured clone cannot carry INVALID (a symbol). */
export interface PortableTable {
    dataset: Dataset;
    file: string;
    info: ReadInfo;
    records: Array<{ row: number; key: string; values: unknown[] }>;
    columnIndex: Map<string, number>;
}

const INVALID_MARK = { invalid: true } as const;

export function toPortable(table: DatasetTable): PortableTable {
    const { dataset, file, info, columnIndex } = table;
    return { dataset, file, info, columnIndex, records: table.records.map(r => ({ ...r, values: r.values.map(v => (v === INVALID ? INVALID_MARK : v)) })) };
}

export function fromPortable(table: PortableTable): DatasetTable {
    const records: DatasetRecord[] = table.records.map(r => ({
        ...r, values: r.values.map(v => (v !== null && typeof v === 'object' ? INVALID : v as Answer))
    }));
    return { ...table, records, byKey: new Map(records.map(r => [r.key, r])) };
}

function convertColumn(column: Column, raw: unknown, report: (reason: 'wrong_type' | 'unknown_value', message: string) => void): Answer {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
    const text = typeof raw === 'string' ? raw.trim() : raw;
    switch (column.type) {
        case 'number': {
            const n = numberOf(text);
            if (n !== null) return n;
            report('wrong_type', `${column.name} expects a number with '.' as decimal separator, got ${show(raw)}`);
            return INVALID;
        }
        case 'date': {
            const ms = typeof text === 'string' ? parseDate(text) : null;
            if (ms !== null) return ms;
            report('wrong_type', `${column.name} expects an ISO date (2026-03-01), got ${show(raw)}`);
            return INVALID;
        }
        case 'enum':
            if (typeof text === 'string' && column.values.includes(text)) return text;
            report('unknown_value', `${column.name} is one of ${column.values.join(', ')}, got ${show(raw)}`);
            return INVALID;
        case 'boolean':
            if (text === true || text === 'true') return true;
            if (text === false || text === 'false') return false;
            report('wrong_type', `${column.name} expects true or false, got ${show(raw)}`);
            return INVALID;
        case 'text':
            return typeof text === 'object' ? show(text) : String(text);
    }
}

export async function loadDataset(dataset: Dataset, data: DataFile, options: ReadOptions, log: ExclusionLog): Promise<DatasetTable> {
    const file = data.path;
    const columnIndex = new Map(dataset.columns.map((c, i) => [c.name, i]));
    const records: DatasetRecord[] = [];
    const byKey = new Map<string, DatasetRecord>();
    const csv = data.format === 'csv';
    let checkedHeader: string[] | null = null;
    const onRecord = (rec: RawRecord) => {
        // A CSV header without the key column is a wrong file, not a thousand bad rows.
        if (csv && rec.columns !== checkedHeader) {
            if (!rec.columns.includes(dataset.key)) {
                throw new DataFileError(file, 1, 1, `has no '${dataset.key}' column, the key of dataset ${dataset.name}`);
            }
            checkedHeader = rec.columns;
        }
        if (rec.values.length !== rec.columns.length) {
            log.add(file, 'malformed_row', '(row)', rec.row, `row has ${rec.values.length} fields but the header has ${rec.columns.length}`);
            return;
        }
        const values: Answer[] = new Array(dataset.columns.length);
        let key: string | null = null;
        for (let i = 0; i < rec.columns.length; i++) {
            const name = rec.columns[i];
            const raw = rec.values[i];
            if (name === dataset.key) {
                key = idText(raw) || null;
                continue;
            }
            const index = columnIndex.get(name);
            if (index === undefined) {
                if (raw !== '' && raw !== null && raw !== undefined) {
                    log.add(file, 'unknown_column', name, rec.row, `column '${name}' is not declared in dataset ${dataset.name}`);
                }
                continue;
            }
            values[index] = convertColumn(dataset.columns[index], raw, (reason, message) => log.add(file, reason, name, rec.row, message));
        }
        if (key === null) {
            log.add(file, 'missing_key', dataset.key, rec.row, `row has no ${dataset.key}; it cannot be joined and is left out`);
            return;
        }
        if (byKey.has(key)) {
            log.add(file, 'duplicate_id', dataset.key, rec.row, `${dataset.key} ${show(key)} appears again (first at row ${byKey.get(key)!.row}); the later row is left out`);
            return;
        }
        const record = { row: rec.row, key, values };
        records.push(record);
        byKey.set(key, record);
    };
    const info = await readRecords(data, options, onRecord);
    return { dataset, file, info, records, byKey, columnIndex };
}
