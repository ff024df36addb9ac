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
export type Mode = 'present' | 'history' | 'topic';

const CLAUSE_BREAK = /[。，,;；!！?？\n:：…]|\.(?=\s|$)|但是|可是|不过|然而|\s(?:but|however|though|although|except|whereas)\b/g;

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

function positions(re: RegExp, text: string): number[] {
  const out: number[] = [];
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

/** Largest boundary ≤ i (as a start) and smallest boundary > i (as an end). */
function span(bounds: number[], i: number, n: number): [number, number] {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! <= i) lo = mid + 1;
    else hi = mid;
  }
  return [lo > 0 ? bounds[lo - 1]! : 0, lo < bounds.length ? bounds[lo]! : n];
}

/** How far cues may be from a match, in characters: keeps lookups bounded. */
const WINDOW = 120;

export class Scope {
  private readonly n: number;
  private readonly clauses: number[];
  private readonly topic: number[];
  private readonly conditional: number[];
  private readonly strong: number[];
  private readonly weak: number[];
  private readonly histBefore: number[];
  private readonly histAfter: number[];
  /** Positions of whole-message frames ("just want to be prepared"). */
  private readonly frame: number[];

  constructor(private readonly text: string) {
    this.n = text.length;
    // A boundary is the index just after the break, so a clause is [start, end).
    this.clauses = [];
    CLAUSE_BREAK.lastIndex = 0;
    for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
      // Conjunctions start the next clause; punctuation ends the current one.
      const isWord = /[a-z但可不然]/.test(m[0].trim()[0] ?? '');
      this.clauses.push(isWord ? m.index : m.index + m[0].length);
    }
    this.topic = positions(TOPIC_CUE, text);
    this.conditional = positions(CONDITIONAL_CUE, text);
    this.strong = positions(PRESENT_STRONG, text);
    this.weak = positions(PRESENT_WEAK, text);
    this.histBefore = positions(HISTORY_BEFORE, text);
    this.histAfter = positions(HISTORY_AFTER, text);
    this.frame = positions(FRAME_CUE, text);
  }

  /** Is the match at [start, end) negated within its clause? */
  negated(start: number, end: number): boolean {
    const [cs] = span(this.clauses, start, this.n);
    const from = Math.max(cs, start - 40);
    const before = this.text.slice(from, start);
    const own = this.text.slice(start, Math.min(end, start + 4));
    // A zh cue directly before the symptom: "没有发烧", "不是抽搐", "没有发烧和抽搐".
    if (/[\u3400-\u9fff]/.test(own) || /[\u3400-\u9fff]$/.test(before)) {
      const tail = before.slice(-10);
      if (ZH_NEG.test(tail) || ZH_NEG_COORD.test(tail)) return true;
      if (!/[a-z]/.test(before.slice(-12))) return false;
    }
    // English: a negation among the last few words with no "and/but/now" after it.
    const words = before.slice(-48);
    let lastNeg = -1;
    EN_NEG.lastIndex = 0;
    for (let m = EN_NEG.exec(words); m !== null; m = EN_NEG.exec(words)) lastNeg = m.index + m[0].length;
    if (lastNeg < 0) return false;
    EN_RESET.lastIndex = lastNeg;
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
    const [cs, ce] = span(this.clauses, start, this.n);
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
