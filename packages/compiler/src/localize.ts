import { escapeHtml, type Localized } from '@cxspec/model';

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

/** Text for an HTML property such as `completedHtml`: escaped, line breaks as `<br>`. */
export function htmlLines(s: string): string {
    return escapeHtml(s).replace(/\r?\n/g, '<br>');
}
