/**
 * Advisor benchmarks on the embedded database with the real corpus:
 *  - offline turn latency (p50/p95) over the advisor eval questions (target p95 < 150 ms);
 *  - time to the first SSE event (`triage`) through the HTTP app (target p95 < 50 ms);
 *  - latency the service adds around a model call, against a loopback fake model: the
 *    time spent in the model path minus the model's own time, measured in the same run
 *    (target p95 < 30 ms).
 */
import { fileURLToPath } from 'node:url';
import type { Bench, BenchRow } from './bench.js';
import { percentile } from './bench.js';
import { readJsonl } from '../lib/jsonl.js';
import { knowledgeDb } from '../lib/kb.js';
import { startFakeLlm } from './lib/fake-llm.js';
import { runTurn } from '../../src/domain/advisor/turn.js';
import { createLlmAnswerer } from '../../src/adapters/llm-answerer.js';
import { ensureDefaultTenant } from '../../src/domain/keys/tenants.js';
import { createKey } from '../../src/domain/keys/keys.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config.js';
import { consoleLogger } from '../../src/log-console.js';

interface Case {
  locale: 'zh-CN' | 'en';
  message: string;
}

const cases = readJsonl<Case>(fileURLToPath(new URL('../advisor/', import.meta.url)), 'cases.');

const bench: Bench = {
  name: 'advisor',
  async run({ quick }) {
    const rows: BenchRow[] = [];
    const { db, embedder } = await knowledgeDb();
    const fake = await startFakeLlm(0);
    try {
      const tenantId = (await ensureDefaultTenant(db)).id;
      const sample = quick ? cases.filter((_, i) => i % 5 === 0) : cases;
      const deps = { db, embedder, clock: () => new Date() };
      for (const c of sample.slice(0, 5)) await runTurn(deps, { tenantId, message: c.message, locale: c.locale }); // warm-up
      const offline: number[] = [];
      for (const c of sample) {
        const t0 = performance.now();
        await runTurn(deps, { tenantId, message: c.message, locale: c.locale });
        offline.push(performance.now() - t0);
      }
      rows.push({ metric: `offline turn p50 (${sample.length} questions)`, value: percentile(offline, 50), unit: 'ms' });
      rows.push({ metric: 'offline turn p95', value: percentile(offline, 95), unit: 'ms', target: 'p95 < 150 ms', ok: percentile(offline, 95) < 150 });

      // first SSE event through the whole HTTP stack
      const app = createApp({
        config: parseEnv({ NODE_ENV: 'test', RATE_LIMIT_KEY_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' }),
        db,
        embedder,
        log: consoleLogger('silent'),
        clock: () => new Date(),
        readiness: { migrated: true, knowledgeReady: true },
      });
      const { secret } = await createKey(db, { tenantId, kind: 'secret', scopes: ['chat'] });
      const firstEvent: number[] = [];
      for (const c of sample) {
        const t0 = performance.now();
        const res = await app.request('/v1/chat', {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ message: c.message, locale: c.locale }),
        });
        const reader = res.body!.getReader();
        await reader.read();
        firstEvent.push(performance.now() - t0);
        while (!(await reader.read()).done) {
          /* drain */
        }
      }
      rows.push({ metric: 'first SSE event p50', value: percentile(firstEvent, 50), unit: 'ms' });
      rows.push({ metric: 'first SSE event p95', value: percentile(firstEvent, 95), unit: 'ms', target: 'p95 < 50 ms', ok: percentile(firstEvent, 95) < 50 });

      // added latency around a (fake, instant) model: turn time minus the raw model calls
      const answerer = createLlmAnswerer({ baseUrl: fake.url, apiKey: 'x', model: 'fake', timeoutMs: 5000 });
      const raw: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await (await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: '{}' })).text();
        raw.push(performance.now() - t0);
      }
      const rawCall = percentile(raw, 50);
      // The model path, timed from the moment the turn hands over to the answerer until
      // it has a checked answer, minus the model's own time (calls × a raw call): the
      // LangChain agent, tool plumbing and output parsing are what this measures.
      const inAnswerer: number[] = [];
      const timed: typeof answerer = {
        model: answerer.model,
        async answer(input) {
          const t0 = performance.now();
          try {
            return await answerer.answer(input);
          } finally {
            inAnswerer.push(performance.now() - t0);
          }
        },
      };
      const added: number[] = [];
      const online = sample.slice(0, quick ? 10 : 40);
      // warm-up: the first turn also loads LangChain's agent module, which a server does at start-up
      for (const c of online.slice(0, 3)) await runTurn({ ...deps, answerer: timed }, { tenantId, message: c.message, locale: c.locale });
      let onlineTurns = 0;
      for (const c of online) {
        const before = fake.calls();
        const timedBefore = inAnswerer.length;
        const r = await runTurn({ ...deps, answerer: timed }, { tenantId, message: c.message, locale: c.locale });
        if (r.mode === 'online') onlineTurns++;
        // an emergency never reaches the model: nothing to measure
        if (inAnswerer.length === timedBefore) continue;
        added.push(inAnswerer.at(-1)! - (fake.calls() - before) * rawCall);
      }
      rows.push({ metric: `model path: turns answered online (of ${online.length})`, value: onlineTurns, unit: '' });
      rows.push({
        metric: 'added latency around the model, p95',
        value: percentile(added, 95),
        unit: 'ms',
        baseline: { name: 'raw model call', value: rawCall },
        target: 'p95 < 30 ms',
        ok: percentile(added, 95) < 30,
      });
    } finally {
      await fake.close();
      await db.close();
    }
    return rows;
  },
};
export default bench;
