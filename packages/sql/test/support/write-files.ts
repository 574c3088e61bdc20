/** Writes generated rows as the CSV files `cxspec score` reads (docs/response-format.md). */
import fs from 'node:fs';
import path from 'node:path';
import type { CxModel } from '@cxspec/model';
import type { Cell, SpecData } from '../../src/load-duckdb.js';
import { datasetColumns, surveyColumns, type ColumnDef } from '../../src/tables.js';

export interface WrittenFiles {
    responses: Array<{ survey: string; file: string }>;
    datasets: Array<{ dataset: string; file: string }>;
}

export function writeCsvFiles(model: CxModel, data: SpecData, dir: string): WrittenFiles {
    const out: WrittenFiles = { responses: [], datasets: [] };
    for (const survey of model.surveys) {
        const file = path.join(dir, `${survey.name}.csv`);
        fs.writeFileSync(file, csv(surveyColumns(survey, model), data.surveys[survey.name] ?? []));
        out.responses.push({ survey: survey.name, file });
    }
    for (const dataset of model.datasets) {
        const file = path.join(dir, `${dataset.name}.csv`);
        fs.writeFileSync(file, csv(datasetColumns(dataset), data.datasets[dataset.name] ?? []));
        out.datasets.push({ dataset: dataset.name, file });
    }
    return out;
}

function csv(columns: ColumnDef[], rows: Array<Record<string, Cell>>): string {
    const lines = [columns.map(c => field(c.name)).join(',')];
    for (const row of rows) lines.push(columns.map(c => field(cell(c, row[c.name] ?? null))).join(','));
    return lines.join('\n') + '\n';
}

function cell(column: ColumnDef, value: Cell): string {
    if (value === null) return '';
    if (column.type === 'timestamp') return new Date(value as number).toISOString();
    if (Array.isArray(value)) return value.join(';');
    return String(value);
}

function field(text: string): string {
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
