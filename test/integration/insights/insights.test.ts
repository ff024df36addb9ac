import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, backend } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { recordEvent } from '../../../src/domain/insights/index.js';
import { MONTH, seedMonth, seedOtherTenant, type Seeded } from './seed.js';
import { expectedCompliance, expectedConversations, expectedFeedback, expectedLatency, expectedTriage, type Range } from './reference.js';

let db: Db;
let t: TestApp;
let seeded: Seeded;
let other: { tenantId: string; adminKey: string };

const UTC: Range = { ...MONTH, tz: 'UTC' };
const SHANGHAI: Range = { ...MONTH, tz: 'Asia/Shanghai' };

beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db);
  seeded = await seedMonth(db, t.tenantId);
  other = await t.otherTenant();
  await seedOtherTenant(db, other.tenantId);
});
afterAll(async () => {
  await db?.close();
});

async function get<T = Record<string, unknown>>(path: string, r: Range = UTC, init: { key?: string; extra?: Record<string, string> } = {}): Promise<T> {
  const qs = new URLSearchParams({ from: r.from, to: r.to, tz: r.tz, ...init.extra });
  const res = await t.request(`/v1/insights/${path}?${qs}`, { key: init.key });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const asMap = <T extends Record<string, unknown>>(rows: T[], key: keyof T, value: keyof T) => Object.fromEntries(rows.map((r) => [r[key], r[value]]));

describe(`insights aggregates over a seeded month (${backend})`, () => {
  it('counts questions by day, stage and cited topic', async () => {
    const body = await get<{
      totals: { questions: number; conversations: number; answers: number };
      byDay: { date: string; questions: number; conversations: number; stages: Record<string, number> }[];
      byStage: { stage: string; questions: number }[];
      byTopic: { topic: string; answers: number }[];
      handoff: { reason: string; questions: number }[];
      sentiment: Record<string, number>;
    }>('conversations');
    const exp = expectedConversations(seeded.turns, UTC);
    // worked out by hand: 60 turns in 30 conversations, plus the Mar 31 edge turn
    expect(body.totals).toEqual({ questions: 61, conversations: 31, answers: 61 });
    expect(body.totals).toEqual(exp.totals);
    expect(body.byDay).toHaveLength(31);
    expect(body.byDay[0]).toMatchObject({ date: '2025-03-01', questions: 2, conversations: 2 });
    expect(body.byDay[30]).toMatchObject({ date: '2025-03-31', questions: 1, conversations: 1, stages: { toddler_1_3y: 1 } });
    for (const d of body.byDay) {
      const e = exp.byDay[d.date] ?? { questions: 0, conversations: 0, stages: {} };
      expect(d).toEqual({ date: d.date, ...e });
    }
    // stages cycle over five values, twelve turns each
    expect(asMap(body.byStage, 'stage', 'questions')).toEqual({ pregnancy_t2: 12, newborn: 12, infant_1_6m: 12, infant_6_12m: 12, unknown: 12, toddler_1_3y: 1 });
    expect(asMap(body.byStage, 'stage', 'questions')).toEqual(exp.byStage);
    // an answer citing two sleep documents counts once for sleep
    expect(asMap(body.byTopic, 'topic', 'answers')).toEqual(exp.byTopic);
    expect(asMap(body.byTopic, 'topic', 'answers').sleep).toBe(19);
    expect(body.byTopic[0]!.topic).toBe('sleep');
    expect(asMap(body.handoff, 'reason', 'questions')).toEqual(exp.handoff);
    expect(body.sentiment).toEqual(exp.sentiment);
  });

  it('counts days in the requested time zone', async () => {
    const body = await get<{ totals: { questions: number }; byDay: { date: string; questions: number }[] }>('conversations', SHANGHAI);
    const exp = expectedConversations(seeded.turns, SHANGHAI);
    expect(body.totals).toEqual(exp.totals);
    // Feb 28 23:30 UTC is Mar 1 in Shanghai; Mar 31 20:00 UTC is already April there
    expect(body.byDay[0]).toMatchObject({ date: '2025-03-01', questions: 1 });
    expect(body.byDay[30]).toMatchObject({ date: '2025-03-31', questions: 0 });
    for (const d of body.byDay) expect(d.questions).toBe(exp.byDay[d.date]?.questions ?? 0);
  });

  it('gives the triage mix and escalations that ended in a booking within 24 h', async () => {
    const body = await get<{
      totals: Record<string, number>;
      byDay: ({ date: string } & Record<string, number>)[];
      escalations: { turns: number; booked: number; rate: number; byLevel: { level: string; turns: number; booked: number }[] };
      bookingSteps: Record<string, number>;
    }>('triage');
    const exp = expectedTriage(seeded.turns, UTC);
    expect(body.totals).toEqual({ emergency: 6, urgent: 12, routine: 18, self_care: 25 });
    expect(body.totals).toEqual(exp.totals);
    for (const d of body.byDay) {
      const { date, ...levels } = d;
      expect(levels).toEqual({ emergency: 0, urgent: 0, routine: 0, self_care: 0, ...exp.byDay[date] });
    }
    // six urgent turns booked 2 h later count; bookings 30 h later and lapsed holds do not
    expect(body.escalations).toEqual({
      turns: 18,
      booked: 6,
      rate: 0.3333,
      byLevel: [
        { level: 'emergency', turns: 6, booked: 0 },
        { level: 'urgent', turns: 12, booked: 6 },
      ],
    });
    expect(body.escalations.byLevel.map((l) => [l.level, l.turns, l.booked])).toEqual([
      ['emergency', exp.byLevel.emergency.turns, exp.byLevel.emergency.booked],
      ['urgent', exp.byLevel.urgent.turns, exp.byLevel.urgent.booked],
    ]);
    expect(body.bookingSteps).toEqual({ offered: 30, slotsViewed: 6, slotTaken: 1, held: 15, confirmed: 12, cancelled: 0, completed: 0, expired: 3 });
    expect(body.bookingSteps).toMatchObject(exp.bookingSteps);
  });

  it('gives the feedback rate and thumbs-down reasons', async () => {
    const body = await get<{ totals: Record<string, number>; byDay: { date: string; answers: number; up: number; down: number }[]; downReasons: { reason: string; answers: number }[] }>('feedback');
    const exp = expectedFeedback(seeded.turns, UTC);
    expect(body.totals).toEqual({ answers: 61, withFeedback: 20, up: 10, down: 10, rate: 0.3279 });
    expect(body.totals).toMatchObject({ answers: exp.answers, up: exp.up, down: exp.down, rate: exp.rate });
    expect(body.downReasons).toEqual([
      { reason: 'not_relevant', answers: 5 },
      { reason: 'not_accurate', answers: 3 },
      { reason: 'unspecified', answers: 2 },
    ]);
    expect(asMap(body.downReasons, 'reason', 'answers')).toEqual(exp.reasons);
    expect(body.byDay.reduce((s, d) => s + d.answers, 0)).toBe(61);
  });

  it('gives latency percentiles by answer mode', async () => {
    const body = await get<{ byMode: { mode: string; answers: number; p50: number; p95: number; p99: number; mean: number }[]; byDay: { date: string; p50: number | null }[] }>('latency');
    const exp = expectedLatency(seeded.turns, UTC);
    expect(body.byMode.map((m) => m.mode)).toEqual(['online', 'offline', 'fixed']);
    for (const m of body.byMode) {
      const { mode, ...rest } = m;
      expect(rest).toEqual(exp[mode]);
    }
    // fixed answers took 5, 6, 7, 5, 6, 7 ms
    expect(body.byMode.find((m) => m.mode === 'fixed')).toEqual({ mode: 'fixed', answers: 6, p50: 6, p95: 7, p99: 7, mean: 6 });
    expect(body.byDay.find((d) => d.date === '2025-03-31')!.p50).toBe(100);
  });

  it('lists the top retrieval misses, redacted and grouped', async () => {
    const body = await get<{ threshold: number; totals: Record<string, number>; top: { question: string; locale: string; count: number; bestSimilarity: number; stage: string | null }[] }>('retrieval-misses');
    expect(body.threshold).toBe(0.2);
    // 54 retrieving turns in the month plus the edge turn; every fifth-plus-two is a miss
    expect(body.totals).toEqual({ turns: 55, misses: 12, rate: 0.2182 });
    expect(body.top.map((x) => [x.question.toLowerCase().trim(), x.locale, x.count])).toEqual([
      ['怎么给宝宝办护照', 'zh-CN', 6],
      ['best stroller brand', 'en', 5],
      ['what car seat should i buy, call me [phone]', 'en', 1],
    ]);
    // best similarity seen for the stroller question: i = 2, 7, 22, 42, 47 → 0.1 + (i % 3) * 0.02
    expect(body.top[1]!.bestSimilarity).toBe(0.14);
    const text = JSON.stringify(body);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('other tenant');
    // a stricter threshold keeps only what scored under it
    const strict = await get<{ totals: Record<string, number>; top: unknown[] }>('retrieval-misses', UTC, { extra: { threshold: '0.11' } });
    expect(strict.totals.misses).toBe(4);
    // only turns that missed kept their text at all
    const kept = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM insight_events WHERE tenant_id = $1 AND question_text IS NOT NULL`, [t.tenantId]);
    expect(kept.rows[0]!.n).toBe(12);
  });

  it('gives compliance findings by category, product type and channel over time', async () => {
    const body = await get<{
      totals: Record<string, number>;
      byDay: { date: string; findings: number; categories: Record<string, number>; block: number }[];
      byCategory: { category: string; findings: number; checks: number }[];
      byProductType: { productType: string; checks: number; findings: number; block: number }[];
      byChannel: { channel: string; checks: number; findings: number; block: number }[];
    }>('compliance');
    const exp = expectedCompliance(seeded.checks, UTC);
    expect(body.totals).toEqual({ checks: 40, findings: 30, pass: 20, review: 10, block: 10 });
    expect(body.totals).toEqual({ checks: exp.checks, findings: exp.findings, ...exp.verdicts });
    expect(body.byCategory).toEqual([
      { category: 'unsubstantiated_data', findings: 10, checks: 10 },
      { category: 'absolute_claim', findings: 5, checks: 5 },
      { category: 'aigc_label', findings: 5, checks: 5 },
      { category: 'infant_formula_claim', findings: 5, checks: 5 },
      { category: 'medical_claim', findings: 5, checks: 5 },
    ]);
    expect(asMap(body.byCategory, 'category', 'findings')).toEqual(exp.byCategory);
    for (const p of body.byProductType) expect({ checks: p.checks, findings: p.findings, block: p.block }).toEqual(exp.byProduct[p.productType]);
    for (const c of body.byChannel) expect({ checks: c.checks, findings: c.findings, block: c.block }).toEqual(exp.byChannel[c.channel]);
    // j = 0 and j = 28 fall on Mar 1: a block with two findings and a block with one
    expect(body.byDay[0]).toMatchObject({ date: '2025-03-01', block: 2, findings: 3, categories: { absolute_claim: 1, medical_claim: 1, infant_formula_claim: 1 } });
    expect(body.byDay.slice(28).every((d) => d.findings === 0)).toBe(true);
  });

  it('gives drafts by review state and time in review', async () => {
    const body = await get<{ byState: { state: string; drafts: number }[]; decisions: unknown[]; timeInReview: unknown }>('content');
    // worked out by hand from seedDecisions()
    expect(body.byState).toEqual([
      { state: 'content', drafts: 1 },
      { state: 'compliance', drafts: 1 },
      { state: 'business', drafts: 1 },
      { state: 'approved', drafts: 1 },
      { state: 'rejected', drafts: 1 },
      { state: 'published', drafts: 1 },
    ]);
    expect(body.decisions).toEqual([
      { stage: 'content', approve: 5, reject: 1, medianHours: 3 },
      { stage: 'compliance', approve: 3, reject: 1, medianHours: 21 },
      { stage: 'business', approve: 2, reject: 0, medianHours: 4 },
    ]);
    expect(body.timeInReview).toEqual({ drafts: 4, medianHours: 25.5, p90Hours: 29.1 });
    // in February only D5 went through (and D6 was still waiting at content)
    const feb = await get<{ byState: { state: string; drafts: number }[] }>('content', { from: '2025-02-01', to: '2025-02-28', tz: 'UTC' });
    expect(asMap(feb.byState, 'state', 'drafts')).toEqual({ content: 1, compliance: 0, business: 0, approved: 1, rejected: 0, published: 0 });
  });

  it('zero-fills an empty range', async () => {
    const body = await get<{ totals: Record<string, number>; byDay: unknown[] }>('triage', { from: '2024-01-01', to: '2024-01-07', tz: 'UTC' });
    expect(body.totals).toEqual({ emergency: 0, urgent: 0, routine: 0, self_care: 0 });
    expect(body.byDay).toHaveLength(7);
    const lat = await get<{ byMode: unknown[] }>('latency', { from: '2024-01-01', to: '2024-01-07', tz: 'UTC' });
    expect(lat.byMode).toEqual([]);
  });
});

describe('eval-candidate export', () => {
  async function jsonl(kind: string) {
    const res = await t.request(`/v1/insights/eval-candidates?from=${UTC.from}&to=${UTC.to}&kind=${kind}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    return { text, rows: text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  it('exports thumbs-down answers in the advisor eval format with empty labels', async () => {
    const { text, rows } = await jsonl('thumbs_down');
    expect(rows).toHaveLength(10);
    for (const r of rows) {
      expect(r).toMatchObject({ expectedDocs: [], keyFacts: [], expectedTopics: [], expectedStages: [], mustNotContain: [], source: 'thumbs_down' });
      expect(typeof r.id).toBe('string');
      expect(['zh-CN', 'en']).toContain(r.locale);
    }
    // turn 7 (conversation 3, English) carried a comment with a phone number, and its question
    const seven = rows.find((r) => r.id === `td-${seeded.answers.get(7)}`)!;
    expect(seven).toMatchObject({ locale: 'en', message: 'Best stroller brand ', reason: 'not_accurate', comment: 'wrong, call me on [phone]', citedDocs: ['zh-breastfeeding-basics'] });
    expect(text).not.toContain('13812345678');
    expect(new Set(rows.map((r) => r.id)).size).toBe(10);
  });

  it('exports retrieval misses in the retrieval eval format', async () => {
    const { rows } = await jsonl('retrieval_miss');
    expect(rows.map((r) => [r.query, r.locale, r.count])).toEqual([
      ['怎么给宝宝办护照', 'zh-CN', 6],
      [expect.stringMatching(/^best stroller brand/i), 'en', 5],
      ['what car seat should I buy, call me [phone]', 'en', 1],
    ]);
    for (const r of rows) expect(r).toMatchObject({ relevant: [], source: 'retrieval_miss' });
  });

  it('refuses an unknown kind', async () => {
    const res = await t.request(`/v1/insights/eval-candidates?kind=everything`);
    expect(res.status).toBe(400);
  });
});

describe('access and tenant isolation', () => {
  it('needs the insights scope (or admin)', async () => {
    expect((await t.app.request('/v1/insights/triage')).status).toBe(401);
    expect((await t.request('/v1/insights/triage', { key: await t.key(['chat']) })).status).toBe(403);
    const insightsOnly = await t.key(['insights']);
    const body = await get<{ totals: Record<string, number> }>('triage', UTC, { key: insightsOnly });
    expect(body.totals.urgent).toBe(12);
  });

  it("shows another tenant none of our data, and ours none of theirs", async () => {
    const theirs = await get<{ tenantId: string; totals: Record<string, number> }>('conversations', UTC, { key: other.adminKey });
    expect(theirs.tenantId).toBe(other.tenantId);
    expect(theirs.totals).toEqual({ questions: 3, conversations: 1, answers: 3 });
    const misses = await get<{ top: { question: string }[] }>('retrieval-misses', UTC, { key: other.adminKey });
    expect(misses.top.map((m) => m.question)).toEqual(['other tenant secret question']);
    const feedback = await get<{ downReasons: unknown[] }>('feedback', UTC, { key: other.adminKey });
    expect(feedback.downReasons).toEqual([{ reason: 'unsafe', answers: 3 }]);
    const content = await get<{ byState: { state: string; drafts: number }[] }>('content', UTC, { key: other.adminKey });
    expect(asMap(content.byState, 'state', 'drafts').content).toBe(1);
    const candidates = await (await t.request(`/v1/insights/eval-candidates?from=${UTC.from}&to=${UTC.to}&kind=thumbs_down`, { key: other.adminKey })).text();
    expect(candidates.trimEnd().split('\n')).toHaveLength(3);
    expect(candidates).not.toContain('stroller');

    // and it may not ask for ours
    const res = await t.request(`/v1/insights/triage?tenantId=${t.tenantId}`, { key: other.adminKey });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('operator_only');
  });

  it('lets an operator admin filter by tenant, and nobody else', async () => {
    const theirs = await get<{ tenantId: string; totals: Record<string, number> }>('triage', UTC, { extra: { tenantId: other.tenantId } });
    expect(theirs.tenantId).toBe(other.tenantId);
    expect(theirs.totals).toEqual({ emergency: 0, urgent: 3, routine: 0, self_care: 0 });
    const ours = await get<{ tenantId: string; totals: Record<string, number> }>('triage', UTC, { extra: { tenantId: t.tenantId } });
    expect(ours.totals.urgent).toBe(12);
    // the operator's insights-only key is not an admin key
    const insightsOnly = await t.key(['insights']);
    expect((await t.request(`/v1/insights/triage?tenantId=${other.tenantId}`, { key: insightsOnly })).status).toBe(403);
    expect((await t.request(`/v1/insights/triage?tenantId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe('input validation', () => {
  it.each([
    ['from=2025-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['from=2025-03-10&to=2025-03-01', 'from'],
    ['from=2023-01-01&to=2025-01-01', 'from'],
    ['tz=Mars/Olympus', 'tz'],
    ['tz=UTC%2B8', 'tz'],
    ['tenantId=nope', 'tenantId'],
    ['threshold=2', 'threshold'],
  ])('refuses %s', async (qs, field) => {
    const path = qs.startsWith('threshold') ? 'retrieval-misses' : 'conversations';
    const res = await t.request(`/v1/insights/${path}?${qs}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.field)).toContain(field);
  });

  it('defaults to the last 30 days', async () => {
    const res = await t.request('/v1/insights/conversations');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { range: { from: string; to: string; tz: string }; byDay: unknown[] };
    expect(body.range.tz).toBe('UTC');
    expect(body.byDay).toHaveLength(30);
    expect(body.range.to).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('recording events', () => {
  it('refuses events outside the taxonomy', async () => {
    await expect(recordEvent(db, { kind: 'compliance_check', tenantId: t.tenantId, verdict: 'block', categories: ['made_up' as never] })).rejects.toThrow(/not valid/);
    await expect(recordEvent(db, { kind: 'review_decision', tenantId: t.tenantId, draftId: 'X', decision: 'approve' })).rejects.toThrow(/not valid/);
  });

  it('keeps a question only for a miss', async () => {
    const conv = seeded.conversations.get(0)!;
    await recordEvent(db, { kind: 'chat_turn', tenantId: t.tenantId, conversationId: conv, locale: 'zh-CN', mode: 'offline', bestSimilarity: 0.9, question: 'kept?', at: new Date('2024-06-01T00:00:00Z') });
    await recordEvent(db, { kind: 'chat_turn', tenantId: t.tenantId, conversationId: conv, locale: 'zh-CN', mode: 'offline', bestSimilarity: 0.5, question: 'kept with a loose threshold', at: new Date('2024-06-01T00:00:00Z') }, { missThreshold: 0.6 });
    const rows = await db.query<{ question_text: string | null }>(`SELECT question_text FROM insight_events WHERE at = '2024-06-01T00:00:00Z' ORDER BY id`);
    expect(rows.rows.map((r) => r.question_text)).toEqual([null, 'kept with a loose threshold']);
  });
});

describe('erasure', () => {
  it("clears an erased subject's questions but keeps the anonymous counts", async () => {
    // conversation 1 (subject-1) holds turn 2, a "best stroller brand" miss
    const res = await t.request('/v1/subjects/subject-1', { method: 'DELETE' });
    expect(res.status).toBe(200);
    const events = await db.query<{ n: number; text: number }>(
      `SELECT count(*)::int AS n, count(question_text)::int AS text FROM insight_events WHERE tenant_id = $1 AND kind = 'chat_turn' AND conversation_id IS NULL`,
      [t.tenantId],
    );
    expect(events.rows[0]).toEqual({ n: 2, text: 0 });
    const body = await get<{ totals: Record<string, number>; top: { question: string; count: number }[] }>('retrieval-misses');
    expect(body.totals.misses).toBe(12);
    expect(body.top[1]!.count).toBe(4);
    const conv = await get<{ totals: Record<string, number> }>('conversations');
    expect(conv.totals.questions).toBe(59);
  });
});
