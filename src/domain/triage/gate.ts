/**
 * The literal gate in front of the rule regexes. For each top-level alternative of a rule's
 * patterns we work out, from the regex source itself, which literal strings every match
 * must contain ("发烧", "seizure", "囟门"…; see `literalPlan`). One pass over the message
 * records which character n-grams it contains (`GramSet`); an alternative whose required
 * literals cannot all be there is not run.
 *
 * The analysis is conservative: any construct it does not fully understand (., \w, \d,
 * negated or large classes, back-references…) requires nothing, and the n-gram test can
 * only say "maybe" too often, never "no" wrongly. A unit test checks that the gated, split
 * scan and the plain scan of each rule's whole regex agree on every vignette and on
 * random text.
 */

type Req = Set<string> | null; // null = cannot tell, always run

interface Cursor {
  s: string;
  i: number;
}

const ZERO_WIDTH_ESC = new Set(['b', 'B']);
const CLASS_ESC = new Set(['s', 'S', 'd', 'D', 'w', 'W', 'p', 'P']);
/** Escapes that stand for one control character. */
const ESCAPED: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/** One parsed atom: a single literal char, or the set of characters it matches (null: unknown or too many), or zero-width. */
interface Atom {
  req: Req;
  char?: string;
  zeroWidth?: boolean;
}

function better(a: Set<string>, b: Set<string>): Set<string> {
  const minLen = (s: Set<string>) => Math.min(...[...s].map((x) => x.length));
  const la = minLen(a);
  const lb = minLen(b);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}

function parseQuantifier(c: Cursor): { min: number; max: number } {
  const ch = c.s[c.i];
  let q = { min: 1, max: 1 };
  if (ch === '?') q = { min: 0, max: 1 };
  else if (ch === '*') q = { min: 0, max: Infinity };
  else if (ch === '+') q = { min: 1, max: Infinity };
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(c.s.slice(c.i));
    if (!m) return q;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    c.i += m[0].length;
    if (c.s[c.i] === '?') c.i++;
    return { min, max };
  } else return q;
  c.i++;
  if (c.s[c.i] === '?') c.i++;
  return q;
}

function parseAtom(c: Cursor): Atom {
  const ch = c.s[c.i]!;
  // Groups are read by planSequence.
  if (ch === '(') throw new Error('group');
  if (ch === '[') return parseClass(c);
  if (ch === '\\') {
    const e = c.s[c.i + 1]!;
    c.i += 2;
    if (ZERO_WIDTH_ESC.has(e)) return { req: null, zeroWidth: true };
    if (CLASS_ESC.has(e) || /[1-9kcux0]/.test(e)) return { req: null };
    const lit = ESCAPED[e] ?? e;
    return { req: null, char: lit };
  }
  c.i++;
  if (ch === '^' || ch === '$') return { req: null, zeroWidth: true };
  if (ch === '.') return { req: null };
  return { req: null, char: ch };
}

function parseClass(c: Cursor): Atom {
  c.i++; // [
  if (c.s[c.i] === '^') {
    // Negated class: skip to the closing bracket; it can match almost anything.
    for (c.i++; c.i < c.s.length && c.s[c.i] !== ']'; c.i++) if (c.s[c.i] === '\\') c.i++;
    c.i++;
    return { req: null };
  }
  const chars = new Set<string>();
  let ok = true;
  while (c.i < c.s.length && c.s[c.i] !== ']') {
    let ch = c.s[c.i]!;
    if (ch === '\\') {
      const e = c.s[c.i + 1]!;
      c.i += 2;
      // \s, \d…, code-point and control escapes, octal digits and [\b] (backspace): not read here.
      if (CLASS_ESC.has(e) || /[uxcb0-9]/.test(e)) ok = false;
      ch = ESCAPED[e] ?? e;
    } else c.i++;
    if (c.s[c.i] === '-' && c.s[c.i + 1] !== ']') {
      const to = c.s[c.i + 1] === '\\' ? c.s[c.i + 2]! : c.s[c.i + 1]!;
      c.i += c.s[c.i + 1] === '\\' ? 3 : 2;
      const a = ch.charCodeAt(0);
      const b = to.charCodeAt(0);
      if (b - a > 16) ok = false;
      else for (let k = a; k <= b; k++) chars.add(String.fromCharCode(k));
      continue;
    }
    chars.add(ch);
  }
  c.i++; // ]
  return { req: ok && chars.size > 0 && chars.size <= 24 ? chars : null };
}

