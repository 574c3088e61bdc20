/**
 * Fixed wording of the reports in the two languages the specs are written in. Titles of metrics,
 * segments and drivers come from the spec; these are only the report's own headings and labels.
 */
import type { ExclusionReason, MetricKind, Quadrant, Verdict } from '../result.js';

export interface Labels {
    report: string;
    overall: string;
    verdict: Record<Verdict, string>;
    verdictHeading: string;
    noTarget: string;
    noTargets: string;
    counts: (c: { met: number; missed: number; inconclusive: number; insufficient: number; none: number }) => string;
    metric: string;
    value: string;
    ci: string;
    n: string;
    target: string;
    warning: string;
    warned: string;
    neededN: (n: number) => string;
    targets: string;
    chartColumn: string;
    legend: { target: string; warning: string; value: string };
    trends: string;
    segments: string;
    segment: string;
    all: string;
    periods: string;
    period: string;
    start: string;
    change: string;
    significant: string;
    notSignificant: string;
    formula: string;
    definitions: string;
    details: string;
    interval: string;
    source: string;
    drivers: string;
    driver: string;
    rank: string;
    touchpoint: string;
    importance: string;
    correlation: string;
    performance: string;
    mean: string;
    quadrant: string;
    quadrants: Record<Quadrant, string>;
    method: Record<'correlation' | 'relative_weights', string>;
    driverSummary: (a: { outcome: string; survey: string; method: string; n: string; r2: string }) => string;
    input: string;
    file: string;
    role: string;
    format: string;
    encoding: string;
    rowsRead: string;
    rowsUsed: string;
    excluded: string;
    noExclusions: string;
    reason: string;
    column: string;
    count: string;
    rows: string;
    message: string;
    /** Wording of each exclusion reason; a reason missing here prints as its code. */
    reasons: Readonly<Record<string, string>>;
    noData: string;
    chartTargets: (title: string) => string;
    chartTrend: (title: string) => string;
    chartSegments: (title: string) => string;
    chartDrivers: (title: string) => string;
    axisImportance: string;
    axisPerformance: string;
    contents: string;
    headline: string;
    textAnswers: string;
    question: string;
    survey: string;
    answers: string;
    noTextQuestions: string;
    /** Header of the importance column, by method: the number the quadrant split uses. */
    importanceBy: Record<'correlation' | 'relative_weights', string>;
    /**
     * The formula in words for this locale, or null to print the evaluator's own text (English,
     * with the question and variant spelled out).
     */
    formulaOf: ((kind: MetricKind) => string) | null;
    intervals: Readonly<Record<string, string>>;
    /** Names of the formula components (`details`); a key missing here prints as itself. */
    detailNames: Readonly<Record<string, string>>;
    sourceOf: (source: string) => string;
    /** A bad-data message in this locale, or null to print the reader's own (English) sentence. */
    exclusionMessage: ((reason: ExclusionReason, column: string) => string) | null;
}

/** `survey:Name` / `dataset:Name` with the kind in words. */
function sourceWith(survey: string, dataset: string): (source: string) => string {
    return source => {
        const [kind, ...rest] = source.split(':');
        const name = rest.join(':');
        return kind === 'survey' ? `${survey} ${name}` : kind === 'dataset' ? `${dataset} ${name}` : source;
    };
}

