import type { Queryable } from '../../db/db.js';
import { ValidationFailed, type FieldError } from '../errors.js';
import { redactPersonalData } from '../privacy/redact.js';
import {
  ANSWER_MODES,
  BOOKING_EVENT_STEPS,
  CHANNELS,
  COMPLIANCE_CATEGORIES,
  MARKETS,
  PRODUCT_TYPES,
  REVIEW_STAGES,
  VERDICTS,
  type AnswerMode,
  type BookingEventStep,
  type ComplianceCategory,
  type ReviewStage,
  type Verdict,
} from './taxonomy.js';

/**
 * Below this cosine similarity a turn counts as a retrieval miss and its (redacted)
 * question is kept for the "top misses" list. Measured on the local embedder
 * (nestwise-local-v1; v2 drops stop words, so re-measure when tuning), where on-topic questions score about 0.2–0.4 and questions the
 * knowledge base cannot answer mostly score under 0.2. Other embedding models have other
 * scales, so callers pass their own threshold when they use one.
 */
export const DEFAULT_MISS_THRESHOLD = 0.2;

/** Questions longer than this are cut: enough to label, and it bounds what is kept. */
export const MAX_QUESTION_CHARS = 500;

export interface ChatTurnEvent {
  kind: 'chat_turn';
  tenantId: string;
  conversationId: string;
  /** The assistant message of the turn. */
  messageId?: string;
  locale: 'zh-CN' | 'en';
  stage?: string | null;
  mode: AnswerMode;
  /** Best cosine similarity among the retrieved chunks (0 when none came back); null when the turn did not retrieve. */
  bestSimilarity: number | null;
  /** The question as stored in `messages` (already redacted). Kept only for a miss. */
  question?: string;
  at?: Date;
}

export interface BookingStepEvent {
  kind: 'booking_step';
  tenantId: string;
  step: BookingEventStep;
  conversationId?: string | null;
  specialty?: string;
  at?: Date;
}

export interface ComplianceCheckEvent {
  kind: 'compliance_check';
  tenantId: string;
  verdict: Verdict;
  /** The category of every finding, one entry per finding (repeats allowed). */
  categories: ComplianceCategory[];
  productType?: string | null;
  channel?: string | null;
  market?: string | null;
  /** `api`: POST /v1/compliance/check; `draft`: the final check of a saved content draft. */
  source?: 'api' | 'draft';
  at?: Date;
}

export interface ReviewDecisionEvent {
  kind: 'review_decision';
  tenantId: string;
  draftId: string;
  /**
   * `submit`: the draft enters review (at the content stage), also after a rejection;
   * `approve`/`reject`: a stage's decision; `publish`: the approved draft went out.
   */
  decision: 'submit' | 'approve' | 'reject' | 'publish';
  stage?: ReviewStage;
  at?: Date;
}

export type InsightEvent = ChatTurnEvent | BookingStepEvent | ComplianceCheckEvent | ReviewDecisionEvent;

export interface RecordOptions {
  /** Retrieval-miss threshold for chat turns (default DEFAULT_MISS_THRESHOLD). */
  missThreshold?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v);

