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
import { alternatives, GramSet, gramKeys, HAN, LATIN, literalPlan, scripts } from './gate.js';
import { Scope, type Mode } from './scope.js';
import { detectLocale, normalise } from './text.js';
import type { Locale, LocalisedList, Range, Specialty, Subject, TriageLevel, TriageRule } from './types.js';

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
/** One top-level alternative of a rule's patterns, as its own regex, with its literal gate. */
interface Alt {
  re: RegExp;
  /** Position in ALTS. */
  id: number;
  /** False when the literal gate cannot tell (the regex always runs). */
  gated: boolean;
}
/** One locale's patterns of a rule. */
interface Pattern {
  /** All sources as one regex: the reference the split scan must agree with (`gather(…, false)`). */
  whole: RegExp;
  /** The top-level alternatives of all sources, in order. */
  alts: Alt[];
}
/** A range with both ends present (possibly undefined), so every range has one shape. */
interface Bounds {
  min: number | undefined;
  max: number | undefined;
}
/**
 * A rule as the evaluator reads it. Rule objects are literals of many different shapes, so
 * reading their optional fields in the hot loop goes through megamorphic property lookups;
 * this copy has every field, in one order, for every rule.
 */
interface Compiled {
  rule: TriageRule;
  /** Position in TABLE. */
  index: number;
  zh: Pattern | undefined;
  en: Pattern | undefined;
  stage: 0 | 1 | 2;
  hasPatterns: boolean;
  selfReport: boolean;
  amber: boolean;
  context: TriageRule['context'];
  ageUnknown: boolean;
  ageUnknownOk: boolean;
  ageDays: Bounds | undefined;
  pregnancyWeeks: Bounds | undefined;
  /** Fact slots (see FACT) the rule has a range for, with the range's ends (±Infinity when open). */
  factChecks: Int32Array;
  factLo: Float64Array;
  factHi: Float64Array;
  bp: { sys: number; dia: number } | undefined;
  /** allOf / anyOf / noneOf as TABLE positions. */
  allOf: Int32Array | undefined;
  anyOf: Int32Array | undefined;
  noneOf: Int32Array | undefined;
  minAmber: number | undefined;
}
const joined = (srcs: readonly string[] | undefined) => (srcs && srcs.length > 0 ? srcs.map((s) => `(?:${s})`).join('|') : undefined);

/**
 * The literal gate (gate.ts), compiled for one pass. Each alternative's plan is a list of
 * branches, each a set of clauses that must all hold; a clause holds when one of its
 * literals may occur in the text (its key n-gram is present). An alternative is open when
 * one of its branches holds; a closed one cannot match anywhere in the text.
 */
const CLAUSES: string[][] = [];
const clauseIds = new Map<string, number>();
const BRANCH_CLAUSES: number[][] = [];
const BRANCH_ALT: number[] = [];
const ALTS: Alt[] = [];

/** One-letter or two-letter Latin literals ("a", "is", "-") hold in nearly every English text. */
const weak = (lits: string[]) => lits.some((l) => l.length <= 2 && l.charCodeAt(0) < 0x80 && (l.length === 1 || l.charCodeAt(1) < 0x80));

function clauseId(lits: string[]): number {
  // literalPlan lists a clause's literals in one canonical order.
  const key = lits.join('\u0000');
  let id = clauseIds.get(key);
  if (id === undefined) {
    id = CLAUSES.length;
    CLAUSES.push(lits);
    clauseIds.set(key, id);
  }
  return id;
}
function alt(src: string): Alt {
  const plan = literalPlan(src);
  const a: Alt = { re: new RegExp(src, 'g'), id: ALTS.length, gated: plan !== null };
  ALTS.push(a);
  for (const branch of plan ?? []) {
    // Dropping a clause only lets the regex run more often, never less.
    const strong = branch.filter((lits) => !weak(lits));
    BRANCH_CLAUSES.push([...new Set((strong.length > 0 ? strong : branch).map(clauseId))]);
    BRANCH_ALT.push(a.id);
  }
  return a;
}
function pattern(srcs: readonly string[] | undefined): Pattern | undefined {
  const src = joined(srcs);
  if (src === undefined) return undefined;
  return { whole: new RegExp(src, 'g'), alts: srcs!.flatMap(alternatives).map(alt) };
}
const bounds = (r: Range | undefined): Bounds | undefined => (r === undefined ? undefined : { min: r.min, max: r.max });

