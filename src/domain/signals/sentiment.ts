/**
 * Sentiment of one user message: negative | neutral | positive.
 *
 * Cue counting with three refinements that change what a user would notice:
 *  - negation: a negated positive becomes negative ("not happy", "不太满意"); a negated
 *    negative is dropped ("没有不开心", "don't worry") rather than turned positive;
 *  - ownership: a feeling that belongs to the child says nothing about the parent's mood
 *    ("宝宝很害怕打针", "my son is scared of the dark");
 *  - contrast: after "but/但是" the clause carries the stance, so "thanks, but I'm still
 *    worried" is negative.
 * A tie between praise and worry resolves to negative: worry is what the calling
 * customer-service system needs to see.
 */
import { EMOJI_SENTIMENT, EN_CONTRAST, EN_SENTIMENT, ZH_CONTRAST, ZH_SENTIMENT, type SentimentCue } from './lexicon.js';
import { enNegated, enSubject, hits, longestNonOverlapping, zhNegated, zhSubject, type Hit } from './match.js';
import type { NormalizedText } from './normalize.js';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

interface CueHit extends Hit {
  cue: SentimentCue;
}

function lastContrast(text: string, re: RegExp): number {
  let at = -1;
  for (const h of hits(re, text)) at = h.end;
  return at;
}

function score(text: string, cues: SentimentCue[], lang: 'zh' | 'en'): { pos: number; neg: number } {
  const all: CueHit[] = [];
  for (const cue of cues) for (const h of hits(cue.re, text)) all.push({ ...h, cue });
  const contrastAt = lastContrast(text, lang === 'zh' ? ZH_CONTRAST : EN_CONTRAST);
  let pos = 0;
  let neg = 0;
  for (const h of longestNonOverlapping(all)) {
    if (h.cue.polarity === 0) continue;
    if (h.cue.subject) {
      const who = lang === 'zh' ? zhSubject(text, h.start) : enSubject(text, h.start);
      if (who === 'third') continue;
    }
    const negated = lang === 'zh' ? zhNegated(text, h.start) : enNegated(text, h.start);
    let polarity: number = h.cue.polarity;
    if (negated) {
      if (polarity < 0) continue;
      polarity = -1;
    }
    const weight = contrastAt >= 0 && h.start >= contrastAt ? 2 : 1;
    if (polarity > 0) pos += weight;
    else neg += weight;
  }
  return { pos, neg };
}

export function sentimentOf(text: NormalizedText, extraNegative: number): SentimentLabel {
  const zh = score(text.compact, ZH_SENTIMENT, 'zh');
  const en = score(text.spaced, EN_SENTIMENT, 'en');
  const emoji = score(text.compact, EMOJI_SENTIMENT, 'zh');
  const pos = zh.pos + en.pos + emoji.pos;
  const neg = zh.neg + en.neg + emoji.neg + extraNegative;
  if (pos === 0 && neg === 0) return 'neutral';
  return pos > neg ? 'positive' : 'negative';
}
