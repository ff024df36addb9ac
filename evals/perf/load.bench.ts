/**
 * Load on loopback against the embedded default (bounded in time, stops by itself):
 *  - N concurrent parents streaming chats (SSE) for D seconds (full: 200 for 60 s);
 *  - an open-loop stream of compliance checks at R requests/s for D seconds (full: 500/s for 60 s).
 * Reports errors and p50/p95/p99. Target: 0 errors. The server runs in this process on
 * the embedded database; the load comes from a worker thread on the other core.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Bench, BenchRow } from './bench.js';
import { percentile } from './bench.js';
import { readJsonl } from '../lib/jsonl.js';
import { knowledgeDb } from '../lib/kb.js';
import { startServer } from './lib/server.js';
import { ensureDefaultTenant } from '../../src/domain/keys/tenants.js';
import { createKey } from '../../src/domain/keys/keys.js';

const questions = readJsonl<{ locale: string; message: string }>(fileURLToPath(new URL('../advisor/', import.meta.url)), 'cases.');
const copy = [
  '宝宝辅食推荐！这款米粉富含铁，满6月龄可以吃，冲调温度40℃最佳。',
  '最好的奶粉，接近母乳，提高免疫力，点击链接购买',
  'Our organic baby lotion is gentle on sensitive skin. #ad',
  'The #1 formula doctors recommend — cures colic in 3 days!',
  '新手妈妈第一次带娃，最近发现这个储奶袋很好用，分享给大家（非广告）。',
];

/** Runs one load job in a worker thread (see lib/load-client.ts) and returns its figures. */
function runClient<T>(job: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    // a worker does not inherit tsx's loader: it loads the TypeScript client through tsx's API
    const client = new URL('./lib/load-client.ts', import.meta.url).href;
    const boot = `const { tsImport } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); await tsImport(${JSON.stringify(client)}, ${JSON.stringify(client)});`;
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: job });
    w.once('message', (m) => {
      resolve(m as T);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const bench: Bench = {
  name: 'load',
  async run({ quick }) {
    const rows: BenchRow[] = [];
    const { db, embedder } = await knowledgeDb();
    const server = await startServer(db, embedder);
    try {
      const tenantId = (await ensureDefaultTenant(db)).id;
      const { secret } = await createKey(db, { tenantId, kind: 'secret', scopes: ['chat', 'compliance'] });
      const users = quick ? 20 : 200;
      const seconds = quick ? 5 : 60;
      const chat = await runClient<{ latencies: number[]; firstEvent: number[]; errors: number; turns: number }>({ kind: 'chat', base: server.base, key: secret, users, seconds, questions });
      rows.push({ metric: `chat SSE: ${users} concurrent for ${seconds} s — turns completed`, value: chat.turns, unit: '' });
      rows.push({ metric: 'chat SSE: errors', value: chat.errors, unit: '', target: '0 errors', ok: chat.errors === 0, gate: true });
      rows.push({ metric: 'chat SSE: first event p50', value: percentile(chat.firstEvent, 50), unit: 'ms' });
      rows.push({ metric: 'chat SSE: turn p50', value: percentile(chat.latencies, 50), unit: 'ms' });
      rows.push({ metric: 'chat SSE: turn p95', value: percentile(chat.latencies, 95), unit: 'ms' });
      rows.push({ metric: 'chat SSE: turn p99', value: percentile(chat.latencies, 99), unit: 'ms' });
      const rps = quick ? 100 : 500;
      const comp = await runClient<{ latencies: number[]; errors: number; achievedRps: number }>({ kind: 'compliance', base: server.base, key: secret, rps, seconds, copy });
      rows.push({ metric: `compliance: ${rps} req/s for ${seconds} s — achieved`, value: comp.achievedRps, unit: 'req/s' });
      rows.push({ metric: 'compliance: errors', value: comp.errors, unit: '', target: '0 errors', ok: comp.errors === 0, gate: true });
      rows.push({ metric: 'compliance: p50', value: percentile(comp.latencies, 50), unit: 'ms' });
      rows.push({ metric: 'compliance: p95', value: percentile(comp.latencies, 95), unit: 'ms' });
      rows.push({ metric: 'compliance: p99', value: percentile(comp.latencies, 99), unit: 'ms' });
    } finally {
      await server.close();
      await db.close();
    }
    return rows;
  },
};
export default bench;
