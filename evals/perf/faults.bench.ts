/**
 * Fault test against native PostgreSQL (runs when FAULT_PG_CONTROL=1, as in CI, because it
 * stops and starts the local server with pg_ctlcluster): parents keep booking distinct
 * slots while the database is stopped and started again.
 *  - while it is down, requests fail fast with 503 problem+json (Retry-After);
 *  - the service recovers by itself, without a restart;
 *  - retries with the same Idempotency-Key give each slot exactly one booking: none lost,
 *    none duplicated;
 *  - webhook events queued before and during the outage are delivered after recovery.
 */
import { LOCAL_EMBEDDINGS_MODEL } from '../../src/config.js';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bench, BenchRow } from './bench.js';
import { percentile } from './bench.js';
import { nativeBenchDb } from './lib/native-db.js';
import { startServer } from './lib/server.js';
import { runMigrations } from '../../src/db/migrate.js';
import { loadMigrationFiles } from '../../src/db/migration-files.js';
import { ensureDefaultTenant, updateTenantSettings } from '../../src/domain/keys/tenants.js';
import { createKey } from '../../src/domain/keys/keys.js';
import { seedDemoClinic } from '../../src/domain/booking/index.js';
import { deliverDue } from '../../src/domain/webhooks/index.js';
import { LocalEmbedder } from '../../src/domain/knowledge/embedder.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pgctl = (action: 'stop' | 'start') => execFileSync('pg_ctlcluster', ['15', 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], { stdio: 'ignore' });

const bench: Bench = {
  name: 'faults',
  async run() {
    if (process.env.FAULT_PG_CONTROL !== '1') {
      return [{ metric: 'PostgreSQL restart under load: not run (set FAULT_PG_CONTROL=1 on a machine whose local cluster may be restarted)', value: 0, unit: '' }];
    }
    const native = await nativeBenchDb();
    if (!native) return [{ metric: 'PostgreSQL restart under load: no TEST_DATABASE_URL', value: 0, unit: '' }];
    const rows: BenchRow[] = [];
    const received = new Map<string, number>();
    const receiver = createServer((req, res) => {
      const id = String(req.headers['nestwise-event-id'] ?? '');
      req.resume();
      req.on('end', () => {
        received.set(id, (received.get(id) ?? 0) + 1);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const { db } = native;
    const server = await startServer(db, new LocalEmbedder(LOCAL_EMBEDDINGS_MODEL, 512));
    try {
      await runMigrations(db, loadMigrationFiles());
      const tenant = await ensureDefaultTenant(db);
      await updateTenantSettings(db, tenant.id, { webhookUrl: hook, webhookSecret: 'fault-test-secret-0123456789' });
      await seedDemoClinic(db, { tenantId: tenant.id, now: new Date() });
      const { secret } = await createKey(db, { tenantId: tenant.id, kind: 'secret', scopes: ['booking'] });
      const slots = (
        await db.query<{ id: string }>(`SELECT id FROM slots WHERE tenant_id = $1 AND start_at > now() + interval '1 day' ORDER BY start_at LIMIT 150`, [tenant.id])
      ).rows.map((r) => r.id);

      const downtimeAnswers: { status: number; ms: number; problem: boolean }[] = [];
      let down = false;
      const book = async (slotId: string, i: number): Promise<string | undefined> => {
        for (let attempt = 0; attempt < 60; attempt++) {
          const t0 = performance.now();
          try {
            const res = await fetch(`${server.base}/v1/bookings`, {
              method: 'POST',
              headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'idempotency-key': `fault-${i}` },
              body: JSON.stringify({ slotId, contact: { name: `Parent ${i}`, email: `p${i}@example.com` }, subjectId: `fault-${i}` }),
              signal: AbortSignal.timeout(15_000),
            });
            const body = (await res.json()) as { id?: string };
            if (down) downtimeAnswers.push({ status: res.status, ms: performance.now() - t0, problem: (res.headers.get('content-type') ?? '').includes('problem+json') });
            if (res.status === 201) return body.id;
            if (res.status === 409) return undefined; // cannot happen: each slot is booked by one parent
          } catch {
            /* network error: retry */
          }
          await sleep(250);
        }
        return undefined;
      };

      const jobs = slots.map((s, i) => sleep(i * 20).then(() => book(s, i)));
      await sleep(800);
      const tDown = performance.now();
      pgctl('stop');
      down = true;
      await sleep(3000);
      pgctl('start');
      down = false;
      const ids = await Promise.all(jobs);
      const recoveredAfter = (performance.now() - tDown) / 1000;

      const counts = (
        await db.query<{ slot_id: string; n: number }>(
          `SELECT slot_id, count(*)::int AS n FROM bookings WHERE tenant_id = $1 AND status IN ('held','confirmed') GROUP BY slot_id`,
          [tenant.id],
        )
      ).rows;
      const duplicated = counts.filter((c) => c.n > 1).length;
      const booked = new Set(counts.map((c) => c.slot_id));
      const lost = slots.filter((s, i) => ids[i] !== undefined && !booked.has(s)).length;
      const failed = ids.filter((x) => x === undefined).length;
      const fast = downtimeAnswers.filter((a) => a.status === 503 && a.problem);
      rows.push({ metric: `bookings attempted during a PostgreSQL stop/start`, value: slots.length, unit: '' });
      rows.push({ metric: 'answers while down that were 503 problem+json', value: fast.length, unit: `of ${downtimeAnswers.length}`, target: 'all', ok: downtimeAnswers.length > 0 && fast.length === downtimeAnswers.length, gate: true });
      rows.push({ metric: '503 answer time while down, p95', value: percentile(fast.map((a) => a.ms), 95), unit: 'ms', target: '< 5000 ms (fail fast)', ok: percentile(fast.map((a) => a.ms), 95) < 5000 });
      rows.push({ metric: 'bookings lost', value: lost + failed, unit: '', target: '0', ok: lost + failed === 0, gate: true });
      rows.push({ metric: 'slots booked twice', value: duplicated, unit: '', target: '0', ok: duplicated === 0, gate: true });
      rows.push({ metric: 'all bookings done after the outage began', value: recoveredAfter, unit: 's' });

      for (let i = 0; i < 50; i++) {
        const r = await deliverDue({ db, fetch: (u, init) => fetch(u, init), now: new Date(Date.now() + i * 3_600_000), limit: 100, allowPrivateNetwork: true });
        if (r.claimed === 0) break;
      }
      const events = (await db.query<{ id: string; status: string }>('SELECT id, status FROM webhook_events WHERE tenant_id = $1', [tenant.id])).rows;
      const undelivered = events.filter((e) => e.status !== 'delivered').length;
      rows.push({ metric: 'webhook events queued', value: events.length, unit: '' });
      rows.push({ metric: 'webhook events not delivered after recovery', value: undelivered, unit: '', target: '0', ok: undelivered === 0 && events.every((e) => received.has(e.id)), gate: true });
    } finally {
      try {
        pgctl('start');
      } catch {
        /* already running */
      }
      await server.close();
      receiver.close();
      await native.drop();
    }
    return rows;
  },
};
export default bench;
