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
        expect(await page.textContent('.sd-question[data-name="reason"] .sd-question__title')).toContain('そのように評価された一番の理由を教えてください。');
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

    it('draws the journey map: stages as columns, touchpoints as cards with channel, owner, questions and metrics', async () => {
        const { page } = preview;
        await page.click('.cx-tabs button[data-tab="journey"]');
        await page.waitForSelector('.cx-journey');
        const stages = await page.$$eval('.cx-stage', nodes => nodes.map(n => ({
            stage: n.getAttribute('data-stage'),
            title: n.querySelector('h3')?.textContent,
            cards: [...n.querySelectorAll('.cx-card')].map(c => ({
                name: c.getAttribute('data-touchpoint'),
                channel: c.querySelector('.cx-badge')?.textContent,
                questions: [...c.querySelectorAll('.cx-questions code')].map(q => q.textContent),
                metrics: [...c.querySelectorAll('.cx-metric-refs code')].map(q => q.textContent),
                gap: c.classList.contains('cx-gap')
            }))
        })));
        expect(stages).toEqual([
            { stage: 'Order', title: 'Order', cards: [
                { name: 'MenuBrowse', channel: 'app', questions: ['AfterPickup.menu_ease'], metrics: ['ordering_ease'], gap: false },
                { name: 'Payment', channel: 'app', questions: ['AfterPickup.payment'], metrics: [], gap: false }
            ] },
            { stage: 'Wait', title: 'Waiting', cards: [
                { name: 'ReadyNotice', channel: 'app', questions: ['AfterPickup.ready_notice'], metrics: [], gap: false }
            ] },
            { stage: 'Pickup', title: 'Pick-up', cards: [
                { name: 'PickupShelf', channel: 'store', questions: ['AfterPickup.pickup'], metrics: ['pickup_csat'], gap: false }
            ] },
            { stage: 'Loyalty', title: 'Return visits', cards: [
                { name: 'Rewards', channel: 'app', questions: ['AfterPickup.rewards'], metrics: [], gap: false }
            ] }
        ]);
        expect(await page.textContent('.cx-card[data-touchpoint="PickupShelf"] .cx-owner')).toBe('Owner: 店舗運営部 / Store operations');
        expect(await page.textContent('.cx-gap-summary')).toBe('Every touchpoint is measured by at least one question.');
        await page.screenshot({ path: path.join(out, 'journey-en.png'), fullPage: true });
    });

    it('lists the metric targets with formula, target, warning and breakdown', async () => {
        const { page } = preview;
        await page.click('.cx-tabs button[data-tab="metrics"]');
        const rows = await page.$$eval('.cx-metrics tbody tr', trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)));
        expect(rows).toEqual([
            ['Mobile order NPSnps_all', 'nps(AfterPickup.recommend)', '>= 30 pts', '35 pts', 'by Commuter, Leisure per month', '—'],
            ['Pick-up CSATpickup_csat', 'top(AfterPickup.pickup, 2)', '>= 80%', '85%', 'per month', 'PickupShelf'],
            ['Drink quality CSATdrink_csat', 'top(AfterPickup.drink, 2)', '>= 85%', '90%', 'by Commuter, Leisure per month', '—'],
            ['Ordering ease (CES agree rate)ordering_ease', 'top(AfterPickup.menu_ease, 3)', '>= 75%', '80%', '—', 'MenuBrowse'],
            ['Not ready on arrivalnot_ready', 'rate(AfterPickup where ready_on_arrival = false)', '<= 10%', '7%', 'per month', '—']
        ]);
        await page.screenshot({ path: path.join(out, 'metrics-en.png'), fullPage: true });
    });

    it('made no request outside the file and had no error, dialog or CSP violation', () => {
        expect(preview.external).toEqual([]);
        expect(preview.incidents).toEqual([]);
    });
});
