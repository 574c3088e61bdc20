import type { Localized } from '@cxspec/model';
import { normalizeText } from './text-similarity.js';

export interface LocaleChange {
    locale: string;
    before: string | undefined;
    after: string | undefined;
    /** Only case, whitespace or punctuation differ. */
    cosmetic: boolean;
}

/** The locales whose text differs between two versions, in the new version's locale order. */
export function localizedChanges(before: Localized, after: Localized): LocaleChange[] {
    const locales = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return locales
        .filter(l => before[l] !== after[l])
        .map(l => ({
            locale: l,
            before: before[l],
            after: after[l],
            cosmetic: before[l] !== undefined && after[l] !== undefined && normalizeText(before[l]) === normalizeText(after[l])
        }));
}
