/**
 * Snippets of every declaration, written with the texts of the locales the spec declares (a spec
 * in `en, fr` gets an `en` and a `fr` line, not the `ja`/`en` of a fixed snippet file). The
 * language server offers them with the keyword they start with, so the editor needs no snippet
 * file of its own.
 *
 * A template is text with three markers: `${default}` is a tab stop (numbered in order when
 * expanded), `${|a,b,c|}` a choice, and `@texts(phrase)` / `@inline(phrase)` the phrase's text
 * in each locale, one per line or all on one line. A phrase has wording in Japanese and English;
 * another locale gets the default locale's wording (or English) as a placeholder to translate.
 */
import { KNOWN_CHANNELS } from '@cxspec/model';

export type Phrase = Readonly<Record<'ja' | 'en', string>>;

const PHRASES = {
    spec: { ja: 'タイトル', en: 'Title' },
    journey: { ja: 'ジャーニー', en: 'Journey' },
    stage: { ja: '段階', en: 'Stage' },
    touchpoint: { ja: 'タッチポイント', en: 'Touchpoint' },
    survey: { ja: 'アンケート', en: 'Survey' },
    npsText: { ja: '友人や同僚に薦める可能性はどのくらいありますか?', en: 'How likely are you to recommend us to a friend or colleague?' },
    npsLow: { ja: 'まったく薦めない', en: 'Not at all likely' },
    npsHigh: { ja: '非常に薦めたい', en: 'Extremely likely' },
    reason: { ja: 'そう評価された理由を教えてください。', en: 'What is the main reason for your score?' },
    thanks: { ja: 'ご回答ありがとうございました。', en: 'Thank you for your feedback.' },
    csatText: { ja: 'どの程度満足していますか?', en: 'How satisfied are you?' },
    csatLow: { ja: '非常に不満', en: 'Very dissatisfied' },
    csatHigh: { ja: '非常に満足', en: 'Very satisfied' },
    cesText: { ja: '簡単に手続きできたと思いますか?', en: 'It was easy to get what I needed.' },
    disagree: { ja: 'まったくそう思わない', en: 'Strongly disagree' },
    agree: { ja: '非常にそう思う', en: 'Strongly agree' },
    ratingText: { ja: '評価してください。', en: 'How would you rate it?' },
    poor: { ja: '低い', en: 'Poor' },
    excellent: { ja: '高い', en: 'Excellent' },
    choiceText: { ja: '最も近いものを選んでください。', en: 'Which best describes it?' },
    multichoiceText: { ja: '当てはまるものをすべて選んでください。', en: 'Select all that apply.' },
    option1: { ja: '選択肢 1', en: 'Option 1' },
    option2: { ja: '選択肢 2', en: 'Option 2' },
    other: { ja: 'その他 (具体的に)', en: 'Other (please specify)' },
    booleanText: { ja: '問題は解決しましたか?', en: 'Was your issue resolved?' },
    yes: { ja: 'はい', en: 'Yes' },
    no: { ja: 'いいえ', en: 'No' },
    matrixText: { ja: '各項目を評価してください。', en: 'Rate each aspect.' },
    speed: { ja: '速さ', en: 'Speed' },
    courtesy: { ja: '丁寧さ', en: 'Courtesy' },
    rankingText: { ja: '重要な順に並べてください。', en: 'Rank these by importance.' },
    price: { ja: '価格', en: 'Price' },
    quality: { ja: '品質', en: 'Quality' },
    numberText: { ja: 'お待ちいただいた時間 (分)', en: 'How many minutes did you wait?' },
    minutes: { ja: '分', en: 'min' },
    metric: { ja: 'NPS', en: 'NPS' },
    segment: { ja: 'セグメント', en: 'Segment' }
} satisfies Record<string, Phrase>;

type PhraseKey = keyof typeof PHRASES;

export interface SnippetTemplate {
    /** The keyword the snippet starts with, where the editor offers it. */
    keyword: string;
    label: string;
    description: string;
    body: string;
}

const CHANNELS = `\${|${KNOWN_CHANNELS.join(',')}|}`;

