/** Surveys added, removed and changed, and the questions inside them. */
import { sourceName, type CxModel, type Survey } from '@cxspec/model';
import { locOf, type Change } from './change.js';
import { localizedChanges } from './localized-diff.js';
import { conditionText, triggerText } from './model-text.js';
import { diffQuestion, type QuestionContext } from './question-diff.js';
import type { QuestionMove } from './question-move.js';
import { matchQuestions, type QuestionMatch } from './question-match.js';
import { followRenames, type MoveMap, type RenameMap, type SurveyRenames, type UsageIndex } from './references.js';
import { movedItems } from './sequence.js';
import { sameValue } from './same-value.js';
import type { TouchpointRenames } from './touchpoint-match.js';

/** The old version of a survey of the new version: same name, or the survey it was renamed from. */
export function oldSurvey(before: CxModel, survey: Survey, surveys: SurveyRenames): Survey | undefined {
    return before.surveys.find(s => s.name === survey.name) ?? before.surveys.find(s => surveys.get(s.name) === survey.name);
}

/** Question matches of every survey present on both sides (perhaps renamed), by new survey name. */
export function matchSurveys(before: CxModel, after: CxModel, surveys: SurveyRenames): Map<string, QuestionMatch> {
    const matches = new Map<string, QuestionMatch>();
    for (const survey of after.surveys) {
        const old = oldSurvey(before, survey, surveys);
        if (old) matches.set(survey.name, matchQuestions(old.questions, survey.questions));
    }
    return matches;
}

/** Renamed questions, keyed by the old name of their survey (as old references spell it). */
export function renameMap(matches: Map<string, QuestionMatch>, surveys: SurveyRenames): RenameMap {
    const oldName = new Map([...surveys].map(([old, neu]) => [neu, old]));
    const renames: RenameMap = new Map();
    for (const [survey, match] of matches) {
        const renamed = match.pairs.filter(p => p.renamed);
        if (renamed.length > 0) renames.set(oldName.get(survey) ?? survey, new Map(renamed.map(p => [p.before.name, p.after.name])));
    }
    return renames;
}

export interface SurveyContext {
    matches: Map<string, QuestionMatch>;
    renames: RenameMap;
    surveyRenames: SurveyRenames;
    /** Questions that moved to another survey, and the same as old reference to new. */
    moves: readonly QuestionMove[];
    moveMap: MoveMap;
    /** What reads each question in the old and in the new version. */
    oldUsage: UsageIndex;
    newUsage: UsageIndex;
    touchpointRenames: TouchpointRenames;
    defaultLocale: string;
}

export function diffSurveys(before: CxModel, after: CxModel, ctx: SurveyContext): Change[] {
    const changes: Change[] = [];
    for (const survey of after.surveys) {
        const old = oldSurvey(before, survey, ctx.surveyRenames);
        if (!old) {
            changes.push({ kind: 'survey.added', severity: 'non-breaking', subject: `survey ${survey.name}`, loc: locOf(survey.loc),
                message: `Survey '${survey.name}' was added with ${survey.questions.length} question(s).` });
            changes.push(...movesInto(survey.name, ctx));
            continue;
        }
        changes.push(...diffSurvey(old, survey, ctx));
    }
    for (const old of before.surveys.filter(s => !ctx.surveyRenames.has(s.name) && !after.surveys.some(n => n.name === s.name))) {
        // A metric whose question moved to another survey goes on there (reported with the move).
        const readers = before.metrics.filter(m => sourceName(followRenames(m.expr, ctx.renames, ctx.moveMap, ctx.surveyRenames)) === old.name)
            .map(m => `metric ${m.name}`);
        changes.push({
            kind: 'survey.removed', severity: readers.length > 0 ? 'breaking' : 'non-breaking', subject: `survey ${old.name}`, loc: locOf(old.loc),
            message: `Survey '${old.name}' was removed${readers.length > 0 ? `; it fed ${readers.join(', ')}, whose series ends here` : ''}.`
        });
    }
    return changes;
}

