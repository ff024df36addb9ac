/**
 * Text preparation for triage: normalisation, locale detection and removal of
 * instructions aimed at the system ("ignore your rules", "开发者模式"), which must never
 * change a level — so they are blanked out before any rule or cue sees the text.
 */
import { foldText } from '../stage/index.js';
import type { Locale } from './types.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function detectLocale(text: string): Locale {
  return CJK.test(text.slice(0, 4096)) ? 'zh-CN' : 'en';
}

/**
 * Phrases that address the system rather than describe the child. Bounded patterns only.
 * They are replaced by a sentence break of the same length, so a "not" inside "say it's
 * not an emergency" can neither negate a symptom nor be read as one.
 */
const INJECTION = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget|bypass|override)\s(?:all\s|any\s|your\s|the\s|my\s|previous\s|prior\s|above\s|earlier\s|safety\s|system\s|triage\s){0,4}(?:instructions?|rules?|prompts?|guidelines?|protocols?|settings?|policies|policy|programming)\b`,
    String.raw`\b(?:developer|dev|god|admin|debug|jailbreak|dan)\smode\b`,
    String.raw`\byou\sare\snow\s(?:a|an|in|my)?\s?[a-z]{1,20}\b`,
    String.raw`\b(?:pretend|act)\s(?:that\s)?(?:you\s(?:are|were)|to\sbe|as)\b`,
    String.raw`\b(?:say|tell\sme|respond|reply|answer|confirm)\s(?:that\s)?(?:it'?s|it\sis|this\sis|this\sisn'?t|it\sisn'?t|there\sis)\s(?:not\s|no\s)?(?:an?\s)?(?:emergency|urgent|serious|fine|nothing|safe)\b`,
    String.raw`\b(?:do\snot|don'?t|never)\s(?:escalate|triage|tell\sme\sto\scall|send\sme\sto|recommend\scalling|mention)\b`,
    String.raw`\bsystem\sprompt\b`,
    String.raw`\bjust\s(?:tell|give)\sme\sthe\s(?:dose|dosage|amount)\b`,
    String.raw`(?:忽略|无视|忘记|忘掉|跳过|别管|不要管|绕过)(?:你|掉)?(?:之前|以前|上面|前面|原来)?的?(?:所有|全部|一切|任何)?的?(?:什么)?(?:规则|指令|设定|提示词?|限制|安全规则|规定)了?`,
    String.raw`(?:开发者|管理员|调试|越狱|上帝)模式`,
    String.raw`你(?:现在)?(?:是|扮演)(?:一个)?(?:开发者|没有限制|不受限制)`,
    String.raw`(?:告诉我|说|回答|确认)(?:这|这个|它)?(?:不是|并不是|没有)(?:什么)?(?:紧急|急诊|严重)(?:情况)?`,
    String.raw`(?:不要|别|不准)(?:让我|叫我)?(?:打120|打急救|去医院|升级|分诊)`,
    String.raw`直接告诉我(?:布洛芬|对乙酰氨基酚|美林|泰诺林|退烧药|药)?.{0,8}(?:剂量|吃多少|用量|多少毫升)`,
  ].join('|'),
  'g',
);

export function stripInjections(folded: string): string {
  INJECTION.lastIndex = 0;
  return folded.replace(INJECTION, (m) => '。'.padEnd(m.length, ' '));
}

/**
 * Normalised text the rules run on: NFKC (full-width → half-width, ℃ → °c), Traditional →
 * Simplified, lower case, spaces collapsed (stage/fold.ts), zero-width characters removed,
 * common English contractions without apostrophes restored ("cant" → "can't"), then
 * injected instructions blanked.
 */
export function normalise(text: string): string {
  const folded = foldText(text.replace(/[\u200b-\u200d\u2060\ufeff]/g, ''))
    .replace(/\b(can|won|don|doesn|isn|hasn|haven|didn|wasn|aren|couldn|wouldn|shouldn)t\b/g, "$1't")
    .replace(/\b(he|she|it|that|there|what)s\b(?=\s(?:not|been|got|having|going|turning|breathing|had|very|really|so|is)\b)/g, "$1's");
  return stripInjections(folded);
}