const en: Labels = {
    report: 'CX metrics report',
    overall: 'Overall',
    verdict: { met: 'MET', missed: 'MISSED', inconclusive: 'INCONCLUSIVE', insufficient: 'INSUFFICIENT' },
    verdictHeading: 'Verdict',
    noTarget: 'no target',
    noTargets: 'NO TARGETS',
    counts: c => `${c.met} met, ${c.missed} missed, ${c.inconclusive} inconclusive, ${c.insufficient} insufficient, ${c.none} without a target`,
    metric: 'Metric',
    value: 'Value',
    ci: '95% CI',
    n: 'n',
    target: 'Target',
    warning: 'warn',
    warned: 'past the warning threshold',
    neededN: n => `needs n >= ${n}`,
    targets: 'Targets',
    chartColumn: 'Interval against target',
    legend: { target: 'target', warning: 'warning threshold', value: 'value with its 95% interval' },
    trends: 'Trends',
    segments: 'Segments',
    segment: 'Segment',
    all: 'All',
    periods: 'Periods',
    period: 'Period',
    start: 'Start',
    change: 'Change',
    significant: 'significant',
    notSignificant: 'not significant',
    formula: 'Formula',
    definitions: 'Metric definitions',
    details: 'Components',
    interval: 'Interval',
    source: 'Source',
    drivers: 'Moments of truth',
    driver: 'Driver',
    rank: 'Rank',
    touchpoint: 'Touchpoint',
    importance: 'Importance',
    correlation: 'r',
    performance: 'Top-box %',
    mean: 'Mean',
    quadrant: 'Quadrant',
    quadrants: {
        concentrate: 'Concentrate here',
        keep_up: 'Keep up the good work',
        low_priority: 'Low priority',
        possible_overkill: 'Possible overkill'
    },
    method: { correlation: 'Pearson correlation', relative_weights: "Johnson's relative weights" },
    driverSummary: a => `Outcome ${a.outcome} of survey ${a.survey}; importance by ${a.method}; n = ${a.n}; R² = ${a.r2}.`,
    input: 'Input',
    file: 'File',
    role: 'Role',
    format: 'Format',
    encoding: 'Encoding',
    rowsRead: 'Rows read',
    rowsUsed: 'Rows used',
    excluded: 'Excluded rows',
    noExclusions: 'No rows were excluded.',
    reason: 'Reason',
    column: 'Column',
    count: 'Count',
    rows: 'First rows',
    message: 'Message',
    reasons: {
        out_of_range: 'out of range',
        wrong_type: 'wrong type',
        unknown_value: 'unknown value',
        bad_timestamp: 'bad timestamp',
        missing_key: 'missing key',
        unknown_key: 'unknown key',
        malformed_row: 'malformed row',
        missing_id: 'missing respondent id',
        duplicate_id: 'duplicate respondent id',
        unknown_column: 'unknown column'
    },
    noData: 'no data',
    chartTargets: t => `${t}: value and 95% interval against the target`,
    chartTrend: t => `${t} by period, with 95% interval band and target`,
    chartSegments: t => `${t} by segment, with 95% intervals and target`,
    chartDrivers: t => `${t}: importance against performance`,
    axisImportance: 'Importance',
    axisPerformance: 'Performance (top-box %)',
    contents: 'Contents',
    headline: 'Headline metrics',
    textAnswers: 'Free-text answers',
    question: 'Question',
    survey: 'Survey',
    answers: 'Answers',
    noTextQuestions: 'No free-text questions.',
    importanceBy: { correlation: 'Importance (r)', relative_weights: 'Importance (weight %)' },
    formulaOf: null,
    intervals: { 'adjusted-wald': 'adjusted Wald', wilson: 'Wilson', t: 't', none: 'none' },
    detailNames: {},
    sourceOf: sourceWith('survey', 'dataset'),
    exclusionMessage: null
};

const jaFormulas: Record<MetricKind, string> = {
    nps: 'NPS = 推奨者 (9-10) の割合 − 批判者 (0-6) の割合 (ポイント)',
    topBox: '上位ボックス (尺度の上位の回答) の割合 (%)',
    bottomBox: '下位ボックス (尺度の下位の回答) の割合 (%)',
    mean: '回答の平均値',
    quantile: '回答の分位点 (Hyndman-Fan 第 7 種、区間は順序統計量による分布によらない方法)',
    rate: '条件に当てはまる行の割合 (%)',
    churn: '期間中に離反した顧客 ÷ 期首の顧客 (%)',
    retention: '期首の顧客のうち期末まで継続した割合 (%)',
    clv: '顧客生涯価値 (単純永続モデル m·r/(1 + d − r)、m は年間粗利、r は年間継続率、d は割引率)'
};

const jaExclusions: Record<ExclusionReason, string> = {
    out_of_range: '値が範囲外の',
    wrong_type: '値の型が誤っている',
    unknown_value: '値が定義された選択肢にない',
    bad_timestamp: '日時が読み取れない',
    missing_key: '結合キーがない',
    unknown_key: '結合キーがデータセットにない',
    malformed_row: '行の形式が正しくない',
    missing_id: '回答者 ID がない',
    duplicate_id: '回答者 ID が重複している',
    unknown_column: '列が定義されていない'
};

