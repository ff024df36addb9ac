import { Converter } from 'opencc-js/t2cn';
import type { ScanGate } from './automaton.js';

/**
 * Normalisation with an offset map.
 *
 * Rules match a folded copy of the text, so evasions (Traditional characters, full-width
 * forms, zero-width characters, separators slipped between the characters of a term,
 * circled or full-width digits) meet the same patterns as plain copy. Findings must still
 * point at what the user wrote, so every normalised UTF-16 unit remembers the original
 * span it came from: `start[i]`/`end[i]` are original offsets, and a normalised span
 * [a, b) maps back to [start[a], end[b - 1]), which also covers any separators that were
 * dropped inside it.
 *
 * Patterns go through the same function, so whatever the folding does to a character it
 * does identically on both sides.
 */
export interface Normalised {
  text: string;
  /** original start offset of each normalised unit; null when it is the identity (plain ASCII) */
  start: Int32Array | null;
  /** the original text (a unit's original end follows from its start: see endOf) */
  source: string;
}

/**
 * Original end (exclusive) of normalised unit i. Every unit comes from exactly one original
 * code point, so the end is its start plus that code point's UTF-16 width; storing it
 * would cost a fourth array write per character.
 */
export function endOf(n: Normalised, i: number): number {
  const s = n.start ? n.start[i]! : i;
  const c = n.source.charCodeAt(s);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = n.source.charCodeAt(s + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return s + 2;
  }
  return s + 1;
}

// Unit classes used by separator removal.
const C_OTHER = 0;
const C_HAN = 1;
const C_DIGIT = 2;
const C_LETTER = 3;
const C_SPACE = 4;
const C_SOFT = 5;
const C_HARD = 6;

/**
 * Traditional → Simplified as a 64K lookup table. OpenCC converts phrase by phrase, but
 * for matching we only need a per-character fold that never changes lengths, so the
 * converter (created once, here) runs a single time over every CJK code point, one per
 * line, and only 1:1 results enter the table. That keeps the offset map trivial and the
 * per-character cost a typed-array read instead of a dictionary walk per call.
 */
let t2s: Uint16Array | undefined;
function t2sTable(): Uint16Array {
  if (t2s) return t2s;
  const table = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) table[i] = i;
  const convert = Converter({ from: 't', to: 'cn' });
  const codes: number[] = [];
  for (let c = 0x3400; c <= 0x4dbf; c++) codes.push(c);
  for (let c = 0x4e00; c <= 0x9fff; c++) codes.push(c);
  const src = codes.map((c) => String.fromCharCode(c)).join('\n');
  const out = convert(src).split('\n');
  if (out.length === codes.length) {
    for (let i = 0; i < codes.length; i++) {
      const o = out[i]!;
      if (o.length === 1 && o.charCodeAt(0) !== codes[i]) table[codes[i]!] = o.charCodeAt(0);
    }
  } else {
    // The batch did not split 1:1 (a phrase rule crossed a line?): fall back to one call
    // per character. Slower at start-up, same table.
    for (const c of codes) {
      const o = convert(String.fromCharCode(c));
      if (o.length === 1 && o.charCodeAt(0) !== c) table[c] = o.charCodeAt(0);
    }
  }
  t2s = table;
  return table;
}

/** Invisible characters that only serve to split a term: dropped. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe01ef)
  );
}

/** Dingbat circled digits have no compatibility decomposition, so NFKC leaves them. */
function dingbatDigit(cp: number): string | undefined {
  if (cp >= 0x2776 && cp <= 0x277f) return String(cp - 0x2776 + 1);
  if (cp >= 0x2780 && cp <= 0x2789) return String(cp - 0x2780 + 1);
  if (cp >= 0x278a && cp <= 0x2793) return String(cp - 0x278a + 1);
  if (cp === 0x24ea || cp === 0x24ff) return '0';
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f5 + 1);
  return undefined;
}

/**
 * BMP units outside ASCII and the CJK block whose fold is at most one unit, remembered on
 * first sight: FOLD_KIND is 0 (not seen, or folds to more), FOLD_DROP (invisible), or the
 * folded unit's class + 1, with the unit in FOLD_UNIT. Saves foldRare's map look-up for
 * every full-width comma and full stop.
 */