/** `questions: recommend | room (random): clean, night [quiet, bed] | complaint (when recommend <= 6): why`. */
function layoutText(survey: Survey, rename: (name: string) => string): string {
    if (!survey.pages) return 'one page';
    return survey.pages.map(page => {
        const grouped = new Map(page.groups.map(g => [g.questions[0], g]));
        const inGroup = new Set(page.groups.flatMap(g => g.questions));
        const parts = page.questions.flatMap(q => {
            const group = grouped.get(q);
            if (group) return [`${group.name}${group.randomOrder ? ' (random)' : ''} [${group.questions.map(rename).join(', ')}]`];
            return inGroup.has(q) ? [] : [rename(q)];
        });
        const when = (page.randomOrder ? ' (random)' : '') + (page.visibleWhen ? ` (when ${conditionText(page.visibleWhen, survey.name)})` : '');
        return `${page.name}${when}: ${parts.join(', ')}`;
    }).join(' | ');
}

function diffSurvey(before: Survey, after: Survey, ctx: SurveyContext): Change[] {
    const changes: Change[] = [];
    const subject = `survey ${after.name}`;
    const loc = locOf(after.loc);
    if (before.name !== after.name) {
        changes.push({ kind: 'survey.renamed', severity: 'breaking', subject, loc, before: before.name, after: after.name,
            message: `Survey '${before.name}' was renamed to '${after.name}'; responses already collected, its SurveyJS id and file ${before.name}.survey.json, and every ${before.name}.question reference in metrics, segments and drivers carry the old name.` });
    }
    for (const [kind, what, b, a] of [
        ['survey.title', 'title', before.title, after.title],
        ['survey.description', 'description', before.description, after.description],
        ['survey.thanks', 'thank-you text', before.thanks, after.thanks],
        ['survey.welcome', 'welcome text', before.welcome ?? {}, after.welcome ?? {}]
    ] as const) {
        for (const c of localizedChanges(b, a)) {
            changes.push({ kind, severity: 'cosmetic', subject, loc, locale: c.locale, before: c.before, after: c.after,
                message: `The ${what} of survey '${after.name}' changed in '${c.locale}'.` });
        }
    }
    const oldTrigger = before.trigger && { ...before.trigger, touchpoint: ctx.touchpointRenames.get(before.trigger.touchpoint) ?? before.trigger.touchpoint };
    if (!sameValue(oldTrigger, after.trigger)) {
        changes.push({ kind: 'survey.trigger', severity: 'non-breaking', subject, loc, before: triggerText(before.trigger), after: triggerText(after.trigger),
            message: `Survey '${after.name}' is now sent ${triggerText(after.trigger)} (was ${triggerText(before.trigger)}).` });
    }
    // Pages and groups: what a respondent sees together and when a page is shown. Names are compared
    // after question renames, so a renamed question alone is not a layout change.
    const renamed = (name: string) => ctx.matches.get(after.name)?.pairs.find(p => p.before.name === name)?.after.name ?? name;
    const oldLayout = layoutText(before, renamed);
    const newLayout = layoutText(after, name => name);
    if (oldLayout !== newLayout) {
        changes.push({ kind: 'survey.pages', severity: 'non-breaking', subject, loc, before: oldLayout, after: newLayout,
            message: `The pages of survey '${after.name}' changed: ${newLayout} (was ${oldLayout}).` });
    }
    if (before.joins !== after.joins) {
        changes.push({ kind: 'survey.joins', severity: 'non-breaking', subject, loc, before: before.joins ?? 'none', after: after.joins ?? 'none',
            message: `Survey '${after.name}' now joins dataset ${after.joins ?? '(none)'} (was ${before.joins ?? '(none)'}).` });
    }
    const match = ctx.matches.get(after.name);
    if (!match) return changes;
    for (const pair of match.pairs.filter(p => p.renamed)) {
        changes.push({ kind: 'question.renamed', severity: 'breaking', subject: `${subject} > question ${pair.after.name}`, loc: locOf(pair.after.loc),
            before: pair.before.name, after: pair.after.name,
            message: `Question '${pair.before.name}' was renamed to '${pair.after.name}'; responses already collected store answers under '${pair.before.name}'.` });
    }
    for (const q of match.removed.filter(q => !ctx.moves.some(m => m.before === q))) {
        const users = ctx.oldUsage.get(`${before.name}.${q.name}`) ?? [];
        changes.push({ kind: 'question.removed', severity: users.length > 0 ? 'breaking' : 'non-breaking', subject: `${subject} > question ${q.name}`, loc: locOf(q.loc),
            message: `Question '${q.name}' was removed${users.length > 0 ? `; it fed ${users.join(', ')}` : ''}.` });
    }
    for (const q of match.added.filter(q => !ctx.moves.some(m => m.after === q))) {
        changes.push({ kind: 'question.added', severity: 'non-breaking', subject: `${subject} > question ${q.name}`, loc: locOf(q.loc),
            message: `Question '${q.name}' (${q.kind}) was added at position ${after.questions.indexOf(q) + 1}.` });
    }
    changes.push(...movesInto(after.name, ctx));
    // Matched questions in each version's order, named by their new name so renames compare equal.
    const order = (questions: Survey['questions'], side: 'before' | 'after') =>
        questions.flatMap(q => match.pairs.filter(p => p[side] === q).map(p => p.after.name));
    const moved = movedItems(order(before.questions, 'before'), order(after.questions, 'after'));
    for (const pair of match.pairs.filter(p => moved.has(p.after.name))) {
        const from = before.questions.indexOf(pair.before) + 1;
        const to = after.questions.indexOf(pair.after) + 1;
        changes.push({ kind: 'question.moved', severity: 'non-breaking', subject: `${subject} > question ${pair.after.name}`, loc: locOf(pair.after.loc),
            before: String(from), after: String(to), message: `Question '${pair.after.name}' moved from position ${from} to ${to}.` });
    }
    for (const pair of match.pairs) changes.push(...diffQuestion(pair.before, pair.after, questionContext(after.name, pair.before.name, pair.after.name, ctx, before.name)));
    return changes;
}