const ja: Labels = {
    report: 'CX 指標レポート',
    overall: '総合判定',
    verdict: { met: '達成', missed: '未達', inconclusive: '判定保留', insufficient: 'サンプル不足' },
    verdictHeading: '判定',
    noTarget: '目標なし',
    noTargets: '目標なし',
    counts: c => `達成 ${c.met}、未達 ${c.missed}、判定保留 ${c.inconclusive}、サンプル不足 ${c.insufficient}、目標なし ${c.none}`,
    metric: '指標',
    value: '値',
    ci: '95% 信頼区間',
    n: 'n',
    target: '目標',
    warning: '警告',
    warned: '警告ラインを超過',
    neededN: n => `必要な n は ${n} 以上`,
    targets: '目標',
    chartColumn: '信頼区間と目標',
    legend: { target: '目標', warning: '警告ライン', value: '値と 95% 信頼区間' },
    trends: '推移',
    segments: 'セグメント',
    segment: 'セグメント',
    all: '全体',
    periods: '期間',
    period: '期間',
    start: '開始日',
    change: '前期比',
    significant: '有意',
    notSignificant: '有意差なし',
    formula: '計算式',
    definitions: '指標の定義',
    details: '内訳',
    interval: '区間',
    source: 'データ',
    drivers: '真実の瞬間 (キードライバー)',
    driver: 'ドライバー',
    rank: '優先順位',
    touchpoint: 'タッチポイント',
    importance: '重要度',
    correlation: 'r',
    performance: '上位box %',
    mean: '平均',
    quadrant: '象限',
    quadrants: {
        concentrate: '重点改善',
        keep_up: '強みを維持',
        low_priority: '優先度低',
        possible_overkill: '過剰品質の可能性'
    },
    method: { correlation: 'ピアソン相関', relative_weights: 'Johnson の相対重要度' },
    driverSummary: a => `アンケート ${a.survey} の ${a.outcome} を成果指標とし、${a.method}で重要度を算出 (n = ${a.n}、R² = ${a.r2})。`,
    input: '入力',
    file: 'ファイル',
    role: '種別',
    format: '形式',
    encoding: '文字コード',
    rowsRead: '読み込み行数',
    rowsUsed: '使用行数',
    excluded: '除外した行',
    noExclusions: '除外した行はありません。',
    reason: '理由',
    column: '列',
    count: '件数',
    rows: '最初の行番号',
    message: '内容',
    reasons: {
        out_of_range: '範囲外',
        wrong_type: '型の誤り',
        unknown_value: '未定義の値',
        bad_timestamp: '日時の誤り',
        missing_key: 'キーなし',
        unknown_key: '未知のキー',
        malformed_row: '不正な行',
        missing_id: '回答者 ID なし',
        duplicate_id: '回答者 ID の重複',
        unknown_column: '未定義の列'
    },
    noData: 'データなし',
    chartTargets: t => `${t}: 値と 95% 信頼区間、目標ライン`,
    chartTrend: t => `${t} の期間別推移 (95% 信頼区間の帯と目標ライン)`,
    chartSegments: t => `${t} のセグメント別比較 (95% 信頼区間と目標ライン)`,
    chartDrivers: t => `${t}: 重要度と評価のマトリクス`,
    axisImportance: '重要度',
    axisPerformance: '評価 (上位box %)',
    contents: '目次',
    headline: '主要指標',
    textAnswers: '自由記述の回答',
    question: '設問',
    survey: 'アンケート',
    answers: '回答数',
    noTextQuestions: '自由記述の設問はありません。',
    importanceBy: { correlation: '重要度 (相関 r)', relative_weights: '重要度 (相対重要度 %)' },
    formulaOf: kind => jaFormulas[kind],
    intervals: { 'adjusted-wald': '調整 Wald 法', wilson: 'Wilson 法', t: 't 分布', none: 'なし' },
    detailNames: {
        promoters: '推奨者', passives: '中立者', detractors: '批判者', hits: '該当', sd: '標準偏差',
        customersAtStart: '期首の顧客', lost: '離反', added: '新規', customersAtEnd: '期末の顧客',
        meanValue: '平均値', annualMargin: '年間粗利', retention: '継続率', discount: '割引率', customers: '顧客数',
        retentionBase: '継続率の母数'
    },
    sourceOf: sourceWith('アンケート', 'データセット'),
    exclusionMessage: (reason, column) => `列 ${column} の${jaExclusions[reason]}ため、この行を集計から除外しました。`
};

/** Report wording for a locale: Japanese for `ja`, English otherwise. */
export function labelsFor(locale: string): Labels {
    return locale === 'ja' || locale.startsWith('ja-') ? ja : en;
}

/** The wording of an exclusion reason, or its code when the labels do not know it. */
export function reasonLabel(l: Labels, reason: string): string {
    return l.reasons[reason] ?? reason;
}
