/**
 * `cxspec invite` as a user runs it: the coffee example's generated events to invitations, the
 * same bytes for any row order, NDJSON in and out, re-runs that invite no one twice, a run killed
 * in the middle of its transaction, and the exit codes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InviteState, parseCsv, type Decision } from '@cxspec/program';
import { REPO, runCli } from './run-cli.js';

const COFFEE = path.join(REPO, 'examples/coffee-mobile-order');
const EVENTS = path.join(COFFEE, 'events/touchpoint-events.csv');
const NOW = '2026-04-01T00:00:00Z';
const BUNDLE = path.join(REPO, 'packages/cli/dist/cxspec.mjs');

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-invite-'));
}

function dump(state: string): Decision[] {
    const db = InviteState.open(state);
    try {
        return db.dump();
    } finally {
        db.close();
    }
}

/** The coffee events with their data rows in a different, fixed order (header first). */
function shuffled(file: string, into: string): string {
    const [header, ...rows] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const order = rows.map((row, i) => ({ row, key: (i * 7919) % rows.length }));
    order.sort((a, b) => a.key - b.key);
    const out = path.join(into, 'shuffled-events.csv');
    fs.writeFileSync(out, [header, ...order.map(o => o.row)].join('\n') + '\n');
    return out;
}

describe('cxspec invite', () => {
    it('turns the coffee example events into invitations, explaining every skipped event', () => {
        const dir = tempDir();
        const out = path.join(dir, 'invitations.csv');
        const run = runCli(['invite', COFFEE, '--events', EVENTS, '--state', path.join(dir, 'state.db'), '--now', NOW, '--out', out]);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(`wrote ${out} (44 invitation(s) of CoffeeMobileOrder, csv)\n`);
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines.slice(-2)).toEqual([
            `cxspec invite: 5936 event(s) read, 44 invitation(s) (AfterPickup 44); 192 decision(s) recorded in ${path.join(dir, 'state.db')}`,
            'skipped: missing-customer 7, unknown-touchpoint 7, bad-time 8, no-survey 4653, not-sampled 1069, quarantine 148'
        ]);
        expect(lines[1]).toBe(`warning: ${EVENTS}:334:2 missing-customer: the event has no customer key; every event names the customer it happened to`);
        expect(run.stderr).not.toMatch(/ExperimentalWarning/);
        const { records } = parseCsv(fs.readFileSync(out, 'utf8'));
        expect(records[0].fields).toEqual(['survey', 'customer', 'send_time', 'event_id', 'store', 'order_id']);
        expect(records[1].fields).toEqual(['AfterPickup', 'C-00247', '2026-03-02T00:26:00.000Z', 'E-O-000005-4', 'S005', 'O-000005']);
        expect(records.length).toBe(45);
    });

    it('writes the same invitations for any order of the rows, and a re-run adds none', () => {
        const dir = tempDir();
        const state = path.join(dir, 'a.db');
        const first = runCli(['invite', COFFEE, '--events', EVENTS, '--state', state, '--now', NOW]);
        const other = runCli(['invite', COFFEE, '--events', shuffled(EVENTS, dir), '--state', path.join(dir, 'b.db'), '--now', NOW]);
        expect(first.code).toBe(0);
        expect(other.stdout).toBe(first.stdout);
        expect(dump(path.join(dir, 'b.db'))).toEqual(dump(state));
        const again = runCli(['invite', COFFEE, '--events', EVENTS, '--state', state, '--now', NOW]);
        expect(again.stdout).toBe('survey,customer,send_time,event_id,store,order_id\n');
        expect(again.stderr.trimEnd().split('\n').slice(-1)).toEqual(['skipped: missing-customer 7, unknown-touchpoint 7, bad-time 8, no-survey 4653, not-sampled 1069, already-processed 192']);
    });

    it('reads NDJSON and writes NDJSON, with opt-outs and a dry run that records nothing', () => {
        const dir = tempDir();
        const events = path.join(dir, 'events.ndjson');
        fs.writeFileSync(events, [
            { customer: 'C-6', touchpoint: 'PickupShelf', time: '2026-03-02T08:00:00+09:00', store: 'S001', basket: 2 },
            { customer: 'C-10', touchpoint: 'PickupShelf', time: '2026-03-02T09:00:00+09:00', store: 'S002', basket: 1 },
            { customer: 'C-1', touchpoint: 'PickupShelf', time: '2026-03-02T09:00:00+09:00', store: 'S002', basket: 1 }
        ].map(e => JSON.stringify(e)).join('\n') + '\n');
        // AfterPickup samples 20%: C-6 and C-10 are in its sample (salt "coffee-2026"), C-1 is not.
        const optOuts = path.join(dir, 'opt-outs.txt');
        fs.writeFileSync(optOuts, '# unsubscribed\nC-10\n');
        const state = path.join(dir, 'state.db');
        const dry = runCli(['invite', COFFEE, '--events', events, '--state', state, '--now', NOW, '--opt-outs', optOuts, '--dry-run']);
        expect(dry.code).toBe(0);
        expect(dry.stdout).toBe('');
        expect(dry.stderr).toContain('decision(s) not recorded');
        const run = runCli(['invite', COFFEE, '--events', events, '--state', state, '--now', NOW, '--opt-outs', optOuts]);
        expect(run.code).toBe(0);
        expect(run.stderr.trimEnd().split('\n').slice(-1)[0]).toBe('skipped: not-sampled 1, opted-out 1');
        // 08:00 in Japan plus the 2h delay; the id hashes customer, touchpoint and time (no event_id given).
        expect(run.stdout).toBe('{"survey":"AfterPickup","customer":"C-6","send_time":"2026-03-02T01:00:00.000Z","event_id":"05c0db2fef3c3c22eacfebeff65addbc","store":"S001","basket":2}\n');
        // Only decisions that depend on the history are recorded: not sampled and opted out are not.
        expect(dump(state).map(d => `${d.customer} ${d.outcome}`)).toEqual(['C-6 invited']);
    });

    it('a run killed in the middle of its transaction leaves the state as it was, and the re-run ends as an uninterrupted run', async () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'spec.cx'), `spec Big {
    locales en
    contact at most 1 per 7d
}
journey J { stage S { touchpoint Visit channel store } }
survey A { en "A" trigger after Visit sample 50% priority 1 question q: nps about Visit { en "Q?" } }
survey B { en "B" trigger after Visit delay 1h priority 2 question q: nps about Visit { en "Q?" } }
`);
        const rows = Array.from({ length: 120000 }, (_, i) => `C${i % 40000},Visit,2026-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`);
        const events = (name: string, part: string[]) => {
            const file = path.join(dir, name);
            fs.writeFileSync(file, ['customer,touchpoint,time', ...part].join('\n') + '\n');
            return file;
        };
        const early = events('early-events.csv', rows.slice(0, 1000));
        const all = events('all-events.csv', rows);
        const args = (file: string, state: string) => ['invite', path.join(dir, 'spec.cx'), '--events', file, '--state', state, '--now', NOW, '--out', `${state}.csv`];
        const invitations = (state: string) => fs.readFileSync(`${state}.csv`, 'utf8');

        // The uninterrupted history: the early events, then all of them.
        const reference = path.join(dir, 'reference.db');
        expect(runCli(args(early, reference)).code).toBe(0);
        const referenceOut = runCli(args(all, reference));
        expect(referenceOut.code).toBe(0);

        const state = path.join(dir, 'state.db');
        expect(runCli(args(early, state)).code).toBe(0);
        const before = dump(state);
        const killed = await new Promise<{ signal: NodeJS.Signals | null; journal: boolean }>((resolve, reject) => {
            const child = spawn(process.execPath, [BUNDLE, ...args(all, state)], { cwd: REPO, env: { ...process.env, CI: 'true' } });
            let stderr = '';
            let journal = false;
            child.stderr.setEncoding('utf8');
            child.stderr.on('data', (chunk: string) => {
                stderr += chunk;
                // The marker: the run's transaction has written its first decision.
                if (stderr.includes('cxspec invite: recording ') && !child.killed) {
                    journal = fs.existsSync(`${state}-journal`);
                    child.kill('SIGKILL');
                }
            });
            child.on('error', reject);
            child.on('exit', (_code, signal) => resolve({ signal, journal }));
        });
        expect(killed).toEqual({ signal: 'SIGKILL', journal: true });
        expect(dump(state)).toEqual(before);

        const rerun = runCli(args(all, state));
        expect(rerun.code).toBe(0);
        expect(invitations(state)).toBe(invitations(reference));
        expect(dump(state)).toEqual(dump(reference));
    });

    it('exits 1 on spec errors and 2 on bad input, naming the file and never overwriting it', () => {
        const dir = tempDir();
        const broken = path.join(dir, 'spec.cx');
        fs.writeFileSync(broken, 'spec T { locales en contact at most 0 per 30d }\n');
        const spec = runCli(['invite', broken, '--events', EVENTS, '--now', NOW]);
        expect(spec.code).toBe(1);
        expect(spec.stderr).toBe(`${path.relative(REPO, broken)}:1:29 error CX901 Contact rule 'at most 0 per 30d' lets no invitation through; allow at least 1.\ncxspec invite: the spec has 1 error(s); no invitation was decided\n`);

        const notes = path.join(dir, 'notes.db');
        fs.writeFileSync(notes, 'not a database, my notes\n'.repeat(200));
        const foreign = runCli(['invite', COFFEE, '--events', EVENTS, '--state', notes, '--now', NOW]);
        expect(foreign.code).toBe(2);
        expect(foreign.stderr).toBe(`cxspec invite: ${notes}: is not a cxspec invite state file (it is not an SQLite database or is damaged); it was left unchanged: give another --state file, or move this one away\n`);
        expect(fs.readFileSync(notes, 'utf8')).toBe('not a database, my notes\n'.repeat(200));

        expect(runCli(['invite', COFFEE, '--now', NOW]).stderr).toMatch(/^cxspec invite: give the touchpoint events with --events <file>\n/);
        expect(runCli(['invite', COFFEE, '--events', EVENTS, '--now', 'tomorrow']).code).toBe(2);
        const strict = runCli(['invite', COFFEE, '--events', EVENTS, '--state', path.join(dir, 's.db'), '--now', NOW, '--strict']);
        expect(strict.code).toBe(2);
        expect(strict.stderr).toContain('cxspec invite: --strict: 22 bad event(s); nothing was recorded or written\n');
        expect(dump(path.join(dir, 's.db'))).toEqual([]);
    });
});
