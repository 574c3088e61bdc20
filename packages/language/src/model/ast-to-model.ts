/**
 * Builds the CX model of one spec from the Langium documents of its files. The result holds no
 * AST pointers: every reference is written as the name it resolved to.
 */
import path from 'node:path';
import { AstUtils, type AstNode } from 'langium';
import {
    isAndCondition, isAnsweredCondition, isBooleanValue, isBoxExpr, isClvExpr, isColumn, isComparison, isDataset,
    isInCondition, isLifecycleExpr, isMeanExpr, isNotCondition, isNpsExpr, isNumberValue, isOrCondition, isQuantileExpr, isQuestion,
    isRateExpr, isStringValue, isSurvey, isSymbolValue,
    type Condition as AstCondition, type Dataset as AstDataset, type Document, type FieldRef as AstFieldRef,
    type Journey as AstJourney, type LocalizedText, type Metric as AstMetric, type Question as AstQuestion,
    type Survey as AstSurvey, type Value
} from '../generated/ast.js';
import type {
    Condition, CxModel, Dataset, DriverAnalysis, Duration, FieldRef, Journey, Literal, Localized, Metric, MetricExpr, NumberAnswer,
    Period, Question, QuestionKind, Segment, SourceLocation, Survey, SurveyPage
} from '@cxspec/model';
import { DEFAULT_LIMITS, DEFAULT_MIN_SAMPLE, UNTITLED_PAGE, estimateSeconds, questionKind, rangeOf, scaleOf, unitOf, type MetricFunction } from '@cxspec/model';
import { isFieldMetricExpr, resolveFieldTarget } from '../references/field-resolution.js';
import { localeSettings } from '../references/spec-membership.js';
import { specRoot } from '../workspace/spec-root.js';
import { surveyPages, surveyReadingSeconds, type AstPage } from './survey-structure.js';

export interface ModelOptions {
    /** Directory that source locations are written relative to (default: the spec's root, see specRoot). */
    root?: string;
}

/** Builds the model of the spec whose files are `roots` (all with the same spec name). */
export function buildCxModel(roots: Document[], options: ModelOptions = {}): CxModel {
    const builder = new ModelBuilder(roots, options.root ?? specRoot(roots.map(r => AstUtils.getDocument(r).uri.fsPath)));
    return builder.build();
}

class ModelBuilder {
    private readonly locales: string[];
    private readonly defaultLocale: string;

    constructor(private readonly roots: Document[], private readonly root: string) {
        const header = roots.find(r => r.header)?.header;
        const settings = header ? localeSettings(header) : { locales: ['en'], defaultLocale: 'en' };
        this.locales = settings.locales;
        this.defaultLocale = settings.defaultLocale;
    }

    build(): CxModel {
        const headerRoot = this.roots.find(r => r.header) ?? this.roots[0];
        const header = headerRoot.header;
        const elements = this.roots.flatMap(r => r.elements);
        return {
            schemaVersion: 2,
            spec: {
                name: headerRoot.name,
                title: this.texts(header?.texts),
                locales: [...this.locales],
                defaultLocale: this.defaultLocale,
                limits: {
                    maxQuestions: header?.limits?.maxQuestions ?? DEFAULT_LIMITS.maxQuestions,
                    maxSeconds: header?.limits?.maxSeconds ?? DEFAULT_LIMITS.maxSeconds
                },
                ...(header?.contact ? {
                    // A rule without a window exists only in a tree recovered from a syntax error.
                    contact: header.contact.rules.flatMap(r => {
                        const window = duration(r.window);
                        return window ? [{ count: r.count, window, loc: this.loc(r) }] : [];
                    })
                } : {}),
                ...(header?.salt !== undefined ? { salt: header.salt } : {}),
                loc: this.loc(headerRoot)
            },
            segments: elements.filter(e => e.$type === 'Segment').map((s): Segment => ({
                name: s.name,
                title: this.texts(s.texts),
                condition: this.condition(s.condition),
                loc: this.loc(s)
            })),
            journeys: elements.filter(e => e.$type === 'Journey').map(j => this.journey(j)),
            surveys: elements.filter(e => e.$type === 'Survey').map(s => this.survey(s)),
            datasets: elements.filter(e => e.$type === 'Dataset').map(d => this.dataset(d)),
            metrics: elements.filter(e => e.$type === 'Metric').map(m => this.metric(m)),
            drivers: elements.filter(e => e.$type === 'DriverAnalysis').map((d): DriverAnalysis => {
                const outcome = resolveFieldTarget(d.outcome);
                return {
                    name: d.name,
                    title: this.texts(d.texts),
                    survey: isQuestion(outcome) ? outcome.$container.name : '',
                    outcome: isQuestion(outcome) ? outcome.name : '',
                    drivers: d.drivers.map(r => r.ref?.name ?? r.$refText),
                    method: (d.method ?? 'relative_weights') as DriverAnalysis['method'],
                    loc: this.loc(d)
                };
            })
        };
    }

