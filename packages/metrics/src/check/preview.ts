/**
 * How exclusion messages quote a cell. Messages go to stderr and into the JSON report, so a value
 * is quoted by a bounded preview: a 10 MB cell echoed whole would flood both, and JSON.stringify
 * of a value nested a few thousand levels deep overflows the stack.
 */

/** Characters of a value quoted at most. */
const PREVIEW_CHARS = 60;
/** Levels of a nested JSON value shown before `…`. */
const PREVIEW_DEPTH = 3;

/**
 * A cell as a message quotes it: text in single quotes, a number or boolean as written, an array
 * or object by its type and a short preview; the whole value only when it is short.
 */
export function show(raw: unknown): string {
    if (typeof raw === 'string') return raw.length <= PREVIEW_CHARS ? `'${raw}'` : `'${head(raw)}…' (${raw.length} characters)`;
    // JSON.parse reads a number beyond the range of a double (1e309) as Infinity.
    if (typeof raw === 'number' && !Number.isFinite(raw)) return `a number too large to represent (${raw})`;
    if (Array.isArray(raw)) return `an array ${preview(raw)}`;
    if (raw !== null && typeof raw === 'object') return `an object ${preview(raw)}`;
    return String(raw);
}

/** Text cut to the preview length, never inside a surrogate pair. */
function head(text: string): string {
    const cut = text.slice(0, PREVIEW_CHARS);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** JSON text of a value, at most PREVIEW_DEPTH levels and about PREVIEW_CHARS characters. */
function preview(value: unknown): string {
    const text = json(value, PREVIEW_DEPTH);
    return text.length <= PREVIEW_CHARS ? text : `${head(text)}…`;
}

function json(value: unknown, depth: number): string {
    if (value === null || typeof value !== 'object') {
        if (typeof value === 'string') return JSON.stringify(value.length <= PREVIEW_CHARS ? value : `${head(value)}…`);
        return typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'null';
    }
    if (depth === 0) return Array.isArray(value) ? '[…]' : '{…}';
    const parts: string[] = [];
    let length = 0;
    const record = value as Record<string, unknown>;
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    for (let i = 0; i < count; i++) {
        if (length > PREVIEW_CHARS) {
            parts.push('…');
            break;
        }
        const key = keys?.[i];
        const part = key === undefined ? json((value as unknown[])[i], depth - 1)
            : `${JSON.stringify(key.length <= PREVIEW_CHARS ? key : `${head(key)}…`)}:${json(record[key], depth - 1)}`;
        parts.push(part);
        length += part.length + 1;
    }
    return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/**
 * The text of an id or key cell: a JSON array or object (never a valid id) reads as its preview,
 * since String() of one nested a few thousand levels deep overflows the stack.
 */
export function idText(raw: unknown): string {
    if (raw === undefined || raw === null) return '';
    return (typeof raw === 'object' ? show(raw) : String(raw)).trim();
}
