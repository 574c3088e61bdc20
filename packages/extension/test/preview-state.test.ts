/**
 * Restoring the preview after a restart: which document and focus a revived panel shows, from the
 * extension's saved record and the page's own `setState` state, and the page shown when it cannot.
 */
import { describe, expect, it } from 'vitest';
import { messagePageHtml, missingSpecMessage, pageFocus, restorePlan, savedPreview } from '../src/preview-state.js';

const uri = 'file:///work/coffee/survey.cx';
/** The shape packages/preview's page saves with `setState` (PageState). */
const page = (patch: Record<string, unknown>) => ({ tab: 'survey', locale: 'en', survey: null, journey: null, scrollY: 0, answers: null, ...patch });

describe('savedPreview', () => {
    it('keeps the document and the focus, dropping a missing name', () => {
        expect(savedPreview(uri, { kind: 'survey', name: 'AfterPickup' })).toEqual({ uri, focus: { kind: 'survey', name: 'AfterPickup' } });
        expect(savedPreview(uri, { kind: 'metrics' })).toEqual({ uri, focus: { kind: 'metrics' } });
        expect(savedPreview(uri, undefined)).toEqual({ uri });
    });

    it('survives the JSON round trip of the workspace state', () => {
        const record = savedPreview(uri, { kind: 'journey', name: 'Order' });
        expect(restorePlan(JSON.parse(JSON.stringify(record)), undefined)).toEqual({ kind: 'show', uri, focus: { kind: 'journey', name: 'Order' } });
    });
});

describe('restorePlan', () => {
    it('shows the saved document with the survey the page had picked', () => {
        const saved = savedPreview(uri, { kind: 'survey', name: 'AfterPickup' });
        expect(restorePlan(saved, page({ survey: 'AfterDelivery' }))).toEqual({ kind: 'show', uri, focus: { kind: 'survey', name: 'AfterDelivery' } });
    });

    it('follows the page to the journey or metrics tab', () => {
        const saved = savedPreview(uri, { kind: 'survey', name: 'AfterPickup' });
        expect(restorePlan(saved, page({ tab: 'journey', journey: 'Order' }))).toEqual({ kind: 'show', uri, focus: { kind: 'journey', name: 'Order' } });
        expect(restorePlan(saved, page({ tab: 'metrics' }))).toEqual({ kind: 'show', uri, focus: { kind: 'metrics' } });
    });

    it('keeps the saved focus when the page named nothing or saved no state', () => {
        const saved = savedPreview(uri, { kind: 'journey', name: 'Order' });
        expect(restorePlan(saved, page({ tab: 'journey', journey: null }))).toEqual({ kind: 'show', uri, focus: { kind: 'journey', name: 'Order' } });
        expect(restorePlan(saved, undefined)).toEqual({ kind: 'show', uri, focus: { kind: 'journey', name: 'Order' } });
        expect(restorePlan(savedPreview(uri, undefined), undefined)).toEqual({ kind: 'show', uri });
    });

    it('ignores a page state or saved focus of the wrong shape', () => {
        const saved = { uri, focus: { kind: 'survey', name: 42 } };
        expect(restorePlan(saved, { tab: 'settings', survey: 'X' })).toEqual({ kind: 'show', uri });
        expect(restorePlan(saved, 'survey')).toEqual({ kind: 'show', uri });
        expect(restorePlan(saved, [page({ survey: 'X' })])).toEqual({ kind: 'show', uri });
        expect(pageFocus(page({ survey: '' }))).toBeUndefined();
    });

    it('knows no document without a saved record holding one', () => {
        for (const saved of [undefined, null, {}, { uri: '' }, { uri: 7 }, 'file:///x.cx', [uri]]) {
            expect(restorePlan(saved, page({ survey: 'AfterPickup' }))).toEqual({ kind: 'unknown' });
        }
    });
});

describe('messagePageHtml', () => {
    it('shows the message escaped, with a CSP that lets nothing load or run', () => {
        const html = messagePageHtml('CXSpec Preview', missingSpecMessage('specs/<old>.cx'));
        expect(html).toContain(`content="default-src 'none'; base-uri 'none'; form-action 'none'"`);
        expect(html).toContain("<p id=\"cx-message\">specs/&lt;old&gt;.cx no longer exists, so its preview cannot be restored. Open a .cx file and run &#39;CXSpec: Open Preview to the Side&#39; (Ctrl+K V).</p>");
        expect(html).not.toMatch(/<script|<link|<style/);
    });
});
