/**
 * Where a match stands in the message: negated ("没有发烧", "no fever"), part of a general
 * question ("想了解高热惊厥", "what are the signs of…"), a past episode ("上次抽过一次",
 * "had a febrile seizure last year") or a present symptom.
 *
 * Negation is scoped to the clause (split at punctuation and at but/但是/可是), so
 * "没有发烧但是嘴唇发紫" still fires on 嘴唇发紫. Topic and history cues are located once
 * per message and looked up by binary search, and every window is bounded, so the cost
 * stays linear even for a 100 KB message with no punctuation.
 */
import { RegexGate, type GramSet } from './gate.js';

export type Mode = 'present' | 'history' | 'topic';

/** Clause breaks, as a regex: the reference `clauseBounds` is tested against. */
export const CLAUSE_BREAK = /[。，,;；!！?？\n:：…]|\.(?=\s|$)|但是|可是|不过|然而|\s(?:but|however|though|although|except|whereas)\b/g;

/** Questions about a topic rather than a symptom (the cue must sit in the match's clause). */
const TOPIC_CUE = new RegExp(
  [
    '想了解|了解一下|想问问?一下?(?:关于)?|科普|怎么预防|如何预防|怎样预防|预防(?:措施|方法)|如何判断|怎么判断|怎样判断|怎么知道|怎么看出|怎么识别|如何识别',
    '为(?:啥|什么)[^，。？?！!]{0,10}(?:危险|有害|要紧)|哪些东西(?:要|需要|得|应该)?(?:收|放|藏|锁)|有哪些(?:表现|症状|信号|征兆|危险)|有什么(?:表现|症状|信号|征兆)|是什么(?:表现|症状|原因)|哪些情况|什么情况下|什么时候(?:需要|应该|要)|最好的(?:办法|方法)',
    '一般(?:来说|来讲|多久|几天|要多久|什么时候)|通常(?:来说|多久)|多久(?:会退|能退|退|能好|会好|干净)',
    String.raw`\bwhat (?:are|is) (?:the )?(?:signs?|symptoms?|causes?|warning signs?)\b|\bhow (?:do|can|would|should) (?:i|you|we|parents) (?:know|tell|recogni[sz]e|spot|prevent|avoid|handle|do|give|perform)\b`,
    String.raw`\bhow to (?:prevent|tell|know|spot|recogni[sz]e|avoid|handle|treat|deal)\b|\bwhat'?s the (?:best|right|safest) way\b|\bbest way to\b`,
    String.raw`\bwhen should (?:i|we|you)\b|\bwhat temperature\b|\bhow long (?:does|do|will|should)\b|\bis it normal (?:for|to|that)\b|\bwhat is (?:a |the )?normal\b|\bfirst aid for\b`,
  ].join('|'),
  'g',
);

/** Conditionals ("如果…", "what should I do if…"): a general question, except for first-person crisis statements. */
const CONDITIONAL_CUE = new RegExp(
  [
    '如果|假如|假设|万一',
    String.raw`\bwhat (?:should|do|would) (?:i|we|you) do (?:if|when)\b|\bwhat to do (?:if|when)\b|\bwhat would (?:that|it|this) mean\b|\bif (?:a|my|your|the|our) (?:baby|child|kid|toddler|son|daughter|newborn|infant)\b|\bif (?:they|he|she)(?:'re|'s| are| is) (?:choking|not breathing|having a (?:seizure|fit))\b|\bin case\b`,
  ].join('|'),
  'g',
);

/** Cues that frame the rest of the message as general ("quick general question:"). */
const FRAME_CUE = new RegExp(
  [
    '想学|学一下|想了解|了解一下|提前(?:了解|准备|学|问)|科普|纯属好奇|出于好奇|想系统',
    String.raw`\bhypothetical(?:ly)?\b|\bin general\b|\bgeneral question\b|\bjust (?:want|wanted) to (?:be prepared|know|learn|check|understand)\b|\bwant to (?:learn|be prepared)\b|\bfor future reference\b|\bout of curiosity\b|\bjust curious\b|\bin theory\b`,
  ].join('|'),
  'g',
);

/** A symptom happening now: overrides a general frame (strong ones even inside a topic clause). */
const PRESENT_STRONG = /现在(?![\d一二两三四五六七八九十几]{1,3}个?(?:多|半)?(?:月|岁|周|天))(?!(?:已经|早就?|都|全)?(?:好了|没事|正常了|恢复了))|正在|刚刚|刚才|此刻|这会儿|\bright now\b|\bat the moment\b|\bcurrently\b|\bjust now\b/g;
const PRESENT_WEAK = /一直在|还在|突然|\bnow\b|\bis (?:having|choking|fitting|seizing|convulsing|not breathing)\b|\bjust (?:had|swallowed|drank|ate|fell)\b|\bminutes ago\b|\btoday\b|\btonight\b|\bthis (?:morning|evening|afternoon)\b|今天|今晚/g;

