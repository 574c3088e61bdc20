/**
 * The standalone preview of a survey with a welcome text, pages, a group and piping, opened in
 * Chromium: the welcome page comes first, Next and Previous move between the pages, a page whose
 * display logic fails is skipped, the group is a titled panel and a piped answer shows live.
 * A 390 px wide screenshot is written for a person to look at.
 */
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadWorkspace } from '@cxspec/language';
import { renderStandalonePreview } from '@cxspec/preview/node';
import { launchChromium, tempDir } from '../support/chromium.js';
import { openPreview, visibleQuestions, type OpenedPreview } from './preview-page.js';

let browser: Browser;
let preview: OpenedPreview;
const out = tempDir('pages-preview');
const file = path.join(out, 'stay.html');

beforeAll(async () => {
    const workspace = await loadWorkspace(['packages/compiler/test/fixtures/pages.cx']);
    fs.writeFileSync(file, renderStandalonePreview(workspace.model('Stay'), { kind: 'survey', name: 'AfterStay' }));
    browser = await launchChromium();
});

afterAll(async () => {
    await preview?.close();
    await browser?.close();
});

describe('preview of a multi-page survey', () => {
    it('at 390 px (a phone) keeps the NPS and CSAT scales as rows of buttons, never a drop-down', async () => {
        const narrow = await openPreview(browser, file);
        try {
            const { page } = narrow;
            await page.setViewportSize({ width: 390, height: 844 });
            await page.waitForSelector('text=Thank you for staying with us. This takes two minutes.');
            await page.click('.sd-navigation__start-btn');
            await page.waitForSelector('.sd-question[data-name="recommend"] .sd-rating__item');
            const scale = async (name: string) => page.$eval(`.sd-question[data-name="${name}"]`, q => ({
                buttons: q.querySelectorAll('.sd-rating__item').length,
                dropdowns: q.querySelectorAll('.sd-dropdown, select').length,
                // Every button inside the question's width: wrapped onto rows, not cut off.
                overflow: [...q.querySelectorAll('.sd-rating__item')].some(b => b.getBoundingClientRect().right > q.getBoundingClientRect().right + 0.5)
            }));
            expect(await scale('recommend')).toEqual({ buttons: 11, dropdowns: 0, overflow: false });
            await page.screenshot({ path: path.join(out, 'nps-390.png'), fullPage: true });
            await page.click('.sd-question[data-name="recommend"] label.sd-rating__item:has(input[value="9"])');
            await page.click('.sd-navigation__next-btn');
            await page.waitForSelector('.sd-question[data-name="clean"] .sd-rating__item');
            expect(await scale('clean')).toEqual({ buttons: 5, dropdowns: 0, overflow: false });
        } finally {
            await narrow.close();
        }
    });

    it('starts on the welcome page, then walks the pages with Next and Previous, piping live', async () => {
        preview = await openPreview(browser, file);
        const { page } = preview;
        await page.waitForSelector('text=Thank you for staying with us. This takes two minutes.');
        expect(await visibleQuestions(page)).toEqual(['welcome_text']);
        await page.click('.sd-navigation__start-btn');
        await page.waitForSelector('.sd-question[data-name="recommend"]');
        expect(await visibleQuestions(page)).toEqual(['recommend']);
        await page.click('.sd-question[data-name="recommend"] label.sd-rating__item:has(input[value="3"])');
        await page.click('.sd-navigation__next-btn');
        await page.waitForSelector('.sd-question[data-name="clean"]');
        expect(await page.textContent('.sd-page__title')).toContain('Your room');
        expect(await page.textContent('.sd-page__description')).toContain('About the room you stayed in.');
        expect(await page.textContent('.sd-panel__title')).toContain('Your night');
        expect(await visibleQuestions(page)).toEqual(['clean', 'bed']);
        await page.click('.sd-navigation__next-btn');
        await page.waitForSelector('.sd-question[data-name="why"]');
        expect(await page.textContent('.sd-page__title')).toContain('What went wrong');
        expect(await page.textContent('.sd-question[data-name="why"] .sd-question__title')).toContain('You rated us 3. What should we have done better?');
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: path.join(out, 'pages-390.png'), fullPage: true });
        await page.setViewportSize({ width: 1200, height: 900 });
        await page.click('.sd-navigation__prev-btn');
        await page.waitForSelector('.sd-question[data-name="clean"]');
        await page.click('.sd-navigation__prev-btn');
        await page.click('.sd-question[data-name="recommend"] label.sd-rating__item:has(input[value="9"])');
        await page.click('.sd-navigation__next-btn');
        await page.waitForSelector('.sd-question[data-name="clean"]');
        // recommend 9 and clean unanswered: the complaint page is skipped, so this page is the last.
        expect(await page.isVisible('.sd-navigation__complete-btn')).toBe(true);
        expect(await page.isVisible('.sd-navigation__next-btn')).toBe(false);
        expect(preview.incidents).toEqual([]);
        expect(preview.external).toEqual([]);
    });
});
