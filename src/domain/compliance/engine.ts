import { Automaton } from './automaton.js';
import { FAST_FOLD_GATE, fullFold, lowerCaseFold, normalisePattern, toOriginal, type Normalised } from './normalise.js';
import type { CustomRule, Groups, Mod, PackDef, PairRule, Rule, TermSpec } from './rules/model.js';
import { STRICT_TYPES } from './rules/model.js';
import type { CheckInput, Finding, Market, Severity } from './types.js';

/**
 * The engine: one automaton per market pack, built once; per check one normalisation pass,
 * one automaton pass, then rules over the hits. Every rule is linear in the number of hits
 * (with a log factor for the window look-ups), never in the text.
 */

interface Entry {
  g: number;
  spec: TermSpec;
  lb: boolean;
  rb: boolean;
}
/**
 * What each automaton pattern stands for, flattened: pattern p's entries (one per group the
 * term is listed in) are entries [first[p], first[p + 1]).
 */
interface PatternTable {
  len: Int32Array;
  first: Int32Array;
  /** 1 when some entry of the pattern needs a word boundary on either side */
  bounded: Uint8Array;
  group: Int32Array;
  /** bit 0: needs a word boundary on the left; bit 1: on the right */
  wb: Uint8Array;
  spec: TermSpec[];
  /** break kind when the pattern is a break character (see BREAK_UNITS), else 0 */
  brk: Uint8Array;
}
export interface Hit {
  s: number;
  e: number;
  spec: TermSpec;
}

export interface CompiledPack {
  market: Market;
  rules: readonly Rule[];
  automaton: Automaton;
  patterns: PatternTable;
  groupIds: Map<string, number>;
  groupCount: number;
  /** 1 for trigger groups (allow-list words suppress them), 0 for context and allow groups */
  suppressible: Uint8Array;
  allowGroups: number[];
  allowNonCosmetic: number;
  /** every normalised trigger term with its group, for the naive baseline in the benchmark */
  terms: { group: string; term: string }[];
  /** group ids of the context lists modifiers read (CTX), resolved once per pack */
  ctxIds: Record<CtxKey, Int32Array>;
  /** per rule: the group ids it is skipped by (term: group, -1; pair: anchor, partner; custom: -1, -1) */
  ruleIds: Int32Array;
}

/** Findings of one rule/severity beyond this are dropped: a 200 KB wall of 最好 needs 50 markers, not 30 000. */
export const MAX_FINDINGS_PER_RULE = 50;

const isAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xc0 && c <= 0x24f);

/** Packs that read the same term groups share one automaton (US, EU and UK do). */
const compiledGroups = new WeakMap<Groups, Omit<CompiledPack, 'market' | 'rules' | 'ruleIds'>>();

export function compilePack(def: PackDef): CompiledPack {
  for (const r of def.rules) {
    for (const gname of ruleGroups(r)) if (!(gname in def.groups)) throw new Error(`rule ${r.id} reads unknown group ${gname}`);
  }
  let shared = compiledGroups.get(def.groups);
  if (!shared) {
    shared = compileGroups(def.groups);
    compiledGroups.set(def.groups, shared);
  }
  const ruleIds = new Int32Array(def.rules.length * 2).fill(-1);
  def.rules.forEach((r, i) => {
    if (r.kind === 'term') ruleIds[2 * i] = shared.groupIds.get(r.group)!;
    else if (r.kind === 'pair') {
      ruleIds[2 * i] = shared.groupIds.get(r.anchor)!;
      ruleIds[2 * i + 1] = shared.groupIds.get(r.partner)!;
    }
  });
  return { market: def.market, rules: def.rules, ...shared, ruleIds };
}