export const SNIPPET_TEMPLATES: readonly SnippetTemplate[] = [
    {
        keyword: 'spec', label: 'spec', description: 'A spec with its title, locales and survey-fatigue limits',
        body: 'spec ${Name} {\n  @texts(spec)\n\n  locales @locales\n  limits questions ${12} seconds ${180}\n}'
    },
    {
        keyword: 'journey', label: 'journey', description: 'A customer journey with one stage and one touchpoint',
        body: `journey \${Name} {\n  @texts(journey)\n\n  stage \${Stage} {\n    @texts(stage)\n\n    touchpoint \${Touchpoint} channel ${CHANNELS} owner "\${Team}" {\n      @texts(touchpoint)\n    }\n  }\n}`
    },
    {
        keyword: 'stage', label: 'stage', description: 'A journey stage with one touchpoint',
        body: `stage \${Name} {\n  @texts(stage)\n\n  touchpoint \${Touchpoint} channel ${CHANNELS} {\n    @texts(touchpoint)\n  }\n}`
    },
    {
        keyword: 'touchpoint', label: 'touchpoint', description: 'A touchpoint with its channel and owner',
        body: `touchpoint \${Name} channel ${CHANNELS} owner "\${Team}" {\n  @texts(touchpoint)\n}`
    },
    {
        keyword: 'survey', label: 'survey', description: 'A survey with its trigger, an NPS question, a follow-up and a thank-you text',
        body: 'survey ${Name} {\n  @texts(survey)\n\n  trigger after ${Touchpoint} delay ${2h} sample ${20}% quarantine ${30d}\n\n'
            + '  question recommend: nps required {\n    @texts(npsText)\n  }\n\n'
            + '  question reason: text when recommend <= 6 {\n    @texts(reason)\n  }\n$0\n  thanks {\n    @texts(thanks)\n  }\n}'
    },
    {
        keyword: 'question', label: 'question nps', description: 'Net Promoter Score question (0-10)',
        body: 'question ${recommend}: nps about ${Touchpoint} required {\n  @texts(npsText)\n  low { @inline(npsLow) }\n  high { @inline(npsHigh) }\n}'
    },
    {
        keyword: 'question', label: 'question csat', description: 'Customer satisfaction question (1-5)',
        body: 'question ${satisfaction}: csat about ${Touchpoint} {\n  @texts(csatText)\n  low { @inline(csatLow) }\n  high { @inline(csatHigh) }\n}'
    },
    {
        keyword: 'question', label: 'question ces', description: 'Customer effort question (1-7 agreement)',
        body: 'question ${effort}: ces about ${Touchpoint} {\n  @texts(cesText)\n  low { @inline(disagree) }\n  high { @inline(agree) }\n}'
    },
    {
        keyword: 'question', label: 'question rating', description: 'Rating on a custom scale',
        body: 'question ${rating}: rating ${1}..${5} about ${Touchpoint} {\n  @texts(ratingText)\n  low { @inline(poor) }\n  high { @inline(excellent) }\n}'
    },
    {
        keyword: 'question', label: 'question choice', description: 'Single choice with option ids and Other (please specify)',
        body: 'question ${reason}: choice {\n  @texts(choiceText)\n  option ${first} { @inline(option1) }\n  option ${second} { @inline(option2) }\n  option other specify { @inline(other) }\n}'
    },
    {
        keyword: 'question', label: 'question multichoice', description: 'Multiple choice with option ids',
        body: 'question ${channels}: multichoice {\n  @texts(multichoiceText)\n  option ${first} { @inline(option1) }\n  option ${second} { @inline(option2) }\n}'
    },
    {
        keyword: 'question', label: 'question boolean', description: 'Yes/no question with labelled answers',
        body: 'question ${resolved}: boolean {\n  @texts(booleanText)\n  true { @inline(yes) }\n  false { @inline(no) }\n}'
    },
    {
        keyword: 'question', label: 'question text', description: 'Free-text follow-up, shown by display logic',
        body: 'question ${reason}: text when ${recommend} <= ${6} {\n  @texts(reason)\n}'
    },
    {
        keyword: 'question', label: 'question matrix', description: 'Matrix of items rated on one scale',
        body: 'question ${aspects}: matrix ${1}..${5} {\n  @texts(matrixText)\n  item ${speed} { @inline(speed) }\n  item ${courtesy} { @inline(courtesy) }\n}'
    },
    {
        keyword: 'question', label: 'question ranking', description: 'Ranking of options, most preferred first',
        body: 'question ${priorities}: ranking {\n  @texts(rankingText)\n  option ${price} { @inline(price) }\n  option ${quality} { @inline(quality) }\n}'
    },
    {
        keyword: 'question', label: 'question number', description: 'A typed number with a range and a unit',
        body: 'question ${minutes}: number ${0}..${120} integer unit { @inline(minutes) } {\n  @texts(numberText)\n}'
    },
    {
        keyword: 'metric', label: 'metric', description: 'A metric with a target and warning threshold',
        body: 'metric ${nps_all} {\n  @texts(metric)\n} = ${|nps,csat,mean|}(${Survey}.${recommend}) per ${|month,week,quarter,year|} target >= ${30} warn ${35}'
    },
    {
        keyword: 'segment', label: 'segment', description: 'A customer segment defined by a condition',
        body: 'segment ${Name} {\n  @texts(segment)\n  where ${Survey}.${visit_reason} = ${commute}\n}'
    },
    {
        keyword: 'dataset', label: 'dataset', description: 'A CRM export joined to responses by its key',
        body: 'dataset ${Customers} {\n  key ${customer_id}\n  column ${status}: ${active} | ${churned}\n  column ${revenue}: number\n}'
    },
    {
        keyword: 'drivers', label: 'drivers', description: 'Key-driver analysis of an outcome question',
        body: 'drivers ${loyalty} = ${Survey}.${recommend} by [${driver}] method ${|relative_weights,correlation|}'
    }
];

