/** Journeys, stages and touchpoints added, removed, moved and changed. */
import type { CxModel, Journey, Stage, Touchpoint } from '@cxspec/model';
import { locOf, type Change, type ChangeKind } from './change.js';
import { localizedChanges } from './localized-diff.js';
import { movedItems } from './sequence.js';
import type { TouchpointRenames } from './touchpoint-match.js';

interface PlacedTouchpoint {
    touchpoint: Touchpoint;
    journey: string;
    stage: string;
}

function placedTouchpoints(model: CxModel): PlacedTouchpoint[] {
    return model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints.map(t => ({ touchpoint: t, journey: j.name, stage: s.name }))));
}

export function diffJourneys(before: CxModel, after: CxModel, touchpointRenames: TouchpointRenames): Change[] {
    const changes: Change[] = [];
    for (const journey of after.journeys) {
        const old = before.journeys.find(j => j.name === journey.name);
        if (!old) {
            changes.push({ kind: 'journey.added', severity: 'non-breaking', subject: `journey ${journey.name}`, loc: locOf(journey.loc),
                message: `Journey '${journey.name}' was added with ${journey.stages.length} stage(s).` });
            for (const stage of journey.stages) {
                const moved = stageMove(before, after, journey, stage);
                if (moved) changes.push(moved);
            }
            continue;
        }
        changes.push(...texts('journey.title', 'title', `journey ${journey.name}`, journey, old.title, journey.title));
        changes.push(...texts('journey.description', 'description', `journey ${journey.name}`, journey, old.description, journey.description));
        changes.push(...diffStages(before, after, old, journey));
    }
    for (const old of before.journeys.filter(j => !after.journeys.some(n => n.name === j.name))) {
        changes.push({ kind: 'journey.removed', severity: 'non-breaking', subject: `journey ${old.name}`, loc: locOf(old.loc),
            message: `Journey '${old.name}' was removed.` });
    }
    changes.push(...diffTouchpoints(before, after, touchpointRenames));
    return changes;
}

function texts(kind: ChangeKind, what: string, subject: string, node: { name: string; loc: Journey['loc'] },
    before: Record<string, string>, after: Record<string, string>): Change[] {
    return localizedChanges(before, after).map(c => ({
        kind, severity: 'cosmetic' as const, subject, loc: locOf(node.loc), locale: c.locale, before: c.before, after: c.after,
        message: `The ${what} of ${kind.split('.')[0]} '${node.name}' changed in '${c.locale}'.`
    }));
}

/** Stages of one journey present on both sides; stages that changed journey are reported as moved. */
function diffStages(beforeModel: CxModel, afterModel: CxModel, before: Journey, after: Journey): Change[] {
    const changes: Change[] = [];
    const subject = (s: Stage) => `journey ${after.name} > stage ${s.name}`;
    for (const stage of after.stages) {
        const old = before.stages.find(s => s.name === stage.name);
        if (old) {
            changes.push(...texts('stage.title', 'title', subject(stage), stage, old.title, stage.title));
            continue;
        }
        changes.push(stageMove(beforeModel, afterModel, after, stage)
            ?? { kind: 'stage.added', severity: 'non-breaking', subject: subject(stage), loc: locOf(stage.loc),
                message: `Stage '${stage.name}' was added to journey ${after.name} at position ${after.stages.indexOf(stage) + 1}.` });
    }
    for (const old of before.stages.filter(s => !after.stages.some(n => n.name === s.name))) {
        // A stage that reappears in another journey was reported there as moved.
        if (afterModel.journeys.some(j => j.name !== after.name && hasStage(j, old.name)
            && !hasStage(beforeModel.journeys.find(b => b.name === j.name), old.name))) continue;
        changes.push({ kind: 'stage.removed', severity: 'non-breaking', subject: `journey ${after.name} > stage ${old.name}`, loc: locOf(old.loc),
            message: `Stage '${old.name}' was removed from journey ${after.name}.` });
    }
    const kept = (stages: Stage[]) => stages.map(s => s.name).filter(n => before.stages.some(s => s.name === n) && after.stages.some(s => s.name === n));
    const moved = movedItems(kept(before.stages), kept(after.stages));
    for (const stage of after.stages.filter(s => moved.has(s.name))) {
        const from = before.stages.findIndex(s => s.name === stage.name) + 1;
        const to = after.stages.indexOf(stage) + 1;
        changes.push({ kind: 'stage.moved', severity: 'non-breaking', subject: subject(stage), loc: locOf(stage.loc), before: String(from), after: String(to),
            message: `Stage '${stage.name}' moved from position ${from} to ${to} in journey ${after.name}.` });
    }
    return changes;
}

/** A stage new in `journey` that left another journey (which no longer has it) moved here. */
function stageMove(beforeModel: CxModel, afterModel: CxModel, journey: Journey, stage: Stage): Change | undefined {
    const origin = beforeModel.journeys.find(j => j.name !== journey.name && hasStage(j, stage.name)
        && !hasStage(afterModel.journeys.find(n => n.name === j.name), stage.name));
    if (!origin) return undefined;
    return { kind: 'stage.moved', severity: 'non-breaking', subject: `journey ${journey.name} > stage ${stage.name}`, loc: locOf(stage.loc),
        before: `${origin.name}.${stage.name}`, after: `${journey.name}.${stage.name}`,
        message: `Stage '${stage.name}' moved from journey ${origin.name} to journey ${journey.name}.` };
}

