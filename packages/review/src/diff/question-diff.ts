/** Changes between two matched versions of one question. */
import type { Question } from '@cxspec/model';
import { locOf, type Change } from './change.js';
import { localizedChanges } from './localized-diff.js';
import { conditionText, optionsText, scaleText } from './model-text.js';
import { followRenames, type MoveMap, type RenameMap, type SurveyRenames } from './references.js';
import { sameValue } from './same-value.js';
import type { TouchpointRenames } from './touchpoint-match.js';

export interface QuestionContext {
    survey: string;
    renames: RenameMap;
    moves: MoveMap;
    surveys: SurveyRenames;
    touchpointRenames: TouchpointRenames;
    /** The spec's default locale in the new version: the wording translations follow. */
    defaultLocale: string;
    /** What reads the question in either version (`metric nps_all`, `segment Commuter`, ...). */
    readers: readonly string[];
}

export function diffQuestion(before: Question, after: Question, ctx: QuestionContext): Change[] {
    const changes: Change[] = [];
    const subject = `survey ${ctx.survey} > question ${after.name}`;
    const loc = locOf(after.loc);
    const add = (change: Omit<Change, 'subject' | 'loc'>) => changes.push({ ...change, subject, loc });

    if (before.kind !== after.kind) {
        add({ kind: 'question.kind', severity: 'breaking', before: before.kind, after: after.kind,
            message: `Question '${after.name}' changed from ${before.kind} to ${after.kind}; answers collected before are on a different scale.` });
    }
    for (const c of localizedChanges(before.text, after.text)) {
        const nps = after.kind === 'nps' && before.kind === 'nps';
        // Respondents answer what the default text asks: rewording it shifts every series computed
        // from the answers. Translations are expected to be reworked towards it, so only NPS
        // (benchmarked on its standard wording in every language) breaks on a translation.
        const tracked = c.locale === ctx.defaultLocale && c.after !== undefined && ctx.readers.length > 0;
        const severity = c.before === undefined || c.cosmetic ? 'cosmetic' : nps || tracked ? 'breaking' : 'non-breaking';
        const what = c.before === undefined ? `gained a '${c.locale}' text` : c.after === undefined ? `lost its '${c.locale}' text`
            : c.cosmetic ? `changed punctuation or spacing in '${c.locale}'` : `was reworded in '${c.locale}'`;
        const why = severity !== 'breaking' ? '' : nps ? '; a reworded NPS question is not comparable with earlier NPS'
            : `; it feeds ${ctx.readers.join(', ')}, and answers to the new wording are not comparable with earlier ones`;
        add({ kind: 'question.wording', severity, locale: c.locale, before: c.before, after: c.after, message: `Question '${after.name}' ${what}${why}.` });
    }
    for (const c of localizedChanges(before.description, after.description)) {
        add({ kind: 'question.description', severity: 'cosmetic', locale: c.locale, before: c.before, after: c.after,
            message: `The description of question '${after.name}' changed in '${c.locale}'.` });
    }
    if (before.kind === after.kind && (before.scale?.min !== after.scale?.min || before.scale?.max !== after.scale?.max)) {
        add({ kind: 'question.scale', severity: 'breaking', before: scaleText(before.scale), after: scaleText(after.scale),
            message: `Question '${after.name}' changed its scale from ${scaleText(before.scale)} to ${scaleText(after.scale)}; earlier answers are on a different scale.` });
    }
    if (before.scale && after.scale) {
        const labels = [...localizedChanges(before.scale.minLabel, after.scale.minLabel), ...localizedChanges(before.scale.maxLabel, after.scale.maxLabel)];
        if (labels.length > 0) {
            add({ kind: 'question.scale-labels', severity: labels.every(l => l.cosmetic || l.before === undefined) ? 'cosmetic' : 'non-breaking',
                message: `The end labels of question '${after.name}' changed (${[...new Set(labels.map(l => l.locale))].join(', ')}).` });
        }
    }
    diffChoices(before.options, after.options, 'options', after.name, add);
    diffChoices(before.items, after.items, 'items', after.name, add);
    const boolLabels = [...localizedChanges(before.trueLabel, after.trueLabel), ...localizedChanges(before.falseLabel, after.falseLabel)];
    if (boolLabels.length > 0) {
        add({ kind: 'question.boolean-labels', severity: 'non-breaking',
            message: `The true/false labels of question '${after.name}' changed (${[...new Set(boolLabels.map(l => l.locale))].join(', ')}).` });
    }
    if (!sameValue(followRenames(before.visibleWhen, ctx.renames, ctx.moves, ctx.surveys), after.visibleWhen)) {
        const was = conditionText(before.visibleWhen, ctx.survey);
        const now = conditionText(after.visibleWhen, ctx.survey);
        add({ kind: 'question.logic', severity: 'non-breaking', before: was, after: now,
            message: `Question '${after.name}' is now shown when ${now} (was ${was}); it reaches different respondents.` });
    }
    if (before.required !== after.required) {
        add({ kind: 'question.required', severity: 'non-breaking', before: String(before.required), after: String(after.required),
            message: `Question '${after.name}' is ${after.required ? 'now required' : 'no longer required'}.` });
    }
    const wasOffered = presentationText(before), nowOffered = presentationText(after);
    if (wasOffered !== nowOffered) {
        // The same answers, offered differently: order effects and captured texts, not a new answer set.
        add({ kind: 'question.presentation', severity: 'non-breaking', before: wasOffered, after: nowOffered,
            message: `Question '${after.name}' now offers its options as ${nowOffered} (was ${wasOffered}).` });
    }
    // A question that only followed its touchpoint's rename measures the same thing.
    if ((before.about === null ? null : ctx.touchpointRenames.get(before.about) ?? before.about) !== after.about) {
        add({ kind: 'question.about', severity: 'non-breaking', before: before.about ?? 'none', after: after.about ?? 'none',
            message: `Question '${after.name}' now measures touchpoint ${after.about ?? '(none)'} (was ${before.about ?? '(none)'}).` });
    }
    return changes;
}

