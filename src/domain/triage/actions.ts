/**
 * What the parent is told to do for a level, in their language, with the tenant's numbers.
 */
import { GENERIC_DO_NOT, GENERIC_FIRST_STEPS } from './rules/index.js';
import type { Locale, Specialty, TriageRule } from './types.js';

export interface EmergencyNumbers {
  emergency: string;
  crisis: string;
  poison?: string;
}

export type TriageAction =
  | { type: 'call_emergency'; number: string; label: string; firstSteps: string[]; doNot: string[] }
  | { type: 'crisis_line'; number: string; label: string }
  | { type: 'poison_control'; number: string; label: string }
  | { type: 'book_clinician'; specialty: Specialty; within: 'today' | 'days'; label: string }
  | { type: 'self_care'; label: string };

/** Examples from the reference notes; tenants override them (verify before launch). */
export const DEFAULT_NUMBERS: Record<Locale, EmergencyNumbers> = {
  'zh-CN': { emergency: '120', crisis: '12356' },
  en: { emergency: '911', crisis: '988', poison: '1-800-222-1222' },
};

const SPECIALTY: Record<Specialty, Record<Locale, string>> = {
  paediatrics: { 'zh-CN': '儿科', en: 'paediatrics' },
  obstetrics: { 'zh-CN': '产科', en: 'obstetrics' },
  lactation: { 'zh-CN': '母乳喂养/哺乳', en: 'lactation' },
  mental_health: { 'zh-CN': '心理健康', en: 'mental health' },
  nutrition: { 'zh-CN': '营养', en: 'nutrition' },
};

const MAX_STEPS = 6;

/** The first steps and what not to do of the emergency rules that fired. */
type Steps = Pick<TriageRule, 'firstSteps' | 'doNot'>;

function collect(rules: readonly Steps[], key: 'firstSteps' | 'doNot', locale: Locale): string[] {
  const out: string[] = [];
  for (const r of rules) for (const s of r[key]?.[locale] ?? []) if (!out.includes(s) && out.length < MAX_STEPS) out.push(s);
  return out;
}

export function emergencyAction(rules: readonly Steps[], locale: Locale, numbers: EmergencyNumbers): TriageAction {
  const steps = collect(rules, 'firstSteps', locale);
  const dont = collect(rules, 'doNot', locale);
  return {
    type: 'call_emergency',
    number: numbers.emergency,
    label: locale === 'zh-CN' ? `立即拨打 ${numbers.emergency} 或马上去最近的急诊` : `Call ${numbers.emergency} now or go to the nearest emergency department`,
    firstSteps: steps.length > 0 ? steps : [...GENERIC_FIRST_STEPS[locale]],
    doNot: dont.length > 0 ? dont : [...GENERIC_DO_NOT[locale]],
  };
}

export function crisisAction(locale: Locale, numbers: EmergencyNumbers): TriageAction {
  return {
    type: 'crisis_line',
    number: numbers.crisis,
    label: locale === 'zh-CN' ? `拨打心理援助热线 ${numbers.crisis}，随时有人可以和你聊` : `Call or text the crisis line ${numbers.crisis}: someone is there to talk now`,
  };
}

export function poisonAction(locale: Locale, number: string): TriageAction {
  return {
    type: 'poison_control',
    number,
    label: locale === 'zh-CN' ? `拨打中毒急救咨询电话 ${number}，说明吃了什么、多少、什么时候` : `Call Poison Control ${number}: say what was taken, how much and when`,
  };
}

export function bookAction(specialty: Specialty, within: 'today' | 'days', locale: Locale, numbers: EmergencyNumbers): TriageAction {
  const name = SPECIALTY[specialty][locale];
  const label =
    within === 'today'
      ? locale === 'zh-CN'
        ? `今天尽快看${name}医生（如果情况加重，立即拨打 ${numbers.emergency}）`
        : `See a ${name} clinician today: book the earliest slot (call ${numbers.emergency} if it gets worse)`
      : locale === 'zh-CN'
        ? `近几天预约${name}门诊，期间可参考护理建议`
        : `Book a ${name} appointment in the coming days; guidance meanwhile below`;
  return { type: 'book_clinician', specialty, within, label };
}

export function selfCareAction(locale: Locale): TriageAction {
  return {
    type: 'self_care',
    label:
      locale === 'zh-CN'
        ? '目前没有发现危险信号，可以先在家护理；如果出现新的症状或情况变差，请及时就医'
        : 'No red flags found: care at home with the guidance below, and get help if new symptoms appear or things get worse',
  };
}
