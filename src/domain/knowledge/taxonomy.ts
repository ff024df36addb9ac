/** Ids from shared/spec/taxonomy.md. Extend, never rename. */
export const STAGE_IDS = [
  'preconception',
  'pregnancy_t1',
  'pregnancy_t2',
  'pregnancy_t3',
  'postpartum',
  'newborn',
  'infant_1_6m',
  'infant_6_12m',
  'toddler_1_3y',
  'preschool_3_6y',
] as const;

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
