/**
 * Checks response records against their survey: resolves file columns to fields (through the
 * column mapping), converts each cell, and logs every problem. A row with a missing or repeated
 * respondent id, or with the wrong number of CSV fields, is left out whole; any other bad value is
 * left out of just the metrics that read it (it becomes INVALID).
 */
import { otherTextField, specialOption, type Survey } from '@cxspec/model';
import type { CsvBatch } from '../input/csv-byte-reader.js';
import type { RawRecord } from '../input/read-records.js';
import { mappingClash, type ColumnMapping } from '../input/mapping.js';
import { DataFileError } from '../input/data-file-error.js';
import type { DatasetRecord, DatasetTable } from './dataset-table.js';
import type { ExclusionLog } from './exclusions.js';
import { ADDED, HASHED, NO_ID, SEEN, hashIdBytes, hashIdText, type IdSink } from './id-set.js';
import { idText, show } from './preview.js';
import { EARLIEST_YEAR, isBeforeEarliestYear, parseTimestamp, parseTimestampBytes } from './timestamp.js';
import { INVALID, itemRule, questionRule, type Answer, type ByteConverter, type CellRule, type Converter, type Reporter } from './values.js';
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

/** Field f of record r of a batch, decoded. */
function cellText(batch: CsvBatch, r: number, f: number): string {
    const at = r * batch.width + f;
    return batch.bytes.toString('utf8', batch.starts[at], batch.ends[at]);
}

