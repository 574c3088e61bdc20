import type { EventFormat } from './events.js';
import type { Invitation } from './plan.js';
import { csvField } from './csv.js';

/**
 * Invitations in the events' format. CSV: `survey,customer,send_time,event_id` and then the
 * context columns of the events file in its order. NDJSON: one object per line with the same four
 * fields first and then the event's context fields. Times are UTC ISO 8601 (`...Z`).
 */
export function formatInvitations(invitations: readonly Invitation[], format: EventFormat, contextColumns: readonly string[]): string {
    switch (format) {
        case 'csv': {
            const lines = [['survey', 'customer', 'send_time', 'event_id', ...contextColumns].map(csvField).join(',')];
            for (const inv of invitations) {
                const context = new Map(inv.context);
                lines.push([inv.survey, inv.customer, iso(inv.sendTime), inv.event, ...contextColumns.map(c => String(context.get(c) ?? ''))].map(csvField).join(','));
            }
            return lines.join('\n') + '\n';
        }
        case 'ndjson':
            return invitations.map(inv => JSON.stringify({
                survey: inv.survey, customer: inv.customer, send_time: iso(inv.sendTime), event_id: inv.event, ...Object.fromEntries(inv.context)
            }) + '\n').join('');
    }
}

export function iso(ms: number): string {
    return new Date(ms).toISOString();
}