/**
 * Facts read from the numbers in a message, one slot each: the highest temperature, the
 * lowest temperature, and the highest breathing rate, days of fever, hours without urine,
 * duration, vomits and stools.
 */
const FACT = { temp: 0, lowTemp: 1, breath: 2, feverDays: 3, noUrineHours: 4, duration: 5, vomits: 6, stools: 7 } as const;
const FACT_COUNT = 8;
/** Slot of the highest value of each reading kind ('bp' is kept apart). */
const MAX_SLOT: Record<ReadingKind, number> = { temp: FACT.temp, breath: FACT.breath, feverDays: FACT.feverDays, noUrineHours: FACT.noUrineHours, duration: FACT.duration, vomits: FACT.vomits, stools: FACT.stools, bp: -1 };
function factRanges(rule: TriageRule): { factChecks: Int32Array; factLo: Float64Array; factHi: Float64Array } {
  const ranges: Array<[number, Range | undefined]> = [
    [FACT.temp, rule.tempC],
    [FACT.lowTemp, rule.lowTempC],
    [FACT.breath, rule.breathRate],
    [FACT.feverDays, rule.feverDays],
    [FACT.noUrineHours, rule.noUrineHours],
    [FACT.duration, rule.durationDays],
    [FACT.vomits, rule.vomitCount],
    [FACT.stools, rule.stoolCount],
  ];
  const factLo = new Float64Array(FACT_COUNT).fill(-Infinity);
  const factHi = new Float64Array(FACT_COUNT).fill(Infinity);
  const checks: number[] = [];
  for (const [slot, r] of ranges) {
    if (r === undefined) continue;
    checks.push(slot);
    if (r.min !== undefined) factLo[slot] = r.min;
    if (r.max !== undefined) factHi[slot] = r.max;
  }
  return { factChecks: Int32Array.from(checks), factLo, factHi };
}
const RULE_LIST: readonly TriageRule[] = [...SIGNALS, ...RULES];
const POSITION = new Map(RULE_LIST.map((r, i) => [r.id, i]));
// An unknown id (the rules test forbids them) is -1: never fired.
const positions = (ids: readonly string[] | undefined) => (ids ? Int32Array.from(ids.map((id) => POSITION.get(id) ?? -1)) : undefined);
const TABLE: Compiled[] = RULE_LIST.map((rule, index) => ({
  rule,
  index,
  zh: pattern(rule.patterns?.['zh-CN']),
  en: pattern(rule.patterns?.en),
  // Base rules first, then rules built on other rules, then the amber count.
  stage: rule.minAmber !== undefined ? 2 : rule.allOf || rule.anyOf || rule.noneOf ? 1 : 0,
  hasPatterns: rule.patterns !== undefined,
  selfReport: rule.selfReport === true,
  amber: rule.amber === true,
  context: rule.context,
  ageUnknown: rule.ageUnknown === true,
  ageUnknownOk: rule.ageUnknownOk === true,
  ageDays: bounds(rule.ageDays),
  pregnancyWeeks: bounds(rule.pregnancyWeeks),
  ...factRanges(rule),
  bp: rule.bp ? { sys: rule.bp.sys, dia: rule.bp.dia } : undefined,
  allOf: positions(rule.allOf),
  anyOf: positions(rule.anyOf),
  noneOf: positions(rule.noneOf),
  minAmber: rule.minAmber,
}));
const RANK: Record<Mode, number> = { present: 0, history: 1, topic: 2 };
const MODES: readonly Mode[] = ['present', 'history', 'topic'];
/** Rank stored for "no match". */
const NONE = 3;

/**
 * The gate as two flat programs read front to back (one array each, so the pass stays in
 * the cache):
 *  - CLAUSE_PROG, per clause: the scripts all its literals need (see `scripts`), its
 *    literal count, then each literal's two n-gram keys;
 *  - BRANCH_PROG, per branch: its alternative, its clause count, then the clause ids.
 */
