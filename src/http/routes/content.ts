import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { audit } from '../../domain/audit.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, conflictError, notFoundError, ProblemSchema } from '../schemas/common.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { ValidationFailed } from '../../domain/errors.js';
import {
  BriefSchema,
  createDraft,
  DRAFT_STATUSES,
  editDraft,
  EXPORT_FORMATS,
  exportDraft,
  getDraft,
  listDrafts,
  MIN_OVERRIDE_REASON,
  overrideDraft,
  publishDraft,
  PublishBlocked,
  REVIEW_STAGES,
  REVIEWER_ROLES,
  reviewDraft,
  type Actor,
  type ContentDeps,
  type ContentModel,
  type ReviewerRole,
} from '../../domain/content/index.js';
import { createContentModel } from '../../domain/content/langchain-model.js';

/**
 * Content studio. Review roles travel on the request because API keys belong to a
 * system, not a person: `X-Reviewer-Role` (writer | compliance_reviewer |
 * business_approver) and `X-Reviewer` (the reviewer's id in the calling system) name who
 * decides; the key's `content` scope says the system may act for them.
 */

const uuid = z.string().uuid();
const IdParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });

const ReviewerHeaders = z.object({
  'x-reviewer-role': z
    .enum(REVIEWER_ROLES)
    .optional()
    .openapi({ description: 'writer decides the content stage, compliance_reviewer the compliance stage (and overrides), business_approver the business stage' }),
  'x-reviewer': z
    .string()
    .regex(/^[A-Za-z0-9._@:-]{1,100}$/, 'letters, digits and . _ @ : - only (at most 100)')
    .optional()
    .openapi({ description: "The reviewer's id in your system (never a name or e-mail address)" }),
});

const FindingSchema = z
  .object({
    ruleId: z.string(),
    category: z.string(),
    severity: z.enum(['block', 'review', 'advisory']),
    field: z.enum(['title', 'body']),
    start: z.number().int(),
    end: z.number().int(),
    match: z.string(),
    message: z.string(),
    legalBasis: z.string(),
    suggestion: z.string(),
    replacement: z.string().optional(),
  })
  .openapi('ContentFinding', { description: 'start/end are offsets into the named field (UTF-16 code units)' });

const LabelsSchema = z.object({
  aigc: z.object({
    explicit: z.string().openapi({ description: 'The visible AI-generated label, also the last line of the body' }),
    implicit: z.object({ contentAttribute: z.literal('AIGC'), provider: z.literal('Nestwise'), contentId: z.string(), model: z.string(), generatedAt: z.string() }),
  }),
  ad: z.string().optional().openapi({ description: 'The ad label that opens the body of a commercial draft' }),
});

const StageSchema = z.object({
  stage: z.enum(REVIEW_STAGES),
  role: z.enum(REVIEWER_ROLES),
  status: z.enum(['pending', 'approved', 'rejected']),
  reviewer: z.string().optional(),
  comment: z.string().optional(),
  decidedAt: z.string().optional(),
});

