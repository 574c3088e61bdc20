/**
 * Every compiled example survey, and the compiler fixtures, validate as a whole against the JSON
 * schema survey-core itself ships (node_modules/survey-core/surveyjs_definition.json, draft-07),
 * checked with ajv. survey-core's loader is lenient (it ignores unknown properties and reports
 * only some mistakes in jsonErrors), so the schema catches a misspelt or misplaced property the
 * load test (survey-core-load.test.ts) would let through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { loadWorkspace } from '@cxspec/language';
import { compileSurvey } from '@cxspec/compiler';
import { EXAMPLE_NAMES, REPO_ROOT, exampleModel } from './support/examples.js';

const FIXTURES = path.join(REPO_ROOT, 'packages/compiler/test/fixtures');
const DEFINITION_PATH = path.join(REPO_ROOT, 'node_modules/survey-core/surveyjs_definition.json');

const definition = JSON.parse(fs.readFileSync(DEFINITION_PATH, 'utf8'));
// strict: false because the shipped schema uses keywords ajv's strict mode rejects (unknown
// formats, "$id"s on definitions); the validation itself is the standard draft-07 one.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(definition, 'surveyjs');
const validateSurvey = ajv.getSchema('surveyjs')!;

/**
 * The survey schema lists an element as "anyOf" every element type without keying on "type", so an
 * element that is wrong for its own type can still pass as some other type. Each element is
 * therefore also checked against the definition its "type" names, panels' elements included.
 */
function elementProblems(elements: unknown, where: string): string[] {
    if (!Array.isArray(elements)) return [];
    return elements.flatMap((element: Record<string, unknown>) => {
        const at = `${where}/${String(element.name)}`;
        const validate = ajv.getSchema(`surveyjs#/definitions/${String(element.type)}`);
        if (!validate) return [`${at}: survey-core's schema has no element type "${String(element.type)}"`];
        const own = validate(withStringItemValues(element)) ? [] : [`${at}: ${JSON.stringify(validate.errors)}`];
        return [...own, ...elementProblems(element.elements, at)];
    });
}

/**
 * The schema's "itemvalue" types "value" as a string, but survey-core's ItemValue takes any value,
 * and the compiler gives a matrix's columns (and a slider's labels) their numeric scale points so
 * that answers are numbers the evaluator scores. That is the one place the schema is narrower than
 * survey-core's loader; numeric item values are checked in their string form, everything else
 * as it is. survey-core-load.test.ts checks that the numbers themselves load.
 */
function withStringItemValues(element: Record<string, unknown>): Record<string, unknown> {
    const copy: Record<string, unknown> = { ...element };
    for (const key of ['columns', 'rows', 'choices', 'rateValues', 'customLabels']) {
        const items = element[key];
        if (!Array.isArray(items)) continue;
        copy[key] = items.map(item => typeof item === 'number' ? String(item)
            : item && typeof item === 'object' && typeof (item as { value?: unknown }).value === 'number'
                ? { ...item, value: String((item as { value: number }).value) } : item);
    }
    return copy;
}

function surveyProblems(json: Record<string, unknown>, where: string): string[] {
    const whole = validateSurvey(json) ? [] : [`${where}: ${JSON.stringify(validateSurvey.errors)}`];
    const pages = (Array.isArray(json.pages) ? json.pages : []) as Array<Record<string, unknown>>;
    return [...whole, ...pages.flatMap(page => elementProblems(page.elements, `${where}/${String(page.name)}`))];
}

describe('compiled surveys validate against the JSON schema survey-core ships', () => {
    for (const name of EXAMPLE_NAMES) {
        it(`${name}: every survey is valid`, async () => {
            const model = await exampleModel(name);
            expect(model.surveys.length).toBeGreaterThan(0);
            for (const survey of model.surveys) {
                expect(surveyProblems(compileSurvey(model, survey), `${name}/${survey.name}`)).toEqual([]);
            }
        });
    }

    for (const fixture of fs.readdirSync(FIXTURES).filter(f => f.endsWith('.cx')).sort()) {
        it(`fixture ${fixture}: every survey is valid`, async () => {
            const workspace = await loadWorkspace([path.join(FIXTURES, fixture)], { root: REPO_ROOT });
            expect(workspace.hasErrors).toBe(false);
            for (const spec of workspace.specNames) {
                const model = workspace.model(spec);
                for (const survey of model.surveys) {
                    expect(surveyProblems(compileSurvey(model, survey), `${fixture}/${survey.name}`)).toEqual([]);
                }
            }
        });
    }

    it('the schema is not vacuous: a misplaced property and a wrong type fail it', () => {
        const page = (element: Record<string, unknown>) => ({ pages: [{ name: 'p', elements: [element] }] });
        expect(surveyProblems(page({ type: 'rating', name: 'q', rateMax: 'ten' }), 's')).toHaveLength(1);
        expect(surveyProblems(page({ type: 'panel', name: 'g', elements: [{ type: 'boolean', name: 'b', isRequired: 'yes' }] }), 's')
            .some(problem => problem.startsWith('s/p/g/b: '))).toBe(true);
        expect(surveyProblems(page({ type: 'matrix', name: 'm', columns: [{ value: 1, text: 'One' }], rows: [{ value: 'r', text: 'R' }] }), 's')).toEqual([]);
        expect(surveyProblems(page({ type: 'slidr', name: 'q' }), 's')).toEqual(['s/p/q: survey-core\'s schema has no element type "slidr"']);
        expect(surveyProblems({ pages: 'one' }, 's')).toHaveLength(1);
        expect(surveyProblems(page({ type: 'rating', name: 'q', rateMax: 10 }), 's')).toEqual([]);
    });
});
