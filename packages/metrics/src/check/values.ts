/**
 * Conversion of raw cells (CSV text or JSON values) into typed answers, checked against the
 * question: integers inside the scale, option ids of the question, booleans, text. A cell that
 * fails becomes INVALID and the reason goes to the reporter; an empty cell is "not answered".
 */
import { questionKind, type Question } from '@cxspec/model';
import type { ExclusionReason } from '../result.js';
import type { Recode } from '../input/mapping.js';

export const INVALID: unique symbol = Symbol('invalid');
export type Answer = number | string | boolean | string[] | undefined | typeof INVALID;

export type Reporter = (reason: ExclusionReason, message: string) => void;
export type Converter = (raw: unknown, report: Reporter) => Answer;

function isEmpty(raw: unknown): boolean {
    return raw === undefined || raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '');
}

function show(raw: unknown): string {
    return typeof raw === 'string' ? `'${raw}'` : JSON.stringify(raw);
}

/** Integer text without sign or with '-': the fast path for CSV cells like "7". */
export function parseInteger(raw: unknown): number | null {
    if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null;
    if (typeof raw !== 'string') return null;
    const s = raw.length > 0 && (raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32) ? raw.trim() : raw;
    let i = s.charCodeAt(0) === 45 ? 1 : 0;
    if (i === s.length || s.length - i > 15) return null;
    let v = 0;
    for (; i < s.length; i++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return null;
        v = v * 10 + c;
    }
    return s.charCodeAt(0) === 45 ? -v : v;
}

function recodeValue(raw: unknown, recode: Recode | undefined): unknown {
    if (!recode?.values) return raw;
    const hit = recode.values.get(typeof raw === 'string' ? raw.trim() : String(raw));
    return hit === undefined ? raw : hit;
}

/** Converter of a number on a scale (nps, csat, ces, rating, one matrix item). */
export function scaleConverter(label: string, min: number, max: number, recode?: Recode): Converter {
    const offset = recode?.offset ?? 0;
    const plain = !recode?.values;
    return (raw, report) => {
        // Fast path: a one-digit CSV cell, what almost every rating is.
        if (plain && typeof raw === 'string' && raw.length === 1) {
            const v = raw.charCodeAt(0) - 48 + offset;
            if (v - offset >= 0 && v - offset <= 9 && v >= min && v <= max) return v;
        }
        if (isEmpty(raw)) return undefined;
        const coded = recodeValue(raw, recode);
        const n = parseInteger(coded);
        if (n === null) {
            report('wrong_type', `${label} expects a whole number from ${min} to ${max}, got ${show(raw)}`);
            return INVALID;
        }
        const v = n + offset;
        if (v < min || v > max) {
            report('out_of_range', `${label} is on a ${min}-${max} scale, got ${show(raw)}${offset ? ` (${v} after offset ${offset})` : ''}`);
            return INVALID;
        }
        return v;
    };
}

function optionConverter(q: Question, recode?: Recode): Converter {
    const ids = new Set(q.options.map(o => o.id));
    const list = q.options.map(o => o.id).join(', ');
    const one = (raw: unknown, report: Reporter): string | typeof INVALID => {
        const coded = recodeValue(raw, recode);
        if (typeof coded !== 'string' && typeof coded !== 'number') {
            report('wrong_type', `${q.name} expects an option id, got ${show(raw)}`);
            return INVALID;
        }
        const id = String(coded).trim();
        if (!ids.has(id)) {
            report('unknown_value', `${q.name} has no option ${show(raw)} (options: ${list})`);
            return INVALID;
        }
        return id;
    };
    if (q.kind === 'choice') return (raw, report) => (isEmpty(raw) ? undefined : one(raw, report));
    return (raw, report) => {
        if (isEmpty(raw)) return undefined;
        const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(';').filter(p => p.trim() !== '') : null;
        if (!parts) {
            report('wrong_type', `${q.name} expects option ids (an array, or joined by ';' in CSV), got ${show(raw)}`);
            return INVALID;
        }
        const out: string[] = [];
        for (const part of parts) {
            const id = one(part, report);
            if (id === INVALID) return INVALID;
            out.push(id);
        }
        return out.length === 0 ? undefined : out;
    };
}

