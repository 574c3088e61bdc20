/**
 * Recognises a question moved from one survey to another: it left its old survey (or that survey
 * is gone) and a question new to another survey is the same one, by id with (nearly) the same
 * wording and kind, or under a new id with the same kind, wording, options and scale. Without this
 * a move would show as a removal plus an addition.
 */
import type { CxModel, Question } from '@cxspec/model';
import { questionSimilarity, RENAME_THRESHOLD, type QuestionMatch } from './question-match.js';
import type { MoveMap, SurveyRenames } from './references.js';

export interface QuestionMove {
    fromSurvey: string;
    before: Question;
    toSurvey: string;
    after: Question;
}

interface Placed {
    survey: string;
    question: Question;
}

/**
 * `matches` are the within-survey matches (matchSurveys, by new survey name): only what they left
 * unpaired can move. A question in a renamed survey stayed in its survey.
 */
export function matchMoves(before: CxModel, after: CxModel, matches: Map<string, QuestionMatch>, surveys: SurveyRenames): QuestionMove[] {
    const newName = (survey: string) => surveys.get(survey) ?? survey;
    const unpaired = (model: CxModel, side: 'removed' | 'added'): Placed[] =>
        model.surveys.flatMap(s => (matches.get(side === 'removed' ? newName(s.name) : s.name)?.[side] ?? s.questions).map(question => ({ survey: s.name, question })));
    const gone = unpaired(before, 'removed');
    const fresh = unpaired(after, 'added');
    const candidates: Array<{ old: Placed; neu: Placed; sameId: boolean; score: number }> = [];
    for (const old of gone) {
        for (const neu of fresh) {
            if (neu.survey === newName(old.survey)) continue;
            // Position means nothing across surveys: both count as at the start.
            const score = questionSimilarity(old.question, 0, neu.question, 0);
            const sameId = old.question.name === neu.question.name;
            if ((sameId && score >= RENAME_THRESHOLD) || score === 1) candidates.push({ old, neu, sameId, score });
        }
    }
    candidates.sort((x, y) => Number(y.sameId) - Number(x.sameId) || y.score - x.score
        || fresh.indexOf(x.neu) - fresh.indexOf(y.neu) || gone.indexOf(x.old) - gone.indexOf(y.old));
    const moves: QuestionMove[] = [];
    const used = new Set<Placed>();
    for (const { old, neu } of candidates) {
        if (used.has(old) || used.has(neu)) continue;
        used.add(old);
        used.add(neu);
        moves.push({ fromSurvey: old.survey, before: old.question, toSurvey: neu.survey, after: neu.question });
    }
    return moves.sort((x, y) => fresh.findIndex(p => p.question === x.after) - fresh.findIndex(p => p.question === y.after));
}

export function moveMap(moves: readonly QuestionMove[]): MoveMap {
    return new Map(moves.map(m => [`${m.fromSurvey}.${m.before.name}`, { survey: m.toSurvey, question: m.after.name }]));
}
