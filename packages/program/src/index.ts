export { runInvite, readOptOuts, type InviteOptions, type InviteResult } from './invite.js';
export { readEvents, eventFormatOf, parseTime, type EventFile, type EventFormat, type TouchpointEvent, type BadEvent, type BadEventReason } from './events.js';
export { planInvitations, SKIP_REASONS, type Plan, type Invitation, type Decision, type SkipReason, type History } from './plan.js';
export { InviteState } from './state.js';
export { inSample } from './sampling.js';
export { fitsLimits, type WindowLimit } from './contact.js';
export { formatInvitations, iso } from './output.js';
export { parseCsv, csvField } from './csv.js';
