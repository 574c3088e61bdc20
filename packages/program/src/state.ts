import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { InputError } from '@cxspec/model';
import type { Decision, History } from './plan.js';

/** What the `meta` table of a state file says, so a foreign SQLite file is never taken for one. */
const FORMAT = 'cxspec-invite-state';
const VERSION = '1';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE decision (
    event TEXT NOT NULL,
    survey TEXT NOT NULL,
    customer TEXT NOT NULL,
    outcome TEXT NOT NULL,
    send_time INTEGER NOT NULL,
    PRIMARY KEY (event, survey)
) WITHOUT ROWID;
CREATE INDEX contact_of_customer ON decision (customer, send_time) WHERE outcome = 'invited';
`;

/**
 * node:sqlite (Node 22's embedded SQLite) prints an ExperimentalWarning when first loaded. Only
 * that warning is dropped, by wrapping process.emitWarning for the duration of the load; every
 * other warning passes through unchanged.
 */
function loadSqlite(): typeof import('node:sqlite') {
    const emit = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
        const text = typeof warning === 'string' ? warning : warning.message;
        const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
        if (type === 'ExperimentalWarning' && /SQLite/.test(text)) return;
        (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
        // A synchronous require, not `import`: the warning is emitted while the module loads, and
        // the wrapper must be in place then and gone after.
        return createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite');
    } finally {
        process.emitWarning = emit;
    }
}

/**
 * The contact history: every decision by event and survey, the invitations among them. A run
 * opens it, begins one transaction, records its decisions, and commits or rolls back, so a run
 * that dies leaves the file as it was before the run.
 */
export class InviteState implements History {
    private readonly db: DatabaseSync;
    private readonly decidedStmt: StatementSync;
    private readonly contactsStmt: StatementSync;
    private readonly insertStmt: StatementSync;

    private constructor(db: DatabaseSync, private readonly file = ':memory:') {
        this.db = db;
        this.decidedStmt = db.prepare('SELECT 1 FROM decision WHERE event = ? AND survey = ?');
        this.contactsStmt = db.prepare("SELECT survey, send_time FROM decision WHERE customer = ? AND outcome = 'invited' ORDER BY send_time, survey");
        this.insertStmt = db.prepare('INSERT INTO decision (event, survey, customer, outcome, send_time) VALUES (?, ?, ?, ?, ?)');
    }

    /**
     * Opens a state file, creating it when it does not exist or is empty; no file means a state in
     * memory that is gone after the run. A file that is not a state of this version is an
     * InputError naming it, and is left untouched.
     */
    static open(file: string | undefined): InviteState {
        const { DatabaseSync } = loadSqlite();
        if (file === undefined) return InviteState.create(new DatabaseSync(':memory:'));
        const fresh = !fs.existsSync(file) || fs.statSync(file).size === 0;
        let db: DatabaseSync;
        try {
            if (fresh) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
            db = new DatabaseSync(file);
        } catch (error) {
            throw new InputError(file, `cannot open the state file (${(error as Error).message})`);
        }
        if (fresh) return InviteState.create(db, file);
        try {
            const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").all();
            if (tables.length === 0) throw new Error('it has no meta table');
            const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
            const meta = new Map(rows.map(r => [r.key, r.value]));
            if (meta.get('format') !== FORMAT) throw new Error(`its meta table says format '${meta.get('format') ?? ''}'`);
            if (meta.get('version') !== VERSION) throw new Error(`it is version ${meta.get('version') ?? '?'}, this cxspec reads version ${VERSION}`);
        } catch (error) {
            db.close();
            const why = /not a database|malformed/i.test((error as Error).message) ? 'it is not an SQLite database or is damaged' : (error as Error).message;
            throw new InputError(file, `is not a cxspec invite state file (${why}); it was left unchanged: give another --state file, or move this one away`);
        }
        return new InviteState(db, file);
    }

    private static create(db: DatabaseSync, file?: string): InviteState {
        db.exec('BEGIN IMMEDIATE');
        db.exec(SCHEMA);
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('format', FORMAT, 'version', VERSION);
        db.exec('COMMIT');
        return new InviteState(db, file);
    }

    /** Begins the run's transaction; IMMEDIATE so a second run on the same file waits or fails, never interleaves. */
    begin(): void {
        try {
            this.db.exec('BEGIN IMMEDIATE');
        } catch (error) {
            if (/locked|busy/i.test((error as Error).message)) throw new InputError(this.file, 'is in use by another run of cxspec invite; wait for it to finish and run again');
            throw error;
        }
    }

    commit(): void {
        this.db.exec('COMMIT');
    }

    rollback(): void {
        this.db.exec('ROLLBACK');
    }

    close(): void {
        this.db.close();
    }

    decided(event: string, survey: string): boolean {
        return this.decidedStmt.get(event, survey) !== undefined;
    }

    contacts(customer: string): { survey: string; sendTime: number }[] {
        return (this.contactsStmt.all(customer) as { survey: string; send_time: number }[]).map(r => ({ survey: r.survey, sendTime: r.send_time }));
    }

    /** Records decisions; `onFirst` runs after the first row is written (the run's marker). */
    record(decisions: readonly Decision[], onFirst?: () => void): void {
        let first = true;
        for (const d of decisions) {
            this.insertStmt.run(d.event, d.survey, d.customer, d.outcome, d.sendTime);
            if (first && onFirst) { first = false; onFirst(); }
        }
    }

    /** Every decision in key order, for tests and `--state` inspection. */
    dump(): Decision[] {
        return (this.db.prepare('SELECT event, survey, customer, outcome, send_time FROM decision ORDER BY event, survey').all() as Record<string, unknown>[])
            .map(r => ({ event: r.event as string, survey: r.survey as string, customer: r.customer as string, outcome: r.outcome as Decision['outcome'], sendTime: r.send_time as number }));
    }
}