function booleanConverter(q: Question, recode?: Recode): Converter {
    return (raw, report) => {
        if (isEmpty(raw)) return undefined;
        const coded = recodeValue(raw, recode);
        if (coded === true || coded === false) return coded;
        const s = typeof coded === 'string' ? coded.trim().toLowerCase() : null;
        if (s === 'true') return true;
        if (s === 'false') return false;
        report('wrong_type', `${q.name} expects true or false, got ${show(raw)}`);
        return INVALID;
    };
}

function textConverter(q: Question): Converter {
    return (raw, report) => {
        if (isEmpty(raw)) return undefined;
        if (typeof raw === 'string') return raw;
        if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
        report('wrong_type', `${q.name} expects text, got ${show(raw)}`);
        return INVALID;
    };
}

/** The converter of a question's single column; matrix questions have one per item instead. */
export function questionConverter(q: Question, recode?: Recode): Converter {
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return scaleConverter(q.name, q.scale!.min, q.scale!.max, recode);
        case 'option': case 'options': case 'order':
            return optionConverter(q, recode);
        case 'boolean':
            return booleanConverter(q, recode);
        case 'text':
            return textConverter(q);
        case 'items':
            throw new Error(`matrix question ${q.name} is read item by item`);
    }
}

/**
 * Converter of a cell of the byte CSV reader: the UTF-8 bytes [start, end) of `bytes`. The common
 * cells (empty, a rating of one or two digits, an option id as written in the spec) are read from
 * the bytes; any other cell is decoded and given to the text converter, which judges and words it.
 */
export type ByteConverter = (bytes: Buffer, start: number, end: number, report: Reporter) => Answer;

function decoded(convert: Converter): ByteConverter {
    return (bytes, start, end, report) => (start === end ? undefined : convert(bytes.toString('utf8', start, end), report));
}

/** The byte converter of a scale column (`convert` is its text converter, scaleConverter's). */
export function scaleByteConverter(min: number, max: number, recode: Recode | undefined, convert: Converter): ByteConverter {
    if (recode?.values) return decoded(convert);
    const offset = recode?.offset ?? 0;
    return (bytes, start, end, report) => {
        const length = end - start;
        if (length === 0) return undefined;
        if (length <= 2) {
            let v = bytes[start] - 48;
            if (v >= 0 && v <= 9) {
                if (length === 2) {
                    const d = bytes[start + 1] - 48;
                    v = d >= 0 && d <= 9 ? v * 10 + d : -1;
                }
                if (v >= 0 && v + offset >= min && v + offset <= max) return v + offset;
            }
        }
        return convert(bytes.toString('utf8', start, end), report);
    };
}

function choiceBytes(q: Question, recode: Recode | undefined, convert: Converter): ByteConverter {
    if (recode?.values) return decoded(convert);
    const ids = q.options.map(o => o.id);
    const encoded = ids.map(id => Buffer.from(id, 'utf8'));
    return (bytes, start, end, report) => {
        const length = end - start;
        if (length === 0) return undefined;
        next: for (let o = 0; o < encoded.length; o++) {
            const id = encoded[o];
            if (id.length !== length) continue;
            for (let i = 0; i < length; i++) if (bytes[start + i] !== id[i]) continue next;
            return ids[o];
        }
        return convert(bytes.toString('utf8', start, end), report);
    };
}

/** The byte converter of a question's column (`convert` is its text converter, questionConverter's). */
export function questionByteConverter(q: Question, recode: Recode | undefined, convert: Converter): ByteConverter {
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return scaleByteConverter(q.scale!.min, q.scale!.max, recode, convert);
        case 'option':
            return choiceBytes(q, recode, convert);
        case 'options': case 'order': case 'boolean': case 'text': case 'items':
            return decoded(convert);
    }
}
