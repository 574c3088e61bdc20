/**
 * Every diagnostic the language reports, with a stable code. Code actions, SARIF rules and the
 * documentation are driven from this table, so a code's meaning never changes once published.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface DiagnosticRule {
    code: string;
    severity: Severity;
    /** Short name, e.g. for SARIF `rule.name`. */
    name: string;
    /** One sentence on what the rule checks and why. */
    help: string;
}

const rules = [
    { code: 'CX000', severity: 'error', name: 'syntax-error', help: 'The text does not follow the CXSpec grammar.' },
    { code: 'CX001', severity: 'error', name: 'unresolved-reference', help: 'Every name used must be declared in the same spec (any of its files).' },
    { code: 'CX002', severity: 'error', name: 'duplicate-name', help: 'Names must be unique: declarations and touchpoints per spec, stages per journey, questions per survey, options and items per question, columns per dataset.' },
    { code: 'CX003', severity: 'error', name: 'missing-spec-header', help: 'One file of each spec declares its locales in `spec Name { locales ... }`.' },
    { code: 'CX004', severity: 'error', name: 'duplicate-spec-header', help: 'Only one file of a spec may declare its header.' },
    { code: 'CX005', severity: 'error', name: 'undeclared-locale', help: 'Texts may only be given in the locales the spec declares.' },
    { code: 'CX006', severity: 'error', name: 'locale-declaration', help: 'Each locale is declared once and exactly one is the default.' },
    { code: 'CX007', severity: 'error', name: 'nesting-limit', help: 'A condition nests at most 64 levels of parentheses and `not`, and joins at most 1000 comparisons with `and`/`or`.' },
    { code: 'CX101', severity: 'error', name: 'missing-default-label', help: 'Every question, option, scale label and title needs a text in the default locale.' },
    { code: 'CX102', severity: 'warning', name: 'missing-label', help: 'Every text should exist in every declared locale, or respondents see the default language.' },
    { code: 'CX103', severity: 'error', name: 'duplicate-label', help: 'A text is given at most once per locale.' },
    { code: 'CX201', severity: 'warning', name: 'unknown-channel', help: 'Channels come from a known list so reports can group touchpoints by channel.' },
    { code: 'CX202', severity: 'warning', name: 'coverage-gap', help: 'A touchpoint that no question measures (`about`) is a blind spot in the voice of the customer.' },
    { code: 'CX203', severity: 'warning', name: 'empty-stage', help: 'A stage without touchpoints has nothing to measure.' },
    { code: 'CX204', severity: 'warning', name: 'measured-not-measured', help: 'A touchpoint marked `not measured` that a question is `about` says two contradicting things.' },
    { code: 'CX301', severity: 'error', name: 'sampling-range', help: 'Sampling is a share of eligible customers in (0, 100] %.' },
    { code: 'CX302', severity: 'error', name: 'invalid-scale', help: 'A scale must suit its question kind: NPS is 0-10, CSAT 1-5 by default, CES 1-7 by default, a matrix 2 to 11 points, a rating 2 to 101 points (wider than 11, a slider); a number question\'s optional range runs upwards.' },
    { code: 'CX303', severity: 'error', name: 'invalid-options', help: 'Choice, multichoice and ranking questions need at least two options, matrices at least one item, and other kinds neither.' },
    { code: 'CX304', severity: 'error', name: 'invalid-labels', help: 'End labels (low/high) belong to scaled questions, true/false labels to boolean questions.' },
    { code: 'CX305', severity: 'warning', name: 'survey-fatigue', help: 'Long surveys lose respondents; stay within the spec limits on questions and seconds.' },
    { code: 'CX306', severity: 'warning', name: 'empty-survey', help: 'A survey without questions collects nothing.' },
    { code: 'CX307', severity: 'error', name: 'number-settings', help: 'Only number questions take `integer` and `unit`, which describe their answer.' },
    { code: 'CX308', severity: 'error', name: 'text-rules', help: 'Only text questions take `max`, `format` and `pattern`; a length is at least 1 and a pattern a valid regular expression.' },
    { code: 'CX320', severity: 'error', name: 'page-structure', help: 'Each page and group of a survey has its own name (a page not `questions`, the untitled first page\'s, when questions come before the first page; a group not a question\'s) and at least one question.' },
    { code: 'CX330', severity: 'error', name: 'piping-unknown', help: 'A `{name}` in a survey text pipes the answer of a question of that survey.' },
    { code: 'CX331', severity: 'error', name: 'piping-order', help: 'A text pipes only answers given before it is shown: questions asked earlier, on an earlier page for a page\'s texts.' },
    { code: 'CX332', severity: 'warning', name: 'piping-hidden', help: 'A piped question that may be hidden shows as empty; pipe a question every respondent sees.' },
    { code: 'CX340', severity: 'error', name: 'special-option', help: 'A `specify` option (Other, please specify) is named `other` and belongs to choice and multichoice questions; an `exclusive` one (None of these) is named `none` and belongs to multichoice; each comes once, after the plain options.' },
    { code: 'CX341', severity: 'error', name: 'choice-presentation', help: 'Only choice questions take `dropdown`, only questions with options `random`, and only multichoice `select min..max`, within the number of options a respondent can pick together.' },
    { code: 'CX401', severity: 'error', name: 'logic-order', help: 'Display logic may only read questions asked earlier in the same survey.' },
    { code: 'CX402', severity: 'error', name: 'logic-type', help: 'Display logic compares each question with values of its own type: option ids, numbers inside its scale, true/false.' },
    { code: 'CX403', severity: 'error', name: 'logic-cycle', help: 'A question cannot depend on itself.' },
    { code: 'CX404', severity: 'error', name: 'logic-scope', help: 'Display logic reads only questions of the survey being answered.' },
    { code: 'CX405', severity: 'error', name: 'nul-character', help: 'A quoted value in a condition holds no NUL character: SQL text cannot carry one, so no engine could test it alike.' },
    { code: 'CX501', severity: 'error', name: 'segment-field', help: 'Segment conditions read `Survey.question` or `Dataset.column`.' },
    { code: 'CX502', severity: 'error', name: 'segment-source', help: 'A metric can only be broken down by segments whose fields its rows carry.' },
    { code: 'CX601', severity: 'error', name: 'lifecycle-type', help: 'Lifecycle start and end columns are dates.' },
    { code: 'CX602', severity: 'error', name: 'duplicate-value', help: 'The values of an enum column are distinct.' },
    { code: 'CX701', severity: 'error', name: 'metric-kind', help: 'Each metric function applies to certain question kinds: nps to NPS questions, boxes and means to scaled questions; never to free text.' },
    { code: 'CX702', severity: 'error', name: 'target-range', help: 'A target lies in the range of its metric: NPS -100..100 points, shares 0..100 %, means inside the scale.' },
    { code: 'CX703', severity: 'error', name: 'target-unit', help: 'A target is written in the unit of its metric: points for NPS, % for shares, scale units for means.' },
    { code: 'CX704', severity: 'warning', name: 'warning-side', help: 'A warning threshold sits on the passing side of the target, so it fires before the target is missed.' },
    { code: 'CX705', severity: 'hint', name: 'target-resolution', help: 'The planned responses per period give a margin of error wider than the gap the target must resolve.' },
    { code: 'CX706', severity: 'error', name: 'lifecycle-required', help: 'Churn, retention and CLV need the dataset to declare `lifecycle start <date> end <date>`.' },
    { code: 'CX707', severity: 'error', name: 'metric-field', help: 'A metric reads `Survey.question`, or a column of the dataset it is computed on.' },
    { code: 'CX708', severity: 'error', name: 'box-count', help: 'The number of boxes is between 1 and the number of scale points minus one.' },
    { code: 'CX709', severity: 'error', name: 'clv-parameters', help: 'A CLV margin lies in (0, 100] % and its discount rate in [0, 100) %.' },
    { code: 'CX710', severity: 'error', name: 'percentile-range', help: 'A percentile lies from 0 to 100 (50 is the median).' },
    { code: 'CX801', severity: 'error', name: 'driver-kind', help: 'Driver analysis relates a scaled outcome question to scaled driver questions of the same survey.' },
    { code: 'CX802', severity: 'error', name: 'duplicate-driver', help: 'Each driver is listed once and differs from the outcome.' },
    { code: 'CX901', severity: 'error', name: 'contact-rule', help: 'A contact rule allows at least 1 invitation per non-empty window, and each window has one rule.' },
    { code: 'CX902', severity: 'warning', name: 'redundant-contact-rule', help: 'A contact rule implied by a stricter rule over a window at least as long never applies.' },
    { code: 'CX903', severity: 'error', name: 'sampling-salt', help: 'The sampling salt is a non-empty text; changing it redraws every sample.' },
    { code: 'CX904', severity: 'error', name: 'priority-range', help: 'Survey priorities start at 1, which goes first when surveys compete for a contact.' },
    { code: 'CX905', severity: 'warning', name: 'priority-tie', help: 'Two surveys with the same priority compete by name; give each a distinct priority.' }
] as const satisfies readonly DiagnosticRule[];

export type DiagnosticCode = (typeof rules)[number]['code'];

export const DIAGNOSTIC_RULES: readonly DiagnosticRule[] = rules;

export const DIAGNOSTIC_RULES_BY_CODE: ReadonlyMap<string, DiagnosticRule> = new Map(rules.map(r => [r.code, r]));
