/**
 * Scoring a CSV file on two threads (eval/split-pass.ts) gives the bytes of one pass: each file is
 * scored with the split forced (minBytes 0, the built worker bundle) and on one thread, and the JSON
 * results compared whole. Needs `npm run build` (packages/cli/dist/score-worker.mjs), like the CLI tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { evaluate, openScoring } from '../src/index.js';
import { loadDataset } from '../src/check/dataset-table.js';
import { ExclusionLog } from '../src/check/exclusions.js';
import { openDataFile } from '../src/input/data-file.js';
import { SharedIds } from '../src/check/id-set.js';
import { findLineSplitPoint, findSplitPoint } from '../src/input/split-point.js';
import { emptyMapping } from '../src/input/mapping.js';
import { scoreSplit, splitPlanFor } from '../src/eval/split-pass.js';
import { REPO, tempDir } from './support/files.js';

const WORKER = path.join(REPO, 'packages/cli/dist/score-worker.mjs');
const tmp = tempDir('cx-split-');
afterAll(() => tmp.remove());

let model: CxModel;
beforeAll(async () => {
    if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing; run npm run build first`);
    const ws = await loadWorkspace([path.join(REPO, 'packages/metrics/bench/spec')], { root: REPO });
    model = ws.model(ws.specNames[0]);
});

const HEADER = 'respondent_id,submitted_at,nps,csat,ces,t1,t2,t3,t4,t5,t6,t7,t8,plan';

/** Rows with every kind of value: a plan with a quote and a line break every 7th row, out-of-range and bad values. */
function rows(n: number, nl: string, edit: (i: number, row: string) => string = (_, r) => r): string {
    let s = HEADER + nl;
    for (let i = 0; i < n; i++) {
        const plan = i % 7 === 0 ? `"pl""a${nl}n"` : ['basic', 'plus', 'pro'][i % 3];
        const row = `r${i},2025-0${1 + (i % 9)}-1${i % 10}T10:00:00Z,${i % 11},${1 + (i % 5)},${i % 17 === 0 ? '' : 1 + (i % 7)},`
            + `${1 + (i % 5)},${1 + ((i * 3) % 5)},${i % 50 === 0 ? 'x' : 2},${1 + (i % 4)},${1 + (i % 2)},3,4,${i % 13 === 0 ? 9 : 5},${plan}`;
        s += edit(i, row) + nl;
    }
    return s;
}

async function score(file: string, split: boolean): Promise<string> {
    const result = await evaluate(model, {
        responses: [{ survey: 'Bench', file }], datasets: [],
        parallel: split ? { workerFile: WORKER, minBytes: 0 } : false
    });
    return JSON.stringify(result);
}

/** Whether the split pass itself succeeds on the file (else evaluate falls back to one thread). */
async function splits(file: string): Promise<boolean> {
    const options = { responses: [], datasets: [] };
    const session = openScoring([], { parallel: { workerFile: WORKER, minBytes: 0 } });
    const survey = model.surveys[0];
    const data = session.file(file);
    const plan = splitPlanFor(data, session);
    return plan !== null && (await scoreSplit(survey, model, data, emptyMapping(), plan, options, session)) !== null;
}

async function same(name: string, content: string | Uint8Array, split: boolean): Promise<unknown> {
    const file = tmp.write(name, content);
    expect(await splits(file)).toBe(split);
    const one = await score(file, false);
    expect(await score(file, true)).toBe(one);
    return JSON.parse(one);
}

