/** Metrics, targets, segments and driver analyses. */
import type { CxModel, DriverAnalysis, Metric } from '@cxspec/model';
import { locOf, type Change } from './change.js';
import { localizedChanges } from './localized-diff.js';
import { conditionText, exprText, targetText } from './model-text.js';
import { followQuestion, followRenames, type MoveMap, type RenameMap, type SurveyRenames } from './references.js';
import { sameValue } from './same-value.js';

export function diffMetrics(before: CxModel, after: CxModel, renames: RenameMap, moves: MoveMap, surveys: SurveyRenames): Change[] {
    const changes: Change[] = [];
    const oldExpr = (m: Metric) => followRenames(m.expr, renames, moves, surveys);
    const gone = before.metrics.filter(m => !after.metrics.some(n => n.name === m.name));
    const renamedFrom = new Map<Metric, Metric>();
    for (const metric of after.metrics.filter(m => !before.metrics.some(o => o.name === m.name))) {
        // Same definition under a new name: the series continues, only its name changed.
        const old = gone.find(o => !renamedFrom.has(o) && sameValue(oldExpr(o), metric.expr));
        if (old) renamedFrom.set(old, metric);
    }
    for (const metric of after.metrics) {
        const subject = `metric ${metric.name}`;
        const loc = locOf(metric.loc);
        const renamed = [...renamedFrom].find(([, m]) => m === metric)?.[0];
        const old = before.metrics.find(m => m.name === metric.name) ?? renamed;
        if (!old) {
            changes.push({ kind: 'metric.added', severity: 'non-breaking', subject, loc, after: exprText(metric.expr),
                message: `Metric '${metric.name}' = ${exprText(metric.expr)} was added (target ${targetText(metric.target, metric.unit)}).` });
            continue;
        }
        if (renamed) {
            changes.push({ kind: 'metric.renamed', severity: 'non-breaking', subject, loc, before: renamed.name, after: metric.name,
                message: `Metric '${renamed.name}' was renamed to '${metric.name}'; its definition is unchanged.` });
        }
        if (!sameValue(oldExpr(old), metric.expr)) {
            changes.push({ kind: 'metric.definition', severity: 'breaking', subject, loc, before: exprText(old.expr), after: exprText(metric.expr),
                message: `Metric '${metric.name}' is now ${exprText(metric.expr)} (was ${exprText(old.expr)}); values before and after are not comparable.` });
        }
        if (!sameValue(old.target, metric.target)) {
            changes.push({ kind: 'metric.target', severity: 'non-breaking', subject, loc, before: targetText(old.target, old.unit), after: targetText(metric.target, metric.unit),
                message: `The target of metric '${metric.name}' is now ${targetText(metric.target, metric.unit)} (was ${targetText(old.target, old.unit)}).` });
        }
        if (!sameValue(old.segments, metric.segments) || old.period !== metric.period) {
            const breakdown = (m: Metric) => `${m.segments.length > 0 ? `by [${m.segments.join(', ')}]` : 'no segments'}, ${m.period ? `per ${m.period}` : 'no period'}`;
            changes.push({ kind: 'metric.breakdown', severity: 'non-breaking', subject, loc, before: breakdown(old), after: breakdown(metric),
                message: `Metric '${metric.name}' is now broken down ${breakdown(metric)} (was ${breakdown(old)}).` });
        }
        if (old.minSample !== metric.minSample) {
            changes.push({ kind: 'metric.min-sample', severity: 'non-breaking', subject, loc, before: String(old.minSample), after: String(metric.minSample),
                message: `Metric '${metric.name}' needs ${metric.minSample} responses for a verdict (was ${old.minSample}).` });
        }
        for (const c of localizedChanges(old.title, metric.title)) {
            changes.push({ kind: 'metric.title', severity: 'cosmetic', subject, loc, locale: c.locale, before: c.before, after: c.after,
                message: `The title of metric '${metric.name}' changed in '${c.locale}'.` });
        }
    }
    for (const old of gone.filter(m => !renamedFrom.has(m))) {
        changes.push({ kind: 'metric.removed', severity: 'non-breaking', subject: `metric ${old.name}`, loc: locOf(old.loc), before: exprText(old.expr),
            message: `Metric '${old.name}' = ${exprText(old.expr)} was removed; its series ends here.` });
    }
    return changes;
}

