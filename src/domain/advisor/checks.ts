import { findDosePatterns } from '../knowledge/document.js';
import { detectLocale } from '../text/tokens.js';

/**
 * Post-checks on a model's answer. Any failure sends the turn to the offline composer.
 * They are deliberately strict: a false alarm costs a less fluent answer, a miss could
 * cost a dose or a diagnosis in front of a parent.
 */
const DIAGNOSIS = [
  /(你的|您的)?(宝宝|孩子|小孩)(应该|肯定|一定|就是)?(是|得了|患了|患有)(.{0,8})(病|症|炎|感染)/,
  /诊断(为|是)/,
  /\b(your (baby|child|son|daughter|toddler) (has|definitely has|probably has|is suffering from))\b/i,
  /\bi (diagnose|can confirm (it|this) is)\b/i,
  /\bthis is (definitely|certainly|clearly) (an? )?[a-z]+ (infection|disease|syndrome)\b/i,
];

const DOSING = [/(每次|一次)(吃|服|喂)?\s*\d+(\.\d+)?\s*(片|粒|袋|毫升|ml|mg|毫克|滴)/i, /\b(give|take)\s+\d+(\.\d+)?\s*(ml|mg|tablets?|drops?|teaspoons?)\b/i];

export interface CheckOutcome {
  ok: boolean;
  failures: string[];
}

/**
 * Whether a sentence would fail the dose or diagnosis checks: the offline composer leaves
 * such sentences out, so both answer paths keep the same promises.
 */
export function breaksSafetyChecks(sentence: string): boolean {
  return findDosePatterns(sentence).length > 0 || DOSING.some((re) => re.test(sentence)) || DIAGNOSIS.some((re) => re.test(sentence));
}

export function checkAnswer(answer: string, opts: { locale: 'zh-CN' | 'en'; citedChunkIds: string[]; allowedChunkIds: Set<string> }): CheckOutcome {
  const failures: string[] = [];
  if (!answer.trim()) failures.push('empty answer');
  if (opts.citedChunkIds.length === 0) failures.push('no citation');
  for (const id of opts.citedChunkIds) if (!opts.allowedChunkIds.has(id)) failures.push(`cites ${id}, which this turn did not retrieve`);
  if (findDosePatterns(answer).length > 0 || DOSING.some((re) => re.test(answer))) failures.push('contains a medicine dose');
  if (DIAGNOSIS.some((re) => re.test(answer))) failures.push('reads as a diagnosis');
  if (detectLocale(answer) !== opts.locale) failures.push(`answer is not in ${opts.locale}`);
  return { ok: failures.length === 0, failures };
}
