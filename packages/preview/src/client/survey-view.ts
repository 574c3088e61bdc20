/**
 * The survey as a respondent sees it: the compiled SurveyJS JSON loaded by survey-core and drawn
 * by survey-js-ui, the same runtime a deployment uses, so display logic here is the real one.
 */
import { Model, surveyLocalization } from 'survey-core';
import 'survey-core/survey.i18n';
import { renderSurvey } from 'survey-js-ui';
import type { SurveyPreview } from '../preview-data.js';
import { clear, el } from './dom.js';

export class SurveyView {
    private model: Model | null = null;
    /** The survey on show; null before the first. */
    surveyName: string | null = null;
    readonly root = el('div', { class: 'cx-survey-host' });

    constructor(private readonly onAnswers: (survey: string, data: Record<string, unknown>) => void) {}

    /**
     * Shows `survey` in `locale`. When the same survey is shown again after an edit, the answers
     * and the page the reviewer was on are carried over so the preview follows edits in place;
     * `saved` answers (from the page's persisted state) fill a survey shown for the first time.
     */
    show(survey: SurveyPreview, locale: string, defaultLocale: string, saved?: Record<string, unknown>): void {
        // The compiler writes the spec's default locale's texts under SurveyJS's `default` key, which
        // SurveyJS reads for its own default locale; making that the spec's keeps every locale right.
        surveyLocalization.defaultLocale = defaultLocale;
        const previous = this.surveyName === survey.name ? this.model : null;
        const model = new Model(survey.json);
        model.locale = locale;
        if (previous) {
            model.data = previous.data;
            if (previous.currentPageNo < model.visiblePageCount) model.currentPageNo = previous.currentPageNo;
        } else if (saved) {
            model.data = saved;
        }
        model.onValueChanged.add(() => this.onAnswers(survey.name, model.data));
        this.model = model;
        this.surveyName = survey.name;
        clear(this.root);
        const mount = el('div', { class: 'cx-survey', 'data-survey': survey.name });
        this.root.appendChild(mount);
        renderSurvey(model, mount);
    }

    setLocale(locale: string): void {
        if (this.model) this.model.locale = locale;
    }
}