const FOLD_KIND = new Uint8Array(65536);
const FOLD_UNIT = new Uint16Array(65536);
const FOLD_DROP = 255;

const foldCache = new Map<number, string>();
/** Fold one non-ASCII, non-CJK code point: NFKC, lower case, Traditional → Simplified. */
function foldRare(cp: number, table: Uint16Array): string {
  const hit = foldCache.get(cp);
  if (hit !== undefined) return hit;
  let r: string;
  if (isInvisible(cp)) r = '';
  else {
    const d = dingbatDigit(cp);
    if (d !== undefined) r = d;
    else {
      const s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
      let o = '';
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) o += ' ';
        else if (c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) o += '\n';
        else o += String.fromCharCode(c >= 0x3400 && c <= 0x9fff ? table[c]! : c);
      }
      r = o;
    }
  }
  // Bounded: adversarial input with many distinct code points must not grow memory.
  if (foldCache.size > 20000) foldCache.clear();
  foldCache.set(cp, r);
  return r;
}

function classOf(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return C_LETTER;
  if (c >= 0x30 && c <= 0x39) return C_DIGIT;
  if (c >= 0x3400 && c <= 0x9fff) return C_HAN;
  if (c === 0x20) return C_SPACE;
  if (c < 0x80) {
    // ASCII punctuation that people slip between characters of a term; sentence
    // punctuation (, ; : ! ? and the newline) stays a hard boundary.
    switch (c) {
      case 0x2a: // *
      case 0x2d: // -
      case 0x5f: // _
      case 0x7e: // ~
      case 0x5e: // ^
      case 0x7c: // |
      case 0x2f: // /
      case 0x5c: // \
      case 0x2b: // +
      case 0x3d: // =
      case 0x2e: // .
      case 0x27: // '
      case 0x22: // "
      case 0x60: // `
      case 0x28: // (
      case 0x29: // )
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case 0x3c: // <
      case 0x3e: // >
        return C_SOFT;
      default:
        return C_HARD;
    }
  }
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return C_LETTER;
  if (
    c === 0xb7 ||
    c === 0x2022 ||
    c === 0x2027 ||
    c === 0x30fb ||
    (c >= 0x2018 && c <= 0x201f) ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0x3014 && c <= 0x301b) ||
    (c >= 0x2190 && c <= 0x2bff) ||
    (c >= 0xd800 && c <= 0xdfff) // astral: emoji and pictographs (see below for Han)
  )
    return C_SOFT;
  return C_OTHER;
}

// UTF-16LE decoding keeps the length (a lone surrogate becomes one U+FFFD), which is all the
// offset map needs; it is several times faster than String.fromCharCode over the units.
const utf16 = new TextDecoder('utf-16le');
function unitsToString(u: Uint16Array, n: number): string {
  return utf16.decode(u.subarray(0, n));
}

// Scratch buffers reused across calls: allocating four typed arrays per check costs more
// than the fold itself. Views returned by normaliseShared are valid until the next call.
let poolCap = 0;
let P_u = new Uint16Array(0);
let P_cls = new Uint8Array(0);
let P_os = new Int32Array(0);
/** where a letter, one or two separator units and another letter start ("b.e", "a b") */
let P_pair = new Int32Array(0);
function reserve(cap: number): void {
  if (cap <= poolCap) return;
  poolCap = Math.max(cap, poolCap * 2, 4096);
  P_u = new Uint16Array(poolCap);
  P_cls = new Uint8Array(poolCap);
  P_os = new Int32Array(poolCap);
  P_pair = new Int32Array(poolCap);
}

/** A letter standing alone between non-letters: one piece of "b.e.s.t". */
function isolatedLetter(cls: Uint8Array, n: number, i: number): boolean {
  if (cls[i] !== C_LETTER) return false;
  if (i > 0 && (cls[i - 1] === C_LETTER || cls[i - 1] === C_DIGIT)) return false;
  if (i + 1 < n && (cls[i + 1] === C_LETTER || cls[i + 1] === C_DIGIT)) return false;
  return true;
}

