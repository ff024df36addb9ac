/**
 * The triage engine: normalise → find rule patterns and numbers → decide for each finding
 * whether it is negated, a general question, a past episode or present → evaluate the rule
 * table three times (present only; + past episodes, capped at routine; + general questions,
 * capped at self-care) → actions. Pure and deterministic for a given input: no I/O, and
 * the clock is read only when the profile has a birth or due date but `today` is missing
 * (the HTTP route always passes `today`). Linear in the message length.
 */
import { findAgeMentions, stageFromProfile, summarise, type ChildProfile } from '../stage/index.js';
import { DEFAULT_NUMBERS, bookAction, crisisAction, emergencyAction, poisonAction, selfCareAction, type EmergencyNumbers, type TriageAction } from './actions.js';
import { readNumbers, type Reading, type ReadingKind } from './detectors.js';
import { RULES, SIGNALS } from './rules/index.js';
import { requiredLiterals, TriggerIndex } from './gate.js';
import { Scope, type Mode } from './scope.js';
import { detectLocale, normalise } from './text.js';
import type { Locale, Range, Specialty, Subject, TriageLevel, TriageRule } from './types.js';

export interface TriageInput {
  message: string;
  locale?: Locale;
  child?: ChildProfile;
  /** YYYY-MM-DD; needed to turn a birth or due date into an age. */
  today?: string;
}
export interface TriageReason {
  code: string;
  label: string;
}
export interface TriageResult {
  level: TriageLevel;
  reasons: TriageReason[];
  actions: TriageAction[];
  locale: Locale;
  subject: Subject;
  topicQuestion: boolean;
}

const ORDER: Record<TriageLevel, number> = { self_care: 0, routine: 1, urgent: 2, emergency: 3 };


export function moreUrgent(a: TriageLevel, b: TriageLevel): TriageLevel {
  return ORDER[a] >= ORDER[b] ? a : b;
}
const lessUrgent = (a: TriageLevel, b: TriageLevel): TriageLevel => (ORDER[a] <= ORDER[b] ? a : b);

// ------------------------------------------------------------------ compiled table
interface Compiled {
  rule: TriageRule;
  zh?: RegExp;
  en?: RegExp;
  /** Literals one of which must be in the text for the regex to match (null: always run). */
  zhNeeds: string[] | null;
  enNeeds: string[] | null;
  stage: 0 | 1 | 2;
}
const joined = (srcs: readonly string[] | undefined) => (srcs && srcs.length > 0 ? srcs.map((s) => `(?:${s})`).join('|') : undefined);
const compile = (src: string | undefined) => (src === undefined ? undefined : new RegExp(src, 'g'));
const needs = (src: string | undefined) => (src === undefined ? null : requiredLiterals(src));
const TABLE: Compiled[] = [...SIGNALS, ...RULES].map((rule) => ({
  rule,
  zh: compile(joined(rule.patterns?.['zh-CN'])),
  en: compile(joined(rule.patterns?.en)),
  zhNeeds: needs(joined(rule.patterns?.['zh-CN'])),
  enNeeds: needs(joined(rule.patterns?.en)),
  // Base rules first, then rules built on other rules, then the amber count.
  stage: rule.minAmber !== undefined ? 2 : rule.allOf || rule.anyOf || rule.noneOf ? 1 : 0,
}));
const RANK: Record<Mode, number> = { present: 0, history: 1, topic: 2 };
const TRIGGERS = new TriggerIndex(TABLE.flatMap((t) => [...(t.zhNeeds ?? []), ...(t.enNeeds ?? [])]));

// ------------------------------------------------------------------ context
interface Context {
  ageDays?: number;
  pregnancyWeek?: number;
  pregnant: boolean;
  postpartum: boolean;
  childNoun: boolean;
  /** A child who is certainly born (toddler, son, 老大…), unlike a fetal "宝宝/baby". */
  bornChild: boolean;
}
const CHILD_NOUN = /宝宝|宝贝|孩子|儿子|女儿|婴儿|新生儿|小孩|娃|闺女|\b(?:baby|son|daughter|child|toddler|kid|infant|newborn|boy|girl|little one|lo)\b|\b(?:my|our)\s\d{1,2}\s?(?:yo|y\/o)\b/;

