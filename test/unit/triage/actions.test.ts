import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBERS, triage, type TriageAction } from '../../../src/domain/triage/index.js';

const find = <T extends TriageAction['type']>(actions: TriageAction[], type: T) => actions.find((a) => a.type === type) as Extract<TriageAction, { type: T }> | undefined;

describe('actions', () => {
  it('has the default numbers of the reference notes', () => {
    expect(DEFAULT_NUMBERS['zh-CN']).toEqual({ emergency: '120', crisis: '12356' });
    expect(DEFAULT_NUMBERS.en).toEqual({ emergency: '911', crisis: '988', poison: '1-800-222-1222' });
  });

  it('gives rule-specific first steps for an emergency, in the request locale', () => {
    const choking = find(triage({ message: 'my baby is choking and cannot cry' }).actions, 'call_emergency')!;
    expect(choking.number).toBe('911');
    expect(choking.firstSteps.join(' ')).toMatch(/back blows/);
    expect(choking.doNot.join(' ')).toMatch(/finger sweeps/);
    const seizure = find(triage({ message: '孩子抽搐了' }).actions, 'call_emergency')!;
    expect(seizure.number).toBe('120');
    expect(seizure.firstSteps.join('')).toMatch(/侧躺/);
    expect(seizure.doNot.join('')).toMatch(/嘴里/);
    const battery = find(triage({ message: 'he swallowed a button battery' }).actions, 'call_emergency')!;
    expect(battery.doNot.join(' ')).toMatch(/vomit/);
    const burn = find(triage({ message: '孩子被开水烫伤，整个胳膊起了大水泡' }).actions, 'call_emergency')!;
    expect(burn.firstSteps.join('')).toMatch(/20分钟/);
    expect(burn.doNot.join('')).toMatch(/冰/);
    const bleed = find(triage({ message: 'soaking a pad every hour since the birth' }).actions, 'call_emergency')!;
    expect(bleed.firstSteps.join(' ')).toMatch(/pads/);
  });

  it('adds poison control only where a number exists', () => {
    const en = triage({ message: 'my toddler drank some bleach' });
    expect(find(en.actions, 'poison_control')?.number).toBe('1-800-222-1222');
    expect(find(en.actions, 'call_emergency')?.firstSteps.join(' ')).toMatch(/container/);
    const zh = triage({ message: '孩子喝了几口84消毒液' });
    expect(zh.level).toBe('emergency');
    expect(find(zh.actions, 'poison_control')).toBeUndefined();
  });

  it('adds the crisis line for self-harm or harm-to-baby thoughts', () => {
    const zh = triage({ message: '我有时候真想一了百了' });
    expect(zh.level).toBe('emergency');
    expect(find(zh.actions, 'crisis_line')?.number).toBe('12356');
    expect(find(zh.actions, 'call_emergency')?.number).toBe('120');
    const en = triage({ message: 'I have thoughts of hurting my baby' });
    expect(find(en.actions, 'crisis_line')?.number).toBe('988');
  });

  it('books the right specialty today for urgent and in days for routine', () => {
    const cases: Array<[string, 'paediatrics' | 'obstetrics' | 'lactation' | 'mental_health', 'today' | 'days']> = [
      ['宝宝4个月，发烧39.2度', 'paediatrics', 'today'],
      ['孕30周，胎动明显减少', 'obstetrics', 'today'],
      ['产后一周，伤口红肿流脓', 'obstetrics', 'today'],
      ['喂奶的乳房红肿热痛，发烧38.9度', 'lactation', 'today'],
      ['产后情绪低落已经三周了', 'mental_health', 'days'],
      ['孩子18个月了还不会走路', 'paediatrics', 'days'],
    ];
    for (const [message, specialty, within] of cases) {
      const r = triage({ message });
      const book = find(r.actions, 'book_clinician');
      expect(book, message).toMatchObject({ specialty, within });
      expect(book?.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('offers self-care when there is no red flag, and uses tenant numbers', () => {
    const r = triage({ message: 'baby gets hiccups after every feed' });
    expect(r.level).toBe('self_care');
    expect(r.actions).toEqual([expect.objectContaining({ type: 'self_care' })]);
    expect(r.reasons).toEqual([{ code: 'no_red_flags', label: 'No red flags found' }]);
    const t = triage({ message: 'baby is not breathing', locale: 'en' }, { numbers: { emergency: '999', crisis: '116 123' } });
    expect(find(t.actions, 'call_emergency')?.number).toBe('999');
    expect(find(t.actions, 'call_emergency')?.label).toMatch(/999/);
  });

  it('labels reasons in the request locale, detecting it when absent', () => {
    expect(triage({ message: '宝宝嘴唇发紫' }).reasons[0]!.label).toMatch(/嘴唇/);
    expect(triage({ message: '宝宝嘴唇发紫', locale: 'en' }).reasons[0]!.label).toMatch(/lips/i);
    expect(triage({ message: 'lips are blue' }).locale).toBe('en');
    expect(triage({ message: '嘴唇发紫' }).locale).toBe('zh-CN');
  });
});
