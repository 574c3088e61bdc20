/**
 * A hand-built evaluation result for the report tests: every verdict, null values and intervals,
 * a gap in a trend, an unplottable driver, and hostile strings in titles, file names and messages.
 */
import { RESULT_SCHEMA_ID, RESULT_SCHEMA_VERSION, type EvaluationResult, type MetricResult, type PeriodEstimate } from '../src/result.js';

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(2)</script>';

const noTarget = { target: null, verdict: null, neededN: null, warned: false } as const;
const ge30 = { op: '>=', value: 30, warning: 35 } as const;

function period(period: string, start: string, value: number | null, ci: [number, number] | null, n: number,
    verdict: PeriodEstimate['verdict'], change: PeriodEstimate['change']): PeriodEstimate {
    return { period, start, value, ci, n, target: ge30, verdict, neededN: verdict === 'insufficient' ? 30 : null, warned: false, change };
}

const nps: MetricResult = {
    name: 'nps_all',
    title: { ja: 'モバイルオーダー NPS', en: 'Mobile order NPS | *bold*' },
    kind: 'nps', unit: 'points',
    formula: '%promoters (9-10) - %detractors (0-6)', interval: 'adjusted-wald', source: 'survey:AfterPickup',
    details: { promoters: 0.4125, detractors: 0.1388, n: 812 },
    value: 27.37, ci: [20.96, 33.62], n: 812, target: ge30, verdict: 'inconclusive', neededN: null, warned: true,
    segments: [
        { segment: 'Commuter', title: { ja: `通勤客 ${HOSTILE_IMG}`, en: `Commuters ${HOSTILE_IMG}` },
            value: 35.21, ci: [27.4, 42.6], n: 420, target: ge30, verdict: 'inconclusive', neededN: null, warned: false },
        { segment: 'Leisure', title: { ja: 'レジャー客', en: 'Leisure' },
            value: 18.04, ci: [9.1, 26.8], n: 301, target: ge30, verdict: 'missed', neededN: null, warned: true },
        { segment: 'Tourist', title: { ja: '観光客', en: 'Tourists' },
            value: null, ci: null, n: 0, target: ge30, verdict: 'insufficient', neededN: 30, warned: false }
    ],
    period: 'month',
    periods: [
        period('2026-01', '2026-01-01', 22.5, [13.1, 31.4], 140, 'inconclusive', null),
        period('2026-02', '2026-02-01', 24.8, [15.9, 33.2], 151, 'inconclusive', { delta: 2.3, test: 'z-difference', pValue: 0.7312, significant: false }),
        period('2026-03', '2026-03-01', null, null, 0, 'insufficient', null),
        period('2026-04', '2026-04-01', 27.9, [19.6, 35.8], 160, 'inconclusive', null),
        period('2026-05', '2026-05-01', 31.2, [23.3, 38.7], 172, 'inconclusive', { delta: 3.3, test: 'z-difference', pValue: 0.5641, significant: false }),
        period('2026-06', '2026-06-01', 41.6, [34.2, 48.5], 189, 'met', { delta: 10.4, test: 'z-difference', pValue: 0.0402, significant: true })
    ]
};

const csat: MetricResult = {
    name: 'pickup_csat',
    title: { ja: '受け取り満足度 (CSAT)', en: 'Pick-up CSAT' },
    kind: 'topBox', unit: 'percent', formula: 'share of 4-5 on 1-5', interval: 'wilson', source: 'survey:AfterPickup',
    details: { top: 683 },
    value: 84.11, ci: [81.44, 86.46], n: 812, target: { op: '>=', value: 80, warning: 85 }, verdict: 'met', neededN: null, warned: true,
    segments: [], period: null, periods: []
};

const effort: MetricResult = {
    name: 'contract_effort',
    title: { ja: '手続きの手間 (CES 平均)', en: 'Contract effort (mean CES)' },
    kind: 'mean', unit: 'scale', formula: 'mean of effort (1-7)', interval: 't', source: 'survey:ShopVisit',
    details: { sd: 1.42 },
    value: 3.42, ci: [3.31, 3.53], n: 640, target: { op: '<=', value: 3, warning: 2.5 }, verdict: 'missed', neededN: null, warned: true,
    segments: [], period: null, periods: []
};