// ------------------------------------------------------------------ conjunctive plan
/**
 * What every match of a regex contains, as alternatives (branches), each a list of clauses
 * that must *all* hold, a clause being a set of literals at least one of which occurs in
 * the match: "(?:头|脑袋)…(?:撞|磕)到" needs a head word AND a knock word. Literal runs
 * extend across small classes, optional characters and groups of literals ("labou?red" →
 * "labored" or "laboured"; "烧(?:了|到)" → "烧了" or "烧到"). Sound because every literal
 * run, class or group with a minimum count ≥ 1 is part of every match of its branch.
 * Returns null when some branch has no clause (the regex must always run).
 */
export type Plan = string[][][];
type Branches = Array<Array<Set<string>>>;

/** Cross products beyond this many branches collapse into one clause (the old gate). */
const MAX_BRANCHES = 32;

function bestClause(branch: Array<Set<string>>): Set<string> | null {
  let best: Set<string> | null = null;
  for (const cl of branch) best = best ? better(best, cl) : cl;
  return best;
}

/** All branches' best clauses as one clause (any of them), or null if a branch has none. */
function collapse(bs: Branches): Set<string> | null {
  const out = new Set<string>();
  for (const b of bs) {
    const cl = bestClause(b);
    if (!cl) return null;
    for (const x of cl) out.add(x);
  }
  return out;
}

interface Planned {
  branches: Branches;
  /** Every string the construct can match, when it is made of literals only (else null). */
  exact: string[] | null;
}

/** Literal strings tracked per run or construct; beyond this a run is cut into clauses. */
const MAX_STRINGS = 64;

function cross(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 1) return a.map((x) => x + b[0]); // a literal character: the common case
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

function planAlternation(c: Cursor): Planned {
  const first = planSequence(c);
  const branches: Branches = [...first.branches];
  let exact = first.exact;
  while (c.s[c.i] === '|') {
    c.i++;
    const p = planSequence(c);
    branches.push(...p.branches);
    exact = exact && p.exact && exact.length + p.exact.length <= MAX_STRINGS ? [...new Set([...exact, ...p.exact])] : null;
  }
  return { branches, exact };
}

function planSequence(c: Cursor): Planned {
  let bs: Branches = [[]];
  // Literal strings the text must contain here, one of them (the run read so far).
  let runs: string[] = [''];
  let exact: string[] | null = [''];
  const add = (cl: Set<string>) => {
    for (const b of bs) b.push(cl);
  };
  const flush = () => {
    if (!runs.includes('')) add(new Set(runs));
    runs = [''];
  };
  /** The next piece of the match is one of `alts` ('' = nothing). */
  const extend = (alts: string[]) => {
    let next = cross(runs, alts);
    if (next.length > MAX_STRINGS) {
      flush();
      next = alts;
    }
    runs = next;
    if (exact) {
      const e = cross(exact, alts);
      exact = e.length > MAX_STRINGS ? null : e;
    }
  };
  while (c.i < c.s.length && c.s[c.i] !== '|' && c.s[c.i] !== ')') {
    if (c.s[c.i] === '(') {
      c.i++;
      let zeroWidth = false;
      if (c.s.startsWith('?:', c.i)) c.i += 2;
      else if (c.s.startsWith('?=', c.i) || c.s.startsWith('?!', c.i)) {
        c.i += 2;
        zeroWidth = true;
      } else if (c.s.startsWith('?<=', c.i) || c.s.startsWith('?<!', c.i)) {
        c.i += 3;
        zeroWidth = true;
      } else if (c.s.startsWith('?<', c.i)) c.i = c.s.indexOf('>', c.i) + 1;
      const inner = planAlternation(c);
      if (c.s[c.i] !== ')') throw new Error('unbalanced group');
      c.i++;
      const { min, max } = parseQuantifier(c);
      if (zeroWidth) continue; // lookarounds consume nothing: a literal run goes on across them
      if (inner.exact && max === 1) {
        extend(min === 1 ? inner.exact : [...new Set(['', ...inner.exact])]);
        continue;
      }
      flush();
      exact = null;
      if (min < 1) continue;
      if (bs.length * inner.branches.length <= MAX_BRANCHES) {
        // Some repetition of the group matches one inner branch entirely.
        const next: Branches = [];
        for (const b of bs) for (const ib of inner.branches) next.push([...b, ...ib]);
        bs = next;
      } else {
        const cl = collapse(inner.branches);
        if (cl) add(cl);
      }
      continue;
    }
    const atom = parseAtom(c);
    const { min, max } = parseQuantifier(c);
    if (atom.zeroWidth) continue;
    const chars = atom.char !== undefined ? [atom.char] : atom.req && atom.req.size <= 24 ? [...atom.req] : null;
    if (chars && max === 1) {
      extend(min === 1 ? chars : ['', ...chars]);
      continue;
    }
    flush();
    exact = null;
    if (min >= 1 && chars) add(new Set(chars));
  }
  flush();
  return { branches: bs, exact };
}

