import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, ChildSchema, LocaleSchema, notFoundError } from '../schemas/common.js';
import { runTurn, type TurnResult } from '../../domain/advisor/turn.js';
import { ValidationFailed } from '../../domain/errors.js';
import { advisorDeps } from '../advisor-deps.js';
import { deltas } from '../sse.js';
import { metrics } from '../metrics-registry.js';

const ContentSchema = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()),
]);

const RequestSchema = z
  .object({
    model: z.string().max(200).optional(),
    messages: z
      .array(z.object({ role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']), content: ContentSchema.nullable().optional() }).passthrough())
      .min(1)
      .max(200),
    stream: z.boolean().optional(),
    user: z.string().max(200).optional(),
    // Nestwise extras: any OpenAI client can send them via extra body fields
    conversation_id: z.string().uuid().optional(),
    locale: LocaleSchema.optional(),
    child: ChildSchema.optional(),
  })
  .passthrough()
  .openapi('ChatCompletionRequest');

const route = createRoute({
  method: 'post',
  path: '/v1/chat/completions',
  tags: ['Advisor'],
  summary: 'OpenAI-compatible chat completions backed by the advisor (streaming and not)',
  description:
    'The last user message is the question; earlier messages give follow-up context. System prompts are ignored: triage and grounding rules cannot be changed by a caller. Triage, citations, booking offer and handoff signals travel in the extra `nestwise` field (on the first chunk when streaming).',
  security: bearer,
  middleware: [requireScope('chat')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: RequestSchema } } } },
  responses: {
    200: {
      description: 'A chat.completion (or chat.completion.chunk events when stream is true)',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/event-stream': { schema: z.string() } },
    },
    ...authErrors,
    ...notFoundError,
  },
});

const MODEL = 'nestwise-advisor';

function text(content: z.infer<typeof ContentSchema> | null | undefined): string {
  if (!content) return '';
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' && p.text ? p.text : '')).join('');
}

const extras = (r: TurnResult) => ({
  conversationId: r.conversationId,
  messageId: r.messageId,
  triage: r.triage,
  citations: r.citations,
  booking: r.booking,
  sentiment: r.sentiment,
  handoff: r.handoff,
  stage: r.stage,
  mode: r.mode,
});

export const openaiCompatRoutes = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  const turns = body.messages
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role as 'user' | 'assistant', text: text(m.content) }));
  const last = turns.at(-1);
  if (!last || last.role !== 'user' || !last.text.trim()) {
    throw new ValidationFailed('The last message must be a non-empty user message.', [{ field: 'messages', message: 'last message must be from the user' }]);
  }
  if (last.text.length > 8000) throw new ValidationFailed('The question is too long (8000 characters at most).', [{ field: 'messages', message: 'too long' }]);
  const deps = await advisorDeps(c);
  const input = {
    tenantId: c.get('principal').tenantId,
    message: last.text,
    conversationId: body.conversation_id,
    locale: body.locale,
    child: body.child,
    subjectId: body.user,
    priorTurns: turns.slice(0, -1).slice(-6),
  };
  const id = `chatcmpl-${crypto.randomUUID()}`;
  const created = Math.floor(deps.clock().getTime() / 1000);
  if (!body.stream) {
    const r = await runTurn(deps, input);
    metrics.countTriage(r.triage.level);
    return c.json(
      {
        id,
        object: 'chat.completion',
        created,
        model: MODEL,
        choices: [{ index: 0, message: { role: 'assistant', content: r.answer }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        nestwise: extras(r),
      },
      200,
    );
  }
  return streamSSE(c, async (stream) => {
    const chunk = (delta: Record<string, unknown>, finish: string | null, extra?: Record<string, unknown>) =>
      stream.writeSSE({ data: JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra }) });
    try {
      let triageSent = false;
      const r = await runTurn(deps, input, {
        onTriage: async (t) => {
          triageSent = true;
          metrics.countTriage(t.level);
          await chunk({ role: 'assistant', content: '' }, null, { nestwise: { triage: { level: t.level, reasons: t.reasons, actions: t.actions } } });
        },
      });
      if (!triageSent) await chunk({ role: 'assistant', content: '' }, null);
      for (const d of deltas(r.answer)) await chunk({ content: d }, null);
      await chunk({}, 'stop', { nestwise: extras(r) });
    } catch (err) {
      c.get('deps').log.error({ requestId: c.get('requestId'), err: String(err) }, 'chat completion stream failed');
      await stream.writeSSE({ data: JSON.stringify({ error: { message: 'The answer could not be completed.', type: 'server_error', request_id: c.get('requestId') } }) });
    }
    await stream.writeSSE({ data: '[DONE]' });
  });
});
