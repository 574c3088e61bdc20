import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@cxspec/model';
import { parseTime, readEvents } from '@cxspec/program';
import { tempDir } from './support.js';

const TOUCHPOINTS = new Set(['Visit', 'Browse']);

function write(name: string, text: string): string {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, text);
    return file;
}

describe('parseTime', () => {
    it('reads ISO 8601 times with an offset and rejects the rest', () => {
        expect(parseTime('2026-03-02T07:00:00+09:00')).toBe(Date.UTC(2026, 2, 1, 22));
        expect(parseTime('2026-03-02T07:00Z')).toBe(Date.UTC(2026, 2, 2, 7));
        expect(parseTime('2026-03-02T07:00:00.25-01:30')).toBe(Date.UTC(2026, 2, 2, 8, 30, 0, 250));
        for (const bad of ['2026-03-02T07:00:00', '2026-02-30T00:00:00Z', '2026-13-01T00:00Z', '2026-03-02', 'yesterday', '2026-03-02T24:00Z']) {
            expect(parseTime(bad), bad).toBeUndefined();
        }
    });
});

describe('readEvents', () => {
    it('explains each bad CSV event with its row and column, and keeps context fields in header order', () => {
        const file = write('events.csv', [
            'time,customer,touchpoint,store,event_id',
            '2026-03-02T07:00:00Z,C1,Visit,"S1, north",e1',
            '2026-03-02T07:00:00Z,,Visit,S1,e2',
            '2026-03-02T07:00:00Z,C1,Checkout,S1,e3',
            '2026-03-02 07:00,C1,Visit,S1,e4',
            '2026-03-02T07:00:00Z,C1,Visit',
            '2026-03-02T08:00:00Z,C2,Browse,S2,'
        ].join('\r\n') + '\r\n');
        const result = readEvents(file, TOUCHPOINTS);
        expect(result.format).toBe('csv');
        expect(result.contextColumns).toEqual(['store']);
        expect(result.events.map(e => [e.id, e.row, e.customer, e.touchpoint, e.time, e.context])).toEqual([
            ['e1', 2, 'C1', 'Visit', Date.UTC(2026, 2, 2, 7), [['store', 'S1, north']]],
            // No event_id: the first 32 hex digits of SHA-256(customer NUL touchpoint NUL UTC time).
            [createHash('sha256').update('C2\u0000Browse\u00002026-03-02T08:00:00.000Z').digest('hex').slice(0, 32), 7, 'C2', 'Browse', Date.UTC(2026, 2, 2, 8), [['store', 'S2']]]
        ]);
        expect(result.bad.map(b => `${b.row}:${b.column} ${b.reason}`)).toEqual([
            '3:2 missing-customer', '4:3 unknown-touchpoint', '5:1 bad-time', '6:null bad-record'
        ]);
    });

    it('reads NDJSON, naming the field of a bad event', () => {
        const file = write('events.ndjson', [
            '{"customer":"C1","touchpoint":"Visit","time":"2026-03-02T07:00:00Z","store":"S1","visits":3}',
            '',
            '{"customer":"C1","touchpoint":"Visit","time":"soon"}',
            '[1]',
            '{"customer":"C1","touchpoint":"Visit","time":"2026-03-02T07:00:00Z","basket":{"a":1}}'
        ].join('\n'));
        const result = readEvents(file, TOUCHPOINTS);
        expect(result.contextColumns).toEqual(['store', 'visits']);
        expect(result.events.map(e => e.context)).toEqual([[['store', 'S1'], ['visits', 3]]]);
        expect(result.bad.map(b => `${b.row}:${b.column} ${b.reason}`)).toEqual(['3:time bad-time', '4:null bad-record', '5:basket bad-record']);
    });

    it('refuses a file without the event columns, naming it', () => {
        const file = write('events.csv', 'who,what\nC1,Visit\n');
        expect(() => readEvents(file, TOUCHPOINTS)).toThrow(InputError);
        expect(() => readEvents(file, TOUCHPOINTS)).toThrow(`${file}: the header has no column 'customer', 'touchpoint', 'time'; events need the columns customer, touchpoint, time`);
        expect(() => readEvents(write('events.txt', ''), TOUCHPOINTS)).toThrow("cannot tell the format of the events from the extension '.txt'");
    });
});
