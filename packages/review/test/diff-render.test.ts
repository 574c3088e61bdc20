/** The diff as Markdown (golden files, reviewed by hand), text (golden) and JSON. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell, diffWorkspaces, formatDiffJson, formatDiffMarkdown, formatDiffText, mermaidLabel } from '@cxspec/review';
import { expectGolden as expectGoldenFile } from '../../../test/support/golden.js';
import { FIXTURES, fixtureModels } from './support.js';

const GOLDEN = path.join(FIXTURES, '..', 'golden');

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (then review the git diff). */
function expectGolden(name: string, actual: string): void {
    expectGoldenFile(path.join(GOLDEN, name), actual);
}

async function diffOf(v2: string) {
    const after = await fixtureModels(`diff/${v2}`);
    return { result: diffWorkspaces(await fixtureModels('diff/v1'), after), after };
}

describe('diff rendering', () => {
    it('writes the pull-request comment for v1 -> v2-journey (golden)', async () => {
        const { result, after } = await diffOf('v2-journey');
        expectGolden('v1-to-v2-journey.md', formatDiffMarkdown(result, after));
    });

    it('writes the pull-request comment for v1 -> v2-survey (golden)', async () => {
        const { result, after } = await diffOf('v2-survey');
        expectGolden('v1-to-v2-survey.md', formatDiffMarkdown(result, after));
    });

    it('writes text for v1 -> v2-metrics (golden)', async () => {
        const { result } = await diffOf('v2-metrics');
        expectGolden('v1-to-v2-metrics.txt', formatDiffText(result) + '\n');
    });

    it('writes a question moved to another survey as one change in Markdown (golden), text and JSON', async () => {
        const { result, after } = await diffOf('v2-move');
        expectGolden('v1-to-v2-move.md', formatDiffMarkdown(result, after));
        expect(formatDiffText(result).split('\n').slice(5, 8)).toEqual([
            "  non-breaking question.moved    survey AfterPayment > question feedback: Question 'comment' moved from survey AfterPickup to survey AfterPayment as 'feedback'.",
            '                                 - AfterPickup.comment',
            '                                 + AfterPayment.feedback'
        ]);
        const json = JSON.parse(formatDiffJson(result));
        expect(json.summary).toEqual({ 'breaking': 1, 'non-breaking': 3, 'cosmetic': 0 });
        expect(json.specs[0].changes[1]).toEqual({
            kind: 'question.moved', severity: 'breaking', subject: 'survey AfterPayment > question visit_reason',
            loc: { file: 'diff/v2-move/spec.cx', line: 101 }, before: 'AfterPickup.visit_reason', after: 'AfterPayment.visit_reason',
            message: "Question 'visit_reason' moved from survey AfterPickup to survey AfterPayment; what feeds segment Commuter now comes from another survey's respondents, so values before and after are not comparable."
        });
    });

    it('writes a renamed survey as one change in Markdown (golden), text and JSON', async () => {
        const { result, after } = await diffOf('v2-survey-rename');
        expectGolden('v1-to-v2-survey-rename.md', formatDiffMarkdown(result, after));
        expect(formatDiffText(result).split('\n')).toEqual([
            'CoffeeReview: 1 breaking, 0 non-breaking, 0 cosmetic',
            "  breaking     survey.renamed  survey AfterCollect: Survey 'AfterPickup' was renamed to 'AfterCollect'; responses already collected, its SurveyJS id and file AfterPickup.survey.json, and every AfterPickup.question reference in metrics, segments and drivers carry the old name.",
            '                               - AfterPickup',
            '                               + AfterCollect'
        ]);
        const json = JSON.parse(formatDiffJson(result));
        expect(json.summary).toEqual({ 'breaking': 1, 'non-breaking': 0, 'cosmetic': 0 });
        expect(json.specs[0].changes).toEqual([{
            kind: 'survey.renamed', severity: 'breaking', subject: 'survey AfterCollect',
            loc: { file: 'diff/v2-survey-rename/spec.cx', line: 58 }, before: 'AfterPickup', after: 'AfterCollect',
            message: "Survey 'AfterPickup' was renamed to 'AfterCollect'; responses already collected, its SurveyJS id and file AfterPickup.survey.json, and every AfterPickup.question reference in metrics, segments and drivers carry the old name."
        }]);
    });

    it('writes JSON with overall and per-spec counts and every change', async () => {
        const { result } = await diffOf('v2-rename');
        const json = JSON.parse(formatDiffJson(result));
        expect(json.summary).toEqual({ 'breaking': 2, 'non-breaking': 1, 'cosmetic': 0 });
        expect(json.specs[0].spec).toBe('CoffeeReview');
        expect(json.specs[0].summary).toEqual(json.summary);
        expect(json.specs[0].changes[0]).toEqual({
            kind: 'question.renamed', severity: 'breaking', subject: 'survey AfterPickup > question likely_to_recommend',
            loc: { file: 'diff/v2-rename/spec.cx', line: 64 }, before: 'recommend', after: 'likely_to_recommend',
            message: "Question 'recommend' was renamed to 'likely_to_recommend'; responses already collected store answers under 'recommend'."
        });
    });

    it('shortens a comment that would exceed the size limit, saying what it left out', async () => {
        const { result, after } = await diffOf('v2-survey');
        const full = formatDiffMarkdown(result, after);
        expect(formatDiffMarkdown(result, after, { maxLength: full.length })).toBe(full);
        const short = formatDiffMarkdown(result, after, { maxLength: 3000 });
        expect(short.length).toBeLessThanOrEqual(3000);
        expect(short.match(/^\| \| \| \d+ more change\(s\) not shown/gm)).toEqual(['| | | 4 more change(s) not shown', '| | | 2 more change(s) not shown']);
        expect(short).toContain('#### Breaking (3)');
        expect(short).toContain('```mermaid');
        const tiny = formatDiffMarkdown(result, after, { maxLength: 1500 });
        expect(tiny.length).toBeLessThanOrEqual(1500);
        expect(tiny).toContain('The journey map is left out to keep this comment within the size limit.');
        expect(tiny).toContain('| `question.wording` | `survey AfterPickup > question recommend`');
    });

    it('says so when nothing changed', async () => {
        const { result, after } = await diffOf('v1');
        expect(formatDiffText(result)).toBe('CoffeeReview: 0 breaking, 0 non-breaking, 0 cosmetic');
        expect(formatDiffMarkdown(result, after)).toContain('No breaking changes: responses collected before and after stay comparable.\n');
        expect(formatDiffMarkdown(result, after)).toContain('### `CoffeeReview`\n\nNo semantic changes.\n');
    });

    it('escapes free text for Markdown table cells and Mermaid labels', () => {
        expect(cell('a | b <script> *x* _y_ [l](u) `c` \\ ~s~\nz & w')).toBe('a \\| b &lt;script&gt; \\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` \\\\ \\~s\\~<br>z &amp; w');
        expect(mermaidLabel('He said "hi" <b>#1</b> & `x`\nnext')).toBe('"He said #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;<br/>next"');
    });
});
