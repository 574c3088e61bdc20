/**
 * A survey of the CX model as SurveyJS form-library JSON: its pages (one when it declares none),
 * one element per question, option ids as choice values, display logic as `visibleIf` (of a
 * question or a page), a welcome text as SurveyJS's start page, every text localized.
 */
import { MAX_SCALE_POINTS, UNTITLED_PAGE, questionKind, specialOption, textPatterns, type CxModel, type Localized, type Question, type Survey, type SurveyPage } from '@cxspec/model';
import { NPS_END_LABELS } from './default-labels.js';
import { compileCondition } from './expression.js';
import { htmlLines, mapText, surveyText, type SurveyText } from './localize.js';

export type SurveyJson = Record<string, unknown>;

/** Throws ExpressionError on display logic that compileProblems reports as CX901. */
export function compileSurvey(model: CxModel, survey: Survey): SurveyJson {
    const text = (t: Localized) => surveyText(t, model.spec.locales, model.spec.defaultLocale);
    const questions = new Map(survey.questions.map(q => [q.name, q]));
    const thanks = mapText(text(survey.thanks), s => `<h3>${htmlLines(s)}</h3>`);
    const element = (q: Question) => compact({
        ...questionBody(q, text),
        visibleIf: q.visibleWhen ? compileCondition(q.visibleWhen, name => questions.get(name)) : undefined,
        isRequired: q.required || undefined,
        // Values stay option ids, so a shuffled order changes nothing in the answers or scores.
        choicesOrder: q.randomOrder ? 'random' : undefined
    });
    const pages = (survey.pages ?? [{ name: UNTITLED_PAGE, title: {}, description: {}, visibleWhen: null, questions: survey.questions.map(q => q.name), groups: [], loc: survey.loc }])
        .map(page => compact({
            name: page.name,
            title: text(page.title),
            description: text(page.description),
            visibleIf: page.visibleWhen ? compileCondition(page.visibleWhen, name => questions.get(name)) : undefined,
            questionOrder: page.randomOrder ? 'random' : undefined,
            elements: pageElements(page, name => element(questions.get(name)!), text)
        }));
    // SurveyJS's start page (firstPageIsStartPage) is shown before the first question and has no
    // answers; page names come from the grammar's identifiers, and `welcome` is a keyword there, so
    // it cannot clash with a declared page.
    const welcome = survey.welcome && text(survey.welcome);
    const start = welcome ? [{ name: 'welcome', elements: [{ type: 'html', name: 'welcome_text', html: mapText(welcome, s => `<p>${htmlLines(s)}</p>`) }] }] : [];
    return compact({
        locale: model.spec.defaultLocale,
        title: text(survey.title),
        description: text(survey.description),
        completedHtml: thanks,
        firstPageIsStartPage: welcome ? true : undefined,
        pages: [...start, ...pages]
    });
}

type TextOf = (t: Localized) => SurveyText | undefined;

/** A page's elements in order: each group a panel holding its (consecutive) questions, where its first one stands. */
function pageElements(page: SurveyPage, element: (name: string) => SurveyJson, text: TextOf): SurveyJson[] {
    const groupOf = new Map(page.groups.flatMap(g => g.questions.map(name => [name, g] as const)));
    const elements: SurveyJson[] = [];
    for (const name of page.questions) {
        const group = groupOf.get(name);
        if (!group) elements.push(element(name));
        else if (group.questions[0] === name) {
            elements.push(compact({
                type: 'panel', name: group.name, title: text(group.title), description: text(group.description),
                questionOrder: group.randomOrder ? 'random' : undefined,
                elements: group.questions.map(element)
            }));
        }
    }
    return elements;
}

