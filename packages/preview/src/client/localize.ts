import type { Localized } from '@cxspec/model';

/** The text in `locale`, else in the default locale, else the first one given; '' when none. */
export function pick(text: Localized, locale: string, defaultLocale: string): string {
    return text[locale] ?? text[defaultLocale] ?? Object.values(text)[0] ?? '';
}
