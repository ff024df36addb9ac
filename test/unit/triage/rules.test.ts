import { describe, expect, it } from 'vitest';
import { RULES, SIGNALS, type TriageRule } from '../../../src/domain/triage/index.js';
import { alternatives, GramSet, gramKeys, literalPlan } from '../../../src/domain/triage/gate.js';

const ALL: TriageRule[] = [...SIGNALS, ...RULES];
const ids = new Set(ALL.map((r) => r.id));

/** Unescaped *, + or {n,} outside a character class: unbounded repetition. */
function unbounded(src: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return src.slice(Math.max(0, i - 15), i + 1);
    else if (c === '{' && /^\{\d+,\}/.test(src.slice(i))) return src.slice(Math.max(0, i - 15), i + 5);
  }
  return undefined;
}

describe('rule table', () => {
  it('has unique ids, and every reference points to a known rule or signal', () => {
    expect(ids.size).toBe(ALL.length);
    for (const r of ALL) {
      for (const ref of [...(r.allOf ?? []), ...(r.anyOf ?? []), ...(r.noneOf ?? [])]) {
        expect(ids.has(ref), `${r.id} → ${ref}`).toBe(true);
      }
    }
  });

  it('gives every leveled rule a source, a specialty and labels in both locales', () => {
    expect(RULES.length).toBeGreaterThan(80);
    for (const r of RULES) {
      expect(r.source, r.id).toBeTruthy();
      expect(r.specialty, r.id).toBeTruthy();
      expect(r.label?.['zh-CN'], r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.label?.en, r.id).toMatch(/[a-z]/i);
      if (r.level === 'emergency') {
        expect(r.firstSteps?.['zh-CN'].length, r.id).toBeGreaterThan(0);
        expect(r.firstSteps?.en.length, r.id).toBe(r.firstSteps?.['zh-CN'].length);
        expect(r.doNot?.en.length, r.id).toBe(r.doNot?.['zh-CN'].length);
      }
    }
  });

  it('keeps signals free of levels and labels, and every rule has at least one condition', () => {
    for (const s of SIGNALS) expect(s.level === undefined && s.label === undefined, s.id).toBe(true);
    for (const r of ALL) {
      const conditions = [r.patterns, r.allOf, r.anyOf, r.tempC, r.lowTempC, r.breathRate, r.bp, r.feverDays, r.noUrineHours, r.vomitCount, r.stoolCount, r.minAmber];
      expect(conditions.some((c) => c !== undefined), r.id).toBe(true);
    }
  });

  it('uses only bounded, compilable patterns, each with literals the gate can index', () => {
    for (const r of ALL) {
      for (const loc of ['zh-CN', 'en'] as const) {
        for (const src of r.patterns?.[loc] ?? []) {
          expect(() => new RegExp(src, 'g'), `${r.id}: ${src}`).not.toThrow();
          expect(unbounded(src), `${r.id} has an unbounded quantifier`).toBeUndefined();
          // Patterns run on lower-cased text: an upper-case literal could never match.
          expect(/(?<!\\)[A-Z]/.test(src.replace(/\\[A-Za-z]/g, '').replace(/\(\?<[a-z]+>/g, '')), `${r.id}: upper case in ${src}`).toBe(false);
        }
        // The engine gates each top-level alternative on its own.
        for (const src of r.patterns?.[loc] ?? []) for (const alt of alternatives(src)) expect(literalPlan(alt), `${r.id} ${loc}: ${alt}`).not.toBeNull();
      }
    }
  });

  it('pairs each Chinese pattern set with an English one', () => {
    for (const r of ALL.filter((x) => x.patterns)) {
      expect(r.patterns!['zh-CN'].length, r.id).toBeGreaterThan(0);
      expect(r.patterns!.en.length, r.id).toBeGreaterThan(0);
    }
  });
});

describe('literal gate', () => {
  it('finds the literals every match must contain, clause by clause', () => {
    expect(literalPlan(String.raw`\blabou?red\s(?:to\s)?breath`)).toEqual([[['labored', 'laboured'], ['breath']]]);
    expect(literalPlan('(?:嘴唇|脸)[^，]{0,4}(?:发紫|青紫)|发绀')).toEqual([[['脸', '嘴唇'], ['发紫', '青紫']], [['发绀']]]);
    expect(literalPlan('烧(?:了|到)')).toEqual([[['烧了', '烧到']]]);
    expect(literalPlan(String.raw`\d{2}`)).toBeNull();
    expect(literalPlan('a|.')).toBeNull();
    expect(literalPlan('(?<!腿)抽筋')).toEqual([[['抽筋']]]);
    // Escapes inside a class are not the letters they are written with.
    expect(literalPlan(String.raw`a[\t ]b`)).toEqual([[['a\tb', 'a b']]]);
  });

  it('splits a source into its top-level alternatives only', () => {
    expect(alternatives(String.raw`a|(?:b|c)d|[|]e|\|f`)).toEqual(['a', '(?:b|c)d', '[|]e', String.raw`\|f`]);
    expect(alternatives(String.raw`(a)\1|b`)).toEqual([String.raw`(a)\1|b`]);
  });

  it('never says a literal of the text is absent', () => {
    const text = '孩子高烧了，a seizure! fit';
    const grams = new GramSet();
    grams.fill(text);
    for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= Math.min(text.length, i + 8); j++) expect(grams.has(gramKeys(text.slice(i, j))), text.slice(i, j)).toBe(true);
    grams.fill('nothing here');
    expect(['seizure', '高烧', 'fit'].filter((w) => grams.has(gramKeys(w)))).toEqual([]);
  });
});
