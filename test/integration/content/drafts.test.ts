import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { backend, createTestDb } from '../../support/db.js';
import type { TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import type { DraftView } from '../../../src/domain/content/index.js';
import { BRIEFS, contentTestApp, expectProblem } from './support.js';

let db: Db;
let t: TestApp;
let key: string;

beforeAll(async () => {
  db = await createTestDb();
  t = await contentTestApp(db);
  key = await t.key(['content']);
});
afterAll(async () => {
  await db?.close();
});

async function create(brief: unknown, k = key): Promise<DraftView> {
  const res = await t.request('/v1/content/drafts', { method: 'POST', json: brief, key: k });
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${await res.text()}`);
  return (await res.json()) as DraftView;
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

describe(`content drafts on ${backend}`, () => {
  it('writes a zh-CN note that ends clean: the eczema claim revised away, labels added, history kept', async () => {
    const d = await create(BRIEFS.zhCream);
    expect(d.status).toBe('draft');
    expect(d.locale).toBe('zh-CN');
    expect(d.market).toBe('CN');
    expect(d.generator).toBe('offline');
    expect(d.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(d.verdict).not.toBe('block');
    expect(d.body).not.toContain('湿疹');
    expect(d.body).toContain('含神经酰胺');
    // mandatory elements: ad label first, results vary, AI label last
    expect(lines(d.body)[0]).toBe('广告');
    expect(d.body).toContain('效果因人而异');
    expect(lines(d.body).at(-1)).toBe('本内容由人工智能辅助生成');
    expect(d.labels.ad).toBe('广告');
    expect(d.labels.aigc).toEqual({
      explicit: '本内容由人工智能辅助生成',
      implicit: { contentAttribute: 'AIGC', provider: 'Nestwise', contentId: d.id, model: 'nestwise-offline-writer-1', generatedAt: expect.any(String) },
    });
    expect(d.mandatory.every((m) => m.present)).toBe(true);
    // revision history: the generated text, a round that found and changed the claim, a diff
    expect(d.revisions).toHaveLength(1);
    const h = d.revisions[0]!.history as { generated: { body: string }; rounds: { findings: { match: string }[]; changes: { from: string; to: string }[]; diff: { body: { op: string; text: string }[] } }[]; mandatoryAdded: string[] };
    expect(h.generated.body).toContain('湿疹');
    expect(h.rounds.length).toBeGreaterThanOrEqual(1);
    expect(h.rounds[0]!.findings.some((f) => f.match.includes('湿疹'))).toBe(true);
    expect(h.rounds[0]!.changes.some((c) => c.from.includes('湿疹') && !c.to.includes('湿疹'))).toBe(true);
    expect(h.rounds[0]!.diff.body.some((o) => o.op === '-' && o.text.includes('湿疹'))).toBe(true);
    expect(h.mandatoryAdded).toEqual(expect.arrayContaining(['ad_label', 'results_vary', 'aigc_label']));
    // and it is stored
    const again = (await (await t.request(`/v1/content/drafts/${d.id}`, { key })).json()) as DraftView;
    expect(again.body).toBe(d.body);
    expect(again.revisions[0]!.history).toEqual(d.revisions[0]!.history);
  });

  it('writes an en post for the US with #ad first, the #1 claim gone', async () => {
    const d = await create(BRIEFS.enDiapers);
    expect(d.locale).toBe('en');
    expect(d.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(d.body).not.toMatch(/#1 diaper/);
    expect(lines(d.body)[0]).toBe('#ad');
    expect(lines(d.body).at(-1)).toBe('AI-generated content');
  });

  it('adds the mandatory elements per channel, product and market', async () => {
    const milk = await create(BRIEFS.zhMilk);
    expect(milk.body).toContain('母乳是婴儿最理想的食物');
    expect(milk.body).not.toMatch(/大脑发育/);
    expect(milk.findings.filter((f) => f.severity === 'block')).toEqual([]);

    const vit = await create(BRIEFS.enVitamin);
    expect(lines(vit.body)[0]).toBe('Sponsored');
    expect(vit.body).toContain('This product is not a medicine and cannot replace medicines.');
    expect(vit.findings.filter((f) => f.severity === 'block')).toEqual([]);

    const uk = await create({ ...BRIEFS.enDiapers, market: 'UK' });
    expect(lines(uk.body)[0]).toBe('Ad');
    const eu = await create({ ...BRIEFS.enDiapers, channel: 'en_email', market: 'EU' });
    expect(lines(eu.body)[0]).toBe('Ad');

    const nonCommercial = await create({ ...BRIEFS.enDiapers, commercial: false, product: { ...BRIEFS.enDiapers.product, name: 'Diaper bag notes', facts: ['Wipe-clean lining'] } });
    expect(nonCommercial.labels.ad).toBeUndefined();
    expect(nonCommercial.body).not.toMatch(/^#ad|Sponsored/m);
    expect(lines(nonCommercial.body).at(-1)).toBe('AI-generated content');
  });

  it('keeps a livestream script inside its pacing rules', async () => {
    const d = await create({ ...BRIEFS.zhCream, channel: 'douyin_live_script', length: 'medium' });
    const segs = [...d.body.matchAll(/\[(\d\d):(\d\d)–(\d\d):(\d\d)\] ([^\n]+)/g)].map((m) => ({ s: +m[1]! * 60 + +m[2]!, e: +m[3]! * 60 + +m[4]!, h: m[5]! }));
    expect(segs.find((x) => x.h.startsWith('产品介绍'))!.s).toBeLessThanOrEqual(180);
    for (const x of segs.filter((y) => /产品介绍|再介绍/.test(y.h))) expect(x.e - x.s).toBeLessThanOrEqual(90);
    const beats = segs.filter((x) => x.h === '互动').map((x) => x.s);
    expect(beats.length).toBeGreaterThanOrEqual(1);
    const end = segs.at(-1)!.e;
    expect(end).toBeGreaterThanOrEqual(600);
    for (const [a, b] of [0, ...beats].map((v, i, arr) => [v, arr[i + 1] ?? end])) expect(b! - a!).toBeLessThanOrEqual(600);
    expect(d.body).not.toContain('湿疹');
  });

  it('flags a near-duplicate of an earlier draft of the same tenant, and only then', async () => {
    const brief = { ...BRIEFS.zhMilk, channel: 'xiaohongshu_note', product: { ...BRIEFS.zhMilk.product, name: '近重复测试奶粉3段' } };
    const first = await create(brief);
    expect(first.needsReview).toBeUndefined();
    const second = await create({ ...brief, tone: 'warm' });
    expect(second.needsReview).toBe('near_duplicate');
    expect(second.nearDuplicate!.draftId).toBe(first.id);
    expect(second.nearDuplicate!.hamming).toBeLessThanOrEqual(9);
    expect(second.nearDuplicate!.jaccard).toBeGreaterThanOrEqual(0.85);
    // a different product on the same template is not a duplicate
    const other = await create({ ...brief, productType: 'diapers_wipes', product: { name: '云柔纸尿裤', brand: 'Nuvo', facts: ['表层采用植物基无纺布', '尿显线变蓝提示该换了', '有S到XXL五个尺码'] } });
    expect(other.needsReview).toBeUndefined();
    // another tenant's identical draft is not compared with ours
    const o = await t.otherTenant();
    const theirs = await create(brief, o.adminKey);
    expect(theirs.needsReview).toBeUndefined();
    // the listing shows the flag
    const list = (await (await t.request('/v1/content/drafts?status=draft&limit=200', { key })).json()) as { drafts: { id: string; needsReview?: string }[] };
    expect(list.drafts.find((x) => x.id === second.id)!.needsReview).toBe('near_duplicate');
    expect(list.drafts.some((x) => x.id === theirs.id)).toBe(false);
  });

  it('refuses bad input with 400 listing the fields, and writes nothing', async () => {
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM content_drafts')).rows[0]!.n;
    const before = await count();
    const bad = await t.request('/v1/content/drafts', {
      method: 'POST',
      key,
      json: { channel: 'tiktok', productType: 'infant_formula', market: 'JP', product: { name: '', facts: [] }, length: 'huge' },
    });
    const p = await expectProblem(bad, 400, 'validation_failed');
    const fields = p.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'market', 'product.name', 'product.facts', 'length']));
    await expectProblem(await t.request('/v1/content/drafts', { method: 'POST', key, body: '{"channel":', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json');
    await expectProblem(await t.request('/v1/content/drafts', { method: 'POST', key, json: { ...BRIEFS.zhCream, product: { ...BRIEFS.zhCream.product, facts: ['x'.repeat(301)] } } }), 400, 'validation_failed');
    const withBadHeader = await t.request('/v1/content/drafts', { method: 'POST', key, json: BRIEFS.zhCream, headers: { 'X-Reviewer-Role': 'intern', 'X-Reviewer': 'u1' } });
    expect((await expectProblem(withBadHeader, 400, 'validation_failed')).errors!.map((e) => e.field)).toContain('X-Reviewer-Role');
    expect(await count()).toBe(before);
    expect((await db.query('SELECT count(*)::int AS n FROM content_revisions WHERE draft_id NOT IN (SELECT id FROM content_drafts)')).rows[0]).toEqual({ n: 0 });
  });

  it('needs the content scope', async () => {
    const chatOnly = await t.key(['chat']);
    await expectProblem(await t.request('/v1/content/drafts', { method: 'POST', json: BRIEFS.zhCream, key: chatOnly }), 403, 'insufficient_scope');
    await expectProblem(await t.app.request('/v1/content/drafts'), 401, 'unauthorized');
  });

  it("keeps tenants apart: another tenant's draft id is 404 everywhere", async () => {
    const mine = await create(BRIEFS.enDiapers);
    const other = await t.otherTenant();
    const k = other.adminKey;
    const h = { 'X-Reviewer-Role': 'writer', 'X-Reviewer': 'w1' };
    await expectProblem(await t.request(`/v1/content/drafts/${mine.id}`, { key: k }), 404, 'not_found');
    await expectProblem(await t.request(`/v1/content/drafts/${mine.id}`, { method: 'PATCH', key: k, json: { body: 'x' } }), 404, 'not_found');
    await expectProblem(await t.request(`/v1/content/drafts/${mine.id}/reviews`, { method: 'POST', key: k, headers: h, json: { stage: 'content', decision: 'approve' } }), 404, 'not_found');
    await expectProblem(await t.request(`/v1/content/drafts/${mine.id}/publish`, { method: 'POST', key: k }), 404, 'not_found');
    await expectProblem(
      await t.request(`/v1/content/drafts/${mine.id}/override`, { method: 'POST', key: k, headers: { 'X-Reviewer-Role': 'compliance_reviewer', 'X-Reviewer': 'c1' }, json: { reason: 'a reason long enough' } }),
      404,
      'not_found',
    );
    await expectProblem(await t.request(`/v1/content/drafts/${mine.id}/export?format=json`, { key: k }), 404, 'not_found');
    const theirs = (await (await t.request('/v1/content/drafts?limit=200', { key: k })).json()) as { drafts: { id: string }[] };
    expect(theirs.drafts.some((d) => d.id === mine.id)).toBe(false);
    // and nothing of ours changed
    const still = (await (await t.request(`/v1/content/drafts/${mine.id}`, { key })).json()) as DraftView;
    expect(still.revision).toBe(1);
    expect(still.reviews.history).toEqual([]);
  });

  it('lists drafts newest first and filters by status', async () => {
    const res = await t.request('/v1/content/drafts?status=published', { key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { drafts: { status: string }[] };
    expect(body.drafts.every((d) => d.status === 'published')).toBe(true);
    await expectProblem(await t.request('/v1/content/drafts?status=lost', { key }), 400, 'validation_failed');
  });

  it('describes every content route in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const p of ['/v1/content/drafts', '/v1/content/drafts/{id}', '/v1/content/drafts/{id}/reviews', '/v1/content/drafts/{id}/publish', '/v1/content/drafts/{id}/override', '/v1/content/drafts/{id}/export']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(Object.keys(doc.paths['/v1/content/drafts/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
