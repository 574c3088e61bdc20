/**
 * `cxspec preview --results`: the JSON `cxspec score --format json` writes for the coffee example
 * colours the journey map in Chromium, in the spec's default locale (Japanese), by names with no id
 * in sight; the boolean question reads "はい" before "いいえ"; a file that is not a result is refused.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, tempDir } from '../support/chromium.js';
import { openPreview, type OpenedPreview } from './preview-page.js';

const out = tempDir('preview-results');
const EXAMPLE = 'examples/coffee-mobile-order';

function cxspec(...args: string[]) {
    const result = spawnSync(process.execPath, ['packages/cli/dist/cxspec.mjs', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let browser: Browser;
let preview: OpenedPreview;
let file: string;

beforeAll(async () => {
    const result = path.join(out, 'result.json');
    const score = cxspec('score', EXAMPLE, '--responses', `AfterPickup=${EXAMPLE}/responses/AfterPickup.csv`, '--format', 'json');
    // Two targets are missed, so score exits 1; the JSON is written all the same.
    expect(score.code).toBe(1);
    fs.writeFileSync(result, score.stdout);
    file = path.join(out, 'coffee-scored.html');
    const written = cxspec('preview', EXAMPLE, '--journey', 'MobileOrder', '--results', result, '--out', file);
    expect(written.code).toBe(0);
    browser = await launchChromium();
    preview = await openPreview(browser, file);
});

afterAll(async () => {
    await preview?.close();
    await browser?.close();
});

describe('cxspec preview --results', () => {
    it('colours each touchpoint by the worst verdict of its metrics, with the values', async () => {
        const { page } = preview;
        await page.waitForSelector('.cx-journey');
        const cards = await page.$$eval('.cx-card', cs => cs.map(c => [c.getAttribute('data-touchpoint'), c.getAttribute('data-verdict'),
            [...c.querySelectorAll('.cx-score')].map(s => s.textContent)]));
        expect(cards).toEqual([
            ['MenuBrowse', 'met', ['注文のしやすさ (CES 同意率) 79.0% 達成']],
            ['Payment', null, []],
            ['ReadyNotice', null, []],
            ['PickupShelf', 'missed', ['受け取り満足度 (CSAT) 77.4% 未達']],
            ['Rewards', null, []]
        ]);
        const border = await page.$eval('.cx-card[data-touchpoint="PickupShelf"]', c => getComputedStyle(c).borderLeftColor);
        expect(border).toBe('rgb(207, 34, 46)');
        await page.screenshot({ path: path.join(out, 'journey-scored-ja.png'), fullPage: true });
        process.stdout.write(`preview screenshot: ${path.join(out, 'journey-scored-ja.png')}\n`);
    });

    it('shows no id or rule text by default, in Japanese', async () => {
        const { page } = preview;
        for (const tab of ['journey', 'metrics', 'survey']) {
            await page.click(`.cx-tabs button[data-tab="${tab}"]`);
            const shown = await page.innerText('#cx-root, body');
            for (const id of ['AfterPickup', 'MenuBrowse', 'PickupShelf', 'pickup_csat', 'ordering_ease', 'in_person', 'top(', 'nps(', 'after ', 'sample ']) {
                expect(shown, `${tab}: ${id}`).not.toContain(id);
            }
        }
        expect(await page.textContent('.cx-survey-meta')).toBe('10 問、約 86 秒 · 配信: 「ピックアップカウンター」の 2 時間後に、対象のお客様の 20% へ配信。'
            + '同じお客様へは 30 日に 1 回まで。回答の見込みは 1 か月あたり 1600 件。');
    });

    it('shows the boolean question\'s "はい" before "いいえ"', async () => {
        const { page } = preview;
        await page.waitForSelector('.sd-question[data-name="ready_on_arrival"]');
        const labels = await page.$$eval('.sd-question[data-name="ready_on_arrival"] .sd-boolean__label', ls => ls.map(l => l.textContent?.trim()));
        expect(labels).toEqual(['はい、できあがっていた', 'いいえ、店舗で待った']);
        await page.screenshot({ path: path.join(out, 'survey-ja.png'), fullPage: true });
    });

    it('refuses a file that is not a score result with exit 2', () => {
        const bad = path.join(out, 'bad.json');
        fs.writeFileSync(bad, '{"metrics": {"nps_all": {"value": "high"}}}');
        const result = cxspec('preview', EXAMPLE, '--results', bad, '--out', path.join(out, 'x.html'));
        expect([result.code, result.stderr]).toEqual([2, `${bad}: not a score result (metric "nps_all" has no number value, unit and verdict)\n`]);
    });

    it('made no request outside the file and had no error', () => {
        expect(preview.external).toEqual([]);
        expect(preview.incidents).toEqual([]);
    });
});
