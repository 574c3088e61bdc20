/** A renamed survey is one `survey.renamed`, not a removal, an addition and a move per question. */
import { describe, expect, it } from 'vitest';
import type { CxModel, Question } from '@cxspec/model';
import { diffWorkspaces } from '@cxspec/review';
import { fixtureModels, outline } from './support.js';

async function renamed(): Promise<{ v1: CxModel; v2: CxModel }> {
    const [v1] = await fixtureModels('diff/v1');
    const [v2] = await fixtureModels('diff/v2-survey-rename');
    return { v1, v2 };
}

function question(model: CxModel, name: string): Question {
    return model.surveys.flatMap(s => s.questions).find(q => q.name === name)!;
}

describe('survey renames', () => {
    it('reports a pure rename as one breaking survey.renamed, with no noise in metrics, segments or drivers (v1 -> v2-survey-rename)', async () => {
        const { v1, v2 } = await renamed();
        const changes = diffWorkspaces([v1], [v2]).specs[0].changes;
        expect(outline(changes)).toEqual(['breaking survey.renamed survey AfterCollect']);
        expect(changes[0]).toEqual({
            kind: 'survey.renamed', severity: 'breaking', subject: 'survey AfterCollect',
            loc: { file: 'diff/v2-survey-rename/spec.cx', line: 58 }, before: 'AfterPickup', after: 'AfterCollect',
            message: "Survey 'AfterPickup' was renamed to 'AfterCollect'; responses already collected, its SurveyJS id and file AfterPickup.survey.json, and every AfterPickup.question reference in metrics, segments and drivers carry the old name."
        });
    });

    it('reports the changes inside a renamed survey as if it kept its name', async () => {
        const { v1, v2 } = await renamed();
        const survey = v2.surveys[0];
        question(v2, 'pickup').text = { ja: '商品の受け取りはスムーズでしたか?', en: 'How smooth was collecting your order?' };
        question(v2, 'comment').name = 'remarks';
        survey.questions.push({ ...structuredClone(question(v2, 'remarks')), name: 'staff', text: { ja: 'スタッフの対応はいかがでしたか?', en: 'How was the staff?' } });
        survey.questions = survey.questions.filter(q => q.name !== 'reason' && q.name !== 'points');
        v2.drivers[0].drivers = ['menu_ease', 'payment', 'pickup'];
        const changes = diffWorkspaces([v1], [v2]).specs[0].changes;
        expect(outline(changes)).toEqual([
            'breaking survey.renamed survey AfterCollect',
            'breaking question.renamed survey AfterCollect > question remarks',
            'non-breaking question.removed survey AfterCollect > question reason',
            'breaking question.removed survey AfterCollect > question points',
            'non-breaking question.added survey AfterCollect > question staff',
            'breaking question.wording survey AfterCollect > question pickup',
            'non-breaking question.wording survey AfterCollect > question pickup',
            'non-breaking drivers.definition drivers loyalty'
        ]);
        expect(changes[3].message).toBe("Question 'points' was removed; it fed drivers loyalty.");
        expect(changes[5]).toMatchObject({
            locale: 'ja', before: '受け取りにはどの程度満足していますか?', after: '商品の受け取りはスムーズでしたか?',
            message: "Question 'pickup' was reworded in 'ja'; it feeds metric pickup_csat, drivers loyalty, and answers to the new wording are not comparable with earlier ones."
        });
    });

    it('follows a renamed survey in a metric that reads its respondents without naming a question', async () => {
        const { v1, v2 } = await renamed();
        const rate = (survey: string): CxModel['metrics'][number] => ({
            ...structuredClone(v1.metrics[0]), name: 'commuters',
            expr: { kind: 'rate', source: { type: 'survey', survey }, condition: { type: 'answered', negated: false, field: { source: 'question', survey, question: 'comment' } } }
        });
        const changes = diffWorkspaces([{ ...v1, metrics: [rate('AfterPickup')] }], [{ ...v2, metrics: [rate('AfterCollect')] }]).specs[0].changes;
        expect(outline(changes)).toEqual(['breaking survey.renamed survey AfterCollect']);
    });

    it('does not take a removed survey and an unrelated new one for a rename', async () => {
        const [v1] = await fixtureModels('diff/v1');
        const old = v1.surveys[0];
        const recommend = old.questions.find(q => q.name === 'recommend')!;
        const comment = old.questions.find(q => q.name === 'comment')!;
        const v2: CxModel = {
            ...v1,
            surveys: [{
                ...structuredClone(old), name: 'AfterSupport', title: { ja: 'サポート後アンケート', en: 'After support survey' },
                questions: [
                    // Same id and kind as in AfterPickup, but it asks about something else.
                    { ...structuredClone(recommend), text: { ja: 'サポート窓口を友人に薦めますか?', en: 'Would you recommend our help desk to others?' } },
                    { ...structuredClone(comment), name: 'solved', kind: 'boolean', text: { ja: '問題は解決しましたか?', en: 'Was your problem solved?' } },
                    structuredClone(comment)
                ]
            }]
        };
        const changes = diffWorkspaces([v1], [v2]).specs[0].changes;
        expect(outline(changes)).toEqual([
            'non-breaking survey.added survey AfterSupport',
            'non-breaking question.moved survey AfterSupport > question comment',
            'breaking survey.removed survey AfterPickup'
        ]);
    });

    it('needs at least half of the questions on each side to be the same', async () => {
        const { v1, v2 } = await renamed();
        const keep = (names: string[]) => ({ ...v2, surveys: [{ ...v2.surveys[0], questions: v2.surveys[0].questions.filter(q => names.includes(q.name)) }] });
        // 4 of the 8 old questions, all of the new ones: a rename that dropped half the survey.
        expect(outline(diffWorkspaces([v1], [keep(['recommend', 'reason', 'menu_ease', 'payment'])]).specs[0].changes).slice(0, 1))
            .toEqual(['breaking survey.renamed survey AfterCollect']);
        // 3 of 8: a new survey that took a few questions over.
        expect(outline(diffWorkspaces([v1], [keep(['recommend', 'reason', 'menu_ease'])]).specs[0].changes).slice(0, 2))
            .toEqual(['non-breaking survey.added survey AfterCollect', 'breaking question.moved survey AfterCollect > question recommend']);
    });
});