/** Drop literals implied by a shorter one in the same clause ("发烧" when "烧" is there). */
function minimal(clause: Set<string>): string[] {
  const xs = [...clause].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const x of xs) if (!out.some((y) => x.includes(y))) out.push(x);
  return out;
}

export function literalPlan(source: string): Plan | null {
  try {
    const c: Cursor = { s: source, i: 0 };
    const bs = planAlternation(c).branches;
    if (c.i !== source.length || bs.length === 0) return null;
    const out: Plan = [];
    for (const b of bs) {
      if (b.length === 0 || b.some((cl) => cl.size === 0)) return null;
      const seen = new Set<string>();
      const clauses: string[][] = [];
      for (const cl of b) {
        const lits = minimal(cl);
        const key = lits.join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        clauses.push(lits);
      }
      out.push(clauses);
    }
    return out;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ n-gram presence
/**
 * Which character n-grams (1 to 4 characters) occur in a text, as a bit set indexed by a
 * hash of the n-gram. A literal can occur only if its n-grams do, so testing its keys (the
 * literal itself up to 4 characters, else its first and last 4-grams; see `gramKeys`) is a
 * sound over-approximation of "the literal occurs": a hash collision or n-grams found
 * apart only let a regex run that would not have matched, never skip one that would.
 * Unlike an automaton over thousands of literals, the whole structure is 16 KB that stays
 * in the cache.
 */
const GRAM_BITS = 17;
const GRAM_SHIFT = 32 - GRAM_BITS;
const K = 0x9e3779b1;
const M = 0x85ebca6b;
/** Per-length salts, so "ab" and the 1-gram with the same fold do not share a bit. */
const SALT = [0, 0x68e31da4, 0xb5297a4d, 0x1b56c4e9, 0x7f4a7c15];

/** Rolling fold of an n-gram's characters: r(c) = c + 1, r(x…c) = r(x…)·K + c. */
const roll = (prev: number, c: number) => (Math.imul(prev, K) + c) | 0;
const bitOf = (r: number, n: number) => Math.imul(r ^ SALT[n]!, M) >>> GRAM_SHIFT;

function gramOf(s: string, from: number, n: number): number {
  let r = s.charCodeAt(from) + 1;
  for (let i = 1; i < n; i++) r = roll(r, s.charCodeAt(from + i));
  return bitOf(r, n);
}

/** The two bits a literal's presence is tested by (the same bit twice for up to 4 characters). */
export function gramKeys(literal: string): [number, number] {
  if (literal.length <= 4) {
    const k = gramOf(literal, 0, literal.length);
    return [k, k];
  }
  return [gramOf(literal, 0, 4), gramOf(literal, literal.length - 4, 4)];
}

/** Scripts a text or literal has characters of: HAN (U+2E80 and above: CJK, full-width) and LATIN (a-z). */
export const HAN = 1;
export const LATIN = 2;
export function scripts(s: string): number {
  let out = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x2e80) out |= HAN;
    else if (c >= 97 && c <= 122) out |= LATIN;
  }
  return out;
}