/** What one file column feeds: a special field, a question (index), a matrix item, or nothing. */
type Target =
    | { type: 'id' } | { type: 'time' } | { type: 'key' }
    | { type: 'answer'; index: number; rule: CellRule }
    | { type: 'check'; rule: CellRule }
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
    /**
     * Per convert column, the one-digit cells of a plain scale column that are valid answers (its
     * CellRule's scale): digit d reads as d + offset when that is in [low, high]. Checked inline,
     * they skip the converter call, the commonest cell of all; low > high (never) for other columns.
     */
    digitLow: Int32Array;
    digitHigh: Int32Array;
    digitOffset: Int32Array;
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
    /** A batch's id hashes and states (see addIds), grown to the largest batch. */
    private idLow = new Uint32Array(0);
    private idHigh = new Uint32Array(0);
    private idStates = new Uint8Array(0);

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
                    this.fields.set(name, { type: 'check', rule: itemRule(name, q.scale!.min, q.scale!.max, mapping.recode.get(name)) });
                }
            } else {
                this.fields.set(q.name, { type: 'answer', index, rule: questionRule(q, mapping.recode.get(q.name)) });
            }
            // The text typed into Other (please specify) is read as text and not scored.
            if (specialOption(q, 'specify')) this.fields.set(otherTextField(q.name), { type: 'ignored' });
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
        const clash = mappingClash(this.mapping, this.file, columns);
        if (clash) throw clash;
        const plan: ColumnPlan = {
            convertColumns: [], convertIndex: [], converters: [], byteConverters: [], unknownColumns: [], id: -1, time: -1, key: -1,
            digitLow: new Int32Array(columns.length), digitHigh: new Int32Array(columns.length).fill(-1), digitOffset: new Int32Array(columns.length)
        };
        columns.forEach((column, i) => {
            const t: Target = this.mapping.ignore.has(column) ? { type: 'ignored' }
                : this.fields.get(this.mapping.columns.get(column) ?? column) ?? { type: 'unknown' };
            switch (t.type) {
                case 'answer': case 'check':
                    plan.convertColumns.push(i);
                    plan.convertIndex.push(t.type === 'answer' ? t.index : -1);
                    plan.converters.push(t.rule.convert);
                    if (t.rule.scale) {
                        const k = plan.byteConverters.length;
                        plan.digitLow[k] = t.rule.scale.min;
                        plan.digitHigh[k] = t.rule.scale.max;
                        plan.digitOffset[k] = t.rule.scale.offset;
                    }
                    plan.byteConverters.push(t.rule.convertBytes);
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
        const out = this.begin(rec.row, values.length, columns.length);
        if (!out) return null;
        const plan = this.planOf(columns);
        const answers = out.answers;
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
        const text = idText(id);
        const idState = text === '' ? NO_ID : this.ids.add(text) ? ADDED : SEEN;
        return this.finish(out, idState, text, typeof time === 'string' && time !== '' ? parseTimestamp(time) : null, time,
            plan.key < 0 ? undefined : values[plan.key]);
    }

    /**
     * check() of each record of a byte CSV reader's batch, in order: `onRow` gets each kept row (the
     * reused object). The batch's ids go into the id table first, all in one loop.
     */
    checkBatch(batch: CsvBatch, onRow: (row: SurveyRow) => void): void {
        const plan = this.planOf(batch.columns);
        const idStates = this.addIds(batch, plan);
        for (let r = 0; r < batch.size; r++) {
            const row = this.checkBatchRecord(batch, r, plan, idStates[r]);
            if (row) onRow(row);
        }
    }

    /** Hashes the ids of the batch's well-formed records and adds them in order: ADDED, SEEN or NO_ID per record. */
    private addIds(batch: CsvBatch, plan: ColumnPlan): Uint8Array {
        const { size, width, counts, bytes, starts, ends } = batch;
        if (this.idStates.length < size) {
            this.idLow = new Uint32Array(size);
            this.idHigh = new Uint32Array(size);
            this.idStates = new Uint8Array(size);
        }
        const { idLow, idHigh, idStates } = this;
        for (let r = 0; r < size; r++) {
            idStates[r] = NO_ID;
            if (counts[r] !== width || plan.id < 0) continue;
            const at = r * width + plan.id;
            if (hashIdBytes(bytes, starts[at], ends[at], idLow, idHigh, r)) {
                idStates[r] = HASHED;
                continue;
            }
            const id = bytes.toString('utf8', starts[at], ends[at]).trim();
            if (id === '') continue;
            hashIdText(id, idLow, idHigh, r);
            idStates[r] = HASHED;
        }
        this.ids.addHashes(idLow, idHigh, idStates, size);
        return idStates;
    }

    private checkBatchRecord(batch: CsvBatch, r: number, plan: ColumnPlan, idState: number): SurveyRow | null {
        const { columns, width, bytes, starts, ends } = batch;
        const out = this.begin(batch.rows[r], batch.counts[r], width);
        if (!out) return null;
        const base = r * width;
        const answers = out.answers;
        const { convertColumns, convertIndex, byteConverters, unknownColumns, digitLow, digitHigh, digitOffset } = plan;
        for (let k = 0; k < convertColumns.length; k++) {
            const i = convertColumns[k];
            const start = starts[base + i], end = ends[base + i];
            let answer: Answer;
            const digit = bytes[start] - 48, v = digit + digitOffset[k];
            if (end - start === 1 && digit >= 0 && digit <= 9 && v >= digitLow[k] && v <= digitHigh[k]) {
                answer = v;
            } else {
                this.currentColumn = columns[i];
                answer = byteConverters[k](bytes, start, end, this.report);
            }
            if (convertIndex[k] >= 0) answers[convertIndex[k]] = answer;
        }
        for (let k = 0; k < unknownColumns.length; k++) {
            const i = unknownColumns[k];
            if (ends[base + i] > starts[base + i]) {
                this.currentColumn = columns[i];
                this.report('unknown_column', `column '${columns[i]}' is not a question of survey ${this.survey.name}; map it with --map or list it under "ignore"`);
            }
        }
        let time: number | null = null, rawTime: string | undefined;
        if (idState !== NO_ID && idState !== SEEN && plan.time >= 0) {
            // The canonical form is read from the bytes; any other is decoded and parsed as text.
            const fast = parseTimestampBytes(bytes, starts[base + plan.time], ends[base + plan.time]);
            rawTime = fast === undefined || fast === null ? cellText(batch, r, plan.time) : undefined;
            time = fast !== undefined ? fast : rawTime !== '' ? parseTimestamp(rawTime!) : null;
        }
        return this.finish(out, idState, idState === SEEN ? cellText(batch, r, plan.id).trim() : '', time, rawTime,
            plan.key < 0 || idState === NO_ID || idState === SEEN ? undefined : cellText(batch, r, plan.key));
    }

    /**
     * The start of every row's check, text or bytes: a row with the wrong number of fields is left
     * out whole; else the reused row object, its answers cleared.
     */
    private begin(row: number, count: number, width: number): SurveyRow | null {
        this.currentRow = row;
        if (count !== width) {
            this.currentColumn = '(row)';
            this.report('malformed_row', `row has ${count} fields but the header has ${width}`);
            return null;
        }
        const out = this.out;
        out.row = row;
        // A loop, not fill(): fill took ~10% of the row check on a million rows.
        const answers = out.answers;
        for (let q = 0; q < answers.length; q++) answers[q] = undefined;
        return out;
    }

    /**
     * The end of every row's check, text or bytes, once its answers are converted: the id (NO_ID,
     * SEEN or ADDED in the id table; `idText` is needed for SEEN's message), then the time (`rawTime`
     * is the cell, for the message) and the join.
     */
    private finish(out: SurveyRow, idState: number, idText: string, time: number | null, rawTime: unknown, key: unknown): SurveyRow | null {
        if (idState === NO_ID) return this.missingId();
        if (idState === SEEN) return this.duplicateId(idText);
        out.time = this.timeOf(time, rawTime);
        out.joined = this.join(key);
        return out;
    }

    private missingId(): null {
        this.currentColumn = ID;
        this.report('missing_id', `row has no ${ID}; it is left out`);
        return null;
    }

    private duplicateId(idText: string): null {
        this.currentColumn = ID;
        this.report('duplicate_id', `${ID} ${show(idText)} appears again; the later row is left out`);
        return null;
    }

    /** The row's time; when null, the row is reported as left out of period breakdowns (`raw` is the cell). */
    private timeOf(time: number | null, raw: unknown): number | null {
        if (time === null) {
            this.currentColumn = TIME;
            this.report('bad_timestamp', raw === undefined || raw === null || raw === ''
                ? `row has no ${TIME}; it is left out of period breakdowns`
                : typeof raw === 'string' && isBeforeEarliestYear(raw)
                    ? `${TIME} ${show(raw)} is before ${EARLIEST_YEAR}, most likely a data error; the row is left out of period breakdowns`
                    : `${TIME} ${show(raw)} is not an ISO 8601 date-time; the row is left out of period breakdowns`);
        }
        return time;
    }

    private join(key: unknown): DatasetRecord | null | typeof INVALID {
        if (!this.keyName || !this.dataset) return null;
        this.currentColumn = this.keyName;
        const text = idText(key);
        if (text === '') {
            this.report('missing_key', `row has no ${this.keyName}; it is left out of metrics and segments that read ${this.dataset.dataset.name}`);
            return INVALID;
        }
        const record = this.dataset.byKey.get(text);
        if (!record) {
            this.report('unknown_key', `${this.keyName} ${show(text)} is not in ${this.dataset.file}; the row is left out of metrics and segments that read ${this.dataset.dataset.name}`);
            return INVALID;
        }
        return record;
    }
}
