import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, notFoundError } from '../schemas/common.js';
import type { AppEnv } from '../deps.js';
import { Forbidden } from '../../domain/errors.js';
import { hasScope } from '../../domain/keys/scopes.js';
import { getTenant } from '../../domain/keys/tenants.js';
import {
  complianceInsights,
  contentInsights,
  conversationInsights,
  DEFAULT_MISS_THRESHOLD,
  DRAFT_STATES,
  feedbackInsights,
  latencyInsights,
  resolveRange,
  retrievalMissCandidates,
  retrievalMisses,
  thumbsDownCandidates,
  toJsonl,
  triageInsights,
  REVIEW_STAGES,
} from '../../domain/insights/index.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const RangeQuery = z.object({
  from: Day.optional().openapi({ description: 'First day (inclusive); default: 29 days before `to`', example: '2025-03-01' }),
  to: Day.optional().openapi({ description: 'Last day (inclusive); default: today in `tz`', example: '2025-03-31' }),
  tz: z.string().max(64).optional().openapi({ description: 'IANA time zone the days are counted in (default UTC)', example: 'Asia/Shanghai' }),
  tenantId: z.string().uuid().optional().openapi({ description: 'Another tenant (operator admin keys only); default: the key’s own tenant' }),
});

const RangeSchema = z.object({ from: z.string(), to: z.string(), tz: z.string() });
const Counts = z.record(z.string(), z.number().int());
const Num = z.number().nullable();
const Int = z.number().int();
const Levels = { emergency: Int, urgent: Int, routine: Int, self_care: Int };
const Verdicts = { pass: Int, review: Int, block: Int };

const ConversationsSchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    totals: z.object({ questions: Int, conversations: Int, answers: Int }),
    byDay: z.array(z.object({ date: z.string(), questions: Int, conversations: Int, stages: Counts })),
    byStage: z.array(z.object({ stage: z.string(), questions: Int })),
    byTopic: z.array(z.object({ topic: z.string(), answers: Int })),
    handoff: z.array(z.object({ reason: z.string(), questions: Int })),
    sentiment: z.object({ negative: Int, neutral: Int, positive: Int, distress: Int }),
  })
  .openapi('ConversationInsights');

const TriageSchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    totals: z.object(Levels),
    byDay: z.array(z.object({ date: z.string(), ...Levels })),
    escalations: z.object({
      turns: Int,
      booked: Int,
      rate: Num,
      byLevel: z.array(z.object({ level: z.enum(['emergency', 'urgent']), turns: Int, booked: Int })),
    }),
    bookingSteps: z.object({ offered: Int, slotsViewed: Int, slotTaken: Int, held: Int, confirmed: Int, cancelled: Int, completed: Int, expired: Int }),
  })
  .openapi('TriageInsights');

const FeedbackSchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    totals: z.object({ answers: Int, withFeedback: Int, up: Int, down: Int, rate: Num }),
    byDay: z.array(z.object({ date: z.string(), answers: Int, up: Int, down: Int })),
    downReasons: z.array(z.object({ reason: z.string(), answers: Int })),
  })
  .openapi('FeedbackInsights');

const LatencySchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    byMode: z.array(z.object({ mode: z.string(), answers: Int, p50: Num, p95: Num, p99: Num, mean: Num })),
    byDay: z.array(z.object({ date: z.string(), answers: Int, p50: Num, p95: Num })),
  })
  .openapi('LatencyInsights');

const MissesSchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    threshold: z.number(),
    totals: z.object({ turns: Int, misses: Int, rate: Num }),
    top: z.array(z.object({ question: z.string(), locale: z.string(), stage: z.string().nullable(), count: Int, bestSimilarity: z.number(), lastAt: z.string() })),
  })
  .openapi('RetrievalMissInsights');

const ComplianceSchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    totals: z.object({ checks: Int, findings: Int, ...Verdicts }),
    byDay: z.array(z.object({ date: z.string(), findings: Int, categories: Counts, ...Verdicts })),
    byCategory: z.array(z.object({ category: z.string(), findings: Int, checks: Int })),
    byProductType: z.array(z.object({ productType: z.string(), checks: Int, findings: Int, ...Verdicts })),
    byChannel: z.array(z.object({ channel: z.string(), checks: Int, findings: Int, ...Verdicts })),
  })
  .openapi('ComplianceInsights');

const ContentSchema = z
  .object({
    tenantId: z.string(),
    range: RangeSchema,
    byState: z.array(z.object({ state: z.enum(DRAFT_STATES as [string, ...string[]]), drafts: Int })),
    decisions: z.array(z.object({ stage: z.enum(REVIEW_STAGES), approve: Int, reject: Int, medianHours: Num })),
    timeInReview: z.object({ drafts: Int, medianHours: Num, p90Hours: Num }),
  })
  .openapi('ContentInsights');

const scope = requireScope('insights');

function route<S extends z.ZodTypeAny, Q extends z.ZodObject>(path: string, summary: string, schema: S, query: Q) {
  return createRoute({
    method: 'get',
    path,
    tags: ['Insights'],
    summary,
    security: bearer,
    middleware: [scope] as const,
    request: { query },
    responses: { 200: { description: summary, content: { 'application/json': { schema } } }, ...authErrors, ...notFoundError },
  });
}

