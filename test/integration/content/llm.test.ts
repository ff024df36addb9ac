import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { backend, createTestDb } from '../../support/db.js';
import type { TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import type { DraftView } from '../../../src/domain/content/index.js';
import { contentTestApp } from './support.js';

const LLM = 'http://llm.test/v1';

interface Call {
  system: string;
  user: string;
}
let calls: Call[] = [];
let mode: 'ok' | 'fail' = 'ok';

function completion(content: string) {
  return HttpResponse.json({
    id: `chatcmpl-${calls.length}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });
}

// The first generation carries a violation (an absolute claim); the revision call
// returns a clean rewrite of exactly the sentences it was sent.
const GENERATED = {
  title: '小树宝宝面霜',
  blocks: [
    { kind: 'hook', text: '给3–6岁孩子的家长说说小树宝宝面霜。' },
    { kind: 'paragraph', text: '这是最好的宝宝面霜，含神经酰胺。' },
    { kind: 'paragraph', text: '无香精、无酒精配方。50克软管装，出门放包里不占地方。' },
    { kind: 'paragraph', text: '第一次使用前，可以先在手臂内侧小范围试用。' },
    { kind: 'cta', text: '想看完整成分表，可以点开商品页查看。' },
  ],
  tags: ['小树', '宝宝面霜', '儿童护肤'],
};

const server = setupServer(
  http.post(`${LLM}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as { messages: { role: string; content: string }[] };
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    calls.push({ system, user });
    if (mode === 'fail') return HttpResponse.json({ error: { message: 'upstream exploded', type: 'server_error' } }, { status: 500 });
    if (system.includes('合规编辑') || system.includes('compliance editor')) {
      const items = JSON.parse(user.slice(user.indexOf('['))) as { id: string; text: string }[];
      return completion(JSON.stringify({ rewrites: items.map((i) => ({ id: i.id, text: i.text.replace('这是最好的宝宝面霜，', '这款宝宝面霜') })) }));
    }
    return completion('```json\n' + JSON.stringify(GENERATED) + '\n```');
  }),
);

let db: Db;
let t: TestApp;
let key: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  db = await createTestDb();
  t = await contentTestApp(db, { env: { LLM_BASE_URL: LLM, LLM_MODEL: 'test-model', LLM_API_KEY: 'test-key' } });
  key = await t.key(['content']);
});
afterEach(() => {
  calls = [];
  mode = 'ok';
});
afterAll(async () => {
  server.close();
  await db?.close();
});

const brief = {
  channel: 'xiaohongshu_note',
  productType: 'children_cosmetic',
  product: { name: '小树宝宝面霜', brand: '小树', ageRange: '3岁以上', facts: ['含神经酰胺', '无香精、无酒精配方', '50克软管装'] },
  audienceStage: 'preschool_3_6y',
  length: 'short',
};

describe(`content studio with a language model (msw) on ${backend}`, () => {
  it('generates with the model, has it rewrite the flagged sentence, and ends clean after two model calls', async () => {
    const res = await t.request('/v1/content/drafts', { method: 'POST', json: brief, key });
    expect(res.status).toBe(201);
    const d = (await res.json()) as DraftView;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.system).toContain('母婴营销文案');
    expect(calls[0]!.user).toContain('小树宝宝面霜');
    expect(calls[1]!.user).toContain('这是最好的宝宝面霜');
    expect(d.generator).toBe('llm');
    expect(d.model).toBe('test-model');
    expect(d.promptVersion).toMatch(/^content-/);
    expect(d.labels.aigc.implicit.model).toBe('test-model');
    expect(d.body).toContain('这款宝宝面霜含神经酰胺。');
    expect(d.body).not.toContain('最好');
    expect(d.findings.filter((f) => f.severity === 'block')).toEqual([]);
    const h = d.revisions[0]!.history as { generated: { body: string }; rounds: { reviser: string; changes: { how: string; from: string; to: string }[] }[]; fallbacks: unknown[] };
    expect(h.generated.body).toContain('这是最好的宝宝面霜');
    expect(h.rounds).toHaveLength(1);
    expect(h.rounds[0]!.reviser).toBe('llm');
    expect(h.rounds[0]!.changes[0]).toMatchObject({ how: 'llm_rewrite' });
    expect(h.fallbacks).toEqual([]);
    // mandatory elements are added by code, whatever the model wrote
    expect(d.body.split('\n')[0]).toBe('广告');
    expect(d.body.trimEnd().endsWith('本内容由人工智能辅助生成')).toBe(true);
  });

  it('falls back to the offline writer when the provider answers 500', async () => {
    mode = 'fail';
    const res = await t.request('/v1/content/drafts', { method: 'POST', json: { ...brief, product: { ...brief.product, name: '小树宝宝面霜（备用）' } }, key });
    expect(res.status).toBe(201);
    const d = (await res.json()) as DraftView;
    expect(calls).toHaveLength(1);
    expect(d.generator).toBe('offline');
    expect(d.model).toBe('nestwise-offline-writer-1');
    const h = d.revisions[0]!.history as { fallbacks: { stage: string; error: string }[] };
    expect(h.fallbacks).toEqual([{ stage: 'generate', error: expect.stringMatching(/500|exploded|error/i) }]);
    expect(d.body).toContain('含神经酰胺');
    expect(d.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(t.logs.text).toContain('content studio fell back to the offline writer');
  });
});
