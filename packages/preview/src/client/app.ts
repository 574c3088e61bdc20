/**
 * The preview page: header with the locale switcher, tabs for the survey, the journey map and the
 * metric targets. Re-renders in place on new data so tab, locale, answers and scroll survive edits.
 */
import type { PageMessage, PageState } from '../messages.js';
import type { PreviewData, PreviewFocus } from '../preview-data.js';
import { append, clear, el } from './dom.js';
import type { Host } from './host.js';
import { journeyView } from './journey-view.js';
import { pick } from './localize.js';
import { metricsView } from './metrics-view.js';
import { SurveyView } from './survey-view.js';
import { textsFor } from './texts.js';

type Tab = PageState['tab'];
const TABS: Tab[] = ['survey', 'journey', 'metrics'];

export class PreviewApp {
    private state: PageState;
    private readonly surveyView = new SurveyView((survey, data) => this.save({ answers: { survey, data } }));
    /** Set when new data arrived and the SurveyJS model must be rebuilt before the survey shows. */
    private surveyStale = true;

    constructor(private data: PreviewData, private readonly root: HTMLElement, private readonly host: Host) {
        const saved = host.savedState();
        this.state = saved && data.locales.includes(saved.locale) ? saved : stateFor(data.focus, data.defaultLocale);
        let scheduled = false;
        window.addEventListener('scroll', () => {
            if (scheduled) return;
            scheduled = true;
            requestAnimationFrame(() => {
                scheduled = false;
                this.save({ scrollY: window.scrollY });
            });
        }, { passive: true });
    }

    start(): void {
        this.render();
        window.scrollTo(0, this.state.scrollY);
        this.host.onMessage(message => {
            if (message.type === 'error') this.showBanner(message.message);
            else this.update(message.data);
        });
        this.host.post({ type: 'ready' });
    }

    update(data: PreviewData): void {
        const focusMoved = JSON.stringify(data.focus) !== JSON.stringify(this.data.focus);
        this.data = data;
        if (focusMoved) this.save({ ...stateFor(data.focus, this.state.locale), designer: this.state.designer });
        if (!data.locales.includes(this.state.locale)) this.save({ locale: data.defaultLocale });
        this.surveyStale = true;
        const scrollY = window.scrollY;
        this.render();
        window.scrollTo(0, scrollY);
    }

    private save(patch: Partial<PageState>): void {
        this.state = { ...this.state, ...patch };
        this.host.saveState(this.state);
    }

    private render(): void {
        const { data, state } = this;
        const t = textsFor(state.locale);
        const text = (l: Record<string, string>) => pick(l, state.locale, data.defaultLocale);
        document.documentElement.lang = state.locale;
        document.title = `${text(data.title) || data.specName} (CXSpec preview)`;
        clear(this.root);

        const localeSelect = el('select', { id: 'cx-locale', 'aria-label': t.locale },
            ...data.locales.map(l => el('option', { value: l }, l)));
        localeSelect.value = state.locale;
        localeSelect.addEventListener('change', () => {
            this.save({ locale: localeSelect.value });
            this.surveyView.setLocale(localeSelect.value);
            this.render();
        });

        const tabs = el('nav', { class: 'cx-tabs', role: 'tablist' }, ...TABS.map(tab => {
            const button = el('button', { type: 'button', role: 'tab', 'data-tab': tab, 'aria-selected': String(tab === state.tab) },
                { survey: t.survey, journey: t.journey, metrics: t.metrics }[tab]);
            button.addEventListener('click', () => {
                this.save({ tab });
                this.host.post(this.focusMessage(tab));
                this.render();
            });
            return button;
        }));

        const designer = el('input', { type: 'checkbox', id: 'cx-designer' }) as HTMLInputElement;
        designer.checked = state.designer === true;
        designer.addEventListener('change', () => {
            this.save({ designer: designer.checked });
            this.render();
        });

        append(this.root,
            el('header', { class: 'cx-header' },
                el('h1', {}, text(data.title) || data.specName, ...(state.designer ? [' ', el('code', {}, data.specName)] : [])),
                el('label', { class: 'cx-designer' }, designer, ` ${t.designer}`),
                el('label', { class: 'cx-locale' }, `${t.locale} `, localeSelect)),
            tabs,
            el('div', { id: 'cx-banner', class: 'cx-banner', role: 'alert', hidden: '' }),
            el('main', { id: `cx-tab-${state.tab}`, class: 'cx-panel' }, this.panel(state.tab)));
    }

