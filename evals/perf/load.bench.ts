/**
 * Load on loopback against the embedded default (bounded in time, stops by itself):
 *  - N concurrent parents streaming chats (SSE) for D seconds (full: 200 for 60 s);
 *  - an open-loop stream of compliance checks at R requests/s for D seconds (full: 500/s for 60 s).
 * Reports errors and p50/p95/p99. Target: 0 errors.
 */
import { fileURLToPath } from 'node:url';
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

async function chatLoad(base: string, key: string, users: number, seconds: number) {
  const latencies: number[] = [];
  const firstEvent: number[] = [];
  let errors = 0;
  let turns = 0;
  const stopAt = Date.now() + seconds * 1000;
  let next = 0;
  const user = async () => {
    while (Date.now() < stopAt) {
      const q = questions[next++ % questions.length]!;
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/v1/chat`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ message: q.message, locale: q.locale }),
          signal: AbortSignal.timeout(120_000),
        });
        if (res.status !== 200) {
          errors++;
          await res.text();
          continue;
        }
        const reader = res.body!.getReader();
        let first = true;
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (first) {
            firstEvent.push(performance.now() - t0);
            first = false;
          }
          text += new TextDecoder().decode(value);
        }
        if (!text.includes('event: done')) errors++;
        else turns++;
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  return { latencies, firstEvent, errors, turns };
}

async function complianceLoad(base: string, key: string, rps: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const total = rps * seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(
      fetch(`${base}/v1/compliance/check`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: copy[i % copy.length], productType: i % 2 ? 'infant_formula' : 'general' }),
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (res) => {
          await res.text();
          if (res.status !== 200) errors++;
          else latencies.push(performance.now() - t0);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(pending);
  return { latencies, errors, achievedRps: total / ((performance.now() - start) / 1000) };
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
      const chat = await chatLoad(server.base, secret, users, seconds);
      rows.push({ metric: `chat SSE: ${users} concurrent for ${seconds} s — turns completed`, value: chat.turns, unit: '' });
      rows.push({ metric: 'chat SSE: errors', value: chat.errors, unit: '', target: '0 errors', ok: chat.errors === 0, gate: true });
      rows.push({ metric: 'chat SSE: first event p50', value: percentile(chat.firstEvent, 50), unit: 'ms' });
      rows.push({ metric: 'chat SSE: turn p50', value: percentile(chat.latencies, 50), unit: 'ms' });
      rows.push({ metric: 'chat SSE: turn p95', value: percentile(chat.latencies, 95), unit: 'ms' });
      rows.push({ metric: 'chat SSE: turn p99', value: percentile(chat.latencies, 99), unit: 'ms' });
      const rps = quick ? 100 : 500;
      const comp = await complianceLoad(server.base, secret, rps, seconds);
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
