/**
 * Building blocks for the rule tables. Gaps are bounded and cannot cross a clause break
 * or a negation, so "嘴唇也不紫" and "lips are not blue" never match "lips … blue".
 */
import type { Localised, LocalisedList } from '../types.js';

/** Up to n Chinese characters inside one clause, with no negation among them. */
export const G = (n: number): string => `[^，。,.;；!?！？\\n不没无未]{0,${n}}`;

/** Up to n characters of English inside one clause, with no not/no/never/n't among them. */
export const EG = (n: number): string => `(?:(?!not\\b|n't|no\\b|never\\b)[^,.;!?\\n]){0,${n}}`;

/** As EG, but the gap may cross commas ("stitches are painful, red and smell bad"). */
export const EGC = (n: number): string => `(?:(?!not\\b|n't|no\\b|never\\b)[^.;!?\\n]){0,${n}}`;

export const L = (zh: string, en: string): Localised => ({ 'zh-CN': zh, en });
export const LL = (zh: string[], en: string[]): LocalisedList => ({ 'zh-CN': zh, en });

/** Ingestion verbs (Chinese), used by the poisoning, battery and magnet rules. */
export const ZH_SWALLOW = '(?:误食|误服|误吞|误喝|偷吃|偷喝|吞了|吞下|吞进|咽了|咽下|吃了|吃进|喝了|舔了|咬了|含着|当糖吃|吃下|吞)';
export const EN_SWALLOW =
  "(?:swallow(?:ed|s)?|ate|eaten|has eaten|drank|drunk|drink(?:ing)?|chewed|chewing|bit(?: into)?|licked|sucked|ingested|got into|got hold of|had some|mouthful of|put (?:a|an|some|the) [a-z]{1,12} in (?:his|her|their) mouth)";

/** Generic first steps while waiting for the ambulance, used when a rule has none. */
export const GENERIC_FIRST_STEPS = LL(
  ['保持冷静，留在孩子/病人身边', '如果没有反应且没有正常呼吸，按调度员指导开始心肺复苏', '准备好地址和病情说明，打开门方便急救人员进入'],
  ['Stay calm and stay with them', 'If they are unresponsive and not breathing normally, start CPR as the call handler directs', 'Have your address ready and unlock the door for the crew'],
);
export const GENERIC_DO_NOT = LL(['不要给任何吃的、喝的或药物，除非急救人员要求', '不要自己开车送医，如果情况危急'], [
  'Do not give food, drink or medicine unless the call handler tells you to',
  'Do not drive yourself if the situation is critical',
]);