describe('two threads give the bytes of one', () => {
    it('splits after a record, not inside a quoted line break, and counts the header line once', () => {
        const file = tmp.write('cut.csv', rows(2000, '\n'));
        const text = fs.readFileSync(file, 'latin1');
        const size = fs.statSync(file).size;
        const { headerEnd, split } = findSplitPoint(openDataFile(file))!;
        expect([headerEnd, size]).toEqual([HEADER.length + 1, text.length]);
        expect(split).toBeGreaterThanOrEqual(size / 2);
        expect(text[split - 1]).toBe('\n');
        expect((text.slice(0, split).match(/"/g) ?? []).length % 2).toBe(0);
    });

    it('LF, with quoted line breaks at the middle', async () => {
        // Every row has a quoted line break, so the middle falls inside one.
        const result = await same('lf.csv', rows(3000, '\n', (i, r) => r.replace(/,([a-z]+)$/, `,"$1${'\n'}"`)), true) as { input: { rowsRead: number } };
        expect(result.input.rowsRead).toBe(3000);
    });

    it('CRLF with a BOM', async () => {
        await same('crlf.csv', '\uFEFF' + rows(3000, '\r\n'), true);
    });

    it('malformed rows and bad values in the second half keep their row numbers', async () => {
        const result = await same('bad.csv', rows(3000, '\n', (i, r) => (i > 1500 && i % 401 === 0 ? `r${i},2025-01-01T00:00:00Z,5` : r)), true) as {
            input: { exclusions: Array<{ reason: string; rows: number[]; count: number }> };
        };
        const malformed = result.input.exclusions.find(e => e.reason === 'malformed_row')!;
        expect([malformed.count, malformed.rows]).toEqual([4, [1605, 2006, 2407, 2808]]);
    });

    it('a respondent id in both halves (scored on one thread), and one twice in the second half', async () => {
        const result = await same('dup.csv', rows(3000, '\n', (i, r) => (i === 2990 ? r.replace(/^r2990,/, 'r5,') : i === 2995 ? r.replace(/^r2995,/, 'r2000,') : r)), false) as {
            input: { exclusions: Array<{ reason: string; rows: number[] }> };
        };
        expect(result.input.exclusions.find(e => e.reason === 'duplicate_id')!.rows).toEqual([2991, 2996]);
        const within = await same('dup2.csv', rows(3000, '\n', (i, r) => (i === 2995 ? r.replace(/^r2995,/, 'r2000,') : r)), true) as {
            input: { exclusions: Array<{ reason: string; rows: number[] }> };
        };
        expect(within.input.exclusions.find(e => e.reason === 'duplicate_id')!.rows).toEqual([2996]);
    });

    it('lone CRs end records: between records it splits; ending the header it is not split (the header is not up to the first LF)', async () => {
        const between = await same('cr-rows.csv', rows(3000, '\n').replace(/\n(r1\d)/g, '\r$1'), true) as { input: { rowsRead: number } };
        expect(between.input.rowsRead).toBe(3000);
        const header = await same('cr-header.csv', rows(3000, '\n').replace('\n', '\r'), false) as { input: { rowsRead: number } };
        expect(header.input.rowsRead).toBe(3000);
    });

    it('Shift_JIS, told from the bytes or forced', async () => {
        // 日本 in Shift_JIS (CP932) as the plan of every third row: the worker, whose first bytes are
        // the ASCII header, must be told the encoding.
        const parts = rows(2000, '\r\n').split('basic');
        const bytes = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [Buffer.from(p)] : [Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from(p)])));
        const file = tmp.write('sjis.csv', bytes);
        expect(findSplitPoint(openDataFile(file))).not.toBeNull();
        expect(openDataFile(file).encoding).toBe('shift_jis');
        const result = await same('sjis2.csv', bytes, true) as { input: { files: Array<{ encoding: string }>; exclusions: Array<{ reason: string; count: number }> } };
        expect(result.input.files[0].encoding).toBe('shift_jis');
        expect(result.input.exclusions.find(x => x.reason === 'unknown_value')!.count).toBeGreaterThanOrEqual(parts.length - 1);
        const ascii = tmp.write('ascii.csv', rows(2000, '\n'));
        expect(openDataFile(ascii, 'shift_jis').encoding).toBe('shift_jis');
        const parallel = { workerFile: WORKER, minBytes: 0 };
        const forced = (p: typeof parallel | false) => evaluate(model, { responses: [{ survey: 'Bench', file: ascii }], datasets: [], parallel: p, encoding: 'shift_jis' });
        expect(JSON.stringify(await forced(parallel))).toBe(JSON.stringify(await forced(false)));
    });
});

