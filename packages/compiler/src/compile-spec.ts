/**
 * Compiles one spec's CX model into the files a survey platform deploys. Pure: the caller writes
 * the files. Problems the language does not catch (display logic SurveyJS cannot express with the
 * spec's meaning, question names taken by record fields) stop the compilation as a whole.
 */
import type { CxModel, SourceLocation, Survey } from '@cxspec/model';
import { distribution } from './distribution.js';
import { compileCondition, ExpressionError } from './expression.js';
import { toJsonText } from './json-text.js';
import { joinedKey, RECORD_FIELDS, responseSchema } from './response-schema.js';
import { compileSurvey } from './survey-json.js';
import { reservedBySurveyJs, reservedItemBySurveyJs } from './surveyjs-names.js';

export interface CompiledFile {
    /** File name relative to the output folder. */
    path: string;
    content: string;
}

export interface CompileProblem {
    loc: SourceLocation;
    /**
     * CX901 display logic SurveyJS cannot express, CX902 a question named like a record field,
     * CX903 a question or matrix item name SurveyJS reserves.
     */
    code: 'CX901' | 'CX902' | 'CX903';
    message: string;
}

export class CompileError extends Error {
    constructor(readonly problems: CompileProblem[]) {
        super(problems.map(formatProblem).join('\n'));
    }
}

/** `file:line:col error CODE message`, like the language's diagnostics. */
export function formatProblem(p: CompileProblem): string {
    return `${p.loc.file}:${p.loc.line}:${p.loc.column} error ${p.code} ${p.message}`;
}

export function compileProblems(model: CxModel): CompileProblem[] {
    return model.surveys.flatMap(survey => surveyProblems(model, survey));
}

function surveyProblems(model: CxModel, survey: Survey): CompileProblem[] {
    const problems: CompileProblem[] = [];
    const reserved = new Set<string>(RECORD_FIELDS);
    const key = joinedKey(model, survey);
    if (key) reserved.add(key);
    const questions = new Map(survey.questions.map(q => [q.name, q]));
    for (const q of survey.questions) {
        if (reserved.has(q.name)) {
            problems.push({ loc: q.loc, code: 'CX902', message: `Question '${q.name}' of survey '${survey.name}' has the name of a field every response record carries; rename the question.` });
        }
        const reservedWhy = reservedBySurveyJs(q.name);
        if (reservedWhy) {
            problems.push({ loc: q.loc, code: 'CX903', message: `Question '${q.name}' of survey '${survey.name}' cannot keep its name: ${reservedWhy}; rename the question.` });
        }
        for (const item of q.items) {
            const itemWhy = reservedItemBySurveyJs(item.id);
            if (itemWhy) {
                problems.push({ loc: q.loc, code: 'CX903', message: `Item '${item.id}' of matrix '${q.name}' cannot keep its name: ${itemWhy}; rename the item.` });
            }
        }
        if (!q.visibleWhen) continue;
        try {
            compileCondition(q.visibleWhen, name => questions.get(name));
        } catch (error) {
            if (!(error instanceof ExpressionError)) throw error;
            problems.push({ loc: q.loc, code: 'CX901', message: `Display logic of question '${q.name}' cannot be compiled: ${error.message}.` });
        }
    }
    for (const page of survey.pages ?? []) {
        if (!page.visibleWhen) continue;
        try {
            compileCondition(page.visibleWhen, name => questions.get(name));
        } catch (error) {
            if (!(error instanceof ExpressionError)) throw error;
            problems.push({ loc: page.loc, code: 'CX901', message: `Display logic of page '${page.name}' cannot be compiled: ${error.message}.` });
        }
    }
    return problems;
}

/**
 * `<Spec>.model.json`, then `<Survey>.survey.json`, `.schema.json` and `.distribution.json` for
 * each survey, sorted by path. Throws CompileError when compileProblems finds any.
 */
export function compileSpec(model: CxModel): CompiledFile[] {
    const problems = compileProblems(model);
    if (problems.length > 0) throw new CompileError(problems);
    const files: CompiledFile[] = [{ path: `${model.spec.name}.model.json`, content: toJsonText(model) }];
    for (const survey of model.surveys) {
        files.push(
            { path: `${survey.name}.survey.json`, content: toJsonText(compileSurvey(model, survey)) },
            { path: `${survey.name}.schema.json`, content: toJsonText(responseSchema(model, survey)) },
            { path: `${survey.name}.distribution.json`, content: toJsonText(distribution(model, survey)) }
        );
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