const churn: MetricResult = {
    name: 'churn_rate',
    title: { ja: '解約率', en: 'Logo churn' },
    kind: 'churn', unit: 'percent', formula: 'lost in period / customers at start', interval: 'wilson', source: 'dataset:Customers',
    details: { start: 400, lost: 9 },
    value: 2.25, ci: [1.19, 4.22], n: 400, target: { op: '<=', value: 5, warning: null }, verdict: 'met', neededN: null, warned: false,
    segments: [], period: null, periods: []
};

const clv: MetricResult = {
    name: 'customer_clv',
    title: { ja: '顧客生涯価値 (LTV)', en: 'Customer lifetime value' },
    kind: 'clv', unit: 'number', formula: 'simple perpetuity m*r/(1 + d - r)', interval: 'none', source: 'dataset:Customers',
    details: { m: 840000, r: 0.9, d: 0.1 },
    value: 3780000, ci: null, n: 12, target: { op: '>=', value: 3000000, warning: 3500000 }, verdict: 'insufficient', neededN: 30, warned: false,
    segments: [], period: null, periods: []
};

const visits: MetricResult = {
    name: 'visits',
    title: { ja: '来店回数 (平均)', en: 'Visits per customer' },
    kind: 'mean', unit: 'number', formula: 'mean of Customers.visits', interval: 't', source: 'dataset:Customers',
    details: {},
    value: 4.5, ci: [4.1, 4.9], n: 400, ...noTarget,
    segments: [], period: null, periods: []
};

const empty: MetricResult = {
    name: 'reservation_csat',
    title: { ja: '予約満足度', en: 'Reservation CSAT' },
    kind: 'topBox', unit: 'percent', formula: 'share of 4-5 on 1-5', interval: 'wilson', source: 'survey:ShopVisit',
    details: {},
    value: null, ci: null, n: 0, target: { op: '>=', value: 80, warning: null }, verdict: 'insufficient', neededN: 30, warned: false,
    segments: [], period: null, periods: []
};

