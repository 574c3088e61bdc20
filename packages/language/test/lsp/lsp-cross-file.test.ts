/**
 * Checks that read other files of the same spec (coverage of touchpoints, duplicates, segments on
 * the metric's rows) follow edits of those files, also when edits arrive faster than builds finish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExample, type LspClient } from './lsp-client.js';

let client: LspClient;
let originals: Map<string, string>;
let uriOf: (file: string) => string;
let files: string[];

beforeAll(async () => {
    ({ client, originals, uriOf } = await openExample('coffee-mobile-order'));
    files = [...originals.keys()];
});

afterAll(async () => {
    await client?.stop();
});

async function expectAllClean(): Promise<void> {
    for (const f of files) {
        expect([f, await client.waitForDiagnostics(uriOf(f), d => d.length === 0)]).toEqual([f, []]);
    }
}

describe('diagnostics across the files of a spec', () => {
    it('a coverage gap in journey.cx appears and goes with an edit of survey.cx alone', async () => {
        const unmeasured = originals.get('survey.cx')!.replace('question pickup: csat about PickupShelf {', 'question pickup: csat {');
        await client.change(uriOf('survey.cx'), unmeasured);
        const gaps = await client.waitForDiagnostics(uriOf('journey.cx'), d => d.some(x => x.code === 'CX202'));
        expect(gaps.map(d => d.code)).toEqual(['CX202']);
        expect(gaps[0].message).toContain("'PickupShelf'");
        await client.change(uriOf('survey.cx'), originals.get('survey.cx')!);
        await expectAllClean();
    });

    it('ends clean after bursts of edits to two files that cancel each other\'s builds', async () => {
        const broken = originals.get('survey.cx')!.replace('question drink: csat {', 'question drink: csat about DrinkQuality {');
        const journeyWithTouchpoint = originals.get('journey.cx')!.replace('  stage Loyalty {', '  stage Extra {\n    touchpoint DrinkQuality channel store\n  }\n\n  stage Loyalty {');
        for (let round = 0; round < 25; round++) {
            // No awaiting between the edits: each one cancels the build the previous one started.
            void client.change(uriOf('survey.cx'), broken);
            void client.change(uriOf('journey.cx'), journeyWithTouchpoint);
            void client.change(uriOf('survey.cx'), originals.get('survey.cx')!);
            await client.change(uriOf('journey.cx'), originals.get('journey.cx')!);
            if (round % 5 === 4) await new Promise(resolve => setTimeout(resolve, 5 * round));
        }
        // A last edit whose effect is visible marks the end of the burst: once its coverage gap has
        // come and gone, every file has been validated after all the edits above.
        await client.change(uriOf('survey.cx'), originals.get('survey.cx')!.replace('question pickup: csat about PickupShelf {', 'question pickup: csat {'));
        await client.waitForDiagnostics(uriOf('journey.cx'), d => d.some(x => x.code === 'CX202'));
        await client.change(uriOf('survey.cx'), originals.get('survey.cx')!);
        await expectAllClean();
    });
});
