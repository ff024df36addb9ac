/** Ids from shared/spec/taxonomy.md. Extend, never rename. */
import { STAGES } from '../stage/stages.js';

export const STAGE_IDS = STAGES;

export const TOPIC_IDS = [
  'breastfeeding',
  'formula_feeding',
  'solid_foods',
  'nutrition',
  'sleep',
  'development',
  'vaccination',
  'illness',
  'skin',
  'safety',
  'daily_care',
  'behavior',
  'dental',
  'prenatal_care',
  'postpartum_recovery',
  'mental_health',
] as const;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type StageId = (typeof STAGE_IDS)[number];
export type TopicId = (typeof TOPIC_IDS)[number];
