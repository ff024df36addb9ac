import { z } from '@hono/zod-openapi';
import { ChildSchema, LocaleSchema } from './common.js';

export const TriageLevelSchema = z.enum(['emergency', 'urgent', 'routine', 'self_care']);
export const ReasonSchema = z.object({ code: z.string(), label: z.string() });

export const TriageOutSchema = z
  .object({ level: TriageLevelSchema, reasons: z.array(ReasonSchema), actions: z.array(z.record(z.string(), z.unknown())) })
  .openapi('Triage');

export const CitationSchema = z
  .object({
    docId: z.string(),
    chunkId: z.string(),
    title: z.string(),
    stages: z.array(z.string()),
    topics: z.array(z.string()),
    sources: z.array(z.object({ publisher: z.string(), title: z.string(), url: z.string(), year: z.number() })),
  })
  .openapi('Citation');

export const ChatRequestSchema = z
  .object({
    message: z.string().trim().min(1, 'must not be empty').max(8000),
    conversationId: z.string().uuid().optional(),
    locale: LocaleSchema.optional(),
    child: ChildSchema.optional(),
    familyId: z.string().uuid().optional().openapi({ description: 'Family profile (see /v1/families): known allergies are taken into account' }),
    subjectId: z.string().min(1).max(200).optional().openapi({ description: "Your id for this parent (for export and erasure); never a name or phone number" }),
  })
  .openapi('ChatRequest');

export const ChatResponseSchema = z
  .object({
    conversationId: z.string(),
    messageId: z.string(),
    answer: z.string(),
    citations: z.array(CitationSchema),
    triage: TriageOutSchema,
    booking: z
      .object({
        specialty: z.string(),
        within: z.enum(['today', 'days']),
        slots: z.array(z.object({ slotId: z.string(), start: z.string(), end: z.string(), clinician: z.object({ id: z.string(), name: z.string(), specialty: z.string() }) })),
      })
      .optional(),
    sentiment: z.object({ label: z.enum(['negative', 'neutral', 'positive']), distress: z.boolean() }),
    handoff: z.object({ recommended: z.boolean(), reason: z.enum(['user_requested_human', 'out_of_scope', 'distress', 'repeated_failure']).optional() }),
    stage: z.string().nullable(),
    mode: z.enum(['offline', 'online', 'fixed']),
  })
  .openapi('ChatResponse');
