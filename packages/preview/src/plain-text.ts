/**
 * What a stakeholder reads in the preview by default: triggers, formulas, breakdowns and channels
 * in plain words, with names (titles) instead of ids. One text per spec locale: Japanese wording
 * for `ja`, English for every other locale, titles picked in that locale. The spec's own rule text
 * (metric-text.ts) stays for the designer view.
 */
import type { CxModel, Duration, Localized, Metric, MetricExpr, Period, Question, Survey, Trigger } from '@cxspec/model';

type Lang = 'ja' | 'en';

function langOf(locale: string): Lang {
    return locale === 'ja' || locale.startsWith('ja-') ? 'ja' : 'en';
}

/** A text built for each of the spec's locales. */
export function perLocale(model: CxModel, build: (lang: Lang, title: (l: Localized, fallback: string) => string) => string): Localized {
    const out: Localized = {};
    for (const locale of model.spec.locales) {
        out[locale] = build(langOf(locale), (l, fallback) => l[locale] ?? l[model.spec.defaultLocale] ?? Object.values(l)[0] ?? fallback);
    }
    return out;
}

const DURATION: Record<Lang, Record<Duration['unit'], [string, string]>> = {
    en: { min: ['minute', 'minutes'], h: ['hour', 'hours'], d: ['day', 'days'], w: ['week', 'weeks'] },
    ja: { min: ['分', '分'], h: ['時間', '時間'], d: ['日', '日'], w: ['週間', '週間'] }
};

function durationText(d: Duration, lang: Lang): string {
    const [one, many] = DURATION[lang][d.unit];
    return lang === 'ja' ? `${d.value} ${one}` : `${d.value} ${d.value === 1 ? one : many}`;
}

const PERIOD: Record<Lang, Record<Period, string>> = {
    en: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    ja: { week: '週', month: '月', quarter: '四半期', year: '年' }
};

/** "Per month" in Japanese needs a counter word: 1 か月, not 1 月 (January). */
const PER_JA: Record<Period, string> = { week: '1 週間', month: '1 か月', quarter: '1 四半期', year: '1 年' };

function touchpointTitle(model: CxModel, name: string): Localized | null {
    for (const j of model.journeys) for (const s of j.stages) for (const t of s.touchpoints) if (t.name === name) return t.title;
    return null;
}

/** `Sent 1 day after “Check-out” to 50% of customers; …` instead of `after Stay.Departure.CheckOut delay 1d sample 50%`. */
export function triggerPlain(model: CxModel, t: Trigger): Localized {
    return perLocale(model, (lang, title) => {
        const tp = title(touchpointTitle(model, t.touchpoint) ?? {}, t.touchpoint);
        if (lang === 'ja') {
            const when = t.delay ? `「${tp}」の ${durationText(t.delay, lang)}後` : `「${tp}」の直後`;
            const parts = [`${when}に、対象のお客様の ${t.samplePercent}% へ配信`];
            if (t.quarantine) parts.push(`同じお客様へは ${durationText(t.quarantine, lang)}に 1 回まで`);
            if (t.expectedResponses) parts.push(`回答の見込みは ${PER_JA[t.expectedResponses.per]}あたり ${t.expectedResponses.count} 件`);
            return `${parts.join('。')}。`;
        }
        const when = t.delay ? `${durationText(t.delay, lang)} after “${tp}”` : `right after “${tp}”`;
        const parts = [`Sent ${when} to ${t.samplePercent}% of customers`];
        if (t.quarantine) parts.push(`at most once every ${durationText(t.quarantine, lang)} per customer`);
        if (t.expectedResponses) parts.push(`about ${t.expectedResponses.count} responses expected per ${PERIOD.en[t.expectedResponses.per]}`);
        return `${parts.join('; ')}.`;
    });
}

function questionOf(model: CxModel, survey: string, question: string): { s: Survey; q: Question } | null {
    const s = model.surveys.find(x => x.name === survey);
    const q = s?.questions.find(x => x.name === question);
    return s && q ? { s, q } : null;
}

/** What a metric measures, in words, naming the question by its text. */
export function formulaPlain(model: CxModel, m: Metric): Localized {
    return perLocale(model, (lang, title) => exprPlain(model, m.expr, lang, title));
}

