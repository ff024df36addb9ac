/**
 * The per-message detectors behind the handoff reasons: a request for a person, an
 * out-of-scope (shop / transaction) question, parental distress, and a complaint that the
 * last answer did not help.
 */
import {
  EN_DISTRESS,
  EN_FAILURE,
  EN_HUMAN,
  EN_HUMAN_ADVICE_PREFIX,
  EN_OUT_OF_SCOPE,
  EN_SELF_HARM,
  STANDALONE_FILLER,
  STANDALONE_HEADS,
  ZH_DISTRESS,
  ZH_FAILURE,
  ZH_HUMAN,
  ZH_OUT_OF_SCOPE,
  ZH_SELF_HARM,
} from './lexicon.js';
import { anyHit, enClauseBefore, enNegated, enSubject, hits, zhNegated, zhSubject } from './match.js';
import type { NormalizedText } from './normalize.js';
import { repairTypos } from './typos.js';

/** Text views used by the detectors; `repaired` is `spaced` with keyword typos fixed. */
export interface Views extends NormalizedText {
  repaired: string;
}

export function views(text: NormalizedText): Views {
  return { ...text, repaired: repairTypos(text.spaced) };
}

/** A whole message that is only "agent please", "HUMAN!!", "live agent", "representative". */
function standaloneRequest(repaired: string): boolean {
  const words = repaired.replace(/[^a-z' ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  let head = false;
  for (const w of words) {
    if (STANDALONE_HEADS.has(w)) head = true;
    else if (!STANDALONE_FILLER.has(w)) return false;
  }
  return head;
}

export function requestsHuman(v: Views): boolean {
  for (const re of ZH_HUMAN) {
    for (const h of hits(re, v.compact)) if (!zhNegated(v.compact, h.start)) return true;
  }
  if (standaloneRequest(v.repaired)) return true;
  for (const re of EN_HUMAN) {
    for (const h of hits(re, v.repaired)) {
      if (enNegated(v.repaired, h.start)) continue;
      // "Should I talk to someone about his speech delay?" asks for advice, not an agent.
      if (EN_HUMAN_ADVICE_PREFIX.test(enClauseBefore(v.repaired, h.start))) continue;
      return true;
    }
  }
  return false;
}

export function outOfScope(v: Views): boolean {
  return anyHit(ZH_OUT_OF_SCOPE, v.compact) !== undefined || anyHit(EN_OUT_OF_SCOPE, v.spaced) !== undefined;
}

export function distressed(v: Views): boolean {
  // Self-harm is never negation-filtered: "I'm not suicidal, but…" still deserves a person.
  if (anyHit(ZH_SELF_HARM, v.compact) || anyHit(EN_SELF_HARM, v.spaced)) return true;
  for (const { re, subject } of ZH_DISTRESS) {
    for (const h of hits(re, v.compact)) {
      if (zhNegated(v.compact, h.start)) continue;
      const who = subject ? zhSubject(v.compact, h.start) : 'none';
      if (subject === 'not_child' && who === 'third') continue;
      if (subject === 'parent' && who !== 'first') continue;
      return true;
    }
  }
  for (const { re, subject } of EN_DISTRESS) {
    for (const h of hits(re, v.spaced)) {
      if (enNegated(v.spaced, h.start)) continue;
      if (subject === 'parent' && enSubject(v.spaced, h.start) === 'third') continue;
      return true;
    }
  }
  return false;
}

/** "没用", "答非所问", "that's not what I asked", "you're not answering my question". */
export function complainsOfFailure(v: NormalizedText): boolean {
  return anyHit(ZH_FAILURE, v.compact) !== undefined || anyHit(EN_FAILURE, v.spaced) !== undefined;
}
