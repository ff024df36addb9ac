/**
 * Customer-service signals for each advisor chat turn: the user's sentiment (with a
 * distress flag) and whether a human agent should take over, and why.
 *
 * Pure, deterministic and linear in the input: lexicon patterns with bounded gaps over a
 * normalised copy of the text, plus a scan of the recent history for repeated failure.
 * Both locales' cues always run, because parents mix languages ("宝宝湿疹, agent please").
 */
import { complainsOfFailure, distressed, outOfScope, requestsHuman, views } from './detectors.js';
import { normalize } from './normalize.js';
import { sentimentOf } from './sentiment.js';

export { outOfScopeReply, type SignalLocale } from './replies.js';
export { normalize } from './normalize.js';

export type HandoffReason = 'user_requested_human' | 'out_of_scope' | 'distress' | 'repeated_failure';

export interface Signals {
  sentiment: { label: 'negative' | 'neutral' | 'positive'; distress: boolean };
  handoff: { recommended: boolean; reason?: HandoffReason };
}

export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
  feedback?: 'up' | 'down';
}

export interface SignalInput {
  message: string;
  locale?: 'zh-CN' | 'en';
  /** previous turns of this conversation, oldest first */
  history?: HistoryTurn[];
}

/** Only the recent past matters for "this keeps not working", and it bounds the work. */
const HISTORY_WINDOW = 20;

/** Failure signals needed before we hand off: the spec's "twice". */
const FAILURES_FOR_HANDOFF = 2;

function cleanHistory(history: unknown): HistoryTurn[] {
  if (!Array.isArray(history)) return [];
  const out: HistoryTurn[] = [];
  for (const t of history.slice(-HISTORY_WINDOW)) {
    if (!t || typeof t !== 'object') continue;
    const { role, text, feedback } = t as Record<string, unknown>;
    if ((role !== 'user' && role !== 'assistant') || typeof text !== 'string') continue;
    out.push({ role, text, feedback: feedback === 'up' || feedback === 'down' ? feedback : undefined });
  }
  return out;
}

/**
 * Repeated failure: the last two assistant answers both failed, or the user has said
 * twice that an answer did not help. An answer failed when it got a thumbs-down or the
 * user's next message (possibly the current one) complains about it.
 */
function repeatedFailure(history: HistoryTurn[], messageComplains: boolean): boolean {
  // One pass from the newest turn back, so each turn is normalised once (linear).
  let complaints = messageComplains ? 1 : 0;
  let nextUserComplains = messageComplains;
  const answerFailed: boolean[] = []; // newest first
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role === 'user') {
      nextUserComplains = complainsOfFailure(normalize(turn.text));
      if (nextUserComplains) complaints++;
    } else {
      answerFailed.push(turn.feedback === 'down' || nextUserComplains);
    }
  }
  if (complaints >= FAILURES_FOR_HANDOFF) return true;
  return answerFailed[0] === true && answerFailed[1] === true;
}

export function detectSignals(input: SignalInput): Signals {
  const message = typeof input?.message === 'string' ? input.message : '';
  const v = views(normalize(message));
  const history = cleanHistory(input?.history);

  const human = requestsHuman(v);
  const distress = distressed(v);
  const oos = outOfScope(v);
  const complains = complainsOfFailure(v);
  const failure = repeatedFailure(history, complains);

  // Distress and a failure complaint are negative whatever words surround them.
  const label = distress ? 'negative' : sentimentOf(v, complains ? 1 : 0);

  // Priority: the user's own request > distress > out of scope > repeated failure.
  const reason: HandoffReason | undefined = human
    ? 'user_requested_human'
    : distress
      ? 'distress'
      : oos
        ? 'out_of_scope'
        : failure
          ? 'repeated_failure'
          : undefined;

  return {
    sentiment: { label, distress },
    handoff: reason ? { recommended: true, reason } : { recommended: false },
  };
}
