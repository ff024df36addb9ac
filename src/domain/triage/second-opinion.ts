/**
 * A language model's second opinion on a triage result, when one is configured. It can
 * only raise the level: a less or equally urgent opinion is ignored, an emergency is never
 * sent for review, and any failure (provider error, timeout, malformed reply) leaves the
 * rules' result exactly as it was.
 */
import { bookAction, emergencyAction, type EmergencyNumbers, type TriageAction } from './actions.js';
import { moreUrgent, type TriageResult } from './engine.js';
import type { Locale, Specialty, TriageLevel } from './types.js';

export interface TriageOpinion {
  level: TriageLevel;
  specialty?: Specialty;
  reason: string;
}

export interface TriageReviewer {
  /** Identifies model and prompt version, recorded with a raised level. */
  readonly model: string;
  review(input: { message: string; locale: Locale; level: TriageLevel; reasons: string[] }): Promise<TriageOpinion>;
}

export const SECOND_OPINION_CODE = 'llm.second_opinion';

const LABEL: Record<Locale, (reason: string) => string> = {
  'zh-CN': (reason) => `复核认为需要更紧急的处理：${reason}`,
  en: (reason) => `A second review judged this more urgent: ${reason}`,
};

/**
 * Asks the reviewer about a non-emergency result and returns it raised when the opinion is
 * more urgent. `message` must already be redacted: it leaves the service.
 */
export async function withSecondOpinion(
  result: TriageResult,
  reviewer: TriageReviewer | undefined,
  input: { message: string; numbers: EmergencyNumbers },
  onError?: (reason: string) => void,
): Promise<TriageResult> {
  if (!reviewer || result.level === 'emergency') return result;
  let opinion: TriageOpinion;
  try {
    opinion = await reviewer.review({ message: input.message, locale: result.locale, level: result.level, reasons: result.reasons.map((r) => r.label) });
  } catch (err) {
    onError?.(`triage second opinion: ${(err as Error).message?.slice(0, 200) ?? 'error'}`);
    return result;
  }
  if (moreUrgent(opinion.level, result.level) === result.level) return result;
  return raise(result, opinion, input.numbers);
}

function raise(result: TriageResult, opinion: TriageOpinion, numbers: EmergencyNumbers): TriageResult {
  const locale = result.locale;
  const reason = opinion.reason.trim().slice(0, 300);
  const kept = result.actions.filter((a) => a.type === 'crisis_line' || a.type === 'poison_control');
  const booked = result.actions.find((a) => a.type === 'book_clinician');
  const specialty: Specialty =
    opinion.specialty ?? (booked?.type === 'book_clinician' ? booked.specialty : result.subject === 'pregnancy' || result.subject === 'postpartum' ? 'obstetrics' : 'paediatrics');
  let main: TriageAction;
  if (opinion.level === 'emergency') main = emergencyAction([], locale, numbers);
  else main = bookAction(specialty, opinion.level === 'urgent' ? 'today' : 'days', locale, numbers);
  return {
    ...result,
    level: opinion.level,
    reasons: [...result.reasons.filter((r) => r.code !== 'no_red_flags'), { code: SECOND_OPINION_CODE, label: LABEL[locale](reason) }],
    actions: [main, ...kept],
  };
}