// ASCII fast path: folded unit and class per code, computed once.
const ASCII_FOLD = new Uint16Array(128);
const ASCII_CLS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let f = c;
  if (c >= 0x41 && c <= 0x5a) f = c + 32;
  else if (c === 0x09 || c === 0x0b || c === 0x0c) f = 0x20;
  ASCII_FOLD[c] = f;
  ASCII_CLS[c] = classOf(f);
}

/** Longest separator run that may be dropped between two characters of a term. */
const MAX_SEPARATOR_RUN = 6;

/**
 * One streaming pass folds each code point and decides each separator run as soon as the
 * character after it arrives; a second pass runs only when the text may spell a word out
 * letter by letter ("b.e.s.t"). Flat typed arrays throughout: this runs on every check.
 */
export function normalise(text: string): Normalised & { start: Int32Array } {
  const n = normaliseShared(text);
  if (n.start) return { text: n.text, start: n.start.slice(), source: text };
  // the fast path maps one for one (a plain loop: Int32Array.from with a callback cost more than the fold)
  const start = new Int32Array(n.text.length);
  for (let i = 0; i < start.length; i++) start[i] = i;
  return { text: n.text, start, source: text };
}

/**
 * Plain ASCII copy folds to its lower-case form one for one unless one of these appears: a
 * control character that folds, a double space, a ranking number split from NO/TOP
 * ("no 1", "TOP-1": a whole word, one to six separators, a digit), or letters spelled out
 * one by one ("b.e.s.t": three one-letter words, one or two separators apart, on one line).
 *
 * A few non-ASCII characters common in English copy may appear too. Dashes, the minus sign,
 * degree, currency and legal signs fold to themselves under NFKC and lower case and are
 * neither letters, digits nor separators; Latin-1 letters fold as lower case folds them and
 * count as letters here as they do in the full fold. Either way the full fold gives exactly
 * what lower case gives (the normalise tests check this against the full fold).
 *
 * The test is a small DFA over character classes, one table read per character. It was a
 * regular expression with four alternatives, which backtracked at every position and cost
 * more than the rest of the fast path; quickStep below spells out the same conditions and
 * the table is enumerated from it when the module loads.
 */
function needsFullFold(t: string): boolean {
  const table = QUICK_TABLE;
  const n = t.length;
  let s = QUICK_START;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    s = table[s + (c < 128 ? QUICK_CLASS[c]! : quickWide(c))]!;
    if (s === QUICK_FULL) return true;
  }
  return QUICK_END[s] === 1;
}

// Character classes of the quick test.
const Q_LETTER = 0; // a letter other than the four below
const Q_N = 1;
const Q_O = 2;
const Q_T = 3;
const Q_P = 4;
const Q_DIGIT = 5;
const Q_SPACE = 6;
const Q_SEP = 7; // any other printable ASCII or allowed non-ASCII character
const Q_NEWLINE = 8;
const Q_BAD = 9; // anything the full fold may rewrite
const Q_CLASSES = 16; // row stride
const QUICK_CLASS = new Uint8Array(128).fill(Q_BAD);
for (let c = 0x21; c < 0x7f; c++) QUICK_CLASS[c] = Q_SEP;
for (let c = 0x30; c <= 0x39; c++) QUICK_CLASS[c] = Q_DIGIT;
for (let c = 0x61; c <= 0x7a; c++) {
  const k = c === 0x6e ? Q_N : c === 0x6f ? Q_O : c === 0x74 ? Q_T : c === 0x70 ? Q_P : Q_LETTER;
  QUICK_CLASS[c] = QUICK_CLASS[c - 32] = k;
}
QUICK_CLASS[0x20] = Q_SPACE;
QUICK_CLASS[0x0a] = Q_NEWLINE;
function quickWide(c: number): number {
  // Latin-1 letters (é, ñ, ß, À…): NFKC leaves each as it is, and lower case maps each to one
  // Latin-1 letter, as the full fold does
  if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) return Q_LETTER;
  switch (c) {
    case 0x2013: // – en dash
    case 0x2014: // — em dash
    case 0xb0: // °
    case 0xa9: // ©
    case 0xae: // ®
    case 0xd7: // ×
    case 0xf7: // ÷
    case 0xa2: // ¢
    case 0xa3: // £
    case 0xa5: // ¥
    case 0x20ac: // €
    case 0xa7: // §
    case 0xb6: // ¶
    case 0x2212: // − minus sign
      return Q_SEP;
    default:
      return Q_BAD;
  }
}

