import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['System'],
  summary: 'Liveness: 200 while the process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
});

const ReadySchema = z.object({ status: z.enum(['ready', 'starting']), checks: z.record(z.string(), z.boolean()) });
const ready = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['System'],
  summary: 'Readiness: 200 once migrations ran and the knowledge base is searchable',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadySchema } } },
    503: { description: 'Not ready yet', content: { 'application/json': { schema: ReadySchema } } },
  },
});

export const systemRoutes = createRouter()
  .openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
  .openapi(ready, (c) => {
    const r = c.get('deps').readiness;
    const checks = { migrations: r.migrated, knowledge: r.knowledgeReady };
    const ok = r.migrated && r.knowledgeReady;
    return ok ? c.json({ status: 'ready' as const, checks }, 200) : c.json({ status: 'starting' as const, checks }, 503);
  });
