/**
 * The page structure of a survey in the AST. A `page` is a page break among the survey's
 * questions (the grammar keeps questions children of the survey), so which page a question is on
 * is told by source order: the last page declared before it, or the untitled first page.
 */
import { readingSeconds } from '@cxspec/model';
import type { Page, Question, Survey } from '../generated/ast.js';

export interface AstPage {
    /** The declared page; undefined for the untitled page before the first `page`. */
    page: Page | undefined;
    questions: Question[];
}

function offsetOf(node: Page | Question): number {
    return node.$cstNode?.offset ?? 0;
}

/** The pages of a survey in order; the untitled first page only when questions precede the first `page`. */
export function surveyPages(survey: Survey): AstPage[] {
    const pages = [...survey.pages].sort((a, b) => offsetOf(a) - offsetOf(b));
    const result: AstPage[] = [{ page: undefined, questions: [] }, ...pages.map(page => ({ page, questions: [] as Question[] }))];
    for (const question of survey.questions) {
        let index = 0;
        while (index < pages.length && offsetOf(pages[index]) < offsetOf(question)) index++;
        result[index].questions.push(question);
    }
    return result[0].questions.length === 0 && pages.length > 0 ? result.slice(1) : result;
}

/** The declared page a question is on, if any. */
export function pageOf(question: Question): Page | undefined {
    return surveyPages(question.$container).find(p => p.questions.includes(question))?.page;
}

/**
 * Seconds to read what a respondent sees besides the questions: the welcome text and each page's
 * title and description (readingSeconds in @cxspec/model; the model's estimatedSeconds adds the same).
 */
export function surveyReadingSeconds(survey: Survey): number {
    const blocks = [survey.welcome?.texts, ...survey.pages.flatMap(p => [p.texts, p.description?.texts])];
    return blocks.reduce((sum, texts) => sum + readingSeconds((texts ?? []).map(t => t.text)), 0);
}
