/** The semantic diff of two versions of a workspace: specs paired by name, each diffed by concern. */
import type { CxModel } from '@cxspec/model';
import { locOf, type Change, type DiffResult, type SpecDiff } from './change.js';
import { diffDatasets } from './dataset-diff.js';
import { diffJourneys } from './journey-diff.js';
import { localizedChanges } from './localized-diff.js';
import { diffDrivers, diffMetrics, diffSegments } from './metric-diff.js';
import { matchMoves, moveMap } from './question-move.js';
import { usageIndex } from './references.js';
import { diffSurveys, matchSurveys, renameMap } from './survey-diff.js';
import { matchSurveyRenames } from './survey-rename.js';
import { matchTouchpoints } from './touchpoint-match.js';

/**
 * Pairs specs by name; when each side holds exactly one spec they are paired whatever their
 * names, so renaming a spec still diffs its content.
 */
export function diffWorkspaces(before: readonly CxModel[], after: readonly CxModel[]): DiffResult {
    if (before.length === 1 && after.length === 1) return { specs: [diffSpecs(before[0], after[0])] };
    const specs: SpecDiff[] = [];
    for (const model of after) {
        const old = before.find(m => m.spec.name === model.spec.name);
        specs.push(old ? diffSpecs(old, model) : {
            spec: model.spec.name,
            changes: [{ kind: 'spec.added', severity: 'non-breaking', subject: `spec ${model.spec.name}`, loc: locOf(model.spec.loc), message: `Spec '${model.spec.name}' was added.` }]
        });
    }
    for (const old of before.filter(m => !after.some(n => n.spec.name === m.spec.name))) {
        specs.push({
            spec: old.spec.name,
            changes: [{ kind: 'spec.removed', severity: 'breaking', subject: `spec ${old.spec.name}`, loc: locOf(old.spec.loc),
                message: `Spec '${old.spec.name}' was removed with its ${old.metrics.length} metric(s).` }]
        });
    }
    return { specs: specs.sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0)) };
}

export function diffSpecs(before: CxModel, after: CxModel): SpecDiff {
    const surveyRenames = matchSurveyRenames(before, after);
    const matches = matchSurveys(before, after, surveyRenames);
    const renames = renameMap(matches, surveyRenames);
    const moves = matchMoves(before, after, matches, surveyRenames);
    const moved = moveMap(moves);
    const oldUsage = usageIndex(before);
    const touchpointRenames = matchTouchpoints(before, after);
    return {
        spec: after.spec.name,
        changes: [
            ...diffSpecHeader(before, after),
            ...diffJourneys(before, after, touchpointRenames),
            ...diffSurveys(before, after, {
                matches, renames, surveyRenames, moves, moveMap: moved, oldUsage, newUsage: usageIndex(after), touchpointRenames, defaultLocale: after.spec.defaultLocale
            }),
            ...diffSegments(before, after, renames, moved, surveyRenames),
            ...diffDatasets(before, after, oldUsage),
            ...diffMetrics(before, after, renames, moved, surveyRenames),
            ...diffDrivers(before, after, renames, moved, surveyRenames)
        ]
    };
}

function diffSpecHeader(before: CxModel, after: CxModel): Change[] {
    const changes: Change[] = [];
    const subject = `spec ${after.spec.name}`;
    const loc = locOf(after.spec.loc);
    if (before.spec.name !== after.spec.name) {
        changes.push({ kind: 'spec.renamed', severity: 'cosmetic', subject, loc, before: before.spec.name, after: after.spec.name,
            message: `Spec '${before.spec.name}' was renamed to '${after.spec.name}'.` });
    }
    for (const c of localizedChanges(before.spec.title, after.spec.title)) {
        changes.push({ kind: 'spec.title', severity: 'cosmetic', subject, loc, locale: c.locale, before: c.before, after: c.after,
            message: `The title of spec '${after.spec.name}' changed in '${c.locale}'.` });
    }
    const locales = (m: CxModel) => m.spec.locales.map(l => (l === m.spec.defaultLocale ? `${l} default` : l)).join(', ');
    if (locales(before) !== locales(after)) {
        changes.push({ kind: 'spec.locales', severity: 'non-breaking', subject, loc, before: locales(before), after: locales(after),
            message: `Spec '${after.spec.name}' now has locales ${locales(after)} (was ${locales(before)}).` });
    }
    const limits = (m: CxModel) => `questions ${m.spec.limits.maxQuestions} seconds ${m.spec.limits.maxSeconds}`;
    if (limits(before) !== limits(after)) {
        changes.push({ kind: 'spec.limits', severity: 'non-breaking', subject, loc, before: limits(before), after: limits(after),
            message: `Spec '${after.spec.name}' now limits surveys to ${limits(after)} (was ${limits(before)}).` });
    }
    return changes;
}
