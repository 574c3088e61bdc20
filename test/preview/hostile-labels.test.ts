/**
 * Spec strings are data, never markup: labels holding `<img onerror>`, `<svg onload>`,
 * `</script><script>` and `<!--` are shown verbatim in every part of the preview and run nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadWorkspace } from '@cxspec/language';
import { renderStandalonePreview } from '@cxspec/preview/node';
import { launchChromium, tempDir } from '../support/chromium.js';
import { openPreview, type OpenedPreview } from './preview-page.js';

let browser: Browser;
let preview: OpenedPreview;
let html: string;
const out = tempDir('preview-hostile');

beforeAll(async () => {
    const workspace = await loadWorkspace(['test/preview/fixtures/hostile']);
    expect(workspace.hasErrors).toBe(false);
    html = renderStandalonePreview(workspace.model('Hostile'), { kind: 'survey', name: 'Ask' });
    fs.writeFileSync(path.join(out, 'hostile.html'), html);
    browser = await launchChromium();
    preview = await openPreview(browser, path.join(out, 'hostile.html'));
});

afterAll(async () => {
    await preview?.close();
    await browser?.close();
});

/** Elements that would mean a label became markup: injected images, SVGs, scripts or handlers. */
const injectedNodes = () => preview.page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    scripts: document.scripts.length,
    bold: document.querySelectorAll('b').length,
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null
}));

describe('hostile labels in the standalone preview', () => {
    it('embeds the data with every < escaped, so only the page bundle and the JSON are scripts', () => {
        const scripts = html.match(/<script\b/g) ?? [];
        expect(scripts).toHaveLength(2);
        const json = html.slice(html.indexOf('<script type="application/json"'), html.indexOf('</script>') + 9);
        expect(json.slice(json.indexOf('>') + 1, -9)).not.toMatch(/[<>&]/);
    });

    it('shows survey labels as text', async () => {
        const { page } = preview;
        await page.waitForSelector('.sd-question[data-name="score"]');
        expect(await page.textContent('.sd-question[data-name="score"] .sd-question__title')).toContain('Score <img src=x onerror=alert(4)></script><!--');
        expect(await page.textContent('.sd-title')).toContain('Ask <img src=x onerror=alert(3)>');
        const options = await page.$$eval('.sd-question[data-name="pick"] .sd-item__control-label', ls => ls.map(l => l.textContent));
        expect(options).toEqual(['<img src=x onerror=alert(5)>', 'Tom & "Jerry" \'quoted\'']);
        // Names only by default; the designer view adds the ids.
        expect(await page.textContent('.cx-header h1')).toBe('Spec <img src=x onerror="window.__pwned=1"> </script>');
        expect(await injectedNodes()).toEqual({ img: 0, handlers: 0, scripts: 2, bold: 0, pwned: null });
    });

    it('shows journey labels as text and marks the unmeasured touchpoint', async () => {
        const { page } = preview;
        await page.click('.cx-tabs button[data-tab="journey"]');
        expect(await page.textContent('.cx-journey h2')).toBe('Journey </script><script>window.__pwned=2</script>');
        expect(await page.textContent('.cx-stage h3')).toBe('<b>Buy</b>');
        expect(await page.textContent('.cx-card[data-touchpoint="Shop"] h4')).toBe('Shop <svg onload=alert(2)>');
        expect(await page.textContent('.cx-card[data-touchpoint="Shop"] .cx-owner')).toBe('Owner: <img src=x onerror=alert(1)>');
        expect(await page.$$eval('.cx-card.cx-gap', cs => cs.map(c => c.getAttribute('data-touchpoint')))).toEqual(['Unmeasured']);
        expect(await page.textContent('.cx-card.cx-gap .cx-gap-note')).toBe('Coverage gap: no question measures this touchpoint.');
        expect(await page.textContent('.cx-gap-summary')).toBe('1 touchpoint with no question measuring it (coverage gap).');
        // Left out on purpose: no gap, marked as not measured with its reason (as text).
        expect(await page.$$eval('.cx-card.cx-unmeasured', cs => cs.map(c => [c.getAttribute('data-touchpoint'), c.querySelector('.cx-unmeasured-note')?.textContent,
            c.querySelector('.cx-badge')?.textContent])))
            .toEqual([['Desk', 'Not measured by a survey, on purpose: Observed <img src=x onerror=alert(7)> by staff', 'In person']]);
        await page.screenshot({ path: path.join(out, 'hostile-journey.png') });
        expect(await injectedNodes()).toEqual({ img: 0, handlers: 0, scripts: 2, bold: 0, pwned: null });
    });

    it('shows metric labels as text', async () => {
        const { page } = preview;
        await page.click('.cx-tabs button[data-tab="metrics"]');
        expect(await page.textContent('.cx-metrics tbody tr td')).toBe('Metric <img src=x onerror=alert(6)>');
        await page.check('#cx-designer');
        expect(await page.textContent('.cx-header h1')).toBe('Spec <img src=x onerror="window.__pwned=1"> </script> Hostile');
        expect(await page.textContent('.cx-metrics tbody tr td')).toBe('Metric <img src=x onerror=alert(6)>m');
        expect(await injectedNodes()).toEqual({ img: 0, handlers: 0, scripts: 2, bold: 0, pwned: null });
    });

    it('opened no dialog, raised no error and requested nothing', () => {
        expect(preview.incidents).toEqual([]);
        expect(preview.external).toEqual([]);
    });
});