const BORN_CHILD = /儿子|女儿|老大|大宝|闺女|小孩|\b(?:toddler|son|daughter|kid|preschooler|older child|eldest)\b|\bmy\s\d{1,2}\s?(?:yo|y\/o|year)/;

function readContext(text: string, child: ChildProfile | undefined, today: string | undefined): Context {
  const r = summarise(findAgeMentions(text));
  let ageDays = r.ageDays;
  let pregnancyWeek = r.pregnancyWeek;
  let pregnant = r.pregnant === true;
  const hasDates = child !== undefined && (child.birthDate !== undefined || child.dueDate !== undefined);
  // The only clock read: a profile date with no `today` still has to become an age.
  const day = today ?? (hasDates ? new Date().toISOString().slice(0, 10) : '1970-01-01');
  const p = child && typeof child === 'object' ? stageFromProfile(child, day) : undefined;
  if (p?.ageDays !== undefined) ageDays = ageDays === undefined ? p.ageDays : Math.min(ageDays, p.ageDays);
  if (p?.pregnancyWeek !== undefined) {
    pregnant = true;
    pregnancyWeek ??= p.pregnancyWeek;
  }
  return { ageDays, pregnancyWeek, pregnant, postpartum: r.postpartum === true, childNoun: CHILD_NOUN.test(text), bornChild: BORN_CHILD.test(text) };
}

// ------------------------------------------------------------------ evaluation
export interface Evidence {
  matches: Map<string, Mode>;
  readings: Array<Reading & { mode: Mode }>;
}

interface Facts {
  max: Partial<Record<ReadingKind, number>>;
  minTemp?: number;
  bp: Array<[number, number]>;
}

function facts(readings: Evidence['readings'], allowed: number): Facts {
  const f: Facts = { max: {}, bp: [] };
  for (const r of readings) {
    if (RANK[r.mode] > allowed) continue;
    if (r.kind === 'bp') f.bp.push([r.value, r.value2 ?? 0]);
    const cur = f.max[r.kind];
    if (cur === undefined || r.value > cur) f.max[r.kind] = r.value;
    if (r.kind === 'temp' && (f.minTemp === undefined || r.value < f.minTemp)) f.minTemp = r.value;
  }
  return f;
}

const inRange = (v: number | undefined, r: Range | undefined) => r === undefined || (v !== undefined && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));

function contextHolds(rule: TriageRule, c: Context): boolean {
  switch (rule.context) {
    case undefined:
      return true;
    case 'pregnancy':
      return c.pregnant;
    case 'postpartum':
      return c.postpartum;
    case 'perinatal':
      return c.pregnant || c.postpartum;
    case 'child':
      // Fetal "宝宝" in a pregnancy message is not a child; after birth a child noun is.
      return c.ageDays !== undefined || c.bornChild || !(c.pregnant || c.postpartum) || (c.postpartum && !c.pregnant && c.childNoun);
  }
}

function holds(rule: TriageRule, ev: Evidence, f: Facts, c: Context, fired: Set<string>, allowed: number): boolean {
  if (rule.patterns) {
    const m = ev.matches.get(rule.id);
    if (m === undefined || RANK[m] > allowed) return false;
  }
  if (!contextHolds(rule, c)) return false;
  if (rule.ageUnknown && c.ageDays !== undefined) return false;
  if (rule.ageDays && !(c.ageDays === undefined ? rule.ageUnknownOk === true : inRange(c.ageDays, rule.ageDays))) return false;
  if (rule.pregnancyWeeks && c.pregnancyWeek !== undefined && !inRange(c.pregnancyWeek, rule.pregnancyWeeks)) return false;
  if (!inRange(f.max.temp, rule.tempC) || !inRange(f.minTemp, rule.lowTempC)) return false;
  if (!inRange(f.max.breath, rule.breathRate) || !inRange(f.max.feverDays, rule.feverDays)) return false;
  if (!inRange(f.max.noUrineHours, rule.noUrineHours) || !inRange(f.max.duration, rule.durationDays)) return false;
  if (!inRange(f.max.vomits, rule.vomitCount) || !inRange(f.max.stools, rule.stoolCount)) return false;
  if (rule.bp && !f.bp.some(([s, d]) => s >= rule.bp!.sys || d >= rule.bp!.dia)) return false;
  if (rule.allOf) for (const id of rule.allOf) if (!fired.has(id)) return false;
  if (rule.anyOf) {
    let any = false;
    for (const id of rule.anyOf) if (fired.has(id)) any = true;
    if (!any) return false;
  }
  if (rule.noneOf) for (const id of rule.noneOf) if (fired.has(id)) return false;
  if (rule.minAmber !== undefined) {
    let n = 0;
    for (const id of fired) if (AMBER.has(id)) n++;
    if (n < rule.minAmber) return false;
  }
  return true;
}

