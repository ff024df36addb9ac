import { describe, expect, it } from 'vitest';
import { fmt, pickLocale, STRINGS } from '../../../src/web/widget/i18n.js';

describe('widget texts', () => {
  it('has every string in both locales, none empty, and the exact AI disclosure', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS['zh-CN']).sort());
    for (const loc of ['zh-CN', 'en'] as const) for (const v of Object.values(STRINGS[loc])) expect(v.trim()).not.toBe('');
    expect(STRINGS['zh-CN'].disclosure).toBe('由 AI 生成，仅供参考，不能替代医生诊断');
    expect(STRINGS.en.disclosure).toBe('AI-generated guidance, not medical advice');
  });

  it('keeps the same placeholders in both translations', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(STRINGS.en) as (keyof typeof STRINGS.en)[]) expect(vars(STRINGS.en[k])).toEqual(vars(STRINGS['zh-CN'][k]));
  });

  it('picks zh-CN unless English is asked for', () => {
    expect(pickLocale('en')).toBe('en');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('fr')).toBe('zh-CN');
    expect(fmt('Call {n} now', { n: '911' })).toBe('Call 911 now');
  });
});
