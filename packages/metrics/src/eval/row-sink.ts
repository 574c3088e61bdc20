/**
 * The seam between reading and computing: the row checker hands each checked row to a RowSink.
 * The accumulators of a survey are one sink; a RowObserver lets another consumer (the DuckDB
 * engine's table loader) see the same checked rows and datasets in the same read.
 */
import type { Survey } from '@cxspec/model';
import type { DatasetTable } from '../check/dataset-table.js';
import type { SurveyRow } from '../check/survey-rows.js';

export interface RowSink {
    /** Takes a checked row (an object reused for the next row); true when it counted in a result. */
    add(row: SurveyRow): boolean;
}

export interface RowObserver {
    /** A dataset's checked table, once it is loaded (before any response file is read). */
    dataset(table: DatasetTable): Promise<void>;
    /** The sink for one survey's checked rows, all its files in order; closed after the last. */
    survey(survey: Survey): Promise<RowSink & { close(): Promise<void> }>;
}

/** Both sinks get every row; the first one's answer counts (the accumulators say what was used). */
export function teeSink(first: RowSink, second: RowSink): RowSink {
    return {
        add: row => {
            const counted = first.add(row);
            second.add(row);
            return counted;
        }
    };
}
