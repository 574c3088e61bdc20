import { describe, expect, it } from 'vitest';
import { planInvitations, type History, type TouchpointEvent } from '@cxspec/program';
import { TWO_SURVEYS, modelOf } from './support.js';

const DAY = 86400000;
const T0 = Date.UTC(2026, 2, 2);

function event(id: string, customer: string, day: number, touchpoint = 'Visit'): TouchpointEvent {
    return { id, row: 0, customer, touchpoint, time: T0 + day * DAY, context: [['store', 'S1']] };
}

const EMPTY: History = { decided: () => false, contacts: () => [] };

describe('planInvitations', () => {
    it('gives the survey with priority 1 the contact, and applies the contact rules across surveys', async () => {
        const model = await modelOf(TWO_SURVEYS);
        const events = [event('e1', 'A', 0), event('e2', 'A', 10), event('e3', 'A', 31), event('e4', 'A', 62), event('e5', 'A', 93), event('b1', 'A', 1, 'Browse')];
        const plan = planInvitations(model, events, EMPTY, { now: T0 + 400 * DAY, optOuts: new Set() });
        expect(plan.invitations.map(i => `${i.survey} ${i.event}`)).toEqual(['Quick e1', 'Quick e3']);
        expect(plan.decisions.map(d => `${d.event} ${d.survey} ${d.outcome}`)).toEqual([
            'e1 Long contact-rule', 'e1 Quick invited',
            'e2 Long contact-rule', 'e2 Quick contact-rule',
            'e3 Long contact-rule', 'e3 Quick invited',
            'e4 Long contact-rule', 'e4 Quick contact-rule',
            'e5 Long contact-rule', 'e5 Quick contact-rule'
        ]);
        expect(plan.skipped).toEqual({
            'no-survey': 1, 'duplicate-event': 0, 'already-processed': 0, 'not-due': 0,
            'opted-out': 0, 'not-sampled': 0, quarantine: 0, 'contact-rule': 8
        });
    });

    it('skips opted-out customers, waits for invitations not yet due, and reads the history', async () => {
        const model = await modelOf(TWO_SURVEYS);
        const history: History = {
            decided: (e, s) => e === 'old' && s === 'Quick',
            contacts: c => (c === 'B' ? [{ survey: 'Quick', sendTime: T0 - 3 * DAY }] : [])
        };
        const events = [event('old', 'A', 0), event('o1', 'X', 0), event('b1', 'B', 2), event('late', 'C', 5)];
        const plan = planInvitations(model, events, history, { now: T0 + 5 * DAY + 30 * 60000, optOuts: new Set(['X']) });
        expect(plan.invitations.map(i => `${i.survey} ${i.customer}`)).toEqual(['Long A', 'Quick C']);
        expect(plan.skipped).toMatchObject({ 'already-processed': 1, 'opted-out': 2, quarantine: 1, 'contact-rule': 1, 'not-due': 1 });
    });

    it('gives the same invitations and decisions whatever the order of the rows, and drops repeated events', async () => {
        const model = await modelOf(TWO_SURVEYS);
        const events = Array.from({ length: 200 }, (_, i) => event(`e${i}`, `C${i % 17}`, (i * 7) % 90));
        const forward = planInvitations(model, [...events, events[3]], EMPTY, { now: T0 + 400 * DAY, optOuts: new Set() });
        const backward = planInvitations(model, [...events].reverse(), EMPTY, { now: T0 + 400 * DAY, optOuts: new Set() });
        expect(backward.invitations).toEqual(forward.invitations);
        expect(backward.decisions).toEqual(forward.decisions);
        expect(forward.skipped['duplicate-event']).toBe(1);
        expect(forward.invitations.length).toBe(34); // 17 customers, at most 2 a year each
    });
});
