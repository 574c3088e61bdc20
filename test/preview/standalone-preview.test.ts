/**
 * The standalone preview (`cxspec preview`'s output) of the coffee example, opened in Debian's
 * Chromium: SurveyJS renders the compiled survey, its display logic runs, the locale switcher
 * works, the journey map and metric targets are drawn, and the page stays offline and CSP-clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadWorkspace } from '@cxspec/language';
import { renderStandalonePreview } from '@cxspec/preview/node';
import { launchChromium, tempDir } from '../support/chromium.js';
import { openPreview, visibleQuestions, type OpenedPreview } from './preview-page.js';

/** The journey map as a stakeholder sees it: titles, channels and question kinds in words, no ids. */
const JOURNEY_DEFAULT_VIEW = [
    { title: 'Order', cards: [
        { title: 'Menu and customization', channel: 'App', questions: ['Effort (CES) The app made it easy to order exactly what I wanted.'],
            metrics: 'Metrics: Ordering ease (CES agree rate)', codes: 0, gap: false },
        { title: 'Payment', channel: 'App', questions: ['Satisfaction (CSAT) How satisfied are you with paying in the app?'], metrics: null, codes: 0, gap: false }
    ] },
    { title: 'Waiting', cards: [
        { title: 'Order-ready notification', channel: 'App', questions: ['Rating How well timed was the order-ready notification?'], metrics: null, codes: 0, gap: false }
    ] },
    { title: 'Pick-up', cards: [
        { title: 'Pick-up counter', channel: 'Store', questions: ['Satisfaction (CSAT) How satisfied are you with collecting your order at the pick-up counter?'],
            metrics: 'Metrics: Pick-up CSAT', codes: 0, gap: false }
    ] },
    { title: 'Return visits', cards: [
        { title: 'Points and rewards', channel: 'App', questions: ['Rating Do the points and rewards make you want to use mobile order again?'], metrics: null, codes: 0, gap: false }
    ] }
];
/** The metric table as a stakeholder sees it: what each metric measures in words, segments and touchpoints by title. */
const METRICS_DEFAULT_VIEW = [
    ['Mobile order NPS', 'NPS of “How likely are you to recommend mobile order to a friend or colleague?”: promoters (9–10) minus detractors (0–6)',
        '>= 30 pts', '35 pts', 'by Commuters, Leisure visitors, per month', '—'],
    ['Pick-up CSAT', 'Share of answers in the top 2 (4–5) of “How satisfied are you with collecting your order at the pick-up counter?”',
        '>= 80%', '85%', 'per month', 'Pick-up counter'],
    ['Drink quality CSAT', 'Share of answers in the top 2 (4–5) of “How satisfied are you with the quality of your drink and food (temperature, taste, customization)?”',
        '>= 85%', '90%', 'by Commuters, Leisure visitors, per month', '—'],
    ['Ordering ease (CES agree rate)', 'Share of answers in the top 3 (5–7) of “The app made it easy to order exactly what I wanted.”',
        '>= 75%', '80%', '—', 'Menu and customization'],
    ['Not ready on arrival', 'Share of Mobile order feedback meeting its condition', '<= 10%', '7%', 'per month', '—']
];
const ALL_BUT_REASON = ['recommend', 'menu_ease', 'payment', 'ready_notice', 'ready_on_arrival', 'pickup', 'drink', 'rewards', 'visit_reason'];

let browser: Browser;
let file: string;
let preview: OpenedPreview;
const out = tempDir('preview');

beforeAll(async () => {
    const workspace = await loadWorkspace(['examples/coffee-mobile-order']);
    file = path.join(out, 'coffee.html');
    fs.writeFileSync(file, renderStandalonePreview(workspace.model('CoffeeMobileOrder'), { kind: 'survey', name: 'AfterPickup' }));
    browser = await launchChromium();
});

afterAll(async () => {
    await preview?.close();
    await browser?.close();
});

