import { bodyLimit } from 'hono/body-limit';
import { timeout } from 'hono/timeout';
import { SlidingWindowLimiter } from './http/rate-limit.js';
import { ipRateLimit } from './http/middleware/limits.js';
import type { AppDeps } from './http/deps.js';
import { createRouter } from './http/router.js';
import { requestContext, securityHeaders } from './http/middleware/context.js';
import { corsPreflight } from './http/middleware/auth.js';
import { errorToProblem, problemResponse } from './http/problem.js';
import { PayloadTooLarge } from './domain/errors.js';
import { systemRoutes } from './http/routes/system.js';
import { adminRoutes } from './http/routes/admin.js';
import { docsRoutes } from './http/routes/docs.js';
import { knowledgeRoutes } from './http/routes/knowledge.js';
import { triageRoutes } from './http/routes/triage.js';
import { chatRoutes } from './http/routes/chat.js';
import { conversationRoutes } from './http/routes/conversations.js';
import { openaiCompatRoutes } from './http/routes/openai-compat.js';
import { privacyRoutes } from './http/routes/privacy.js';
import { complianceRoutes } from './http/routes/compliance.js';
import { familyRoutes } from './http/routes/families.js';
import { contentRoutes } from './http/routes/content.js';
import { requestMetrics } from './http/metrics-registry.js';
import { insightRoutes } from './http/routes/insights.js';
import { metricsRoutes } from './http/routes/metrics.js';
import { bookingRoutes } from './http/routes/booking.js';
import { assetRoutes } from './http/routes/assets.js';

export const API_VERSION = '1.0.0';

/**
 * The whole HTTP service, the same on Node and on Cloudflare Workers: entries build
 * the dependencies and call this.
 */
export function createApp(deps: AppDeps) {
  const app = createRouter();

  const limiter = new SlidingWindowLimiter();
  app.use('*', requestMetrics());
  app.use('*', requestContext(deps, limiter));
  // /metrics has its own token; limiting it per IP slows down guessing
  app.use('/metrics', ipRateLimit(limiter));
  app.use('*', securityHeaders());
  app.use('/v1/*', corsPreflight());
  app.use('/v1/*', ipRateLimit(limiter));
  app.use('/v1/*', timeout(deps.config.requestTimeoutMs));
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new PayloadTooLarge(deps.config.bodyLimitBytes);
      },
    }),
  );

  app.route('/', systemRoutes);
  app.route('/', adminRoutes);
  app.route('/', triageRoutes);
  app.route('/', chatRoutes);
  app.route('/', openaiCompatRoutes);
  app.route('/', conversationRoutes);
  app.route('/', familyRoutes);
  app.route('/', contentRoutes);
  app.route('/', knowledgeRoutes);
  app.route('/', bookingRoutes);
  app.route('/', privacyRoutes);
  app.route('/', complianceRoutes);
  app.route('/', docsRoutes);
  app.route('/', insightRoutes);
  app.route('/', metricsRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Secret keys (sk_…) for servers; publishable keys (pk_…) for the widget, from their allowed origins only',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Nestwise API',
      version: API_VERSION,
      description: 'Parenting advisor, safety triage, clinician booking and maternal & infant marketing-copy compliance. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
  });

  app.route('/', assetRoutes);

  app.notFound((c) => problemResponse(c, { status: 404, code: 'not_found', title: 'Not found', detail: `No route for ${c.req.method} ${c.req.path}.` }));
  app.onError((err, c) => errorToProblem(err, c));
  return app;
}

export type App = ReturnType<typeof createApp>;
