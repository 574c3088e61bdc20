import type { Localized } from '@cxspec/model';

/**
 * End labels of the NPS scale for specs that do not write their own, in the wording of the
 * standard question (Reichheld 2003) and its usual Japanese translation. Locales missing here fall
 * back to the survey's default text in SurveyJS.
 */
export const NPS_END_LABELS: { min: Localized; max: Localized } = {
    min: { en: 'Not at all likely', ja: 'まったく薦めない' },
    max: { en: 'Extremely likely', ja: '非常に薦めたい' }
};
