import { createRoute } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, ChildSchema, LocaleSchema } from '../schemas/common.js';
import { TriageOutSchema } from '../schemas/chat.js';
import { triage } from '../../domain/triage/index.js';
import { emergencyNumbersFor } from '../../domain/emergency-numbers.js';
import { getTenant } from '../../domain/keys/tenants.js';
import { detectLocale } from '../../domain/text/tokens.js';
import { metrics } from '../metrics-registry.js';
import { withSecondOpinion } from '../../domain/triage/second-opinion.js';
import { redactPersonalData } from '../../domain/privacy/redact.js';

const route = createRoute({
  method: 'post',
  path: '/v1/triage',
  tags: ['Triage'],
  summary: 'Deterministic safety triage of one message (the same engine chat runs first)',
  security: bearer,
  middleware: [requireScope('triage')] as const,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ message: z.string().min(1).max(100_000), locale: LocaleSchema.optional(), child: ChildSchema.optional() }) } },
    },
  },
  responses: { 200: { description: 'Level, reasons and actions', content: { 'application/json': { schema: TriageOutSchema } } }, ...authErrors },
});

export const triageRoutes = createRouter().openapi(route, async (c) => {
  const body = c.req.valid('json');
  const deps = c.get('deps');
  const tenant = await getTenant(deps.db, c.get('principal').tenantId);
  const locale = body.locale ?? detectLocale(body.message);
  const numbers = emergencyNumbersFor(tenant.settings, locale);
  const r = await withSecondOpinion(
    triage({ message: body.message, locale, child: body.child, today: deps.clock().toISOString().slice(0, 10) }, { numbers }),
    deps.triageReviewer,
    { message: redactPersonalData(body.message).text, numbers },
    (reason) => deps.log.warn({ requestId: c.get('requestId'), reason }, 'second opinion failed; the rules stand'),
  );
  metrics.countTriage(r.level);
  return c.json({ level: r.level, reasons: r.reasons, actions: r.actions as unknown as Record<string, never>[] }, 200);
});
