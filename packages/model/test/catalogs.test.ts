import { describe, expect, it } from 'vitest';
import {
    METRIC_FUNCTIONS, QuestionKind, datasetOf, escapeHtml, escapeMarkdown, fieldsRead, formulaText, metricDatasets,
    metricFunctionsOf, metricScale, questionsRead, sourceOf, surveyOf, targetText, triggerText, unitOf,
    type CxModel, type Metric, type MetricExpr
} from '@cxspec/model';

const loc = { file: 'f.cx', line: 1, column: 1, endLine: 1, endColumn: 1 };
const metric = (expr: MetricExpr, segments: string[] = []): Metric =>
    ({ name: 'm', title: {}, expr, unit: 'percent', range: null, segments, period: null, target: null, minSample: 30, loc });

describe('question kind catalog', () => {
    it('is the list of kinds of the model', () => {
        expect(QuestionKind.options).toEqual(['nps', 'csat', 'ces', 'rating', 'choice', 'multichoice', 'boolean', 'text', 'matrix', 'ranking', 'number']);
    });

    it('derives the metric functions that score a kind from the metric catalog', () => {
        expect(metricFunctionsOf('nps')).toEqual(['nps', 'csat', 'top', 'bottom', 'mean', 'median', 'percentile']);
        expect(metricFunctionsOf('ces')).toEqual(['csat', 'top', 'bottom', 'mean', 'median', 'percentile']);
        expect(metricFunctionsOf('rating')).toEqual(['nps', 'csat', 'top', 'bottom', 'mean', 'median', 'percentile']);
        expect(metricFunctionsOf('number')).toEqual(['mean', 'median', 'percentile']);
        expect(metricFunctionsOf('choice')).toEqual([]);
        expect(metricFunctionsOf('matrix')).toEqual([]);
    });
});

describe('metric kind catalog and queries', () => {
    const rate: MetricExpr = {
        kind: 'rate', source: { type: 'survey', survey: 'S' },
        condition: { type: 'and', operands: [
            { type: 'compare', field: { source: 'question', survey: 'S', question: 'q' }, op: '>=', value: { type: 'number', value: 9 } },
            { type: 'in', field: { source: 'column', dataset: 'D', column: 'plan' }, values: [{ type: 'option', id: 'a' }], negated: false }
        ] }
    };

    it('answers where the rows come from and what is read', () => {
        expect(sourceOf(rate)).toEqual({ type: 'survey', survey: 'S' });
        expect(surveyOf(metric(rate))).toBe('S');
        expect(datasetOf(metric(rate))).toBeNull();
        expect(questionsRead(rate)).toEqual(['S.q']);
        expect(fieldsRead({ kind: 'churn', dataset: 'D', start: 's', end: 'e' })).toEqual([
            { source: 'column', dataset: 'D', column: 's' }, { source: 'column', dataset: 'D', column: 'e' }
        ]);
        expect(datasetOf(metric({ kind: 'mean', field: { source: 'column', dataset: 'D', column: 'mrr' } }))).toBe('D');
    });

    it('lists the datasets a metric needs: its own, its condition\'s and its segments\'', () => {
        const model = { segments: [{ name: 'Big', title: {}, loc, condition: { type: 'answered', field: { source: 'column', dataset: 'E', column: 'x' }, negated: false } }] } as unknown as CxModel;
        expect([...metricDatasets(model, metric(rate, ['Big']))]).toEqual(['D', 'E']);
    });

    it('finds the scale of the scored question only', () => {
        const scale = { min: 1, max: 7, minLabel: {}, maxLabel: {} };
        const model = { surveys: [{ name: 'S', questions: [{ name: 'q', scale }] }] } as unknown as CxModel;
        expect(metricScale(model, metric({ kind: 'topBox', survey: 'S', question: 'q', boxes: 2 }))).toEqual(scale);
        expect(metricScale(model, metric(rate))).toBeUndefined();
    });

    it('gives every grammar function a unit', () => {
        expect(Object.keys(METRIC_FUNCTIONS).map(fn => unitOf(fn as keyof typeof METRIC_FUNCTIONS, false)))
            .toEqual(['points', 'percent', 'percent', 'percent', 'scale', 'scale', 'scale', 'percent', 'percent', 'percent', 'number']);
        expect(unitOf('mean', true)).toBe('number');
    });
});

describe('texts', () => {
    it('writes formulas, targets and triggers as a spec does', () => {
        expect(formulaText({ kind: 'bottomBox', survey: 'S', question: 'q', boxes: 3 }, () => '')).toBe('bottom(S.q, 3)');
        expect(formulaText({ kind: 'quantile', field: { source: 'question', survey: 'S', question: 'q' }, percent: 50 }, () => '')).toBe('median(S.q)');
        expect(formulaText({ kind: 'quantile', field: { source: 'question', survey: 'S', question: 'q' }, percent: 90 }, () => '')).toBe('percentile(S.q, 90)');
        expect(formulaText(rateOf('S'), (c, within) => `${c.type} within ${within}`)).toBe('rate(S where answered within S)');
        expect(targetText({ op: '>=', value: 30, warning: 35 }, 'points')).toBe('>= 30 pts warn 35 pts');
        expect(targetText({ op: '>=', value: 30, warning: 35 }, 'points', false)).toBe('>= 30 pts');
        expect(triggerText({
            touchpoint: 'T', journey: 'J', stage: 'St', delay: { value: 2, unit: 'h', seconds: 7200 }, samplePercent: 20,
            quarantine: null, expectedResponses: { count: 100, per: 'month' }
        })).toBe('after J.St.T delay 2h sample 20% expect 100 per month');
    });

    it('escapes HTML and Markdown', () => {
        expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
        expect(escapeMarkdown('# *a* [b](c) `d` _e_ ~f~ |g| !h \\ <i> &\nj')).toBe('\\# \\*a\\* \\[b\\](c) \\`d\\` \\_e\\_ \\~f\\~ \\|g\\| \\!h \\\\ &lt;i&gt; &amp;\nj');
    });
});

function rateOf(survey: string): MetricExpr {
    return { kind: 'rate', source: { type: 'survey', survey }, condition: { type: 'answered', field: { source: 'question', survey, question: 'q' }, negated: false } };
}
