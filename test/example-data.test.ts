/**
 * The example response files and CRM exports: rerunning the seeded generator reproduces them byte
 * for byte; every record is valid against the compiled response schema; SurveyJS, running the
 * compiled display logic, shows every answered question (follow-ups only when shown) and every
 * required one is answered; customer keys join to the datasets, and customers' lifecycles are
 * consistent with when they answered.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Model } from 'survey-core';
import { describe, expect, test } from 'vitest';
import { compileSurvey, responseSchema } from '@cxspec/compiler';
import { type CxModel, type Question } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    .filter(e => e.isDirectory() && fs.readdirSync(path.join(ROOT, 'examples', e.name)).some(f => f.endsWith('.cx')))
    .map(e => e.name).sort();
const AS_OF = '2026-03-31';

/** RFC 4180 CSV (quoted fields, doubled quotes), enough to read what the generator writes. */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
    }
    return rows;
}

function readTable(file: string): Record<string, string>[] {
    const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
    for (const [i, r] of rows.entries()) expect(r.length, `${file} row ${i + 1}`).toBe(header.length);
    return rows.map(r => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** A CSV row as the JSON record docs/response-format.md describes (empty cell = not answered). */
function toRecord(row: Record<string, string>, questions: Question[], key: string | null): Record<string, unknown> {
    const out: Record<string, unknown> = { respondent_id: row.respondent_id, submitted_at: row.submitted_at };
    if (key !== null) out[key] = row[key];
    for (const q of questions) {
        if (q.kind === 'matrix') {
            const items = q.items.filter(it => row[`${q.name}.${it.id}`] !== '');
            if (items.length > 0) out[q.name] = Object.fromEntries(items.map(it => [it.id, Number(row[`${q.name}.${it.id}`])]));
            continue;
        }
        const v = row[q.name];
        if (v === '') continue;
        out[q.name] = ['nps', 'csat', 'ces', 'rating'].includes(q.kind) ? Number(v)
            : q.kind === 'boolean' ? v === 'true'
            : q.kind === 'multichoice' || q.kind === 'ranking' ? v.split(';')
            : v;
    }
    return out;
}

async function modelOf(example: string): Promise<CxModel> {
    const ws = await loadWorkspace([path.join(ROOT, 'examples', example)]);
    return ws.model(ws.specNames[0]);
}

describe('example data', () => {
    test('rerunning the seeded generator reproduces every committed file byte for byte', () => {
        const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/generate-responses.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });

    for (const example of EXAMPLES) {
        test(`${example}: records fit the response schema, SurveyJS shows exactly what was answered, keys join`, async () => {
            const model = await modelOf(example);
            const ajv = new Ajv2020({ allErrors: true, strict: false });
            const customers = new Map<string, Map<string, Record<string, string>>>();
            for (const d of model.datasets) {
                const rows = readTable(path.join(ROOT, 'examples', example, 'data', `${d.name}.csv`));
                const byKey = new Map(rows.map(r => [r[d.key], r]));
                expect(byKey.size, `${d.name} keys are unique`).toBe(rows.length);
                if (d.lifecycle) {
                    for (const r of rows) {
                        const { start, end } = { start: r[d.lifecycle.start], end: r[d.lifecycle.end] };
                        expect(start <= AS_OF, `${r[d.key]} signed up by ${AS_OF}`).toBe(true);
                        if (end !== '') expect(start < end && end <= AS_OF, `${r[d.key]}: ${start} < ${end} <= ${AS_OF}`).toBe(true);
                    }
                    const churned = rows.filter(r => r[d.lifecycle!.end] !== '').length / rows.length;
                    expect(churned).toBeGreaterThan(0.02);
                    expect(churned).toBeLessThan(0.5);
                }
                customers.set(d.name, byKey);
            }
            for (const survey of model.surveys) {
                const file = path.join(ROOT, 'examples', example, 'responses', `${survey.name}.csv`);
                expect(fs.statSync(file).size).toBeLessThan(300 * 1024);
                const rows = readTable(file);
                expect(rows.length).toBeGreaterThanOrEqual(300);
                expect(rows.length).toBeLessThanOrEqual(1500);
                const validate = ajv.compile(responseSchema(model, survey));
                const surveyJs = new Model(compileSurvey(model, survey));
                const key = survey.joins === null ? null : model.datasets.find(d => d.name === survey.joins)!.key;
                let optionalShown = 0;
                let optionalSkipped = 0;
                const ids = new Set<string>();
                for (const [i, row] of rows.entries()) {
                    const where = `${survey.name}.csv row ${i + 1}`;
                    const record = toRecord(row, survey.questions, key);
                    expect(validate(record), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
                    ids.add(row.respondent_id);
                    surveyJs.data = record;
                    for (const q of survey.questions) {
                        const shown = surveyJs.getQuestionByName(q.name).isVisible;
                        const answered = q.name in record;
                        if (answered) expect(shown, `${where}: ${q.name} answered but hidden`).toBe(true);
                        if (shown && q.required) expect(answered, `${where}: required ${q.name} unanswered`).toBe(true);
                        if (shown && !q.required) answered ? optionalShown++ : optionalSkipped++;
                    }
                    if (key !== null) {
                        const d = model.datasets.find(x => x.name === survey.joins)!;
                        const customer = customers.get(d.name)!.get(row[key]);
                        expect(customer, `${where}: ${key} ${row[key]} is in ${d.name}`).toBeDefined();
                        if (d.lifecycle) {
                            const day = row.submitted_at.slice(0, 10);
                            const { start, end } = { start: customer![d.lifecycle.start], end: customer![d.lifecycle.end] };
                            expect(start <= day && (end === '' || day < end), `${where}: customer active on ${day}`).toBe(true);
                        }
                    }
                }
                expect(ids.size, 'respondent ids are unique').toBe(rows.length);
                // A few per cent of shown optional questions are left unanswered, not none, not many.
                const skipRate = optionalSkipped / (optionalShown + optionalSkipped);
                expect(skipRate).toBeGreaterThan(0.01);
                expect(skipRate).toBeLessThan(0.08);
                // Six months or more of submissions, in time order.
                const times = rows.map(r => Date.parse(r.submitted_at));
                expect(times.every((t, i) => i === 0 || times[i - 1] <= t)).toBe(true);
                expect((times[times.length - 1] - times[0]) / 86400000).toBeGreaterThan(180);
            }
        });
    }
});
