import type { SourceLocation } from '@cxspec/model';

/**
 * How a change affects what was already collected. `breaking`: responses or metric values from
 * before and after the change can no longer be compared (a changed scale or option set, a reworded
 * NPS question or a reworded question a metric reads, a renamed question id or survey, a question a metric
 * reads moved to another survey, a changed metric definition). `non-breaking`: behaviour
 * changes but earlier data stays comparable. `cosmetic`: wording or presentation only.
 */
export type ChangeSeverity = 'breaking' | 'non-breaking' | 'cosmetic';

export const SEVERITIES: readonly ChangeSeverity[] = ['breaking', 'non-breaking', 'cosmetic'];

export type ChangeKind =
    | 'spec.added' | 'spec.removed' | 'spec.renamed' | 'spec.title' | 'spec.locales' | 'spec.limits'
    | 'journey.added' | 'journey.removed' | 'journey.title' | 'journey.description'
    | 'stage.added' | 'stage.removed' | 'stage.moved' | 'stage.title'
    | 'touchpoint.added' | 'touchpoint.removed' | 'touchpoint.renamed' | 'touchpoint.moved' | 'touchpoint.title' | 'touchpoint.description'
    | 'touchpoint.channel' | 'touchpoint.owner'
    | 'survey.added' | 'survey.removed' | 'survey.renamed' | 'survey.title' | 'survey.description' | 'survey.thanks' | 'survey.trigger' | 'survey.joins'
    | 'survey.welcome' | 'survey.pages'
    | 'question.added' | 'question.removed' | 'question.renamed' | 'question.moved' | 'question.kind' | 'question.wording'
    | 'question.description' | 'question.scale' | 'question.scale-labels' | 'question.options' | 'question.option-labels'
    | 'question.items' | 'question.logic' | 'question.required' | 'question.about' | 'question.boolean-labels' | 'question.presentation'
    | 'segment.added' | 'segment.removed' | 'segment.condition' | 'segment.title'
    | 'dataset.added' | 'dataset.removed' | 'dataset.title' | 'dataset.key' | 'dataset.lifecycle'
    | 'column.added' | 'column.removed' | 'column.type'
    | 'metric.added' | 'metric.removed' | 'metric.renamed' | 'metric.definition' | 'metric.target' | 'metric.breakdown'
    | 'metric.min-sample' | 'metric.title'
    | 'drivers.added' | 'drivers.removed' | 'drivers.definition' | 'drivers.title';

export interface Change {
    kind: ChangeKind;
    severity: ChangeSeverity;
    /** The thing that changed, as a path of declarations: `survey AfterPickup > question recommend`. */
    subject: string;
    /** One sentence saying what changed (and, for breaking changes, why it breaks comparability). */
    message: string;
    /** Locale of a wording change. */
    locale?: string;
    /** Short renderings of the old and new value, when there is one. */
    before?: string;
    after?: string;
    /** Where the change is in the new version (the old one for removals). */
    loc: { file: string; line: number } | null;
}

/** The changes of one spec (paired by name between the two sides). */
export interface SpecDiff {
    spec: string;
    changes: Change[];
}

export interface DiffResult {
    specs: SpecDiff[];
}

export type DiffSummary = Record<ChangeSeverity, number>;

export function summarizeDiff(result: DiffResult): DiffSummary {
    const all = result.specs.flatMap(s => s.changes);
    return {
        'breaking': all.filter(c => c.severity === 'breaking').length,
        'non-breaking': all.filter(c => c.severity === 'non-breaking').length,
        'cosmetic': all.filter(c => c.severity === 'cosmetic').length
    };
}

export function hasBreaking(result: DiffResult): boolean {
    return result.specs.some(s => s.changes.some(c => c.severity === 'breaking'));
}

export function locOf(loc: SourceLocation | undefined): Change['loc'] {
    return loc ? { file: loc.file, line: loc.line } : null;
}
