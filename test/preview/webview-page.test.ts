/**
 * The preview page as the VS Code webview runs it (assets linked, not inlined), in Chromium. VS Code
 * itself cannot run here, so the test plays the extension's part through the same API the page
 * uses: `acquireVsCodeApi()` (postMessage, getState, setState) and `window.postMessage` for host
 * messages. Checks that edits re-render in place (answers and scroll kept), errors keep the last
 * render, and a reloaded webview comes back with its tab, locale, answers and scroll.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { buildPreviewData, renderPreviewHtml, type PreviewData } from '@cxspec/preview';
import { previewAssetFiles } from '@cxspec/preview/node';
import { launchChromium, tempDir } from '../support/chromium.js';
import { visibleQuestions } from './preview-page.js';

let browser: Browser;
let context: BrowserContext;
let model: CxModel;
let file: string;
const out = tempDir('preview-webview');

function pageHtml(data: PreviewData): string {
    const assets = previewAssetFiles();
    return renderPreviewHtml(data, {
        kind: 'linked',
        cspSource: 'file:',
        scriptUri: pathToFileURL(assets.script).href,
        styleUri: pathToFileURL(assets.style).href
    }, 'dGVzdC1ub25jZS0xMjM0NTY3OA');
}

/** Stands in for VS Code's webview host: records what the page posts and keeps its state. */
async function openWebview(state: unknown): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(initial => {
        const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi(): unknown };
        w.__posted = [];
        w.__state = initial ?? undefined;
        w.acquireVsCodeApi = () => ({
            postMessage: (m: unknown) => w.__posted.push(m),
            getState: () => w.__state,
            setState: (s: unknown) => { w.__state = s; }
        });
    }, state);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('.cx-header');
    return page;
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
const savedState = (page: Page) => page.evaluate(() => (window as unknown as { __state: Record<string, unknown> }).__state);
const hostSends = (page: Page, message: unknown) => page.evaluate(m => window.postMessage(m, '*'), message);

/**
 * Scrolls to `y` once the layout is final, and waits until the page has saved it. SurveyJS animates
 * a question that appears (its row grows from no height); a scroll made meanwhile is moved by
 * Chromium's scroll anchoring as the content above grows, so it waits for running animations first.
 */
async function scrollTo(page: Page, y: number): Promise<void> {
    await page.waitForFunction(() => document.getAnimations().every(a => a.playState !== 'running'));
    await page.evaluate(to => window.scrollTo(0, to), y);
    await page.waitForFunction(to => (window as unknown as { __state?: { scrollY: number } }).__state?.scrollY === to, y);
}

beforeAll(async () => {
    const workspace = await loadWorkspace(['examples/coffee-mobile-order']);
    model = workspace.model('CoffeeMobileOrder');
    file = path.join(out, 'webview.html');
    fs.writeFileSync(file, pageHtml(buildPreviewData(model, { kind: 'survey', name: 'AfterPickup' })));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 700 } });
});

afterAll(async () => {
    await context?.close();
    await browser?.close();
});

describe('preview page in webview mode', () => {
    let page: Page;

    it('loads its linked bundle under the webview CSP and tells the host it is ready', async () => {
        page = await openWebview(null);
        await page.waitForSelector('.sd-question[data-name="recommend"]');
        expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(
            "default-src 'none'; script-src 'nonce-dGVzdC1ub25jZS0xMjM0NTY3OA'; " +
            "style-src file: 'nonce-dGVzdC1ub25jZS0xMjM0NTY3OA' 'unsafe-hashes' 'sha256-Pp/vtHUW8EEiAh+JanwlbSOqQNrAchhFv9X7z+N5oOw='; " +
            "img-src file: data:; font-src file: data:; base-uri 'none'; form-action 'none'");
        expect(await posted(page)).toEqual([{ type: 'ready' }]);
    });

    it('re-renders an edit in place, keeping answers and scroll position', async () => {
        await page.click('.sd-question[data-name="recommend"] label.sd-rating__item:has(input[value="3"])');
        await page.waitForSelector('.sd-question[data-name="reason"]');
        await scrollTo(page, 500);

        const edited = structuredClone(model);
        edited.surveys[0].questions.find(q => q.name === 'menu_ease')!.text.ja = '編集後の設問文';
        await hostSends(page, { type: 'update', data: buildPreviewData(edited, { kind: 'survey', name: 'AfterPickup' }) });
        await page.waitForSelector('text=編集後の設問文');
        expect(await page.isChecked('.sd-question[data-name="recommend"] input[value="3"]')).toBe(true);
        expect(await visibleQuestions(page)).toEqual(['recommend', 'reason', 'menu_ease', 'payment', 'ready_notice', 'ready_on_arrival', 'pickup', 'drink', 'rewards', 'visit_reason']);
        expect(await page.evaluate(() => window.scrollY)).toBe(500);
    });

    it('keeps the last render and shows why when the host reports an error', async () => {
        await hostSends(page, { type: 'error', message: "Spec 'CoffeeMobileOrder' has errors; fix them to update the preview (survey.cx:3:5: ...)." });
        await page.waitForSelector('#cx-banner:not([hidden])');
        expect(await page.textContent('#cx-banner')).toBe("プレビューは更新されていません: Spec 'CoffeeMobileOrder' has errors; fix them to update the preview (survey.cx:3:5: ...).");
        expect(await page.textContent('.sd-question[data-name="menu_ease"] .sd-question__title')).toContain('編集後の設問文');
    });

    it('tells the host what the reviewer looks at and saves tab and locale', async () => {
        await page.selectOption('select#cx-locale', 'en');
        await page.click('.cx-tabs button[data-tab="journey"]');
        expect((await posted(page)).slice(1)).toEqual([{ type: 'focus', kind: 'journey', name: 'MobileOrder' }]);
        const state = await savedState(page);
        expect([state.tab, state.locale, state.survey, state.journey]).toEqual(['journey', 'en', 'AfterPickup', null]);
        await page.screenshot({ path: path.join(out, 'webview-journey.png') });
    });

    it('comes back from a reload (hidden webview shown again) with tab, locale, answers and scroll', async () => {
        await page.click('.cx-tabs button[data-tab="survey"]');
        await scrollTo(page, 700);
        const state = await savedState(page);
        await page.close();
        page = await openWebview(state);
        expect(await page.getAttribute('.cx-tabs button[aria-selected="true"]', 'data-tab')).toBe('survey');
        expect(await page.textContent('.sd-question[data-name="recommend"] .sd-question__title')).toContain('How likely are you to recommend mobile order');
        expect(await page.evaluate(() => window.scrollY)).toBe(700);
        expect(await page.isChecked('.sd-question[data-name="recommend"] input[value="3"]')).toBe(true);
        expect(await visibleQuestions(page)).toContain('reason');
        await page.close();
    });
});
