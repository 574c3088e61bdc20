/**
 * Seeded synthetic responses and dataset rows for any spec, in the shape of docs/response-format.md:
 * every answer inside its scale or option set, optional questions sometimes unanswered, joined
 * surveys carrying keys of the dataset, lifecycle end dates after start dates. Same seed, same data.
 */
import { questionKind, type Column, type CxModel, type Dataset, type Question, type Survey } from '@cxspec/model';
import { seeded } from '../../../../scripts/seeded.mjs';
import type { Cell, Row, SpecData } from '../../src/load-duckdb.js';

const FROM = Date.UTC(2024, 0, 1), TO = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const TEXTS = ['とても良かった', 'Fast and friendly', 'Waited too long; sorry', 'It\'s "fine"'];
const REGIONS = ['JP', 'JP', 'JP', 'SG', 'US'];

export interface DataSize {
    responses: number;
    customers: number;
}

export function generateSpecData(model: CxModel, seed: number, size: DataSize): SpecData {
    const random = seeded(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const datasets: Record<string, Row[]> = {};
    for (const dataset of model.datasets) datasets[dataset.name] = datasetRows(dataset);
    const surveys: Record<string, Row[]> = {};
    for (const survey of model.surveys) surveys[survey.name] = surveyRows(survey);
    return { surveys, datasets };

    function datasetRows(dataset: Dataset): Row[] {
        const rows: Row[] = [];
        for (let i = 1; i <= size.customers; i++) {
            const row: Row = { [dataset.key]: `${dataset.name}-${i}` };
            const start = FROM + Math.floor(random() * (TO - FROM));
            for (const column of dataset.columns) {
                if (column.name === dataset.key) continue;
                if (dataset.lifecycle?.start === column.name) row[column.name] = isoDate(start);
                else if (dataset.lifecycle?.end === column.name) row[column.name] = random() < 0.3 ? isoDate(start + int(1, 500) * DAY) : null;
                else row[column.name] = random() < 0.05 ? null : columnValue(column);
            }
            rows.push(row);
        }
        return rows;
    }

    function columnValue(column: Column): Cell {
        switch (column.type) {
            case 'enum': return pick(column.values);
            case 'number': return Math.round(random() * 20_000_000) / 100;
            case 'date': return isoDate(FROM + Math.floor(random() * (TO - FROM)));
            case 'boolean': return random() < 0.5;
            case 'text': return pick(REGIONS);
        }
    }

    function surveyRows(survey: Survey): Row[] {
        const joined = survey.joins ? datasets[survey.joins] : undefined;
        const key = survey.joins ? model.datasets.find(d => d.name === survey.joins)!.key : undefined;
        const rows: Row[] = [];
        for (let i = 1; i <= size.responses; i++) {
            const row: Row = {
                respondent_id: `${survey.name}-${i}`,
                submitted_at: FROM + Math.floor(random() * (TO - FROM))
            };
            if (joined && key) {
                // A few responses carry no key or one the CRM export lacks, as real exports do.
                const u = random();
                row[key] = u < 0.02 ? null : u < 0.05 ? `unknown-${i}` : pick(joined)[key] as string;
            }
            for (const q of survey.questions) Object.assign(row, answer(q));
            rows.push(row);
        }
        return rows;
    }

    function answer(q: Question): Row {
        const skipped = !q.required && random() < 0.15;
        switch (questionKind(q.kind).answer) {
            case 'items': {
                const row: Row = {};
                for (const item of q.items) row[`${q.name}.${item.id}`] = skipped || random() < 0.05 ? null : int(q.scale!.min, q.scale!.max);
                return row;
            }
            case 'scale': return { [q.name]: skipped ? null : int(q.scale!.min, q.scale!.max) };
            case 'number': {
                const n = q.number!;
                const [min, max] = [n.min ?? 0, n.max ?? 1000];
                return { [q.name]: skipped ? null : n.integer ? int(min, max) : min + random() * (max - min) };
            }
            case 'option': return { [q.name]: skipped ? null : pick(q.options).id };
            case 'options': {
                const ids = q.options.filter(() => random() < 0.4).map(o => o.id);
                return { [q.name]: skipped || ids.length === 0 ? null : ids };
            }
            case 'order': return { [q.name]: skipped ? null : shuffle(q.options.map(o => o.id)) };
            case 'boolean': return { [q.name]: skipped ? null : random() < 0.5 };
            case 'text': return { [q.name]: skipped ? null : pick(TEXTS) };
        }
    }

    function shuffle<T>(xs: T[]): T[] {
        for (let i = xs.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [xs[i], xs[j]] = [xs[j], xs[i]];
        }
        return xs;
    }
}
