/** The host acts only on webview messages of a known shape. */
import { describe, expect, it } from 'vitest';
import { parsePageMessage } from '../src/page-message.js';

describe('parsePageMessage', () => {
    it('accepts the messages the page sends', () => {
        expect(parsePageMessage({ type: 'ready' })).toEqual({ type: 'ready' });
        expect(parsePageMessage({ type: 'focus', kind: 'survey', name: 'AfterPickup' })).toEqual({ type: 'focus', kind: 'survey', name: 'AfterPickup' });
        expect(parsePageMessage({ type: 'focus', kind: 'metrics' })).toEqual({ type: 'focus', kind: 'metrics' });
        // Extra fields are dropped, not passed on.
        expect(parsePageMessage({ type: 'ready', html: '<script>' })).toEqual({ type: 'ready' });
    });

    it('ignores anything else', () => {
        for (const value of [null, undefined, 'ready', 42, [], {}, { type: 'update' }, { type: 'focus' }, { type: 'focus', kind: 'file' },
            { type: 'focus', kind: 'survey', name: 7 }, { type: 'focus', kind: 'survey', name: '../../etc/passwd' }, { type: 'focus', kind: 'journey', name: '' }]) {
            expect([value, parsePageMessage(value)]).toEqual([value, undefined]);
        }
    });
});
