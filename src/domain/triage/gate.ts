/**
 * A cheap pre-filter in front of the rule regexes. For each rule we work out, from the
 * regex source itself, a set of literal strings of which at least one must appear in any
 * match ("发烧", "seizure", "囟门"…). One pass over the message with a trie of all those
 * literals tells which rules can possibly match; only those regexes are run.
 *
 * The analysis is conservative: any construct it does not fully understand (., \w, \d,
 * negated or large classes, back-references…) makes the rule "always run". A unit test
 * checks that gated and ungated scanning agree on every vignette.
 */

type Req = Set<string> | null; // null = cannot tell, always run

interface Cursor {
  s: string;
  i: number;
}

const ZERO_WIDTH_ESC = new Set(['b', 'B']);
const CLASS_ESC = new Set(['s', 'S', 'd', 'D', 'w', 'W', 'p', 'P']);

/** One parsed atom: its required literals, whether it is a single literal char, and if zero-width. */
interface Atom {
  req: Req;
  char?: string;
  zeroWidth?: boolean;
}

function parseAlternation(c: Cursor): Req {
  const branches: Req[] = [parseSequence(c)];
  while (c.s[c.i] === '|') {
    c.i++;
    branches.push(parseSequence(c));
  }
  if (branches.some((b) => b === null)) return null;
  const out = new Set<string>();
  for (const b of branches) for (const x of b!) out.add(x);
  return out;
}

function better(a: Set<string>, b: Set<string>): Set<string> {
  const minLen = (s: Set<string>) => Math.min(...[...s].map((x) => x.length));
  const la = minLen(a);
  const lb = minLen(b);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}

function parseSequence(c: Cursor): Req {
  let best: Set<string> | null = null;
  let run = '';
  const flush = () => {
    if (run) best = best ? better(best, new Set([run])) : new Set([run]);
    run = '';
  };
  while (c.i < c.s.length && c.s[c.i] !== '|' && c.s[c.i] !== ')') {
    const atom = parseAtom(c);
    const { min, max } = parseQuantifier(c);
    if (atom.zeroWidth) continue;
    if (atom.char !== undefined && min === 1 && max === 1) {
      run += atom.char;
      continue;
    }
    // A repeated or optional atom ends a literal run ("labou?red" → "labo", "red").
    flush();
    if (min >= 1 && atom.req) best = best ? better(best, atom.req) : atom.req;
  }
  flush();
  return best;
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
  if (ch === '(') {
    c.i++;
    let zeroWidth = false;
    if (c.s.startsWith('?:', c.i)) c.i += 2;
    else if (c.s.startsWith('?=', c.i) || c.s.startsWith('?!', c.i)) {
      c.i += 2;
      zeroWidth = true;
    } else if (c.s.startsWith('?<=', c.i) || c.s.startsWith('?<!', c.i)) {
      c.i += 3;
      zeroWidth = true;
    }
    else if (c.s.startsWith('?<', c.i)) c.i = c.s.indexOf('>', c.i) + 1;
    const inner = parseAlternation(c);
    if (c.s[c.i] !== ')') throw new Error('unbalanced group');
    c.i++;
    return zeroWidth ? { req: null, zeroWidth: true } : { req: inner };
  }
  if (ch === '[') return parseClass(c);
  if (ch === '\\') {
    const e = c.s[c.i + 1]!;
    c.i += 2;
    if (ZERO_WIDTH_ESC.has(e)) return { req: null, zeroWidth: true };
    if (CLASS_ESC.has(e) || /[1-9kcux0]/.test(e)) return { req: null };
    const lit = e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'f' ? '\f' : e === 'v' ? '\v' : e;
    return { req: new Set([lit]), char: lit };
  }
  c.i++;
  if (ch === '^' || ch === '$') return { req: null, zeroWidth: true };
  if (ch === '.') return { req: null };
  return { req: new Set([ch]), char: ch };
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
      if (CLASS_ESC.has(e) || e === 'u' || e === 'x') ok = false;
      ch = e === 'n' ? '\n' : e;
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

/** Literals of which at least one occurs in every match of `source`, or null if unknown. */
export function requiredLiterals(source: string): string[] | null {
  try {
    const c: Cursor = { s: source, i: 0 };
    const req = parseAlternation(c);
    if (c.i !== source.length || !req || req.size === 0) return null;
    return [...req];
  } catch {
    return null;
  }
}

/**
 * Aho–Corasick automaton over all trigger literals: one pass over the text, each character
 * costs one transition (plus amortised failure steps), so `find` is linear.
 */
export class TriggerIndex {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Words ending at a state, including those reached through failure links. */
  private readonly out: Array<string[]> = [[]];

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (w.length === 0) continue;
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const k = w.charCodeAt(i);
        let nx = this.next[s]!.get(k);
        if (nx === undefined) {
          nx = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[s]!.set(k, nx);
        }
        s = nx;
      }
      this.out[s]!.push(w);
    }
    // Breadth-first failure links.
    const queue: number[] = [];
    for (const s of this.next[0]!.values()) queue.push(s);
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi]!;
      for (const [k, u] of this.next[r]!) {
        queue.push(u);
        let f = this.fail[r]!;
        while (f !== 0 && !this.next[f]!.has(k)) f = this.fail[f]!;
        const g = this.next[f]!.get(k);
        this.fail[u] = g !== undefined && g !== u ? g : 0;
        this.out[u]!.push(...this.out[this.fail[u]!]!);
      }
    }
  }

  /** The trigger literals that occur in `text`. */
  find(text: string): Set<string> {
    const found = new Set<string>();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      let nx = this.next[s]!.get(k);
      while (nx === undefined && s !== 0) {
        s = this.fail[s]!;
        nx = this.next[s]!.get(k);
      }
      s = nx ?? 0;
      const o = this.out[s]!;
      for (let j = 0; j < o.length; j++) found.add(o[j]!);
    }
    return found;
  }
}
