import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { backend, createTestDb } from '../../support/db.js';
import type { TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import type { DraftView } from '../../../src/domain/content/index.js';
import { BRIEFS, contentTestApp, expectProblem, reviewer } from './support.js';

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

async function ok<T = DraftView>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const create = async (brief: unknown = BRIEFS.zhCream) => ok(await t.request('/v1/content/drafts', { method: 'POST', json: brief, key }), 201);
const review = (id: string, stage: string, decision: string, headers: Record<string, string>, comment?: string) =>
  t.request(`/v1/content/drafts/${id}/reviews`, { method: 'POST', key, headers, json: { stage, decision, ...(comment ? { comment } : {}) } });
const publish = (id: string, headers: Record<string, string> = {}) => t.request(`/v1/content/drafts/${id}/publish`, { method: 'POST', key, headers });
const approveAll = async (id: string) => {
  await ok(await review(id, 'content', 'approve', reviewer('writer', 'w-7'), '结构清楚'));
  await ok(await review(id, 'compliance', 'approve', reviewer('compliance_reviewer', 'c-3')));
  return ok(await review(id, 'business', 'approve', reviewer('business_approver', 'b-1')));
};

describe(`content review on ${backend}`, () => {
  it('decides stages in order, each only by its role, and records who, when and why', async () => {
    const d = await create();
    // headers are required
    await expectProblem(await t.request(`/v1/content/drafts/${d.id}/reviews`, { method: 'POST', key, json: { stage: 'content', decision: 'approve' } }), 400, 'validation_failed');
    // the wrong role
    await expectProblem(await review(d.id, 'content', 'approve', reviewer('compliance_reviewer')), 403, 'role_mismatch');
    await expectProblem(await review(d.id, 'business', 'approve', reviewer('writer')), 403, 'role_mismatch');
    // out of order
    await expectProblem(await review(d.id, 'compliance', 'approve', reviewer('compliance_reviewer')), 409, 'review_out_of_order');
    await expectProblem(await review(d.id, 'business', 'approve', reviewer('business_approver')), 409, 'review_out_of_order');
    const a = await ok(await review(d.id, 'content', 'approve', reviewer('writer', 'w-7'), '结构清楚'));
    expect(a.status).toBe('in_review');
    expect(a.reviews.stages.map((s) => s.status)).toEqual(['approved', 'pending', 'pending']);
    const r = await ok(await review(d.id, 'compliance', 'reject', reviewer('compliance_reviewer', 'c-3'), '请补充来源'));
    expect(r.status).toBe('rejected');
    // business cannot decide while compliance has rejected; content cannot change its mind after compliance decided
    await expectProblem(await review(d.id, 'business', 'approve', reviewer('business_approver')), 409, 'review_out_of_order');
    await expectProblem(await review(d.id, 'content', 'reject', reviewer('writer')), 409, 'review_out_of_order');
    // compliance may change its decision
    const c = await ok(await review(d.id, 'compliance', 'approve', reviewer('compliance_reviewer', 'c-3')));
    const b = await ok(await review(d.id, 'business', 'approve', reviewer('business_approver', 'b-1')));
    expect(c.status).toBe('in_review');
    expect(b.status).toBe('approved');
    expect(b.reviews.history.map((h) => [h.stage, h.decision, h.reviewer])).toEqual([
      ['content', 'approve', 'w-7'],
      ['compliance', 'reject', 'c-3'],
      ['compliance', 'approve', 'c-3'],
      ['business', 'approve', 'b-1'],
    ]);
    expect(b.reviews.history[0]).toMatchObject({ role: 'writer', comment: '结构清楚', revision: 1, at: expect.any(String) });
    const rows = await db.query<{ request_id: string | null }>('SELECT request_id FROM content_reviews WHERE draft_id = $1', [d.id]);
    expect(rows.rows.every((x) => typeof x.request_id === 'string' && x.request_id.length > 0)).toBe(true);
  });

  it('refuses to publish until every stage is approved, then publishes once', async () => {
    const d = await create(BRIEFS.enDiapers);
    const p1 = await expectProblem(await publish(d.id), 409, 'publish_blocked');
    expect(p1.reasons!.filter((x) => x.code === 'stage_not_approved').map((x) => x.stage)).toEqual(['content', 'compliance', 'business']);
    expect(p1.reasons!.some((x) => x.code === 'blocking_findings')).toBe(false);
    await ok(await review(d.id, 'content', 'approve', reviewer('writer')));
    await ok(await review(d.id, 'compliance', 'approve', reviewer('compliance_reviewer')));
    const p2 = await expectProblem(await publish(d.id), 409, 'publish_blocked');
    expect(p2.reasons!.map((x) => x.stage)).toEqual(['business']);
    await ok(await review(d.id, 'business', 'approve', reviewer('business_approver')));
    const pub = await ok(await publish(d.id, reviewer('business_approver', 'b-9')));
    expect(pub.status).toBe('published');
    expect(pub.publishedAt).toBeTruthy();
    expect(pub.audit.at(-1)).toMatchObject({ action: 'publish', actor: 'reviewer:b-9', revision: 1 });
    // a published draft is closed
    await expectProblem(await publish(d.id), 409, 'already_published');
    await expectProblem(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key, json: { body: 'changed' } }), 409, 'already_published');
    await expectProblem(await review(d.id, 'content', 'reject', reviewer('writer')), 409, 'already_published');
  });

  it('re-checks an edit, stores a new revision with its diff and restarts the reviews', async () => {
    const d = await create();
    await approveAll(d.id);
    const badBody = d.body.replace('含神经酰胺', '最好的宝宝面霜，治疗湿疹，含神经酰胺');
    const e = await ok(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key, headers: reviewer('writer', 'w-7'), json: { body: badBody } }));
    expect(e.revision).toBe(2);
    expect(e.status).toBe('draft');
    expect(e.structure).toBeNull();
    expect(e.verdict).toBe('block');
    const blocking = e.findings.filter((f) => f.severity === 'block');
    expect(blocking.length).toBeGreaterThanOrEqual(2);
    for (const f of blocking) {
      expect(f.field).toBe('body');
      expect(e.body.slice(f.start, f.end)).toBe(f.match);
    }
    expect(e.reviews.stages.every((s) => s.status === 'pending')).toBe(true);
    expect(e.revisions.map((r) => [r.number, r.kind, r.actor])).toEqual([
      [1, 'generated', expect.stringMatching(/^(key|reviewer):/)],
      [2, 'edit', 'reviewer:w-7'],
    ]);
    const diff = (e.revisions[1]!.history as { diff: { body: { op: string; text: string }[] } }).diff.body;
    expect(diff.filter((o) => o.op === '+').map((o) => o.text).join('')).toContain('治疗湿疹');
    // the approvals of revision 1 no longer count
    await approveAll(d.id);
    const p = await expectProblem(await publish(d.id), 409, 'publish_blocked');
    expect(p.reasons!.map((x) => x.code)).toEqual(['blocking_findings']);
    expect(p.reasons![0]!.ruleIds!.length).toBeGreaterThanOrEqual(1);
  });

  it('lets only a compliance reviewer override blocking findings, with a written reason, audited', async () => {
    const d = await create();
    const bad = await ok(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key, json: { title: d.title, body: `${d.body.replace('含神经酰胺', '含神经酰胺，销量第一')}` } }));
    expect(bad.verdict).toBe('block');
    const path = `/v1/content/drafts/${d.id}/override`;
    await expectProblem(await t.request(path, { method: 'POST', key, headers: reviewer('business_approver'), json: { reason: '已取得第三方销量排名报告' } }), 403, 'role_mismatch');
    await expectProblem(await t.request(path, { method: 'POST', key, json: { reason: '已取得第三方销量排名报告' } }), 400, 'validation_failed');
    const short = await expectProblem(await t.request(path, { method: 'POST', key, headers: reviewer('compliance_reviewer'), json: { reason: '可以' } }), 400, 'validation_failed');
    expect(short.errors!.map((e) => e.field)).toContain('reason');
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM content_audit WHERE draft_id = $1', [d.id])).rows[0]!.n;
    expect(before).toBe(0);
    const res = await t.request(path, { method: 'POST', key, headers: { ...reviewer('compliance_reviewer', 'c-42'), 'x-request-id': 'req-override-1' }, json: { reason: '已取得第三方销量排名报告，编号 R-2024-18' } });
    const o = await ok(res);
    expect(o.override).toMatchObject({ actor: 'reviewer:c-42', reason: '已取得第三方销量排名报告，编号 R-2024-18' });
    expect(o.override!.ruleIds.length).toBeGreaterThanOrEqual(1);
    const audit = await db.query<{ actor: string; role: string; action: string; reason: string; request_id: string; revision: number }>(
      'SELECT actor, role, action, reason, request_id, revision FROM content_audit WHERE draft_id = $1',
      [d.id],
    );
    expect(audit.rows).toEqual([{ actor: 'reviewer:c-42', role: 'compliance_reviewer', action: 'override', reason: '已取得第三方销量排名报告，编号 R-2024-18', request_id: 'req-override-1', revision: 2 }]);
    // the audit trail is append-only
    await expect(db.query("UPDATE content_audit SET reason = 'changed' WHERE draft_id = $1", [d.id])).rejects.toThrow(/append-only/);
    // the override does not replace the reviews
    const p = await expectProblem(await publish(d.id), 409, 'publish_blocked');
    expect(p.reasons!.every((x) => x.code === 'stage_not_approved')).toBe(true);
    await approveAll(d.id);
    const pub = await ok(await publish(d.id));
    expect(pub.status).toBe('published');
    expect(pub.audit.map((a) => a.action)).toEqual(['override', 'publish']);
  });

  it('never publishes without the AI-generated label, override or not', async () => {
    const d = await create(BRIEFS.enDiapers);
    const stripped = d.body.replace('AI-generated content', '').trimEnd() + '\n\nPrevents diaper rash.';
    const e = await ok(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key, json: { body: stripped } }));
    expect(e.mandatory.find((m) => m.id === 'aigc_label')!.present).toBe(false);
    expect(e.findings.some((f) => f.category === 'aigc_label' && f.severity === 'block')).toBe(true);
    await ok(await t.request(`/v1/content/drafts/${d.id}/override`, { method: 'POST', key, headers: reviewer('compliance_reviewer'), json: { reason: 'Rash claim substantiated by study R-17; approved by legal.' } }));
    await approveAll(d.id);
    const p = await expectProblem(await publish(d.id), 409, 'publish_blocked');
    expect(p.reasons!.map((x) => x.code)).toEqual(['aigc_label_missing']);
    // restoring the label clears it (the edit restarts the reviews)
    const fixed = await ok(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key, json: { body: d.body } }));
    expect(fixed.findings.filter((f) => f.severity === 'block')).toEqual([]);
    await approveAll(d.id);
    expect((await ok(await publish(d.id))).status).toBe('published');
  });

  it('refuses an override when nothing blocks', async () => {
    const d = await create(BRIEFS.enDiapers);
    await expectProblem(
      await t.request(`/v1/content/drafts/${d.id}/override`, { method: 'POST', key, headers: reviewer('compliance_reviewer'), json: { reason: 'Nothing to accept here at all.' } }),
      409,
      'nothing_to_override',
    );
  });

  it('exports Markdown, HTML and JSON carrying the AI label and its metadata', async () => {
    const d = await create();
    const md = await t.request(`/v1/content/drafts/${d.id}/export?format=md`, { key });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename="nestwise-xiaohongshu_note-[0-9a-f]{8}\.md"$/);
    const mdText = await md.text();
    const front = parseYaml(mdText.split('---\n')[1]!) as { aigc: Record<string, string>; ad: string };
    expect(front.aigc).toEqual({ label: '本内容由人工智能辅助生成', contentAttribute: 'AIGC', provider: 'Nestwise', contentId: d.id, model: d.model, generatedAt: d.labels.aigc.implicit.generatedAt });
    expect(front.ad).toBe('广告');
    expect(mdText.trimEnd().endsWith('本内容由人工智能辅助生成')).toBe(true);

    const html = await (await t.request(`/v1/content/drafts/${d.id}/export?format=html`, { key })).text();
    expect(html).toContain('<meta name="aigc:contentAttribute" content="AIGC">');
    expect(html).toContain(`<meta name="aigc:contentId" content="${d.id}">`);
    expect(html).toContain('<meta name="aigc:provider" content="Nestwise">');
    expect(html).toMatch(/<p class="aigc-label" role="note">本内容由人工智能辅助生成<\/p>/);
    expect(html).not.toMatch(/<script/i);

    const json = (await (await t.request(`/v1/content/drafts/${d.id}/export?format=json`, { key })).json()) as { aigc: Record<string, string>; body: string; labels: unknown };
    expect(json.aigc).toEqual(d.labels.aigc.implicit);
    expect(json.body).toBe(d.body);
    await expectProblem(await t.request(`/v1/content/drafts/${d.id}/export?format=pdf`, { key }), 400, 'validation_failed');
  });

  it('escapes what an editor typed when exporting HTML', async () => {
    const d = await create(BRIEFS.enDiapers);
    await ok(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key, json: { body: `${d.body.replace('AI-generated content', '')}\n\n<img src=x onerror=alert(1)>\n\nAI-generated content` } }));
    const html = await (await t.request(`/v1/content/drafts/${d.id}/export?format=html`, { key })).text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it("removes a tenant's drafts, reviews and audit entries with the tenant", async () => {
    const other = await t.otherTenant();
    const res = await t.request('/v1/content/drafts', { method: 'POST', json: BRIEFS.zhCream, key: other.adminKey });
    const d = await ok(res, 201);
    const bad = await ok(await t.request(`/v1/content/drafts/${d.id}`, { method: 'PATCH', key: other.adminKey, json: { body: `${d.body}\n最好的面霜` } }));
    expect(bad.verdict).toBe('block');
    await ok(await t.request(`/v1/content/drafts/${d.id}/override`, { method: 'POST', key: other.adminKey, headers: reviewer('compliance_reviewer'), json: { reason: '测试租户删除时的级联清理' } }));
    await db.query('DELETE FROM tenants WHERE id = $1', [other.tenantId]);
    for (const table of ['content_drafts', 'content_revisions', 'content_reviews', 'content_audit']) {
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [other.tenantId])).rows[0]!.n).toBe(0);
    }
  });
});