const DraftSchema = z
  .object({
    id: z.string(),
    status: z.enum(DRAFT_STATUSES),
    channel: z.string(),
    locale: z.enum(['zh-CN', 'en']),
    market: z.string(),
    productType: z.string(),
    title: z.string().optional(),
    body: z.string(),
    verdict: z.enum(['pass', 'review', 'block']),
    findings: z.array(FindingSchema),
    labels: LabelsSchema,
    mandatory: z.array(z.object({ id: z.string(), text: z.string(), present: z.boolean() })),
    structure: z.unknown().openapi({ description: 'Blocks, tags and (livestream) timed segments of the generated revision; null after a hand edit' }),
    revision: z.number().int(),
    revisions: z.array(z.unknown()).openapi({ description: 'Every revision: the generated text, each revision round (findings, changes, diff), mandatory elements added; hand edits with their diff' }),
    reviews: z.object({ stages: z.array(StageSchema), history: z.array(z.unknown()) }),
    override: z.object({ actor: z.string(), reason: z.string(), at: z.string(), ruleIds: z.array(z.string()) }).optional(),
    audit: z.array(z.unknown()),
    needsReview: z.literal('near_duplicate').optional(),
    nearDuplicate: z.object({ draftId: z.string(), hamming: z.number(), similarity: z.number(), jaccard: z.number() }).optional(),
    generator: z.enum(['llm', 'offline']),
    model: z.string(),
    promptVersion: z.string().optional(),
    brief: z.unknown(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().optional(),
  })
  .openapi('ContentDraft');

const SummarySchema = z.object({
  id: z.string(),
  status: z.enum(DRAFT_STATUSES),
  channel: z.string(),
  locale: z.string(),
  market: z.string(),
  productType: z.string(),
  title: z.string().optional(),
  verdict: z.enum(['pass', 'review', 'block']),
  needsReview: z.literal('near_duplicate').optional(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const PublishBlockedSchema = ProblemSchema.extend({
  reasons: z.array(
    z.object({
      code: z.enum(['blocking_findings', 'stage_not_approved', 'aigc_label_missing']),
      message: z.string(),
      stage: z.enum(REVIEW_STAGES).optional(),
      ruleIds: z.array(z.string()).optional(),
    }),
  ),
}).openapi('PublishBlocked');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const createDraftRoute = createRoute({
  method: 'post',
  path: '/v1/content/drafts',
  tags: ['Content'],
  summary: 'Write a draft from a brief: generate, check, revise, add mandatory labels, check again',
  description:
    'Generated by the configured model (LLM_*) or the offline writer, which only restates the brief. Flagged spans are revised up to 3 rounds; the ad label, notices and the AI-generated label are then added for the channel, product and market. Defaults: locale en for en_* channels else zh-CN; market US for en else CN; commercial true. A draft ≥ 85% similar to an earlier draft of the tenant is flagged needsReview: near_duplicate.',
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: { ...body(BriefSchema.openapi('ContentBrief')) },
  responses: { 201: json(DraftSchema, 'The draft'), ...authErrors },
});

const getDraftRoute = createRoute({
  method: 'get',
  path: '/v1/content/drafts/{id}',
  tags: ['Content'],
  summary: 'A draft with its findings, labels, revisions, reviews and audit entries',
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: { params: IdParam },
  responses: { 200: json(DraftSchema, 'The draft'), ...authErrors, ...notFoundError },
});

const listDraftsRoute = createRoute({
  method: 'get',
  path: '/v1/content/drafts',
  tags: ['Content'],
  summary: "The tenant's drafts, newest first",
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: { query: z.object({ status: z.enum(DRAFT_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }) },
  responses: { 200: json(z.object({ drafts: z.array(SummarySchema) }), 'Drafts'), ...authErrors },
});

const editDraftRoute = createRoute({
  method: 'patch',
  path: '/v1/content/drafts/{id}',
  tags: ['Content'],
  summary: 'Edit the text: re-checked, stored as a new revision with its diff; the reviews start again',
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: {
    params: IdParam,
    headers: ReviewerHeaders,
    ...body(z.object({ title: z.string().max(200).optional(), body: z.string().trim().min(1, 'must not be empty').max(20_000) })),
  },
  responses: { 200: json(DraftSchema, 'The edited draft'), ...authErrors, ...notFoundError, ...conflictError },
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/v1/content/drafts/{id}/reviews',
  tags: ['Content'],
  summary: 'Decide one review stage (content → compliance → business, in order, by its role)',
  description: 'Needs X-Reviewer and X-Reviewer-Role. 403 role_mismatch when the role does not own the stage; 409 review_out_of_order when an earlier stage is not approved or a later one already decided.',
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: {
    params: IdParam,
    headers: ReviewerHeaders,
    ...body(z.object({ stage: z.enum(REVIEW_STAGES), decision: z.enum(['approve', 'reject']), comment: z.string().max(2000).optional() })),
  },
  responses: { 200: json(DraftSchema, 'The draft with the decision recorded'), ...authErrors, ...notFoundError, ...conflictError },
});

const overrideRoute = createRoute({
  method: 'post',
  path: '/v1/content/drafts/{id}/override',
  tags: ['Content'],
  summary: "Accept the current revision's blocking findings in writing (compliance_reviewer only; audited)",
  description: `The reason must be at least ${MIN_OVERRIDE_REASON} characters. It lasts until the next edit, never covers a missing AI-generated label and does not replace the review stages.`,
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: { params: IdParam, headers: ReviewerHeaders, ...body(z.object({ reason: z.string().trim().min(MIN_OVERRIDE_REASON, `must be at least ${MIN_OVERRIDE_REASON} characters`).max(2000) })) },
  responses: { 200: json(DraftSchema, 'The draft with the override recorded'), ...authErrors, ...notFoundError, ...conflictError },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/v1/content/drafts/{id}/publish',
  tags: ['Content'],
  summary: 'Publish: refused (409 publish_blocked, with reasons) while a blocking finding remains, a stage is unapproved or the AI label is missing',
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: { params: IdParam, headers: ReviewerHeaders },
  responses: {
    200: json(DraftSchema, 'The published draft'),
    ...authErrors,
    ...notFoundError,
    409: { description: 'Publishing refused; `reasons` says why', content: { 'application/problem+json': { schema: PublishBlockedSchema } } },
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/v1/content/drafts/{id}/export',
  tags: ['Content'],
  summary: 'Export as Markdown (front matter), HTML (meta tags + visible label) or JSON, each carrying the AI-generated label and metadata',
  security: bearer,
  middleware: [requireScope('content')] as const,
  request: { params: IdParam, query: z.object({ format: z.enum(EXPORT_FORMATS).default('md') }) },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...authErrors,
    ...notFoundError,
  },
});

// One model per configuration object: ChatOpenAI keeps its HTTP client between calls.
const models = new WeakMap<object, ContentModel>();
function modelFor(deps: AppDeps): ContentModel | undefined {
  const cfg = deps.config.llm;
  if (!cfg) return undefined;
  let m = models.get(cfg);
  if (!m) {
    m = createContentModel(cfg);
    models.set(cfg, m);
  }
  return m;
}

function contentDeps(c: Context<AppEnv>): ContentDeps {
  const deps = c.get('deps');
  const llm = modelFor(deps);
  return {
    db: deps.db,
    clock: deps.clock,
    ...(llm ? { llm } : {}),
    // leave a few seconds of the request's timeout for checking and saving
    deadline: deps.clock().getTime() + deps.config.requestTimeoutMs - 3_000,
    onFallback: (stage, err) =>
      deps.log.warn({ requestId: c.get('requestId'), stage, err: err instanceof Error ? err.message : String(err) }, 'content studio fell back to the offline writer'),
  };
}

function actor(c: Context<AppEnv>): Actor {
  const role = c.req.header('x-reviewer-role');
  const id = c.req.header('x-reviewer');
  const a: Actor = { keyId: c.get('principal').keyId, requestId: c.get('requestId') };
  if (role === undefined && id === undefined) return a;
  const fields = [];
  if (!role || !(REVIEWER_ROLES as readonly string[]).includes(role)) fields.push({ field: 'X-Reviewer-Role', message: 'must be writer, compliance_reviewer or business_approver' });
  if (!id || !/^[A-Za-z0-9._@:-]{1,100}$/.test(id)) fields.push({ field: 'X-Reviewer', message: 'required with X-Reviewer-Role: letters, digits and . _ @ : - (at most 100)' });
  if (fields.length) throw new ValidationFailed('The reviewer headers are incomplete or invalid.', fields);
  return { ...a, reviewer: { id: id!, role: role as ReviewerRole } };
}

function publishBlocked(c: Context<AppEnv>, err: PublishBlocked): Response {
  const problem = {
    type: 'https://nestwise.dev/problems/publish_blocked',
    title: err.title,
    status: 409,
    detail: err.message,
    code: 'publish_blocked',
    requestId: c.get('requestId') ?? '',
    reasons: err.reasons,
  };
  return new Response(JSON.stringify(problem), { status: 409, headers: { 'content-type': 'application/problem+json; charset=utf-8' } });
}

/**
 * Content decisions also go to the tenant-wide audit log (next to the draft's own
 * content_audit trail), so one place answers "who approved or overrode what, when".
 */
async function trail(c: Context<AppEnv>, action: 'content.reviewed' | 'content.override' | 'content.published', draftId: string, who: Actor, details: Record<string, unknown>) {
  await audit(c.get('deps').db, {
    tenantId: c.get('principal').tenantId,
    actor: who.reviewer ? `reviewer:${who.reviewer.id}` : `key:${who.keyId}`,
    action,
    target: draftId,
    requestId: c.get('requestId'),
    details: { ...details, role: who.reviewer?.role ?? null, key: who.keyId },
  });
}

export const contentRoutes = createRouter()
  .openapi(createDraftRoute, async (c) => {
    const view = await createDraft(contentDeps(c), c.get('principal').tenantId, c.req.valid('json'), actor(c));
    return c.json(view, 201);
  })
  .openapi(listDraftsRoute, async (c) => {
    const q = c.req.valid('query');
    const drafts = await listDrafts(c.get('deps').db, c.get('principal').tenantId, { ...(q.status ? { status: q.status } : {}), ...(q.limit ? { limit: q.limit } : {}) });
    return c.json({ drafts }, 200);
  })
  .openapi(getDraftRoute, async (c) => c.json(await getDraft(c.get('deps').db, c.get('principal').tenantId, c.req.valid('param').id), 200))
  .openapi(editDraftRoute, async (c) => {
    const view = await editDraft(contentDeps(c), c.get('principal').tenantId, c.req.valid('param').id, c.req.valid('json'), actor(c));
    return c.json(view, 200);
  })
  .openapi(reviewRoute, async (c) => {
    const who = actor(c);
    const body = c.req.valid('json');
    const view = await reviewDraft(contentDeps(c), c.get('principal').tenantId, c.req.valid('param').id, body, who);
    await trail(c, 'content.reviewed', view.id, who, { stage: body.stage, decision: body.decision });
    return c.json(view, 200);
  })
  .openapi(overrideRoute, async (c) => {
    const who = actor(c);
    const view = await overrideDraft(contentDeps(c), c.get('principal').tenantId, c.req.valid('param').id, c.req.valid('json'), who);
    await trail(c, 'content.override', view.id, who, {});
    return c.json(view, 200);
  })
  .openapi(publishRoute, async (c) => {
    try {
      const who = actor(c);
      const view = await publishDraft(contentDeps(c), c.get('principal').tenantId, c.req.valid('param').id, who);
      await trail(c, 'content.published', view.id, who, {});
      return c.json(view, 200);
    } catch (err) {
      if (err instanceof PublishBlocked) return publishBlocked(c, err) as never;
      throw err;
    }
  })
  .openapi(exportRoute, async (c) => {
    const draft = await getDraft(c.get('deps').db, c.get('principal').tenantId, c.req.valid('param').id);
    const file = exportDraft(draft, c.req.valid('query').format);
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
    }) as never;
  });