export const FIXTURE: EvaluationResult = {
    $schema: RESULT_SCHEMA_ID,
    schemaVersion: RESULT_SCHEMA_VERSION,
    spec: {
        name: 'CoffeeMobileOrder',
        title: { ja: 'モバイルオーダー & ピックアップ', en: `Mobile order ${HOSTILE_SCRIPT}` },
        locales: ['ja', 'en'],
        defaultLocale: 'ja'
    },
    input: {
        files: [
            { path: 'responses/AfterPickup.csv', role: 'responses', dataset: null, format: 'csv', encoding: 'utf-8', rowsRead: 830, rowsUsed: 812 },
            { path: `data/${HOSTILE_IMG}.csv`, role: 'dataset', dataset: 'Customers', format: 'csv', encoding: 'shift_jis', rowsRead: 402, rowsUsed: 400 }
        ],
        rowsRead: 1232,
        rowsUsed: 1212,
        exclusions: [
            { file: 'responses/AfterPickup.csv', reason: 'out_of_range', column: 'recommend', count: 12, rows: [4, 18, 77, 102, 340],
                message: "Value '11' of 'recommend' is outside 0..10." },
            { file: 'responses/AfterPickup.csv', reason: 'unknown_value', column: 'visit_reason', count: 6, rows: [9, 10],
                message: `Value '${HOSTILE_SCRIPT}' of 'visit_reason' is not one of its options.` },
            { file: `data/${HOSTILE_IMG}.csv`, reason: 'missing_key', column: 'customer_id', count: 2, rows: [40, 41],
                message: 'Row has no customer_id; it cannot be joined.' }
        ],
        textAnswers: [
            { survey: 'AfterPickup', surveyTitle: { ja: '受け取り後アンケート', en: 'After pick-up survey' }, question: 'comment',
                title: { ja: 'ご意見をお聞かせください', en: 'Tell us more' }, answered: 301 },
            { survey: 'AfterPickup', surveyTitle: { ja: '受け取り後アンケート', en: 'After pick-up survey' }, question: 'why_low',
                title: { ja: `低評価の理由 ${HOSTILE_IMG}`, en: `Why so low ${HOSTILE_IMG}` }, answered: 0 }
        ]
    },
    metrics: {
        nps_all: nps, pickup_csat: csat, contract_effort: effort, churn_rate: churn, customer_clv: clv, visits, reservation_csat: empty
    },
    drivers: {
        loyalty: {
            name: 'loyalty',
            title: { ja: '推奨度のキードライバー', en: 'Drivers of recommendation' },
            survey: 'AfterPickup', outcome: 'recommend', method: 'relative_weights', n: 702, r2: 0.4821,
            thresholds: { importance: 20, performance: 78.5 },
            drivers: [
                { question: 'menu_ease', title: { ja: 'メニュー', en: 'Menu' }, touchpoint: 'MenuBrowse', touchpointTitle: { ja: 'メニュー閲覧', en: 'Menu browsing' }, r: 0.312, weight: 0.0482, weightPercent: 10.0,
                    importance: 10.0, performance: { mean: 5.61, topBox: 88.2, n: 790 }, quadrant: 'possible_overkill', rank: 5 },
                { question: 'payment', title: { ja: '決済', en: 'Payment' }, touchpoint: 'Payment', touchpointTitle: { ja: 'お支払い', en: 'Payment' }, r: 0.288, weight: 0.0386, weightPercent: 8.0,
                    importance: 8.0, performance: { mean: 3.92, topBox: 70.4, n: 801 }, quadrant: 'low_priority', rank: 3 },
                { question: 'ready_notice', title: { ja: `通知 ${HOSTILE_IMG}`, en: `Notice ${HOSTILE_IMG}` }, touchpoint: 'ReadyNotice', touchpointTitle: { ja: '受け取り準備の通知', en: 'Ready notification' }, r: 0.541,
                    weight: 0.1687, weightPercent: 35.0, importance: 35.0, performance: { mean: 3.41, topBox: 61.7, n: 783 }, quadrant: 'concentrate', rank: 1 },
                { question: 'pickup', title: { ja: '受け取り', en: 'Pick-up' }, touchpoint: 'PickupShelf', touchpointTitle: { ja: '受け取り棚', en: 'Pick-up shelf' }, r: 0.512, weight: 0.1446, weightPercent: 30.0,
                    importance: 30.0, performance: { mean: 4.12, topBox: 84.1, n: 812 }, quadrant: 'keep_up', rank: 2 },
                { question: 'drink', title: { ja: '商品', en: 'Drink' }, touchpoint: null, touchpointTitle: null, r: 0.401, weight: 0.0820, weightPercent: 17.0,
                    importance: 17.0, performance: { mean: 4.02, topBox: 80.3, n: 809 }, quadrant: 'possible_overkill', rank: 4 },
                { question: 'rewards', title: { ja: '特典', en: 'Rewards' }, touchpoint: 'Rewards', touchpointTitle: { ja: 'ポイント特典', en: 'Rewards' }, r: null, weight: null, weightPercent: null,
                    importance: null, performance: { mean: null, topBox: null, n: 0 }, quadrant: null, rank: 6 }
            ]
        },
        review: {
            name: 'review',
            title: { ja: '見直し満足の要因', en: 'What drives the review' },
            survey: 'ReviewSurvey', outcome: 'relationship', method: 'correlation', n: 210, r2: 0.3312,
            thresholds: { importance: 0.45, performance: 72 },
            drivers: [
                { question: 'review', title: { ja: '年次見直し', en: 'Annual review' }, touchpoint: 'AnnualReview', touchpointTitle: { ja: '年次見直し面談', en: 'Annual review meeting' }, r: 0.55, weight: null, weightPercent: null,
                    importance: 0.55, performance: { mean: 3.9, topBox: 66, n: 210 }, quadrant: 'concentrate', rank: 1 },
                { question: 'center', title: { ja: 'コンタクトセンター', en: 'Contact centre' }, touchpoint: 'ContactCenter', touchpointTitle: { ja: 'コンタクトセンター', en: 'Contact centre' }, r: 0.35, weight: null,
                    weightPercent: null, importance: 0.35, performance: { mean: 5.6, topBox: 78, n: 95 }, quadrant: 'possible_overkill', rank: 2 }
            ]
        }
    },
    summary: { met: 2, missed: 1, inconclusive: 1, insufficient: 2, none: 1 }
};