function hasStage(journey: Journey | undefined, stage: string): boolean {
    return journey?.stages.some(s => s.name === stage) ?? false;
}

function diffTouchpoints(before: CxModel, after: CxModel, renames: TouchpointRenames): Change[] {
    const changes: Change[] = [];
    const oldPlaced = placedTouchpoints(before);
    const newPlaced = placedTouchpoints(after);
    const subject = (p: PlacedTouchpoint) => `journey ${p.journey} > stage ${p.stage} > touchpoint ${p.touchpoint.name}`;
    for (const placed of newPlaced) {
        const tp = placed.touchpoint;
        const renamedFrom = [...renames].find(([, to]) => to === tp.name)?.[0];
        const old = oldPlaced.find(p => p.touchpoint.name === (renamedFrom ?? tp.name));
        const loc = locOf(tp.loc);
        if (!old) {
            changes.push({ kind: 'touchpoint.added', severity: 'non-breaking', subject: subject(placed), loc,
                message: `Touchpoint '${tp.name}' (${tp.channel}) was added to ${placed.journey}.${placed.stage}.` });
            continue;
        }
        if (renamedFrom !== undefined) {
            changes.push({ kind: 'touchpoint.renamed', severity: 'non-breaking', subject: subject(placed), loc, before: renamedFrom, after: tp.name,
                message: `Touchpoint '${renamedFrom}' was renamed to '${tp.name}'.` });
        }
        if (old.journey !== placed.journey || old.stage !== placed.stage) {
            changes.push({ kind: 'touchpoint.moved', severity: 'non-breaking', subject: subject(placed), loc,
                before: `${old.journey}.${old.stage}`, after: `${placed.journey}.${placed.stage}`,
                message: `Touchpoint '${tp.name}' moved from ${old.journey}.${old.stage} to ${placed.journey}.${placed.stage}.` });
        }
        changes.push(...texts('touchpoint.title', 'title', subject(placed), tp, old.touchpoint.title, tp.title));
        changes.push(...texts('touchpoint.description', 'description', subject(placed), tp, old.touchpoint.description, tp.description));
        if (old.touchpoint.channel !== tp.channel) {
            changes.push({ kind: 'touchpoint.channel', severity: 'non-breaking', subject: subject(placed), loc, before: old.touchpoint.channel, after: tp.channel,
                message: `Touchpoint '${tp.name}' changed channel from ${old.touchpoint.channel} to ${tp.channel}.` });
        }
        if (old.touchpoint.owner !== tp.owner) {
            changes.push({ kind: 'touchpoint.owner', severity: 'non-breaking', subject: subject(placed), loc, before: old.touchpoint.owner ?? 'none', after: tp.owner ?? 'none',
                message: `Touchpoint '${tp.name}' is now owned by ${tp.owner ?? '(nobody)'} (was ${old.touchpoint.owner ?? '(nobody)'}).` });
        }
    }
    for (const old of oldPlaced.filter(p => !renames.has(p.touchpoint.name) && !newPlaced.some(n => n.touchpoint.name === p.touchpoint.name))) {
        const measuredBy = before.surveys.flatMap(s => s.questions.filter(q => q.about === old.touchpoint.name).map(q => `${s.name}.${q.name}`));
        changes.push({ kind: 'touchpoint.removed', severity: 'non-breaking', subject: subject(old), loc: locOf(old.touchpoint.loc),
            message: `Touchpoint '${old.touchpoint.name}' was removed from ${old.journey}.${old.stage}${measuredBy.length > 0 ? ` (it was measured by ${measuredBy.join(', ')})` : ''}.` });
    }
    // Reordering inside a stage that a touchpoint stayed in.
    for (const journey of after.journeys) {
        for (const stage of journey.stages) {
            const stayed = (placed: PlacedTouchpoint[]) => placed
                .filter(p => p.journey === journey.name && p.stage === stage.name)
                .map(p => p.touchpoint.name)
                .filter(n => oldPlaced.some(p => p.touchpoint.name === n && p.journey === journey.name && p.stage === stage.name)
                    && newPlaced.some(p => p.touchpoint.name === n && p.journey === journey.name && p.stage === stage.name));
            const moved = movedItems(stayed(oldPlaced), stayed(newPlaced));
            for (const name of stayed(newPlaced).filter(n => moved.has(n))) {
                const placed = newPlaced.find(p => p.touchpoint.name === name)!;
                changes.push({ kind: 'touchpoint.moved', severity: 'non-breaking', subject: subject(placed), loc: locOf(placed.touchpoint.loc),
                    message: `Touchpoint '${name}' moved to position ${stage.touchpoints.findIndex(t => t.name === name) + 1} in ${journey.name}.${stage.name}.` });
            }
        }
    }
    return changes;
}