function compileGroups(groups: Groups): Omit<CompiledPack, 'market' | 'rules' | 'ruleIds'> {
  const groupIds = new Map<string, number>();
  const byPattern = new Map<string, number>();
  const patterns: { len: number; entries: Entry[] }[] = [];
  const strings: string[] = [];
  const terms: { group: string; term: string }[] = [];
  for (const [name, list] of Object.entries(groups)) {
    const g = groupIds.size;
    groupIds.set(name, g);
    for (const term of list) {
      const spec: TermSpec = typeof term === 'string' ? { t: term } : term;
      const norm = normalisePattern(spec.t);
      if (norm.length === 0) continue;
      let pid = byPattern.get(norm);
      if (pid === undefined) {
        pid = patterns.length;
        byPattern.set(norm, pid);
        patterns.push({ len: norm.length, entries: [] });
        strings.push(norm);
      }
      const wb = spec.wb ?? 'both';
      patterns[pid]!.entries.push({
        g,
        spec,
        lb: (wb === 'both' || wb === 'left') && isAlnum(norm.charCodeAt(0)),
        rb: (wb === 'both' || wb === 'right') && isAlnum(norm.charCodeAt(norm.length - 1)),
      });
      if (!name.startsWith('ctx.') && !name.startsWith('allow')) terms.push({ group: name, term: norm });
    }
  }
  const suppressible = new Uint8Array(groupIds.size);
  const allowGroups: number[] = [];
  for (const [name, g] of groupIds) {
    if (name.startsWith('allow')) allowGroups.push(g);
    else if (!name.startsWith('ctx.')) suppressible[g] = 1;
  }
  // Break characters are patterns too, so the automaton pass finds clause, sentence and line
  // breaks on the way (a second pass over the text cost as much as a tenth of a check).
  const breakOf = new Map<number, number>();
  for (const [unit, kind] of BREAK_UNITS) {
    let pid = byPattern.get(unit);
    if (pid === undefined) {
      pid = patterns.length;
      byPattern.set(unit, pid);
      patterns.push({ len: 1, entries: [] });
      strings.push(unit);
    }
    breakOf.set(pid, kind);
  }
  const entryCount = patterns.reduce((k, p) => k + p.entries.length, 0);
  const table: PatternTable = {
    len: new Int32Array(patterns.length),
    first: new Int32Array(patterns.length + 1),
    bounded: new Uint8Array(patterns.length),
    group: new Int32Array(entryCount),
    wb: new Uint8Array(entryCount),
    spec: [],
    brk: new Uint8Array(patterns.length),
  };
  for (const [pid, kind] of breakOf) table.brk[pid] = kind;
  let q = 0;
  patterns.forEach((p, pid) => {
    table.len[pid] = p.len;
    table.first[pid] = q;
    for (const en of p.entries) {
      table.group[q] = en.g;
      table.wb[q] = (en.lb ? 1 : 0) | (en.rb ? 2 : 0);
      if (en.lb || en.rb) table.bounded[pid] = 1;
      table.spec.push(en.spec);
      q++;
    }
  });
  table.first[patterns.length] = q;
  return {
    automaton: new Automaton(strings),
    patterns: table,
    groupIds,
    groupCount: groupIds.size,
    suppressible,
    allowGroups,
    allowNonCosmetic: groupIds.get('allow.nonCosmetic') ?? -1,
    terms,
    ctxIds: Object.fromEntries(
      Object.entries(CTX).map(([k, names]) => [k, Int32Array.from(names.flatMap((name) => (groupIds.has(name) ? [groupIds.get(name)!] : [])))]),
    ) as Record<CtxKey, Int32Array>,
  };
}

/** Groups a rule reads (custom rules name theirs in params: values containing a dot). */
function ruleGroups(r: Rule): string[] {
  if (r.kind === 'term') return [r.group];
  if (r.kind === 'pair') return [r.anchor, r.partner];
  const p = r.params ?? {};
  return Object.values(p).flatMap((v) => (typeof v === 'string' && /^[a-z]/.test(v) && v.includes('.') ? [v] : Array.isArray(v) ? (v.filter((x) => typeof x === 'string' && x.includes('.')) as string[]) : []));
}

// ---------------------------------------------------------------------------------------
// Segmentation: clauses, sentences and lines of the normalised text, as sorted start
// positions; a position's segment is found by binary search. One pass, no per-char arrays.

interface Segments {
  clauses: Int32Array;
  sentences: Int32Array;
  lines: Int32Array;
  n: number;
}

/**
 * Break characters and their kind (1 clause, 2 sentence, 3 sentence and line; BREAK_DOT: '.'
 * ends a sentence unless a letter or digit follows, as in 4.5 or e.g). Found by the automaton.
 */
const BREAK_DOT = 4 | 2;
/** Digits are found the same way: the data-claim detector reads where runs of figures start. */
const MARK_DIGIT = 16;
const BREAK_UNITS: readonly [string, number][] = [
  ...[...'0123456789'].map((d): [string, number] => [d, MARK_DIGIT]),
  ['\n', 3],
  ['。', 2],
  ['!', 2],
  ['?', 2],
  [';', 2],
  ['｡', 2],
  ['.', BREAK_DOT],
  [',', 1],
  [':', 1],
  ['…', 1],
];

// Segment starts of the current check, written by collectHits into reused scratch arrays
// (index 0 is the text start); the Segments handed to rules are views, valid during the check.
let clauseScratch = new Int32Array(1024);
let sentenceScratch = new Int32Array(1024);
let lineScratch = new Int32Array(1024);
/** where runs of figures start ("1,024", "2024"), in text order */
let digitScratch = new Int32Array(1024);

