import { serve } from '@hono/node-server';
import { createApp } from '../app.js';
import { parseEnv, ConfigError } from '../config.js';
import { createLogger } from '../log.js';
import { connectPostgres } from '../db/pg-db.js';
import { startEmbeddedDb } from '../db/embedded-db.js';
import { loadMigrationFiles } from '../db/migration-files.js';
import { prepareDatabase } from '../bootstrap.js';
import { nodeAssets, WEB_FILES, withDemoKey } from './node-assets.js';
import { createKey, listKeys, revokeKey } from '../domain/keys/keys.js';
import type { Db } from '../db/db.js';
import type { AppDeps } from '../http/deps.js';
import { createEmbedder } from '../adapters/embedder.js';
import { createLlmAnswerer } from '../adapters/llm-answerer.js';
import { createComplianceReviewer, createTriageReviewer } from '../adapters/llm-reviewers.js';
import { ComplianceEventBatcher } from '../domain/insights/batch.js';
import { loadKnowledge } from '../knowledge-files.js';
import { ingestKnowledge } from '../domain/knowledge/ingest.js';
import { offerSlots, seedDemoClinic, startHoldSweeper } from '../domain/booking/index.js';
import { startWebhookWorker } from '../domain/webhooks/index.js';
import { startRetentionJob } from '../domain/privacy/retention.js';
import { startReminderJob } from '../domain/families/index.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { metrics } from '../http/metrics-registry.js';

async function main() {
  let config;
  try {
    config = parseEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const t0 = Date.now();
  const log = createLogger({ level: config.logLevel, pretty: config.env === 'development' && process.stdout.isTTY === true });
  const db = config.databaseUrl ? connectPostgres({ connectionString: config.databaseUrl }) : await startEmbeddedDb(config.dataDir);
  const readiness = { migrated: false, knowledgeReady: false };
  const embedder = createEmbedder(config.embeddings);
  const demo = { key: '' };
  const deps: AppDeps = {
    config,
    db,
    log,
    clock: () => new Date(),
    readiness,
    embedder,
    answerer: config.llm ? createLlmAnswerer(config.llm) : undefined,
    triageReviewer: config.llm?.secondOpinion ? createTriageReviewer(config.llm) : undefined,
    complianceReviewer: config.llm?.secondOpinion ? createComplianceReviewer(config.llm) : undefined,
    offerSlots: (tenantId, specialty, locale, within) => offerSlots(db, { tenantId, specialty, locale, within, now: deps.clock() }),
    clientIp: (req, env) => {
      try {
        return getConnInfo({ req: { raw: req }, env } as never).remote.address;
      } catch {
        return undefined;
      }
    },
    assets: withDemoKey(nodeAssets(WEB_FILES), () => demo.key),
    complianceEvents: new ComplianceEventBatcher(db, (err) => log.warn({ err: String(err) }, 'compliance insight events lost')),
  };
  const app = createApp(deps);

  const prepared = await prepareDatabase(db, config, loadMigrationFiles(), log);
  readiness.migrated = true;
  // Idempotent by content hash: a restart with an unchanged knowledge/ folder skips every document.
  const ingest = await ingestKnowledge(db, embedder, loadKnowledge());
  log.info({ ...ingest }, 'knowledge base ingested');
  readiness.knowledgeReady = true;

  // The embedded default is a demo: its operator tenant gets a demo clinic with open slots
  // so the widget demo can book (idempotent). A real deployment adds its own clinics.
  if (db.kind === 'embedded') {
    const seeded = await seedDemoClinic(db, { tenantId: prepared.tenant.id, now: deps.clock() });
    demo.key = await demoWidgetKey(db, prepared.tenant.id, config.port);
    log.info({ ...seeded }, 'demo clinic ready');
  }
  const stopJobs = [
    startWebhookWorker({
      db,
      clock: deps.clock,
      log,
      onReport: (r) => {
        metrics.countWebhook('delivered', r.delivered);
        metrics.countWebhook('retrying', r.retrying);
        metrics.countWebhook('dead', r.dead);
      },
    }),
    startHoldSweeper({ db, clock: deps.clock, log }),
    startRetentionJob({ db, clock: deps.clock, log }),
    startReminderJob({ db, clock: deps.clock, log }, 60 * 60_000),
  ];

  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' });
  const base = `http://localhost:${config.port}`;
  const lines = [
    `Nestwise is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${db.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL'}; ${config.llm ? `LLM ${config.llm.model}` : 'offline answer composer'})`,
    `  Widget demo     ${base}/`,
    `  Content console ${base}/console`,
    `  Insights        ${base}/insights`,
    `  API reference   ${base}/docs`,
    `  OpenAPI         ${base}/openapi.json`,
    `  Health          ${base}/healthz  ${base}/readyz`,
  ];
  if (prepared.devAdminKey) {
    lines.push('', `  Development admin key (shown once, store it now): ${prepared.devAdminKey}`);
  }
  console.log(lines.join('\n'));

  const shutdown = async () => {
    server.close();
    await Promise.all(stopJobs.map((stop) => stop()));
    await deps.complianceEvents?.flush();
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const DEMO_KEY_NAME = 'Demo widget (created at start-up)';

/**
 * A publishable key for the demo page at /, allowed from this server's own loopback
 * origins. Secrets cannot be read back, so each start revokes the previous demo key and
 * creates a new one.
 */
async function demoWidgetKey(db: Db, tenantId: string, port: number): Promise<string> {
  for (const k of await listKeys(db, tenantId)) if (k.name === DEMO_KEY_NAME && !k.revokedAt) await revokeKey(db, tenantId, k.id);
  const { secret } = await createKey(db, {
    tenantId,
    kind: 'publishable',
    name: DEMO_KEY_NAME,
    scopes: ['chat', 'triage', 'booking'],
    allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  });
  return secret;
}

main().catch((err) => {
  console.error('Nestwise failed to start:', err);
  process.exit(1);
});
