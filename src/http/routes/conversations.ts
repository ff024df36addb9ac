import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, notFoundError } from '../schemas/common.js';
import { getConversation, listMessages, recordFeedback } from '../../domain/advisor/store.js';

const MessageSchema = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'assistant']),
    text: z.string(),
    triage: z.unknown().nullable(),
    citations: z.unknown(),
    mode: z.string().nullable(),
    stage: z.string().nullable(),
    feedback: z.enum(['up', 'down']).nullable(),
    createdAt: z.string(),
  })
  .openapi('Message');

const getRoute = createRoute({
  method: 'get',
  path: '/v1/conversations/{id}',
  tags: ['Advisor'],
  summary: 'A conversation with its messages, triage results and citations (personal data redacted)',
  security: bearer,
  middleware: [requireScope('chat')] as const,
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: {
      description: 'The conversation',
      content: {
        'application/json': {
          schema: z.object({ id: z.string(), locale: z.string(), child: z.unknown().nullable(), createdAt: z.string(), messages: z.array(MessageSchema) }),
        },
      },
    },
    ...authErrors,
    ...notFoundError,
  },
});

const feedbackRoute = createRoute({
  method: 'post',
  path: '/v1/messages/{id}/feedback',
  tags: ['Advisor'],
  summary: 'Thumbs up or down on an answer, with an optional reason and comment (the latest wins)',
  security: bearer,
  middleware: [requireScope('chat')] as const,
  request: {
    params: z.object({ id: z.string().uuid() }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            rating: z.enum(['up', 'down']),
            reason: z.enum(['not_relevant', 'not_accurate', 'not_clear', 'unsafe', 'other']).optional(),
            comment: z.string().max(2000).optional(),
          }),
        },
      },
    },
  },
  responses: { 204: { description: 'Recorded' }, ...authErrors, ...notFoundError },
});

export const conversationRoutes = createRouter()
  .openapi(getRoute, async (c) => {
    const { db } = c.get('deps');
    const conv = await getConversation(db, c.get('principal').tenantId, c.req.valid('param').id);
    const messages = await listMessages(db, conv.id);
    return c.json(
      {
        id: conv.id,
        locale: conv.locale,
        child: conv.child,
        createdAt: new Date(conv.created_at).toISOString(),
        messages: messages.map((m) => ({
          id: m.id,
          role: m.role,
          text: m.text,
          triage: m.triage ?? null,
          citations: m.citations,
          mode: m.mode,
          stage: m.stage,
          feedback: m.feedback,
          createdAt: new Date(m.created_at).toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(feedbackRoute, async (c) => {
    const body = c.req.valid('json');
    await recordFeedback(c.get('deps').db, { tenantId: c.get('principal').tenantId, messageId: c.req.valid('param').id, ...body });
    return c.body(null, 204);
  });
