/**
 * End to end: the example specs scored on their generated response files and CRM exports by the
 * evaluator, rendered as Markdown and HTML; the HTML opened in Chromium has a mark for every
 * estimate the result holds; `cxspec score` prints the same bytes and exits by the verdicts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import { launchChromium, tempDir } from '../../../test/support/chromium.js';
import { evaluate } from '../src/evaluate.js';
import { renderHtml, renderMarkdown } from '../src/report/index.js';
import type { EvaluationResult } from '../src/result.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Inputs {
    responses: Array<{ survey: string; file: string }>;
    datasets: Array<{ dataset: string; file: string }>;
}

function inputsOf(example: string): Inputs {
    const dir = path.join(ROOT, 'examples', example);
    const list = (sub: string): Array<[string, string]> => fs.existsSync(path.join(dir, sub))
        ? fs.readdirSync(path.join(dir, sub)).sort().map(f => [path.basename(f, '.csv'), path.join(dir, sub, f)]) : [];
    return {
        responses: list('responses').map(([survey, file]) => ({ survey, file })),
        datasets: list('data').map(([dataset, file]) => ({ dataset, file }))
    };
}

async function score(example: string): Promise<EvaluationResult> {
    const ws = await loadWorkspace([path.join(ROOT, 'examples', example)]);
    return evaluate(ws.model(ws.specNames[0]), inputsOf(example));
}

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

describe.each(['coffee-mobile-order', 'b2b-saas'])('%s scored and reported', example => {
    let result: EvaluationResult;
    beforeAll(async () => { result = await score(example); });

    test('every row of the generated files is used; nothing is excluded', () => {
        expect(result.input.exclusions).toEqual([]);
        for (const f of result.input.files) expect(f.rowsUsed, f.path).toBe(f.rowsRead);
    });

    test('Markdown: the verdict summary first, then every metric and driver analysis', () => {
        const md = renderMarkdown(result);
        const lines = md.split('\n');
        expect(lines[0]).toBe(`# ${result.spec.title[result.spec.defaultLocale].replace(/&/g, '&amp;')}`);
        const s = result.summary;
        expect(lines[4]).toMatch(new RegExp(`^総合判定: \\*\\*(達成|未達|判定保留|サンプル不足)\\*\\* \\(達成 ${s.met}、未達 ${s.missed}、判定保留 ${s.inconclusive}、サンプル不足 ${s.insufficient}、目標なし ${s.none}\\)$`));
        for (const name of Object.keys(result.metrics)) expect(md).toContain(`(\`${name}\`) |`);
        for (const name of Object.keys(result.drivers)) expect(md).toContain(`(\`${name}\`)\n`);
        expect(renderMarkdown(result)).toBe(md);
    });

    test('HTML in Chromium: a mark for every estimate, quadrants for every analysis, nothing runs or loads', async () => {
        const dir = tempDir(`report-e2e-${example}`);
        const file = path.join(dir, `${example}.html`);
        fs.writeFileSync(file, renderHtml(result, { locale: 'en' }));
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const events: string[] = [];
        let requests = 0;
        page.on('pageerror', e => events.push(e.message));
        page.on('console', m => events.push(m.text()));
        page.on('request', () => { requests++; });
        await page.goto(pathToFileURL(file).href);
        const metrics = Object.values(result.metrics);
        const drivers = Object.values(result.drivers);
        const count = (selector: string): Promise<number> => page.locator(selector).count();
        expect(await count('.target-chart .point')).toBe(metrics.filter(m => m.value !== null).length);
        expect(await count('.target-chart .whisker')).toBe(metrics.filter(m => m.ci !== null).length);
        expect(await count('.target-chart .target-line')).toBe(metrics.filter(m => m.target !== null).length);
        expect(await count('.trend-chart .period-line')).toBe(metrics.filter(m => m.periods.some(p => p.value !== null)).length);
        expect(await count('.trend-chart .point')).toBe(metrics.flatMap(m => m.periods).filter(p => p.value !== null).length);
        expect(await count('.segment-chart .bar')).toBe(metrics.filter(m => m.segments.length > 0)
            .reduce((n, m) => n + (m.value === null ? 0 : 1) + m.segments.filter(s => s.value !== null).length, 0));
        expect(await count('.quadrant-label')).toBe(4 * drivers.length);
        expect(await count('.ipa-chart .driver-point')).toBe(drivers.flatMap(d => d.drivers)
            .filter(r => r.importance !== null && r.performance.topBox !== null).length);
        await page.screenshot({ path: path.join(dir, `${example}.png`), fullPage: true });
        await page.close();
        expect(events).toEqual([]);
        expect(requests).toBe(1);
    });

    test('cxspec score prints the same report bytes and exits by the verdicts', () => {
        const inputs = inputsOf(example);
        const args = [path.join(ROOT, 'packages/cli/bin/cxspec.js'), 'score', path.join(ROOT, 'examples', example),
            ...inputs.responses.flatMap(r => ['--responses', `${r.survey}=${r.file}`]),
            ...inputs.datasets.flatMap(d => ['--dataset', `${d.dataset}=${d.file}`]), '--format', 'md'];
        const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
        const s = result.summary;
        expect(run.stderr.startsWith(`${Object.keys(result.metrics).length} metric(s): ${s.met} met, ${s.missed} missed, ${s.inconclusive} inconclusive, ${s.insufficient} insufficient${s.none > 0 ? `, ${s.none} without a target` : ''}; exit ${run.status}: `)).toBe(true);
        expect(run.stdout).toBe(renderMarkdown(result));
        expect(run.status).toBe(result.summary.missed > 0 ? 1 : 0);
    });
});