export function diffSegments(before: CxModel, after: CxModel, renames: RenameMap, moves: MoveMap, surveys: SurveyRenames): Change[] {
    const changes: Change[] = [];
    for (const segment of after.segments) {
        const subject = `segment ${segment.name}`;
        const loc = locOf(segment.loc);
        const old = before.segments.find(s => s.name === segment.name);
        if (!old) {
            changes.push({ kind: 'segment.added', severity: 'non-breaking', subject, loc, after: conditionText(segment.condition),
                message: `Segment '${segment.name}' (where ${conditionText(segment.condition)}) was added.` });
            continue;
        }
        if (!sameValue(followRenames(old.condition, renames, moves, surveys), segment.condition)) {
            const users = after.metrics.filter(m => m.segments.includes(segment.name)).map(m => `metric ${m.name}`);
            changes.push({ kind: 'segment.condition', severity: users.length > 0 ? 'breaking' : 'non-breaking', subject, loc,
                before: conditionText(old.condition), after: conditionText(segment.condition),
                message: `Segment '${segment.name}' is now where ${conditionText(segment.condition)} (was ${conditionText(old.condition)})${users.length > 0 ? `; the breakdowns of ${users.join(', ')} are not comparable` : ''}.` });
        }
        for (const c of localizedChanges(old.title, segment.title)) {
            changes.push({ kind: 'segment.title', severity: 'cosmetic', subject, loc, locale: c.locale, before: c.before, after: c.after,
                message: `The title of segment '${segment.name}' changed in '${c.locale}'.` });
        }
    }
    for (const old of before.segments.filter(s => !after.segments.some(n => n.name === s.name))) {
        changes.push({ kind: 'segment.removed', severity: 'non-breaking', subject: `segment ${old.name}`, loc: locOf(old.loc),
            message: `Segment '${old.name}' was removed.` });
    }
    return changes;
}

export function diffDrivers(before: CxModel, after: CxModel, renames: RenameMap, moves: MoveMap, surveys: SurveyRenames): Change[] {
    const changes: Change[] = [];
    const definition = (d: DriverAnalysis) => `${d.survey}.${d.outcome} by [${d.drivers.join(', ')}] method ${d.method}`;
    for (const analysis of after.drivers) {
        const subject = `drivers ${analysis.name}`;
        const loc = locOf(analysis.loc);
        const old = before.drivers.find(d => d.name === analysis.name);
        if (!old) {
            changes.push({ kind: 'drivers.added', severity: 'non-breaking', subject, loc, after: definition(analysis),
                message: `Driver analysis '${analysis.name}' (${definition(analysis)}) was added.` });
            continue;
        }
        const follow = (q: string) => followQuestion(renames, moves, old.survey, q, surveys);
        const followed = {
            ...old,
            survey: follow(old.outcome).survey,
            outcome: follow(old.outcome).question,
            drivers: old.drivers.map(q => follow(q).question)
        };
        if (definition(followed) !== definition(analysis)) {
            changes.push({ kind: 'drivers.definition', severity: 'non-breaking', subject, loc, before: definition(old), after: definition(analysis),
                message: `Driver analysis '${analysis.name}' is now ${definition(analysis)} (was ${definition(old)}).` });
        }
        for (const c of localizedChanges(old.title, analysis.title)) {
            changes.push({ kind: 'drivers.title', severity: 'cosmetic', subject, loc, locale: c.locale, before: c.before, after: c.after,
                message: `The title of driver analysis '${analysis.name}' changed in '${c.locale}'.` });
        }
    }
    for (const old of before.drivers.filter(d => !after.drivers.some(n => n.name === d.name))) {
        changes.push({ kind: 'drivers.removed', severity: 'non-breaking', subject: `drivers ${old.name}`, loc: locOf(old.loc),
            message: `Driver analysis '${old.name}' was removed.` });
    }
    return changes;
}
