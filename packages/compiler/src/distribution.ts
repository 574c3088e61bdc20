/**
 * What the sending system needs to invite customers to a survey, as plain data: when (trigger
 * touchpoint and delay), whom (sampling share, quarantine) and which customer key to attach.
 */
import type { CxModel, Survey } from '@cxspec/model';
import { joinedKey } from './response-schema.js';

export function distribution(model: CxModel, survey: Survey): Record<string, unknown> {
    const trigger = survey.trigger;
    const key = joinedKey(model, survey);
    return {
        spec: model.spec.name,
        survey: survey.name,
        locales: model.spec.locales,
        defaultLocale: model.spec.defaultLocale,
        trigger: trigger
            ? { journey: trigger.journey, stage: trigger.stage, touchpoint: trigger.touchpoint, delay: trigger.delay }
            : null,
        samplePercent: trigger ? trigger.samplePercent : null,
        quarantine: trigger ? trigger.quarantine : null,
        expectedResponses: trigger ? trigger.expectedResponses : null,
        customerKey: survey.joins && key ? { dataset: survey.joins, column: key } : null
    };
}
