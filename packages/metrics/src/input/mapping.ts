/**
 * Column mapping and value recoding for files exported by other survey tools (`--map file.json`):
 *
 * ```json
 * {
 *   "columns": { "Q1": "recommend", "ResponseID": "respondent_id", "Date": "submitted_at" },
 *   "ignore": ["ip_address"],
 *   "recode": {
 *     "recommend": { "offset": -1 },
 *     "visit_reason": { "values": { "1": "commute", "2": "leisure" } }
 *   }
 * }
 * ```
 * `columns` renames file columns to fields (question names, `<matrix>.<item>`, `respondent_id`,
 * `submitted_at`, the customer key); unmapped columns keep their name. `ignore` lists file columns
 * to skip on purpose (any other unknown column is reported). `recode`, keyed by field, first looks
 * the raw value up in `values` (multichoice: each option), then adds `offset` to numbers: a 0-10
 * scale exported as 1-11 takes `offset: -1`.
 */
import fs from 'node:fs';
import { DataFileError } from './data-file-error.js';

export interface Recode {
    offset: number;
    values: Map<string, string | number | boolean> | null;
}

export interface ColumnMapping {
    file: string;
    /** File column → field name. */
    columns: Map<string, string>;
    ignore: Set<string>;
    /** Field name → recode. */
    recode: Map<string, Recode>;
}

export function emptyMapping(): ColumnMapping {
    return { file: '', columns: new Map(), ignore: new Set(), recode: new Map() };
}

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function loadMapping(file: string): ColumnMapping {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
        throw new DataFileError(file, 1, 1, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        const pos = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
        const before = text.slice(0, pos);
        throw new DataFileError(file, before.split('\n').length, pos - (before.lastIndexOf('\n') + 1) + 1,
            `invalid JSON: ${(error as Error).message.replace(/\s*(in JSON )?at position \d+.*$/, '')}`);
    }
    const fail = (where: string, what: string): never => { throw new DataFileError(file, 1, 1, `${where}: ${what}`); };
    if (!isObject(json)) fail('mapping', 'expected an object with "columns", "ignore" and "recode"');
    const root = json as Record<string, unknown>;
    for (const key of Object.keys(root)) if (!['columns', 'ignore', 'recode'].includes(key)) fail(key, 'unknown key; use "columns", "ignore" or "recode"');
    const mapping: ColumnMapping = { file, columns: new Map(), ignore: new Set(), recode: new Map() };
    if (root.columns !== undefined) {
        if (!isObject(root.columns)) fail('columns', 'expected an object of file column → field name');
        for (const [from, to] of Object.entries(root.columns as Record<string, unknown>)) {
            if (typeof to !== 'string' || to === '') fail(`columns.${from}`, 'expected a field name');
            // Two columns feeding one field would leave each row's answer to whichever comes last.
            const other = [...mapping.columns].find(([, field]) => field === to)?.[0];
            if (other !== undefined) fail(`columns.${from}`, `'${from}' and '${other}' are both mapped to '${to}'; map only one of them`);
            mapping.columns.set(from, to as string);
        }
    }
    if (root.ignore !== undefined) {
        if (!Array.isArray(root.ignore) || root.ignore.some(c => typeof c !== 'string')) fail('ignore', 'expected an array of column names');
        for (const c of root.ignore as string[]) mapping.ignore.add(c);
    }
    if (root.recode !== undefined) {
        if (!isObject(root.recode)) fail('recode', 'expected an object of field name → { offset, values }');
        for (const [field, spec] of Object.entries(root.recode as Record<string, unknown>)) {
            if (!isObject(spec)) fail(`recode.${field}`, 'expected { "offset": number } and/or { "values": { code: value } }');
            const s = spec as Record<string, unknown>;
            for (const key of Object.keys(s)) if (key !== 'offset' && key !== 'values') fail(`recode.${field}.${key}`, 'unknown key; use "offset" or "values"');
            if (s.offset !== undefined && (typeof s.offset !== 'number' || !Number.isInteger(s.offset))) fail(`recode.${field}.offset`, 'expected an integer');
            let values: Map<string, string | number | boolean> | null = null;
            if (s.values !== undefined) {
                if (!isObject(s.values)) fail(`recode.${field}.values`, 'expected an object of code → value');
                values = new Map();
                for (const [code, v] of Object.entries(s.values as Record<string, unknown>)) {
                    if (!['string', 'number', 'boolean'].includes(typeof v)) fail(`recode.${field}.values.${code}`, 'expected a string, number or boolean');
                    values.set(code, v as string | number | boolean);
                }
            }
            mapping.recode.set(field, { offset: (s.offset as number | undefined) ?? 0, values });
        }
    }
    return mapping;
}

/**
 * Why a file's columns (a CSV header, or the keys of one JSON record) cannot be read with the
 * mapping, or null: a column mapped onto a field the file already has as a column would silently
 * replace (or, onto respondent_id, duplicate) that column's values.
 */
export function mappingClash(mapping: ColumnMapping, file: string, columns: readonly string[]): DataFileError | null {
    if (mapping.columns.size === 0) return null;
    const present = new Set(columns.filter(c => !mapping.ignore.has(c)));
    for (const [from, to] of mapping.columns) {
        if (present.has(from) && present.has(to) && mapping.columns.get(to) === undefined) {
            return new DataFileError(mapping.file, 1, 1,
                `columns.${from}: maps '${from}' onto '${to}', which ${file} already has as a column; list '${to}' under "ignore" to replace it, or map '${from}' to another field`);
        }
    }
    return null;
}
