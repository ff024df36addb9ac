import type { Db } from '../../../src/db/db.js';
import { recordEvent } from '../../../src/domain/insights/index.js';

/**
 * A month of activity (March 2025) with fixed timestamps, written straight into the
 * source tables (conversations, messages, feedback, bookings) and through recordEvent
 * for insight events. The same description drives the seeding and the reference
 * figures the tests compare with (see reference.ts), so a change here moves both.
 *
 * Shape, for turn i = 0..59 (conversation k = floor(i / 2), two turns each):
 *   day 1 + (i % 30) of March, 20:00 UTC when i % 3 = 0, else 10:00 UTC;
 *   level: i % 10 = 0 emergency; 3, 6 urgent; 1, 4, 7 routine; otherwise self_care
 *     (no conversation has two escalated turns);
 *   mode: emergency → fixed, else online when i % 4 = 0, else offline;
 *   latency: fixed 5 + i % 3 ms, offline 40 + i ms, online 800 + 10 i ms;
 *   bookings: i % 10 = 3 → confirmed, made 2 h after the turn; i % 10 = 6 → confirmed,
 *     made 30 h after; i % 20 = 0 → held 1 h after and left to expire;
 *   feedback: i % 6 = 1 → thumbs down, i % 6 = 4 → thumbs up;
 *   retrieval: emergency turns do not retrieve; i % 5 = 2 → best similarity under 0.2.
 * Plus two edge turns just outside/inside the month in UTC (Feb 28 23:30, Mar 31 20:00).
 */
export const MONTH = { from: '2025-03-01', to: '2025-03-31' };

export type Level = 'emergency' | 'urgent' | 'routine' | 'self_care';
export interface SeedTurn {
  i: number;
  conv: number;
  at: Date;
  locale: 'zh-CN' | 'en';
  question: string;
  stage: string | null;
  level: Level;
  mode: 'online' | 'offline' | 'fixed';
  latencyMs: number;
  citations: { docId: string; title: string; topics: string[]; stages: string[] }[];
  signals: { sentiment: { label: 'negative' | 'neutral' | 'positive'; distress: boolean }; handoff: { recommended: boolean; reason?: string } };
  feedback?: { rating: 'up' | 'down'; reason?: string; comment?: string };
  bestSimilarity: number | null;
  booking?: { afterHours: number; confirmed: boolean };
  offered: boolean;
  slotsViewed: boolean;
}

const STAGES = ['pregnancy_t2', 'newborn', 'infant_1_6m', 'infant_6_12m', null] as const;
const CITES = [
  [
    { docId: 'zh-newborn-safe-sleep', title: 'Safe sleep', topics: ['sleep', 'safety'], stages: ['newborn'] },
    { docId: 'zh-sleep-routine', title: 'Sleep routine', topics: ['sleep'], stages: [] },
  ],
  [{ docId: 'zh-breastfeeding-basics', title: 'Breastfeeding', topics: ['breastfeeding', 'nutrition'], stages: [] }],
  [{ docId: 'zh-eczema', title: 'Eczema', topics: ['skin'], stages: [] }],
];

function levelOf(i: number): Level {
  const r = i % 10;
  if (r === 0) return 'emergency';
  if (r === 3 || r === 6) return 'urgent';
  if (r === 1 || r === 4 || r === 7) return 'routine';
  return 'self_care';
}

function missQuestion(i: number, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN') return '怎么给宝宝办护照';
  // en misses are i = 2, 7, 22, 27, 42, 47: one carries a phone number (redacted when recorded)
  return { 2: 'best stroller brand', 7: 'Best stroller brand ', 22: 'best stroller brand', 27: 'what car seat should I buy, call me 13812345678', 42: 'best stroller brand', 47: 'BEST STROLLER BRAND' }[i] ?? 'best stroller brand';
}

