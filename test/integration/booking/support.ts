import { createTestApp, type TestApp } from '../../support/app.js';
import type { AppDeps } from '../../../src/http/deps.js';
import type { Db } from '../../../src/db/db.js';
import { bookingRoutes } from '../../../src/http/routes/booking.js';
import { updateTenantSettings } from '../../../src/domain/keys/tenants.js';

/** A settable clock: tests move time instead of waiting for it. */
export class TestClock {
  constructor(public t: number) {}
  now = (): Date => new Date(this.t);
  set(iso: string | Date) {
    this.t = new Date(iso).getTime();
  }
  advance(ms: number) {
    this.t += ms;
  }
}

export type BookingTestApp = TestApp;

/**
 * The real createApp (through test/support/app.ts) with the booking router mounted,
 * unless createApp already mounts it. Routes added after createApp still run behind all
 * of its middleware; its not-found handler only answers when no route matched.
 * The injected clock keeps most requests inside one rate-limit window, so the per-key
 * and per-IP budgets are raised: these tests are about booking, not about rate limits.
 */
export async function createBookingTestApp(db: Db, clock: TestClock, overrides: Partial<AppDeps> = {}): Promise<BookingTestApp> {
  const t = await createTestApp(db, {
    clock: clock.now,
    ...overrides,
    env: { RATE_LIMIT_KEY_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' },
  });
  const probe = await t.app.request('/v1/clinicians');
  if (probe.status === 404) t.app.route('/', bookingRoutes);
  return t;
}

export async function configureWebhook(db: Db, tenantId: string, url = 'https://hooks.example.com/nestwise', secret = 'whsec_test_0123456789abcdef') {
  await updateTenantSettings(db, tenantId, { webhookUrl: url, webhookSecret: secret });
  return { url, secret };
}

export async function expectProblem(res: Response, status: number, code?: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${res.status}: ${text}`);
  if (!(res.headers.get('content-type') ?? '').includes('application/problem+json')) throw new Error(`not problem+json: ${res.headers.get('content-type')}`);
  const body = JSON.parse(text) as Record<string, unknown>;
  if (code !== undefined && body.code !== code) throw new Error(`expected code ${code}, got ${String(body.code)}: ${text}`);
  return body;
}

export async function count(db: Db, table: string): Promise<number> {
  const res = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return res.rows[0]!.n;
}

export interface Fixture {
  clinicId: string;
  clinicianId: string;
}

/** A clinic and one clinician with the given weekly rules, through the admin API. */
export async function createClinicianWithRules(
  t: BookingTestApp,
  opts: { timezone: string; rules: { weekday: number; start: string; end: string; slotMinutes: number; validFrom?: string; validTo?: string }[]; specialty?: string; languages?: string[]; name?: string; key?: string },
): Promise<Fixture> {
  const key = opts.key;
  const clinicRes = await t.request('/v1/admin/clinics', { method: 'POST', key, json: { name: 'Test clinic', timezone: opts.timezone } });
  if (clinicRes.status !== 201) throw new Error(`clinic: ${clinicRes.status} ${await clinicRes.text()}`);
  const clinic = (await clinicRes.json()) as { id: string };
  const cRes = await t.request('/v1/admin/clinicians', {
    method: 'POST',
    key,
    json: { clinicId: clinic.id, name: opts.name ?? 'Test Clinician', specialty: opts.specialty ?? 'paediatrics', languages: opts.languages ?? ['en'] },
  });
  if (cRes.status !== 201) throw new Error(`clinician: ${cRes.status} ${await cRes.text()}`);
  const clinician = (await cRes.json()) as { id: string };
  const rRes = await t.request(`/v1/admin/clinicians/${clinician.id}/availability`, { method: 'POST', key, json: { rules: opts.rules } });
  if (rRes.status !== 200) throw new Error(`rules: ${rRes.status} ${await rRes.text()}`);
  return { clinicId: clinic.id, clinicianId: clinician.id };
}

export interface SlotOut {
  id: string;
  start: string;
  end: string;
  available: boolean;
}

export async function slotsOf(t: BookingTestApp, clinicianId: string, from: string, to: string, key?: string): Promise<SlotOut[]> {
  const res = await t.request(`/v1/clinicians/${clinicianId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { key });
  if (res.status !== 200) throw new Error(`slots: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { slots: SlotOut[] }).slots;
}