/** What the quick test remembers; 'full' means the full fold is needed. */
type QuickState =
  | 'full'
  | {
      /** inside a word (a run of letters and digits) */
      word: boolean;
      /** in a word: it is one letter so far */
      single: boolean;
      /** in a word: how much of "no" / "top" it spells so far ('' = neither) */
      prefix: '' | 'n' | 'no' | 't' | 'to' | 'top';
      /** one-letter words in a row before this word, or (between words) up to the last one */
      chain: number;
      /** between words: separators since the last word (capped at 7) */
      seps: number;
      /** between words: the last word was "no" or "top" */
      rank: boolean;
      /** between words: the last character was a space */
      space: boolean;
    };

function quickStep(st: Exclude<QuickState, 'full'>, k: number): QuickState {
  if (k === Q_BAD) return 'full';
  const between = { word: false, single: false, prefix: '' as const, chain: 0, seps: 0, rank: false, space: false };
  if (k === Q_NEWLINE || k === Q_SPACE || k === Q_SEP) {
    if (st.word) {
      // the word ends here: a third one-letter word in a row is a spelled-out word
      const chain = st.single ? st.chain + 1 : 0;
      if (chain >= 3) return 'full';
      if (k === Q_NEWLINE) return between;
      return { ...between, chain, seps: 1, rank: st.prefix === 'no' || st.prefix === 'top', space: k === Q_SPACE };
    }
    if (k === Q_NEWLINE) return between;
    if (k === Q_SPACE && st.space) return 'full'; // a double space
    const seps = Math.min(st.seps + 1, 7);
    return { ...between, chain: seps <= 2 ? st.chain : 0, seps, rank: st.rank && seps <= 6, space: k === Q_SPACE };
  }
  if (k === Q_DIGIT) {
    if (!st.word && st.rank && st.seps >= 1 && st.seps <= 6) return 'full'; // no 1, top-1
    return { ...between, word: true };
  }
  // a letter
  if (st.word) {
    const p = st.prefix;
    const prefix = p === 'n' && k === Q_O ? 'no' : p === 't' && k === Q_O ? 'to' : p === 'to' && k === Q_P ? 'top' : '';
    return { ...between, word: true, prefix };
  }
  return { ...between, word: true, single: true, prefix: k === Q_N ? 'n' : k === Q_T ? 't' : '', chain: st.seps >= 1 && st.seps <= 2 ? st.chain : 0 };
}

/** The quick test's states enumerated from quickStep: rows of Q_CLASSES next-row offsets. */
function buildQuickTable(): { table: Uint16Array; start: number; full: number; end: Uint8Array } {
  const keyOf = (st: QuickState) => JSON.stringify(st);
  const states: QuickState[] = ['full', { word: false, single: false, prefix: '', chain: 0, seps: 0, rank: false, space: false }];
  const index = new Map(states.map((st, i) => [keyOf(st), i]));
  const rows: number[][] = [];
  for (let i = 0; i < states.length; i++) {
    const st = states[i]!;
    const row: number[] = [];
    for (let k = 0; k < Q_CLASSES; k++) {
      const next = st === 'full' || k > Q_BAD ? 'full' : quickStep(st, k);
      const key = keyOf(next);
      let j = index.get(key);
      if (j === undefined) {
        j = states.push(next) - 1;
        index.set(key, j);
      }
      row.push(j);
    }
    rows.push(row);
  }
  const table = new Uint16Array(states.length * Q_CLASSES);
  const end = new Uint8Array(states.length * Q_CLASSES);
  rows.forEach((row, i) => row.forEach((j, k) => (table[i * Q_CLASSES + k] = j * Q_CLASSES)));
  // at the end of the text a word ends as if a separator followed
  states.forEach((st, i) => (end[i * Q_CLASSES] = st === 'full' || quickStep(st, Q_NEWLINE) === 'full' ? 1 : 0));
  return { table, start: Q_CLASSES, full: 0, end };
}
const { table: QUICK_TABLE, start: QUICK_START, full: QUICK_FULL, end: QUICK_END } = buildQuickTable();

