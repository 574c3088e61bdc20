/** RFC 4180 CSV: the records of a text with the line each starts on, and quoting for output. */

export interface CsvRecord {
    /** 1-based line of the record's first character (the header is line 1). */
    line: number;
    fields: string[];
}

/**
 * Splits CSV text into records. Quoted fields may hold commas, quotes (`""`) and line breaks;
 * CRLF and LF both end a record; a blank line is no record. An unclosed quote is reported by
 * `unclosedQuoteLine` rather than thrown, so the caller names it with the file.
 */
export function parseCsv(text: string): { records: CsvRecord[]; unclosedQuoteLine?: number } {
    const records: CsvRecord[] = [];
    let fields: string[] = [];
    let field = '';
    let line = 1;
    let recordLine = 1;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const n = text.length;
    const endRecord = () => {
        fields.push(field);
        if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
        fields = [];
        field = '';
    };
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */ && field === '') {
            const start = line;
            i++;
            let closed = false;
            while (i < n) {
                const q = text.charCodeAt(i);
                if (q === 34) {
                    if (text.charCodeAt(i + 1) === 34) { field += '"'; i += 2; continue; }
                    i++;
                    closed = true;
                    break;
                }
                if (q === 10) line++;
                // A slice per run of plain characters, not a concatenation per character.
                let j = i + 1;
                while (j < n) {
                    const r = text.charCodeAt(j);
                    if (r === 34 || r === 10) break;
                    j++;
                }
                field += text.slice(i, j);
                i = j;
            }
            if (!closed) return { records, unclosedQuoteLine: start };
            continue;
        }
        if (c === 44 /* , */) { fields.push(field); field = ''; i++; continue; }
        if (c === 10 || c === 13) {
            endRecord();
            if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
            i++;
            line++;
            recordLine = line;
            continue;
        }
        let j = i + 1;
        while (j < n) {
            const r = text.charCodeAt(j);
            if (r === 44 || r === 10 || r === 13) break;
            j++;
        }
        field += text.slice(i, j);
        i = j;
    }
    if (field !== '' || fields.length > 0) endRecord();
    return { records };
}

/** One CSV field, quoted only when it must be. */
export function csvField(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