export class GramSet {
  private readonly bits = new Int32Array(1 << (GRAM_BITS - 5));
  /** HAN | LATIN: the scripts the text has characters of (a literal needing one it lacks cannot occur). */
  scripts = 0;

  /** Records every 1- to 4-gram of `text` (forgetting the previous text). */
  fill(text: string): void {
    const bits = this.bits;
    bits.fill(0);
    // r1…r3: folds of the 1- to 3-grams ending at the previous character.
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let present = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x2e80) present |= HAN;
      else if (c >= 97 && c <= 122) present |= LATIN;
      let h = bitOf(c + 1, 1);
      bits[h >>> 5]! |= 1 << (h & 31);
      const n4 = roll(r3, c);
      const n3 = roll(r2, c);
      const n2 = roll(r1, c);
      if (i >= 1) {
        h = bitOf(n2, 2);
        bits[h >>> 5]! |= 1 << (h & 31);
      }
      if (i >= 2) {
        h = bitOf(n3, 3);
        bits[h >>> 5]! |= 1 << (h & 31);
      }
      if (i >= 3) {
        h = bitOf(n4, 4);
        bits[h >>> 5]! |= 1 << (h & 31);
      }
      r1 = c + 1;
      r2 = n2;
      r3 = n3;
    }
    this.scripts = present;
  }

  /** Might a literal with these `gramKeys` occur in the text? */
  has(keys: readonly [number, number]): boolean {
    return this.bit(keys[0]) && this.bit(keys[1]);
  }

  /** Is this bit set (one key of `gramKeys`)? */
  bit(k: number): boolean {
    return (this.bits[k >>> 5]! & (1 << (k & 31))) !== 0;
  }
}

// ------------------------------------------------------------------ top-level alternatives
/**
 * The top-level alternatives of a regex source ("a|(?:b|c)|d" → "a", "(?:b|c)", "d"), or
 * the source itself when it has a back-reference (its group numbers would change).
 *
 * Scanning the alternatives one by one and always taking the leftmost match (the earliest
 * alternative on a tie) visits exactly the matches of the whole regex: at each position the
 * whole regex tries its alternatives in order and takes the first that matches, which is
 * what each alternative alone matches there. Lookbehinds, lookaheads and \b still see the
 * whole text.
 */
export function alternatives(source: string): string[] {
  if (/\\[1-9]|\\k</.test(source)) return [source];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

// ------------------------------------------------------------------ one regex
/**
 * The literal gate of one regex (cues, detectors): can it match anywhere in a text whose
 * n-grams are recorded? True unless no top-level alternative's literals can all be there.
 */
export class RegexGate {
  /** Per alternative, per branch, per clause: the literals' key pairs, flattened. Null: always true. */
  private readonly plans: Int32Array[][][] | null;

  constructor(re: RegExp) {
    const plans: Int32Array[][][] = [];
    // Literals are read as written: a case-insensitive or unicode regex is not analysed.
    const sources = /[iuv]/.test(re.flags) ? [] : alternatives(re.source);
    if (sources.length === 0) {
      this.plans = null;
      return;
    }
    for (const alt of sources) {
      const plan = literalPlan(alt);
      if (plan === null) {
        this.plans = null;
        return;
      }
      plans.push(plan.map((branch) => branch.map((lits) => Int32Array.from(lits.flatMap(gramKeys)))));
    }
    this.plans = plans;
  }

  maybe(grams: GramSet): boolean {
    if (this.plans === null) return true;
    for (const plan of this.plans) {
      for (const branch of plan) {
        let all = true;
        for (const keys of branch) {
          let any = false;
          for (let k = 0; k < keys.length; k += 2) {
            if (grams.bit(keys[k]!) && grams.bit(keys[k + 1]!)) {
              any = true;
              break;
            }
          }
          if (!any) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
    }
    return false;
  }
}
