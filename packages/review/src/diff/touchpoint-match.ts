/**
 * Recognises a renamed touchpoint: a name that exists only in the old version and one only in the
 * new, on the same channel with (nearly) the same title. Without this a rename would show as a
 * removal, an addition and a changed `about` on every question that measures it.
 */
import type { CxModel, Touchpoint } from '@cxspec/model';
import { textSimilarity } from './text-similarity.js';

/** Titles at least this close (averaged over shared locales) name the same touchpoint. */
const MIN_TITLE_SIMILARITY = 0.8;

/** Old touchpoint name to new name. */
export type TouchpointRenames = Map<string, string>;

export function matchTouchpoints(before: CxModel, after: CxModel): TouchpointRenames {
    const all = (model: CxModel) => model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints));
    const oldTps = all(before);
    const newTps = all(after);
    const gone = oldTps.filter(t => !newTps.some(n => n.name === t.name));
    const fresh = newTps.filter(t => !oldTps.some(o => o.name === t.name));
    const candidates: Array<{ old: Touchpoint; neu: Touchpoint; score: number }> = [];
    for (const old of gone) {
        for (const neu of fresh) {
            const score = old.channel === neu.channel ? titleSimilarity(old.title, neu.title) : 0;
            if (score >= MIN_TITLE_SIMILARITY) candidates.push({ old, neu, score });
        }
    }
    candidates.sort((x, y) => y.score - x.score || newTps.indexOf(x.neu) - newTps.indexOf(y.neu) || oldTps.indexOf(x.old) - oldTps.indexOf(y.old));
    const renames: TouchpointRenames = new Map();
    const taken = new Set<string>();
    for (const { old, neu } of candidates) {
        if (renames.has(old.name) || taken.has(neu.name)) continue;
        renames.set(old.name, neu.name);
        taken.add(neu.name);
    }
    return renames;
}

function titleSimilarity(a: Record<string, string>, b: Record<string, string>): number {
    const locales = Object.keys(a).filter(l => l in b);
    if (locales.length === 0) return 0;
    return locales.reduce((s, l) => s + textSimilarity(a[l], b[l]), 0) / locales.length;
}
