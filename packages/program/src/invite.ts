import fs from 'node:fs';
import { InputError, type CxModel } from '@cxspec/model';
import { readEvents, type BadEvent, type BadEventReason, type EventFile } from './events.js';
import { planInvitations, type Plan } from './plan.js';
import { InviteState } from './state.js';

export interface InviteOptions {
    events: string;
    /** State file; none keeps the history in memory for this run only. */
    state?: string;
    /** Invitations due at or before this instant are decided; later ones wait for a later run. */
    now: number;
    optOuts?: string;
    /** Decide without recording: the transaction is rolled back. */
    dryRun?: boolean;
    /** Any bad event stops the run from recording, as a dry run does. */
    strict?: boolean;
    /** Called once the run has written its first decision inside its transaction. */
    onRecording?: (decisions: number) => void;
}

export interface InviteResult extends Plan {
    file: EventFile;
    bad: BadEvent[];
    badByReason: Record<BadEventReason, number>;
    /** False when nothing was recorded: a dry run, or --strict with bad events. */
    recorded: boolean;
}

/** Reads the events, decides the invitations against the state, and records them in one transaction. */
export function runInvite(model: CxModel, options: InviteOptions): InviteResult {
    const touchpoints = new Set(model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints.map(t => t.name))));
    const file = readEvents(options.events, touchpoints);
    const optOuts = options.optOuts === undefined ? new Set<string>() : readOptOuts(options.optOuts);
    const state = InviteState.open(options.state);
    try {
        state.begin();
        let plan: Plan;
        try {
            plan = planInvitations(model, file.events, state, { now: options.now, optOuts });
            state.record(plan.decisions, () => options.onRecording?.(plan.decisions.length));
        } catch (error) {
            state.rollback();
            throw error;
        }
        const recorded = !options.dryRun && !(options.strict && file.bad.length > 0);
        if (recorded) state.commit();
        else state.rollback();
        const badByReason: Record<BadEventReason, number> = { 'missing-customer': 0, 'unknown-touchpoint': 0, 'bad-time': 0, 'bad-record': 0 };
        for (const b of file.bad) badByReason[b.reason]++;
        return { ...plan, file, bad: file.bad, badByReason, recorded };
    } finally {
        state.close();
    }
}

/** Customer keys that opted out: one per line; blank lines and lines starting with `#` are skipped. */
export function readOptOuts(file: string): Set<string> {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        throw new InputError(file, `cannot read the opt-outs (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return new Set(text.split(/\r?\n/).map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#')));
}
