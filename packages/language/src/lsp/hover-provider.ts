import type { AstNode, GrammarAST, LangiumDocument, MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CxSpecLspServices } from './cxspec-lsp-module.js';
import {
    isColumn, isDataset, isDocument, isDriverAnalysis, isEnumValue, isGroup, isJourney, isPage, isMatrixItem, isMetric, isOption, isQuestion, isSegment, isStage, isSurvey, isTouchpoint,
    type Column, type Dataset, type DriverAnalysis, type Journey, type MatrixItem, type Metric, type Option, type Question, type Segment,
    type Group, type Page, type Stage, type Survey, type Touchpoint
} from '../generated/ast.js';
import { surveyPages } from '../model/survey-structure.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { guarded } from './guard.js';
import { KEYWORD_DOCS } from './keyword-docs.js';
import { localeSettings } from '../references/spec-membership.js';
import {
    escapeMarkdown, formatDuration, metricFormula, questionKindText, questionsAbout, surveySeconds, surveysTriggeredBy,
    targetText, textLines
} from './spec-facts.js';

/** A page or group: its survey, its questions in order and, for a page, when it is shown. */
function pageHover(node: Page | Group): string {
    const pages = surveyPages(node.$container);
    const questions = isPage(node)
        ? pages.find(p => p.page === node)?.questions ?? []
        : pages.flatMap(p => p.groups).find(g => g.group === node)?.questions ?? [];
    const names = questions.map(q => `\`${q.name}\``).join(', ') || 'none';
    const lines = [`**${isPage(node) ? 'Page' : 'Group'}** \`${node.name}\` of survey \`${node.$container.name}\`: ${questions.length} questions (${names})`];
    if (isPage(node) && node.visibleWhen?.$cstNode) lines.push('', `Shown when \`${node.visibleWhen.$cstNode.text.replace(/\s+/g, ' ')}\``);
    if (node.texts.length > 0) lines.push('', ...textLines(node.texts));
    return lines.join('\n');
}

/** Hover on a declaration or a reference: what a question asks, what a metric computes, where a touchpoint sits. */
export class CxSpecHoverProvider extends AstNodeHoverProvider {
    private readonly membership: SpecMembership;

    constructor(services: CxSpecLspServices) {
        super(services);
        this.membership = services.references.SpecMembership;
    }

    override getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return guarded('hover', () => super.getHoverContent(document, params));
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isQuestion(node)) return questionHover(node);
        if (isMetric(node)) return metricHover(node);
        if (isTouchpoint(node)) return this.touchpointHover(node);
        if (isSurvey(node)) return surveyHover(node);
        if (isPage(node) || isGroup(node)) return pageHover(node);
        if (isOption(node) || isMatrixItem(node)) return choiceHover(node);
        if (isSegment(node)) return segmentHover(node);
        if (isDataset(node)) return datasetHover(node);
        if (isColumn(node)) return columnHover(node);
        if (isJourney(node) || isStage(node)) return journeyHover(node);
        if (isDriverAnalysis(node)) return driversHover(node);
        if (isEnumValue(node)) {
            const column = node.$container;
            return `**Value** \`${node.name}\` of column \`${column.$container.name}.${column.name}\` (${column.values.map(v => v.name).join(' | ')})`;
        }
        if (isDocument(node)) return this.specHover(node.name);
        return undefined;
    }

    /** A keyword or metric function: what it does where it stands. */
    protected override getKeywordHoverContent(keyword: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const doc = KEYWORD_DOCS[keyword.value];
        return doc ? { contents: { kind: 'markdown', value: `\`${keyword.value}\`: ${doc}` } } : undefined;
    }

    private specHover(name: string): string {
        const roots = this.membership.documentsOf(name);
        const header = this.membership.headersOf(name)[0];
        const files = roots.map(r => r.$document?.uri.path.split('/').at(-1) ?? '').join(', ');
        const lines = [`**Spec** \`${name}\``, '', `${roots.length} file${roots.length === 1 ? '' : 's'}: ${files}`];
        if (header) {
            const { locales, defaultLocale } = localeSettings(header);
            lines.push('', `Locales: ${locales.map(l => (l === defaultLocale ? `${l} (default)` : l)).join(', ')}`);
        }
        return lines.join('\n');
    }

    private touchpointHover(touchpoint: Touchpoint): string {
        const stage = touchpoint.$container;
        const journey = stage.$container;
        const stageNo = journey.stages.indexOf(stage) + 1;
        const pointNo = stage.touchpoints.indexOf(touchpoint) + 1;
        const lines = [
            `**Touchpoint** \`${touchpoint.name}\``,
            '',
            `Journey \`${journey.name}\` > stage \`${stage.name}\` (stage ${stageNo} of ${journey.stages.length}, touchpoint ${pointNo} of ${stage.touchpoints.length})`,
            '',
            `Channel: ${touchpoint.channel ?? 'none'}; owner: ${touchpoint.owner ? escapeMarkdown(touchpoint.owner) : 'none'}`
        ];
        if (touchpoint.texts.length > 0) lines.push('', ...textLines(touchpoint.texts));
        const measuring = questionsAbout(touchpoint, this.membership);
        lines.push('', measuring.length > 0
            ? `Measured by: ${measuring.map(q => `\`${q.$container.name}.${q.name}\` (${q.kind})`).join(', ')}`
            : 'Measured by no question (coverage gap)');
        const triggered = surveysTriggeredBy(touchpoint, this.membership);
        if (triggered.length > 0) lines.push('', `Triggers: ${triggered.map(s => `\`${s.name}\``).join(', ')}`);
        return lines.join('\n');
    }
}

function questionHover(question: Question): string {
    const lines = [`**Question** \`${question.$container.name}.${question.name}\`: ${questionKindText(question)}${question.required ? ', required' : ''}`];
    if (question.about) lines.push('', `About touchpoint \`${question.about.$refText}\``);
    if (question.visibleWhen?.$cstNode) lines.push('', `Shown when \`${question.visibleWhen.$cstNode.text.replace(/\s+/g, ' ')}\``);
    lines.push('', ...textLines(question.texts));
    const choices = [...question.options, ...question.items];
    if (choices.length > 0) {
        lines.push('', ...choices.map(c => `- \`${c.name}\`: ${c.texts.map(t => escapeMarkdown(t.text)).join(' / ')}`));
    }
    return lines.join('\n');
}