function diffChoices(before: Question['options'], after: Question['options'], what: 'options' | 'items', question: string,
    add: (change: Omit<Change, 'subject' | 'loc'>) => void): void {
    const beforeIds = before.map(c => c.id);
    const afterIds = after.map(c => c.id);
    const added = afterIds.filter(id => !beforeIds.includes(id));
    const removed = beforeIds.filter(id => !afterIds.includes(id));
    if (added.length > 0 || removed.length > 0) {
        const noun = what === 'options' ? 'option(s)' : 'matrix item(s)';
        const parts = [added.length > 0 ? `added ${noun} ${added.join(', ')}` : '', removed.length > 0 ? `removed ${noun} ${removed.join(', ')}` : ''].filter(Boolean);
        add({ kind: what === 'options' ? 'question.options' : 'question.items', severity: 'breaking', before: optionsText(before), after: optionsText(after),
            message: `Question '${question}' ${parts.join(' and ')}; the answer set is no longer comparable.` });
    } else if (beforeIds.join() !== afterIds.join()) {
        add({ kind: what === 'options' ? 'question.options' : 'question.items', severity: 'non-breaking', before: optionsText(before), after: optionsText(after),
            message: `Question '${question}' shows its ${what} in a new order.` });
    }
    const relabeled = after.filter(c => {
        const old = before.find(b => b.id === c.id);
        return old !== undefined && localizedChanges(old.label, c.label).length > 0;
    });
    if (relabeled.length > 0) {
        const allCosmetic = relabeled.every(c => localizedChanges(before.find(b => b.id === c.id)!.label, c.label).every(l => l.cosmetic || l.before === undefined));
        add({ kind: 'question.option-labels', severity: allCosmetic ? 'cosmetic' : 'non-breaking',
            message: `Question '${question}' relabeled ${what === 'options' ? 'option(s)' : 'item(s)'} ${relabeled.map(c => c.id).join(', ')}.` });
    }
}

/** `dropdown, random order, 1..3 options, other specified, none exclusive`, or `listed in order`. */
function presentationText(q: Question): string {
    const parts = [
        q.dropdown ? 'a drop-down' : '',
        q.randomOrder ? 'a random order' : '',
        q.select ? `${q.select.min ?? 0}..${q.select.max ?? q.options.length} options` : '',
        ...q.options.filter(o => o.special).map(o => `'${o.id}' ${o.special === 'specify' ? 'with its text' : 'exclusive'}`)
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : 'a list in order';
}
