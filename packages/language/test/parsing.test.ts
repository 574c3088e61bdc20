import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createCxSpecServices } from '@cxspec/language';
import {
    isAndCondition, isAnsweredCondition, isBooleanValue, isComparison, isInCondition, isNotCondition, isNumberValue,
    isOrCondition, isStringValue, isSymbolValue,
    type BoxExpr, type ClvExpr, type Condition, type Dataset, type Document, type DriverAnalysis, type Journey,
    type LifecycleExpr, type MeanExpr, type Metric, type NpsExpr, type QuantileExpr, type RateExpr, type Segment, type Survey, type Value
} from '../src/generated/ast.js';
import { buildFiles } from './support/spec-workspace.js';

const { CxSpec } = createCxSpecServices(EmptyFileSystem);
const parse = parseHelper<Document>(CxSpec);

/** Parses without linking or validating and fails on any lexing or parsing error. */
async function parseClean(text: string): Promise<Document> {
    const document: LangiumDocument<Document> = await parse(text);
    const errors = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => e.message);
    expect(errors).toEqual([]);
    return document.parseResult.value;
}

function value(v: Value): string {
    if (isNumberValue(v)) return String(v.value);
    if (isBooleanValue(v)) return v.value;
    if (isStringValue(v)) return JSON.stringify(v.value);
    if (isSymbolValue(v)) return v.symbol.$refText;
    throw new Error('unknown value');
}

/** A condition tree as an s-expression, to assert precedence and grouping. */
function show(c: Condition): string {
    const field = (f: { head: { $refText: string }; member?: { $refText: string } }) => f.head.$refText + (f.member ? `.${f.member.$refText}` : '');
    if (isOrCondition(c)) return `(or ${show(c.left)} ${show(c.right)})`;
    if (isAndCondition(c)) return `(and ${show(c.left)} ${show(c.right)})`;
    if (isNotCondition(c)) return `(not ${show(c.operand)})`;
    if (isComparison(c)) return `(${c.op} ${field(c.field)} ${value(c.value)})`;
    if (isInCondition(c)) return `(${c.negated ? 'not-in' : 'in'} ${field(c.field)} [${c.values.map(value).join(' ')}])`;
    if (isAnsweredCondition(c)) return `(${c.negated ? 'unanswered' : 'answered'} ${field(c.field)})`;
    throw new Error('unknown condition');
}

const cleanFixture = fs.readFileSync(path.join(__dirname, 'fixtures/clean.cx'), 'utf8');