export interface SnippetLocales {
    /** The spec's locales, default first or as declared; the texts follow this order. */
    locales: readonly string[];
    defaultLocale: string;
}

/** The locales of a snippet written outside any spec (or before its header): Japanese and English. */
export const FALLBACK_LOCALES: SnippetLocales = { locales: ['ja', 'en'], defaultLocale: 'ja' };

/**
 * The snippet text (LSP/TextMate snippet syntax) of a template for the spec's locales; `indent`
 * is prefixed to every line after the first, so the snippet lines up where it is inserted.
 */
export function expandSnippet(template: SnippetTemplate, locales: SnippetLocales, indent = ''): string {
    let stop = 0;
    const wording = (key: string, locale: string): string => {
        const phrase: Phrase = PHRASES[key as PhraseKey];
        if (!phrase) throw new Error(`snippet phrase '${key}' is not defined`);
        return (phrase as Record<string, string>)[locale] ?? (phrase as Record<string, string>)[locales.defaultLocale] ?? phrase.en;
    };
    const tabStop = (value: string) => `\${${++stop}:${escapeSnippet(value)}}`;
    const text = (key: string, locale: string) => `${locale} "${tabStop(wording(key, locale))}"`;
    // Markers are replaced left to right, so tab stops are numbered in reading order.
    const body = template.body.replace(/^( *)@texts\((\w+)\)$|@inline\((\w+)\)|@locales|\$\{\|([^|]*)\|\}|\$\{([^}]*)\}/gm,
        (_match, lead: string | undefined, lines: string | undefined, inline: string | undefined, choice: string | undefined, value: string | undefined) => {
            if (lines !== undefined) return locales.locales.map(l => `${lead}${text(lines, l)}`).join('\n');
            if (inline !== undefined) return locales.locales.map(l => text(inline, l)).join(' ');
            if (choice !== undefined) return `\${${++stop}|${choice}|}`;
            if (value !== undefined) return tabStop(value);
            // `@locales`: the declared locales, the default marked, as a place to start from.
            return locales.locales.map(l => (l === locales.defaultLocale ? `${tabStop(l)} default` : tabStop(l))).join(', ');
        });
    return body.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
}

/** `$`, `}` and `\` are snippet syntax inside a placeholder's default. */
function escapeSnippet(value: string): string {
    return value.replace(/[$}\\]/g, c => `\\${c}`);
}
