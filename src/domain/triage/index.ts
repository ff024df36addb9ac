/**
 * Deterministic safety triage, run before any model. Public API (used by routes, chat and
 * the widget): keep these names and shapes stable.
 */
export type { TriageLevel, TriageRule, Locale, Subject, Specialty, Source } from './types.js';
export type { ChildProfile } from '../stage/index.js';
export { triage, moreUrgent, type TriageInput, type TriageReason, type TriageResult } from './engine.js';
export { DEFAULT_NUMBERS, type EmergencyNumbers, type TriageAction } from './actions.js';
export { RULES, SIGNALS } from './rules/index.js';
export { normalise, detectLocale } from './text.js';
