/**
 * Cloudflare Workers entry: the same createApp as on Node, built per request around a
 * `pg` client to the database behind Hyperdrive (or DATABASE_URL). Static files
 * (widget, console, API reference assets) are served by Workers Assets before the
 * Worker runs. Migrations are applied from a Node process (`npm run db:migrate`).
 */
import { createApp } from '../app.js';
import { parseEnv } from '../config.js';
import { connectPostgres } from '../db/pg-db.js';
import { consoleLogger } from '../log-console.js';
import { createEmbedder } from '../adapters/embedder.js';

interface WorkerEnv {
  HYPERDRIVE?: { connectionString: string };
  [key: string]: unknown;
}

interface ExecutionContext {
  waitUntil(p: Promise<unknown>): void;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const strings = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const config = parseEnv({ ...strings, DATABASE_URL: env.HYPERDRIVE?.connectionString ?? strings.DATABASE_URL });
    if (!config.databaseUrl) return new Response('DATABASE_URL or a HYPERDRIVE binding is required on Workers', { status: 503 });
    const db = connectPostgres({ connectionString: config.databaseUrl, max: 1 });
    const app = createApp({
      config,
      db,
      log: consoleLogger(config.logLevel),
      embedder: createEmbedder(config.embeddings),
      clock: () => new Date(),
      // Readiness on Workers is the database's: migrations are applied before deploy.
      readiness: { migrated: true, knowledgeReady: true },
    });
    try {
      return await app.fetch(request);
    } finally {
      ctx.waitUntil(db.close());
    }
  },
};
