import type { Localized } from '@cxspec/model';

/**
 * A SurveyJS localizable string: the default locale's text under `default`, every other declared
 * locale under its own code, in the spec's locale order. Locales without a text are left out, so
 * SurveyJS falls back to `default` for them.
 */
export type SurveyText = Record<string, string>;

export function surveyText(text: Localized, locales: readonly string[], defaultLocale: string): SurveyText | undefined {
    const result: SurveyText = {};
    if (text[defaultLocale] !== undefined) result.default = text[defaultLocale];
    for (const locale of locales) {
        if (locale !== defaultLocale && text[locale] !== undefined) result[locale] = text[locale];
    }
    return Object.keys(result).length > 0 ? result : undefined;
}

/** Applies `format` to each locale's text (used to turn plain text into escaped HTML). */
export function mapText(text: SurveyText | undefined, format: (s: string) => string): SurveyText | undefined {
    if (!text) return undefined;
    return Object.fromEntries(Object.entries(text).map(([locale, s]) => [locale, format(s)]));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML property such as `completedHtml`; line breaks become `<br>`. */
export function escapeHtml(s: string): string {
    return s.replace(/[&<>"']/g, c => HTML_ESCAPES[c]).replace(/\r?\n/g, '<br>');
}
