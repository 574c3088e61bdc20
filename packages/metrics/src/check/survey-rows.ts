/**
 * Checks response records against their survey: resolves file columns to fields (through the
 * column mapping), converts each cell, and logs every problem. A row with a missing or repeated
 * respondent id, or with the wrong number of CSV fields, is left out whole; any other bad value is
 * left out of just the metrics that read it (it becomes INVALID).
 */
import type { Survey } from '@cxspec/language';
import type { CsvFields } from '../input/csv-byte-reader.js';
import type { RawRecord } from '../input/read-records.js';
import type { ColumnMapping } from '../input/mapping.js';
import { DataFileError } from '../input/data-file-error.js';
import type { DatasetRecord, DatasetTable } from './dataset-table.js';
import type { ExclusionLog } from './exclusions.js';
import type { IdSink } from './id-set.js';
import { parseTimestamp, parseTimestampBytes } from './timestamp.js';
import {
    INVALID, questionByteConverter, questionConverter, scaleByteConverter, scaleConverter,
    type Answer, type ByteConverter, type Converter, type Reporter
} from './values.js';
import type { ExclusionReason } from '../result.js';

export interface SurveyRow {
    row: number;
    /** Submission time (epoch ms), null when missing or unreadable. */
    time: number | null;
    /** Answers by question index of the survey (matrix questions stay undefined). */
    answers: Answer[];
    /** The joined dataset record; INVALID when the key is missing or unknown; null when nothing is joined. */
    joined: DatasetRecord | null | typeof INVALID;
}

const ID = 'respondent_id', TIME = 'submitted_at';

/** What one file column feeds: a special field, a question (index), a matrix item, or nothing. */
type Target =
    | { type: 'id' } | { type: 'time' } | { type: 'key' }
    | { type: 'answer'; index: number; convert: Converter; convertBytes: ByteConverter }
    | { type: 'check'; convert: Converter; convertBytes: ByteConverter }
    | { type: 'unknown' } | { type: 'ignored' };

/**
 * What a header's columns feed, grouped by kind (each group in column order), so checking a row
 * visits only the columns that convert and reads the special ones by index.
 */
interface ColumnPlan {
    /** Columns that convert (answers and matrix items): column index, question index (-1 for an item), converter. */
    convertColumns: number[];
    convertIndex: number[];
    converters: Converter[];
    byteConverters: ByteConverter[];
    unknownColumns: number[];
    /** Index of the id, time and key column (the last one when a mapping names several), -1 when absent. */
    id: number;
    time: number;
    key: number;
}

export class SurveyRowChecker {
    private readonly fields = new Map<string, Target>();
    private readonly keyName: string | null;
    private cachedColumns: string[] | null = null;
    private cachedPlan: ColumnPlan | null = null;
    private currentRow = 0;
    private currentColumn = '';
    private readonly report: Reporter;
    /** The row just checked, reused so checking a million rows allocates no row objects. */
    private readonly out: SurveyRow;

    /**
     * `joinKey` is the key column of the dataset the survey joins (null when it joins none);
     * `dataset` is that dataset's table when its file was given; `ids` is shared by all files of
     * the survey, so a response repeated in a second file is caught too.
     */
    constructor(readonly survey: Survey, joinKey: string | null, private readonly dataset: DatasetTable | null,
        private readonly mapping: ColumnMapping, private readonly file: string, private readonly log: ExclusionLog,
        private readonly ids: IdSink) {
        this.keyName = joinKey;
        this.fields.set(ID, { type: 'id' });
        this.fields.set(TIME, { type: 'time' });
        if (this.keyName) this.fields.set(this.keyName, { type: 'key' });
        survey.questions.forEach((q, index) => {
            if (q.kind === 'matrix') {
                for (const item of q.items) {
                    const name = `${q.name}.${item.id}`;
                    const recode = mapping.recode.get(name);
                    const convert = scaleConverter(name, q.scale!.min, q.scale!.max, recode);
                    this.fields.set(name, { type: 'check', convert, convertBytes: scaleByteConverter(q.scale!.min, q.scale!.max, recode, convert) });
                }
            } else {
                const recode = mapping.recode.get(q.name);
                const convert = questionConverter(q, recode);
                this.fields.set(q.name, { type: 'answer', index, convert, convertBytes: questionByteConverter(q, recode, convert) });
            }
        });
        for (const [column, field] of mapping.columns) {
            if (!this.fields.has(field)) {
                throw new DataFileError(mapping.file, 1, 1, `columns.${column}: '${field}' is not a field of survey ${survey.name} (its questions, ${ID}, ${TIME}${this.keyName ? `, ${this.keyName}` : ''})`);
            }
        }
        for (const field of mapping.recode.keys()) {
            const target = this.fields.get(field);
            if (!target || (target.type !== 'answer' && target.type !== 'check')) {
                throw new DataFileError(mapping.file, 1, 1, `recode.${field}: '${field}' is not a question of survey ${survey.name}`);
            }
        }
        this.report = (reason: ExclusionReason, message: string) => this.log.add(this.file, reason, this.currentColumn, this.currentRow, message);
        this.out = { row: 0, time: null, answers: new Array(survey.questions.length), joined: null };
    }