const MissQuery = RangeQuery.extend({
  threshold: z.coerce.number().min(0).max(1).optional().openapi({ description: `Best-similarity threshold (default ${DEFAULT_MISS_THRESHOLD}); question text is only kept under the recording threshold` }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const conversationsRoute = route('/v1/insights/conversations', 'Questions by day and stage, answers by cited topic, handoff and sentiment signals', ConversationsSchema, RangeQuery);
const triageRoute = route('/v1/insights/triage', 'Triage level mix by day, escalations that ended in a confirmed booking within 24 h, booking steps', TriageSchema, RangeQuery);
const feedbackRoute = route('/v1/insights/feedback', 'Feedback rate (answers with feedback / answers) and thumbs-down reasons', FeedbackSchema, RangeQuery);
const latencyRoute = route('/v1/insights/latency', 'Answer latency percentiles (p50/p95/p99, ms) by answer mode and p50/p95 by day', LatencySchema, RangeQuery);
const missesRoute = route('/v1/insights/retrieval-misses', 'Most frequent questions whose best retrieval similarity was low', MissesSchema, MissQuery);
const complianceRoute = route('/v1/insights/compliance', 'Compliance checks: verdict mix and findings by category, product type and channel over time', ComplianceSchema, RangeQuery);
const contentRoute = route('/v1/insights/content', 'Content drafts by review state, decisions per stage and time in review', ContentSchema, RangeQuery);

const evalRoute = createRoute({
  method: 'get',
  path: '/v1/insights/eval-candidates',
  tags: ['Insights'],
  summary: 'Thumbs-down answers or retrieval misses as JSON Lines in the eval formats, labels left empty for the team',
  security: bearer,
  middleware: [scope] as const,
  request: {
    query: MissQuery.extend({ kind: z.enum(['thumbs_down', 'retrieval_miss']) }).omit({ limit: true }).extend({ limit: z.coerce.number().int().min(1).max(1000).optional() }),
  },
  responses: {
    200: { description: 'One candidate case per line', content: { 'application/x-ndjson': { schema: z.string() } } },
    ...authErrors,
    ...notFoundError,
  },
});

/** The key's own tenant, or another one for an admin key of the operator tenant. */
async function insightTenant(c: Context<AppEnv>, requested: string | undefined): Promise<string> {
  const p = c.get('principal');
  if (!requested || requested === p.tenantId) return p.tenantId;
  const { db } = c.get('deps');
  if (!hasScope(p, 'admin') || !(await getTenant(db, p.tenantId)).isOperator) {
    throw new Forbidden("Only the operator's admin keys may read another tenant's insights.", 'operator_only');
  }
  await getTenant(db, requested); // 404 when unknown
  return requested;
}

async function scoped(c: Context<AppEnv>, query: { from?: string; to?: string; tz?: string; tenantId?: string }) {
  // queued compliance-check events are written first, so figures never lag the API
  await c.get('deps').complianceEvents?.flush();
  const range = resolveRange(query, c.get('deps').clock());
  const tenantId = await insightTenant(c, query.tenantId);
  return { db: c.get('deps').db, range, tenantId };
}

export const insightRoutes = createRouter()
  .openapi(conversationsRoute, async (c) => {
    const { db, range, tenantId } = await scoped(c, c.req.valid('query'));
    return c.json({ tenantId, ...(await conversationInsights(db, tenantId, range)) }, 200);
  })
  .openapi(triageRoute, async (c) => {
    const { db, range, tenantId } = await scoped(c, c.req.valid('query'));
    return c.json({ tenantId, ...(await triageInsights(db, tenantId, range)) }, 200);
  })
  .openapi(feedbackRoute, async (c) => {
    const { db, range, tenantId } = await scoped(c, c.req.valid('query'));
    return c.json({ tenantId, ...(await feedbackInsights(db, tenantId, range)) }, 200);
  })
  .openapi(latencyRoute, async (c) => {
    const { db, range, tenantId } = await scoped(c, c.req.valid('query'));
    return c.json({ tenantId, ...(await latencyInsights(db, tenantId, range)) }, 200);
  })
  .openapi(missesRoute, async (c) => {
    const query = c.req.valid('query');
    const { db, range, tenantId } = await scoped(c, query);
    return c.json({ tenantId, ...(await retrievalMisses(db, tenantId, range, { threshold: query.threshold, limit: query.limit })) }, 200);
  })
  .openapi(complianceRoute, async (c) => {
    const { db, range, tenantId } = await scoped(c, c.req.valid('query'));
    return c.json({ tenantId, ...(await complianceInsights(db, tenantId, range)) }, 200);
  })
  .openapi(contentRoute, async (c) => {
    const { db, range, tenantId } = await scoped(c, c.req.valid('query'));
    return c.json({ tenantId, ...(await contentInsights(db, tenantId, range)) }, 200);
  })
  .openapi(evalRoute, async (c) => {
    const query = c.req.valid('query');
    const { db, range, tenantId } = await scoped(c, query);
    const rows =
      query.kind === 'thumbs_down'
        ? await thumbsDownCandidates(db, tenantId, range, query.limit)
        : await retrievalMissCandidates(db, tenantId, range, { threshold: query.threshold, limit: query.limit });
    // zod-openapi types only JSON bodies; this one is JSON Lines, declared above
    return c.body(toJsonl(rows), 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="eval-candidates-${query.kind}-${range.from}-${range.to}.jsonl"`,
      'cache-control': 'no-store',
    }) as never;
  });
