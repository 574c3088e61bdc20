/**
 * Which questions of a survey are shown for an answer set, by the display meaning of their
 * conditions (`evaluateCondition(..., 'display', ...)` in @cxspec/model). The compiler turns the
 * same conditions into SurveyJS `visibleIf` expressions; the differential test holds the two to
 * the same results.
 */
import { evaluateCondition, type Condition, type FieldRef, type Survey } from '@cxspec/model';

/**
 * Names of the questions of `survey` that are shown for `answers` (keyed by question name), in
 * survey order: a question is shown when its own condition and its page's hold. Conditions read
 * the answers as given, also answers of questions that are hidden, as SurveyJS does until the
 * survey is completed.
 */
export function visibleQuestions(survey: Survey, answers: Readonly<Record<string, unknown>>): string[] {
    const lookup = (field: FieldRef) => field.source === 'question' && Object.hasOwn(answers, field.question)
        ? answers[field.question]
        : undefined;
    const shown = (when: Condition | null) => when === null || evaluateCondition(when, 'display', lookup);
    const hiddenPages = new Set((survey.pages ?? []).filter(p => !shown(p.visibleWhen)).flatMap(p => p.questions));
    return survey.questions
        .filter(q => !hiddenPages.has(q.name) && shown(q.visibleWhen))
        .map(q => q.name);
}
