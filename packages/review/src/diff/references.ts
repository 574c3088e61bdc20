/** What in a model reads which question or column, and how renamed questions map old names to new. */
import { conditionFields, fieldKey, fieldsRead, type CxModel } from '@cxspec/model';

/** `Survey.question` or `Dataset.column` to the declarations that read it (`metric nps_all`, ...). */
export type UsageIndex = Map<string, string[]>;

export function usageIndex(model: CxModel): UsageIndex {
    const index: UsageIndex = new Map();
    const use = (key: string, user: string) => {
        const users = index.get(key) ?? [];
        if (!users.includes(user)) users.push(user);
        index.set(key, users);
    };
    for (const metric of model.metrics) {
        for (const key of fieldsRead(metric.expr).map(fieldKey)) use(key, `metric ${metric.name}`);
    }
    for (const segment of model.segments) {
        for (const field of conditionFields(segment.condition)) use(fieldKey(field), `segment ${segment.name}`);
    }
    for (const d of model.drivers) {
        for (const q of [d.outcome, ...d.drivers]) use(`${d.survey}.${q}`, `drivers ${d.name}`);
    }
    for (const dataset of model.datasets) {
        if (dataset.lifecycle) {
            use(`${dataset.name}.${dataset.lifecycle.start}`, `dataset ${dataset.name} lifecycle`);
            use(`${dataset.name}.${dataset.lifecycle.end}`, `dataset ${dataset.name} lifecycle`);
        }
    }
    return index;
}

/** Per survey (by its old name), old question name to new name. */
export type RenameMap = Map<string, Map<string, string>>;

/** Old survey name to new name, for a renamed survey (see survey-rename.ts). */
export type SurveyRenames = Map<string, string>;

/** Old `Survey.question` to the survey and name a question moved to (see question-move.ts). */
export type MoveMap = Map<string, { survey: string; question: string }>;

/**
 * Where an old question is in the new version: moved, renamed within its survey (whose name may
 * have changed too), or unchanged.
 */
export function followQuestion(renames: RenameMap, moves: MoveMap, survey: string, question: string,
    surveys: SurveyRenames = new Map()): { survey: string; question: string } {
    return moves.get(`${survey}.${question}`) ?? { survey: surveys.get(survey) ?? survey, question: renames.get(survey)?.get(question) ?? question };
}

/**
 * A copy of an old-side value with renamed and moved questions and renamed surveys written under
 * their new names, so that a metric, segment or display condition that only followed them is not
 * reported as changed. Any object holding `survey` and `question` strings is a question reference
 * in the CX model; one holding only `survey` (a metric's source) names a survey.
 */
export function followRenames<T>(value: T, renames: RenameMap, moves: MoveMap = new Map(), surveys: SurveyRenames = new Map()): T {
    if (renames.size === 0 && moves.size === 0 && surveys.size === 0) return value;
    const walk = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(walk);
        if (v === null || typeof v !== 'object') return v;
        const out: Record<string, unknown> = {};
        for (const [k, child] of Object.entries(v)) out[k] = walk(child);
        if (typeof out.survey === 'string' && typeof out.question === 'string') {
            Object.assign(out, followQuestion(renames, moves, out.survey, out.question, surveys));
        } else if (typeof out.survey === 'string') {
            out.survey = surveys.get(out.survey) ?? out.survey;
        }
        return out;
    };
    return walk(value) as T;
}