    private journey(j: AstJourney): Journey {
        return {
            name: j.name,
            title: this.texts(j.texts),
            description: this.texts(j.description?.texts),
            stages: j.stages.map(s => ({
                name: s.name,
                title: this.texts(s.texts),
                touchpoints: s.touchpoints.map(t => ({
                    name: t.name,
                    title: this.texts(t.texts),
                    description: this.texts(t.description?.texts),
                    channel: t.channel ?? 'web',
                    owner: t.owner ?? null,
                    notMeasured: t.notMeasured ?? null,
                    loc: this.loc(t)
                })),
                loc: this.loc(s)
            })),
            loc: this.loc(j)
        };
    }

    private survey(s: AstSurvey): Survey {
        const questions = s.questions.map(q => this.question(q));
        const trigger = s.trigger;
        const touchpoint = trigger?.touchpoint.ref;
        return {
            name: s.name,
            title: this.texts(s.texts),
            description: this.texts(s.description?.texts),
            ...(s.welcome ? { welcome: this.texts(s.welcome.texts) } : {}),
            thanks: this.texts(s.thanks?.texts),
            trigger: trigger ? {
                touchpoint: touchpoint?.name ?? trigger.touchpoint.$refText,
                journey: touchpoint?.$container.$container.name ?? '',
                stage: touchpoint?.$container.name ?? '',
                delay: duration(trigger.delay),
                samplePercent: trigger.sample ?? 100,
                quarantine: duration(trigger.quarantine),
                expectedResponses: trigger.expected !== undefined && trigger.per
                    ? { count: trigger.expected, per: trigger.per as Period }
                    : null,
                ...(trigger.priority !== undefined ? { priority: trigger.priority } : {})
            } : null,
            joins: s.joins?.ref?.name ?? s.joins?.$refText ?? null,
            questions,
            ...(s.pages.length > 0 || s.groups.length > 0 ? { pages: surveyPages(s).map(p => this.page(p, s)) } : {}),
            estimatedSeconds: questions.reduce((sum, q) => sum + q.estimatedSeconds, 0) + surveyReadingSeconds(s),
            loc: this.loc(s)
        };
    }

    private page({ page, questions, groups }: AstPage, s: AstSurvey): SurveyPage {
        return {
            name: page?.name ?? UNTITLED_PAGE,
            title: this.texts(page?.texts),
            description: this.texts(page?.description?.texts),
            visibleWhen: page?.visibleWhen ? this.condition(page.visibleWhen) : null,
            questions: questions.map(q => q.name),
            groups: groups.map(({ group, questions }) => ({
                name: group.name,
                title: this.texts(group.texts),
                description: this.texts(group.description?.texts),
                questions: questions.map(q => q.name),
                ...(group.random ? { randomOrder: true as const } : {}),
                loc: this.loc(group)
            })),
            ...(page?.random ? { randomOrder: true as const } : {}),
            loc: this.loc(page ?? questions[0] ?? groups[0]?.group ?? s)
        };
    }

