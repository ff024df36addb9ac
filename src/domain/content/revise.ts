import { getSlotText, pruneEmpty, setSlotText, type Rendered, type Slot, type SlotRef } from './render.js';
import type { ContentDoc, DraftFinding, Finding, Locale } from './types.js';

/** A finding mapped onto the one string of the document it sits in. */
export interface LocatedFinding {
  finding: DraftFinding;
  slot?: Slot;
  /** Offsets into that slot's string. */
  start: number;
  end: number;
}

/**
 * Maps checker findings (offsets into "title\nbody") onto the draft: to a field-relative
 * finding for the API, and to the document string it falls in for revision. A finding
 * in rendering furniture (a "## " or a segment's timing) has no slot and is not revised.
 */
export function locate(findings: Finding[], rendered: Rendered, bodyOffset: number): LocatedFinding[] {
  return findings.map((f) => {
    // a zero-length finding at the very start is about the whole text (a missing label): the body's
    const docLevel = f.start === f.end && f.start === 0;
    const inTitle = !docLevel && rendered.title !== undefined && rendered.title !== '' && f.start < bodyOffset;
    const field: 'title' | 'body' = inTitle ? 'title' : 'body';
    const base = inTitle ? 0 : bodyOffset;
    const fieldLen = inTitle ? rendered.title!.length : rendered.body.length;
    const start = Math.max(0, Math.min(fieldLen, f.start - base));
    const end = Math.max(start, Math.min(fieldLen, f.end - base));
    const df: DraftFinding = { ...f, field, start, end };
    const slot = rendered.slots.find((s) => s.field === field && start >= s.start && start < s.end);
    if (!slot) return { finding: df, start, end };
    return { finding: df, slot, start: start - slot.start, end: Math.min(end, slot.end) - slot.start };
  });
}

/** Categories the mandatory-elements step resolves: revising text cannot fix a missing label. */
const LABEL_CATEGORIES = new Set(['ad_disclosure', 'aigc_label']);

export function isRevisable(l: LocatedFinding): boolean {
  const f = l.finding;
  return (f.severity === 'block' || f.severity === 'review') && !LABEL_CATEGORIES.has(f.category) && f.end > f.start && l.slot !== undefined;
}

export type ChangeHow = 'replacement' | 'remove_span' | 'remove_clause' | 'remove_sentence' | 'llm_rewrite';

export interface Change {
  ruleIds: string[];
  field: 'title' | 'body';
  /** Which string of the document changed, e.g. "blocks[3].text" or "title". */
  path: string;
  from: string;
  to: string;
  how: ChangeHow;
}

export function slotPath(ref: SlotRef): string {
  switch (ref.kind) {
    case 'title':
      return 'title';
    case 'heading':
      return `blocks[${ref.block}].heading`;
    case 'text':
      return `blocks[${ref.block}].text`;
    case 'item':
      return `blocks[${ref.block}].items[${ref.item}]`;
    case 'tag':
      return `tags[${ref.tag}]`;
  }
}

const slotKey = (ref: SlotRef) => slotPath(ref);

// ---------------------------------------------------------------- text surgery

const SENTENCE_END_ZH = /[。！？!?\n]/u;
const CLAUSE_END_ZH = /[，,；;：:、。！？!?\n]/u;

/** Boundaries of the unit (clause or sentence) around [start, end) in `s`. */
function unitAround(s: string, start: number, end: number, level: 'clause' | 'sentence', locale: Locale): [number, number] {
  const isEnd = (i: number): boolean => {
    const ch = s[i]!;
    if (level === 'sentence') {
      if (locale === 'en' && ch === '.') return i + 1 >= s.length || /\s/.test(s[i + 1]!);
      return SENTENCE_END_ZH.test(ch) || (locale === 'en' && ch === '.' && (i + 1 >= s.length || /\s/.test(s[i + 1]!)));
    }
    if (ch === '.') return i + 1 >= s.length || /\s/.test(s[i + 1]!);
    return CLAUSE_END_ZH.test(ch);
  };
  // a leading bullet emoji belongs to the paragraph, not to the clause being cut
  const prefix = /^(?:\p{Extended_Pictographic}\uFE0F?)+\s*/u.exec(s)?.[0].length ?? 0;
  let a = start;
  while (a > 0 && !isEnd(a - 1)) a--;
  if (start >= prefix) a = Math.max(a, prefix);
  let b = Math.max(end, start);
  while (b < s.length && !isEnd(b)) b++;
  // A clause goes with the comma before it ("含DHA，促进大脑发育；…" → "含DHA；…"), so the
  // stronger delimiter after it survives; a clause that opens its sentence takes the comma
  // after it. A sentence takes its own end mark.
  if (level === 'clause' && a > prefix && /[，,、]/u.test(s[a - 1]!)) return [a - 1, b];
  if (b < s.length) {
    const ch = s[b]!;
    if (level === 'sentence' || !/[。！？!?.\n]/u.test(ch)) b++;
  }
  return [a, b];
}

