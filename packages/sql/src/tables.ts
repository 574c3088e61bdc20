/**
 * The warehouse layout the generated SQL reads: one table per survey (`responses_<Survey>`) and one
 * per dataset (`dataset_<Dataset>`), with the columns of docs/response-format.md. Names can be
 * overridden per survey or dataset, and qualified with a schema.
 */
import { questionKind, type CxModel, type Dataset, type Survey } from '@cxspec/model';
import { quoteIdent, type Dialect } from './dialect.js';

export interface TableNames {
    /** Survey name to table name; `schema.table` is split at the first dot. */
    surveys?: Record<string, string>;
    /** Dataset name to table name. */
    datasets?: Record<string, string>;
    /** Schema for every table not given as `schema.table`. */
    schema?: string;
}

export type ColumnType = keyof Dialect['types'];

/**
 * Suffix of the BOOLEAN column that marks a value the native row checks rejected, present only
 * when tables are created with flags (the DuckDB engine): such a value cannot be judged, which is
 * not the same as unanswered. `!` cannot occur in a spec name, so no flag collides with a column.
 */
export const INVALID_SUFFIX = '!invalid';

export interface ColumnDef {
    name: string;
    type: ColumnType;
}

export function surveyTableName(survey: string, names: TableNames = {}): string {
    return qualified(names.surveys?.[survey] ?? `responses_${survey}`, names.schema);
}

export function datasetTableName(dataset: string, names: TableNames = {}): string {
    return qualified(names.datasets?.[dataset] ?? `dataset_${dataset}`, names.schema);
}

function qualified(name: string, schema: string | undefined): string {
    const dot = name.indexOf('.');
    if (dot > 0) return `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`;
    return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

/** Columns of a survey's response table: id, timestamp, the joined dataset's key, one per answer. */
export function surveyColumns(survey: Survey, model: CxModel, flags = false): ColumnDef[] {
    const columns: ColumnDef[] = [{ name: 'respondent_id', type: 'text' }, { name: 'submitted_at', type: 'timestamp' }];
    const joined = survey.joins ? model.datasets.find(d => d.name === survey.joins) : undefined;
    if (joined) columns.push({ name: joined.key, type: 'text' });
    for (const q of survey.questions) {
        const answer = questionKind(q.kind).answer;
        switch (answer) {
            case 'scale':
                columns.push({ name: q.name, type: 'integer' });
                break;
            case 'number':
                columns.push({ name: q.name, type: q.number!.integer ? 'integer' : 'double' });
                break;
            case 'items':
                for (const item of q.items) columns.push({ name: `${q.name}.${item.id}`, type: 'integer' });
                break;
            case 'options': case 'order':
                columns.push({ name: q.name, type: 'textList' });
                break;
            case 'boolean':
                columns.push({ name: q.name, type: 'bool' });
                break;
            case 'option': case 'text':
                columns.push({ name: q.name, type: 'text' });
                break;
        }
        if (flags && answer !== 'items') columns.push({ name: q.name + INVALID_SUFFIX, type: 'bool' });
    }
    return columns;
}

/** Columns of a dataset's table: the key (text) first, then the declared columns. */
export function datasetColumns(dataset: Dataset, flags = false): ColumnDef[] {
    const columns: ColumnDef[] = [{ name: dataset.key, type: 'text' }];
    for (const c of dataset.columns) {
        if (c.name === dataset.key) continue;
        const type: ColumnType = c.type === 'number' ? 'double' : c.type === 'date' ? 'date' : c.type === 'boolean' ? 'bool' : 'text';
        columns.push({ name: c.name, type });
        if (flags) columns.push({ name: c.name + INVALID_SUFFIX, type: 'bool' });
    }
    return columns;
}

/** CREATE TABLE statements for every survey and dataset of the spec, in spec order. */
export function createTablesSql(model: CxModel, dialect: Dialect, names: TableNames = {}, flags = false): string {
    const create = (table: string, columns: ColumnDef[]) =>
        `CREATE TABLE ${table} (\n${columns.map(c => `    ${quoteIdent(c.name)} ${dialect.types[c.type]}`).join(',\n')}\n);\n`;
    return [
        ...model.surveys.map(s => create(surveyTableName(s.name, names), surveyColumns(s, model, flags))),
        ...model.datasets.map(d => create(datasetTableName(d.name, names), datasetColumns(d, flags)))
    ].join('\n');
}
