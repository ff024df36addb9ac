import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { ingestRealKnowledge } from '../../support/kb.js';
import type { Db } from '../../../src/db/db.js';

/**
 * The aggregates read what the real advisor pipeline stores (messages, citations,
 * triage, signals, feedback), not only what the seed writes: a few real chat turns
 * through the API must show up in the insights with the right shape.
 */
let db: Db;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDb();
  await ingestRealKnowledge(db);
  t = await createTestApp(db);
});
afterAll(async () => db?.close());

// a three-day window around now, so a run at midnight UTC still sees every turn
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('insights over real chat turns', () => {
  it('counts questions, cited topics, triage, latency and feedback from the pipeline', async () => {
    const chat = async (message: string, locale: 'zh-CN' | 'en') => {
      const res = await t.request('/v1/chat', { method: 'POST', json: { message, locale, child: { ageMonths: 3 } } });
      expect(res.status).toBe(200);
      return (await res.json()) as { messageId: string; triage: { level: string }; citations: { topics: string[] }[]; mode: string };
    };
    const sleep = await chat('How many hours a day should my 3 month old sleep?', 'en');
    const emergency = await chat('My baby is not breathing and her lips are blue', 'en');
    const zh = await chat('宝宝三个月，晚上总是醒，怎么办？', 'zh-CN');
    expect(emergency.triage.level).toBe('emergency');
    expect(sleep.citations.length).toBeGreaterThan(0);
    expect((await t.request(`/v1/messages/${sleep.messageId}/feedback`, { method: 'POST', json: { rating: 'down', reason: 'not_clear' } })).status).toBe(204);

    const q = `from=${day(-1)}&to=${day(1)}&tz=UTC`;
    const conv = (await (await t.request(`/v1/insights/conversations?${q}`)).json()) as {
      totals: Record<string, number>;
      byStage: { stage: string; questions: number }[];
      byTopic: { topic: string; answers: number }[];
    };
    expect(conv.totals).toEqual({ questions: 3, conversations: 3, answers: 3 });
    // a 3-month-old is infant_1_6m, whatever the question
    expect(conv.byStage).toEqual([{ stage: 'infant_1_6m', questions: 3 }]);
    // each answer counts once per topic it cited, as the API returned them
    const expected: Record<string, number> = {};
    for (const turn of [sleep, emergency, zh]) for (const topic of new Set(turn.citations.flatMap((c) => c.topics))) expected[topic] = (expected[topic] ?? 0) + 1;
    expect(Object.fromEntries(conv.byTopic.map((x) => [x.topic, x.answers]))).toEqual(expected);
    expect(expected.sleep).toBeGreaterThanOrEqual(1);

    const tri = (await (await t.request(`/v1/insights/triage?${q}`)).json()) as { totals: Record<string, number>; escalations: { turns: number } };
    expect(tri.totals.emergency).toBe(1);
    expect(Object.values(tri.totals).reduce((a, b) => a + b, 0)).toBe(3);
    expect(tri.escalations.turns).toBeGreaterThanOrEqual(1);

    const lat = (await (await t.request(`/v1/insights/latency?${q}`)).json()) as { byMode: { mode: string; answers: number; p50: number }[] };
    expect(lat.byMode.find((m) => m.mode === 'fixed')?.answers).toBe(1);
    expect(lat.byMode.reduce((s, m) => s + m.answers, 0)).toBe(3);
    for (const m of lat.byMode) expect(m.p50).toBeGreaterThanOrEqual(0);

    const fb = (await (await t.request(`/v1/insights/feedback?${q}`)).json()) as { totals: Record<string, number>; downReasons: unknown[] };
    expect(fb.totals).toMatchObject({ answers: 3, withFeedback: 1, down: 1, rate: 0.3333 });
    expect(fb.downReasons).toEqual([{ reason: 'not_clear', answers: 1 }]);

    const lines = (await (await t.request(`/v1/insights/eval-candidates?${q}&kind=thumbs_down`)).text()).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ locale: 'en', message: 'How many hours a day should my 3 month old sleep?', reason: 'not_clear', expectedDocs: [] });
  });
});
