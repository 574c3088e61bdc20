/** Pages, groups and the welcome text in `cxspec diff`: a changed layout or welcome text is reported, never silent. */
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { buildWorkspace } from '@cxspec/language';
import { diffWorkspaces } from '@cxspec/review';
import { outline } from './support.js';

const SPEC = (body: string) => `spec P { locales en }
survey S {
    en "S"
${body}
}
`;

async function models(text: string) {
    const workspace = await buildWorkspace([{ uri: URI.file('/virtual/p.cx'), text }], { root: '/virtual' });
    expect(workspace.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    return workspace.specNames.map(n => workspace.model(n));
}

const V1 = SPEC(`    welcome { en "Hello" }
    question a: nps { en "A?" }
    page two { en "Two" }
    question b: boolean { en "B?" }
    question c: boolean { en "C?" }`);

describe('pages in the diff', () => {
    it('finds nothing between a paged survey and itself', async () => {
        expect(diffWorkspaces(await models(V1), await models(V1)).specs[0].changes).toEqual([]);
    });

    it('reports a new page break, a group, page logic and a reworded welcome text', async () => {
        const v2 = SPEC(`    welcome { en "Hello there" }
    question a: nps { en "A?" }
    page two when a <= 6 { en "Two" }
    question b: boolean { en "B?" }
    page three
    group g { en "G" }
    question c: boolean { en "C?" }`);
        const changes = diffWorkspaces(await models(V1), await models(v2)).specs[0].changes;
        expect(outline(changes)).toEqual(['cosmetic survey.welcome survey S', 'non-breaking survey.pages survey S']);
        expect(changes[1]).toMatchObject({
            before: 'questions: a | two: b, c',
            after: 'questions: a | two (when a <= 6): b | three: g [c]'
        });
    });

    it('reports how options are offered, and a page or group shuffled', async () => {
        const v1 = SPEC(`    question a: multichoice { en "A?" option x { en "X" } option y { en "Y" } option z { en "Z" } }
    page two
    question b: boolean { en "B?" }
    question c: boolean { en "C?" }`);
        const v2 = SPEC(`    question a: multichoice select ..2 random { en "A?" option x { en "X" } option y { en "Y" } option z { en "Z" } option other specify { en "Other" } }
    page two random
    question b: boolean { en "B?" }
    question c: boolean { en "C?" }`);
        const changes = diffWorkspaces(await models(v1), await models(v2)).specs[0].changes;
        expect(changes.map(c => [c.severity, c.kind, c.before, c.after])).toEqual([
            ['non-breaking', 'survey.pages', 'questions: a | two: b, c', 'questions: a | two (random): b, c'],
            ['breaking', 'question.options', 'x, y, z', 'x, y, z, other'],
            ['non-breaking', 'question.presentation', 'a list in order', "a random order, 0..2 options, 'other' with its text"]
        ]);
    });

    it('reports pages added to a survey that had one page', async () => {
        const v0 = SPEC(`    question a: nps { en "A?" }
    question b: boolean { en "B?" }`);
        const v1 = SPEC(`    question a: nps { en "A?" }
    page two
    question b: boolean { en "B?" }`);
        const changes = diffWorkspaces(await models(v0), await models(v1)).specs[0].changes;
        expect(changes.map(c => [c.kind, c.before, c.after])).toEqual([['survey.pages', 'one page', 'questions: a | two: b']]);
    });
});
