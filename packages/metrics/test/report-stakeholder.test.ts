/**
 * The HTML report as a stakeholder reads it, in Chromium: headline metrics first, a table of
 * contents, names instead of ids, every text in the report's locale, the warning state only where
 * it adds to the verdict, and bars and labels laid out for negative and mixed NPS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, tempDir } from '../../../test/support/chromium.js';
import { renderHtml } from '../src/report/index.js';
import type { EvaluationResult, MetricResult } from '../src/result.js';
import { FIXTURE } from './report-fixture.js';

/** The fixture with a negative NPS (common in Japan): everyone below zero, one segment across it. */
function negativeNps(): EvaluationResult {
    const result = structuredClone(FIXTURE);
    const target = { op: '>=', value: -10, warning: -5 } as const;
    const nps: MetricResult = result.metrics.nps_all;
    Object.assign(nps, { value: -22.4, ci: [-30.1, -14.2], target, verdict: 'missed', warned: true });
    nps.segments = [
        { ...nps.segments[0], value: -3.5, ci: [-12.8, 5.9], target, verdict: 'inconclusive', warned: true },
        { ...nps.segments[1], value: -41.2, ci: [-50.3, -31.6], target, verdict: 'missed', warned: true },
        { ...nps.segments[2], value: -78.5, ci: [-92.4, -60.1], n: 40, target, verdict: 'missed', neededN: null, warned: true }
    ];
    nps.periods = nps.periods.map(p => ({ ...p, value: p.value === null ? null : p.value - 50, ci: p.ci === null ? null : [p.ci[0] - 50, p.ci[1] - 50], target }));
    return result;
}

let browser: Browser;
let dir: string;
const pages: Record<'ja' | 'en' | 'negative', Page> = {} as Record<'ja' | 'en' | 'negative', Page>;

beforeAll(async () => {
    dir = tempDir('report-stakeholder');
    browser = await launchChromium();
    const open = async (name: keyof typeof pages, html: string): Promise<void> => {
        const file = path.join(dir, `${name}.html`);
        fs.writeFileSync(file, html);
        pages[name] = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await pages[name].goto(pathToFileURL(file).href);
    };
    await open('ja', renderHtml(FIXTURE, { locale: 'ja' }));
    await open('en', renderHtml(FIXTURE, { locale: 'en' }));
    await open('negative', renderHtml(negativeNps(), { locale: 'ja' }));
});

afterAll(async () => {
    await browser?.close();
});

describe('the report leads with the headline metrics', () => {
    test('a card per metric with a target, in the spec order, before the overall verdict', async () => {
        const cards = await pages.en.locator('header .headline li').allInnerTexts();
        expect(cards.map(c => c.split('\n'))).toEqual([
            ['Mobile order NPS | *bold*', '27.4 pts', 'Target >= 30.0 pts (warn 35.0 pts)', 'INCONCLUSIVE'],
            ['Pick-up CSAT', '84.1%', 'Target >= 80.0% (warn 85.0%)', 'MET', 'past the warning threshold'],
            ['Contract effort (mean CES)', '3.42', 'Target <= 3.00 (warn 2.50)', 'MISSED'],
            ['Logo churn', '2.3%', 'Target <= 5.0%', 'MET'],
            ['Customer lifetime value', '3,780,000', 'Target >= 3,000,000 (warn 3,500,000)', 'INSUFFICIENT', 'needs n >= 30'],
            ['Reservation CSAT', '–', 'Target >= 80.0%', 'INSUFFICIENT', 'needs n >= 30']
        ]);
        const order = await pages.en.locator('header').evaluate(h => [...h.children].map(c => c.className || c.tagName));
        expect(order).toEqual(['H1', 'sub', 'headline-h', 'headline', 'summary']);
    });

    test('a table of contents links every section', async () => {
        const links = await pages.ja.locator('nav.toc a').evaluateAll(as => as.map(a => [a.textContent, a.getAttribute('href'),
            document.querySelector(a.getAttribute('href')!) !== null]));
        expect(links).toEqual([
            ['目標', '#targets', true], ['推移', '#trends', true], ['セグメント', '#segments', true],
            ['真実の瞬間 (キードライバー)', '#drivers', true], ['自由記述の回答', '#texts', true], ['入力', '#input', true],
            ['指標の定義', '#definitions', true]
        ]);
    });
});