/** index of the last start <= pos */
function segIndex(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
function segBounds(starts: Int32Array, n: number, pos: number, extra = 0): [number, number] {
  const k = segIndex(starts, pos);
  const last = Math.min(k + extra, starts.length - 1);
  return [starts[k]!, last + 1 < starts.length ? starts[last + 1]! : n];
}

// ---------------------------------------------------------------------------------------

export interface RawFinding {
  rule: Rule;
  sev: Severity;
  s: number;
  e: number;
  rep?: string;
}

const ORDER: Record<Severity, number> = { advisory: 0, review: 1, block: 2 };
const maxSev = (a: Severity, b: Severity): Severity => (ORDER[a] >= ORDER[b] ? a : b);
const minSev = (a: Severity, b: Severity): Severity => (ORDER[a] <= ORDER[b] ? a : b);

/** What opens a footnote line (the text is normalised: lower case, half-width). */
const FOOTNOTE_OPENERS = ['*', '※', '†', '‡', '注:', '数据来源', '来源:', '资料来源', 'source:', 'sources:', 'footnote'];
const FOOTNOTE_FIRST = new Set(FOOTNOTE_OPENERS.map((m) => m.charCodeAt(0)));

/** Per-check state handed to rules and modifiers. */
export class Ctx {
  readonly t: string;
  readonly hits: Hit[][];
  private footnoteLines: Set<number> | undefined;
  constructor(
    readonly pack: CompiledPack,
    readonly input: CheckInput,
    readonly norm: Normalised,
    hits: Hit[][],
    readonly segs: Segments,
    /** where each run of figures starts: a digit after neither a digit nor a digit and a comma */
    readonly digitRuns: Int32Array,
  ) {
    this.t = norm.text;
    this.hits = hits;
  }
  group(name: string): Hit[] {
    const g = this.pack.groupIds.get(name);
    return g === undefined ? EMPTY : this.hits[g]!;
  }
  /** hits of a group by id (ids from pack.ctxIds / pack.ruleIds) */
  list(g: number): Hit[] {
    return g < 0 ? EMPTY : this.hits[g]!;
  }
  /** anyIn over group ids */
  anyInIds(ids: Int32Array, a: number, b: number): Hit | undefined {
    for (let k = 0; k < ids.length; k++) {
      const list = this.hits[ids[k]!]!;
      if (list.length === 0) continue;
      const h = list[Ctx.lower(list, a)];
      if (h && h.s < b) return h;
    }
    return undefined;
  }
  /** anywhere over group ids */
  anywhereIds(ids: Int32Array): Hit | undefined {
    for (let k = 0; k < ids.length; k++) {
      const h = this.hits[ids[k]!]![0];
      if (h) return h;
    }
    return undefined;
  }
  /** before over group ids */
  beforeIds(ids: Int32Array, pos: number, gap: number): Hit | undefined {
    let from = -1;
    for (let k = 0; k < ids.length; k++) {
      const list = this.hits[ids[k]!]!;
      if (list.length === 0) continue;
      if (from < 0) from = Math.max(this.clauseBounds(pos)[0], pos - gap - 40);
      for (let i = Ctx.lower(list, from); i < list.length; i++) {
        const h = list[i]!;
        if (h.s >= pos) break;
        if (h.e <= pos && h.e >= pos - gap) return h;
      }
    }
    return undefined;
  }
  /** first index in a start-sorted hit list whose start >= pos */
  static lower(list: Hit[], pos: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.s < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** a hit of any of the groups starting within [a, b) */
  anyIn(groups: readonly string[], a: number, b: number): Hit | undefined {
    for (const name of groups) {
      const list = this.group(name);
      const i = Ctx.lower(list, a);
      const h = list[i];
      if (h && h.s < b) return h;
    }
    return undefined;
  }
  anywhere(groups: readonly string[]): Hit | undefined {
    for (const name of groups) {
      const h = this.group(name)[0];
      if (h) return h;
    }
    return undefined;
  }
  clauseBounds(pos: number): [number, number] {
    const s = this.segs;
    return segBounds(s.clauses, s.n, pos);
  }
  sentenceBounds(pos: number): [number, number] {
    const s = this.segs;
    return segBounds(s.sentences, s.n, pos);
  }
  /** the sentence of pos and the one after it (sources and samples often follow the claim) */
  sentenceAndNext(pos: number): [number, number] {
    const s = this.segs;
    return segBounds(s.sentences, s.n, pos, 1);
  }
  lineOf(pos: number): number {
    return segIndex(this.segs.lines, pos);
  }
  lineBounds(line: number): [number, number] {
    const l = this.segs.lines;
    return [l[line]!, line + 1 < l.length ? l[line + 1]! : this.t.length];
  }
  /** a hit of the groups that ends within `gap` characters before pos, in the same clause */
  before(groups: readonly string[], pos: number, gap: number): Hit | undefined {
    const [cs] = this.clauseBounds(pos);
    const from = Math.max(cs, pos - gap - 40);
    for (const name of groups) {
      const list = this.group(name);
      for (let i = Ctx.lower(list, from); i < list.length; i++) {
        const h = list[i]!;
        if (h.s >= pos) break;
        if (h.e <= pos && h.e >= pos - gap) return h;
      }
    }
    return undefined;
  }
  /**
   * Lines that are footnotes ("*数据来源：…", "Source: …", "† …"). Found by looking at line
   * starts only when a rule asks: a footnote marker mid-line (markdown bold, bullets) is not one.
   */
  footnotes(): number[] {
    return [...this.footnoteSet()];
  }
  private footnoteSet(): Set<number> {
    if (!this.footnoteLines) {
      const set = new Set<number>();
      const lines = this.segs.lines;
      const t = this.t;
      for (let line = 0; line < lines.length; line++) {
        let k = lines[line]!;
        while (k < t.length && t.charCodeAt(k) === 0x20) k++;
        // only lines whose first character opens some marker are compared in full
        if (k < t.length && FOOTNOTE_FIRST.has(t.charCodeAt(k)) && FOOTNOTE_OPENERS.some((m) => t.startsWith(m, k))) set.add(line);
      }
      this.footnoteLines = set;
    }
    return this.footnoteLines;
  }
  isFootnoteLine(line: number): boolean {
    return this.footnoteSet().has(line);
  }
  /** any hit of the groups inside a footnote line (memoised per group list) */
  inFootnote(groups: readonly string[]): boolean {
    const key = groups.join('|');
    const hit = this.footnoteMemo.get(key);
    if (hit !== undefined) return hit;
    let found = false;
    if (this.footnoteSet().size > 0) {
      outer: for (const name of groups) for (const h of this.group(name)) if (this.isFootnoteLine(this.lineOf(h.s))) {
        found = true;
        break outer;
      }
    }
    this.footnoteMemo.set(key, found);
    return found;
  }
  private readonly footnoteMemo = new Map<string, boolean>();
}

// ---------------------------------------------------------------------------------------
// Gates and modifiers

function gateOpen(rule: Rule, input: CheckInput): boolean {
  const g = rule.gate;
  if (!g) return true;
  const pt = input.productType;
  if (g.productTypes) {
    if (pt === undefined) {
      if (!g.unknownProductType) return false;
    } else if (!g.productTypes.includes(pt)) return false;
  }
  if (g.notProductTypes && pt !== undefined && g.notProductTypes.includes(pt)) return false;
  if (pt === undefined && g.unknownProductType === false) return false;
  if (g.channels && (input.channel === undefined || !g.channels.includes(input.channel))) return false;
  if (g.notChannels && input.channel !== undefined && g.notChannels.includes(input.channel)) return false;
  if (g.stages) {
    const st = input.formulaStage ?? 'unknown';
    if (!g.stages.includes(st)) return false;
  }
  return true;
}

const CTX = {
  breast: ['ctx.breast', 'ctx.breast.en'],
  self: ['ctx.self'],
  prodref: ['ctx.prodref'],
  edu: ['ctx.edu', 'ctx.edu.en'],
  neg: ['ctx.neg', 'ctx.neg.en'],
  risk: ['ctx.risk', 'ctx.risk.en'],
  guide: ['ctx.guide'],
  time: ['ctx.time', 'ctx.time.en'],
  place: ['ctx.place', 'ctx.place.en'],
  source: ['ctx.source', 'ctx.source.en'],
  patentNo: ['ctx.patentNo'],
  xiaozi: ['ctx.xiaozi'],
  usageNoun: ['ctx.usageNoun'],
  minorAddress: ['minor.address', 'minor.address.en'],
  medVerb: ['med.verb', 'med.verbNot'],
} as const;
type CtxKey = keyof typeof CTX;

/** Apply a rule's modifiers to one candidate; null = suppressed. */
function applyMods(ctx: Ctx, mods: readonly Mod[], s: number, e: number, sev: Severity, spec: TermSpec | undefined): Severity | null {
  const kind = spec?.kind;
  const latin = isAlnum(ctx.t.charCodeAt(s)) && ctx.pack.market !== 'CN';
  const C = ctx.pack.ctxIds;
  for (const m of mods) {
    switch (m) {
      case 'negation': {
        if (ctx.beforeIds(C.neg, s, latin ? 30 : 8)) return null;
        break;
      }
      case 'edu': {
        const [a, b] = ctx.sentenceBounds(s);
        if (ctx.anyInIds(C.edu, a, b)) return null;
        break;
      }
      case 'risk': {
        const [a, b] = ctx.sentenceBounds(s);
        if (ctx.anyInIds(C.risk, a, b)) return null;
        break;
      }
      case 'breast': {
        if (kind === 'rank' || kind === 'price') break;
        const [a, b] = ctx.clauseBounds(s);
        if (ctx.anyInIds(C.breast, a, b)) return null;
        break;
      }
      case 'selfcmp': {
        if (kind !== 'quality') break;
        const [a, b] = ctx.sentenceBounds(s);
        if (ctx.anyInIds(C.self, a, b)) return null;
        break;
      }
      case 'guideline': {
        const [a, b] = ctx.sentenceBounds(s);
        if (ctx.anyInIds(C.guide, a, b)) return null;
        break;
      }
      case 'live': {
        if (ctx.input.channel !== 'douyin_live_script') break;
        if (kind === 'rank' || kind === 'price') break;
        if (kind === 'efficacy' && ctx.input.productType !== undefined && (STRICT_TYPES as readonly string[]).includes(ctx.input.productType)) break;
        const [a, b] = ctx.clauseBounds(s);
        if (!ctx.anyInIds(C.prodref, a, b)) sev = minSev(sev, 'review');
        break;
      }
      case 'rankBound': {
        if (kind !== 'rank') break;
        const [a, b] = ctx.sentenceAndNext(s);
        const bounded =
          (ctx.anyInIds(C.time, a, b) || ctx.inFootnote(CTX.time)) &&
          (ctx.anyInIds(C.place, a, b) || ctx.inFootnote(CTX.place)) &&
          (ctx.anyInIds(C.source, a, b) || ctx.inFootnote(CTX.source));
        if (bounded) sev = minSev(sev, ctx.pack.market === 'CN' ? 'review' : 'advisory');
        break;
      }
      case 'soft': {
        // 最爱/最喜欢 are feelings, not product claims, unless they attach to the product
        if (kind !== 'soft') break;
        if (ctx.input.commercial === false) return null;
        const [a, b] = ctx.sentenceBounds(s);
        if (!ctx.anyInIds(C.prodref, a, b)) return null;
        break;
      }
      case 'usage': {
        if (spec?.usage === 'adverb' && isAdverbialBest(ctx.t, s, e)) return null;
        if (spec?.usage === 'optimal') {
          const [, b] = ctx.clauseBounds(s);
          if (ctx.anyInIds(C.usageNoun, e, Math.min(b, e + 4))) return null;
        }
        break;
      }
      case 'negationAfter': {
        const [, b] = ctx.clauseBounds(s);
        if (ctx.anyInIds(C.neg, e, Math.min(b, e + (latin ? 24 : 6)))) return null;
        break;
      }
      case 'commercialOnly':
        if (ctx.input.commercial === false) return null;
        break;
      case 'childAddress':
        if (!ctx.anywhereIds(C.minorAddress)) return null;
        break;
      case 'notAfterVerb':
        if (ctx.beforeIds(C.medVerb, s, 6)) return null;
        break;
      case 'patentNo':
        if (ctx.anywhereIds(C.patentNo)) return null;
        break;
      case 'xiaozi':
        if (ctx.anywhereIds(C.xiaozi)) return null;
        break;
      case 'educationChannel': {
        // General health education in an article, not tied to the product: a claim only if
        // the article is commercial, and then one a reviewer should read in context.
        if (ctx.input.channel !== 'wechat_article') break;
        const [a, b] = ctx.sentenceBounds(s);
        if (!ctx.anyInIds(C.prodref, a, b)) {
          if (ctx.input.commercial === false) return null;
          sev = minSev(sev, 'review');
        }
        break;
      }
    }
  }
  return sev;
}

/**
 * 最好 as advice ("最好遵医嘱", "转奶最好循序渐进") versus 最好 as a claim ("最好的", "质量最好", "…最好！").
 * A claim when something adjectival follows (的, 了, sentence end) or a quality noun precedes it.
 */
function isAdverbialBest(t: string, s: number, e: number): boolean {
  const next = t[e];
  if (next === undefined || '的了!。,！？?…~)'.includes(next) || next === '\n') return false;
  const before = t.slice(Math.max(0, s - 2), s);
  if (/是|得|质量|品质|效果|口碑|做工|用料/.test(before)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Rule evaluation

/**
 * Candidates one rule may hand over per severity. toFindings keeps MAX_FINDINGS_PER_RULE of
 * them; past this, a wall of repeated triggers would only cost time and memory.
 */
const RAW_CAP = MAX_FINDINGS_PER_RULE * 4;
function capped(counts: number[], sev: Severity): boolean {
  const k = ORDER[sev];
  return ++counts[k]! > RAW_CAP;
}

function runTerm(ctx: Ctx, rule: Extract<Rule, { kind: 'term' }>, group: Hit[], out: RawFinding[]): void {
  const counts = [0, 0, 0];
  for (const h of group) {
    const base = h.spec.sev ?? rule.severity;
    const sev = applyMods(ctx, rule.mods ?? [], h.s, h.e, base, h.spec);
    if (sev === null) continue;
    if (capped(counts, sev)) {
      if (counts[2]! > RAW_CAP) break; // blocks are capped too: nothing more can change the verdict
      continue;
    }
    out.push({ rule, sev, s: h.s, e: h.e, ...(h.spec.rep !== undefined ? { rep: h.spec.rep } : {}) });
  }
}

function runPair(ctx: Ctx, rule: PairRule, anchors: Hit[], partners: Hit[], out: RawFinding[]): void {
  if (partners.length === 0) return;
  const counts = [0, 0, 0];
  for (const a of anchors) {
    const [lo, hi] = rule.scope === 'clause' ? ctx.clauseBounds(a.s) : rule.scope === 'sentence' ? ctx.sentenceBounds(a.s) : [0, ctx.t.length];
    let p: Hit | undefined;
    // forward: the nearest partner starting after the anchor, within the gap
    const i = Ctx.lower(partners, a.e);
    const f = partners[i];
    if (f && f.s <= a.e + rule.gap && f.s < hi) p = f;
    if (!p && rule.order === 'either') {
      for (let k = Ctx.lower(partners, Math.max(lo, a.s - rule.gap - 40)); k < partners.length; k++) {
        const h = partners[k]!;
        if (h.s >= a.s) break;
        if (h.e <= a.s && h.e >= a.s - rule.gap && h.s >= lo) p = h;
      }
    }
    if (!p) continue;
    const s = Math.min(a.s, p.s);
    const e = Math.max(a.e, p.e);
    const spec = a.spec.sev ? a.spec : p.spec;
    const base = spec.sev ?? rule.severity;
    const sev = applyMods(ctx, rule.mods ?? [], a.s, e, base, undefined);
    if (sev === null) continue;
    if (capped(counts, sev)) {
      if (counts[2]! > RAW_CAP) break;
      continue;
    }
    out.push({ rule, sev, s, e });
  }
}

export type CustomDetector = (ctx: Ctx, rule: CustomRule, out: RawFinding[]) => void;

// ---------------------------------------------------------------------------------------

/**
 * Hits grouped, filtered by word boundaries, allow-list words and longest-match-wins; clause,
 * sentence and line starts into the segment scratch arrays (their counts in segCounts).
 */
const segCounts = new Int32Array(3);
function collectHits(pack: CompiledPack, t: string, input: CheckInput, m: number): Hit[][] {
  const raw: Hit[][] = new Array<Hit[]>(pack.groupCount);
  const n = t.length;
  const { len, first, bounded, group, wb, spec, brk } = pack.patterns;
  if (unsortedScratch.length < pack.groupCount) unsortedScratch = new Uint8Array(pack.groupCount);
  const unsorted = unsortedScratch;
  const found = pack.automaton.hits();
  if (clauseScratch.length < n + 1) {
    const size = Math.max(n + 1, clauseScratch.length * 2);
    clauseScratch = new Int32Array(size);
    sentenceScratch = new Int32Array(size);
    lineScratch = new Int32Array(size);
    digitScratch = new Int32Array(size);
  }
  const digits = digitScratch;
  let nd = 0;
  const clauses = clauseScratch;
  const sentences = sentenceScratch;
  const lines = lineScratch;
  clauses[0] = sentences[0] = lines[0] = 0;
  let nc = 1;
  let ns = 1;
  let nl = 1;
  for (let k = 0; k < m; k += 2) {
    const pid = found[k]!;
    const end = found[k + 1]!;
    const kind = brk[pid]!;
    if (kind !== 0) {
      if (kind === MARK_DIGIT) {
        // a run of figures continues over digits and over a comma between digits
        const p = end - 1;
        const b = p > 0 ? t.charCodeAt(p - 1) : 0;
        if (!(isDigitUnit(b) || (b === 0x2c && p > 1 && isDigitUnit(t.charCodeAt(p - 2))))) digits[nd++] = p;
      } else if (!(kind === BREAK_DOT && end < n && isAlnum(t.charCodeAt(end)))) {
        clauses[nc++] = end;
        if ((kind & 3) >= 2) sentences[ns++] = end;
        if ((kind & 3) === 3) lines[nl++] = end;
      }
      if (first[pid] === first[pid + 1]) continue;
    }
    const s = end - len[pid]!;
    // which sides touch a letter or digit (1 left, 2 right): entries that need a boundary there drop
    const touching = bounded[pid] === 0 ? 0 : (s > 0 && isAlnum(t.charCodeAt(s - 1)) ? 1 : 0) | (end < n && isAlnum(t.charCodeAt(end)) ? 2 : 0);
    for (let q = first[pid]!, last = first[pid + 1]!; q < last; q++) {
      if ((wb[q]! & touching) !== 0) continue;
      // keep each group ordered by start (longer first at the same start) as hits arrive:
      // they come by end, so a hit moves back only past the shorter ones it contains; one
      // that would move further (walls of nested terms) marks the group for a sort instead
      const g = group[q]!;
      const list = (raw[g] ??= []);
      let j = list.length;
      const stop = j - 8;
      while (j > 0 && (list[j - 1]!.s > s || (list[j - 1]!.s === s && list[j - 1]!.e < end))) {
        if (--j === stop) break;
      }
      const h: Hit = { s, e: end, spec: spec[q]! };
      if (j === stop && j > 0 && (list[j - 1]!.s > s || (list[j - 1]!.s === s && list[j - 1]!.e < end))) {
        list.push(h);
        unsorted[g] = 1;
      } else if (j === list.length) list.push(h);
      else list.splice(j, 0, h);
    }
  }
  // Allow-list words: ordinary longer words that contain a trigger. 食品级硅胶 only
  // excuses 食品级 outside cosmetics.
  const cosmetic = input.productType === 'cosmetic' || input.productType === 'children_cosmetic';
  let allow: Hit[] | undefined;
  for (const g of pack.allowGroups) {
    if (cosmetic && g === pack.allowNonCosmetic) continue;
    const list = raw[g];
    if (list) allow = allow ? allow.concat(list) : list.slice();
  }
  if (allow && allow.length > 1) allow.sort(byStart);
  for (let g = 0; g < pack.groupCount; g++) {
    const list = raw[g];
    if (!list) {
      raw[g] = EMPTY;
      continue;
    }
    if (unsorted[g] === 1) {
      unsorted[g] = 0;
      list.sort(byStart);
    }
    const suppressible = pack.suppressible[g] === 1;
    let kept: Hit[] | undefined;
    let lastEnd = -1;
    let k = 0;
    let reach = -1;
    for (let i = 0; i < list.length; i++) {
      const h = list[i]!;
      let drop = h.e <= lastEnd; // longest match wins inside a group
      if (!drop && suppressible && allow) {
        while (k < allow.length && allow[k]!.s <= h.s) reach = Math.max(reach, allow[k++]!.e);
        drop = reach >= h.e;
      }
      if (drop) {
        kept ??= list.slice(0, i);
        continue;
      }
      if (kept) kept.push(h);
      lastEnd = h.e;
    }
    raw[g] = kept ?? list;
  }
  segCounts[0] = nc;
  segCounts[1] = ns;
  segCounts[2] = nl;
  digitCount = nd;
  return raw;
}
let digitCount = 0;
/** groups whose hits arrived too far out of start order; cleared as they are sorted */
let unsortedScratch = new Uint8Array(128);
const isDigitUnit = (c: number) => c >= 0x30 && c <= 0x39;
const EMPTY: Hit[] = [];
const byFinding = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
const byStart = (a: Hit, b: Hit) => a.s - b.s || b.e - a.e;




export function runPack(pack: CompiledPack, input: CheckInput, detectors: Record<string, CustomDetector>): Finding[] {
  // Copy that needs nothing but lower case (most English) is scanned while the normaliser's
  // fast-path test runs, in one pass; anything else is folded in full and then scanned.
  // Either way the automaton reads what normaliseShared would give.
  const text = input.text;
  let m = pack.automaton.collectGated(text, FAST_FOLD_GATE);
  let norm: Normalised;
  if (m >= 0) norm = lowerCaseFold(text);
  else {
    norm = fullFold(text);
    m = pack.automaton.collect(norm.text);
  }
  if (norm.text.length === 0) return [];
  const hits = collectHits(pack, norm.text, input, m);
  const segs: Segments = {
    clauses: clauseScratch.subarray(0, segCounts[0]),
    sentences: sentenceScratch.subarray(0, segCounts[1]),
    lines: lineScratch.subarray(0, segCounts[2]),
    n: norm.text.length,
  };
  const ctx = new Ctx(pack, input, norm, hits, segs, digitScratch.subarray(0, digitCount));
  const raw: RawFinding[] = [];
  const rules = pack.rules;
  const ids = pack.ruleIds;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    // most rules find nothing to look at: skip them before anything else
    if (rule.kind === 'term' && hits[ids[2 * r]!]!.length === 0) continue;
    if (rule.kind === 'pair' && (hits[ids[2 * r]!]!.length === 0 || hits[ids[2 * r + 1]!]!.length === 0)) continue;
    if (!gateOpen(rule, input)) continue;
    if (rule.kind === 'term') runTerm(ctx, rule, hits[ids[2 * r]!]!, raw);
    else if (rule.kind === 'pair') runPair(ctx, rule, hits[ids[2 * r]!]!, hits[ids[2 * r + 1]!]!, raw);
    else {
      const d = detectors[rule.detector];
      if (d) d(ctx, rule, raw);
    }
  }
  return toFindings(ctx, raw);
}

/** Category index for the numeric span key; categories are a short fixed list. */
const MAX_CATEGORIES = 64;
const CATEGORY_INDEX = new Map<string, number>();
function categoryIndex(cat: string): number {
  let i = CATEGORY_INDEX.get(cat);
  if (i === undefined) {
    i = CATEGORY_INDEX.size;
    if (i >= MAX_CATEGORIES) throw new RangeError('too many compliance categories for the span key');
    CATEGORY_INDEX.set(cat, i);
  }
  return i;
}

/** Message templates split once at {match}. */
const TEMPLATE_PARTS = new Map<string, string[]>();
function fill(template: string, match: string): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split('{match}')));
  // the copy's own words, shown as written (a "$&" in them is text, not a replacement pattern)
  return parts.length === 1 ? template : parts.join(match);
}

