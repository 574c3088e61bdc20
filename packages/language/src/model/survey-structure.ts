/**
 * The page structure of a survey in the AST. A `page` is a page break among the survey's
 * questions (the grammar keeps questions children of the survey), so which page a question is on
 * is told by source order: the last page declared before it, or the untitled first page.
 */
import { readingSeconds } from '@cxspec/model';
import type { Group, Page, Question, Survey } from '../generated/ast.js';

export interface AstPage {
    /** The declared page; undefined for the untitled page before the first `page`. */
    page: Page | undefined;
    questions: Question[];
    /** The groups started on this page, each with its questions (up to the next group or page). */
    groups: AstGroup[];
}

export interface AstGroup {
    group: Group;
    questions: Question[];
}

function offsetOf(node: Page | Group | Question): number {
    return node.$cstNode?.offset ?? 0;
}

/** The pages of a survey in order; the untitled first page only when questions precede the first `page`. */
export function surveyPages(survey: Survey): AstPage[] {
    const pages = [...survey.pages].sort((a, b) => offsetOf(a) - offsetOf(b));
    const result: AstPage[] = [{ page: undefined, questions: [], groups: [] }, ...pages.map(page => ({ page, questions: [] as Question[], groups: [] as AstGroup[] }))];
    const pageIndex = (node: Group | Question) => {
        let index = 0;
        while (index < pages.length && offsetOf(pages[index]) < offsetOf(node)) index++;
        return index;
    };
    const groups = [...survey.groups].sort((a, b) => offsetOf(a) - offsetOf(b));
    const byGroup = new Map<Group, AstGroup>();
    for (const group of groups) {
        const entry = { group, questions: [] };
        byGroup.set(group, entry);
        result[pageIndex(group)].groups.push(entry);
    }
    for (const question of survey.questions) {
        const index = pageIndex(question);
        result[index].questions.push(question);
        // The last group before the question, if it started on the question's page.
        const group = groups.filter(g => offsetOf(g) < offsetOf(question)).at(-1);
        if (group && pageIndex(group) === index) byGroup.get(group)!.questions.push(question);
    }
    return result[0].questions.length === 0 && result[0].groups.length === 0 && pages.length > 0 ? result.slice(1) : result;
}

/** The declared page a question is on, if any. */
export function pageOf(question: Question): Page | undefined {
    return surveyPages(question.$container).find(p => p.questions.includes(question))?.page;
}

/**
 * Seconds to read what a respondent sees besides the questions: the welcome text and each page's
 * and group's title and description (readingSeconds in @cxspec/model; the model's estimatedSeconds adds the same).
 */
export function surveyReadingSeconds(survey: Survey): number {
    const blocks = [survey.welcome?.texts, ...[...survey.pages, ...survey.groups].flatMap(p => [p.texts, p.description?.texts])];
    return blocks.reduce((sum, texts) => sum + readingSeconds((texts ?? []).map(t => t.text)), 0);
}
