import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { createComplianceReviewer, createTriageReviewer } from '../../../src/adapters/llm-reviewers.js';

/**
 * The model's second opinion on triage and compliance, mocked at the provider's HTTP edge.
 * It may raise a triage level and add compliance review findings; it can never lower,
 * remove or break anything, whatever the provider does.
 */
const BASE = 'http://llm.test/v1';
const cfg = { baseUrl: BASE, apiKey: 'test', model: 'test-model', timeoutMs: 1500 };

const reply = (content: string) =>
  HttpResponse.json({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });

const server = setupServer();
let db: Db;
let t: TestApp;
let sent: string[] = [];

function provider(handler: () => Response | Promise<Response>) {
  server.use(
    http.post(`${BASE}/chat/completions`, async ({ request }) => {
      sent.push(await request.text());
      return handler();
    }),
  );
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  db = await createTestDb();
  t = await createTestApp(db, { triageReviewer: createTriageReviewer(cfg), complianceReviewer: createComplianceReviewer(cfg) });
});
afterEach(() => {
  server.resetHandlers();
  sent = [];
});
afterAll(async () => {
  server.close();
  await db.close();
});

const triageOf = async (message: string) => {
  const res = await t.request('/v1/triage', { method: 'POST', json: { message, locale: 'en' } });
  expect(res.status).toBe(200);
  return (await res.json()) as { level: string; reasons: { code: string; label: string }[]; actions: { type: string; within?: string }[] };
};

describe('triage second opinion', () => {
  it('raises the level when the model judges it more urgent, with its reason and a same-day booking', async () => {
    provider(() => reply('{"level":"urgent","specialty":"paediatrics","reason":"Refusing all fluids for a day needs to be seen today."}'));
    const r = await triageOf('My toddler has refused everything to drink since yesterday morning and seems tired');
    expect(r.level).toBe('urgent');
    expect(r.reasons.map((x) => x.code)).toContain('llm.second_opinion');
    expect(r.reasons.find((x) => x.code === 'llm.second_opinion')!.label).toContain('Refusing all fluids');
    expect(r.actions[0]).toMatchObject({ type: 'book_clinician', within: 'today' });
  });

  it('never lowers the level the rules gave', async () => {
    provider(() => reply('{"level":"self_care","reason":"Sounds mild."}'));
    const r = await triageOf('My 5 week old has a temperature of 38.4 and is feeding less');
    expect(r.level).toBe('emergency');
    // an emergency is not even sent for review
    expect(sent).toHaveLength(0);
    provider(() => reply('{"level":"self_care","reason":"Sounds mild."}'));
    const r2 = await triageOf('I think I have mastitis, my breast is red and hot and I have a fever of 38.5');
    expect(r2.level).toBe('urgent');
    expect(r2.reasons.map((x) => x.code)).not.toContain('llm.second_opinion');
  });

  it('sends the model redacted text only', async () => {
    provider(() => reply('{"level":"routine","reason":"ok"}'));
    await triageOf('Call me on 13812345678 about my son, he has had a runny nose for two days');
    expect(sent.join('')).not.toContain('13812345678');
  });

  for (const [name, handler] of [
    ['429', () => HttpResponse.json({ error: { message: 'rate limited' } }, { status: 429 })],
    ['500', () => HttpResponse.json({ error: { message: 'boom' } }, { status: 500 })],
    ['a timeout', async () => {
      await delay(5000);
      return reply('{"level":"emergency","reason":"late"}');
    }],
    ['a malformed reply', () => reply('I think it is probably fine, but level: maybe?')],
    ['an unknown level', () => reply('{"level":"critical","reason":"?"}')],
  ] as const) {
    it(`keeps the rules' result when the provider answers with ${name}`, async () => {
      provider(handler);
      const r = await triageOf('My toddler has had a runny nose for two days');
      expect(r.level).toBe('self_care');
      expect(r.reasons.map((x) => x.code)).not.toContain('llm.second_opinion');
    });
  }
});

describe('compliance second opinion', () => {
  const check = async (text: string) => {
    const res = await t.request('/v1/compliance/check', { method: 'POST', json: { text, locale: 'zh-CN', market: 'CN', productType: 'infant_formula' } });
    expect(res.status).toBe(200);
    return (await res.json()) as { verdict: string; findings: { ruleId: string; category: string; severity: string; start: number; end: number; match: string }[] };
  };

  it('adds a review finding at the quoted span and never removes a rule finding', async () => {
    const text = '这款奶粉是最好的配方。喝了以后宝宝每晚都睡得特别香。';
    const rulesOnly = await (async () => {
      provider(() => reply('{"findings":[]}'));
      return check(text);
    })();
    provider(() => reply(JSON.stringify({ findings: [{ quote: '喝了以后宝宝每晚都睡得特别香', category: 'medical_claim', reason: '暗示改善睡眠的功效' }] })));
    const r = await check(text);
    const added = r.findings.find((f) => f.ruleId === 'llm.review')!;
    expect(added).toMatchObject({ severity: 'review', category: 'medical_claim', match: '喝了以后宝宝每晚都睡得特别香' });
    expect(text.slice(added.start, added.end)).toBe(added.match);
    for (const f of rulesOnly.findings) expect(r.findings).toContainEqual(f);
    expect(r.verdict).toBe(rulesOnly.verdict === 'pass' ? 'review' : rulesOnly.verdict);
  });

  it('drops suggestions that do not quote the copy or name an unknown category', async () => {
    provider(() =>
      reply(
        JSON.stringify({
          findings: [
            { quote: '这句话不在文案里', category: 'medical_claim', reason: 'x' },
            { quote: '宝宝爱喝', category: 'not_a_category', reason: 'x' },
          ],
        }),
      ),
    );
    const r = await check('宝宝爱喝，冲调方便。');
    expect(r.findings.filter((f) => f.ruleId === 'llm.review')).toHaveLength(0);
  });

  it('returns the rules’ verdict unchanged when the provider fails', async () => {
    provider(() => HttpResponse.json({ error: { message: 'boom' } }, { status: 500 }));
    const r = await check('这款奶粉是最好的配方。');
    expect(r.verdict).toBe('block');
    expect(r.findings.every((f) => f.ruleId !== 'llm.review')).toBe(true);
  });
});
