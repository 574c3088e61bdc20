/**
 * Which questions of a survey are shown for an answer set, by the display meaning of their
 * conditions (`evaluateCondition(..., 'display', ...)` in @cxspec/model). The compiler turns the
 * same conditions into SurveyJS `visibleIf` expressions; the differential test holds the two to
 * the same results.
 */
import { evaluateCondition, type FieldRef, type Survey } from '@cxspec/model';

/**
 * Names of the questions of `survey` that are shown for `answers` (keyed by question name), in
 * survey order. Conditions read the answers as given, also answers of questions that are hidden,
 * as SurveyJS does until the survey is completed.
 */
export function visibleQuestions(survey: Survey, answers: Readonly<Record<string, unknown>>): string[] {
    const lookup = (field: FieldRef) => field.source === 'question' && Object.hasOwn(answers, field.question)
        ? answers[field.question]
        : undefined;
    return survey.questions
        .filter(q => q.visibleWhen === null || evaluateCondition(q.visibleWhen, 'display', lookup))
        .map(q => q.name);
}