const CLAUSE_PROG = ((): Int32Array => {
  const out: number[] = [];
  for (const lits of CLAUSES) {
    let need = HAN | LATIN;
    for (const l of lits) need &= scripts(l);
    out.push(need, lits.length);
    for (const l of lits) out.push(...gramKeys(l));
  }
  return Int32Array.from(out);
})();
const BRANCH_PROG = ((): Int32Array => {
  const out: number[] = [];
  BRANCH_CLAUSES.forEach((cs, b) => out.push(BRANCH_ALT[b]!, cs.length, ...cs));
  return Int32Array.from(out);
})();

/**
 * Scratch state reused by every call (gather never re-enters itself), so the gate and the
 * scan allocate nothing: an alternative is open when its entry holds the current stamp.
 */
const GRAMS = new GramSet();
const clauseOk = new Uint8Array(CLAUSES.length);
const altOpen = new Uint32Array(ALTS.length);
let stamp = 0;

/** Marks the alternatives whose literal gate is open for the text GRAMS was filled with. */
function openAlts(): void {
  if (stamp === 0xffffffff) {
    stamp = 0;
    altOpen.fill(0);
  }
  const st = ++stamp;
  const present = GRAMS.scripts;
  const cp = CLAUSE_PROG;
  for (let c = 0, k = 0; k < cp.length; c++) {
    const need = cp[k]!;
    const n = cp[k + 1]!;
    let ok = 0;
    // A literal cannot occur in a text that has none of its script's characters.
    if ((need & present) === need) {
      for (let j = k + 2, end = k + 2 + 2 * n; j < end; j += 2) {
        if (GRAMS.bit(cp[j]!) && GRAMS.bit(cp[j + 1]!)) {
          ok = 1;
          break;
        }
      }
    }
    clauseOk[c] = ok;
    k += 2 + 2 * n;
  }
  const bp = BRANCH_PROG;
  for (let k = 0; k < bp.length; ) {
    const a = bp[k]!;
    const n = bp[k + 1]!;
    if (altOpen[a] !== st) {
      let all = true;
      for (let j = k + 2, end = k + 2 + n; j < end; j++) {
        if (clauseOk[bp[j]!] === 0) {
          all = false;
          break;
        }
      }
      if (all) altOpen[a] = st;
    }
    k += 2 + n;
  }
}

const MAX_ALTS = Math.max(1, ...TABLE.flatMap((t) => [t.zh?.alts.length ?? 0, t.en?.alts.length ?? 0]));
/** The open alternatives of the pattern being scanned, and each one's next match (start, length; start -1 = none, -2 = not searched). */
const openList: RegExp[] = new Array<RegExp>(MAX_ALTS);
const nextAt = new Int32Array(MAX_ALTS);
const nextLen = new Int32Array(MAX_ALTS);

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
  /** Best mode of each rule's non-negated matches, by rule id. */
  matches: Map<string, Mode>;
  readings: Array<Reading & { mode: Mode }>;
  /** The same as `matches`, as a rank (0 present, 1 history, 2 topic, 3 none) per TABLE position. */
  ranks: Uint8Array;
}

/**
 * The facts for one evaluation, in scratch buffers (no allocation, and no boxed numbers in
 * the rule loop): FACTS[slot] is NaN when no reading gives it, so every range test on it
 * fails, as a range on a missing value did. Blood pressures are (systolic, diastolic) pairs.
 */
const FACTS = new Float64Array(FACT_COUNT);
let BP = new Float64Array(16);
let bpCount = 0;