/** A past episode, not a present one. English cues may follow the symptom ("…last year"). */
const HISTORY_BEFORE = /上次|上一次|上个月|上上个月|前段时间|去年|曾经|小时候|几个月前|几年前|既往|\bpreviously\b|\bin the past\b|\bhistory of\b|\bused to (?:have|get)\b|\blast (?:year|time|month)\b/g;
const HISTORY_AFTER = /\b(?:last (?:year|month|summer|winter|time)|(?:a |one |two |few |several |\d{1,2} )(?:years?|months?) ago|as a baby|when (?:he|she) was (?:a baby|younger|little|small))\b|抽过|有过/g;

const ZH_NEG = /(?:(?<!有)没有|没|(?<![是会])不|无|未|并非|(?<!是)不是|不像是?|(?<!会)不会|从来没有?|从没)(?:有|再|太|怎么|什么|出现|发现|见|过|会|是|感觉|看到)?(?:明显的?|任何|什么)?(?:的)?$/;
const ZH_NEG_COORD = /(?:没有|没|不|无|未)[^，。、]{1,6}(?:和|或者?|跟|及|、|也没有?|也不)$/;
const EN_NEG = /\b(?:no|not|never|without|none|nor|neither|denies|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|doesn't|don't|didn't|won't|absence of|free of|negative for)\b(?!\s(?:sure|certain|know|knowing|think|clear|able to tell))/g;
const EN_RESET = /\b(?:and|but|now|then|just|although|though|however|yet|so|because|since|until|while|also)\b/g;

/** Start positions of the matches of `re` in `text`; none when the literal gate rules the regex out. */
function positions(re: RegExp, gate: RegexGate, text: string, grams: GramSet | undefined): number[] {
  const out: number[] = [];
  if (grams && !gate.maybe(grams)) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Is any of the sorted positions in [from, to)? */
function anyIn(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < to;
}

/** Index of the first boundary > i. The clause around i is [bounds[k - 1] or 0, bounds[k] or n). */
function after(bounds: number[], i: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
/** JavaScript's \w (without the u flag). */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** Punctuation that ends a clause: 。，,;；!！?？\n:：… */
function isBreak(c: number): boolean {
  if (c < 0x80) return c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x3a;
  return c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0xff1a || c === 0x2026;
}
/** 但是 可是 不过 然而: the second character after the first, or 0. */
function zhConjunctionEnd(c: number): number {
  return c === 0x4f46 || c === 0x53ef ? 0x662f : c === 0x4e0d ? 0x8fc7 : c === 0x7136 ? 0x800c : 0;
}
/** but however though although except whereas, by first letter: each letter starts just one. */
const EN_CONJUNCTION = new Map(['but', 'however', 'though', 'although', 'except', 'whereas'].map((w) => [w.charCodeAt(0), w]));

/**
 * Clause boundaries: what a global scan with CLAUSE_BREAK gives (punctuation ends a clause,
 * so the boundary is after it; a conjunction starts the next one, so it is before it), as
 * one pass over the character codes with no match objects.
 */
export function clauseBounds(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p);
    if (isBreak(c) || (c === 0x2e && (p + 1 === n || isSpace(text.charCodeAt(p + 1))))) {
      out.push(p + 1);
      continue;
    }
    if (c >= 0x4e00 && c <= 0x9fff) {
      const second = zhConjunctionEnd(c);
      if (second !== 0 && p + 1 < n && text.charCodeAt(p + 1) === second) {
        out.push(p);
        p++;
      }
      continue;
    }
    if (p + 1 < n && isSpace(c)) {
      const en = EN_CONJUNCTION.get(text.charCodeAt(p + 1));
      if (en === undefined || !text.startsWith(en, p + 1)) continue;
      const e = p + 1 + en.length;
      if (e < n && isWordChar(text.charCodeAt(e))) continue;
      out.push(p);
      p = e - 1;
    }
  }
  return out;
}

const GATES = new Map<RegExp, RegexGate>(
  [TOPIC_CUE, CONDITIONAL_CUE, FRAME_CUE, PRESENT_STRONG, PRESENT_WEAK, HISTORY_BEFORE, HISTORY_AFTER].map((re) => [re, new RegexGate(re)]),
);
const CJK = (c: number) => c >= 0x3400 && c <= 0x9fff;
const LATIN_LOWER = (c: number) => c >= 97 && c <= 122;
/** 没 不 无 未 非: every Chinese negation cue has one. */
const ZH_NEG_CHARS = new Set([...'没不无未非'].map((ch) => ch.charCodeAt(0)));

/** How far cues may be from a match, in characters: keeps lookups bounded. */
const WINDOW = 120;

