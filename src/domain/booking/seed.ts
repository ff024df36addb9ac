/**
 * The demo clinic the widget demo books against. Idempotent: every start may call it,
 * and several processes starting together create it once (an advisory lock serialises
 * them when a Db is passed; slugs are unique per tenant in any case).
 */
import type { Db, Queryable } from '../../db/db.js';
import { activeRulesFor, insertRules, type RuleInput } from './clinicians.js';
import { materialiseSlots } from './slots.js';
import type { Specialty } from './types.js';

export const DEMO_CLINIC_SLUG = 'demo-clinic';
const SEED_LOCK = 727_003;

// Fictional people; any resemblance to real clinicians is unintended.
const DEMO_CLINICIANS: { slug: string; specialty: Specialty; zh: string; en: string }[] = [
  { slug: 'demo-paediatrics', specialty: 'paediatrics', zh: '周明远', en: 'Zhou Mingyuan' },
  { slug: 'demo-obstetrics', specialty: 'obstetrics', zh: '林若溪', en: 'Lin Ruoxi' },
  { slug: 'demo-lactation', specialty: 'lactation', zh: '陈安宁', en: 'Chen Anning' },
  { slug: 'demo-mental-health', specialty: 'mental_health', zh: '许知微', en: 'Xu Zhiwei' },
  { slug: 'demo-nutrition', specialty: 'nutrition', zh: '何嘉禾', en: 'He Jiahe' },
];

// Weekdays, 09:00–12:00 and 14:00–17:00 Beijing time, in 30-minute slots.
const DEMO_RULES: RuleInput[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00', slotMinutes: 30 },
  { weekday, start: '14:00', end: '17:00', slotMinutes: 30 },
]);

export const DEMO_DAYS = 14;

export interface SeedResult {
  clinicId: string;
  clinicianIds: string[];
  slotsCreated: number;
}

async function seed(q: Queryable, input: { tenantId: string; now: Date }): Promise<SeedResult> {
  await q.query(
    `INSERT INTO clinics (tenant_id, name, timezone, slug) VALUES ($1, $2, 'Asia/Shanghai', $3) ON CONFLICT (tenant_id, slug) DO NOTHING`,
    [input.tenantId, 'Nestwise 示范诊所 Demo Clinic', DEMO_CLINIC_SLUG],
  );
  const clinic = (await q.query<{ id: string }>('SELECT id FROM clinics WHERE tenant_id = $1 AND slug = $2', [input.tenantId, DEMO_CLINIC_SLUG])).rows[0]!;
  const clinicianIds: string[] = [];
  for (const c of DEMO_CLINICIANS) {
    await q.query(
      `INSERT INTO clinicians (tenant_id, clinic_id, name, display_names, specialty, languages, timezone, slug)
       VALUES ($1, $2, $3, $4::jsonb, $5, ARRAY['zh-CN', 'en'], 'Asia/Shanghai', $6) ON CONFLICT (tenant_id, slug) DO NOTHING`,
      [input.tenantId, clinic.id, c.zh, JSON.stringify({ 'zh-CN': c.zh, en: c.en }), c.specialty, c.slug],
    );
    const row = (await q.query<{ id: string }>('SELECT id FROM clinicians WHERE tenant_id = $1 AND slug = $2', [input.tenantId, c.slug])).rows[0]!;
    clinicianIds.push(row.id);
  }
  // Rules only for clinicians without any: an operator who changed the demo schedule keeps it.
  const rules = await activeRulesFor(q, clinicianIds);
  for (const id of clinicianIds) {
    if ((rules.get(id) ?? []).length === 0) await insertRules(q, input.tenantId, id, DEMO_RULES);
  }
  let slotsCreated = 0;
  for (const id of clinicianIds) {
    slotsCreated += await materialiseSlots(q, { tenantId: input.tenantId, clinicianId: id, from: input.now, to: new Date(input.now.getTime() + DEMO_DAYS * 86_400_000) });
  }
  return { clinicId: clinic.id, clinicianIds, slotsCreated };
}

/** Creates (or tops up) the demo clinic for `tenantId`, with slots for the next 14 days. */
export async function seedDemoClinic(q: Queryable | Db, input: { tenantId: string; now: Date }): Promise<SeedResult> {
  if ('tx' in q && typeof q.tx === 'function') {
    return q.tx(async (tq) => {
      await tq.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      return seed(tq, input);
    });
  }
  return seed(q, input);
}