function questionBody(q: Question, text: TextOf): SurveyJson {
    const facts = questionKind(q.kind);
    const common = { type: facts.element, name: q.name, title: text(q.text), description: text(q.description) };
    const choices = () => q.options.filter(o => !o.special).map(o => compact({ value: o.id, text: text(o.label) }));
    switch (facts.answer) {
        case 'scale': {
            const scale = q.scale!;
            const defaults = q.kind === 'nps' ? NPS_END_LABELS : { min: {}, max: {} };
            // More points than a row of rate buttons holds (a 0..100 rating): a slider, its ends labelled.
            if (scale.max - scale.min + 1 > MAX_SCALE_POINTS) {
                const ends = [{ value: scale.min, label: scale.minLabel }, { value: scale.max, label: scale.maxLabel }];
                const customLabels = ends.map(e => ({ value: e.value, text: text(e.label) })).filter(l => l.text !== undefined);
                return compact({
                    ...common, type: 'slider', min: scale.min, max: scale.max, step: 1,
                    customLabels: customLabels.length > 0 ? customLabels : undefined
                });
            }
            return {
                ...common,
                rateMin: scale.min,
                rateMax: scale.max,
                // SurveyJS's 'auto' turns a scale that does not fit one row into a drop-down on a phone,
                // which hides the scale's ends; buttons wrap onto rows instead.
                displayMode: 'buttons',
                minRateDescription: text(withDefault(scale.minLabel, defaults.min)),
                maxRateDescription: text(withDefault(scale.maxLabel, defaults.max))
            };
        }
        case 'number': {
            const n = q.number!;
            // SurveyJS's schema types a text field's bounds as strings (they also bound dates). With
            // no step a number field takes any decimal; step 1 makes survey-core reject fractions.
            return compact({
                ...common, inputType: 'number',
                min: n.min === null ? undefined : String(n.min),
                max: n.max === null ? undefined : String(n.max),
                step: n.integer ? 1 : undefined,
                placeholder: text(n.unit)
            });
        }
        case 'option': case 'options': case 'order': {
            // SurveyJS's own Other and None items: always after the choices, even in a random order,
            // recorded as 'other' (its text under '<name>-Comment') and 'none', which none of the
            // other choices can then be.
            const other = specialOption(q, 'specify');
            const none = specialOption(q, 'exclusive');
            return compact({
                ...common,
                type: q.dropdown ? 'dropdown' : common.type,
                choices: choices(),
                showNoneItem: none ? true : undefined,
                noneText: none ? text(none.label) : undefined,
                showOtherItem: other ? true : undefined,
                otherText: other ? text(other.label) : undefined,
                // SurveyJS counts an unanswered question as too few options, so a lower bound of 1
                // (which every answer meets) is left out, keeping an optional question optional.
                minSelectedChoices: (q.select?.min ?? 0) > 1 ? q.select!.min! : undefined,
                maxSelectedChoices: q.select?.max ?? undefined
            });
        }
        case 'text': {
            const rules = q.textRules;
            if (!rules) return common;
            // A format makes the answer one line (SurveyJS `text`; `email` brings the e-mail keyboard);
            // every pattern is a regex validator over the whole answer, the same the schema checks.
            return compact({
                ...common,
                type: rules.format ? 'text' : common.type,
                inputType: rules.format === 'email' ? 'email' : undefined,
                maxLength: rules.maxLength ?? undefined,
                validators: textPatterns(q).length > 0 ? textPatterns(q).map(regex => ({ type: 'regex', regex })) : undefined
            });
        }
        // SurveyJS draws the "no" label first unless swapOrder is set; "yes" reads first in both locales.
        case 'boolean': return { ...common, labelTrue: text(q.trueLabel), labelFalse: text(q.falseLabel), swapOrder: true };
        case 'items': {
            const scale = q.scale!;
            const columns = [];
            for (let value = scale.min; value <= scale.max; value++) {
                const label = value === scale.min ? scale.minLabel : value === scale.max ? scale.maxLabel : {};
                columns.push(compact({ value, text: text(label) }));
            }
            return {
                ...common,
                columns,
                rows: q.items.map(i => compact({ value: i.id, text: text(i.label) })),
                // A required matrix asks for every item, as the response schema does.
                eachRowRequired: q.required || undefined
            };
        }
    }
}

/** The spec's own labels when it has any, the built-in ones otherwise. */
function withDefault(labels: Localized, defaults: Localized): Localized {
    return Object.keys(labels).length > 0 ? labels : defaults;
}

/** Drops undefined properties so absent texts and flags do not appear in the JSON. */
function compact<T extends Record<string, unknown>>(object: T): T {
    return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
