import type { Db } from '../../db/db.js';
import type { Embedder } from '../knowledge/embedder.js';
import { searchKnowledge, type SearchResult } from '../knowledge/search.js';
import { resolveStages } from '../knowledge/stage-filter.js';
import { detectLocale } from '../text/tokens.js';
import { redactPersonalData } from '../privacy/redact.js';
import { triage, type TriageResult } from '../triage/index.js';
import { withSecondOpinion, type TriageReviewer } from '../triage/second-opinion.js';
import { emergencyNumbersFor } from '../emergency-numbers.js';
import type { TenantSettings } from '../keys/tenants.js';
import { detectSignals, outOfScopeReply, type Signals } from '../signals/index.js';
import type { ChildProfile } from '../stage/index.js';
import { composeAnswer } from './composer.js';
import { emergencyAnswer } from './emergency.js';
import { retrievalQuery } from './followup.js';
import { checkAnswer } from './checks.js';
import { createConversation, getConversation, insertMessage, listMessages, updateConversationChild } from './store.js';
import { enqueueEvent } from '../webhooks/index.js';
import { audit } from '../audit.js';
import { allergyNotice, familyAllergies } from '../families/index.js';
import { recordEvent, bestSimilarity } from '../insights/index.js';

export type Locale = 'zh-CN' | 'en';
export type Specialty = 'paediatrics' | 'obstetrics' | 'lactation' | 'mental_health' | 'nutrition';

export interface SlotOffer {
  slotId: string;
  start: string;
  end: string;
  clinician: { id: string; name: string; specialty: Specialty };
}

export interface BookingOffer {
  specialty: Specialty;
  within: 'today' | 'days';
  slots: SlotOffer[];
}

export interface Citation {
  docId: string;
  chunkId: string;
  title: string;
  stages: string[];
  topics: string[];
  sources: SearchResult['sources'];
}

/** What a language model contributes to a turn; absent in offline mode. */
export interface OnlineAnswerer {
  readonly model: string;
  answer(input: {
    question: string;
    locale: Locale;
    level: TriageResult['level'];
    stage?: string;
    history: { role: 'user' | 'assistant'; text: string }[];
    /** Chunks retrieved before the model runs; the model may search for more. */
    chunks: SearchResult[];
    /** Retrieval the model can call as a tool; every chunk it returns becomes citable. */
    search(query: string): Promise<SearchResult[]>;
    findSlots?(specialty: Specialty): Promise<SlotOffer[]>;
  }): Promise<{ answer: string; citedChunkIds: string[] }>;
}

export interface AdvisorDeps {
  db: Db;
  embedder: Embedder;
  clock: () => Date;
  answerer?: OnlineAnswerer;
  /** A model's second opinion on triage: it may raise the level, never lower it. */
  triageReviewer?: TriageReviewer;
  tenantSettings?: TenantSettings;
  offerSlots?: (specialty: Specialty, locale: Locale, within: 'today' | 'days') => Promise<SlotOffer[]>;
  onFallback?: (reason: string) => void;
  /** Who is asking (for the audit trail), e.g. "key:<id>", and the request id. */
  actor?: string;
  requestId?: string;
}

export interface TurnInput {
  tenantId: string;
  message: string;
  conversationId?: string;
  locale?: Locale;
  child?: ChildProfile;
  subjectId?: string;
  /** The family profile: known allergies of any child are weighed in food questions. */
  familyId?: string;
  /** Earlier turns sent by a stateless client (OpenAI-style messages), when there is no conversationId. */
  priorTurns?: { role: 'user' | 'assistant'; text: string }[];
}

export interface TurnResult {
  conversationId: string;
  messageId: string;
  answer: string;
  citations: Citation[];
  triage: Pick<TriageResult, 'level' | 'reasons' | 'actions'>;
  booking?: BookingOffer;
  sentiment: Signals['sentiment'];
  handoff: Signals['handoff'];
  stage: string | null;
  mode: 'offline' | 'online' | 'fixed';
  latencyMs: number;
}

export interface TurnHooks {
  /** Called as soon as triage is known, before retrieval or any model runs. */
  onTriage?(t: { conversationId: string; level: TriageResult['level']; reasons: TriageResult['reasons']; actions: TriageResult['actions'] }): void | Promise<void>;
}