/**
 * Evaluation order: base rules (patterns and numbers only), then rules built on other
 * rules in dependency order (so one pass suffices), then the amber count.
 */
function dependencyOrder(list: Compiled[]): Compiled[] {
  const byId = new Map(list.map((t) => [t.rule.id, t]));
  const out: Compiled[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (t: Compiled) => {
    const st = state.get(t.rule.id);
    if (st === 2) return;
    if (st === 1) throw new Error(`triage rules: dependency cycle at ${t.rule.id}`);
    state.set(t.rule.id, 1);
    for (const id of [...(t.rule.allOf ?? []), ...(t.rule.anyOf ?? []), ...(t.rule.noneOf ?? [])]) {
      const dep = byId.get(id);
      if (dep) visit(dep);
    }
    state.set(t.rule.id, 2);
    out.push(t);
  };
  list.forEach(visit);
  return out;
}
const ORDERED: Compiled[] = [
  ...TABLE.filter((t) => t.stage === 0),
  ...dependencyOrder(TABLE.filter((t) => t.stage === 1)),
  ...TABLE.filter((t) => t.stage === 2),
];
const AMBER = new Set(TABLE.filter((t) => t.rule.amber).map((t) => t.rule.id));

/** Rule ids that fire when findings up to `allowed` (0 present, 1 + history, 2 + topic) count. */
function evaluate(ev: Evidence, c: Context, allowed: number): Set<string> {
  const f = facts(ev.readings, allowed);
  const fired = new Set<string>();
  for (const t of ORDERED) if (holds(t.rule, ev, f, c, fired, allowed)) fired.add(t.rule.id);
  return fired;
}

function can(found: Set<string> | undefined, need: string[] | null): boolean {
  if (found === undefined || need === null) return true;
  for (let i = 0; i < need.length; i++) if (found.has(need[i]!)) return true;
  return false;
}

/** Best mode of the rule's matches; stops at the first present (non-negated) one. */
function scan(t: Compiled, re: RegExp, text: string, scope: Scope, matches: Map<string, Mode>): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    if (scope.negated(m.index, end)) continue;
    const mode = scope.mode(m.index, end, t.rule.selfReport === true);
    const prev = matches.get(t.rule.id);
    if (prev === undefined || RANK[mode] < RANK[prev]) matches.set(t.rule.id, mode);
    if (mode === 'present') return;
  }
}

/** `gated: false` runs every regex (used by the test that checks the gate changes nothing). */
export function gather(text: string, scope: Scope, gated = true): Evidence {
  const found = gated ? TRIGGERS.find(text) : undefined;
  const matches = new Map<string, Mode>();
  for (const t of TABLE) {
    if (t.zh && can(found, t.zhNeeds)) scan(t, t.zh, text, scope, matches);
    if (t.en && matches.get(t.rule.id) !== 'present' && can(found, t.enNeeds)) scan(t, t.en, text, scope, matches);
  }
  const readings: Evidence['readings'] = [];
  for (const r of readNumbers(text)) {
    if (scope.negated(r.start, r.end)) continue;
    readings.push({ ...r, mode: scope.mode(r.start, r.end) });
  }
  return { matches, readings };
}

// ------------------------------------------------------------------ result
/** Rules with a level, most urgent first, table order within a level. */
const BY_LEVEL: TriageRule[] = TABLE.map((t) => t.rule)
  .filter((r) => r.level !== undefined)
  .sort((a, b) => ORDER[b.level!] - ORDER[a.level!]);