    /** A CSV header must name the id and time columns; without them every row would be unusable. */
    checkHeader(columns: string[]): void {
        const plan = this.planOf(columns);
        for (const [name, index] of [[ID, plan.id], [TIME, plan.time]] as const) {
            if (index < 0) throw new DataFileError(this.file, 1, 1, `the header has no '${name}' column; add it or map one with --map`);
        }
    }

    private planOf(columns: string[]): ColumnPlan {
        if (columns === this.cachedColumns) return this.cachedPlan!;
        const plan: ColumnPlan = { convertColumns: [], convertIndex: [], converters: [], byteConverters: [], unknownColumns: [], id: -1, time: -1, key: -1 };
        columns.forEach((column, i) => {
            const t: Target = this.mapping.ignore.has(column) ? { type: 'ignored' }
                : this.fields.get(this.mapping.columns.get(column) ?? column) ?? { type: 'unknown' };
            switch (t.type) {
                case 'answer': case 'check':
                    plan.convertColumns.push(i);
                    plan.convertIndex.push(t.type === 'answer' ? t.index : -1);
                    plan.converters.push(t.convert);
                    plan.byteConverters.push(t.convertBytes);
                    break;
                case 'unknown': plan.unknownColumns.push(i); break;
                case 'id': plan.id = i; break;
                case 'time': plan.time = i; break;
                case 'key': plan.key = i; break;
                case 'ignored': break;
            }
        });
        this.cachedColumns = columns;
        this.cachedPlan = plan;
        return plan;
    }

    /** The checked row, or null when the whole row is left out. The returned object is reused. */
    check(rec: RawRecord): SurveyRow | null {
        const { columns, values } = rec;
        this.currentRow = rec.row;
        if (values.length !== columns.length) {
            this.currentColumn = '(row)';
            this.report('malformed_row', `row has ${values.length} fields but the header has ${columns.length}`);
            return null;
        }
        const plan = this.planOf(columns);
        const out = this.out;
        out.row = rec.row;
        // A loop, not fill(): fill took ~10% of the row check on a million rows.
        const answers = out.answers;
        for (let q = 0; q < answers.length; q++) answers[q] = undefined;
        const { convertColumns, convertIndex, converters, unknownColumns } = plan;
        for (let k = 0; k < convertColumns.length; k++) {
            const i = convertColumns[k];
            this.currentColumn = columns[i];
            const answer = converters[k](values[i], this.report);
            if (convertIndex[k] >= 0) answers[convertIndex[k]] = answer;
        }
        for (let k = 0; k < unknownColumns.length; k++) {
            const i = unknownColumns[k];
            const raw = values[i];
            if (raw !== '' && raw !== null && raw !== undefined) {
                this.currentColumn = columns[i];
                this.report('unknown_column', `column '${columns[i]}' is not a question of survey ${this.survey.name}; map it with --map or list it under "ignore"`);
            }
        }
        const id = plan.id < 0 ? undefined : values[plan.id];
        const time = plan.time < 0 ? undefined : values[plan.time];
        const key = plan.key < 0 ? undefined : values[plan.key];
        const idText = id === undefined || id === null ? '' : String(id).trim();
        if (idText === '') return this.missingId();
        if (!this.ids.add(idText)) return this.duplicateId(idText);
        out.time = this.timeOf(typeof time === 'string' && time !== '' ? parseTimestamp(time) : null, time);
        out.joined = this.join(key);
        return out;
    }