    private question(q: AstQuestion): Question {
        // Typed, not cast: a kind the grammar has and the question catalog lacks is a compile error here.
        const kind: QuestionKind = q.kind;
        const bounds = scaleOf(kind, q.range);
        const label = (end: string) => this.texts(q.labels.find(l => l.end === end)?.texts);
        return {
            name: q.name,
            kind,
            text: this.texts(q.texts),
            description: this.texts(q.description?.texts),
            required: q.required,
            about: q.about?.ref?.name ?? q.about?.$refText ?? null,
            scale: bounds ? { min: bounds.min, max: bounds.max, minLabel: label('low'), maxLabel: label('high') } : null,
            ...(questionKind(kind).answer === 'number' ? { number: this.numberAnswer(q) } : {}),
            options: q.options.map(o => ({ id: o.name, label: this.texts(o.texts), ...(o.special ? { special: o.special as 'specify' | 'exclusive' } : {}) })),
            items: q.items.map(i => ({ id: i.name, label: this.texts(i.texts) })),
            trueLabel: kind === 'boolean' ? label('true') : {},
            falseLabel: kind === 'boolean' ? label('false') : {},
            visibleWhen: q.visibleWhen ? this.condition(q.visibleWhen) : null,
            ...(q.random ? { randomOrder: true as const } : {}),
            ...(q.dropdown ? { dropdown: true as const } : {}),
            ...(q.maxLength !== undefined || q.format || q.pattern !== undefined
                ? { textRules: { maxLength: q.maxLength ?? null, format: (q.format as 'email' | 'digits' | undefined) ?? null, pattern: q.pattern ?? null } }
                : {}),
            ...(q.select ? { select: { min: q.select.min ?? null, max: q.select.max ?? null } } : {}),
            estimatedSeconds: estimateSeconds(kind, q.options.length, q.items.length),
            loc: this.loc(q)
        };
    }

    private numberAnswer(q: AstQuestion): NumberAnswer {
        const plain = q.unit?.plain;
        const unit = plain !== undefined ? Object.fromEntries(this.locales.map(l => [l, plain])) : this.texts(q.unit?.texts);
        return { min: q.range?.min ?? null, max: q.range?.max ?? null, integer: q.integer, unit };
    }

    private dataset(d: AstDataset): Dataset {
        return {
            name: d.name,
            title: this.texts(d.texts),
            key: d.key,
            columns: d.columns.map(c => ({
                name: c.name,
                type: c.values.length > 0 ? 'enum' : (c.primitive ?? 'text') as Dataset['columns'][number]['type'],
                values: c.values.map(v => v.name),
                loc: this.loc(c)
            })),
            lifecycle: d.lifecycle
                ? { start: d.lifecycle.start.$refText, end: d.lifecycle.end.$refText }
                : null,
            loc: this.loc(d)
        };
    }

    private metric(m: AstMetric): Metric {
        const expr = this.metricExpr(m);
        const field = isFieldMetricExpr(m.expr) ? resolveFieldTarget(m.expr.field) : undefined;
        // A typed number has no scale: its mean is a plain number, as a column's is.
        const unit = unitOf(m.expr.fn as MetricFunction, isColumn(field) || (isQuestion(field) && field.kind === 'number'));
        const scale = isQuestion(field) ? scaleOf(field.kind as QuestionKind, field.range) ?? undefined : undefined;
        return {
            name: m.name,
            title: this.texts(m.texts),
            expr,
            unit,
            range: rangeOf(unit, scale),
            segments: m.segments.map(s => s.ref?.name ?? s.$refText),
            period: (m.period ?? null) as Period | null,
            target: m.target ? { op: m.target.op, value: m.target.value, warning: m.target.warning ?? null } : null,
            minSample: m.minSample ?? DEFAULT_MIN_SAMPLE,
            loc: this.loc(m)
        };
    }

    private metricExpr(m: AstMetric): MetricExpr {
        const e = m.expr;
        const question = (ref: AstFieldRef) => {
            const target = resolveFieldTarget(ref);
            return isQuestion(target)
                ? { survey: target.$container.name, question: target.name }
                : { survey: ref.head.$refText, question: ref.member?.$refText ?? '' };
        };
        if (isNpsExpr(e)) return { kind: 'nps', ...question(e.field) };
        if (isBoxExpr(e)) return { kind: e.fn === 'bottom' ? 'bottomBox' : 'topBox', ...question(e.field), boxes: e.boxes ?? 2 };
        if (isMeanExpr(e)) return { kind: 'mean', field: this.fieldRef(e.field) };
        if (isQuantileExpr(e)) return { kind: 'quantile', field: this.fieldRef(e.field), percent: e.fn === 'median' ? 50 : e.percent ?? 50 };
        if (isRateExpr(e)) {
            const source = e.source.ref;
            return {
                kind: 'rate',
                source: isDataset(source) ? { type: 'dataset', dataset: source.name } : { type: 'survey', survey: source?.name ?? e.source.$refText },
                condition: this.condition(e.condition)
            };
        }
        const lifecycle = (d: AstDataset | undefined) => ({
            start: d?.lifecycle?.start.$refText ?? '',
            end: d?.lifecycle?.end.$refText ?? ''
        });
        if (isLifecycleExpr(e)) {
            return { kind: e.fn, dataset: e.dataset.$refText, ...lifecycle(e.dataset.ref) };
        }
        if (isClvExpr(e)) {
            return {
                kind: 'clv', dataset: e.dataset.$refText, value: e.value.$refText, valuePeriod: e.valuePeriod ?? 'month',
                marginPercent: e.margin, discountPercent: e.discount, ...lifecycle(e.dataset.ref), variant: 'simple-perpetuity'
            };
        }
        throw new Error(`Unknown metric expression ${(e as AstNode).$type}`);
    }

