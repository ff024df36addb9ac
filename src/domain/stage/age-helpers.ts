/**
 * Helpers for the age reader (age-text.ts): units, the duration-versus-age test and
 * qualifiers such as "不到" / "under". Bounded patterns only.
 */
import { parseNumber } from './numbers.js';
import { monthsToDays, pregnancyWeekFromDue } from './stages.js';
import type { AgeMention } from './age-text.js';

export type Unit = 'hour' | 'day' | 'week' | 'month' | 'year';

export function unitOf(u: string): Unit | undefined {
  if (/^(?:小时|钟头|h|hrs?|hours?)$/.test(u)) return 'hour';
  if (/^(?:天|日|d|days?)$/.test(u)) return 'day';
  if (/^(?:周|星期|礼拜|w|wks?|weeks?)$/.test(u)) return 'week';
  if (/^(?:月|m|mos?|months?)$/.test(u)) return 'month';
  if (/^(?:岁|年|y|yrs?|years?)$/.test(u)) return 'year';
  return undefined;
}

export function toDays(n: number, unit: Unit): number {
  switch (unit) {
    case 'hour':
      return Math.floor(n / 24);
    case 'day':
      return Math.round(n);
    case 'week':
      return Math.round(n * 7);
    case 'month':
      return monthsToDays(n);
    case 'year':
      return monthsToDays(n * 12);
  }
}

/** "Due in N days/weeks/months" → completed weeks of pregnancy now. */
export function dueIn(n: number | undefined, unit: Unit | undefined): Omit<AgeMention, 'start' | 'end'> | undefined {
  if (n === undefined || unit === undefined || unit === 'hour' || unit === 'year') return undefined;
  const days = unit === 'day' ? n : unit === 'week' ? n * 7 : Math.round(n * 30.4375);
  if (days < 0 || days > 280) return undefined;
  return { kind: 'pregnancy', pregnancyWeek: pregnancyWeekFromDue(days) };
}

/** Pregnancy months said in words ("怀孕七个月", "7 months pregnant") → weeks (7 → 30). */
export const monthsToPregnancyWeeks = (m: number) => Math.round(m * 4.345);

export const PUNCT = /[，,。.!！?？;；:：、\n()（）\s]/;
/** Characters that make a following "N天/N周" a duration, not an age: symptoms and verbs. */
export const DURATION_CUE = /[烧热吐拉泻咳嗽痛疼哭闹痒肿血喘尿便睡奶疹黄病症药院了续近去]/;
export const SYMPTOM_CUE = /[烧热吐拉泻咳嗽痛疼哭闹痒肿血喘尿便疹黄病症药续]/;
export const CHILD_NOUN = /(?:宝宝|宝贝|孩子|小孩|女儿|儿子|婴儿|娃娃|娃|闺女|新生儿|我家|老大|老二|小朋友)$/;

/** The up-to-n characters before `i`, cut at the last clause boundary. */
export function clauseBefore(text: string, i: number, n: number): string {
  const s = text.slice(Math.max(0, i - n), i);
  let k = s.length;
  while (k > 0 && !PUNCT.test(s[k - 1]!)) k--;
  return s.slice(k);
}

/** "不到3个月", "under 3 months", "almost 2": read as half a unit younger (the safer side). */
export function underQualifier(text: string, start: number): boolean {
  const b = text.slice(Math.max(0, start - 12), start);
  return /(?:不到|未满|不满|没满|不足|还没到|快)$/.test(b) || /(?:under|less than|younger than|not yet|almost|nearly) $/.test(b);
}

export const num = (s: string | undefined) => (s === undefined ? undefined : parseNumber(s));

/** "N个半月" / "N岁半" / "N and a half" add half a unit; "多" (a bit more) adds nothing. */
export function childAge(text: string, start: number, n: number | undefined, unit: Unit | undefined, half: boolean) {
  if (n === undefined || unit === undefined) return undefined;
  let v = n + (half ? 0.5 : 0);
  if (underQualifier(text, start)) v = Math.max(0, v - 0.5);
  const ageDays = toDays(v, unit);
  // A "child" older than 12 years is almost always the parent ("我28岁"): not a child age.
  if (ageDays > monthsToDays(144)) return undefined;
  return { kind: 'child' as const, ageDays };
}

/** Is "N天/N周/N个月" at [start,end) a duration (发烧3天, 3天没拉, 3天前) rather than an age? */
export function isDuration(text: string, start: number, end: number, unit: 'day' | 'month'): boolean {
  const after = text.slice(end, end + 3);
  if (/^(?:前|以前|之前|后|以后|之后|内|以来|左右|没|都没|了没|一次|里|中)/.test(after)) return true;
  const before = clauseBefore(text, start, 6);
  if (unit === 'month') {
    return SYMPTOM_CUE.test(before.slice(-4)) || /(?:持续|连续|过去|最近|近|这)$/.test(before);
  }
  // Days and weeks are ages only in plain positions: "10天", "宝宝10天了，…".
  if (DURATION_CUE.test(before.replace(CHILD_NOUN, ''))) return true;
  return !/^(?:$|[，,。.!！?？;；:：、\s)）]|了(?:$|[，,。.!！?？;；\s])|的)/.test(after);
}