/**
 * One advisor turn: redact → triage → signals → retrieve with the child's stage →
 * answer (model with post-checks, or the offline composer) → persist. Triage runs on
 * every message before anything else sees it, and nothing after it can lower its level.
 */
export async function runTurn(deps: AdvisorDeps, input: TurnInput, hooks: TurnHooks = {}): Promise<TurnResult> {
  const t0 = performance.now();
  const redacted = redactPersonalData(input.message).text;
  const locale: Locale = input.locale ?? detectLocale(input.message);
  const today = deps.clock().toISOString().slice(0, 10);

  const conversation = input.conversationId
    ? await getConversation(deps.db, input.tenantId, input.conversationId)
    : await createConversation(deps.db, { tenantId: input.tenantId, locale, child: input.child, subjectId: input.subjectId });
  if (input.conversationId && input.child) await updateConversationChild(deps.db, conversation.id, input.child);
  const child = input.child ?? conversation.child ?? undefined;
  const history: { role: 'user' | 'assistant'; text: string; feedback?: 'up' | 'down' | null }[] = input.conversationId
    ? await listMessages(deps.db, conversation.id)
    : (input.priorTurns ?? []).map((m) => ({ role: m.role, text: redactPersonalData(m.text).text }));

  const numbers = emergencyNumbersFor(deps.tenantSettings ?? {}, locale);
  // the rules first; a configured model may only raise their level (and sees redacted text)
  const tri = await withSecondOpinion(triage({ message: input.message, locale, child, today }, { numbers }), deps.triageReviewer, { message: redacted, numbers }, deps.onFallback);
  await hooks.onTriage?.({ conversationId: conversation.id, level: tri.level, reasons: tri.reasons, actions: tri.actions });

  const signals = detectSignals({
    message: input.message,
    locale,
    history: history.map((m) => ({ role: m.role, text: m.text, feedback: m.feedback ?? undefined })),
  });

  const previousUser = [...history].reverse().find((m) => m.role === 'user')?.text;
  const resolved = resolveStages({ child, text: redacted, today });

  let answer: string;
  let citations: Citation[] = [];
  let mode: TurnResult['mode'] = 'offline';
  let booking: BookingOffer | undefined;
  let bestSim: number | null = null;

  if (tri.level === 'emergency') {
    answer = emergencyAnswer(tri, locale);
    mode = 'fixed';
  } else if (signals.handoff.reason === 'out_of_scope' && tri.level === 'self_care') {
    answer = outOfScopeReply(locale);
    mode = 'fixed';
  } else {
    const query = retrievalQuery(redacted, previousUser, locale);
    const search = (q: string) => searchKnowledge(deps.db, deps.embedder, { query: q, locale, stages: resolved.stages, k: 4, perDoc: 3 });
    const chunks = await search(query);
    bestSim = bestSimilarity(chunks);
    const retrieved = new Map(chunks.map((c) => [c.chunkId, c]));

    let online: { answer: string; citedChunkIds: string[] } | undefined;
    if (deps.answerer) {
      try {
        const out = await deps.answerer.answer({
          question: redacted,
          locale,
          level: tri.level,
          stage: resolved.primary,
          history: history.slice(-6).map((m) => ({ role: m.role, text: m.text })),
          chunks,
          search: async (q) => {
            const more = await search(q);
            for (const c of more) retrieved.set(c.chunkId, c);
            return more;
          },
        });
        const check = checkAnswer(out.answer, { locale, citedChunkIds: out.citedChunkIds, allowedChunkIds: new Set(retrieved.keys()) });
        if (check.ok) online = out;
        else deps.onFallback?.(`post-check: ${check.failures.join('; ')}`);
      } catch (err) {
        deps.onFallback?.(`provider: ${(err as Error).message?.slice(0, 200) ?? 'error'}`);
      }
    }

    if (online) {
      mode = 'online';
      answer = online.answer;
      citations = uniqueDocs(online.citedChunkIds.map((id) => retrieved.get(id)!).filter(Boolean));
    } else {
      const documents = await documentSections(deps.db, [...new Set(chunks.map((c) => c.docId))]);
      const composed = composeAnswer({ question: query, locale, level: tri.level, chunks, documents });
      answer = composed.answer;
      citations = composed.citedDocs.map((docId) => chunks.find((c) => c.docId === docId)!).map(toCitation);
    }

    if (input.familyId) {
      // One child's known allergy matters when a sibling's food is the question.
      const notice = allergyNotice(await familyAllergies(deps.db, input.tenantId, input.familyId), input.message, locale);
      if (notice) answer = `${notice}\n\n${answer}`;
    }

    const bookAction = tri.actions.find((a) => a.type === 'book_clinician');
    if (bookAction && bookAction.type === 'book_clinician') {
      booking = {
        specialty: bookAction.specialty,
        within: bookAction.within,
        slots: deps.offerSlots ? await deps.offerSlots(bookAction.specialty, locale, bookAction.within) : [],
      };
    }
  }

  const latencyMs = Math.round(performance.now() - t0);
  const triageOut = { level: tri.level, reasons: tri.reasons, actions: tri.actions };
  const messageId = await deps.db.tx(async (q) => {
    await insertMessage(q, { conversationId: conversation.id, tenantId: input.tenantId, role: 'user', text: redacted, triage: triageOut, signals, stage: resolved.primary });
    const id = await insertMessage(q, {
      conversationId: conversation.id,
      tenantId: input.tenantId,
      role: 'assistant',
      text: answer,
      triage: triageOut,
      citations,
      signals,
      mode,
      stage: resolved.primary,
      latencyMs,
    });
    // operational analytics: no message text except a redacted question that retrieval missed
    await recordEvent(q, { kind: 'chat_turn', tenantId: input.tenantId, conversationId: conversation.id, messageId: id, locale, stage: resolved.primary ?? null, mode, bestSimilarity: bestSim, question: redacted });
    if (booking) await recordEvent(q, { kind: 'booking_step', tenantId: input.tenantId, step: 'offered', conversationId: conversation.id, specialty: booking.specialty });
    if (tri.level === 'emergency' || tri.level === 'urgent') {
      // Escalations reach the tenant's systems (webhook) and the audit trail: rule codes
      // and ids only, never the message.
      const details = { conversationId: conversation.id, messageId: id, level: tri.level, reasons: tri.reasons.map((r) => r.code) };
      await enqueueEvent(q, { tenantId: input.tenantId, type: 'triage.escalated', payload: details });
      await audit(q, { tenantId: input.tenantId, actor: deps.actor ?? 'system', action: 'triage.escalated', target: conversation.id, requestId: deps.requestId, details });
    }
    return id;
  });

  return {
    conversationId: conversation.id,
    messageId,
    answer,
    citations,
    triage: triageOut,
    booking,
    sentiment: signals.sentiment,
    handoff: signals.handoff,
    stage: resolved.primary ?? null,
    mode,
    latencyMs,
  };
}

function toCitation(c: SearchResult): Citation {
  return { docId: c.docId, chunkId: c.chunkId, title: c.title, stages: c.stages, topics: c.topics, sources: c.sources };
}

function uniqueDocs(chunks: SearchResult[]): Citation[] {
  const seen = new Set<string>();
  return chunks.filter((c) => (seen.has(c.docId) ? false : (seen.add(c.docId), true))).map(toCitation);
}

/**
 * Every section of the retrieved documents, in order: retrieval finds the right document,
 * but the sentence that answers the question may sit in a section it did not return.
 */
async function documentSections(db: Db, docIds: string[]): Promise<Map<string, { heading: string; text: string }[]>> {
  const out = new Map<string, { heading: string; text: string }[]>();
  if (docIds.length === 0) return out;
  const res = await db.query<{ doc_id: string; heading: string; body: string }>(
    'SELECT doc_id, heading, body FROM kb_chunks WHERE doc_id = ANY($1::text[]) ORDER BY doc_id, ord',
    [docIds],
  );
  for (const r of res.rows) out.set(r.doc_id, [...(out.get(r.doc_id) ?? []), { heading: r.heading, text: r.body }]);
  return out;
}
