import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, LocaleSchema } from '../schemas/common.js';
import { checkCompliance, MAX_INPUT_BYTES } from '../../domain/compliance/index.js';
import { PayloadTooLarge } from '../../domain/errors.js';
import { CHANNELS, MARKETS, PRODUCT_TYPES } from '../../domain/taxonomy.js';
import { recordEvent } from '../../domain/insights/index.js';
import { metrics } from '../metrics-registry.js';
import { withComplianceReview } from '../../domain/compliance/second-opinion.js';


const FindingSchema = z
  .object({
    ruleId: z.string(),
    category: z.string(),
    severity: z.enum(['block', 'review', 'advisory']),
    start: z.number().int(),
    end: z.number().int(),
    match: z.string(),
    message: z.string(),
    legalBasis: z.string(),
    suggestion: z.string(),
  })
  .openapi('Finding');

const route = createRoute({
  method: 'post',
  path: '/v1/compliance/check',
  tags: ['Compliance'],
  summary: 'Check marketing copy against advertising law (China first, then US/EU/UK)',
  description: '`start`/`end` are UTF-16 offsets into the submitted `text`. Text over 200 KB is refused with 413.',
  security: bearer,
  middleware: [requireScope('compliance')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            text: z.string().min(1),
            locale: LocaleSchema.optional(),
            channel: z.enum(CHANNELS).optional(),
            productType: z.enum(PRODUCT_TYPES).optional(),
            market: z.enum(MARKETS).optional(),
            formulaStage: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
            commercial: z.boolean().optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Verdict and findings', content: { 'application/json': { schema: z.object({ verdict: z.enum(['pass', 'review', 'block']), findings: z.array(FindingSchema) }) } } },
    ...authErrors,
  },
});

export const complianceRoutes = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  if (new TextEncoder().encode(body.text).length > MAX_INPUT_BYTES) {
    throw new PayloadTooLarge(MAX_INPUT_BYTES);
  }
  const deps = c.get('deps');
  const result = await withComplianceReview(body, checkCompliance(body), deps.complianceReviewer, (reason) =>
    deps.log.warn({ requestId: c.get('requestId'), reason }, 'second opinion failed; the rules stand'),
  );
  metrics.countCompliance(result.verdict);
  const event = {
    kind: 'compliance_check' as const,
    tenantId: c.get('principal').tenantId,
    verdict: result.verdict,
    categories: result.findings.map((f) => f.category),
    productType: body.productType,
    channel: body.channel,
    market: body.market,
    source: 'api' as const,
  };
  // analytics must never fail a check: a lost event is logged, the verdict still returned
  try {
    if (deps.complianceEvents) deps.complianceEvents.record(event);
    else await recordEvent(deps.db, event);
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'insight event failed');
  }
  return c.json({ verdict: result.verdict, findings: result.findings.map(({ replacement: _r, ...f }) => f) }, 200);
});
