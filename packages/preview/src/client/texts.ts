/**
 * The page's own labels. They follow the locale switcher when it is Japanese, the language most
 * specs here are written in beside English; every other locale gets English labels.
 */
import type { UiLocale } from '@cxspec/model';

export interface Texts {
    /** Which of the model's UI locales these labels are in (metric explanations follow it). */
    ui: UiLocale;
    survey: string; journey: string; metrics: string; locale: string;
    questions: string; metricRefs: string; channel: string; owner: string; sentAfter: string;
    gapNote: string; noGaps: string; gapSummary(n: number): string;
    metric: string; formula: string; target: string; warning: string; breakdown: string; touchpoints: string;
    none: string; noSurveys: string; noJourneys: string; noMetrics: string;
    questionCount(n: number, seconds: number): string;
    trigger: string; notUpdated: string;
    /** Between the names of a list. */
    sep: string;
    notMeasured: string;
    designer: string; scores: string; scoreLegend: string; noVerdict: string;
    verdict: Record<'met' | 'missed' | 'inconclusive' | 'insufficient', string>;
}

const EN: Texts = {
    ui: 'en',
    survey: 'Survey', journey: 'Journey map', metrics: 'Metric targets', locale: 'Locale',
    questions: 'Questions', metricRefs: 'Metrics', channel: 'Channel', owner: 'Owner', sentAfter: 'Surveys sent after',
    gapNote: 'Coverage gap: no question measures this touchpoint.',
    noGaps: 'Every touchpoint is measured by at least one question.',
    gapSummary: n => `${n} touchpoint${n === 1 ? '' : 's'} with no question measuring ${n === 1 ? 'it' : 'them'} (coverage gap).`,
    metric: 'Metric', formula: 'Formula', target: 'Target', warning: 'Warn at', breakdown: 'Breakdown', touchpoints: 'Touchpoints',
    none: '—', noSurveys: 'This spec declares no survey.', noJourneys: 'This spec declares no journey.', noMetrics: 'This spec declares no metric.',
    questionCount: (n, s) => `${n} question${n === 1 ? '' : 's'}, about ${Math.round(s)} s`,
    trigger: 'Trigger', notUpdated: 'Preview not updated',
    sep: ', ', notMeasured: 'Not measured by a survey, on purpose', designer: 'Designer view (ids and rules)', scores: 'Scores', scoreLegend: 'Coloured by the worst verdict of each touchpoint\'s metrics',
    noVerdict: 'no target',
    verdict: { met: 'met', missed: 'missed', inconclusive: 'inconclusive', insufficient: 'too few answers' }
};

const JA: Texts = {
    ui: 'ja',
    survey: 'アンケート', journey: 'ジャーニーマップ', metrics: '指標と目標', locale: '言語',
    questions: '設問', metricRefs: '指標', channel: 'チャネル', owner: '担当', sentAfter: 'この後に送るアンケート',
    gapNote: 'カバレッジの穴: このタッチポイントを測る設問がありません。',
    noGaps: 'すべてのタッチポイントを少なくとも 1 つの設問が測っています。',
    gapSummary: n => `設問で測られていないタッチポイントが ${n} 件あります (カバレッジの穴)。`,
    metric: '指標', formula: '計算式', target: '目標', warning: '警告', breakdown: '内訳', touchpoints: 'タッチポイント',
    none: '—', noSurveys: 'このスペックにはアンケートがありません。', noJourneys: 'このスペックにはジャーニーがありません。', noMetrics: 'このスペックには指標がありません。',
    questionCount: (n, s) => `${n} 問、約 ${Math.round(s)} 秒`,
    trigger: '配信', notUpdated: 'プレビューは更新されていません',
    sep: '、', notMeasured: 'アンケートでは測定しない (意図的)', designer: '設計者向け表示 (ID とルール)', scores: 'スコア', scoreLegend: '各タッチポイントの指標のうち最も悪い判定で色分け',
    noVerdict: '目標なし',
    verdict: { met: '達成', missed: '未達', inconclusive: '判定保留', insufficient: 'サンプル不足' }
};

export function textsFor(locale: string): Texts {
    return locale === 'ja' || locale.startsWith('ja-') ? JA : EN;
}