export class Scope {
  private readonly n: number;
  private readonly clauses: number[];
  // Cue positions, found on first use (most messages need only some of them).
  private topicAt?: number[];
  private conditionalAt?: number[];
  private strongAt?: number[];
  private weakAt?: number[];
  private histBeforeAt?: number[];
  private histAfterAt?: number[];
  /** Positions of whole-message frames ("just want to be prepared"). */
  private frameAt?: number[];

  /**
   * `grams`, when given, must hold the n-grams of `text` (gate.ts) for as long as the scope
   * is used (cues are looked up on first use); cue regexes whose literals cannot be in the
   * text are then not run.
   */
  constructor(
    private readonly text: string,
    private readonly grams?: GramSet,
  ) {
    this.n = text.length;
    // A boundary is the index just after the break, so a clause is [start, end).
    this.clauses = clauseBounds(text);
  }

  private cue(re: RegExp): number[] {
    return positions(re, GATES.get(re)!, this.text, this.grams);
  }
  private get topic(): number[] {
    return (this.topicAt ??= this.cue(TOPIC_CUE));
  }
  private get conditional(): number[] {
    return (this.conditionalAt ??= this.cue(CONDITIONAL_CUE));
  }
  private get strong(): number[] {
    return (this.strongAt ??= this.cue(PRESENT_STRONG));
  }
  private get weak(): number[] {
    return (this.weakAt ??= this.cue(PRESENT_WEAK));
  }
  private get histBefore(): number[] {
    return (this.histBeforeAt ??= this.cue(HISTORY_BEFORE));
  }
  private get histAfter(): number[] {
    return (this.histAfterAt ??= this.cue(HISTORY_AFTER));
  }
  private get frame(): number[] {
    return (this.frameAt ??= this.cue(FRAME_CUE));
  }

  /** Is the match at [start, end) negated within its clause? */
  negated(start: number, end: number): boolean {
    const k = after(this.clauses, start);
    const cs = k > 0 ? this.clauses[k - 1]! : 0;
    const from = Math.max(cs, start - 40);
    const t = this.text;
    // A zh cue directly before the symptom: "没有发烧", "不是抽搐", "没有发烧和抽搐".
    let cjk = start > from && CJK(t.charCodeAt(start - 1));
    for (let i = start, e = Math.min(end, start + 4); !cjk && i < e; i++) cjk = CJK(t.charCodeAt(i));
    if (cjk) {
      const tailFrom = Math.max(from, start - 10);
      let neg = false;
      for (let i = tailFrom; !neg && i < start; i++) neg = ZH_NEG_CHARS.has(t.charCodeAt(i));
      if (neg) {
        const tail = t.slice(tailFrom, start);
        if (ZH_NEG.test(tail) || ZH_NEG_COORD.test(tail)) return true;
      }
      let latin = false;
      for (let i = Math.max(from, start - 12); !latin && i < start; i++) latin = LATIN_LOWER(t.charCodeAt(i));
      if (!latin) return false;
    }
    // English: a negation among the last few words with no "and/but/now" after it.
    const words = t.slice(from, start);
    let lastNeg = -1;
    EN_NEG.lastIndex = 0;
    for (let m = EN_NEG.exec(words); m !== null; m = EN_NEG.exec(words)) lastNeg = m.index + m[0].length;
    if (lastNeg < 0) return false;
    const rest = words.slice(lastNeg);
    EN_RESET.lastIndex = 0;
    return !EN_RESET.test(rest);
  }

  /**
   * present / history / topic for a (non-negated) match at [start, end). Topic cues count
   * only before the match ("想了解高热惊厥", "what are the signs of…"), so text added after a
   * symptom never turns it into a general question. With `selfReport` (thoughts of suicide
   * or harm) conditionals and frames do not count: "如果我死了就好了" is a statement.
   */
  mode(start: number, end: number, selfReport = false): Mode {
    const k = after(this.clauses, start);
    const cs = k > 0 ? this.clauses[k - 1]! : 0;
    const ce = k < this.clauses.length ? this.clauses[k]! : this.n;
    const c0 = Math.max(cs, start - WINDOW);
    const c1 = Math.min(ce, end + WINDOW);
    const strong = anyIn(this.strong, c0, c1);
    const present = strong || anyIn(this.weak, c0, c1);
    const topical = anyIn(this.topic, c0, start) || (!selfReport && anyIn(this.conditional, c0, start));
    if (topical) return strong ? 'present' : 'topic';
    // A whole-message frame ("Quick general question:", "想系统了解一下") covers what follows it.
    if (!selfReport && !present && anyIn(this.frame, 0, start)) return 'topic';
    if (!present && (anyIn(this.histBefore, c0, start) || anyIn(this.histAfter, start, c1))) return 'history';
    return 'present';
  }
}
