/**
 * Types for the deterministic safety triage engine. Rules are plain data (see ./rules/),
 * evaluated by ./engine.ts; nothing here depends on the HTTP layer or Node.
 */
export type TriageLevel = 'emergency' | 'urgent' | 'routine' | 'self_care';
export type Locale = 'zh-CN' | 'en';
export type Subject = 'child' | 'pregnancy' | 'postpartum' | 'parent' | 'unknown';
export type Specialty = 'paediatrics' | 'obstetrics' | 'lactation' | 'mental_health' | 'nutrition';
export type Source =
  | 'NICE NG143'
  | 'NICE CG84'
  | 'NICE NG232'
  | 'NICE NG25'
  | 'NICE NG194'
  | 'NICE NG133'
  | 'NICE NG224'
  | 'WHO IMCI'
  | 'WHO'
  | 'ACOG'
  | 'RCOG'
  | 'NHS'
  | 'AWHONN POST-BIRTH'
  | 'AAP';

export type Localised = Readonly<Record<Locale, string>>;
export type LocalisedList = Readonly<Record<Locale, readonly string[]>>;
export interface Range {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Where a rule applies:
 *  - child: the message is (or may be) about a child — a child's age or a child noun is
 *    mentioned, or nothing says it is about a pregnancy or the mother after birth;
 *  - pregnancy / postpartum: the text or the profile says so; perinatal: either.
 *  - no context: everyone (choking, seizures, blue lips, thoughts of suicide…).
 */
export type RuleContext = 'child' | 'pregnancy' | 'postpartum' | 'perinatal';

/**
 * One rule. Every condition that is present must hold (AND); `patterns` holds when any of
 * its regex sources matches the normalised text outside a negation. Regex sources must be
 * bounded (no `*`, `+` or `{n,}`), so matching stays linear in the message length.
 */
export interface TriageRule {
  readonly id: string;
  /** Omitted for signals: building blocks other rules refer to, never a reason themselves. */
  readonly level?: TriageLevel;
  /** Whom the rule is about; 'any' rules take the subject from the message. */
  readonly subject: Subject | 'any';
  readonly patterns?: { readonly 'zh-CN': readonly string[]; readonly en: readonly string[] };
  /** Ids of rules or signals that must all / at least one be present; none of noneOf. */
  readonly allOf?: readonly string[];
  readonly anyOf?: readonly string[];
  readonly noneOf?: readonly string[];
  readonly context?: RuleContext;
  /** Child age in days; fails when the age is unknown unless ageUnknownOk. */
  readonly ageDays?: Range;
  readonly ageUnknownOk?: boolean;
  /** Only when no child age is known. */
  readonly ageUnknown?: boolean;
  /** Completed weeks of pregnancy; an unknown week passes (the safe side). */
  readonly pregnancyWeeks?: Range;
  /** Highest measured temperature (°C) / lowest measured temperature (°C). */
  readonly tempC?: Range;
  readonly lowTempC?: Range;
  /** Breaths per minute counted by the parent. */
  readonly breathRate?: Range;
  /** Blood pressure: fires when systolic ≥ sys or diastolic ≥ dia. */
  readonly bp?: { readonly sys: number; readonly dia: number };
  readonly feverDays?: Range;
  readonly noUrineHours?: Range;
  /** Longest duration the message mentions for a complaint, in days. */
  readonly durationDays?: Range;
  readonly vomitCount?: Range;
  readonly stoolCount?: Range;
  /** Number of distinct amber rules that fired. */
  readonly minAmber?: number;
  /** An amber (NICE "intermediate risk") sign: counted for combinations. */
  readonly amber?: boolean;
  readonly specialty?: Specialty;
  readonly source?: Source | readonly Source[];
  readonly label?: Localised;
  readonly firstSteps?: LocalisedList;
  readonly doNot?: LocalisedList;
  /**
   * A first-person statement (thoughts of suicide or harm): conditional phrasing ("if I
   * were gone…", "如果我死了…") does not turn it into a general question.
   */
  readonly selfReport?: boolean;
  /** Add the crisis line (self-harm, harm to the baby). */
  readonly crisis?: boolean;
  /** Add poison control where the locale has a number. */
  readonly poison?: boolean;
}