export function seedTurns(): SeedTurn[] {
  const turns: SeedTurn[] = [];
  for (let i = 0; i < 60; i++) {
    const conv = Math.floor(i / 2);
    const locale = conv % 2 === 0 ? 'zh-CN' : 'en';
    const level = levelOf(i);
    const mode = level === 'emergency' ? 'fixed' : i % 4 === 0 ? 'online' : 'offline';
    const miss = level !== 'emergency' && i % 5 === 2;
    turns.push({
      i,
      conv,
      at: new Date(Date.UTC(2025, 2, 1 + (i % 30), i % 3 === 0 ? 20 : 10, 0, 0)),
      locale,
      question: miss ? missQuestion(i, locale) : locale === 'zh-CN' ? `第${i}个问题：宝宝睡觉` : `question ${i} about sleep`,
      stage: STAGES[i % 5]!,
      level,
      mode,
      latencyMs: mode === 'fixed' ? 5 + (i % 3) : mode === 'offline' ? 40 + i : 800 + 10 * i,
      citations: level === 'emergency' ? [] : CITES[i % 3]!,
      signals: {
        sentiment: { label: i % 7 === 0 ? 'negative' : i % 7 === 1 ? 'positive' : 'neutral', distress: i % 14 === 0 },
        handoff: i % 15 === 3 ? { recommended: true, reason: 'user_requested_human' } : i % 15 === 8 ? { recommended: true, reason: 'out_of_scope' } : { recommended: false },
      },
      feedback:
        i % 6 === 1
          ? { rating: 'down', ...(i % 12 === 1 ? { reason: 'not_relevant' } : i % 24 === 7 ? { reason: 'not_accurate' } : {}), ...(i === 7 ? { comment: 'wrong, call me on 13812345678' } : {}) }
          : i % 6 === 4
            ? { rating: 'up' }
            : undefined,
      bestSimilarity: level === 'emergency' ? null : miss ? 0.1 + (i % 3) * 0.02 : 0.3 + (i % 4) * 0.01,
      booking: i % 10 === 3 ? { afterHours: 2, confirmed: true } : i % 10 === 6 ? { afterHours: 30, confirmed: true } : i % 20 === 0 ? { afterHours: 1, confirmed: false } : undefined,
      offered: level === 'urgent' || level === 'routine',
      slotsViewed: i % 10 === 3,
    });
  }
  // Edge turns, each in a conversation of its own (conv 100, 101).
  const edge = (i: number, at: Date): SeedTurn => ({
    i,
    conv: i,
    at,
    locale: 'en',
    question: `edge question ${i}`,
    stage: 'toddler_1_3y',
    level: 'self_care',
    mode: 'offline',
    latencyMs: 100,
    citations: [{ docId: 'en-toddler-sleep', title: 'Toddler sleep', topics: ['sleep', 'behavior'], stages: ['toddler_1_3y'] }],
    signals: { sentiment: { label: 'neutral', distress: false }, handoff: { recommended: false } },
    bestSimilarity: 0.5,
    offered: false,
    slotsViewed: false,
  });
  turns.push(edge(100, new Date('2025-02-28T23:30:00Z')), edge(101, new Date('2025-03-31T20:00:00Z')));
  return turns;
}

export interface SeedCheck {
  at: Date;
  verdict: 'pass' | 'review' | 'block';
  categories: ('absolute_claim' | 'medical_claim' | 'infant_formula_claim' | 'unsubstantiated_data' | 'aigc_label')[];
  productType: string | null;
  channel: string;
}

/** 40 compliance checks on days 1–28. */
export function seedChecks(): SeedCheck[] {
  const products = ['infant_formula', 'toy', 'cosmetic', null];
  const channels = ['xiaohongshu_note', 'wechat_article', 'douyin_live_script'];
  const out: SeedCheck[] = [];
  for (let j = 0; j < 40; j++) {
    const verdict = j % 4 === 0 ? 'block' : j % 4 === 1 ? 'review' : 'pass';
    const categories: SeedCheck['categories'] =
      verdict === 'block' ? (j % 8 === 0 ? ['absolute_claim', 'medical_claim'] : ['infant_formula_claim']) : verdict === 'review' ? ['unsubstantiated_data'] : j % 8 === 2 ? ['aigc_label'] : [];
    out.push({ at: new Date(Date.UTC(2025, 2, 1 + (j % 28), 12, j % 60)), verdict, categories, productType: products[j % 4]!, channel: channels[j % 3]! });
  }
  return out;
}

export interface SeedDecision {
  draftId: string;
  decision: 'submit' | 'approve' | 'reject' | 'publish';
  stage?: 'content' | 'compliance' | 'business';
  at: string;
}

