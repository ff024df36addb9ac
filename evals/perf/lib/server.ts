import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/app.js';
import { parseEnv } from '../../../src/config.js';
import { consoleLogger } from '../../../src/log-console.js';
import type { Db } from '../../../src/db/db.js';
import type { Embedder } from '../../../src/domain/knowledge/embedder.js';
import { ComplianceEventBatcher } from '../../../src/domain/insights/batch.js';

/** The real app on a loopback port, for load and fault tests. */
export async function startServer(db: Db, embedder: Embedder, env: Record<string, string> = {}) {
  const app = createApp({
    config: parseEnv({ NODE_ENV: 'production', RATE_LIMIT_KEY_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000', ...env }),
    db,
    embedder,
    log: consoleLogger('silent'),
    clock: () => new Date(),
    readiness: { migrated: true, knowledgeReady: true },
    // as the Node entry runs it
    complianceEvents: new ComplianceEventBatcher(db),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