function facts(readings: Evidence['readings'], allowed: number): void {
  FACTS.fill(NaN);
  bpCount = 0;
  for (const r of readings) {
    if (RANK[r.mode] > allowed) continue;
    if (r.kind === 'bp') {
      if (2 * bpCount + 2 > BP.length) {
        const grown = new Float64Array(BP.length * 2);
        grown.set(BP);
        BP = grown;
      }
      BP[2 * bpCount] = r.value;
      BP[2 * bpCount + 1] = r.value2 ?? 0;
      bpCount++;
      continue;
    }
    const slot = MAX_SLOT[r.kind];
    const cur = FACTS[slot]!;
    if (cur !== cur || r.value > cur) FACTS[slot] = r.value;
    if (r.kind === 'temp') {
      const low = FACTS[FACT.lowTemp]!;
      if (low !== low || r.value < low) FACTS[FACT.lowTemp] = r.value;
    }
  }
}

const within = (v: number | undefined, r: Bounds | undefined) =>
  r === undefined || (v !== undefined && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));

function contextHolds(context: TriageRule['context'], c: Context): boolean {
  switch (context) {
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

/** `fired[i]` is 1 when TABLE[i] fired; `amber` counts the amber rules fired so far. */
function holds(t: Compiled, ranks: Uint8Array, c: Context, fired: Uint8Array, amber: number, allowed: number): boolean {
  if (t.hasPatterns && ranks[t.index]! > allowed) return false;
  if (!contextHolds(t.context, c)) return false;
  if (t.ageUnknown && c.ageDays !== undefined) return false;
  if (t.ageDays && !(c.ageDays === undefined ? t.ageUnknownOk : within(c.ageDays, t.ageDays))) return false;
  if (t.pregnancyWeeks && c.pregnancyWeek !== undefined && !within(c.pregnancyWeek, t.pregnancyWeeks)) return false;
  const checks = t.factChecks;
  for (let k = 0; k < checks.length; k++) {
    const slot = checks[k]!;
    const v = FACTS[slot]!;
    if (!(v >= t.factLo[slot]! && v <= t.factHi[slot]!)) return false;
  }
  if (t.bp) {
    let any = false;
    for (let k = 0; k < bpCount; k++) if (BP[2 * k]! >= t.bp.sys || BP[2 * k + 1]! >= t.bp.dia) any = true;
    if (!any) return false;
  }
  if (t.allOf) for (let k = 0; k < t.allOf.length; k++) if (!fired[t.allOf[k]!]) return false;
  if (t.anyOf) {
    let any = false;
    for (let k = 0; k < t.anyOf.length; k++) if (fired[t.anyOf[k]!]) any = true;
    if (!any) return false;
  }
  if (t.noneOf) for (let k = 0; k < t.noneOf.length; k++) if (fired[t.noneOf[k]!]) return false;
  if (t.minAmber !== undefined && amber < t.minAmber) return false;
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

/**
 * Rules that fire when findings up to `allowed` (0 present, 1 + history, 2 + topic) count,
 * written to `fired` (1 per TABLE position), which is returned.
 */
function evaluate(ranks: Uint8Array, readings: Evidence['readings'], c: Context, allowed: number, fired: Uint8Array): Uint8Array {
  facts(readings, allowed);
  fired.fill(0);
  let amber = 0;
  for (const t of ORDERED) {
    if (holds(t, ranks, c, fired, amber, allowed)) {
      fired[t.index] = 1;
      if (t.amber) amber++;
    }
  }
  return fired;
}

/** Records a match of rule `t` at [start, end); true when it is present (the scan can stop). */
function found(t: Compiled, start: number, end: number, scope: Scope, ranks: Uint8Array): boolean {
  if (scope.negated(start, end)) return false;
  const rank = RANK[scope.mode(start, end, t.selfReport)];
  if (rank < ranks[t.index]!) ranks[t.index] = rank;
  return rank === 0;
}

/** Best mode of the rule's matches of one regex; stops at the first present (non-negated) one. */
function scanWhole(t: Compiled, re: RegExp, text: string, scope: Scope, ranks: Uint8Array): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (found(t, m.index, m.index + m[0].length, scope, ranks)) return;
  }
}

/**
 * The same as `scanWhole(t, p.whole, …)`, running only the alternatives the literal gate
 * left open: the next match of the whole regex is the leftmost next match among them, the
 * earliest alternative winning a tie (see `alternatives` in gate.ts). Each alternative's
 * next match is kept until the scan passes its start.
 */
function scanAlts(t: Compiled, p: Pattern, text: string, scope: Scope, ranks: Uint8Array): void {
  let n = 0;
  for (const a of p.alts) if (!a.gated || altOpen[a.id] === stamp) openList[n++] = a.re;
  if (n === 0) return;
  if (n === 1) {
    scanWhole(t, openList[0]!, text, scope, ranks);
    return;
  }
  for (let j = 0; j < n; j++) nextAt[j] = -2;
  let from = 0;
  for (;;) {
    let best = -1;
    let bestAt = 0x7fffffff;
    for (let j = 0; j < n; j++) {
      let at = nextAt[j]!;
      if (at === -2 || (at >= 0 && at < from)) {
        const re = openList[j]!;
        re.lastIndex = from;
        const m = re.exec(text);
        at = m === null ? -1 : m.index;
        nextAt[j] = at;
        nextLen[j] = m === null ? 0 : m[0].length;
      }
      if (at >= 0 && at < bestAt) {
        bestAt = at;
        best = j;
      }
    }
    if (best < 0) return;
    const len = nextLen[best]!;
    if (len === 0) {
      from = bestAt + 1;
      continue;
    }
    if (found(t, bestAt, bestAt + len, scope, ranks)) return;
    from = bestAt + len;
  }
}

/**
 * Writes each rule's best rank to `ranks` and returns the readings (see `gather`). With
 * `gated`, GRAMS must hold the n-grams of `text`.
 */
function collect(text: string, scope: Scope, gated: boolean, ranks: Uint8Array): Evidence['readings'] {
  if (gated) openAlts();
  ranks.fill(NONE);
  for (const t of TABLE) {
    if (t.zh) {
      if (gated) scanAlts(t, t.zh, text, scope, ranks);
      else scanWhole(t, t.zh.whole, text, scope, ranks);
    }
    if (t.en && ranks[t.index] !== 0) {
      if (gated) scanAlts(t, t.en, text, scope, ranks);
      else scanWhole(t, t.en.whole, text, scope, ranks);
    }
  }
  const readings: Evidence['readings'] = [];
  for (const r of readNumbers(text, gated ? GRAMS : undefined)) {
    if (scope.negated(r.start, r.end)) continue;
    // Built field by field: objects made with a spread survive young-generation GCs in this
    // V8 (every scavenge copied them), which a plain literal does not.
    const mode = scope.mode(r.start, r.end);
    readings.push(r.value2 === undefined ? { kind: r.kind, value: r.value, start: r.start, end: r.end, mode } : { kind: r.kind, value: r.value, value2: r.value2, start: r.start, end: r.end, mode });
  }
  return readings;
}

/** `gated: false` runs each rule's whole regex (used by the test that checks the gate and the split scan change nothing). */
export function gather(text: string, scope: Scope, gated = true): Evidence {
  const ranks = new Uint8Array(TABLE.length);
  if (gated) GRAMS.fill(text);
  const readings = collect(text, scope, gated, ranks);
  const matches = new Map<string, Mode>();
  for (const t of TABLE) if (ranks[t.index]! < NONE) matches.set(t.rule.id, MODES[ranks[t.index]!]!);
  return { matches, readings, ranks };
}

/**
 * Scratch buffers for `triage`, which uses them only before it returns. Typed arrays over
 * 64 bytes live outside the JS heap; allocating them on every call made each young-generation
 * GC several times slower (they are promoted and swept), which showed up in the p99.
 */
const RANKS = new Uint8Array(TABLE.length);
const PRESENT = new Uint8Array(TABLE.length);
const WITH_HISTORY = new Uint8Array(TABLE.length);
const WITH_TOPIC = new Uint8Array(TABLE.length);

// ------------------------------------------------------------------ result
/**
 * What the result needs of a rule with a level, in one object shape for every rule (rule
 * literals come in many shapes, which made these reads megamorphic and deoptimised triage()).
 */
interface Outcome {
  id: string;
  level: TriageLevel;
  subject: Subject | 'any';
  specialty: Specialty | undefined;
  crisis: boolean;
  poison: boolean;
  /** The label in each locale, or the id where a rule has none. */
  label: Record<Locale, string>;
  firstSteps: LocalisedList | undefined;
  doNot: LocalisedList | undefined;
}
/** Rules with a level, most urgent first, table order within a level. */
const BY_LEVEL: Array<{ index: number; outcome: Outcome }> = TABLE.filter((t) => t.rule.level !== undefined)
  .sort((a, b) => ORDER[b.rule.level!] - ORDER[a.rule.level!])
  .map(({ index, rule }) => ({
    index,
    outcome: {
      id: rule.id,
      level: rule.level!,
      subject: rule.subject,
      specialty: rule.specialty,
      crisis: rule.crisis === true,
      poison: rule.poison === true,
      label: { 'zh-CN': rule.label?.['zh-CN'] ?? rule.id, en: rule.label?.en ?? rule.id },
      firstSteps: rule.firstSteps,
      doNot: rule.doNot,
    },
  }));
/** Leveled rules that fired (in BY_LEVEL order), minus those fired in `except`. */
function leveled(fired: Uint8Array, except?: Uint8Array): Outcome[] {
  const out: Outcome[] = [];
  for (const t of BY_LEVEL) if (fired[t.index] && !except?.[t.index]) out.push(t.outcome);
  return out;
}
function levelOf(fired: Uint8Array): TriageLevel {
  for (const t of BY_LEVEL) if (fired[t.index]) return t.outcome.level;
  return 'self_care';
}

const SPECIALTY_FOR: Record<Subject, Specialty> = {
  child: 'paediatrics',
  pregnancy: 'obstetrics',
  postpartum: 'obstetrics',
  parent: 'mental_health',
  unknown: 'paediatrics',
};

const about = (rules: Outcome[], subject: Subject) => rules.some((r) => r.subject === subject);

function subjectOf(top: Outcome | undefined, c: Context, now: Outcome[], past: Outcome[]): Subject {
  if (top && top.subject !== 'any') return top.subject;
  if (c.pregnant && c.ageDays === undefined) return 'pregnancy';
  if (c.postpartum && c.ageDays === undefined && !c.childNoun) return 'postpartum';
  if (c.ageDays !== undefined || c.childNoun || about(now, 'child') || about(past, 'child')) return 'child';
  if (about(now, 'parent') || about(past, 'parent')) return 'parent';
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
  // One pass records the text's n-grams; the scope's cues and the rules are gated on them.
  GRAMS.fill(text);
  const scope = new Scope(text, GRAMS);
  const c = readContext(text, input?.child, input?.today);
  const ranks = RANKS;
  const readings = collect(text, scope, true, ranks);

  // Most messages have no past or general-question findings: reuse the first evaluation.
  let history = false;
  let topic = false;
  for (let i = 0; i < ranks.length; i++) {
    if (ranks[i] === 1) history = true;
    else if (ranks[i] === 2) topic = true;
  }
  for (const r of readings) {
    if (r.mode === 'history') history = true;
    else if (r.mode === 'topic') topic = true;
  }
  const present = evaluate(ranks, readings, c, 0, PRESENT);
  const withHistory = history ? evaluate(ranks, readings, c, 1, WITH_HISTORY) : present;
  const withTopic = topic ? evaluate(ranks, readings, c, 2, WITH_TOPIC) : withHistory;
  const level = moreUrgent(levelOf(present), lessUrgent(levelOf(withHistory), 'routine'));

  const nowRules = leveled(present);
  const pastRules = leveled(withHistory, present);
  const topicRules = leveled(withTopic, withHistory);
  const top = nowRules[0] ?? pastRules[0];
  const subject = subjectOf(top, c, nowRules, pastRules);
  const specialty = top ? (top.subject === 'any' || !top.specialty ? SPECIALTY_FOR[subject] : top.specialty) : SPECIALTY_FOR[subject];

  // Plain loops: array spreads of empty and non-empty arrays deoptimised this function.
  const reasons: TriageReason[] = [];
  for (const r of nowRules) reasons.push({ code: r.id, label: r.label[locale] });
  for (const r of pastRules) reasons.push({ code: r.id, label: TEXT.history[locale] + r.label[locale] });
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


