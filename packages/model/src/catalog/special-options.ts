/**
 * The two options SurveyJS draws itself rather than from a question's choices: "Other (please
 * specify)" (`option other specify`) and a multichoice's exclusive "None of these" (`option none
 * exclusive`). SurveyJS records them under fixed values, so those values are the options' ids, and
 * the text typed into Other is recorded in a field of its own beside the answer.
 */
import type { Choice, Question } from '../cx-model.js';

export type SpecialOption = NonNullable<Choice['special']>;

/** The id an option of each special kind must have: the value SurveyJS records for it. */
export const SPECIAL_OPTION_IDS: Readonly<Record<SpecialOption, string>> = { specify: 'other', exclusive: 'none' };

/** The response field holding the text typed into a question's Other option (SurveyJS's comment field). */
export function otherTextField(question: string): string {
    return `${question}-Comment`;
}

export function specialOption(q: Pick<Question, 'options'>, kind: SpecialOption): Choice | undefined {
    return q.options.find(o => o.special === kind);
}
