/**
 * Small matching helpers shared by the signal detectors: find cue occurrences, look at
 * the words just before one (negation, who the feeling belongs to).
 *
 * Everything looks back a bounded distance, inside the current clause only, so the cost
 * per match is constant and "I'm not sure, thanks!" does not read as a negated thanks.
 */
import { EN_FIRST_PERSON, EN_THIRD_PARTY, ZH_PARENT_SIDE, ZH_THIRD_PARTY } from './lexicon.js';

export interface Hit {
  start: number;
  end: number;
}

export function hits(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

export function anyHit(res: readonly RegExp[], text: string): Hit | undefined {
  for (const re of res) {
    const h = hits(re, text)[0];
    if (h) return h;
  }
  return undefined;
}

const ZH_BOUNDARY = /[,.。!?;:、~…\n"'()（）【】]/;
const EN_BOUNDARY = /[.,;!?:—–\n"()]/;

/** The text of the current clause before `index`, at most `max` characters. */
export function clauseBefore(text: string, index: number, max: number, boundary: RegExp): string {
  let i = index;
  const stop = Math.max(0, index - max);
  while (i > stop && !boundary.test(text[i - 1]!)) i--;
  return text.slice(i, index);
}

export const zhClauseBefore = (text: string, index: number, max = 10) => clauseBefore(text, index, max, ZH_BOUNDARY);
export const enClauseBefore = (text: string, index: number, max = 60) => clauseBefore(text, index, max, EN_BOUNDARY);

const ZH_NEGATED = /(?:不|没|别|无|未|没有|不太|不是很|不怎么|不够|不算|并不|一点都不|一点也不|没那么|不是太|不大|不用|不要|不需要|无需|不会)$/;

/** A-not-A questions (有没有, 是不是, 能不能, 要不要) are not negations: "有没有真人" asks for one. */
const ZH_A_NOT_A = /(.)(?:不|没)\1$/;

/** "不满意" is a cue of its own; this catches "不太满意", "不用担心", "没有不开心". */
export function zhNegated(compact: string, index: number): boolean {
  const before = zhClauseBefore(compact, index, 5);
  return ZH_NEGATED.test(before) && !ZH_A_NOT_A.test(before);
}

const EN_NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'without', 'hardly', 'barely', 'nor', 'neither', 'dont', 'didnt', 'isnt', 'wasnt',
  'doesnt', 'cant', 'wont',
]);

export function enWordsBefore(spaced: string, index: number, n: number): string[] {
  const words = enClauseBefore(spaced, index).trim().split(' ').filter(Boolean);
  return words.slice(Math.max(0, words.length - n));
}

/** Negated by one of the three words before it ("not happy", "don't worry", "wasn't that helpful"). */
export function enNegated(spaced: string, index: number): boolean {
  return enWordsBefore(spaced, index, 3).some((w) => EN_NEGATORS.has(w) || w.endsWith("n't"));
}

/** Whose feeling is it? 'third' when the nearest subject before the cue, in its clause,
 *  is the child or someone else ("宝宝很害怕打针", "my son is scared of the dark"). */
export function zhSubject(compact: string, index: number): 'first' | 'third' | 'none' {
  const clause = zhClauseBefore(compact, index, 10);
  let third = -1;
  for (const m of clause.matchAll(ZH_THIRD_PARTY)) third = Math.max(third, (m.index ?? 0) + m[0].length - 1);
  let first = -1;
  for (const m of clause.matchAll(ZH_PARENT_SIDE)) first = Math.max(first, (m.index ?? 0) + m[0].length - 1);
  if (third < 0 && first < 0) return 'none';
  // Equal ends mean the parent-side phrase contains the child word ("生完孩子"): the parent.
  return first >= third ? 'first' : 'third';
}

export function enSubject(spaced: string, index: number): 'first' | 'third' | 'none' {
  const words = enWordsBefore(spaced, index, 6);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (EN_FIRST_PERSON.has(w)) return 'first';
    if (EN_THIRD_PARTY.has(w)) return 'third';
  }
  return 'none';
}

/** Keeps the longest of overlapping hits (earliest first on ties), so "不开心" wins over
 *  "开心" and "not helpful" over "helpful". O(k log k) in the number of hits. */
export function longestNonOverlapping<T extends Hit>(all: T[]): T[] {
  const sorted = [...all].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: T[] = [];
  for (const h of sorted) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) kept[kept.length - 1] = h;
      continue;
    }
    kept.push(h);
  }
  return kept;
}