    /** check() of a record the byte CSV reader cut: the same row, exclusions and messages. */
    checkFields(rec: CsvFields): SurveyRow | null {
        const { columns, bytes, starts, ends, count } = rec;
        this.currentRow = rec.row;
        if (count !== columns.length) {
            this.currentColumn = '(row)';
            this.report('malformed_row', `row has ${count} fields but the header has ${columns.length}`);
            return null;
        }
        const plan = this.planOf(columns);
        const out = this.out;
        out.row = rec.row;
        const answers = out.answers;
        for (let q = 0; q < answers.length; q++) answers[q] = undefined;
        const { convertColumns, convertIndex, byteConverters, unknownColumns } = plan;
        for (let k = 0; k < convertColumns.length; k++) {
            const i = convertColumns[k];
            this.currentColumn = columns[i];
            const answer = byteConverters[k](bytes, starts[i], ends[i], this.report);
            if (convertIndex[k] >= 0) answers[convertIndex[k]] = answer;
        }
        for (let k = 0; k < unknownColumns.length; k++) {
            const i = unknownColumns[k];
            if (ends[i] > starts[i]) {
                this.currentColumn = columns[i];
                this.report('unknown_column', `column '${columns[i]}' is not a question of survey ${this.survey.name}; map it with --map or list it under "ignore"`);
            }
        }
        const text = (i: number) => bytes.toString('utf8', starts[i], ends[i]);
        if (plan.id < 0) return this.missingId();
        let added = this.ids.addBytes(bytes, starts[plan.id], ends[plan.id]);
        if (added === null) {
            const idText = text(plan.id).trim();
            if (idText === '') return this.missingId();
            added = this.ids.add(idText);
        }
        if (!added) return this.duplicateId(text(plan.id).trim());
        if (plan.time < 0) {
            out.time = this.timeOf(null, undefined);
        } else {
            const fast = parseTimestampBytes(bytes, starts[plan.time], ends[plan.time]);
            if (fast !== undefined) {
                out.time = this.timeOf(fast, fast === null ? text(plan.time) : undefined);
            } else {
                const time = text(plan.time);
                out.time = this.timeOf(time !== '' ? parseTimestamp(time) : null, time);
            }
        }
        out.joined = this.join(plan.key < 0 ? undefined : text(plan.key));
        return out;
    }

    private missingId(): null {
        this.currentColumn = ID;
        this.report('missing_id', `row has no ${ID}; it is left out`);
        return null;
    }

    private duplicateId(idText: string): null {
        this.currentColumn = ID;
        this.report('duplicate_id', `${ID} '${idText}' appears again; the later row is left out`);
        return null;
    }

    /** The row's time; when null, the row is reported as left out of period breakdowns (`raw` is the cell). */
    private timeOf(time: number | null, raw: unknown): number | null {
        if (time === null) {
            this.currentColumn = TIME;
            this.report('bad_timestamp', raw === undefined || raw === null || raw === ''
                ? `row has no ${TIME}; it is left out of period breakdowns`
                : `${TIME} ${JSON.stringify(raw)} is not an ISO 8601 date-time; the row is left out of period breakdowns`);
        }
        return time;
    }

    private join(key: unknown): DatasetRecord | null | typeof INVALID {
        if (!this.keyName || !this.dataset) return null;
        this.currentColumn = this.keyName;
        const text = key === undefined || key === null ? '' : String(key).trim();
        if (text === '') {
            this.report('missing_key', `row has no ${this.keyName}; it is left out of metrics and segments that read ${this.dataset.dataset.name}`);
            return INVALID;
        }
        const record = this.dataset.byKey.get(text);
        if (!record) {
            this.report('unknown_key', `${this.keyName} '${text}' is not in ${this.dataset.file}; the row is left out of metrics and segments that read ${this.dataset.dataset.name}`);
            return INVALID;
        }
        return record;
    }
}