/** Review histories of seven drafts (two started in February). */
export function seedDecisions(): SeedDecision[] {
  const d = (draftId: string, decision: SeedDecision['decision'], at: string, stage?: SeedDecision['stage']): SeedDecision => ({ draftId, decision, at, ...(stage ? { stage } : {}) });
  return [
    d('D1', 'submit', '2025-03-02T09:00:00Z'),
    d('D1', 'approve', '2025-03-02T13:00:00Z', 'content'),
    d('D1', 'approve', '2025-03-03T09:00:00Z', 'compliance'),
    d('D1', 'approve', '2025-03-03T15:00:00Z', 'business'),
    d('D1', 'publish', '2025-03-04T09:00:00Z'),
    d('D2', 'submit', '2025-03-05T10:00:00Z'),
    d('D2', 'approve', '2025-03-05T12:00:00Z', 'content'),
    d('D2', 'reject', '2025-03-06T10:00:00Z', 'compliance'),
    d('D3', 'submit', '2025-03-10T08:00:00Z'),
    d('D3', 'reject', '2025-03-10T20:00:00Z', 'content'),
    d('D3', 'submit', '2025-03-11T08:00:00Z'),
    d('D3', 'approve', '2025-03-11T10:00:00Z', 'content'),
    d('D3', 'approve', '2025-03-11T18:00:00Z', 'compliance'),
    d('D4', 'submit', '2025-03-20T09:00:00Z'),
    d('D5', 'submit', '2025-02-20T09:00:00Z'),
    d('D5', 'approve', '2025-02-21T09:00:00Z', 'content'),
    d('D5', 'approve', '2025-02-22T09:00:00Z', 'compliance'),
    d('D5', 'approve', '2025-02-23T09:00:00Z', 'business'),
    d('D6', 'submit', '2025-02-25T09:00:00Z'),
    d('D6', 'approve', '2025-03-01T09:00:00Z', 'content'),
    d('D7', 'submit', '2025-03-25T09:00:00Z'),
    d('D7', 'approve', '2025-03-25T10:00:00Z', 'content'),
    d('D7', 'approve', '2025-03-26T10:00:00Z', 'compliance'),
    d('D7', 'approve', '2025-03-26T12:00:00Z', 'business'),
  ];
}

export interface Seeded {
  turns: SeedTurn[];
  checks: SeedCheck[];
  decisions: SeedDecision[];
  /** conversation key → id */
  conversations: Map<number, string>;
  /** turn i → assistant message id */
  answers: Map<number, string>;
}

/** A clinic, a clinician and one slot per booking, so bookings satisfy their foreign keys. */
async function bookingFixtures(db: Db, tenantId: string) {
  const clinic = await db.query<{ id: string }>(`INSERT INTO clinics (tenant_id, name, timezone) VALUES ($1, 'Insights clinic', 'Asia/Shanghai') RETURNING id`, [tenantId]);
  const clinician = await db.query<{ id: string }>(
    `INSERT INTO clinicians (tenant_id, clinic_id, name, specialty, timezone) VALUES ($1, $2, 'Dr Test', 'paediatrics', 'Asia/Shanghai') RETURNING id`,
    [tenantId, clinic.rows[0]!.id],
  );
  return clinician.rows[0]!.id;
}