function toFindings(ctx: Ctx, raw: RawFinding[]): Finding[] {
  const lang = ctx.input.locale === 'en' ? 'en' : 'zh';
  const text = ctx.input.text;
  raw.sort((a, b) => a.s - b.s || b.e - a.e);
  // 1. one winner per (category, span), capped per rule and severity; the key is a number
  // (span and category index) rather than a string built from three parts
  const span = text.length + 1;
  const best = new Map<number, { r: RawFinding; start: number; end: number; sev: Severity }>();
  const perRule = new Map<string, number[]>();
  for (const r of raw) {
    const [start, end] = r.e > r.s ? toOriginal(ctx.norm, r.s, r.e) : toOriginal(ctx.norm, r.s, r.s);
    const key = (start * span + end) * MAX_CATEGORIES + categoryIndex(r.rule.category);
    const prev = best.get(key);
    if (prev && ORDER[prev.sev] >= ORDER[r.sev]) continue;
    if (!prev) {
      let counts = perRule.get(r.rule.id);
      if (!counts) perRule.set(r.rule.id, (counts = [0, 0, 0]));
      if (counts[ORDER[r.sev]]! >= MAX_FINDINGS_PER_RULE) continue;
      counts[ORDER[r.sev]]!++;
    }
    best.set(key, { r, start, end, sev: prev ? maxSev(prev.sev, r.sev) : r.sev });
  }
  // 2. within a category, a finding inside a wider one at least as severe adds nothing
  // (增强免疫力 already covers 免疫力); overlapping hits of one rule become one span
  // (全网最 + 最干爽 → 全网最干爽), with no replacement since neither fits the union
  const all = [...best.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const widest = new Map<string, { start: number; end: number; sev: Severity }>();
  const kept: { r: RawFinding; start: number; end: number; sev: Severity; merged?: boolean }[] = [];
  for (const f of all) {
    const cat = f.r.rule.category;
    const w = widest.get(cat);
    if (w && f.start >= w.start && f.end <= w.end && f.end > f.start && ORDER[w.sev] >= ORDER[f.sev]) continue;
    const last = kept[kept.length - 1];
    if (last && last.r.rule.id === f.r.rule.id && f.start < last.end && f.start > last.start) {
      last.end = Math.max(last.end, f.end);
      last.sev = maxSev(last.sev, f.sev);
      last.merged = true;
      widest.set(cat, last);
      continue;
    }
    if (!w || f.end > w.end) widest.set(cat, f);
    kept.push({ ...f });
  }
  const out: Finding[] = [];
  for (const f of kept) {
    const cat = f.r.rule.category;
    const rule = f.r.rule;
    const match = text.slice(f.start, f.end);
    const rep = f.merged ? undefined : (f.r.rep ?? rule.replacement?.[lang]);
    out.push({
      ruleId: rule.id,
      category: cat,
      severity: f.sev,
      start: f.start,
      end: f.end,
      match,
      message: fill(rule.message[lang], match),
      legalBasis: rule.basis[lang],
      suggestion: fill(rule.suggestion[lang], match),
      ...(rep !== undefined ? { replacement: rep } : {}),
    });
  }
  return out.sort(byFinding);
}