/**
 * The same test as a gate for Automaton.collectGated, which scans the text as lower case
 * while the test runs: on the units the test lets through, lower case maps one unit to one
 * (A–Z and the Latin-1 capitals to their small letters, everything else to itself), so the
 * scan reads exactly what it would read in text.toLowerCase().
 */
const LOWER_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) LOWER_ASCII[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
export const FAST_FOLD_GATE: ScanGate = {
  table: QUICK_TABLE,
  start: QUICK_START,
  reject: QUICK_FULL,
  rejectAtEnd: QUICK_END,
  asciiClass: QUICK_CLASS,
  asciiMap: LOWER_ASCII,
  wideClass: quickWide,
  wideMap: (c) => (c >= 0xc0 && c <= 0xde && c !== 0xd7 ? c + 32 : c),
};

/** What normaliseShared gives for text its fast-path test lets through (FAST_FOLD_GATE). */
export function lowerCaseFold(text: string): Normalised {
  return { text: text.toLowerCase(), start: null, source: text };
}

/** normalise() without copying the offset arrays out of the shared scratch buffers. */
export function normaliseShared(text: string): Normalised {
  // fast path: most English copy needs nothing but lower case, and its offsets map 1:1
  return needsFullFold(text) ? fullFold(text) : lowerCaseFold(text);
}

/** The full fold, for text the fast-path test rejects (it gives the same for any text). */
export function fullFold(text: string): Normalised {
  const table = t2sTable();
  const len = text.length;
  reserve(len + 16);
  let cap = poolCap;
  let u = P_u;
  let cls = P_cls;
  let os = P_os;
  let n = 0;
  // the separator run being written: where it starts in the output, how many original
  // units it had, and the class before it
  let runStart = -1;
  let runCount = 0;
  let runPrev = C_HARD;
  let spelled = false;
  let pairs = P_pair;
  let pairCount = 0;

  for (let i = 0; i < len; ) {
    if (runStart < 0) {
      // No separator run pending: plain units (ASCII other than separators and CR, Han, and
      // other units already known to fold to one non-separator unit) go straight out, without
      // the run bookkeeping below. Most text is this.
      while (i < len) {
        const c0 = text.charCodeAt(i);
        let x0: number;
        let k0: number;
        if (c0 < 0x80) {
          if (c0 === 0x0d) break;
          x0 = ASCII_FOLD[c0]!;
          k0 = ASCII_CLS[x0]!;
          if (k0 === C_SOFT || k0 === C_SPACE) {
            // One space before a letter, or before a digit after anything but Han or a letter,
            // stays as it is: the run handling below would decide the same (it only drops a
            // run between Han and digits, or between NO/TOP and a digit), so English prose does
            // not leave this loop at every word. A letter after a one-letter word is noted for
            // joinSpelledLetters, as the run handling does.
            if (c0 !== 0x20 || i + 1 >= len) break;
            const d = text.charCodeAt(i + 1);
            const dk = d < 0x80 ? ASCII_CLS[ASCII_FOLD[d]!]! : -1;
            const pc = n > 0 ? cls[n - 1]! : C_HARD;
            if (dk === C_LETTER) {
              if (pc === C_LETTER && (n < 2 || (cls[n - 2] !== C_LETTER && cls[n - 2] !== C_DIGIT))) {
                pairs[pairCount++] = n - 1;
                spelled = true;
              }
            } else if (!(dk === C_DIGIT && pc !== C_HAN && pc !== C_LETTER)) break;
          }
        } else if (c0 >= 0x3400 && c0 <= 0x9fff) {
          x0 = table[c0]!;
          k0 = C_HAN;
        } else {
          // seen before, one unit, not a separator: full-width commas and stops stay in here
          const fk = FOLD_KIND[c0]!;
          if (fk === 0 || fk === FOLD_DROP || fk === C_SOFT + 1 || fk === C_SPACE + 1) break;
          x0 = FOLD_UNIT[c0]!;
          k0 = fk - 1;
        }
        u[n] = x0;
        cls[n] = k0;
        os[n++] = i++;
      }
      if (i >= len) break;
    }
    const c = text.charCodeAt(i);
    let x: number;
    let k: number;
    let w = 1;
    let f: string | undefined;
    let astralHan = false;
    if (c < 0x80) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        i++; // CRLF → one newline (the LF); a bare CR folds to a newline below
        continue;
      }
      x = c === 0x0d ? 0x0a : ASCII_FOLD[c]!;
      k = ASCII_CLS[x]!;
    } else if (c >= 0x3400 && c <= 0x9fff) {
      x = table[c]!;
      k = C_HAN;
    } else if ((c < 0xd800 || c > 0xdfff) && FOLD_KIND[c] !== 0) {
      // a BMP unit seen before whose fold is one unit (full-width punctuation in Chinese copy)
      const fk = FOLD_KIND[c]!;
      if (fk === FOLD_DROP) {
        i++;
        continue;
      }
      x = FOLD_UNIT[c]!;
      k = fk - 1;
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      f = foldRare(cp, table);
      if (f.length <= 1 && (c < 0xd800 || c > 0xdfff)) {
        FOLD_KIND[c] = f.length === 0 ? FOLD_DROP : classOf(f.charCodeAt(0)) + 1;
        if (f.length === 1) FOLD_UNIT[c] = f.charCodeAt(0);
      }
      if (f.length === 0) {
        i += w; // invisible: dropped, and does not break a separator run either
        continue;
      }
      if (n + f.length + (len - i) + 1 >= cap) {
        // NFKC expansions (℃ → °c, ㍻ → 平成, ﷺ → 18 units) can outgrow the input length:
        // keep room for this one and one unit per input unit still to come (units past the
        // end of a typed array would be dropped without a word, and the text cut short)
        cap = Math.max(cap * 2, n + f.length + (len - i) + 16);
        const u2 = new Uint16Array(cap);
        u2.set(u);
        const c2 = new Uint8Array(cap);
        c2.set(cls);
        const s2 = new Int32Array(cap);
        s2.set(os);
        u = P_u = u2;
        cls = P_cls = c2;
        os = P_os = s2;
        const p2 = new Int32Array(cap);
        p2.set(pairs);
        pairs = P_pair = p2;
        poolCap = cap;
      }
      x = f.charCodeAt(0);
      k = classOf(x);
      // Astral Han (extensions B+) stays Han; other astral code points are pictographs.
      astralHan = cp >= 0x20000 && cp <= 0x3ffff;
      if (k === C_SOFT && astralHan && x >= 0xd800 && x <= 0xdfff) k = C_HAN;
    }
    // emit unit x (class k) from original offset i, then any further units of an expansion
    for (let q = 0; ; ) {
      if (k === C_SOFT || k === C_SPACE) {
        if (runStart < 0) {
          runStart = n;
          runCount = 0;
          runPrev = n > 0 ? cls[n - 1]! : C_HARD;
        }
        runCount++;
        // collapse whitespace: a space right after a space adds nothing
        if (!(k === C_SPACE && n > runStart && cls[n - 1] === C_SPACE)) {
          u[n] = x;
          cls[n] = k;
          os[n++] = i;
        }
      } else {
        if (runStart >= 0) {
          // a separator run between two characters of a term is dropped (最 好, 第 1, NO.1)
          const pc = runPrev;
          if (pc === C_LETTER && k === C_LETTER && n - runStart <= 2 && (runStart < 2 || (cls[runStart - 2] !== C_LETTER && cls[runStart - 2] !== C_DIGIT))) {
            // "x.y": maybe a word spelled out; checked after the pass, from these places only
            pairs[pairCount++] = runStart - 1;
            if (runCount <= MAX_SEPARATOR_RUN) spelled = true;
          } else if (runCount <= MAX_SEPARATOR_RUN) {
            if ((pc === C_HAN || pc === C_DIGIT) && (k === C_HAN || k === C_DIGIT) && !(pc === C_DIGIT && k === C_DIGIT)) n = runStart;
            else if (pc === C_LETTER && k === C_DIGIT && endsWithRankWord(u, cls, runStart)) n = runStart;
          }
          runStart = -1;
        }
        u[n] = x;
        cls[n] = k;
        os[n++] = i;
      }
      if (f === undefined || ++q >= f.length) break;
      x = f.charCodeAt(q);
      k = classOf(x);
      if (k === C_SOFT && astralHan && x >= 0xd800 && x <= 0xdfff) k = C_HAN;
    }
    i += w;
  }

  if (spelled) n = joinSpelledLetters(u, cls, os, n, pairs, pairCount);
  return { text: unitsToString(u, n), start: os.subarray(0, n), source: text };
}

