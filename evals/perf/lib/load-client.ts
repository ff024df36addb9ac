/**
 * The load generator, run in a worker thread so that it has its own core and does not
 * take event-loop time from the server it measures (as wrk would, from another process).
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Job {
  kind: 'chat' | 'compliance';
  base: string;
  key: string;
  seconds: number;
  users?: number;
  rps?: number;
  questions?: { locale: string; message: string }[];
  copy?: string[];
}

async function chatLoad(j: Job) {
  const latencies: number[] = [];
  const firstEvent: number[] = [];
  let errors = 0;
  let turns = 0;
  const stopAt = Date.now() + j.seconds * 1000;
  let next = 0;
  const questions = j.questions!;
  const user = async () => {
    while (Date.now() < stopAt) {
      const q = questions[next++ % questions.length]!;
      const t0 = performance.now();
      try {
        const res = await fetch(`${j.base}/v1/chat`, {
          method: 'POST',
          headers: { authorization: `Bearer ${j.key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ message: q.message, locale: q.locale }),
          signal: AbortSignal.timeout(120_000),
        });
        if (res.status !== 200) {
          errors++;
          await res.text();
          continue;
        }
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let first = true;
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (first) {
            firstEvent.push(performance.now() - t0);
            first = false;
          }
          text += decoder.decode(value, { stream: true });
        }
        if (!text.includes('event: done')) errors++;
        else turns++;
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: j.users! }, user));
  return { latencies, firstEvent, errors, turns };
}

/** Open loop: requests leave on schedule whether or not earlier ones have been answered. */
async function complianceLoad(j: Job) {
  const latencies: number[] = [];
  let errors = 0;
  const rps = j.rps!;
  const total = rps * j.seconds;
  const copy = j.copy!;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rps - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(
      fetch(`${j.base}/v1/compliance/check`, {
        method: 'POST',
        headers: { authorization: `Bearer ${j.key}`, 'content-type': 'application/json' },
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

const job = workerData as Job;
const result = job.kind === 'chat' ? await chatLoad(job) : await complianceLoad(job);
parentPort!.postMessage(result);
