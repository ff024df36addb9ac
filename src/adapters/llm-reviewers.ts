import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { LlmConfig } from '../config.js';
import { extractJson } from '../domain/content/model.js';
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
 * Second opinions over any OpenAI-compatible endpoint through LangChain's ChatOpenAI. They
 * ask for a plain JSON reply (any compatible server can give one) and validate it with zod;
 * a malformed reply throws, and the domain then keeps the rules' result unchanged.
 */
function jsonChat(cfg: LlmConfig, timeoutMs: number) {
  const chat = new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey || 'not-needed',
    configuration: { baseURL: cfg.baseUrl },
    temperature: 0,
    timeout: timeoutMs,
    // a second opinion that is late is worth nothing: no retries
    maxRetries: 0,
  });
  return async (system: string, user: string): Promise<unknown> => {
    const res = await chat.invoke(
      [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    const content = res.content;
    const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('') : '';
    return extractJson(text);
  };
}

const OpinionSchema = z.object({
  level: z.enum(['self_care', 'routine', 'urgent', 'emergency']),
  specialty: z.enum(['paediatrics', 'obstetrics', 'lactation', 'mental_health', 'nutrition']).optional().catch(undefined),
  reason: z.string().min(1).max(2000),
});

/** Triage runs before every answer: its second opinion gets a short leash. */
const TRIAGE_TIMEOUT_CAP_MS = 4000;

export function createTriageReviewer(cfg: LlmConfig): TriageReviewer {
  const ask = jsonChat(cfg, Math.min(cfg.timeoutMs, TRIAGE_TIMEOUT_CAP_MS));
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
  const ask = jsonChat(cfg, cfg.timeoutMs);
  return {
    model: `${cfg.model} (${COMPLIANCE_REVIEW_PROMPT_VERSION})`,
    async review({ text, locale, market, productType, findings }) {
      const system = complianceReviewSystem[locale].replace('{categories}', CATEGORIES.join(', '));
      return ReviewSchema.parse(await ask(system, complianceReviewMessage(locale, market, productType, findings, text))).findings;
    },
  };
}