/**
 * Tidies what a removal leaves behind: doubled or dangling punctuation, spaces before
 * punctuation, empty brackets, a clause that starts with a comma.
 */
export function cleanPunctuation(s: string): string {
  let t = s;
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/（\s*）|\(\s*\)|【\s*】|“\s*”|"\s*"/gu, '')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([,.;:!?，。；：！？、）)】])/gu, '$1')
      .replace(/([（(【])[ \t]+/gu, '$1')
      .replace(/[，,、；;：:]+([。！？.!?])/gu, '$1')
      .replace(/([，,、；;：:])[，,、；;：:]+/gu, '$1')
      .replace(/([。！？])[，,、；;：:。]+/gu, '$1')
      .replace(/(^|\n)[ \t]*[，,、；;：:。.!！?？]+[ \t]*/gu, '$1')
      .replace(/([.!?])\s*[,;:]+/g, '$1')
      .replace(/\.{2,}/g, '.')
      // "最好的奶粉" minus "最好" leaves a dangling possessive
      .replace(/(^|[，。！？；：\n])的(?![确士])/gu, '$1');
  }
  return t.replace(/^[ \t]+|[ \t]+$/gm, '').trim();
}

/** True when a clause has no words left worth keeping (e.g. "的", "and", "with"). */
function hollow(s: string, locale: Locale): boolean {
  const cjk = (s.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const words = (s.match(/[A-Za-z0-9]+/g) ?? []).length;
  return locale === 'en' ? words + cjk / 2 < 2 : cjk + words < 2;
}

/**
 * A string with nothing left to say once a claim was cut from it: a bare bullet emoji,
 * a host cue ("主播：") with no line, punctuation. It is emptied, and the block dropped.
 */
export function hollowSlot(s: string, locale: Locale): boolean {
  const rest = s.replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '').replace(/^(?:主播|Host)\s*[：:]?/u, '');
  return hollow(rest, locale);
}

/** Rankings are claims, not adjectives: "销量第一", "#1 choice", "遥遥领先" go with their clause. */
const RANKING = /第[一1]|no\.?\s*1|#\s*1|top\s*\d|冠军|领先|领导品牌|排名|number one|leading|best-?selling/iu;

/**
 * How hard the first cut is for a finding. An absolute adjective (最好, 最温和, best,
 * safest) is a word: cut the word, or apply the checker's replacement, and the sentence
 * still stands. Anything else — a ranking, a disease or function claim, an endorsement —
 * is a verb and its object: cutting only the marked span can leave a clause that says
 * something else ("可以缓解湿疹引起的干痒" → "可以引起的干痒"), so the clause goes.
 */
export function firstCut(f: { category: string; match: string }): 1 | 2 {
  return f.category === 'absolute_claim' && !RANKING.test(f.match) ? 1 : 2;
}

/**
 * The checker's replacement is used offline only for absolute terms (the word without its
 * superlative), where it cannot add a claim the brief did not make. Elsewhere the clause
 * is cut: a generic rewrite of a medical claim ("温和护理肌肤") would put words in the
 * brand's mouth, and deleting just the marked term can leave the rest of the claim.
 */
export function usableReplacement(f: { category: string; replacement?: string }): string | undefined {
  return f.category === 'absolute_claim' ? f.replacement : undefined;
}

/**
 * One offline edit of [start, end) in `s` at the given escalation level. Returns the raw
 * text (punctuation is tidied once all edits of a string are made, so the offsets of
 * the edits still to come stay valid) and the lowest index the edit touched.
 */
export function editSpan(
  s: string,
  start: number,
  end: number,
  level: 1 | 2 | 3,
  replacement: string | undefined,
  locale: Locale,
): { text: string; how: ChangeHow; from: number } {
  if (level === 1) {
    if (replacement !== undefined) return { text: capitalizeAt(s.slice(0, start) + replacement + s.slice(end), start, locale), how: 'replacement', from: start };
    const removed = capitalizeAt(s.slice(0, start) + s.slice(end), start, locale);
    // a clause emptied by the removal goes with it
    const [a, b] = unitAround(removed, start, start, 'clause', locale);
    if (hollow(removed.slice(a, b), locale)) return { text: capitalizeAt(removed.slice(0, a) + removed.slice(b), a, locale), how: 'remove_clause', from: a };
    return { text: removed, how: 'remove_span', from: start };
  }
  const [a, b] = unitAround(s, start, end, level === 2 ? 'clause' : 'sentence', locale);
  return { text: capitalizeAt(s.slice(0, a) + s.slice(b), a, locale), how: level === 2 ? 'remove_clause' : 'remove_sentence', from: a };
}

/** After a cut at the start of an English sentence, the sentence still starts with a capital. */
function capitalizeAt(s: string, at: number, locale: Locale): string {
  if (locale !== 'en') return s;
  if (!/^\s*$|[.!?]\s*$/.test(s.slice(0, at))) return s;
  const m = /^[\s,;:]*([a-z])/.exec(s.slice(at));
  if (!m) return s;
  const i = at + m[0].length - 1;
  return s.slice(0, i) + m[1]!.toUpperCase() + s.slice(i + 1);
}

