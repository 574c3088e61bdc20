/**
 * Conversion of raw cells (CSV text or JSON values) into typed answers, checked against the
 * question: integers inside the scale, option ids of the question, booleans, text. A cell that
 * fails becomes INVALID and the reason goes to the reporter; an empty cell is "not answered".
 */
import { NUMERIC_KINDS, questionKind, specialOption, textPatterns, type Question } from '@cxspec/model';
import type { ExclusionReason } from '../result.js';
import type { Recode } from '../input/mapping.js';
import { show } from './preview.js';

export const INVALID: unique symbol = Symbol('invalid');
export type Answer = number | string | boolean | string[] | undefined | typeof INVALID;

/** Whether a checked value failed its check (it is left out of what reads it). */
export function isInvalid(value: unknown): value is typeof INVALID {
    return value === INVALID;
}

export type Reporter = (reason: ExclusionReason, message: string) => void;
export type Converter = (raw: unknown, report: Reporter) => Answer;

function isEmpty(raw: unknown): boolean {
    return raw === undefined || raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * A number as every format writes it (docs/response-format.md, "Numbers"): a JSON number, or text
 * (a CSV cell, a JSON string) that is a decimal number once the whitespace around it is trimmed:
 * `7`, ` 7`, a tab and `7`, `+7`, `7.0`, `7e0`. One rule, so the same value reads the same in CSV,
 * NDJSON and JSON (JSON cannot tell `7.0` from `7`, so neither does CSV). Null when it is none.
 */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function numberOf(raw: unknown): number | null {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
    if (typeof raw !== 'string') return null;
    const text = raw.trim();
    if (!NUMBER_TEXT.test(text)) return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
}

/** A whole number by numberOf's rule, or null; plain digits (what almost every CSV cell is) take a loop. */
export function parseInteger(raw: unknown): number | null {
    if (typeof raw === 'string' && raw.length > 0 && raw.length <= 15) {
        let v = 0, i = 0;
        for (; i < raw.length; i++) {
            const c = raw.charCodeAt(i) - 48;
            if (c < 0 || c > 9) break;
            v = v * 10 + c;
        }
        if (i === raw.length) return v;
    }
    const n = numberOf(raw);
    return n !== null && Number.isSafeInteger(n) ? n : null;
}

function recodeValue(raw: unknown, recode: Recode | undefined): unknown {
    // An array or object is never a code (and String() of a deeply nested one overflows the stack).
    if (!recode?.values || (raw !== null && typeof raw === 'object')) return raw;
    const hit = recode.values.get(typeof raw === 'string' ? raw.trim() : String(raw));
    return hit === undefined ? raw : hit;
}

/**
 * What a scale column accepts: a whole number (numberOf's rule) that, plus `offset`, lies in
 * [min, max]; `plain` when no recoded values stand between the cell and its number. The text
 * converter, the byte converter and the checker's one-digit window all read this one object.
 */
export interface ScaleRule {
    min: number;
    max: number;
    offset: number;
    plain: boolean;
}

export function scaleRule(min: number, max: number, recode?: Recode): ScaleRule {
    return { min, max, offset: recode?.offset ?? 0, plain: !recode?.values };
}

/** Converter of a number on a scale (nps, csat, ces, rating, one matrix item). */
function scaleConverter(label: string, rule: ScaleRule, recode?: Recode): Converter {
    const { min, max, offset, plain } = rule;
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

/** Converter of a number question: any number (numberOf's rule), whole if declared so, within its bounds. */
function numberConverter(q: Question, recode?: Recode): Converter {
    const { min, max, integer } = q.number!;
    const offset = recode?.offset ?? 0;
    const bounds = min !== null && max !== null ? ` from ${min} to ${max}` : min !== null ? ` of at least ${min}` : max !== null ? ` of at most ${max}` : '';
    return (raw, report) => {
        if (isEmpty(raw)) return undefined;
        const n = numberOf(recodeValue(raw, recode));
        if (n === null || (integer && !Number.isSafeInteger(n))) {
            report('wrong_type', `${q.name} expects ${integer ? 'a whole number' : 'a number'}${bounds}, got ${show(raw)}`);
            return INVALID;
        }
        const v = n + offset;
        if ((min !== null && v < min) || (max !== null && v > max)) {
            report('out_of_range', `${q.name} expects a number${bounds}, got ${show(raw)}${offset ? ` (${v} after offset ${offset})` : ''}`);
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
    const exclusive = specialOption(q, 'exclusive')?.id;
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
        if (out.length === 0) return undefined;
        // Answers SurveyJS cannot record: None of these with other options, or a count outside `select`.
        if (exclusive !== undefined && out.length > 1 && out.includes(exclusive)) {
            report('out_of_range', `${q.name} holds '${exclusive}' (None of these) with other options in ${show(raw)}; a respondent gives it alone`);
            return INVALID;
        }
        const bounds = q.select;
        if (bounds && !(exclusive !== undefined && out.length === 1 && out[0] === exclusive)
            && ((bounds.min !== null && out.length < bounds.min) || (bounds.max !== null && out.length > bounds.max))) {
            report('out_of_range', `${q.name} holds ${out.length} options in ${show(raw)}; the survey asks for ${bounds.min ?? 0} to ${bounds.max ?? q.options.length}`);
            return INVALID;
        }
        return out;
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
    const plain = (raw: unknown, report: Reporter): Answer => {
        if (isEmpty(raw)) return undefined;
        if (typeof raw === 'string') return raw;
        if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
        report('wrong_type', `${q.name} expects text, got ${show(raw)}`);
        return INVALID;
    };
    const rules = q.textRules;
    if (!rules) return plain;
    // The survey refuses these answers, so a row holding one did not come from it.
    const patterns = textPatterns(q).map(p => new RegExp(p, 'u'));
    const what = [rules.format === 'email' ? 'an e-mail address' : rules.format === 'digits' ? 'digits only' : '', rules.pattern !== null ? `text matching ${rules.pattern}` : '']
        .filter(Boolean).join(' and ');
    return (raw, report) => {
        const text = plain(raw, report);
        if (typeof text !== 'string') return text;
        // Length in code points, as JSON Schema's maxLength counts (a browser's maxlength counts UTF-16
        // units, which differ only for characters outside the BMP such as emoji).
        if (rules.maxLength !== null && [...text].length > rules.maxLength) {
            report('out_of_range', `${q.name} is at most ${rules.maxLength} characters, got ${[...text].length}`);
            return INVALID;
        }
        if (patterns.some(p => !p.test(text))) {
            report('wrong_type', `${q.name} expects ${what}, got ${show(raw)}`);
            return INVALID;
        }
        return text;
    };
}

/** The converter of a question's single column; matrix questions have one per item instead. */
function questionConverter(q: Question, recode?: Recode): Converter {
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return scaleConverter(q.name, scaleRule(q.scale!.min, q.scale!.max, recode), recode);
        case 'number':
            return numberConverter(q, recode);
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
function scaleByteConverter(rule: ScaleRule, convert: Converter): ByteConverter {
    if (!rule.plain) return decoded(convert);
    const { min, max, offset } = rule;
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
function questionByteConverter(q: Question, recode: Recode | undefined, convert: Converter): ByteConverter {
    switch (questionKind(q.kind).answer) {
        case 'scale':
            return scaleByteConverter(scaleRule(q.scale!.min, q.scale!.max, recode), convert);
        case 'option':
            return choiceBytes(q, recode, convert);
        case 'number': case 'options': case 'order': case 'boolean': case 'text': case 'items':
            return decoded(convert);
    }
}

/**
 * How one column's cells are judged, whichever reader cut them. `convert` is the rule: it judges
 * and words every cell (CSV text or a JSON value). `convertBytes` and `scale` (for the checker's
 * inline one-digit test) are the byte reader's fast paths, built here from the same scale or option
 * list: they decide only cells that `convert` would accept as they stand, and hand it every other.
 */
export interface CellRule {
    convert: Converter;
    convertBytes: ByteConverter;
    /** The scale of a plain scale column (no recoded values), null for any other column. */
    scale: ScaleRule | null;
}

/** The rule of a question's single column (matrix questions have one per item: itemRule). */
export function questionRule(q: Question, recode?: Recode): CellRule {
    const convert = questionConverter(q, recode);
    const scale = q.scale && NUMERIC_KINDS.has(q.kind) ? scaleRule(q.scale.min, q.scale.max, recode) : null;
    return { convert, convertBytes: questionByteConverter(q, recode, convert), scale: scale?.plain ? scale : null };
}

/** The rule of one matrix item's column (`label` is `<question>.<item>`). */
export function itemRule(label: string, min: number, max: number, recode?: Recode): CellRule {
    const scale = scaleRule(min, max, recode);
    const convert = scaleConverter(label, scale, recode);
    return { convert, convertBytes: scaleByteConverter(scale, convert), scale: scale.plain ? scale : null };
}