/**
 * Runs of single letters split by separators ("b.e.s.t", "c u r e s") are one word in
 * disguise: drop the separators when at least three letters line up. In place; returns
 * the new length.
 *
 * Only the places the streaming pass saw a letter, one or two separator units and a letter,
 * with nothing alphanumeric before the first letter, are looked at: every run of two or more
 * letters starts at one of them, and anywhere else a left-to-right walk would only step on
 * by one, so starting from these gives the walk's result without visiting every unit.
 */
function joinSpelledLetters(u: Uint16Array, cls: Uint8Array, os: Int32Array, n: number, pairs: Int32Array, pairCount: number): number {
  let drop: Uint8Array | undefined;
  let from = 0;
  for (let q = 0; q < pairCount; q++) {
    const i = pairs[q]!;
    if (i < from || !isolatedLetter(cls, n, i)) continue;
    let count = 1;
    let j = i;
    for (;;) {
      let k = j + 1;
      const sepStart = k;
      while (k < n && k - sepStart < 2 && (cls[k] === C_SOFT || cls[k] === C_SPACE)) k++;
      if (k === sepStart || k >= n || !isolatedLetter(cls, n, k)) break;
      count++;
      j = k;
    }
    if (count >= 3) {
      drop ??= new Uint8Array(n);
      for (let k = i + 1; k < j; k++) if (cls[k] === C_SOFT || cls[k] === C_SPACE) drop[k] = 1;
    }
    from = j + 1;
  }
  if (!drop) return n;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (drop[i]) continue;
    u[w] = u[i]!;
    cls[w] = cls[i]!;
    os[w++] = os[i]!;
  }
  return w;
}

/** "no" / "top" as a whole word right before a digit: NO.1, No 1, TOP-1 → no1, top1. */
function endsWithRankWord(u: Uint16Array, cls: Uint8Array, n: number): boolean {
  if (n >= 2 && u[n - 2] === 0x6e && u[n - 1] === 0x6f && (n < 3 || (cls[n - 3] !== C_LETTER && cls[n - 3] !== C_DIGIT))) return true; // no
  if (n >= 3 && u[n - 3] === 0x74 && u[n - 2] === 0x6f && u[n - 1] === 0x70 && (n < 4 || (cls[n - 4] !== C_LETTER && cls[n - 4] !== C_DIGIT))) return true; // top
  return false;
}

/** Normalised form of a pattern: the same folding, without offsets. */
export function normalisePattern(p: string): string {
  return normalise(p).text;
}

/** Map a normalised span back to the original text. */
export function toOriginal(n: Normalised, a: number, b: number): [number, number] {
  const len = n.text.length;
  if (len === 0) return [0, 0];
  const s = n.start ? n.start[Math.min(a, len - 1)]! : Math.min(a, len - 1);
  const e = b > a ? endOf(n, Math.min(b - 1, len - 1)) : s;
  return [s, Math.max(s, e)];
}