const leveled = (fired: Set<string>): TriageRule[] => BY_LEVEL.filter((r) => fired.has(r.id));
const levelOf = (fired: Set<string>): TriageLevel => leveled(fired)[0]?.level ?? 'self_care';

const SPECIALTY_FOR: Record<Subject, Specialty> = {
  child: 'paediatrics',
  pregnancy: 'obstetrics',
  postpartum: 'obstetrics',
  parent: 'mental_health',
  unknown: 'paediatrics',
};

function subjectOf(top: TriageRule | undefined, c: Context, all: TriageRule[]): Subject {
  if (top && top.subject !== 'any') return top.subject;
  if (c.pregnant && c.ageDays === undefined) return 'pregnancy';
  if (c.postpartum && c.ageDays === undefined && !c.childNoun) return 'postpartum';
  if (c.ageDays !== undefined || c.childNoun || all.some((r) => r.subject === 'child')) return 'child';
  if (all.some((r) => r.subject === 'parent')) return 'parent';
  return 'unknown';
}

const TEXT = {
  history: { 'zh-CN': '既往发作：', en: 'Past episode: ' },
  topic: { 'zh-CN': '这是一般性的知识问题，没有描述正在发生的症状', en: 'A general question; no current symptom described' },
  none: { 'zh-CN': '未发现危险信号', en: 'No red flags found' },
} as const;

export function triage(input: TriageInput, opts?: { numbers?: EmergencyNumbers }): TriageResult {
  const message = typeof input?.message === 'string' ? input.message : '';
  const locale: Locale = input?.locale === 'en' || input?.locale === 'zh-CN' ? input.locale : detectLocale(message);
  const numbers = opts?.numbers ?? DEFAULT_NUMBERS[locale];
  const text = normalise(message);
  const scope = new Scope(text);
  const c = readContext(text, input?.child, input?.today);
  const ev = gather(text, scope);

  // Most messages have no past or general-question findings: reuse the first evaluation.
  const modes = new Set<Mode>([...ev.matches.values(), ...ev.readings.map((r) => r.mode)]);
  const present = evaluate(ev, c, 0);
  const withHistory = modes.has('history') ? evaluate(ev, c, 1) : present;
  const withTopic = modes.has('topic') ? evaluate(ev, c, 2) : withHistory;
  const level = moreUrgent(levelOf(present), lessUrgent(levelOf(withHistory), 'routine'));

  const nowRules = leveled(present);
  const pastRules = leveled(withHistory).filter((r) => !present.has(r.id));
  const topicRules = leveled(withTopic).filter((r) => !withHistory.has(r.id));
  const top = nowRules[0] ?? pastRules[0];
  const subject = subjectOf(top, c, [...nowRules, ...pastRules]);
  const specialty = top ? (top.subject === 'any' || !top.specialty ? SPECIALTY_FOR[subject] : top.specialty) : SPECIALTY_FOR[subject];

  const reasons: TriageReason[] = [
    ...nowRules.map((r) => ({ code: r.id, label: r.label?.[locale] ?? r.id })),
    ...pastRules.map((r) => ({ code: r.id, label: TEXT.history[locale] + (r.label?.[locale] ?? r.id) })),
  ];
  const topicQuestion = topicRules.length > 0;
  if (topicQuestion) reasons.push({ code: 'topic_question', label: TEXT.topic[locale] });
  if (reasons.length === 0) reasons.push({ code: 'no_red_flags', label: TEXT.none[locale] });

  const actions: TriageAction[] = [];
  if (level === 'emergency') actions.push(emergencyAction(nowRules.filter((r) => r.level === 'emergency'), locale, numbers));
  if (nowRules.some((r) => r.crisis)) actions.push(crisisAction(locale, numbers));
  if (level === 'emergency' && nowRules.some((r) => r.poison) && numbers.poison) actions.push(poisonAction(locale, numbers.poison));
  if (level === 'urgent') actions.push(bookAction(specialty, 'today', locale, numbers));
  if (level === 'routine') actions.push(bookAction(specialty, 'days', locale, numbers));
  if (level === 'self_care') actions.push(selfCareAction(locale));

  return { level, reasons, actions, locale, subject, topicQuestion };
}


