import { describe, expect, it } from 'vitest';
import { AstUtils, type AstNode } from 'langium';
import type { Document, Metric, NpsExpr, Survey } from '../src/generated/ast.js';
import { buildFiles } from './support/spec-workspace.js';

/** A spec split the way teams split it: header, journey, survey and metrics in separate files. */
const SPLIT = {
    'spec.cx': 'spec Split { locales en }\n',
    'journey.cx': `spec Split
journey Delivery { stage Ship { touchpoint Courier channel delivery touchpoint Tracking channel web } }
`,
    'survey.cx': `spec Split
survey AfterDelivery {
    en "After delivery"
    trigger after Courier delay 1d
    joins Customers
    question recommend: nps about Courier { en "Recommend?" }
    question tracking: csat about Tracking { en "Tracking?" }
}
`,
    'data.cx': `spec Split
dataset Customers { key id column tier: gold | silver }
segment Gold { where Customers.tier = gold }
`,
    'metrics.cx': `spec Split
metric nps = nps(AfterDelivery.recommend) by [Gold] target >= 20
drivers loyalty = AfterDelivery.recommend by [tracking]
`
};

function fileOf(node: AstNode | undefined): string {
    return node ? AstUtils.getDocument(node).uri.path.split('/').pop()! : 'unresolved';
}

function root(built: Awaited<ReturnType<typeof buildFiles>>, file: string): Document {
    return built.documents.find(d => d.uri.path.endsWith(`/${file}`))!.parseResult.value as Document;
}

describe('multi-file specs', () => {
    it('references resolve across the files of a spec and the spec validates clean', async () => {
        const built = await buildFiles(SPLIT);
        expect(built.lines).toEqual([]);
        const survey = root(built, 'survey.cx').elements[0] as Survey;
        expect(fileOf(survey.trigger?.touchpoint.ref)).toBe('journey.cx');
        expect(fileOf(survey.joins?.ref)).toBe('data.cx');
        expect(survey.questions.map(q => fileOf(q.about?.ref))).toEqual(['journey.cx', 'journey.cx']);
        const metric = root(built, 'metrics.cx').elements[0] as Metric;
        expect(fileOf((metric.expr as NpsExpr).field.member?.ref)).toBe('survey.cx');
        expect(metric.segments.map(s => fileOf(s.ref))).toEqual(['data.cx']);
    });

    it('the order the files are given in changes nothing', async () => {
        const forward = await buildFiles(SPLIT);
        const forwardModel = JSON.stringify(forward.model('Split'));
        const reversed = await buildFiles(Object.fromEntries(Object.entries(SPLIT).reverse()));
        expect(JSON.stringify(reversed.model('Split'))).toBe(forwardModel);
    });

    it('a touchpoint is covered by a question in another file, and a gap is reported where it is declared', async () => {
        const built = await buildFiles({ ...SPLIT, 'survey.cx': SPLIT['survey.cx'].replace(' about Tracking', '') });
        expect(built.lines).toEqual([
            "journey.cx:2:80 warning CX202 No question measures touchpoint 'Tracking' (coverage gap); add a question with `about Tracking` to a survey, or mark it `not measured \"why\"` when that is deliberate."
        ]);
    });

    // "First" is in file-name order, so the result does not depend on the order files are loaded in.
    it('duplicate names across files point at the first declaration', async () => {
        const built = await buildFiles({ ...SPLIT, 'extra.cx': 'spec Split\nsegment Gold { where Customers.tier = silver }\njourney Returns { stage Pack { touchpoint Courier channel store } }\n' });
        expect(built.lines).toEqual([
            "extra.cx:2:9 error CX002 Duplicate name 'Gold' in spec 'Split' (first declared in data.cx:3); rename one of them.",
            "journey.cx:2:44 error CX002 Duplicate touchpoint 'Courier' in spec 'Split' (first declared in extra.cx:3); touchpoint names are unique across journeys, rename one of them."
        ]);
    });

    it('a name from another file that is missing is reported where it is used', async () => {
        const built = await buildFiles({ ...SPLIT, 'metrics.cx': SPLIT['metrics.cx'].replace('[Gold]', '[Platinum]') });
        expect(built.lines).toEqual([
            "metrics.cx:2:47 error CX001 Unknown segment 'Platinum'; declare it with `segment`, or fix the name."
        ]);
    });

    it('specs sharing a workspace do not see each other\'s names', async () => {
        const built = await buildFiles({
            ...SPLIT,
            'other.cx': `spec Other { locales en }
journey Delivery { stage Ship { touchpoint Courier channel delivery } }
survey AfterDelivery { en "Other" trigger after Courier question q: csat about Courier { en "Q?" } }
metric sat = csat(AfterDelivery.q)
metric gold = csat(AfterDelivery.q) by [Gold]
`
        });
        // Same names in two specs are no duplicates; Gold belongs to spec Split only.
        expect(built.lines).toEqual([
            "other.cx:5:41 error CX001 Unknown segment 'Gold'; declare it with `segment`, or fix the name."
        ]);
        expect(built.model('Other').surveys.map(s => s.questions.map(q => q.name))).toEqual([['q']]);
        expect(built.model('Split').surveys.map(s => s.questions.map(q => q.name))).toEqual([['recommend', 'tracking']]);
    });

    it('a spec whose files lack a header, and a spec with two headers', async () => {
        const built = await buildFiles({ ...SPLIT, 'spec.cx': 'spec Split\n' });
        expect(built.lines).toEqual([
            "data.cx:1:6 error CX003 No file declares the locales of spec 'Split'; write `spec Split { locales ja default, en }` in one of its files.",
            "journey.cx:1:6 error CX003 No file declares the locales of spec 'Split'; write `spec Split { locales ja default, en }` in one of its files.",
            "metrics.cx:1:6 error CX003 No file declares the locales of spec 'Split'; write `spec Split { locales ja default, en }` in one of its files.",
            "spec.cx:1:6 error CX003 No file declares the locales of spec 'Split'; write `spec Split { locales ja default, en }` in one of its files.",
            "survey.cx:1:6 error CX003 No file declares the locales of spec 'Split'; write `spec Split { locales ja default, en }` in one of its files."
        ]);
        const twice = await buildFiles({ ...SPLIT, 'metrics.cx': SPLIT['metrics.cx'].replace('spec Split', 'spec Split { locales en }') });
        expect(twice.lines).toEqual([
            "spec.cx:1:6 error CX004 Spec 'Split' already declares its header in metrics.cx; remove the braces here and keep `spec Split`."
        ]);
    });
});