    private panel(tab: Tab): Node {
        const { data, state } = this;
        const t = textsFor(state.locale);
        const text = (l: Record<string, string>) => pick(l, state.locale, data.defaultLocale);
        const designer = state.designer === true;
        if (tab === 'metrics') return metricsView(data.metrics, state.locale, data.defaultLocale, t, designer);
        if (tab === 'journey') {
            if (data.journeys.length === 0) return el('p', { class: 'cx-muted' }, t.noJourneys);
            const journey = data.journeys.find(j => j.name === state.journey) ?? data.journeys[0];
            return el('div', {},
                this.picker('journey', data.journeys.map(j => [j.name, text(j.title) || j.name]), journey.name),
                journeyView(journey, state.locale, data.defaultLocale, t, designer, data.scored));
        }
        if (data.surveys.length === 0) return el('p', { class: 'cx-muted' }, t.noSurveys);
        const survey = data.surveys.find(s => s.name === state.survey) ?? data.surveys[0];
        if (this.surveyStale || this.surveyView.surveyName !== survey.name) {
            const saved = state.answers?.survey === survey.name ? state.answers.data : undefined;
            this.surveyView.show(survey, state.locale, data.defaultLocale, saved);
            this.surveyStale = false;
        }
        return el('div', {},
            this.picker('survey', data.surveys.map(s => [s.name, text(s.title) || s.name]), survey.name),
            el('p', { class: 'cx-muted cx-survey-meta' },
                t.questionCount(survey.questionCount, survey.estimatedSeconds),
                survey.triggerPlain ? ` · ${t.trigger}: ${text(survey.triggerPlain)}` : '',
                designer && survey.trigger ? ' ' : '', designer && survey.trigger ? el('code', {}, survey.trigger) : null),
            this.surveyView.root);
    }

    /** What the host should keep previewing: the survey or journey on show (the first unless picked). */
    private focusMessage(tab: Tab): PageMessage {
        const { data, state } = this;
        if (tab === 'survey') return { type: 'focus', kind: tab, name: state.survey ?? data.surveys[0]?.name };
        if (tab === 'journey') return { type: 'focus', kind: tab, name: state.journey ?? data.journeys[0]?.name };
        return { type: 'focus', kind: tab };
    }

    /** A select between the spec's surveys or journeys; absent when there is only one. */
    private picker(kind: 'survey' | 'journey', entries: Array<[string, string]>, current: string): Node | null {
        if (entries.length < 2) return null;
        const select = el('select', { class: 'cx-picker', 'data-picker': kind, 'aria-label': kind },
            ...entries.map(([name, title]) => el('option', { value: name }, this.state.designer ? `${title} (${name})` : title)));
        select.value = current;
        select.addEventListener('change', () => {
            this.save({ [kind]: select.value });
            this.host.post({ type: 'focus', kind, name: select.value });
            this.render();
        });
        return select;
    }

    private showBanner(message: string): void {
        const banner = document.getElementById('cx-banner');
        if (!banner) return;
        banner.textContent = `${textsFor(this.state.locale).notUpdated}: ${message}`;
        banner.hidden = false;
    }
}

function stateFor(focus: PreviewFocus, locale: string): PageState {
    return {
        tab: focus.kind,
        locale,
        survey: focus.kind === 'survey' ? focus.name ?? null : null,
        journey: focus.kind === 'journey' ? focus.name ?? null : null,
        scrollY: 0,
        answers: null,
        designer: false
    };
}
