import { z } from 'zod';
import type { LlmConfig } from '../config.js';
import { jsonChat } from './llm-json.js';
import type { TriageReviewer } from '../domain/triage/second-opinion.js';
import type { ComplianceReviewer } from '../domain/compliance/second-opinion.js';
import { CATEGORIES } from '../domain/compliance/types.js';
import {
  COMPLIANCE_REVIEW_PROMPT_VERSION,
  complianceReviewMessage,
  complianceReviewSystem,
  TRIAGE_REVIEW_PROMPT_VERSION,
  triageReviewMessage,
  triageReviewSystem,
} from '../../prompts/second-opinion.js';

/**
 * Second opinions over any OpenAI-compatible endpoint: a plain JSON reply validated with
 * zod; a malformed reply throws, and the domain then keeps the rules' result unchanged.
 */
const OpinionSchema = z.object({
  level: z.enum(['self_care', 'routine', 'urgent', 'emergency']),
  specialty: z.enum(['paediatrics', 'obstetrics', 'lactation', 'mental_health', 'nutrition']).optional().catch(undefined),
  reason: z.string().min(1).max(2000),
});

/** Triage runs before every answer: its second opinion gets a short leash. */
const TRIAGE_TIMEOUT_CAP_MS = 4000;

export function createTriageReviewer(cfg: LlmConfig): TriageReviewer {
  // temperature 0: a second opinion should not vary between two asks of the same message
  const ask = jsonChat({ ...cfg, timeoutMs: Math.min(cfg.timeoutMs, TRIAGE_TIMEOUT_CAP_MS), temperature: 0 });
  return {
    model: `${cfg.model} (${TRIAGE_REVIEW_PROMPT_VERSION})`,
    async review({ message, locale, level, reasons }) {
      return OpinionSchema.parse(await ask(triageReviewSystem[locale], triageReviewMessage(locale, level, reasons, message)));
    },
  };
}

const ReviewSchema = z.object({
  findings: z.array(z.object({ quote: z.string(), category: z.string(), reason: z.string().max(2000) })).max(50),
});

export function createComplianceReviewer(cfg: LlmConfig): ComplianceReviewer {
  const ask = jsonChat({ ...cfg, temperature: 0 });
  return {
    model: `${cfg.model} (${COMPLIANCE_REVIEW_PROMPT_VERSION})`,
    async review({ text, locale, market, productType, findings }) {
      const system = complianceReviewSystem[locale].replace('{categories}', CATEGORIES.join(', '));
      return ReviewSchema.parse(await ask(system, complianceReviewMessage(locale, market, productType, findings, text))).findings;
    },
  };
}
