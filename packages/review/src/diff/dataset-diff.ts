/** Datasets (CRM exports) and their columns. */
import { sourceName, type Column, type CxModel } from '@cxspec/model';
import { locOf, type Change } from './change.js';
import { localizedChanges } from './localized-diff.js';
import type { UsageIndex } from './references.js';

function columnType(c: Column): string {
    return c.type === 'enum' ? c.values.join(' | ') : c.type;
}

export function diffDatasets(before: CxModel, after: CxModel, oldUsage: UsageIndex): Change[] {
    const changes: Change[] = [];
    for (const dataset of after.datasets) {
        const subject = `dataset ${dataset.name}`;
        const loc = locOf(dataset.loc);
        const old = before.datasets.find(d => d.name === dataset.name);
        if (!old) {
            changes.push({ kind: 'dataset.added', severity: 'non-breaking', subject, loc,
                message: `Dataset '${dataset.name}' (key ${dataset.key}, ${dataset.columns.length} column(s)) was added.` });
            continue;
        }
        for (const c of localizedChanges(old.title, dataset.title)) {
            changes.push({ kind: 'dataset.title', severity: 'cosmetic', subject, loc, locale: c.locale, before: c.before, after: c.after,
                message: `The title of dataset '${dataset.name}' changed in '${c.locale}'.` });
        }
        if (old.key !== dataset.key) {
            changes.push({ kind: 'dataset.key', severity: 'breaking', subject, loc, before: old.key, after: dataset.key,
                message: `Dataset '${dataset.name}' is now keyed by ${dataset.key} (was ${old.key}); responses already collected carry the old key.` });
        }
        const lifecycle = (d: typeof old) => (d.lifecycle ? `start ${d.lifecycle.start} end ${d.lifecycle.end}` : 'none');
        if (lifecycle(old) !== lifecycle(dataset)) {
            changes.push({ kind: 'dataset.lifecycle', severity: 'breaking', subject, loc, before: lifecycle(old), after: lifecycle(dataset),
                message: `The lifecycle of dataset '${dataset.name}' is now ${lifecycle(dataset)} (was ${lifecycle(old)}); churn and retention are counted differently.` });
        }
        for (const column of dataset.columns) {
            const was = old.columns.find(c => c.name === column.name);
            const colSubject = `${subject} > column ${column.name}`;
            if (!was) {
                changes.push({ kind: 'column.added', severity: 'non-breaking', subject: colSubject, loc: locOf(column.loc), after: columnType(column),
                    message: `Column '${column.name}' (${columnType(column)}) was added to dataset ${dataset.name}.` });
            } else if (columnType(was) !== columnType(column)) {
                changes.push({ kind: 'column.type', severity: 'breaking', subject: colSubject, loc: locOf(column.loc), before: columnType(was), after: columnType(column),
                    message: `Column '${column.name}' of dataset ${dataset.name} is now ${columnType(column)} (was ${columnType(was)}); earlier exports no longer fit.` });
            }
        }
        for (const was of old.columns.filter(c => !dataset.columns.some(n => n.name === c.name))) {
            const users = oldUsage.get(`${dataset.name}.${was.name}`) ?? [];
            changes.push({ kind: 'column.removed', severity: users.length > 0 ? 'breaking' : 'non-breaking', subject: `${subject} > column ${was.name}`, loc: locOf(was.loc),
                message: `Column '${was.name}' was removed from dataset ${dataset.name}${users.length > 0 ? `; it fed ${users.join(', ')}` : ''}.` });
        }
    }
    for (const old of before.datasets.filter(d => !after.datasets.some(n => n.name === d.name))) {
        const readers = before.metrics.filter(m => sourceName(m.expr) === old.name).map(m => `metric ${m.name}`);
        changes.push({ kind: 'dataset.removed', severity: readers.length > 0 ? 'breaking' : 'non-breaking', subject: `dataset ${old.name}`, loc: locOf(old.loc),
            message: `Dataset '${old.name}' was removed${readers.length > 0 ? `; it fed ${readers.join(', ')}` : ''}.` });
    }
    return changes;
}
