/**
 * The preview's data: everything the page shows, computed from the CX model in Node and shipped to
 * the page as JSON. The page only lays it out, so the browser code stays small and every spec
 * string reaches the DOM through text APIs.
 */
import { compileSurvey } from '@cxspec/compiler';
import { metricKind, questionsRead, targetText, triggerText, valueText, type CxModel, type Localized, type MetricUnit, type QuestionKind, type UiLocale } from '@cxspec/model';
import { formulaText } from './metric-text.js';

/**
 * What the preview shows first. The same shape as `PreviewFocus` in the language server's protocol
 * (`@cxspec/language/protocol`), which the preview does not import: it depends on the CX model only.
 */
export interface PreviewFocus {
    kind: 'survey' | 'journey' | 'metrics';
    name?: string;
}

export interface PreviewData {
    specName: string;
    title: Localized;
    locales: string[];
    defaultLocale: string;
    focus: PreviewFocus;
    surveys: SurveyPreview[];
    journeys: JourneyPreview[];
    metrics: MetricPreview[];
}

export interface SurveyPreview {
    name: string;
    title: Localized;
    questionCount: number;
    estimatedSeconds: number;
    /** `after Journey.Stage.Touchpoint delay 2h, sample 20%`; null when the survey has no trigger. */
    trigger: string | null;
    /** The compiled SurveyJS JSON, exactly what the compiler emits. */
    json: unknown;
}

export interface JourneyPreview {
    name: string;
    title: Localized;
    description: Localized;
    stages: StagePreview[];
    /** Touchpoints no question measures. */
    gapCount: number;
}

export interface StagePreview {
    name: string;
    title: Localized;
    touchpoints: TouchpointPreview[];
}

export interface TouchpointPreview {
    name: string;
    title: Localized;
    channel: string;
    owner: string | null;
    /** Questions whose `about` is this touchpoint, in survey then question order. */
    questions: Array<{ survey: string; question: string; kind: QuestionKind; text: Localized }>;
    /** Metrics computed from those questions. */
    metrics: string[];
    /** Surveys sent after this touchpoint. */
    triggers: string[];
    /** True when no question measures the touchpoint: a coverage gap. */
    gap: boolean;
}

export interface MetricPreview {
    name: string;
    title: Localized;
    formula: string;
    /** What the formula computes, in the page's own locales (shown when pointing at the formula). */
    explanation: Record<UiLocale, string>;
    unit: MetricUnit;
    target: string | null;
    warning: string | null;
    /** `by Commuter, Leisure per month`; null when the metric is not broken down. */
    breakdown: string | null;
    /** Touchpoints the metric's questions are about. */
    touchpoints: string[];
}

/**
 * Throws the compiler's error when a survey's display logic cannot be compiled; callers check
 * `compileProblems(model)` first to report those against the spec.
 */
export function buildPreviewData(model: CxModel, focus: PreviewFocus): PreviewData {
    const aboutOf = new Map<string, string>();
    for (const s of model.surveys) for (const q of s.questions) if (q.about) aboutOf.set(`${s.name}.${q.name}`, q.about);
    const metricTouchpoints = new Map(model.metrics.map(m => [
        m.name,
        unique(questionsRead(m.expr).map(q => aboutOf.get(q)).filter((t): t is string => t !== undefined))
    ]));
    return {
        specName: model.spec.name,
        title: model.spec.title,
        locales: model.spec.locales,
        defaultLocale: model.spec.defaultLocale,
        focus,
        surveys: model.surveys.map(s => ({
            name: s.name,
            title: s.title,
            questionCount: s.questions.length,
            estimatedSeconds: s.estimatedSeconds,
            trigger: s.trigger ? triggerText(s.trigger) : null,
            json: compileSurvey(model, s)
        })),
        journeys: model.journeys.map(j => {
            const stages = j.stages.map(st => ({
                name: st.name,
                title: st.title,
                touchpoints: st.touchpoints.map(tp => {
                    const questions = model.surveys.flatMap(s => s.questions
                        .filter(q => q.about === tp.name)
                        .map(q => ({ survey: s.name, question: q.name, kind: q.kind, text: q.text })));
                    return {
                        name: tp.name,
                        title: tp.title,
                        channel: tp.channel,
                        owner: tp.owner,
                        questions,
                        metrics: model.metrics.filter(m => metricTouchpoints.get(m.name)?.includes(tp.name)).map(m => m.name),
                        triggers: model.surveys.filter(s => s.trigger?.touchpoint === tp.name).map(s => s.name),
                        gap: questions.length === 0
                    };
                })
            }));
            return {
                name: j.name,
                title: j.title,
                description: j.description,
                stages,
                gapCount: stages.reduce((n, st) => n + st.touchpoints.filter(tp => tp.gap).length, 0)
            };
        }),
        metrics: model.metrics.map(m => ({
            name: m.name,
            title: m.title,
            formula: formulaText(m.expr),
            explanation: metricKind(m.expr).explanation,
            unit: m.unit,
            target: m.target ? targetText(m.target, m.unit, false) : null,
            warning: m.target?.warning != null ? valueText(m.target.warning, m.unit) : null,
            breakdown: breakdownText(m.segments, m.period),
            touchpoints: metricTouchpoints.get(m.name) ?? []
        }))
    };
}

function breakdownText(segments: string[], period: string | null): string | null {
    const parts = [];
    if (segments.length > 0) parts.push(`by ${segments.join(', ')}`);
    if (period) parts.push(`per ${period}`);
    return parts.length > 0 ? parts.join(' ') : null;
}

function unique<T>(xs: T[]): T[] {
    return [...new Set(xs)];
}
