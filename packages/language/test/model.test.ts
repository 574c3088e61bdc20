import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CxModel, type SourceLocation } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { expectGolden } from '../../../test/support/golden.js';
import { buildFiles } from './support/spec-workspace.js';

const fixtures = path.join(__dirname, 'fixtures');
const examples = path.resolve(__dirname, '../../../examples');
const golden = path.join(__dirname, 'golden');

function loc(line: number, column: number, endLine: number, endColumn: number): SourceLocation {
    return { file: 'cafe.cx', line, column, endLine, endColumn };
}

const EXPECTED: CxModel = {
    schemaVersion: 2,
    spec: {
        name: 'Cafe',
        title: { ja: 'カフェ', en: 'Cafe' },
        locales: ['ja', 'en'],
        defaultLocale: 'ja',
        limits: { maxQuestions: 8, maxSeconds: 120 },
        loc: loc(2, 1, 53, 50)
    },
    segments: [
        {
            name: 'Regulars',
            title: { ja: '常連', en: 'Regulars' },
            condition: {
                type: 'compare',
                field: { source: 'column', dataset: 'Members', column: 'tier' },
                op: '=',
                value: { type: 'option', id: 'gold' }
            },
            loc: loc(8, 1, 8, 69)
        }
    ],
    journeys: [
        {
            name: 'Visit',
            title: { ja: '来店', en: 'Visit' },
            description: {},
            stages: [
                {
                    name: 'Order',
                    title: {},
                    touchpoints: [
                        {
                            name: 'Counter',
                            title: { ja: 'レジ', en: 'Counter' },
                            description: {},
                            channel: 'store',
                            owner: 'Store team',
                            notMeasured: null,
                            loc: loc(13, 9, 13, 85)
                        },
                        {
                            name: 'App',
                            title: {},
                            description: {},
                            channel: 'app',
                            owner: null,
                            notMeasured: null,
                            loc: loc(14, 9, 14, 35)
                        }
                    ],
                    loc: loc(12, 5, 15, 6)
                }
            ],
            loc: loc(10, 1, 16, 2)
        }
    ],
    surveys: [
        {
            name: 'AfterVisit',
            title: { ja: '来店後', en: 'After the visit' },
            description: {},
            thanks: { ja: 'ありがとう', en: 'Thanks' },
            trigger: {
                touchpoint: 'Counter',
                journey: 'Visit',
                stage: 'Order',
                delay: { value: 2, unit: 'h', seconds: 7200 },
                samplePercent: 25,
                quarantine: { value: 30, unit: 'd', seconds: 2592000 },
                expectedResponses: { count: 400, per: 'month' }
            },
            joins: 'Members',
            questions: [
                {
                    name: 'recommend',
                    kind: 'nps',
                    text: { ja: '薦めますか?', en: 'Recommend us?' },
                    description: {},
                    required: true,
                    about: 'Counter',
                    scale: {
                        min: 0,
                        max: 10,
                        minLabel: { ja: 'いいえ', en: 'Not at all' },
                        maxLabel: { ja: 'はい', en: 'Extremely' }
                    },
                    options: [],
                    items: [],
                    trueLabel: {},
                    falseLabel: {},
                    visibleWhen: null,
                    estimatedSeconds: 6,
                    loc: loc(31, 5, 35, 6)
                },
                {
                    name: 'app',
                    kind: 'csat',
                    text: { ja: 'アプリは?', en: 'The app?' },
                    description: {},
                    required: false,
                    about: 'App',
                    scale: { min: 1, max: 5, minLabel: {}, maxLabel: {} },
                    options: [],
                    items: [],
                    trueLabel: {},
                    falseLabel: {},
                    visibleWhen: null,
                    estimatedSeconds: 6,
                    loc: loc(36, 5, 36, 62)
                },
                {
                    name: 'visit',
                    kind: 'choice',
                    text: { ja: '目的', en: 'Purpose' },
                    description: {},
                    required: false,
                    about: null,
                    scale: null,
                    options: [{ id: 'work', label: { ja: '仕事', en: 'Work' } }, { id: 'rest', label: { ja: '休憩', en: 'Rest' } }],
                    items: [],
                    trueLabel: {},
                    falseLabel: {},
                    visibleWhen: null,
                    estimatedSeconds: 7,
                    loc: loc(37, 5, 41, 6)
                },
                {
                    name: 'why',
                    kind: 'text',
                    text: { ja: '理由', en: 'Why?' },
                    description: {},
                    required: false,
                    about: null,
                    scale: null,
                    options: [],
                    items: [],
                    trueLabel: {},
                    falseLabel: {},
                    visibleWhen: {
                        type: 'and',
                        operands: [
                            {
                                type: 'compare',
                                field: { source: 'question', survey: 'AfterVisit', question: 'recommend' },
                                op: '<=',
                                value: { type: 'number', value: 6 }
                            },
                            {
                                type: 'or',
                                operands: [
                                    {
                                        type: 'compare',
                                        field: { source: 'question', survey: 'AfterVisit', question: 'visit' },
                                        op: '=',
                                        value: { type: 'option', id: 'work' }
                                    },
                                    {
                                        type: 'not',
                                        operand: {
                                            type: 'compare',
                                            field: { source: 'question', survey: 'AfterVisit', question: 'app' },
                                            op: '>=',
                                            value: { type: 'number', value: 4 }
                                        }
                                    }
                                ]
                            }
                        ]
                    },
                    estimatedSeconds: 30,
                    loc: loc(42, 5, 42, 100)
                },
                {
                    name: 'back',
                    kind: 'boolean',
                    text: { ja: 'また来ますか', en: 'Come back?' },
                    description: {},
                    required: false,
                    about: null,
                    scale: null,
                    options: [],
                    items: [],
                    trueLabel: {},
                    falseLabel: {},
                    visibleWhen: {
                        type: 'and',
                        operands: [
                            {
                                type: 'in',
                                field: { source: 'question', survey: 'AfterVisit', question: 'visit' },
                                values: [{ type: 'option', id: 'work' }, { type: 'option', id: 'rest' }],
                                negated: false
                            },
                            {
                                type: 'answered',
                                field: { source: 'question', survey: 'AfterVisit', question: 'why' },
                                negated: true
                            }
                        ]
                    },
                    estimatedSeconds: 4,
                    loc: loc(43, 5, 43, 110)
                }
            ],
            estimatedSeconds: 53,
            loc: loc(27, 1, 45, 2)
        }
    ],
    datasets: [
        {
            name: 'Members',
            title: {},
            key: 'member_id',
            columns: [
                { name: 'tier', type: 'enum', values: ['gold', 'basic'], loc: loc(20, 5, 20, 30) },
                { name: 'spend', type: 'number', values: [], loc: loc(21, 5, 21, 25) },
                { name: 'joined', type: 'date', values: [], loc: loc(22, 5, 22, 24) },
                { name: 'left', type: 'date', values: [], loc: loc(23, 5, 23, 22) }
            ],
            lifecycle: { start: 'joined', end: 'left' },
            loc: loc(18, 1, 25, 2)
        }
    ],
    metrics: [
        {
            name: 'loyalty',
            title: {},
            expr: { kind: 'nps', survey: 'AfterVisit', question: 'recommend' },
            unit: 'points',
            range: [-100, 100],
            segments: ['Regulars'],
            period: 'month',
            target: { op: '>=', value: 30, warning: 40 },
            minSample: 30,
            loc: loc(47, 1, 47, 88)
        },
        {
            name: 'app_sat',
            title: {},
            expr: { kind: 'topBox', survey: 'AfterVisit', question: 'app', boxes: 2 },
            unit: 'percent',
            range: [0, 100],
            segments: [],
            period: null,
            target: { op: '>=', value: 80, warning: null },
            minSample: 50,
            loc: loc(48, 1, 48, 66)
        },
        {
            name: 'workers',
            title: {},
            expr: {
                kind: 'rate',
                source: { type: 'survey', survey: 'AfterVisit' },
                condition: {
                    type: 'compare',
                    field: { source: 'question', survey: 'AfterVisit', question: 'visit' },
                    op: '=',
                    value: { type: 'option', id: 'work' }
                }
            },
            unit: 'percent',
            range: [0, 100],
            segments: [],
            period: null,
            target: null,
            minSample: 30,
            loc: loc(49, 1, 49, 53)
        },
        {
            name: 'lost',
            title: {},
            expr: { kind: 'churn', dataset: 'Members', start: 'joined', end: 'left' },
            unit: 'percent',
            range: [0, 100],
            segments: [],
            period: 'quarter',
            target: { op: '<=', value: 5, warning: null },
            minSample: 30,
            loc: loc(50, 1, 50, 54)
        },
        {
            name: 'value',
            title: {},
            expr: {
                kind: 'clv',
                dataset: 'Members',
                value: 'spend',
                valuePeriod: 'month',
                marginPercent: 60,
                discountPercent: 8,
                start: 'joined',
                end: 'left',
                variant: 'simple-perpetuity'
            },
            unit: 'number',
            range: null,
            segments: [],
            period: null,
            target: null,
            minSample: 30,
            loc: loc(51, 1, 51, 57)
        },
        {
            name: 'spend',
            title: {},
            expr: { kind: 'mean', field: { source: 'column', dataset: 'Members', column: 'spend' } },
            unit: 'number',
            range: null,
            segments: [],
            period: null,
            target: null,
            minSample: 30,
            loc: loc(52, 1, 52, 35)
        }
    ],
    drivers: [
        {
            name: 'why_loyal',
            title: {},
            survey: 'AfterVisit',
            outcome: 'recommend',
            drivers: ['app'],
            method: 'relative_weights',
            loc: loc(53, 1, 53, 50)
        }
    ]
};

