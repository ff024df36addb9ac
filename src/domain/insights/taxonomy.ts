export {
  CHANNELS,
  PRODUCT_TYPES,
  MARKETS,
  COMPLIANCE_CATEGORIES,
  VERDICTS,
  type Channel,
  type ProductType,
  type Market,
  type ComplianceCategory,
  type Verdict,
} from '../taxonomy.js';
/**
 * Identifiers from shared/spec/taxonomy.md that insights group by. Kept here rather than
 * imported from the compliance and content modules so the dashboards do not break while
 * those modules change shape; the ids themselves never change (extend, never rename).
 */
export { STAGE_IDS, TOPIC_IDS } from '../knowledge/taxonomy.js';

export const TRIAGE_LEVELS = ['emergency', 'urgent', 'routine', 'self_care'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export const REVIEW_STAGES = ['content', 'compliance', 'business'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const ANSWER_MODES = ['online', 'offline', 'fixed'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** Booking steps that leave no booking row behind (the rest are read from `bookings`). */
export const BOOKING_EVENT_STEPS = ['offered', 'slots_viewed', 'slot_taken'] as const;
export type BookingEventStep = (typeof BOOKING_EVENT_STEPS)[number];

export const FEEDBACK_REASONS = ['not_relevant', 'not_accurate', 'not_clear', 'unsafe', 'other'] as const;
