/**
 * A language model's second reading of marketing copy, when one is configured. It may add
 * `review` findings for nuanced claims the rules cannot see; it never removes or softens a
 * rule finding. A suggested finding must quote the copy verbatim (so it points at a real
 * span) and name a taxonomy category; anything else is dropped. Any failure leaves the
 * rules' result exactly as it was.
 */
import { verdictOf } from './index.js';
import type { Category, CheckInput, CheckResult, Finding } from './types.js';
import { CATEGORIES } from './types.js';

export interface ReviewSuggestion {
  quote: string;
  category: string;
  reason: string;
}

export interface ComplianceReviewer {
  readonly model: string;
  review(input: { text: string; locale: 'zh-CN' | 'en'; market: string; productType: string; findings: string[] }): Promise<ReviewSuggestion[]>;
}

export const SECOND_OPINION_RULE = 'llm.review';
const MAX_SUGGESTIONS = 10;

const TEXT = {
  legalBasis: { 'zh-CN': '模型复核提示（需人工判断）', en: 'Model review hint (needs a human decision)' },
  suggestion: { 'zh-CN': '请人工复核这段表述是否有依据、是否暗示疗效或功效', en: 'Have a person check whether this claim is substantiated or implies a health effect' },
} as const;

export async function withComplianceReview(
  input: CheckInput,
  result: CheckResult,
  reviewer: ComplianceReviewer | undefined,
  onError?: (reason: string) => void,
): Promise<CheckResult> {
  if (!reviewer) return result;
  const locale = input.locale ?? 'zh-CN';
  let suggestions: ReviewSuggestion[];
  try {
    suggestions = await reviewer.review({
      text: input.text,
      locale,
      market: input.market ?? 'CN',
      productType: input.productType ?? 'unspecified',
      findings: result.findings.map((f) => `${f.category}: ${f.match}`),
    });
  } catch (err) {
    onError?.(`compliance second opinion: ${(err as Error).message?.slice(0, 200) ?? 'error'}`);
    return result;
  }
  const added: Finding[] = [];
  for (const s of suggestions.slice(0, MAX_SUGGESTIONS)) {
    if (!(CATEGORIES as readonly string[]).includes(s.category)) continue;
    const quote = s.quote.trim();
    const start = quote.length >= 2 ? input.text.indexOf(quote) : -1;
    if (start < 0) continue;
    const end = start + quote.length;
    // a span the rules already flagged needs no second flag
    if (result.findings.some((f) => f.start < end && start < f.end) || added.some((f) => f.start < end && start < f.end)) continue;
    added.push({
      ruleId: SECOND_OPINION_RULE,
      category: s.category as Category,
      severity: 'review',
      start,
      end,
      match: quote,
      message: s.reason.trim().slice(0, 300),
      legalBasis: TEXT.legalBasis[locale],
      suggestion: TEXT.suggestion[locale],
    });
  }
  if (added.length === 0) return result;
  const findings = [...result.findings, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  return { verdict: verdictOf(findings), findings };
}
