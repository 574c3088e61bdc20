/**
 * The evaluator on a small hand-made response file of examples/coffee-mobile-order: every value
 * below is counted by hand from the rows, and every bad value appears in the exclusions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CxModel } from '@cxspec/model';
import { evaluate, loadMapping, type EvaluationResult } from '../src/index.js';
import { csv, exampleModel, tempDir } from './support/files.js';

const tmp = tempDir('cx-eval-');
afterAll(() => tmp.remove());

const HEADER = ['respondent_id', 'submitted_at', 'recommend', 'menu_ease', 'pickup', 'drink', 'ready_on_arrival', 'visit_reason', 'browser'];
const ROWS: Array<Array<string | number | boolean>> = [
    ['r1', '2026-01-05T10:00:00Z', 10, 7, 5, 5, true, 'commute', ''],
    ['r2', '2026-01-06T08:30:00+09:00', 9, 5, 4, 3, false, 'weekend', 'Safari'],
    ['r3', '2026-01-20 12:00', 6, 4, 2, 4, true, 'commute', ''],
    ['r4', '2026-02-02T00:00:00Z', 0, 1, 1, 2, false, 'meetup', ''],
    ['r5', '2026-02-10', 8, 6, 4, 5, true, 'commute', ''],
    ['r6', '2026-02-11T09:00:00Z', 11, '', 5, 'x', true, 'bus', ''],
    ['r1', '2026-02-12T09:00:00Z', 10, 7, 5, 5, true, 'commute', ''],
    ['', '2026-02-13T09:00:00Z', 10, 7, 5, 5, true, 'commute', ''],
    ['r9', '2026-02-30T00:00:00Z', 9, 3, 3, 4, true, 'work_break', '']
];

let model: CxModel;
let result: EvaluationResult;
beforeAll(async () => {
    model = await exampleModel('coffee-mobile-order');
    const file = tmp.write('responses.csv', csv([HEADER, ...ROWS]));
    result = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [] });
});

describe('survey metrics counted by hand', () => {
    it('NPS: rows r1-r5 and r9 (r6 is out of range): 3 promoters, 2 detractors of 6', () => {
        const m = result.metrics.nps_all;
        expect(m.value).toBeCloseTo(100 / 6, 12);
        expect([m.n, m.details]).toEqual([6, { promoters: 3, passives: 1, detractors: 2 }]);
        expect(m.verdict).toBe('insufficient');
        expect(m.formula).toBe('NPS = %promoters (9-10) − %detractors (0-6) of AfterPickup.recommend, in points');
        expect(m.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Commuter', 0, 3], ['Leisure', 0, 2]]);
        // Months from submitted_at in UTC (r2 at 08:30+09:00 is Jan 5 23:30 UTC); r9's date does not exist.
        expect(m.periods.map(p => [p.period, p.start, p.n])).toEqual([['2026-01', '2026-01-01', 3], ['2026-02', '2026-02-01', 2]]);
        expect(m.periods[0].value).toBeCloseTo(100 / 3, 12);
        expect(m.periods[1].value).toBe(-50);
        expect(m.periods[1].change).toMatchObject({ test: 'z-difference', significant: false });
        expect(m.periods[1].change!.delta).toBeCloseTo(-50 - 100 / 3, 12);
    });

    it('CSAT top-2-box of pickup: 4 of 7 answers are 4-5', () => {
        const m = result.metrics.pickup_csat;
        expect(m.value).toBeCloseTo(400 / 7, 12);
        expect([m.n, m.details, m.interval]).toEqual([7, { hits: 4 }, 'wilson']);
    });

    it('drink CSAT leaves out the wrong-type answer and splits by segment', () => {
        const m = result.metrics.drink_csat;
        expect(m.value).toBeCloseTo(400 / 6, 12);
        expect(m.n).toBe(6);
        expect(m.segments.map(s => [s.segment, s.value, s.n])).toEqual([['Commuter', 100, 3], ['Leisure', 0, 2]]);
    });

    it('top-3-box of a 1-7 CES and a rate of a boolean condition', () => {
        expect([result.metrics.ordering_ease.value, result.metrics.ordering_ease.n]).toEqual([50, 6]);
        expect(result.metrics.ordering_ease.formula).toBe('top-3-box share of AfterPickup.menu_ease: answers 5-7 on 1-7, in percent');
        expect(result.metrics.not_ready.value).toBeCloseTo(200 / 7, 12);
        expect(result.metrics.not_ready.n).toBe(7);
    });

    it('lists every excluded value by reason with its rows, and counts rows used', () => {
        expect(result.input.exclusions.map(x => [x.reason, x.column, x.count, x.rows])).toEqual([
            ['missing_id', 'respondent_id', 1, [8]],
            ['duplicate_id', 'respondent_id', 1, [7]],
            ['unknown_column', 'browser', 1, [2]],
            ['wrong_type', 'drink', 1, [6]],
            ['out_of_range', 'recommend', 1, [6]],
            ['unknown_value', 'visit_reason', 1, [6]],
            ['bad_timestamp', 'submitted_at', 1, [9]]
        ]);
        expect(result.input.exclusions[4].message).toBe("recommend is on a 0-10 scale, got '11'");
        expect(result.input.exclusions[5].message).toBe("visit_reason has no option 'bus' (options: commute, work_break, weekend, meetup, other)");
        expect(result.input.files[0]).toMatchObject({ rowsRead: 9, rowsUsed: 7, format: 'csv', encoding: 'utf-8' });
    });

    it('computes drivers over listwise-complete rows and performance over all answers', () => {
        const d = result.drivers.loyalty;
        // payment, ready_notice and rewards are not in the file: no row is complete.
        expect(d.n).toBe(0);
        const pickup = d.drivers.find(x => x.question === 'pickup')!.performance;
        expect(pickup.n).toBe(7);
        expect(pickup.mean).toBeCloseTo(24 / 7, 12);
        expect(pickup.topBox).toBeCloseTo(400 / 7, 12);
        expect(d.drivers.map(x => x.r)).toEqual([null, null, null, null, null, null]);
    });
});

describe('files from other tools', () => {
    it('maps columns and recodes a 1-11 scale and numeric option codes to the same result', async () => {
        const codes: Record<string, number> = { commute: 1, work_break: 2, weekend: 3, meetup: 4, other: 5 };
        const rows = ROWS.slice(0, 5).map(r => [r[0], r[1], Number(r[2]) + 1, r[3], r[4], r[5], r[6], codes[r[7] as string], '10.0.0.1']);
        const file = tmp.write('export.csv', csv([['ID', 'Date', 'Q1', 'menu_ease', 'pickup', 'drink', 'ready_on_arrival', 'Q9', 'ip'], ...rows]));
        const map = tmp.write('map.json', JSON.stringify({
            columns: { ID: 'respondent_id', Date: 'submitted_at', Q1: 'recommend', Q9: 'visit_reason' },
            ignore: ['ip'],
            recode: { recommend: { offset: -1 }, visit_reason: { values: { 1: 'commute', 2: 'work_break', 3: 'weekend', 4: 'meetup', 5: 'other' } } }
        }));
        const mapped = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [], mappings: new Map([['AfterPickup', loadMapping(map)]]) });
        const direct = await evaluate(model, { responses: [{ survey: 'AfterPickup', file: tmp.write('direct.csv', csv([HEADER, ...ROWS.slice(0, 5)])) }], datasets: [] });
        expect(mapped.metrics).toEqual(direct.metrics);
        expect(mapped.input.exclusions).toEqual([]);
        expect(direct.input.exclusions.map(x => x.reason)).toEqual(['unknown_column']);
    });

    it('rejects a mapping to a field the survey does not have', async () => {
        const map = loadMapping(tmp.write('bad-map.json', '{"columns": {"Q1": "recomend"}}'));
        const file = tmp.write('one.csv', csv([HEADER, ROWS[0]]));
        await expect(evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [], mappings: new Map([['AfterPickup', map]]) }))
            .rejects.toThrow(/columns\.Q1: 'recomend' is not a field of survey AfterPickup/);
        expect(() => loadMapping(tmp.write('worse.json', '{"recode": {"x": {"offset": 0.5}}}'))).toThrow(/recode\.x\.offset: expected an integer/);
    });

    it('reads the same answers from NDJSON and a SurveyJS JSON array', async () => {
        const objects = ROWS.slice(0, 5).map(r => Object.fromEntries(HEADER.slice(0, 8).map((h, i) => [h, r[i]])));
        const nd = tmp.write('r.ndjson', objects.map(o => JSON.stringify(o)).join('\n'));
        const arr = tmp.write('r.json', JSON.stringify(objects));
        const direct = await evaluate(model, { responses: [{ survey: 'AfterPickup', file: tmp.write('d5.csv', csv([HEADER.slice(0, 8), ...ROWS.slice(0, 5).map(r => r.slice(0, 8))])) }], datasets: [] });
        for (const file of [nd, arr]) {
            const r = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [] });
            expect(r.metrics).toEqual(direct.metrics);
            expect(r.input.exclusions).toEqual([]);
        }
    });
});

describe('files read one way whatever their bytes', () => {
    const row = (id: string, recommend: string, reason = 'commute') => `${id},2026-01-05T10:00:00Z,${recommend},7,5,5,true,${reason},`;
    const head = HEADER.join(',');

    it('a lone CR ends a record, with or without a quoted field before it, in the byte and the text reader', async () => {
        const file = tmp.write('lone-cr.csv', `${head}\n${row('r1', '10')}\r${row('r2', '9')}\n${row('r3', '3', '"commute"')}\r${row('r4', '0')}\n`);
        for (const encoding of [undefined, 'shift_jis'] as const) {
            const r = await evaluate(model, { responses: [{ survey: 'AfterPickup', file }], datasets: [], encoding });
            expect([r.input.rowsRead, r.input.exclusions]).toEqual([4, []]);
            expect(r.metrics.nps_all.details).toEqual({ promoters: 2, passives: 0, detractors: 2 });
        }
    });

    it('a whole number is one rule in CSV and JSON: 7.0, +7 and a tab or space around it read as 7', async () => {
        const cells = ['7', '7.0', '+7', '\t7', ' 7 ', '7e0'];
        const csvFile = tmp.write('numbers.csv', [head, ...cells.map((c, i) => row(`r${i}`, c.includes(' ') || c.includes('\t') ? `"${c}"` : c))].join('\n') + '\n');
        const ndjson = tmp.write('numbers.ndjson', [...cells.map((c, i) => ({ respondent_id: `r${i}`, submitted_at: '2026-01-05T10:00:00Z', recommend: c })),
            { respondent_id: 'n1', submitted_at: '2026-01-05T10:00:00Z', recommend: 7.0 }].map(x => JSON.stringify(x)).join('\n') + '\n');
        const fromCsv = await evaluate(model, { responses: [{ survey: 'AfterPickup', file: csvFile }], datasets: [] });
        const fromJson = await evaluate(model, { responses: [{ survey: 'AfterPickup', file: ndjson }], datasets: [] });
        expect([fromCsv.input.exclusions, fromCsv.metrics.nps_all.details]).toEqual([[], { promoters: 0, passives: 6, detractors: 0 }]);
        expect([fromJson.input.exclusions, fromJson.metrics.nps_all.details]).toEqual([[], { promoters: 0, passives: 7, detractors: 0 }]);
        const bad = tmp.write('not-whole.csv', [head, row('r1', '7.5'), row('r2', '7.01')].join('\n') + '\n');
        const rejected = await evaluate(model, { responses: [{ survey: 'AfterPickup', file: bad }], datasets: [] });
        expect(rejected.input.exclusions.map(x => [x.reason, x.rows])).toEqual([['wrong_type', [1, 2]]]);
    });
});

describe('files that change while read, or are not files', () => {
    const big = () => [HEADER.join(','), ...Array.from({ length: 5000 }, (_, i) => `r${i},2026-01-05T10:00:00Z,${i % 11},7,5,5,true,commute,`)].join('\n') + '\n';

    it('a file cut or appended to while it is read is an error, not part of a result', async () => {
        for (const [name, change] of [['cut.csv', (f: string) => fs.truncateSync(f, 20_000)], ['grown.csv', (f: string) => fs.appendFileSync(f, 'r9999,2026-01-05T10:00:00Z,1,7,5,5,true,commute,\n')],
            ['cut.ndjson', (f: string) => fs.truncateSync(f, 20_000)]] as const) {
            const file = tmp.write(name, name.endsWith('.csv') ? big()
                : Array.from({ length: 5000 }, (_, i) => JSON.stringify({ respondent_id: `r${i}`, submitted_at: '2026-01-05T10:00:00Z', recommend: i % 11 })).join('\n') + '\n');
            let changed = false;
            const run = evaluate(model, {
                responses: [{ survey: 'AfterPickup', file }], datasets: [], parallel: false,
                onProgress: () => { if (!changed) { changed = true; change(file); } }
            });
            await expect(run).rejects.toThrow(/changed while it was read \(it went from \d+ to \d+ bytes\); score it again once it is complete$/);
        }
    });

    it('a named pipe is refused at once, not read as an empty file or waited on', async () => {
        const fifo = path.join(tmp.dir, 'pipe.csv');
        execFileSync('mkfifo', [fifo]);
        await expect(evaluate(model, { responses: [{ survey: 'AfterPickup', file: fifo }], datasets: [] }))
            .rejects.toThrow(`${fifo}:1:1: is a named pipe, not a file; save the data to a file and score that`);
    });
});
