/**
 * Life stages shared by triage, retrieval and timelines: derived from a family profile
 * (birth or due date, age in months) or read from what a parent writes.
 */
export {
  STAGES,
  type Stage,
  type ChildProfile,
  type StageInfo,
  DAYS_PER_MONTH,
  monthsToDays,
  daysToMonths,
  parseIsoDay,
  stageForAge,
  stageForPregnancyWeek,
  pregnancyWeekFromDue,
  stageFromProfile,
} from './stages.js';
export {
  readAgeFromText,
  stageFromText,
  findAgeMentions,
  summarise,
  type AgeMention,
  type AgeMentionKind,
  type AgeReading,
} from './age-text.js';
export { foldText, toSimplifiedChars } from './fold.js';
export { parseNumber, parseZhNumber, parseEnNumber, ZH_NUM, EN_NUM } from './numbers.js';
