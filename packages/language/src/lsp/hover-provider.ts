import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CxSpecServices } from '../cxspec-module.js';
import { isMetric, isQuestion, isSurvey, isTouchpoint, type Metric, type Question, type Survey, type Touchpoint } from '../generated/ast.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { guarded } from './guard.js';
import {
    escapeMarkdown, formatDuration, metricFormula, questionKindText, questionsAbout, surveySeconds, surveysTriggeredBy,
    targetText, textLines
} from './spec-facts.js';

/** Hover on a declaration or a reference: what a question asks, what a metric computes, where a touchpoint sits. */
export class CxSpecHoverProvider extends AstNodeHoverProvider {
    private readonly membership: SpecMembership;

    constructor(services: CxSpecServices) {
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
        return undefined;
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
    if (survey.trigger) lines.push('', `Sent after \`${survey.trigger.touchpoint.$refText}\``);
    if (survey.texts.length > 0) lines.push('', ...textLines(survey.texts));
    return lines.join('\n');
}