function exprPlain(model: CxModel, expr: MetricExpr, lang: Lang, title: (l: Localized, fallback: string) => string): string {
    const ja = lang === 'ja';
    const quoted = (survey: string, question: string): string => {
        const found = questionOf(model, survey, question);
        const text = found ? title(found.q.text, question) : question;
        return ja ? `「${text}」` : `“${text}”`;
    };
    const datasetTitle = (name: string): string => {
        const d = model.datasets.find(x => x.name === name);
        return d ? title(d.title, name) : name;
    };
    switch (expr.kind) {
        case 'nps':
            return ja ? `${quoted(expr.survey, expr.question)}の NPS (推奨者 9〜10 の割合 − 批判者 0〜6 の割合)`
                : `NPS of ${quoted(expr.survey, expr.question)}: promoters (9–10) minus detractors (0–6)`;
        case 'topBox': case 'bottomBox': {
            const scale = questionOf(model, expr.survey, expr.question)?.q.scale ?? null;
            const top = expr.kind === 'topBox';
            const range = scale === null ? '' : top ? `${scale.max - expr.boxes + 1}–${scale.max}` : `${scale.min}–${scale.min + expr.boxes - 1}`;
            if (ja) return `${quoted(expr.survey, expr.question)}で${top ? '上位' : '下位'} ${expr.boxes} 段階${range === '' ? '' : ` (${range.replace('–', '〜')})`}を選んだ回答の割合`;
            return `Share of answers in the ${top ? 'top' : 'bottom'} ${expr.boxes}${range === '' ? '' : ` (${range})`} of ${quoted(expr.survey, expr.question)}`;
        }
        case 'mean':
            if (expr.field.source === 'question') {
                return ja ? `${quoted(expr.field.survey, expr.field.question)}の回答の平均` : `Average answer to ${quoted(expr.field.survey, expr.field.question)}`;
            }
            return ja ? `${datasetTitle(expr.field.dataset)}の ${expr.field.column} の平均` : `Average ${expr.field.column} in ${datasetTitle(expr.field.dataset)}`;
        case 'rate': {
            const src = expr.source;
            const source = src.type === 'survey'
                ? title(model.surveys.find(s => s.name === src.survey)?.title ?? {}, src.survey)
                : datasetTitle(src.dataset);
            return ja ? `${source}のうち条件に当てはまる割合` : `Share of ${source} meeting its condition`;
        }
        case 'churn': return ja ? `${datasetTitle(expr.dataset)}で期間中に離反したお客様の割合` : `Share of customers in ${datasetTitle(expr.dataset)} lost in the period`;
        case 'retention': return ja ? `${datasetTitle(expr.dataset)}で期間を通じて継続したお客様の割合` : `Share of customers in ${datasetTitle(expr.dataset)} kept through the period`;
        case 'quantile': {
            const field = expr.field;
            const of = field.source === 'question' ? quoted(field.survey, field.question) : `${datasetTitle(field.dataset)} ${field.column}`;
            if (expr.percent === 50) return ja ? `${of}の回答の中央値` : `Median answer to ${of}`;
            return ja ? `${of}の回答の ${expr.percent} パーセンタイル` : `${expr.percent}th percentile of the answers to ${of}`;
        }
        case 'clv': return ja ? `${datasetTitle(expr.dataset)}から求める顧客生涯価値 (粗利率 ${expr.marginPercent}%、割引率 ${expr.discountPercent}%)`
            : `Customer lifetime value from ${datasetTitle(expr.dataset)} (margin ${expr.marginPercent}%, discount ${expr.discountPercent}%)`;
    }
}

/** `by Commuters, Leisure, per month` with the segments' titles. */
export function breakdownPlain(model: CxModel, m: Metric): Localized | null {
    if (m.segments.length === 0 && m.period === null) return null;
    return perLocale(model, (lang, title) => {
        const names = m.segments.map(s => title(model.segments.find(x => x.name === s)?.title ?? {}, s));
        const parts: string[] = [];
        if (lang === 'ja') {
            if (names.length > 0) parts.push(`${names.join('、')}別`);
            if (m.period) parts.push(`${PERIOD.ja[m.period]}ごと`);
            return parts.join('、');
        }
        if (names.length > 0) parts.push(`by ${names.join(', ')}`);
        if (m.period) parts.push(`per ${PERIOD.en[m.period]}`);
        return parts.join(', ');
    });
}

const CHANNELS: Record<string, Record<Lang, string>> = {
    in_person: { en: 'In person', ja: '対面' },
    web: { en: 'Web', ja: 'Web' },
    app: { en: 'App', ja: 'アプリ' },
    mobile: { en: 'Mobile', ja: 'モバイル' },
    email: { en: 'Email', ja: 'メール' },
    phone: { en: 'Phone', ja: '電話' },
    chat: { en: 'Chat', ja: 'チャット' },
    sms: { en: 'SMS', ja: 'SMS' },
    store: { en: 'Store', ja: '店舗' },
    mail: { en: 'Mail', ja: '郵送' },
    kiosk: { en: 'Kiosk', ja: 'キオスク端末' },
    social: { en: 'Social media', ja: 'SNS' }
};

/** A channel in words: known channels translated, others with their underscores as spaces. */
export function channelPlain(model: CxModel, channel: string): Localized {
    return perLocale(model, lang => CHANNELS[channel]?.[lang] ?? channel.replace(/_/g, ' '));
}

const KINDS: Record<Question['kind'], Record<Lang, string>> = {
    nps: { en: 'NPS', ja: 'NPS' },
    csat: { en: 'Satisfaction (CSAT)', ja: '満足度 (CSAT)' },
    ces: { en: 'Effort (CES)', ja: '手間 (CES)' },
    rating: { en: 'Rating', ja: '評価' },
    choice: { en: 'Choice', ja: '選択' },
    multichoice: { en: 'Multiple choice', ja: '複数選択' },
    boolean: { en: 'Yes / no', ja: 'はい / いいえ' },
    text: { en: 'Free text', ja: '自由記述' },
    matrix: { en: 'Matrix', ja: 'マトリクス' },
    ranking: { en: 'Ranking', ja: '順位付け' },
    number: { en: 'Number', ja: '数値' }
};

export function kindPlain(model: CxModel, kind: Question['kind']): Localized {
    return perLocale(model, lang => KINDS[kind][lang]);
}