    private condition(c: AstCondition): Condition {
        if (isAndCondition(c)) return { type: 'and', operands: [...this.flatten(c.left, 'and'), ...this.flatten(c.right, 'and')] };
        if (isOrCondition(c)) return { type: 'or', operands: [...this.flatten(c.left, 'or'), ...this.flatten(c.right, 'or')] };
        if (isNotCondition(c)) return { type: 'not', operand: this.condition(c.operand) };
        if (isComparison(c)) return { type: 'compare', field: this.fieldRef(c.field), op: c.op, value: literal(c.value) };
        if (isInCondition(c)) return { type: 'in', field: this.fieldRef(c.field), values: c.values.map(literal), negated: c.negated };
        if (isAnsweredCondition(c)) return { type: 'answered', field: this.fieldRef(c.field), negated: c.negated };
        throw new Error(`Unknown condition ${(c as AstNode).$type}`);
    }

    /** `a and (b and c)` becomes one `and` of three operands. */
    private flatten(c: AstCondition, type: 'and' | 'or'): Condition[] {
        const converted = this.condition(c);
        return converted.type === type ? converted.operands : [converted];
    }

    private fieldRef(ref: AstFieldRef): FieldRef {
        const target = resolveFieldTarget(ref);
        if (isQuestion(target)) return { source: 'question', survey: target.$container.name, question: target.name };
        if (isColumn(target)) return { source: 'column', dataset: target.$container.name, column: target.name };
        if (isSurvey(target) || isDataset(target) || !target) {
            // Unresolved or incomplete references only occur in specs with errors; keep the text.
            return { source: 'question', survey: ref.head.$refText, question: ref.member?.$refText ?? '' };
        }
        return { source: 'question', survey: '', question: ref.head.$refText };
    }

    private texts(texts: LocalizedText[] | undefined): Localized {
        const result: Localized = {};
        for (const locale of this.locales) {
            const text = texts?.find(t => t.locale === locale);
            if (text) result[locale] = text.text;
        }
        return result;
    }

    private loc(node: AstNode): SourceLocation {
        const range = node.$cstNode?.range;
        const fsPath = AstUtils.getDocument(node).uri.fsPath;
        return {
            file: path.relative(this.root, fsPath).split(path.sep).join('/'),
            line: (range?.start.line ?? 0) + 1,
            column: (range?.start.character ?? 0) + 1,
            endLine: (range?.end.line ?? 0) + 1,
            endColumn: (range?.end.character ?? 0) + 1
        };
    }
}

function literal(v: Value): Literal {
    if (isNumberValue(v)) return { type: 'number', value: v.value };
    if (isBooleanValue(v)) return { type: 'boolean', value: v.value === 'true' };
    if (isStringValue(v)) return { type: 'string', value: v.value };
    if (isSymbolValue(v)) return { type: 'option', id: v.symbol.ref?.name ?? v.symbol.$refText };
    throw new Error(`Unknown value ${(v as AstNode).$type}`);
}

const UNIT_SECONDS = { min: 60, h: 3600, d: 86400, w: 604800 } as const;

function duration(text: string | undefined): Duration | null {
    if (!text) return null;
    const match = /^(\d+)(min|h|d|w)$/.exec(text);
    if (!match) return null;
    const value = Number(match[1]);
    const unit = match[2] as Duration['unit'];
    return { value, unit, seconds: value * UNIT_SECONDS[unit] };
}
