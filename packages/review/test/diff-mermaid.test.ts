/**
 * The journey map of the diff comment, rendered by real Mermaid (its browser bundle in Debian's
 * Chromium, as code hosts render it): every touchpoint and stage appears with its label intact,
 * however hostile the label, and added/moved touchpoints carry their highlight class.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CxModel } from '@cxspec/model';
import { diffWorkspaces, formatDiffMarkdown, journeyFlowchart } from '@cxspec/review';
import { launchChromium } from '../../../test/support/chromium.js';
import { fixtureModels } from './support.js';

const require = createRequire(import.meta.url);

interface Rendered {
    nodes: Array<[string, string]>;
    classes: Record<string, string>;
    clusters: string[];
    edges: number;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
});

afterAll(async () => {
    await browser?.close();
});

async function render(code: string): Promise<Rendered> {
    return page.evaluate(async (source: string) => {
        // The browser bundle sets a global `mermaid`; its types are not part of this test's program.
        const mermaid = (globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        const { svg } = await mermaid.render('journey', source);
        document.getElementById('out')!.innerHTML = svg;
        const nodes = [...document.querySelectorAll('g.node')];
        const id = (n: Element) => n.id.replace(/^journey-flowchart-(.*)-\d+$/, '$1');
        return {
            nodes: nodes.map(n => [id(n), n.textContent ?? ''] as [string, string]),
            classes: Object.fromEntries(nodes.map(n => [id(n), (n.getAttribute('class') ?? '').replace(/^node default ?/, '')])),
            clusters: [...document.querySelectorAll('g.cluster')].map(c => c.textContent ?? '').sort(),
            edges: document.querySelectorAll('path.flowchart-link').length
        };
    }, code);
}

describe('Mermaid journey map', () => {
    it('renders the new version of v2-journey with labels intact and changes highlighted', async () => {
        const after = await fixtureModels('diff/v2-journey');
        const markdown = formatDiffMarkdown(diffWorkspaces(await fixtureModels('diff/v1'), after), after);
        const code = markdown.split('```mermaid\n')[1].split('\n```')[0];
        const rendered = await render(code);
        expect(rendered.nodes).toEqual([
            ['t_Payment', '決済app'],
            ['t_MenuBrowse', 'メニューapp'],
            ['t_ReadyNotice', '準備完了通知app'],
            ['t_PickupShelf', '受け取り棚 "A&B" <#1> `x`store'],
            ['t_Points', 'ポイントapp']
        ]);
        expect(rendered.classes).toEqual({ t_Payment: '', t_MenuBrowse: 'moved', t_ReadyNotice: 'added', t_PickupShelf: '', t_Points: 'moved' });
        expect(rendered.clusters).toEqual(['モバイルオーダー', '受け取り', '待ち時間', '注文', '特典'].sort());
        expect(rendered.edges).toBe(4);
    });

    it('keeps labels that try to break out of the diagram as plain text', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const model: CxModel = structuredClone(v1);
        const hostile = ['end"] --> x["', '%% comment; click t_Points call alert(1)', '<img src=x onerror=alert(1)>', '#quot; &amp; `code`', 'a\nb'];
        model.journeys[0].title.ja = hostile[0];
        model.journeys[0].stages[0].title.ja = hostile[1];
        model.journeys[0].stages[0].touchpoints[0].title.ja = hostile[2];
        model.journeys[0].stages[0].touchpoints[1].title.ja = hostile[3];
        model.journeys[0].stages[1].touchpoints[0].title.ja = hostile[4];
        const rendered = await render(journeyFlowchart(model));
        expect(rendered.nodes).toEqual([
            ['t_MenuBrowse', `${hostile[2]}app`],
            ['t_Payment', `${hostile[3]}app`],
            ['t_PickupShelf', 'abstore'],
            ['t_Points', 'ポイントapp']
        ]);
        expect(rendered.clusters).toEqual([hostile[0], hostile[1], '受け取り', 'ロイヤルティ', '特典'].sort());
        expect(await page.$$eval('#out img', imgs => imgs.length)).toBe(0);
    });

    it('renders the journey map of every example', async () => {
        for (const model of await fixtureModels('../../../../examples')) {
            const rendered = await render(journeyFlowchart(model));
            const touchpoints = model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints.map(t => `t_${t.name}`)));
            expect(rendered.nodes.map(n => n[0])).toEqual(touchpoints);
            expect(rendered.clusters.length).toBe(model.journeys.length + model.journeys.reduce((n, j) => n + j.stages.length, 0));
        }
    });
});
