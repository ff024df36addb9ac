import { LOCAL_EMBEDDINGS_MODEL } from '../../../src/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { loadKnowledge } from '../../../src/knowledge-files.js';
import { ingestKnowledge } from '../../../src/domain/knowledge/ingest.js';
import { LocalEmbedder } from '../../../src/domain/knowledge/embedder.js';
import { searchKnowledge } from '../../../src/domain/knowledge/search.js';
import { resolveStages } from '../../../src/domain/knowledge/stage-filter.js';
import { STAGE_IDS } from '../../../src/domain/knowledge/taxonomy.js';

let db: Db;
let t: TestApp;
const embedder = new LocalEmbedder(LOCAL_EMBEDDINGS_MODEL, 512);
const docs = loadKnowledge();

beforeAll(async () => {
  db = await createTestDb();
  await ingestKnowledge(db, embedder, docs);
  t = await createTestApp(db);
});
afterAll(async () => db?.close());

describe('ingestion', () => {
  it('is idempotent: a second run skips every unchanged document', async () => {
    const again = await ingestKnowledge(db, embedder, docs);
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: docs.length, chunks: 0 });
  });

  it('re-chunks a changed document, removes a deleted one, and re-embeds on a model change', async () => {
    const [first, second, ...rest] = docs;
    const changed = { ...first!, raw: first!.raw + '\n' };
    const r1 = await ingestKnowledge(db, embedder, [changed, ...rest]);
    expect(r1).toMatchObject({ updated: 1, removed: 1, added: 0 });
    const gone = await db.query('SELECT 1 FROM kb_chunks WHERE doc_id = $1', [second!.doc.meta.id]);
    expect(gone.rowCount).toBe(0);
    const other = new LocalEmbedder('nestwise-local-test', 512);
    const r2 = await ingestKnowledge(db, other, docs);
    expect(r2.updated + r2.added).toBe(docs.length);
    const models = await db.query<{ m: string }>('SELECT DISTINCT embedding_model AS m FROM kb_chunks');
    expect(models.rows.map((r) => r.m)).toEqual(['nestwise-local-test']);
    await ingestKnowledge(db, embedder, docs);
  });

  it('keeps every chunk tied to its document metadata', async () => {
    const res = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM kb_chunks c JOIN kb_documents d ON d.id = c.doc_id WHERE c.stages <> d.stages OR c.topics <> d.topics OR c.locale <> d.locale`,
    );
    expect(res.rows[0]!.n).toBe(0);
  });
});

describe('hybrid search', () => {
  it('finds the right guidance for colloquial and Traditional-character questions', async () => {
    const rash = await searchKnowledge(db, embedder, { query: '宝宝红屁屁怎么办', locale: 'zh-CN' });
    expect(rash[0]?.topics).toContain('skin');
    const trad = await searchKnowledge(db, embedder, { query: '寶寶發燒了怎麼辦', locale: 'zh-CN' });
    expect(trad.some((r) => r.topics.includes('illness'))).toBe(true);
    const en = await searchKnowledge(db, embedder, { query: 'nappy rash cream', locale: 'en' });
    expect(en[0]?.title.toLowerCase()).toMatch(/diaper|nappy/);
  });

  it('never returns another locale', async () => {
    const r = await searchKnowledge(db, embedder, { query: 'sleep 睡眠', locale: 'en', k: 20 });
    expect(r.every((x) => x.docId.startsWith('en-'))).toBe(true);
  });

  it('never returns a document for another stage when the child profile gives one', async () => {
    const today = '2026-11-22';
    const profiles = [
      { birthDate: '2026-11-15' },
      { birthDate: '2026-08-01' },
      { birthDate: '2026-03-01' },
      { birthDate: '2025-01-10' },
      { birthDate: '2022-05-01' },
      { dueDate: '2027-05-20' },
      { dueDate: '2027-01-10' },
    ];
    for (const child of profiles) {
      const stages = resolveStages({ child, today }).stages!;
      expect(stages.length).toBeGreaterThan(0);
      for (const q of ['睡眠 哭闹 喂养', 'sleep feeding crying', '发烧 疫苗', 'fever vaccines']) {
        const locale = /[a-z]/.test(q) ? 'en' : 'zh-CN';
        const results = await searchKnowledge(db, embedder, { query: q, locale, stages, k: 20 });
        for (const r of results) {
          const ok = r.stages.length === 0 || r.stages.some((s) => stages.includes(s));
          expect(ok, `${r.docId} (${r.stages}) for ${JSON.stringify(child)}`).toBe(true);
        }
      }
    }
  });

  it('reads the stage from the question itself', () => {
    expect(resolveStages({ text: '宝宝6个月了能吃什么', today: '2026-11-22' }).primary).toBe('infant_6_12m');
    expect(resolveStages({ text: '孕28周要注意什么', today: '2026-11-22' }).primary).toBe('pregnancy_t3');
    expect(resolveStages({ text: 'my 2 year old bites', today: '2026-11-22' }).primary).toBe('toddler_1_3y');
    expect(resolveStages({ text: 'newborn keeps crying', today: '2026-11-22' }).primary).toBe('newborn');
    expect(STAGE_IDS).toContain(resolveStages({ text: 'newborn', today: '2026-11-22' }).stages![0]!);
  });
});

describe('GET /v1/knowledge/search', () => {
  it('returns results with snippet, stages, topics, sources and score', async () => {
    const key = await t.key(['knowledge']);
    const res = await t.request('/v1/knowledge/search?q=' + encodeURIComponent('6个月宝宝怎么加辅食') + '&locale=zh-CN&k=3', { key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { stage: string; results: Record<string, unknown>[] };
    expect(body.stage).toBe('infant_6_12m');
    expect(body.results.length).toBe(3);
    for (const r of body.results) {
      expect(r).toMatchObject({ docId: expect.any(String), chunkId: expect.any(String), title: expect.any(String), score: expect.any(Number), snippet: expect.any(String) });
      expect((r.sources as unknown[]).length).toBeGreaterThan(0);
      expect(r.stages as string[]).toSatisfy((s: string[]) => s.length === 0 || s.includes('infant_6_12m') || s.includes('postpartum'));
    }
  });

  it('validates its query parameters', async () => {
    const key = await t.key(['knowledge']);
    const res = await t.request('/v1/knowledge/search?q=&k=500&stage=teen', { key });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['k', 'q', 'stage']);
  });
});
