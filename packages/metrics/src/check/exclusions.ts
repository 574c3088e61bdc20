/**
 * The log of every value or row left out of the metrics, counted by file, reason and column, with
 * the first few row numbers and the first message, so nothing is dropped silently.
 */
import type { Exclusion, ExclusionReason } from '../result.js';

/** Rows listed per file, reason and column; the count covers them all. */
export const ROWS_LISTED = 5;

const REASON_ORDER: ExclusionReason[] = ['malformed_row', 'missing_id', 'duplicate_id', 'unknown_column', 'wrong_type',
    'out_of_range', 'unknown_value', 'bad_timestamp', 'missing_key', 'unknown_key'];

export class ExclusionLog {
    private readonly entries = new Map<string, Exclusion>();
    private readonly fileOrder: string[] = [];

    /** Files are listed in the order they are registered (reading order). */
    registerFile(file: string): void {
        if (!this.fileOrder.includes(file)) this.fileOrder.push(file);
    }

    add(file: string, reason: ExclusionReason, column: string, row: number, message: string): void {
        const id = `${file}\u0000${reason}\u0000${column}`;
        const entry = this.entries.get(id);
        if (entry) {
            entry.count++;
            if (entry.rows.length < ROWS_LISTED) entry.rows.push(row);
            return;
        }
        this.registerFile(file);
        this.entries.set(id, { file, reason, column, count: 1, rows: [row], message });
    }

    /**
     * Adds the entries of rows read after this log's rows (a worker thread's half of a file), their
     * row numbers moved on by `rowOffset`: counts add up and the first rows listed stay first.
     */
    merge(entries: Exclusion[], rowOffset: number): void {
        for (const e of entries) {
            const id = `${e.file}\u0000${e.reason}\u0000${e.column}`;
            const rows = e.rows.map(r => r + rowOffset);
            const entry = this.entries.get(id);
            if (entry) {
                entry.count += e.count;
                entry.rows.push(...rows.slice(0, ROWS_LISTED - entry.rows.length));
            } else {
                this.registerFile(e.file);
                this.entries.set(id, { ...e, rows });
            }
        }
    }

    get size(): number {
        return this.entries.size;
    }

    /** Ordered by file (in reading order), reason (in the order above), then column. */
    list(): Exclusion[] {
        return [...this.entries.values()].sort((a, b) =>
            this.fileOrder.indexOf(a.file) - this.fileOrder.indexOf(b.file)
            || REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason)
            || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
    }
}
