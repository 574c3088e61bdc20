import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { InviteState, runInvite } from '@cxspec/program';
import { TWO_SURVEYS, modelOf, tempDir } from './support.js';

const NOW = Date.UTC(2027, 0, 1);

function eventsFile(dir: string, rows: string[]): string {
    const file = path.join(dir, 'events.csv');
    fs.writeFileSync(file, ['customer,touchpoint,time,store', ...rows].join('\n') + '\n');
    return file;
}

describe('InviteState', () => {
    it('records a run once: a re-run of the same events invites no one again', async () => {
        const model = await modelOf(TWO_SURVEYS);
        const dir = tempDir();
        const events = eventsFile(dir, ['A,Visit,2026-03-02T07:00:00Z,S1', 'B,Visit,2026-03-02T08:00:00Z,S1', 'A,Visit,2026-03-20T07:00:00Z,S1']);
        const state = path.join(dir, 'state.db');
        const first = runInvite(model, { events, state, now: NOW });
        expect(first.invitations.map(i => `${i.survey} ${i.customer}`)).toEqual(['Quick A', 'Quick B']);
        const again = runInvite(model, { events, state, now: NOW });
        expect(again.invitations).toEqual([]);
        expect(again.skipped['already-processed']).toBe(6);
        const db = InviteState.open(state);
        expect(db.dump().map(d => `${d.customer} ${d.survey} ${d.outcome}`)).toEqual(first.decisions.map(d => `${d.customer} ${d.survey} ${d.outcome}`));
        db.close();
    });

    it('leaves a dry run unrecorded', async () => {
        const model = await modelOf(TWO_SURVEYS);
        const dir = tempDir();
        const events = eventsFile(dir, ['A,Visit,2026-03-02T07:00:00Z,S1']);
        const state = path.join(dir, 'state.db');
        expect(runInvite(model, { events, state, now: NOW, dryRun: true }).invitations.length).toBe(1);
        expect(runInvite(model, { events, state, now: NOW }).invitations.length).toBe(1);
    });

    it('refuses a file that is not a state, naming it and leaving it unchanged', () => {
        const dir = tempDir();
        const text = path.join(dir, 'notes.db');
        fs.writeFileSync(text, 'these are my notes, not a database\n'.repeat(100));
        expect(() => InviteState.open(text)).toThrow(`${text}: is not a cxspec invite state file (it is not an SQLite database or is damaged); it was left unchanged: give another --state file, or move this one away`);
        expect(fs.readFileSync(text, 'utf8')).toBe('these are my notes, not a database\n'.repeat(100));

        const foreign = path.join(dir, 'other.db');
        const db = new DatabaseSync(foreign);
        db.exec('CREATE TABLE orders (id INTEGER)');
        db.close();
        const before = fs.readFileSync(foreign);
        expect(() => InviteState.open(foreign)).toThrow(`${foreign}: is not a cxspec invite state file (it has no meta table); it was left unchanged`);
        expect(fs.readFileSync(foreign).equals(before)).toBe(true);
    });
});
