/**
 * Pairs the questions of two versions of a survey: by name, then (for names that exist on one side
 * only) by similarity of kind, wording, options, scale and position, so that a renamed question is
 * reported as a rename and not as a removal plus an addition.
 */
import type { Question } from '@cxspec/model';
import { textSimilarity } from './text-similarity.js';

export interface QuestionPair {
    before: Question;
    after: Question;
    renamed: boolean;
}

export interface QuestionMatch {
    pairs: QuestionPair[];
    removed: Question[];
    added: Question[];
}

/** Below this overall similarity two questions are different questions. */
export const RENAME_THRESHOLD = 0.6;
/** The wording must be at least this close as well: a rename keeps what respondents read. */
const MIN_TEXT_SIMILARITY = 0.5;

export function matchQuestions(before: readonly Question[], after: readonly Question[]): QuestionMatch {
    const afterNames = new Set(after.map(q => q.name));
    const beforeNames = new Set(before.map(q => q.name));
    const pairs: QuestionPair[] = [];
    for (const q of after) {
        const old = before.find(b => b.name === q.name);
        if (old) pairs.push({ before: old, after: q, renamed: false });
    }
    const gone = before.filter(q => !afterNames.has(q.name));
    const fresh = after.filter(q => !beforeNames.has(q.name));
    const candidates: Array<{ old: Question; neu: Question; score: number }> = [];
    for (const old of gone) {
        for (const neu of fresh) {
            const score = questionSimilarity(old, before.indexOf(old) / before.length, neu, after.indexOf(neu) / after.length);
            if (score >= RENAME_THRESHOLD) candidates.push({ old, neu, score });
        }
    }
    // Best pairs first; ties broken by position so the result never depends on iteration details.
    candidates.sort((x, y) => y.score - x.score || after.indexOf(x.neu) - after.indexOf(y.neu) || before.indexOf(x.old) - before.indexOf(y.old));
    const used = new Set<Question>();
    for (const { old, neu } of candidates) {
        if (used.has(old) || used.has(neu)) continue;
        used.add(old);
        used.add(neu);
        pairs.push({ before: old, after: neu, renamed: true });
    }
    pairs.sort((x, y) => after.indexOf(x.after) - after.indexOf(y.after));
    return { pairs, removed: gone.filter(q => !used.has(q)), added: fresh.filter(q => !used.has(q)) };
}

/**
 * 0..1: zero for different kinds; otherwise wording (half the weight), options or matrix items,
 * scale, and relative position in the survey.
 */
export function questionSimilarity(a: Question, aPosition: number, b: Question, bPosition: number): number {
    if (a.kind !== b.kind) return 0;
    const text = localizedSimilarity(a.text, b.text);
    if (text < MIN_TEXT_SIMILARITY) return 0;
    const choices = choiceSimilarity([...a.options, ...a.items], [...b.options, ...b.items]);
    const scale = JSON.stringify([a.scale?.min, a.scale?.max]) === JSON.stringify([b.scale?.min, b.scale?.max]) ? 1 : 0;
    const position = 1 - Math.min(1, Math.abs(aPosition - bPosition));
    return 0.5 * text + 0.2 * choices + 0.15 * scale + 0.15 * position;
}

function localizedSimilarity(a: Record<string, string>, b: Record<string, string>): number {
    const locales = Object.keys(a).filter(l => l in b);
    if (locales.length === 0) return 0;
    return locales.reduce((s, l) => s + textSimilarity(a[l], b[l]), 0) / locales.length;
}

function choiceSimilarity(a: Question['options'], b: Question['options']): number {
    if (a.length === 0 && b.length === 0) return 1;
    const ids = new Set([...a.map(c => c.id), ...b.map(c => c.id)]);
    const shared = a.filter(c => b.some(d => d.id === c.id)).length;
    return shared / ids.size;
}
