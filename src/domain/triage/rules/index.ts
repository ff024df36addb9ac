/**
 * The rule table: data only. SIGNALS are building blocks without a level; RULES carry a
 * level, a source and bilingual labels. Order matters only for display: reasons and
 * first-aid steps are listed in table order within a level.
 */
import type { TriageRule } from '../types.js';
import { CHILD_RULES } from './child.js';
import { CHILD_GUT_RULES } from './child-gut.js';
import { CHILD_ILLNESS_RULES } from './child-illness.js';
import { CHILD_ROUTINE_RULES } from './child-routine.js';
import { INJURY_RULES } from './injury.js';
import { MENTAL_HEALTH_RULES } from './mental-health.js';
import { POSTPARTUM_RULES } from './postpartum.js';
import { PREGNANCY_RULES } from './pregnancy.js';
import { SIGNALS as BASE_SIGNALS } from './signals.js';

const ALL: readonly TriageRule[] = [
  ...BASE_SIGNALS,
  ...MENTAL_HEALTH_RULES,
  ...INJURY_RULES,
  ...CHILD_RULES,
  ...CHILD_ILLNESS_RULES,
  ...CHILD_GUT_RULES,
  ...PREGNANCY_RULES,
  ...POSTPARTUM_RULES,
  ...CHILD_ROUTINE_RULES,
];

export const RULES: readonly TriageRule[] = Object.freeze(ALL.filter((r) => r.level !== undefined));
export const SIGNALS: readonly TriageRule[] = Object.freeze(ALL.filter((r) => r.level === undefined));
export { GENERIC_DO_NOT, GENERIC_FIRST_STEPS } from './common.js';