describe('standalone preview of examples/coffee-mobile-order', () => {
    it('renders the survey in the default locale under a nonce CSP', async () => {
        preview = await openPreview(browser, file);
        const { page } = preview;
        await page.waitForSelector('.sd-question[data-name="recommend"]');
        const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(csp).toMatch(/^default-src 'none'; script-src 'nonce-([A-Za-z0-9_-]{32})'; style-src 'nonce-\1' 'unsafe-hashes' 'sha256-Pp\/vtHUW8EEiAh\+JanwlbSOqQNrAchhFv9X7z\+N5oOw='; img-src data:; font-src data:; base-uri 'none'; form-action 'none'$/);
        expect(await visibleQuestions(page)).toEqual(ALL_BUT_REASON);
        expect(await page.textContent('.sd-question[data-name="recommend"] .sd-question__title'))
            .toContain('モバイルオーダーを友人や同僚に薦める可能性はどのくらいありますか?');
        expect(await page.textContent('.sd-title.sd-container-modern__title, .sd-title')).toContain('モバイルオーダーご利用アンケート');
        expect(await page.$$eval('select#cx-locale option', os => os.map(o => (o as HTMLOptionElement).value))).toEqual(['ja', 'en']);
    });

    it('shows the follow-up when 3 is chosen on the NPS question and hides it again at 9', async () => {
        const { page } = preview;
        const choose = (n: number) => page.click(`.sd-question[data-name="recommend"] label.sd-rating__item:has(input[value="${n}"])`);
        await choose(3);
        await page.waitForSelector('.sd-question[data-name="reason"]');
        expect(await visibleQuestions(page)).toEqual(['recommend', 'reason', ...ALL_BUT_REASON.slice(1)]);
        expect(await page.textContent('.sd-question[data-name="reason"] .sd-question__title')).toContain('3 点と評価された一番の理由を教えてください。');
        await choose(9);
        await page.waitForSelector('.sd-question[data-name="reason"]', { state: 'detached' });
        expect(await visibleQuestions(page)).toEqual(ALL_BUT_REASON);
    });

    it('switches every text to English with the locale switcher, keeping the answers', async () => {
        const { page } = preview;
        await page.selectOption('select#cx-locale', 'en');
        await page.waitForSelector('text=How likely are you to recommend mobile order to a friend or colleague?');
        expect(await page.textContent('.sd-question[data-name="recommend"] .sd-question__title'))
            .toContain('How likely are you to recommend mobile order to a friend or colleague?');
        expect(await page.textContent('.sd-question[data-name="visit_reason"]')).toContain('On my commute');
        expect(await page.$$eval('.cx-tabs button', bs => bs.map(b => b.textContent))).toEqual(['Survey', 'Journey map', 'Metric targets']);
        expect(await page.isChecked('.sd-question[data-name="recommend"] input[value="9"]')).toBe(true);
        await page.screenshot({ path: path.join(out, 'survey-en.png'), fullPage: false });
    });

    it('draws the journey map by names and plain words: stages as columns, touchpoints as cards with channel, owner, questions and metrics', async () => {
        const { page } = preview;
        await page.click('.cx-tabs button[data-tab="journey"]');
        await page.waitForSelector('.cx-journey');
        const stages = await page.$$eval('.cx-stage', nodes => nodes.map(n => ({
            title: n.querySelector('h3')?.textContent,
            cards: [...n.querySelectorAll('.cx-card')].map(c => ({
                title: c.querySelector('h4')?.textContent,
                channel: c.querySelector('.cx-badge')?.textContent,
                questions: [...c.querySelectorAll('.cx-questions li')].map(q => q.textContent),
                metrics: c.querySelector('.cx-metric-refs')?.textContent ?? null,
                codes: c.querySelectorAll('code').length,
                gap: c.classList.contains('cx-gap')
            }))
        })));
        expect(stages).toEqual(JOURNEY_DEFAULT_VIEW);
        expect(await page.textContent('.cx-card[data-touchpoint="PickupShelf"] .cx-owner')).toBe('Owner: 店舗運営部 / Store operations');
        expect(await page.textContent('.cx-gap-summary')).toBe('Every touchpoint is measured by at least one question.');
        const shown = await page.innerText('main');
        for (const id of ['AfterPickup', 'MenuBrowse', 'PickupShelf', 'ordering_ease', 'pickup_csat', 'menu_ease']) expect(shown, id).not.toContain(id);
        await page.screenshot({ path: path.join(out, 'journey-en.png'), fullPage: true });
    });

    it('shows the ids and rules in the designer view', async () => {
        const { page } = preview;
        await page.check('#cx-designer');
        const cards = await page.$$eval('.cx-card', cs => cs.map(c => ({
            name: c.getAttribute('data-touchpoint'),
            channel: c.querySelector('.cx-badge')?.textContent,
            codes: [...c.querySelectorAll('code')].map(q => q.textContent)
        })));
        expect(cards).toEqual([
            { name: 'MenuBrowse', channel: 'app', codes: ['MenuBrowse', 'AfterPickup.menu_ease', 'ordering_ease'] },
            { name: 'Payment', channel: 'app', codes: ['Payment', 'AfterPickup.payment'] },
            { name: 'ReadyNotice', channel: 'app', codes: ['ReadyNotice', 'AfterPickup.ready_notice'] },
            { name: 'PickupShelf', channel: 'store', codes: ['PickupShelf', 'AfterPickup.pickup', 'pickup_csat', 'AfterPickup'] },
            { name: 'Rewards', channel: 'app', codes: ['Rewards', 'AfterPickup.rewards'] }
        ]);
        await page.click('.cx-tabs button[data-tab="metrics"]');
        expect(await page.$$eval('.cx-metrics tbody tr td:nth-child(2) code', cs => cs.map(c => c.textContent))).toEqual([
            'nps(AfterPickup.recommend)', 'top(AfterPickup.pickup, 2)', 'top(AfterPickup.drink, 2)', 'top(AfterPickup.menu_ease, 3)',
            'rate(AfterPickup where ready_on_arrival = false)'
        ]);
        await page.uncheck('#cx-designer');
    });

    it('lists the metric targets with what they measure in words, target, warning and breakdown', async () => {
        const { page } = preview;
        await page.click('.cx-tabs button[data-tab="metrics"]');
        const rows = await page.$$eval('.cx-metrics tbody tr', trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)));
        expect(rows).toEqual(METRICS_DEFAULT_VIEW);
        expect(await page.locator('.cx-metrics code').count()).toBe(0);
        await page.screenshot({ path: path.join(out, 'metrics-en.png'), fullPage: true });
    });

    it('made no request outside the file and had no error, dialog or CSP violation', () => {
        expect(preview.external).toEqual([]);
        expect(preview.incidents).toEqual([]);
    });
});