/**
 * Offline revision of one round. Each finding is edited in its own string, the last
 * first so earlier offsets stay valid; overlapping findings are handled once. `level`
 * says how hard to cut: the checker's replacement or the span itself, then the clause,
 * then the sentence, so a claim the checker keeps seeing is gone by the third round.
 */
export function reviseOffline(doc: ContentDoc, located: LocatedFinding[], levelFor: (l: LocatedFinding) => 1 | 2 | 3, locale: Locale): Change[] {
  const bySlot = new Map<string, LocatedFinding[]>();
  for (const l of located.filter(isRevisable)) {
    const k = slotKey(l.slot!.ref);
    bySlot.set(k, [...(bySlot.get(k) ?? []), l]);
  }
  const changes: Change[] = [];
  for (const list of bySlot.values()) {
    const ref = list[0]!.slot!.ref;
    const before = getSlotText(doc, ref);
    let text = before;
    const rules = new Set<string>();
    const hows = new Set<ChangeHow>();
    let floor = Infinity;
    for (const l of [...list].sort((x, y) => y.start - x.start || y.end - x.end)) {
      if (l.end > floor) continue; // overlaps an edit already made
      const r = editSpan(text, l.start, l.end, levelFor(l), usableReplacement(l.finding), locale);
      text = r.text;
      floor = Math.min(l.start, r.from);
      hows.add(r.how);
      rules.add(l.finding.ruleId);
    }
    text = cleanPunctuation(text);
    if (hollowSlot(text, locale)) text = '';
    if (text !== before) {
      setSlotText(doc, ref, text);
      const order: ChangeHow[] = ['remove_sentence', 'remove_clause', 'remove_span', 'replacement'];
      changes.push({ ruleIds: [...rules], field: list[0]!.finding.field, path: slotPath(ref), from: before, to: text, how: order.find((h) => hows.has(h)) ?? 'remove_span' });
    }
  }
  pruneEmpty(doc);
  return changes;
}

// ---------------------------------------------------------------- model rewrites

export interface RewriteItem {
  id: string;
  text: string;
  problems: { match: string; message: string; suggestion: string }[];
}

interface SentenceTarget {
  ref: SlotRef;
  start: number;
  end: number;
  item: RewriteItem;
  findings: LocatedFinding[];
}

/** Groups revisable findings by the sentence they sit in: the unit a model rewrites. */
export function rewriteTargets(doc: ContentDoc, located: LocatedFinding[], locale: Locale): SentenceTarget[] {
  const targets: SentenceTarget[] = [];
  for (const l of located.filter(isRevisable)) {
    const s = getSlotText(doc, l.slot!.ref);
    const [a, b] = unitAround(s, l.start, l.end, 'sentence', locale);
    const existing = targets.find((t) => slotKey(t.ref) === slotKey(l.slot!.ref) && a < t.end && b > t.start);
    const problem = { match: l.finding.match, message: l.finding.message, suggestion: l.finding.suggestion };
    if (existing) {
      existing.start = Math.min(existing.start, a);
      existing.end = Math.max(existing.end, b);
      existing.item.text = s.slice(existing.start, existing.end);
      existing.item.problems.push(problem);
      existing.findings.push(l);
    } else {
      targets.push({ ref: l.slot!.ref, start: a, end: b, item: { id: `s${targets.length + 1}`, text: s.slice(a, b), problems: [problem] }, findings: [l] });
    }
  }
  return targets;
}

/** Puts the model's rewrites in place; a sentence the model did not return is left for the next round. */
export function applyRewrites(doc: ContentDoc, targets: SentenceTarget[], rewrites: { id: string; text: string }[]): Change[] {
  const byId = new Map(rewrites.map((r) => [r.id, r.text]));
  const changes: Change[] = [];
  const bySlot = new Map<string, SentenceTarget[]>();
  for (const t of targets) bySlot.set(slotKey(t.ref), [...(bySlot.get(slotKey(t.ref)) ?? []), t]);
  for (const list of bySlot.values()) {
    const ref = list[0]!.ref;
    const before = getSlotText(doc, ref);
    let text = before;
    const rules = new Set<string>();
    for (const t of [...list].sort((x, y) => y.start - x.start)) {
      const rw = byId.get(t.item.id);
      if (rw === undefined) continue;
      const sep = /\s$/.test(t.item.text) && !/\s$/.test(rw) ? ' ' : '';
      text = text.slice(0, t.start) + rw.trim() + sep + text.slice(t.end);
      for (const f of t.findings) rules.add(f.finding.ruleId);
    }
    text = cleanPunctuation(text);
    if (hollowSlot(text, 'zh-CN') && hollowSlot(text, 'en')) text = '';
    if (text !== before) {
      setSlotText(doc, ref, text);
      changes.push({ ruleIds: [...rules], field: ref.kind === 'title' ? 'title' : 'body', path: slotPath(ref), from: before, to: text, how: 'llm_rewrite' });
    }
  }
  pruneEmpty(doc);
  return changes;
}