describe('parsing every construct (fixtures/clean.cx)', () => {
    it('the fixture that uses every construct validates without any diagnostic', async () => {
        expect((await buildFiles({ 'clean.cx': cleanFixture })).lines).toEqual([]);
    });

    it('spec header: title, locales with default, fatigue limits', async () => {
        const doc = await parseClean(cleanFixture);
        expect(doc.name).toBe('Clean');
        expect(doc.header?.texts.map(t => [t.locale, t.text])).toEqual([['ja', 'テスト'], ['en', 'Test']]);
        expect(doc.header?.locales.map(l => [l.code, l.isDefault])).toEqual([['ja', true], ['en', false]]);
        expect([doc.header?.limits?.maxQuestions, doc.header?.limits?.maxSeconds]).toEqual([12, 240]);
    });

    it('segments: a condition on a survey question and on a dataset column', async () => {
        const doc = await parseClean(cleanFixture);
        const segments = doc.elements.filter((e): e is Segment => e.$type === 'Segment');
        expect(segments.map(s => [s.name, s.texts.length, show(s.condition)])).toEqual([
            ['Commuter', 2, '(= AfterPickup.reason commute)'],
            ['Enterprise', 2, '(in Customers.plan [enterprise])']
        ]);
    });

    it('journeys: stages in order, touchpoints with channel, owner, title and description', async () => {
        const doc = await parseClean(cleanFixture);
        const journey = doc.elements.find((e): e is Journey => e.$type === 'Journey')!;
        expect(journey.name).toBe('MobileOrder');
        expect(journey.description?.texts.map(t => t.locale)).toEqual(['ja', 'en']);
        expect(journey.stages.map(s => [s.name, s.touchpoints.map(t => [t.name, t.channel, t.owner ?? null, t.texts.length, t.description?.texts.length ?? 0])])).toEqual([
            ['Order', [['Menu', 'app', 'Digital', 2, 0], ['Checkout', 'app', null, 0, 0]]],
            ['Pickup', [['Counter', 'store', 'Store operations', 2, 2]]]
        ]);
    });

    it('surveys: trigger, joins, every question kind with scale, about, required, logic, labels, options, items, thanks', async () => {
        const doc = await parseClean(cleanFixture);
        const survey = doc.elements.find((e): e is Survey => e.$type === 'Survey')!;
        const t = survey.trigger!;
        expect([t.touchpoint.$refText, t.delay, t.sample, t.quarantine, t.expected, t.per]).toEqual(['Counter', '2h', 20, '30d', 2000, 'month']);
        expect(survey.joins?.$refText).toBe('Customers');
        expect(survey.description?.texts.length).toBe(2);
        expect(survey.thanks?.texts.map(x => x.text)).toEqual(['ありがとうございました', 'Thank you']);
        expect(survey.questions.map(q => ({
            name: q.name, kind: q.kind, range: q.range ? `${q.range.min}..${q.range.max}` : null, about: q.about?.$refText ?? null,
            required: q.required, when: q.visibleWhen ? show(q.visibleWhen) : null,
            labels: q.labels.map(l => l.end), options: q.options.map(o => o.name), items: q.items.map(i => i.name)
        }))).toEqual([
            { name: 'recommend', kind: 'nps', range: null, about: 'Counter', required: true, when: null, labels: ['low', 'high'], options: [], items: [] },
            { name: 'why', kind: 'text', range: null, about: null, required: false, when: '(<= recommend 6)', labels: [], options: [], items: [] },
            { name: 'menu', kind: 'csat', range: null, about: 'Menu', required: false, when: null, labels: [], options: [], items: [] },
            { name: 'effort', kind: 'ces', range: null, about: 'Checkout', required: false, when: null, labels: [], options: [], items: [] },
            { name: 'wait', kind: 'rating', range: '1..10', about: 'Counter', required: false, when: '(and (answered effort) (not (> effort 5)))', labels: [], options: [], items: [] },
            { name: 'reason', kind: 'choice', range: null, about: null, required: false, when: null, labels: [], options: ['commute', 'leisure'], items: [] },
            { name: 'extras', kind: 'multichoice', range: null, about: null, required: false, when: '(or (in reason [commute leisure]) (>= recommend 9))', labels: [], options: ['food', 'goods'], items: [] },
            { name: 'again', kind: 'boolean', range: null, about: null, required: false, when: '(!= reason leisure)', labels: ['true', 'false'], options: [], items: [] },
            { name: 'aspects', kind: 'matrix', range: null, about: null, required: false, when: '(= again true)', labels: [], options: [], items: ['taste', 'speed'] },
            { name: 'priorities', kind: 'ranking', range: null, about: null, required: false, when: '(unanswered why)', labels: [], options: ['price', 'quality'], items: [] }
        ]);
    });

    it('datasets: key, primitive and enum columns, lifecycle', async () => {
        const doc = await parseClean(cleanFixture);
        const dataset = doc.elements.find((e): e is Dataset => e.$type === 'Dataset')!;
        expect(dataset.key).toBe('customer_id');
        expect(dataset.columns.map(c => [c.name, c.primitive ?? c.values.map(v => v.name).join('|')])).toEqual([
            ['plan', 'starter|growth|enterprise'], ['mrr', 'number'], ['signed_up', 'date'], ['churned_on', 'date'],
            ['region', 'text'], ['vip', 'boolean']
        ]);
        expect([dataset.lifecycle?.start.$refText, dataset.lifecycle?.end.$refText]).toEqual(['signed_up', 'churned_on']);
    });

    it('metrics: every function, segments, period, target with unit and warning, minimum sample', async () => {
        const doc = await parseClean(cleanFixture);
        const metrics = doc.elements.filter((e): e is Metric => e.$type === 'Metric');
        const expr = (m: Metric): string => {
            const e = m.expr;
            const f = (x: NpsExpr | BoxExpr | MeanExpr) => x.field.head.$refText + (x.field.member ? `.${x.field.member.$refText}` : '');
            switch (e.$type) {
                case 'NpsExpr': case 'MeanExpr': return `${e.fn}(${f(e)})`;
                case 'BoxExpr': return `${e.fn}(${f(e)}, ${(e as BoxExpr).boxes ?? '-'})`;
                case 'QuantileExpr': return `${e.fn}(${f(e as unknown as MeanExpr)}, ${(e as QuantileExpr).percent ?? '-'})`;
                case 'RateExpr': return `rate(${(e as RateExpr).source.$refText} where ${show((e as RateExpr).condition)})`;
                case 'LifecycleExpr': return `${e.fn}(${(e as LifecycleExpr).dataset.$refText})`;
                case 'ClvExpr': {
                    const c = e as ClvExpr;
                    return `clv(${c.dataset.$refText}.${c.value.$refText}) margin ${c.margin} discount ${c.discount}`;
                }
            }
        };
        expect(metrics.map(m => [m.name, expr(m), m.segments.map(s => s.$refText).join(','), m.period ?? '-',
            m.target ? `${m.target.op} ${m.target.value}${m.target.unit ?? ''} warn ${m.target.warning ?? '-'}${m.target.warningUnit ?? ''}` : '-',
            m.minSample ?? '-'])).toEqual([
            ['nps_all', 'nps(AfterPickup.recommend)', 'Commuter,Enterprise', 'month', '>= 30 warn 40', '-'],
            ['menu_csat', 'csat(AfterPickup.menu, -)', '', '-', '>= 80% warn 85%', 50],
            ['wait_top', 'top(AfterPickup.wait, 3)', '', '-', '>= 40% warn -', '-'],
            ['wait_bottom', 'bottom(AfterPickup.wait, 2)', '', '-', '<= 20% warn -', '-'],
            ['effort', 'mean(AfterPickup.effort)', '', '-', '<= 3 warn 2.5', '-'],
            ['commuters', 'rate(AfterPickup where (= reason commute))', '', 'quarter', '-', '-'],
            ['churn', 'churn(Customers)', '', 'month', '<= 5% warn -', '-'],
            ['retention', 'retention(Customers)', '', 'quarter', '>= 90% warn -', '-'],
            ['clv', 'clv(Customers.mrr) margin 70 discount 10', '', '-', '>= 1000 warn -', '-'],
            ['mean_mrr', 'mean(Customers.mrr)', '', '-', '-', '-'],
            ['enterprise_share', 'rate(Customers where (and (= plan enterprise) (not (= vip true))))', '', '-', '-', '-']
        ]);
    });

    it('driver analyses: outcome, drivers and method', async () => {
        const doc = await parseClean(cleanFixture);
        const drivers = doc.elements.filter((e): e is DriverAnalysis => e.$type === 'DriverAnalysis');
        expect(drivers.map(d => [d.name, `${d.outcome.head.$refText}.${d.outcome.member?.$refText}`, d.drivers.map(x => x.$refText), d.method])).toEqual([
            ['loyalty', 'AfterPickup.recommend', ['menu', 'effort', 'wait'], 'relative_weights'],
            ['loyalty_corr', 'AfterPickup.recommend', ['menu', 'effort'], 'correlation']
        ]);
    });
});