describe('NDJSON', () => {
    it('is cut after a line near its middle and gives the one-thread bytes', async () => {
        const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({
            respondent_id: i === 2900 ? 'r2000' : `r${i}`, submitted_at: `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
            nps: i % 11, csat: i % 97 === 0 ? 'x' : 1 + (i % 5), ces: i % 17 === 0 ? undefined : 1 + (i % 7),
            t1: 1 + (i % 5), t2: 1 + ((i * 3) % 5), plan: i % 7 === 0 ? 'pl"a\nn' : ['basic', 'plus', 'pro'][i % 3]
        }));
        const file = tmp.write('r.ndjson', lines.join('\n') + '\n');
        const point = findLineSplitPoint(openDataFile(file))!;
        expect(point.headerEnd).toBe(0);
        expect(fs.readFileSync(file, 'latin1')[point.split - 1]).toBe('\n');
        const result = await same('r2.ndjson', lines.join('\n') + '\n', true) as { input: { rowsRead: number; exclusions: Array<{ reason: string; rows: number[] }> } };
        expect(result.input.rowsRead).toBe(3000);
        expect(result.input.exclusions.find(e => e.reason === 'duplicate_id')!.rows).toEqual([2901]);
    });
});

describe('a survey that joins a dataset', () => {
    it('sends the worker the table and gives the one-thread bytes', async () => {
        const b2b = await loadWorkspace([path.join(REPO, 'examples/b2b-saas')], { root: REPO });
        const spec = b2b.model(b2b.specNames[0]);
        const dir = path.join(REPO, 'examples/b2b-saas');
        const responses = ['OnboardingSurvey', 'RelationshipSurvey', 'RenewalSurvey'].map(survey => ({ survey, file: path.join(dir, 'responses', `${survey}.csv`) }));
        const datasets = [{ dataset: 'Customers', file: path.join(dir, 'data/Customers.csv') }];
        // Unknown and missing customers in both halves, so both threads report join exclusions.
        const lines = fs.readFileSync(responses[1].file, 'utf8').split('\n');
        for (const i of [20, 40, 250, 280]) lines[i] = lines[i].replace(/,C\d{5},/, i % 40 === 0 ? ',C99999,' : ',,');
        responses[1] = { survey: 'RelationshipSurvey', file: tmp.write('relationship.csv', lines.join('\n')) };
        const oneThread = JSON.stringify(await evaluate(spec, { responses, datasets, parallel: false }));
        const split = await evaluate(spec, { responses, datasets, parallel: { workerFile: WORKER, minBytes: 0 } });
        expect(JSON.stringify(split)).toBe(oneThread);
        expect(split.input.exclusions.filter(x => x.reason === 'unknown_key' || x.reason === 'missing_key').map(x => x.rows))
            .toEqual([[20, 250], [40, 280]]);
        const survey = spec.surveys.find(s => s.name === 'RelationshipSurvey')!;
        const session = openScoring([], { parallel: { workerFile: WORKER, minBytes: 0 } });
        const data = session.file(responses[1].file);
        const plan = splitPlanFor(data, session)!;
        const table = await loadDataset(spec.datasets[0], session.file(datasets[0].file), {}, new ExclusionLog());
        expect(await scoreSplit(survey, spec, data, emptyMapping(), plan, { responses: [], datasets: [] }, session, table)).not.toBeNull();
    });
});

describe('a worker started before the spec is loaded', () => {
    it('takes the split\'s job and gives the one-thread bytes; an unused one is stopped', async () => {
        const file = tmp.write('early.csv', rows(3000, '\n'));
        const parallel = { workerFile: WORKER, minBytes: 0 };
        const oneThread = await score(file, false);
        const responses = [{ survey: 'Bench', file }];
        expect(JSON.stringify(await evaluate(model, { responses, datasets: [] }, openScoring([file], { parallel })))).toBe(oneThread);
        // Nothing is split here (a file starting with a blank line has no split point): the early worker is stopped, not awaited forever.
        const blank = tmp.write('early-blank.csv', '\n' + rows(3000, '\n'));
        const whole = await evaluate(model, { responses: [{ survey: 'Bench', file: blank }], datasets: [] }, openScoring([blank], { parallel }));
        expect(JSON.stringify(whole).replaceAll('early-blank.csv', 'early.csv')).toBe(oneThread);
        expect(JSON.stringify(await evaluate(model, { responses, datasets: [] }, openScoring([file], { parallel })))).toBe(oneThread);
    });
});

describe('shared id table', () => {
    it('a duplicate within one thread is reported, one across threads aborts the split', () => {
        const { table, control } = SharedIds.create(1 << 10);
        const main = new SharedIds(1 << 10, table, control, 0), worker = new SharedIds(1 << 10, table, control, 1);
        expect([main.add('a'), main.add('a'), worker.add('b'), worker.add('b')]).toEqual([true, false, true, false]);
        expect(main.aborted).toBe(false);
        expect(() => worker.add('a')).toThrow('an id appears in both parts');
        expect([main.aborted, main.size]).toEqual([true, 2]);
    });
});

describe('a file changed while its two parts are read', () => {
    it('is an error, not the part that was left', async () => {
        const file = tmp.write('cut-split.csv', rows(20_000, '\n'));
        let cut = false;
        const run = evaluate(model, {
            responses: [{ survey: 'Bench', file }], datasets: [], parallel: { workerFile: WORKER, minBytes: 0 },
            onProgress: () => { if (!cut) { cut = true; fs.truncateSync(file, 100_000); } }
        });
        await expect(run).rejects.toThrow(/changed while it was read \(it went from \d+ to 100000 bytes\)/);
    });
});