function metricHover(metric: Metric): string {
    const lines = [`**Metric** \`${metric.name}\``, '', metricFormula(metric)];
    const details: string[] = [];
    if (metric.target) details.push(`Target: ${targetText(metric.target)}`);
    if (metric.segments.length > 0) details.push(`By: ${metric.segments.map(s => s.$refText).join(', ')}`);
    if (metric.period) details.push(`Per: ${metric.period}`);
    if (metric.minSample !== undefined) details.push(`Min sample: ${metric.minSample}`);
    if (details.length > 0) lines.push('', details.join('; '));
    if (metric.texts.length > 0) lines.push('', ...textLines(metric.texts));
    return lines.join('\n');
}

function surveyHover(survey: Survey): string {
    const lines = [
        `**Survey** \`${survey.name}\`: ${survey.questions.length} questions, about ${formatDuration(surveySeconds(survey))}`
    ];
    if (survey.trigger) lines.push('', `Sent after \`${survey.trigger.touchpoint?.$refText ?? ''}\``);
    if (survey.texts.length > 0) lines.push('', ...textLines(survey.texts));
    return lines.join('\n');
}

function choiceHover(choice: Option | MatrixItem): string {
    const question = choice.$container;
    const what = isOption(choice) ? 'Option' : 'Matrix item';
    return [`**${what}** \`${choice.name}\` of question \`${question.$container.name}.${question.name}\` (${question.kind})`, '', ...textLines(choice.texts)].join('\n');
}

function segmentHover(segment: Segment): string {
    const lines = [`**Segment** \`${segment.name}\``, '', `Where \`${segment.condition?.$cstNode?.text.replace(/\s+/g, ' ') ?? ''}\``];
    if (segment.texts.length > 0) lines.push('', ...textLines(segment.texts));
    return lines.join('\n');
}

function datasetHover(dataset: Dataset): string {
    const lines = [`**Dataset** \`${dataset.name}\`: key \`${dataset.key}\`, ${dataset.columns.length} columns`];
    if (dataset.lifecycle) lines.push('', `Lifecycle from \`${dataset.lifecycle.start?.$refText ?? ''}\` to \`${dataset.lifecycle.end?.$refText ?? ''}\``);
    lines.push('', ...dataset.columns.map(c => `- \`${c.name}\`: ${columnType(c)}`));
    if (dataset.texts.length > 0) lines.push('', ...textLines(dataset.texts));
    return lines.join('\n');
}

function columnHover(column: Column): string {
    return `**Column** \`${column.$container.name}.${column.name}\`: ${columnType(column)}`;
}

function columnType(column: Column): string {
    return column.primitive ?? column.values.map(v => v.name).join(' | ');
}

function journeyHover(node: Journey | Stage): string {
    const lines = isJourney(node)
        ? [`**Journey** \`${node.name}\`: ${node.stages.length} stages, ${node.stages.reduce((n, s) => n + s.touchpoints.length, 0)} touchpoints`,
            '', node.stages.map(s => `\`${s.name}\``).join(' > ')]
        : [`**Stage** \`${node.name}\` of journey \`${node.$container.name}\` (stage ${node.$container.stages.indexOf(node) + 1} of ${node.$container.stages.length})`,
            '', `Touchpoints: ${node.touchpoints.map(t => `\`${t.name}\``).join(', ') || 'none'}`];
    if (node.texts.length > 0) lines.push('', ...textLines(node.texts));
    return lines.join('\n');
}

function driversHover(drivers: DriverAnalysis): string {
    const outcome = drivers.outcome?.$cstNode?.text.replace(/\s+/g, '') ?? '';
    return [`**Driver analysis** \`${drivers.name}\``, '',
        `Importance of ${drivers.drivers.map(d => `\`${d.$refText}\``).join(', ')} for \`${outcome}\` by ${drivers.method === 'correlation' ? 'correlation' : "relative weights (Johnson)"}`
    ].join('\n');
}