describe('CX model', () => {
    it('of a small spec is exactly the expected JSON and passes its zod schema', async () => {
        const workspace = await loadWorkspace([path.join(fixtures, 'cafe.cx')], { root: fixtures });
        expect(workspace.diagnostics).toEqual([]);
        const model = workspace.model('Cafe');
        expect(model).toEqual(EXPECTED);
        expect(CxModel.parse(model)).toEqual(model);
    });

    it('is the same bytes on every load', async () => {
        const load = async (inputs: string[], root: string) => {
            const workspace = await loadWorkspace(inputs, { root });
            return workspace.specNames.map(name => JSON.stringify(workspace.model(name))).join('\n');
        };
        expect(await load([path.join(fixtures, 'cafe.cx')], fixtures)).toBe(await load([path.join(fixtures, 'cafe.cx')], fixtures));
        const first = await load([examples], examples);
        expect(await load([examples], examples)).toBe(first);
    });

    it('gives clv the period of its value column, month unless the spec says per year', async () => {
        const built = await buildFiles({ 'spec.cx': `spec T { locales en }
dataset D { key id column mrr: number column arr: number column s: date column e: date lifecycle start s end e }
metric plain = clv(D.mrr) margin 70% discount 10%
metric monthly = clv(D.mrr per month) margin 70% discount 10%
metric yearly = clv(D.arr per year) margin 70% discount 10% per quarter` });
        expect(built.lines).toEqual([]);
        const model = built.model('T');
        expect(model.metrics.map(m => [m.name, m.expr.kind === 'clv' ? `${m.expr.value} per ${m.expr.valuePeriod}` : '-', m.period])).toEqual([
            ['plain', 'mrr per month', null], ['monthly', 'mrr per month', null], ['yearly', 'arr per year', 'quarter']
        ]);
        // A model written before the field existed reads as monthly, as the spec did.
        const older = structuredClone(EXPECTED);
        delete (older.metrics.find(m => m.expr.kind === 'clv')!.expr as { valuePeriod?: string }).valuePeriod;
        expect(CxModel.parse(older)).toEqual(EXPECTED);
        const wrong = structuredClone(EXPECTED);
        (wrong.metrics.find(m => m.expr.kind === 'clv')!.expr as { valuePeriod: string }).valuePeriod = 'week';
        expect(CxModel.safeParse(wrong).success).toBe(false);
    });

    it('zod rejects models that break the contract', () => {
        expect(CxModel.safeParse({ ...EXPECTED, schemaVersion: 1 }).success).toBe(false);
        // A version 1 literal (a bare string, option id or quoted text alike) is no longer a literal.
        const untagged = structuredClone(EXPECTED);
        (untagged.segments[0].condition as { value: unknown }).value = 'gold';
        expect(CxModel.safeParse(untagged).success).toBe(false);
        const badKind = structuredClone(EXPECTED);
        (badKind.surveys[0].questions[0] as { kind: string }).kind = 'stars';
        expect(CxModel.safeParse(badKind).success).toBe(false);
        const badCondition = structuredClone(EXPECTED);
        (badCondition.segments[0].condition as { type: string }).type = 'xor';
        expect(CxModel.safeParse(badCondition).success).toBe(false);
    });

    // Golden files hold the full model of each bundled example; after an intended change to an
    // example or to the model, rewrite them with `UPDATE_GOLDEN=1 npx vitest run packages/language/test/model.test.ts`.
    it('of every bundled example matches its golden file exactly', async () => {
        const workspace = await loadWorkspace([examples], { root: examples });
        expect(workspace.hasErrors).toBe(false);
        for (const name of workspace.specNames) {
            const file = path.join(golden, `${name}.model.json`);
            const text = JSON.stringify(workspace.model(name), null, 2) + '\n';
            expectGolden(file, text, `${name}: model differs from test/golden/${name}.model.json`);
            expect(CxModel.parse(JSON.parse(text))).toEqual(JSON.parse(text));
        }
        expect(fs.readdirSync(golden).sort()).toEqual(workspace.specNames.map(n => `${n}.model.json`).sort());
    });
});