/** Seeds the month for one tenant. Call once per tenant per database. */
export async function seedMonth(db: Db, tenantId: string): Promise<Seeded> {
  const turns = seedTurns();
  const conversations = new Map<number, string>();
  const answers = new Map<number, string>();
  const clinicianId = await bookingFixtures(db, tenantId);
  let slotN = 0;

  for (const t of turns) {
    let convId = conversations.get(t.conv);
    if (!convId) {
      const res = await db.query<{ id: string }>(
        `INSERT INTO conversations (tenant_id, subject_id, locale, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [tenantId, `subject-${t.conv}`, t.locale, t.at],
      );
      convId = res.rows[0]!.id;
      conversations.set(t.conv, convId);
    }
    const triage = JSON.stringify({ level: t.level, reasons: [], actions: [] });
    const signals = JSON.stringify(t.signals);
    await db.query(
      `INSERT INTO messages (conversation_id, tenant_id, role, text, triage, signals, stage, created_at) VALUES ($1, $2, 'user', $3, $4, $5, $6, $7)`,
      [convId, tenantId, t.question, triage, signals, t.stage, t.at],
    );
    const answerAt = new Date(t.at.getTime() + t.latencyMs);
    const answer = await db.query<{ id: string }>(
      `INSERT INTO messages (conversation_id, tenant_id, role, text, triage, citations, signals, mode, stage, latency_ms, created_at)
       VALUES ($1, $2, 'assistant', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [convId, tenantId, `answer ${t.i}`, triage, JSON.stringify(t.citations), signals, t.mode, t.stage, t.latencyMs, answerAt],
    );
    const answerId = answer.rows[0]!.id;
    answers.set(t.i, answerId);
    if (t.feedback) {
      await db.query(`INSERT INTO feedback (message_id, tenant_id, rating, reason, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        answerId,
        tenantId,
        t.feedback.rating,
        t.feedback.reason ?? null,
        t.feedback.comment ?? null,
        new Date(answerAt.getTime() + 60_000),
      ]);
    }
    await recordEvent(db, {
      kind: 'chat_turn',
      tenantId,
      conversationId: convId,
      messageId: answerId,
      locale: t.locale,
      stage: t.stage,
      mode: t.mode,
      bestSimilarity: t.bestSimilarity,
      question: t.question,
      at: answerAt,
    });
    if (t.offered) await recordEvent(db, { kind: 'booking_step', tenantId, step: 'offered', conversationId: convId, specialty: 'paediatrics', at: answerAt });
    if (t.slotsViewed) await recordEvent(db, { kind: 'booking_step', tenantId, step: 'slots_viewed', conversationId: convId, at: new Date(answerAt.getTime() + 60_000) });
    if (t.booking) {
      const created = new Date(t.at.getTime() + t.booking.afterHours * 3_600_000);
      const start = new Date(Date.UTC(2025, 5, 1, 0, 0) + slotN++ * 3_600_000);
      const slot = await db.query<{ id: string }>(`INSERT INTO slots (tenant_id, clinician_id, start_at, end_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
        tenantId,
        clinicianId,
        start,
        new Date(start.getTime() + 1_800_000),
      ]);
      await db.query(
        `INSERT INTO bookings (tenant_id, slot_id, clinician_id, status, conversation_id, triage_level, expires_at, created_at, confirmed_at, expired_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          slot.rows[0]!.id,
          clinicianId,
          t.booking.confirmed ? 'confirmed' : 'expired',
          convId,
          t.level,
          new Date(created.getTime() + 600_000),
          created,
          t.booking.confirmed ? new Date(created.getTime() + 120_000) : null,
          t.booking.confirmed ? null : new Date(created.getTime() + 600_000),
        ],
      );
    }
  }
  await recordEvent(db, { kind: 'booking_step', tenantId, step: 'slot_taken', at: new Date('2025-03-05T10:00:00Z') });

  const checks = seedChecks();
  for (const c of checks) {
    await recordEvent(db, { kind: 'compliance_check', tenantId, verdict: c.verdict, categories: c.categories, productType: c.productType, channel: c.channel, market: 'CN', at: c.at });
  }
  const decisions = seedDecisions();
  for (const d of decisions) {
    await recordEvent(db, { kind: 'review_decision', tenantId, draftId: d.draftId, decision: d.decision, stage: d.stage, at: new Date(d.at) });
  }
  return { turns, checks, decisions, conversations, answers };
}

/** A handful of activity for a second tenant, to prove isolation. */
export async function seedOtherTenant(db: Db, tenantId: string): Promise<void> {
  const conv = await db.query<{ id: string }>(`INSERT INTO conversations (tenant_id, locale, created_at) VALUES ($1, 'en', '2025-03-10T10:00:00Z') RETURNING id`, [tenantId]);
  for (let n = 0; n < 3; n++) {
    const at = new Date(Date.UTC(2025, 2, 10, 10 + n));
    const triage = JSON.stringify({ level: 'urgent', reasons: [], actions: [] });
    await db.query(`INSERT INTO messages (conversation_id, tenant_id, role, text, triage, stage, created_at) VALUES ($1, $2, 'user', 'other tenant question', $3, 'newborn', $4)`, [
      conv.rows[0]!.id,
      tenantId,
      triage,
      at,
    ]);
    const a = await db.query<{ id: string }>(
      `INSERT INTO messages (conversation_id, tenant_id, role, text, triage, citations, mode, stage, latency_ms, created_at)
       VALUES ($1, $2, 'assistant', 'other answer', $3, '[{"docId":"x","topics":["dental"]}]', 'offline', 'newborn', 9999, $4) RETURNING id`,
      [conv.rows[0]!.id, tenantId, triage, new Date(at.getTime() + 10)],
    );
    await db.query(`INSERT INTO feedback (message_id, tenant_id, rating, reason) VALUES ($1, $2, 'down', 'unsafe')`, [a.rows[0]!.id, tenantId]);
    await recordEvent(db, { kind: 'chat_turn', tenantId, conversationId: conv.rows[0]!.id, locale: 'en', mode: 'offline', bestSimilarity: 0.01, question: 'other tenant secret question', at });
  }
  await recordEvent(db, { kind: 'compliance_check', tenantId, verdict: 'block', categories: ['guarantee'], productType: 'health_food', channel: 'en_email', at: new Date('2025-03-10T10:00:00Z') });
  await recordEvent(db, { kind: 'review_decision', tenantId, draftId: 'OTHER', decision: 'submit', at: new Date('2025-03-10T10:00:00Z') });
}
