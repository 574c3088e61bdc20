/**
 * Recognises a renamed survey: a name that exists only in the old version and one only in the
 * new, where at least half of the old survey's questions and at least half of the new survey's
 * are the same questions (paired as within one survey, and by id only when kind and wording still
 * agree). Without this a rename would show as a removal, an addition, a move per question and a
 * changed reference in every metric, segment and driver analysis that reads it.
 */
import type { CxModel, Survey } from '@cxspec/model';
import { matchQuestions, questionSimilarity, RENAME_THRESHOLD } from './question-match.js';
import type { SurveyRenames } from './references.js';

export function matchSurveyRenames(before: CxModel, after: CxModel): SurveyRenames {
    const gone = before.surveys.filter(s => !after.surveys.some(n => n.name === s.name));
    const fresh = after.surveys.filter(s => !before.surveys.some(o => o.name === s.name));
    const candidates: Array<{ old: Survey; neu: Survey; score: number }> = [];
    for (const old of gone) {
        for (const neu of fresh) {
            const shared = sameQuestions(old, neu);
            if (shared === 0 || 2 * shared < old.questions.length || 2 * shared < neu.questions.length) continue;
            candidates.push({ old, neu, score: Math.min(shared / old.questions.length, shared / neu.questions.length) });
        }
    }
    candidates.sort((x, y) => y.score - x.score || after.surveys.indexOf(x.neu) - after.surveys.indexOf(y.neu)
        || before.surveys.indexOf(x.old) - before.surveys.indexOf(y.old));
    const renames: SurveyRenames = new Map();
    const taken = new Set<string>();
    for (const { old, neu } of candidates) {
        if (renames.has(old.name) || taken.has(neu.name)) continue;
        renames.set(old.name, neu.name);
        taken.add(neu.name);
    }
    return renames;
}

/**
 * How many questions of `old` are in `neu`. Within one survey a shared id alone pairs two
 * questions; across two survey names it must also keep its kind and (nearly) its wording, so that
 * generic ids such as `comment` do not make unrelated surveys look alike.
 */
function sameQuestions(old: Survey, neu: Survey): number {
    const position = (s: Survey, q: Survey['questions'][number]) => s.questions.indexOf(q) / s.questions.length;
    return matchQuestions(old.questions, neu.questions).pairs
        .filter(p => p.renamed || questionSimilarity(p.before, position(old, p.before), p.after, position(neu, p.after)) >= RENAME_THRESHOLD)
        .length;
}
