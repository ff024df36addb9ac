import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, notFoundError } from '../schemas/common.js';
import { ChatRequestSchema, ChatResponseSchema } from '../schemas/chat.js';
import { runTurn, type TurnResult } from '../../domain/advisor/turn.js';
import { advisorDeps } from '../advisor-deps.js';
import { deltas } from '../sse.js';
import { metrics } from '../metrics-registry.js';

const chatRoute = createRoute({
  method: 'post',
  path: '/v1/chat',
  tags: ['Advisor'],
  summary: 'One advisor turn: triage first, then a cited answer (JSON, or server-sent events with Accept: text/event-stream)',
  description:
    'With `Accept: text/event-stream` the turn streams as events `triage` (first, before any retrieval or model), `delta` (answer text), `citations`, then `done` with the full result (or `error`).',
  security: bearer,
  middleware: [requireScope('chat')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ChatRequestSchema } } } },
  responses: {
    200: {
      description: 'The turn',
      content: { 'application/json': { schema: ChatResponseSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...authErrors,
    ...notFoundError,
  },
});

const toBody = (r: TurnResult) => ({
  conversationId: r.conversationId,
  messageId: r.messageId,
  answer: r.answer,
  citations: r.citations,
  triage: r.triage as never,
  booking: r.booking,
  sentiment: r.sentiment,
  handoff: r.handoff,
  stage: r.stage,
  mode: r.mode,
});

export const chatRoutes = createRouter().openapi(chatRoute, async (c) => {
  const body = c.req.valid('json');
  const tenantId = c.get('principal').tenantId;
  const deps = await advisorDeps(c);
  const input = { tenantId, ...body };
  if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
    const result = await runTurn(deps, input);
    metrics.countTriage(result.triage.level);
    return c.json(toBody(result), 200);
  }
  return streamSSE(c, async (stream) => {
    try {
      const result = await runTurn(deps, input, {
        onTriage: (t) => {
          metrics.countTriage(t.level);
          return stream.writeSSE({ event: 'triage', data: JSON.stringify(t) });
        },
      });
      for (const d of deltas(result.answer)) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: d }) });
      await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: result.citations }) });
      await stream.writeSSE({ event: 'done', data: JSON.stringify(toBody(result)) });
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      c.get('deps').log.error({ requestId: c.get('requestId'), err: String(err) }, 'chat stream failed');
      await stream.writeSSE({
        event: 'error',
        data: JSON.stringify({ status, code: (err as { code?: string }).code ?? 'internal', detail: status < 500 ? (err as Error).message : 'The answer could not be completed.', requestId: c.get('requestId') }),
      });
    }
  });
});
