/**
 * The HTML report rendered by Chromium: its charts have the marks the result calls for, hostile
 * strings from specs and files show as text, nothing runs or loads, and a screenshot is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, tempDir } from '../../../test/support/chromium.js';
import { renderHtml } from '../src/report/index.js';
import { FIXTURE, HOSTILE_IMG, HOSTILE_SCRIPT } from './report-fixture.js';

let browser: Browser;
let page: Page;
const events: string[] = [];
const requests: string[] = [];
let dir: string;

beforeAll(async () => {
    dir = tempDir('report-html');
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, renderHtml(FIXTURE, { locale: 'en' }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', e => events.push(`pageerror: ${e.message}`));
    page.on('dialog', d => { events.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('console', m => events.push(`console ${m.type()}: ${m.text()}`));
    page.on('request', r => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
});

afterAll(async () => {
    await browser?.close();
});

const count = (selector: string): Promise<number> => page.locator(selector).count();

describe('HTML report in Chromium', () => {
    test('opens offline: no script, no dialog, no CSP complaint, no request but the page itself', async () => {
        expect(events).toEqual([]);
        expect(requests).toHaveLength(1);
        expect(await count('script')).toBe(0);
        expect(await count('img')).toBe(0);
    });

    test('hostile strings show as text', async () => {
        expect(await page.locator('h1').textContent()).toBe(`Mobile order ${HOSTILE_SCRIPT}`);
        expect(await page.title()).toBe(`Mobile order ${HOSTILE_SCRIPT}: CX metrics report`);
        const body = await page.locator('body').innerText();
        expect(body).toContain(`Commuters ${HOSTILE_IMG}`);
        expect(body).toContain(`data/${HOSTILE_IMG}.csv`);
        expect(body).toContain(`Value '${HOSTILE_SCRIPT}' of 'visit_reason' is not one of its options.`);
        // A point is labelled by its touchpoint's name; the question text is in its title.
        expect(await page.locator('.ipa-chart .driver-label').allTextContents()).toContain('1. Ready notification');
        expect(await page.locator('.ipa-chart .driver-point > title').allTextContents())
            .toContain(`1. Notice ${HOSTILE_IMG}: Importance 35.0%, Top-box % 61.7; Concentrate here`);
    });

    test('overall verdict is first, as a word on its colour', async () => {
        const summary = page.locator('header .summary');
        expect((await summary.innerText()).split('\n')).toEqual(['Overall', 'MISSED', '2 met, 1 missed, 1 inconclusive, 2 insufficient, 1 without a target']);
        expect(await summary.locator('.verdict').getAttribute('class')).toBe('verdict v-missed');
        const bg = await summary.locator('.verdict').evaluate(e => getComputedStyle(e).backgroundColor);
        expect(bg).toBe('rgb(207, 34, 46)');
    });

    test('targets: one dot per metric with a value, one whisker per interval, one line per target', async () => {
        expect(await count('table.targets tbody tr')).toBe(7);
        expect(await count('.target-chart .point')).toBe(6);
        expect(await count('.target-chart .whisker')).toBe(5);
        expect(await count('.target-chart .target-line')).toBe(6);
        expect(await count('.target-chart .warning-line')).toBe(4);
        expect(await count('.target-chart .no-data')).toBe(1);
        expect(await page.locator('.target-chart .point').evaluateAll(ps => ps.map(p => p.getAttribute('class'))))
            .toEqual(['point v-inconclusive', 'point v-met', 'point v-missed', 'point v-met', 'point v-insufficient', 'point v-none']);
    });

    test('the dot sits inside its whisker, on the correct side of the target line', async () => {
        const nps = page.locator('table.targets tbody tr').first();
        const dot = await nps.locator('.point').boundingBox();
        const whisker = await nps.locator('.whisker').boundingBox();
        const target = await nps.locator('.target-line').boundingBox();
        expect(dot && whisker && target).toBeTruthy();
        const cx = dot!.x + dot!.width / 2;
        expect(cx).toBeGreaterThan(whisker!.x);
        expect(cx).toBeLessThan(whisker!.x + whisker!.width);
        // NPS 27.4 is below its target of 30, and the interval straddles it.
        expect(cx).toBeLessThan(target!.x);
        expect(whisker!.x + whisker!.width).toBeGreaterThan(target!.x);
    });

    test('trend: a line broken at the empty period, a band, a point per value, a ring on the significant change', async () => {
        expect(await count('.trend-chart')).toBe(1);
        expect(await count('.trend-chart .period-line')).toBe(1);
        const d = await page.locator('.trend-chart .period-line').getAttribute('d');
        expect(d!.match(/M/g)).toHaveLength(2);
        expect(await count('.trend-chart .ci-band')).toBe(1);
        expect(await count('.trend-chart .point')).toBe(5);
        expect(await count('.trend-chart .change-ring')).toBe(1);
        expect(await count('.trend-chart .target-line')).toBe(1);
        expect(await page.locator('.trend-chart .no-data').allTextContents()).toEqual(['no data']);
    });

    test('segments: a bar and whisker per segment with a value, everyone first', async () => {
        expect(await count('.segment-chart .bar')).toBe(3);
        expect(await count('.segment-chart .whisker')).toBe(3);
        expect(await count('.segment-chart .target-line')).toBe(1);
        const labels = await page.locator('.segment-chart .row-label').evaluateAll(ts => ts.map(t => t.querySelector('title')?.textContent));
        expect(labels).toEqual(['All', `Commuters ${HOSTILE_IMG}`, 'Leisure', 'Tourists']);
    });

    test('importance-performance: four named quadrants, every plottable driver inside its own quadrant', async () => {
        expect(await count('.ipa-chart')).toBe(2);
        expect(await page.locator('.ipa-chart').first().locator('.quadrant-label').allTextContents())
            .toEqual(['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill']);
        expect(await count('.quadrant-label')).toBe(8);
        expect(await count('.ipa-chart .driver-point')).toBe(7);
        const misplaced = await page.locator('.ipa-chart').evaluateAll(charts => charts.flatMap(chart =>
            [...chart.querySelectorAll('circle.driver-point')].filter(c => {
                const q = [...c.classList].find(k => k.startsWith('q-'));
                const rect = chart.querySelector(`rect.${q}`);
                if (rect === null) return true;
                const [x, y] = [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
                const [rx, ry] = [Number(rect.getAttribute('x')), Number(rect.getAttribute('y'))];
                return x < rx || x > rx + Number(rect.getAttribute('width')) || y < ry || y > ry + Number(rect.getAttribute('height'));
            }).map(c => c.querySelector('title')?.textContent)));
        expect(misplaced).toEqual([]);
        expect(await page.locator('#drivers figcaption').allTextContents()).toEqual(['no data: Rewards']);
    });

    test('every chart is an image with a title and description', async () => {
        const charts = await page.locator('svg.chart').evaluateAll(svgs => svgs.map(s => ({
            role: s.getAttribute('role'),
            named: s.getAttribute('aria-labelledby')!.split(' ').every(id => (document.getElementById(id)?.textContent ?? '') !== '')
        })));
        expect(charts).toHaveLength(7 + 1 + 1 + 2);
        expect(charts.every(c => c.role === 'img' && c.named)).toBe(true);
    });

    test('exclusions listed by reason with their rows', async () => {
        const rows = await page.locator('#input table').nth(1).locator('tbody tr').allInnerTexts();
        expect(rows).toEqual([
            "responses/AfterPickup.csv\tout of range\trecommend\t12\t4, 18, 77, 102, 340\tValue '11' of 'recommend' is outside 0..10.",
            `responses/AfterPickup.csv\tunknown value\tvisit_reason\t6\t9, 10\tValue '${HOSTILE_SCRIPT}' of 'visit_reason' is not one of its options.`,
            `data/${HOSTILE_IMG}.csv\tmissing key\tcustomer_id\t2\t40, 41\tRow has no customer_id; it cannot be joined.`
        ]);
    });

    test('screenshot', async () => {
        const shot = path.join(dir, 'report.png');
        await page.screenshot({ path: shot, fullPage: true });
        expect(fs.statSync(shot).size).toBeGreaterThan(50_000);
        process.stdout.write(`report screenshot: ${shot}\n`);
    });
});

describe('HTML report bytes', () => {
    test('same result, same bytes; Japanese by default', () => {
        const html = renderHtml(FIXTURE);
        expect(renderHtml(structuredClone(FIXTURE))).toBe(html);
        expect(html).toContain('<html lang="ja">');
        expect(html).toContain('<h1>モバイルオーダー &amp; ピックアップ</h1>');
        expect(html).toContain('重点改善');
        expect(html).not.toContain(HOSTILE_IMG);
        expect(html).not.toContain('<script');
    });
});