/** Checks an event against the taxonomy, so the aggregates only ever see known ids. */
export function validateEvent(e: InsightEvent): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ field, message });
  if (!UUID.test(e.tenantId ?? '')) bad('tenantId', 'must be a uuid');
  switch (e.kind) {
    case 'chat_turn':
      if (!UUID.test(e.conversationId ?? '')) bad('conversationId', 'must be a uuid');
      if (e.messageId !== undefined && !UUID.test(e.messageId)) bad('messageId', 'must be a uuid');
      if (e.locale !== 'zh-CN' && e.locale !== 'en') bad('locale', 'must be zh-CN or en');
      if (!oneOf(ANSWER_MODES, e.mode)) bad('mode', `must be one of ${ANSWER_MODES.join(', ')}`);
      if (e.bestSimilarity !== null && (typeof e.bestSimilarity !== 'number' || !Number.isFinite(e.bestSimilarity))) bad('bestSimilarity', 'must be a finite number or null');
      break;
    case 'booking_step':
      if (!oneOf(BOOKING_EVENT_STEPS, e.step)) bad('step', `must be one of ${BOOKING_EVENT_STEPS.join(', ')}`);
      if (e.conversationId != null && !UUID.test(e.conversationId)) bad('conversationId', 'must be a uuid');
      break;
    case 'compliance_check':
      if (!oneOf(VERDICTS, e.verdict)) bad('verdict', `must be one of ${VERDICTS.join(', ')}`);
      if (!Array.isArray(e.categories) || e.categories.some((c) => !oneOf(COMPLIANCE_CATEGORIES, c))) bad('categories', 'must be compliance category ids');
      if (e.productType != null && !oneOf(PRODUCT_TYPES, e.productType)) bad('productType', 'unknown product type');
      if (e.channel != null && !oneOf(CHANNELS, e.channel)) bad('channel', 'unknown channel');
      if (e.market != null && !oneOf(MARKETS, e.market)) bad('market', 'unknown market');
      break;
    case 'review_decision':
      if (typeof e.draftId !== 'string' || e.draftId.length === 0 || e.draftId.length > 100) bad('draftId', 'must be a non-empty id');
      if (!['submit', 'approve', 'reject', 'publish'].includes(e.decision)) bad('decision', 'must be submit, approve, reject or publish');
      if ((e.decision === 'approve' || e.decision === 'reject') && !oneOf(REVIEW_STAGES, e.stage)) bad('stage', `must be one of ${REVIEW_STAGES.join(', ')}`);
      if (e.stage !== undefined && !oneOf(REVIEW_STAGES, e.stage)) bad('stage', `must be one of ${REVIEW_STAGES.join(', ')}`);
      break;
    default:
      bad('kind', 'unknown event kind');
  }
  return errors;
}

/**
 * Records one insight event. Call it with the same `q` as the change it describes (inside
 * that transaction) so an event exists exactly when its fact does. Holds no personal
 * data: the only text is a chat question, and only for a retrieval miss, redacted again
 * here in case a caller passes raw input.
 */
export async function recordEvent(q: Queryable, e: InsightEvent, opts: RecordOptions = {}): Promise<void> {
  const errors = validateEvent(e);
  if (errors.length) throw new ValidationFailed('The insight event is not valid.', errors);
  const at = e.at ?? null;
  switch (e.kind) {
    case 'chat_turn': {
      const threshold = opts.missThreshold ?? DEFAULT_MISS_THRESHOLD;
      const miss = e.bestSimilarity !== null && e.bestSimilarity < threshold;
      const question = miss && e.question ? redactPersonalData(e.question).text.trim().slice(0, MAX_QUESTION_CHARS) : null;
      await q.query(
        `INSERT INTO insight_events (tenant_id, at, kind, conversation_id, message_id, locale, stage, mode, best_similarity, question_text)
         VALUES ($1, coalesce($2::timestamptz, now()), 'chat_turn', $3, $4, $5, $6, $7, $8, $9)`,
        [e.tenantId, at, e.conversationId, e.messageId ?? null, e.locale, e.stage ?? null, e.mode, e.bestSimilarity, question || null],
      );
      return;
    }
    case 'booking_step':
      await q.query(
        `INSERT INTO insight_events (tenant_id, at, kind, step, conversation_id, specialty)
         VALUES ($1, coalesce($2::timestamptz, now()), 'booking_step', $3, $4, $5)`,
        [e.tenantId, at, e.step, e.conversationId ?? null, e.specialty ?? null],
      );
      return;
    case 'compliance_check':
      await q.query(
        `INSERT INTO insight_events (tenant_id, at, kind, verdict, categories, product_type, channel, market, source)
         VALUES ($1, coalesce($2::timestamptz, now()), 'compliance_check', $3, $4::text[], $5, $6, $7, $8)`,
        [e.tenantId, at, e.verdict, e.categories, e.productType ?? null, e.channel ?? null, e.market ?? null, e.source ?? 'api'],
      );
      return;
    case 'review_decision':
      await q.query(
        `INSERT INTO insight_events (tenant_id, at, kind, draft_id, decision, review_stage)
         VALUES ($1, coalesce($2::timestamptz, now()), 'review_decision', $3, $4, $5)`,
        [e.tenantId, at, e.draftId, e.decision, e.stage ?? (e.decision === 'submit' ? 'content' : null)],
      );
      return;
  }
}

/** Best similarity of a retrieval: 0 when nothing came back (the worst miss). */
export function bestSimilarity(results: readonly { similarity: number }[]): number {
  let best = 0;
  for (const r of results) if (Number.isFinite(r.similarity) && r.similarity > best) best = r.similarity;
  return best;
}