describe('names, locale and warnings', () => {
    test('driver points are labelled by touchpoint name, in the report locale', async () => {
        expect((await pages.ja.locator('.ipa-chart .driver-label').allTextContents()).sort()).toEqual([
            '1. 受け取り準備の通知', '2. 受け取り棚', '3. お支払い', '4. 商品', '5. メニュー閲覧', '1. 年次見直し面談', '2. コンタクトセンター'
        ].sort());
        expect(await pages.en.locator('.ipa-chart').first().locator('.driver-label').allTextContents())
            .toEqual(expect.arrayContaining(['1. Ready notification', '4. Drink', '5. Menu browsing']));
        const body = await pages.en.locator('main').innerText();
        for (const id of ['menu_ease', 'ready_notice', 'MenuBrowse', 'ReadyNotice', 'nps_all', 'pickup_csat']) expect(body).not.toContain(id);
    });

    test('the Japanese report has no English formula, interval, source or bad-data text', async () => {
        const body = await pages.ja.locator('body').innerText();
        for (const english of ['share of', 'mean of', 'perpetuity', 'promoters', 'adjusted-wald', 'wilson', 'survey:', 'dataset:',
            'Value ', 'is outside', 'cannot be joined', 'past the warning']) {
            expect(body, english).not.toContain(english);
        }
        const definitions = await pages.ja.locator('#definitions tbody tr').first().allInnerTexts();
        expect(definitions).toEqual(['モバイルオーダー NPS\tNPS = 推奨者 (9-10) の割合 − 批判者 (0-6) の割合 (ポイント)\t推奨者 = 0.4125, 批判者 = 0.1388, n = 812\t調整 Wald 法\tアンケート AfterPickup']);
        expect(await pages.ja.locator('#input table').nth(1).locator('tbody tr').first().allInnerTexts())
            .toEqual(['responses/AfterPickup.csv\t範囲外\trecommend\t12\t4, 18, 77, 102, 340\t列 recommend の値が範囲外のため、この行を集計から除外しました。']);
    });

    test('the warning note shows only under a met verdict past its warning line', async () => {
        const count = async (page: Page, text: string): Promise<number> => ((await page.locator('main').innerText()).match(new RegExp(text, 'g')) ?? []).length;
        // pickup_csat is the only met estimate that is past its warning line; missed and inconclusive ones say nothing more.
        expect(await count(pages.ja, '警告ラインを超過')).toBe(1);
        expect(await count(pages.en, 'past the warning threshold')).toBe(1);
    });

    test('the driver table shows each number once: importance by its method, r beside weights only', async () => {
        const heads = await pages.ja.locator('#drivers table').evaluateAll(ts => ts.map(t => [...t.querySelectorAll('thead th')].map(th => th.textContent)));
        expect(heads).toEqual([
            ['優先順位', 'ドライバー', 'タッチポイント', '象限', '重要度 (相対重要度 %)', 'r', '上位box %', '平均', 'n'],
            ['優先順位', 'ドライバー', 'タッチポイント', '象限', '重要度 (相関 r)', '上位box %', '平均', 'n']
        ]);
        expect(await pages.ja.locator('#drivers table').nth(1).locator('tbody tr').first().innerText())
            .toBe('1\t年次見直し\t年次見直し面談\t重点改善\t0.550\t66.0\t3.90\t210');
    });

    test('free-text questions are counted', async () => {
        expect(await pages.en.locator('#texts tbody tr').allInnerTexts()).toEqual([
            'Tell us more\tAfter pick-up survey\t301', 'Why so low <img src=x onerror=alert(1)>\tAfter pick-up survey\t0'
        ]);
    });

    test('the trend chart draws the warning line with its label', async () => {
        expect(await pages.en.locator('.trend-chart .warning-line').count()).toBe(1);
        expect(await pages.en.locator('.trend-chart .warning-label').allTextContents()).toEqual(['warn 35.0 pts']);
        expect(await pages.negative.locator('.trend-chart .warning-label').allTextContents()).toEqual(['警告 -5.0 pts']);
    });
});

interface Box { x: number; y: number; width: number; height: number }

describe('negative and mixed NPS: every value label beside its bar, never on it', () => {
    test('one bar and one label per segment with a value; labels clear of bars, whiskers and row labels', async () => {
        const chart = pages.negative.locator('.segment-chart');
        expect(await chart.locator('.bar').count()).toBe(4);
        expect(await chart.locator('.value-label').count()).toBe(4);
        const rows = await chart.evaluate(svg => {
            const box = (e: Element): Box => { const b = (e as SVGGraphicsElement).getBBox(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
            const bars = [...svg.querySelectorAll('.bar')].map(box);
            const whiskers = [...svg.querySelectorAll('.whisker')].map(box);
            const labels = [...svg.querySelectorAll('.value-label')].map(e => ({ ...box(e), text: e.textContent }));
            const rowLabels = [...svg.querySelectorAll('.row-label')].map(box);
            return bars.map((bar, i) => ({ bar, whisker: whiskers[i], label: labels[i], rowLabelRight: Math.max(...rowLabels.map(r => r.x + r.width)) }));
        });
        expect(rows.map(r => r.label.text)).toEqual(['-22.4 pts  n=812', '-3.5 pts  n=420', '-41.2 pts  n=301', '-78.5 pts  n=40']);
        for (const { bar, whisker, label, rowLabelRight } of rows) {
            const lo = Math.min(bar.x, whisker.x), hi = Math.max(bar.x + bar.width, whisker.x + whisker.width);
            const [left, right] = [label.x, label.x + label.width];
            // Beside the bar and its whisker, not over them; on the bar's row.
            expect(right <= lo || left >= hi, `${label.text} overlaps its bar`).toBe(true);
            expect(Math.min(Math.abs(lo - right), Math.abs(left - hi)), `${label.text} is far from its bar`).toBeLessThanOrEqual(8);
            expect(Math.abs(label.y + label.height / 2 - (bar.y + bar.height / 2))).toBeLessThan(3);
            expect(left, `${label.text} runs into the row labels`).toBeGreaterThan(rowLabelRight);
            expect(right).toBeLessThanOrEqual(720);
        }
        // The whole-sample bar and the far-negative one have room on their left: labelled there.
        expect(rows[0].label.x + rows[0].label.width).toBeLessThanOrEqual(rows[0].bar.x);
        expect(rows[2].label.x + rows[2].label.width).toBeLessThanOrEqual(rows[2].whisker.x);
    });

    test('screenshots: ja, en and negative NPS', async () => {
        for (const name of ['ja', 'en', 'negative'] as const) {
            const shot = path.join(dir, `report-${name}.png`);
            await pages[name].screenshot({ path: shot, fullPage: true });
            expect(fs.statSync(shot).size).toBeGreaterThan(50_000);
            process.stdout.write(`report screenshot (${name}): ${shot}\n`);
        }
    });
});