/**
 * Questions moved into `survey` from another one, each followed by its own changes. A move is
 * breaking when a metric, segment or driver analysis read the question, because that now reads
 * another survey's respondents (and its `Survey.question` reference had to change).
 */
function movesInto(survey: string, ctx: SurveyContext): Change[] {
    return ctx.moves.filter(m => m.toSurvey === survey).flatMap(m => {
        const users = ctx.oldUsage.get(`${m.fromSurvey}.${m.before.name}`) ?? [];
        const renamed = m.before.name === m.after.name ? '' : ` as '${m.after.name}'`;
        const why = users.length > 0 ? `; what feeds ${users.join(', ')} now comes from another survey's respondents, so values before and after are not comparable` : '';
        const move: Change = {
            kind: 'question.moved', severity: users.length > 0 ? 'breaking' : 'non-breaking', subject: `survey ${survey} > question ${m.after.name}`,
            loc: locOf(m.after.loc), before: `${m.fromSurvey}.${m.before.name}`, after: `${survey}.${m.after.name}`,
            message: `Question '${m.before.name}' moved from survey ${m.fromSurvey} to survey ${survey}${renamed}${why}.`
        };
        return [move, ...diffQuestion(m.before, m.after, questionContext(survey, m.before.name, m.after.name, ctx, m.fromSurvey))];
    });
}

function questionContext(survey: string, oldName: string, newName: string, ctx: SurveyContext, oldSurvey = survey): QuestionContext {
    const readers = [...new Set([...ctx.oldUsage.get(`${oldSurvey}.${oldName}`) ?? [], ...ctx.newUsage.get(`${survey}.${newName}`) ?? []])];
    return { survey, renames: ctx.renames, moves: ctx.moveMap, surveys: ctx.surveyRenames, touchpointRenames: ctx.touchpointRenames, defaultLocale: ctx.defaultLocale, readers };
}
