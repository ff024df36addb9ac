/** Family profiles, the family timeline and proactive reminders. */
export {
  createFamily,
  getFamily,
  updateFamily,
  familyAllergies,
  familyView,
  familyToday,
  exportFamilies,
  eraseFamilies,
  CONSENT_PURPOSE,
  MAX_CHILDREN,
  MAX_ALLERGIES,
  MAX_ALLERGY_LENGTH,
  MAX_NICKNAME_LENGTH,
  REMINDER_TYPES,
  type Family,
  type FamilyView,
  type Child,
  type ChildInput,
  type ChildUpdate,
  type CreateFamilyInput,
  type UpdateFamilyInput,
  type OptOut,
  type ReminderType,
  type SubjectFamilyData,
} from './store.js';
export { buildTimeline, timelineNotes, TIMELINE_TYPES, type TimelineItem, type TimelineType, type TimelineFamily, type TimelineOptions } from './timeline.js';
export { allergyNotice, canonicalAllergen, normaliseAllergies, ALLERGENS } from './allergies.js';
export {
  computeDueReminders,
  startReminderJob,
  dueReminderItems,
  reminderPayload,
  DEFAULT_REMINDER_POLICY,
  REMINDER_EVENT,
  type ReminderPolicy,
  type ReminderReport,
  type ReminderRunOptions,
  type ReminderJobDeps,
} from './reminders.js';
export { TIMELINE_DATA, LOCALES, type Locale, type TimelineData, type TimelineSource } from './data.js';
export { MARKETS, marketToday, pregnancyWeekStart, dateAtAge, addDays, addMonths, type Market } from './dates.js';
