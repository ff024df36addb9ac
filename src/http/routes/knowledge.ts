import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, LocaleSchema } from '../schemas/common.js';
import { searchKnowledge } from '../../domain/knowledge/search.js';
import { resolveStages } from '../../domain/knowledge/stage-filter.js';
import { STAGE_IDS } from '../../domain/knowledge/taxonomy.js';

const SourceSchema = z.object({ publisher: z.string(), title: z.string(), url: z.string(), year: z.number() }).openapi('Source');

const ResultSchema = z
  .object({
    docId: z.string(),
    chunkId: z.string(),
    title: z.string(),
    heading: z.string(),
    stages: z.array(z.string()),
    topics: z.array(z.string()),
    score: z.number(),
    snippet: z.string(),
    sources: z.array(SourceSchema),
  })
  .openapi('KnowledgeResult');

const route = createRoute({
  method: 'get',
  path: '/v1/knowledge/search',
  tags: ['Knowledge'],
  summary: 'Hybrid (vector + full-text) search of the guidance, filtered by locale and stage',
  description:
    'The stage comes from `stage`, else from an age or pregnancy week in `q` ("6个月", "孕28周", "2 year old"). When a stage is known, documents for other stages are never returned; stage-agnostic documents always may be.',
  security: bearer,
  middleware: [requireScope('knowledge')] as const,
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(2000),
      locale: LocaleSchema.default('zh-CN'),
      stage: z.enum(STAGE_IDS).optional(),
      k: z.coerce.number().int().min(1).max(50).default(5),
    }),
  },
  responses: {
    200: { description: 'Results, best first', content: { 'application/json': { schema: z.object({ stage: z.string().nullable(), results: z.array(ResultSchema) }) } } },
    ...authErrors,
  },
});

export const knowledgeRoutes = createRouter().openapi(route, async (c) => {
  const { q, locale, stage, k } = c.req.valid('query');
  const deps = c.get('deps');
  const resolved = resolveStages({ stage, text: q, today: deps.clock().toISOString().slice(0, 10) });
  const results = await searchKnowledge(deps.db, deps.embedder, { query: q, locale, stages: resolved.stages, k });
  return c.json(
    {
      stage: resolved.primary ?? null,
      results: results.map((r) => ({
        docId: r.docId,
        chunkId: r.chunkId,
        title: r.title,
        heading: r.heading,
        stages: r.stages,
        topics: r.topics,
        score: r.score,
        snippet: snippet(r.text),
        sources: r.sources,
      })),
    },
    200,
  );
});

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\*\*/g, '').trim();
  return flat.length > 240 ? flat.slice(0, 239) + '…' : flat;
}