describe('parsing details', () => {
    const survey = (when: string) => `spec T { locales en }
survey S {
    question a: nps { en "A" }
    question b: boolean { en "B" }
    question c: choice { en "C" option x { en "X" } option y { en "Y" } }
    question d: text when ${when} { en "D" }
}`;
    const logic = async (when: string) => {
        const doc = await parseClean(survey(when));
        return show((doc.elements[0] as Survey).questions[3].visibleWhen!);
    };

    it('and binds tighter than or, not tighter than and; parentheses group', async () => {
        expect(await logic('a = 1 or b = true and not c = x')).toBe('(or (= a 1) (and (= b true) (not (= c x))))');
        expect(await logic('(a = 1 or b = true) and c != y')).toBe('(and (or (= a 1) (= b true)) (!= c y))');
        expect(await logic('not not a is answered')).toBe('(not (not (answered a)))');
        expect(await logic('a < 3 and a > 1 and a >= 2 or a <= 0')).toBe('(or (and (and (< a 3) (> a 1)) (>= a 2)) (<= a 0))');
    });

    it('in and not in lists, answered and not answered, strings and negative numbers', async () => {
        expect(await logic('c not in [x, y] or c in [x]')).toBe('(or (not-in c [x y]) (in c [x]))');
        expect(await logic('a is not answered and d is answered')).toBe('(and (unanswered a) (answered d))');
        expect(await logic('d = "it\\"s late" or a > -1.5')).toBe('(or (= d "it\\"s late") (> a -1.5))');
    });

    it('keywords that are common names can name questions, options, columns and metrics', async () => {
        const doc = await parseClean(`spec T { locales en }
survey S { question nps: nps { en "N" } question rate: choice { en "R" option option { en "O" } option text { en "T" } } }
dataset D { key key column target: number column churn: date column method: text }
metric churn = churn(D)
metric nps = nps(S.nps) target >= 0
metric clv = mean(D.target)`);
        expect(doc.elements.map(e => e.name)).toEqual(['S', 'D', 'churn', 'nps', 'clv']);
        expect((doc.elements[0] as Survey).questions.map(q => `${q.name}:${q.kind}:${q.options.map(o => o.name).join('|')}`)).toEqual(['nps:nps:', 'rate:choice:option|text']);
        expect((doc.elements[1] as Dataset).columns.map(c => c.name)).toEqual(['target', 'churn', 'method']);
    });

    it('clv takes the period of its value column inside the parentheses, apart from the metric per', async () => {
        const doc = await parseClean(`spec T { locales en }
dataset D { key id column mrr: number column arr: number column year: number column s: date column e: date lifecycle start s end e }
segment Big { where D.arr > 100 }
metric monthly = clv(D.mrr) margin 70% discount 10%
metric month = clv(D.mrr per month) margin 70% discount 10% per month
metric yearly = clv(D.arr per year) margin 70% discount 10% per quarter
metric year = clv(D.year per year) margin 60% discount 8% by [Big] per year target >= 1000 min sample 20`);
        const metrics = doc.elements.filter((e): e is Metric => e.$type === 'Metric');
        expect(metrics.map(m => {
            const c = m.expr as ClvExpr;
            return [m.name, c.value.$refText, c.valuePeriod ?? '-', c.margin, c.discount, m.segments.map(s => s.$refText).join(','), m.period ?? '-', m.target?.value ?? '-', m.minSample ?? '-'];
        })).toEqual([
            ['monthly', 'mrr', '-', 70, 10, '', '-', '-', '-'],
            ['month', 'mrr', 'month', 70, 10, '', 'month', '-', '-'],
            ['yearly', 'arr', 'year', 70, 10, '', 'quarter', '-', '-'],
            ['year', 'year', 'year', 60, 8, 'Big', 'year', 1000, 20]
        ]);
    });

    it('clv value periods other than month and year, and per after the parentheses, do not parse', async () => {
        const errors = async (expr: string) => (await parse(`spec T { locales en }\nmetric v = ${expr}`)).parseResult.parserErrors.length;
        expect(await errors('clv(D.mrr per week) margin 70% discount 10%')).toBeGreaterThan(0);
        expect(await errors('clv(D.mrr) per year margin 70% discount 10%')).toBeGreaterThan(0);
        expect(await errors('clv(D.mrr per) margin 70% discount 10%')).toBeGreaterThan(0);
        expect(await errors('clv(D.mrr per year) margin 70% discount 10% per year')).toBe(0);
    });

    it('BCP 47 locale tags, including region numbers and codes that are keywords', async () => {
        const doc = await parseClean('spec T { en "T" pt-BR "T" es-419 "T" is "T" or "T" zh-Hant "T" locales en default, pt-BR, es-419, is, or, zh-Hant }');
        expect(doc.header?.locales.map(l => l.code)).toEqual(['en', 'pt-BR', 'es-419', 'is', 'or', 'zh-Hant']);
        expect(doc.header?.texts.map(t => t.locale)).toEqual(['en', 'pt-BR', 'es-419', 'is', 'or', 'zh-Hant']);
    });

    it('comments, durations in every unit, decimal sampling', async () => {
        const doc = await parseClean(`// line comment
spec T { locales en /* block
comment */ }
journey J { stage S { touchpoint A touchpoint B touchpoint C touchpoint D } }
survey S1 { trigger after A delay 30min sample 0.5% quarantine 1w }
survey S2 { trigger after B delay 2h quarantine 90d expect 12 per week }
survey S3 { trigger after C }`);
        const triggers = doc.elements.filter((e): e is Survey => e.$type === 'Survey').map(s => s.trigger!);
        expect(triggers.map(t => [t.delay ?? null, t.sample ?? null, t.quarantine ?? null, t.expected ?? null, t.per ?? null])).toEqual([
            ['30min', 0.5, '1w', null, null], ['2h', null, '90d', 12, 'week'], [null, null, null, null, null]
        ]);
    });

    it('a file may hold only the spec line, so a spec can be split over files', async () => {
        const doc = await parseClean('spec T\nsegment Everyone { where S.a is answered }');
        expect([doc.name, doc.header, doc.elements.map(e => e.name)]).toEqual(['T', undefined, ['Everyone']]);
    });
});
