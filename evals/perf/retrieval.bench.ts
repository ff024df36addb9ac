/**
 * Retrieval benchmarks (issue: ingestion and hybrid retrieval):
 *  - embedded PGlite with the real corpus: ingestion throughput, re-ingestion of an
 *    unchanged corpus, search latency p50/p95 over the eval queries;
 *  - native PostgreSQL with the real corpus plus synthetic chunks (50,000 in full mode):
 *    our hybrid search against LangChain's PGVectorStore over the same chunks and the
 *    same embedder (both with an HNSW index), latency and recall@5 of both.
 */
import { LOCAL_EMBEDDINGS_MODEL } from '../../src/config.js';
import { fileURLToPath } from 'node:url';
import { Embeddings } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import type { Bench, BenchRow } from './bench.js';
import { percentile } from './bench.js';
import { nativeBenchDb } from './lib/native-db.js';
import { readJsonl } from '../lib/jsonl.js';
import { startEmbeddedDb } from '../../src/db/embedded-db.js';
import { runMigrations } from '../../src/db/migrate.js';
import { loadMigrationFiles } from '../../src/db/migration-files.js';
import { loadKnowledge } from '../../src/knowledge-files.js';
import { LocalEmbedder, toVectorLiteral } from '../../src/domain/knowledge/embedder.js';
import { ingestKnowledge, refreshTermStats } from '../../src/domain/knowledge/ingest.js';
import { chunkDocument } from '../../src/domain/knowledge/chunk.js';
import { searchKnowledge } from '../../src/domain/knowledge/search.js';
import { searchTerms } from '../../src/domain/text/tokens.js';
import type { Db } from '../../src/db/db.js';

interface Query {
  locale: 'zh-CN' | 'en';
  query: string;
  stage?: string;
  relevant: string[];
}

const queries = readJsonl<Query>(fileURLToPath(new URL('../retrieval/', import.meta.url)), 'queries.');
const embedder = new LocalEmbedder(LOCAL_EMBEDDINGS_MODEL, 512);

class LangchainLocalEmbeddings extends Embeddings {
  constructor() {
    super({});
  }
  embedDocuments(texts: string[]) {
    return embedder.embedDocuments(texts);
  }
  embedQuery(text: string) {
    return embedder.embedQuery(text);
  }
}

async function timeSearches(db: Db, qs: Query[]): Promise<{ p50: number; p95: number; recall: number }> {
  const times: number[] = [];
  let recall = 0;
  for (const q of qs) {
    const t0 = performance.now();
    const r = await searchKnowledge(db, embedder, { query: q.query, locale: q.locale, k: 5 });
    times.push(performance.now() - t0);
    const rel = new Set(q.relevant);
    recall += r.filter((x) => rel.has(x.docId)).length / Math.min(rel.size, 5);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), recall: recall / qs.length };
}

/** Noise chunks made of real sentences in a new order, so the synthetic corpus has real vocabulary. */
export async function addSyntheticChunks(db: Db, n: number) {
  const docs = loadKnowledge();
  const pool = docs.flatMap((d) => chunkDocument(d.doc).map((c) => ({ text: c.text, locale: d.doc.meta.locale, stages: d.doc.meta.stages, topics: d.doc.meta.topics })));
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const BATCH = 1000;
  for (let start = 0; start < n; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const a = pool[Math.floor(rand() * pool.length)]!;
      const b = pool.filter((p) => p.locale === a.locale)[Math.floor(rand() * 50)]!;
      const sentences = `${a.text}\n${b.text}`.split(/(?<=[。.!?！？])/).sort(() => rand() - 0.5);
      const text = sentences.slice(0, 8).join('');
      rows.push({ id: `syn-${Math.floor(i / 5)}#${i % 5}`, doc: `syn-${Math.floor(i / 5)}`, text, locale: a.locale, stages: a.stages, topics: a.topics });
    }
    const vectors = await embedder.embedDocuments(rows.map((r) => r.text));
    await db.query(
      `INSERT INTO kb_documents (id, locale, title, stages, topics, sources, reviewed, version, updated, content_hash)
       SELECT DISTINCT ON (d) d, l, 'synthetic', '{}'::text[], '{}'::text[], '[]'::jsonb, '"pending"'::jsonb, 1, '2026-01-01', 'x'
       FROM unnest($1::text[], $2::text[]) AS t(d, l) ON CONFLICT (id) DO NOTHING`,
      [rows.map((r) => r.doc), rows.map((r) => r.locale)],
    );
    await db.query(
      `INSERT INTO kb_chunks (id, doc_id, ord, locale, heading, body, stages, topics, search_terms, embedding, embedding_model, embedding_dims)
       SELECT id, doc, 0, l, 'synthetic', body, '{}'::text[], '{}'::text[], to_tsvector('simple', terms), vec::vector, '${LOCAL_EMBEDDINGS_MODEL}', 512
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, doc, l, body, terms, vec)`,
      [rows.map((r) => r.id), rows.map((r) => r.doc), rows.map((r) => r.locale), rows.map((r) => r.text), rows.map((r) => searchTerms(r.text).join(' ')), vectors.map(toVectorLiteral)],
    );
  }
  await refreshTermStats(db);
  await db.query('ANALYZE kb_chunks');
}

const bench: Bench = {
  name: 'retrieval',
  async run({ quick }) {
    const rows: BenchRow[] = [];
    const docs = loadKnowledge();
    const qs = quick ? queries.filter((_, i) => i % 4 === 0) : queries;

    // --- embedded PGlite, real corpus
    const edb = await startEmbeddedDb();
    try {
      await runMigrations(edb, loadMigrationFiles());
      const first = await ingestKnowledge(edb, embedder, docs);
      rows.push({ metric: 'embedded: ingestion throughput', value: first.chunks / (first.ms / 1000), unit: 'chunks/s' });
      const again = await ingestKnowledge(edb, embedder, docs);
      rows.push({ metric: 'embedded: re-ingestion of an unchanged corpus', value: again.ms / 1000, unit: 's', target: '< 3 s', ok: again.ms < 3000 });
      const s = await timeSearches(edb, qs);
      rows.push({ metric: `embedded: search p50 (${qs.length} queries, ${first.chunks} chunks)`, value: s.p50, unit: 'ms' });
      rows.push({ metric: 'embedded: search p95', value: s.p95, unit: 'ms' });
    } finally {
      await edb.close();
    }

    // --- native PostgreSQL, real corpus + synthetic chunks, ours vs LangChain PGVectorStore
    const native = await nativeBenchDb();
    if (!native) {
      rows.push({ metric: 'native PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)', value: 0, unit: '' });
      return rows;
    }
    const synthetic = quick ? 5_000 : 50_000;
    try {
      const { db } = native;
      await runMigrations(db, loadMigrationFiles());
      await ingestKnowledge(db, embedder, docs);
      const tSyn = performance.now();
      await addSyntheticChunks(db, synthetic);
      await db.query('REINDEX INDEX kb_chunks_hnsw_512');
      const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_chunks')).rows[0]!.n;
      rows.push({ metric: `native: synthetic corpus built and indexed (${total} chunks)`, value: (performance.now() - tSyn) / 1000, unit: 's' });
      const ours = await timeSearches(db, qs);

      // LangChain's PGVectorStore over the same chunks, same embedder, with its own HNSW index.
      const store = await PGVectorStore.initialize(new LangchainLocalEmbeddings(), {
        postgresConnectionOptions: { connectionString: native.url },
        tableName: 'langchain_chunks',
        distanceStrategy: 'cosine',
      });
      const all = await db.query<{ id: string; doc_id: string; locale: string; body: string; heading: string; title: string; embedding: string }>(
        'SELECT c.id, c.doc_id, c.locale, c.body, c.heading, d.title, c.embedding::text AS embedding FROM kb_chunks c JOIN kb_documents d ON d.id = c.doc_id',
      );
      for (let i = 0; i < all.rows.length; i += 2000) {
        const part = all.rows.slice(i, i + 2000);
        await store.addVectors(
          part.map((r) => JSON.parse(r.embedding) as number[]),
          part.map((r) => new Document({ pageContent: r.body, metadata: { docId: r.doc_id, locale: r.locale } })),
        );
      }
      await store.createHnswIndex({ dimensions: 512 });
      const lcTimes: number[] = [];
      let lcRecall = 0;
      for (const q of qs) {
        const t0 = performance.now();
        const v = await embedder.embedQuery(q.query);
        const hits = await store.similaritySearchVectorWithScore(v, 25, { locale: q.locale });
        lcTimes.push(performance.now() - t0);
        const docIds = [...new Set(hits.map(([d]) => d.metadata.docId as string))].slice(0, 5);
        const rel = new Set(q.relevant);
        lcRecall += docIds.filter((d) => rel.has(d)).length / Math.min(rel.size, 5);
      }
      await store.end();
      const lc = { p50: percentile(lcTimes, 50), p95: percentile(lcTimes, 95), recall: lcRecall / qs.length };
      rows.push({ metric: `native: search p50 (${total} chunks)`, value: ours.p50, unit: 'ms', baseline: { name: 'LangChain PGVectorStore', value: lc.p50 }, ratio: lc.p50 / ours.p50 });
      rows.push({
        metric: 'native: search p95',
        value: ours.p95,
        unit: 'ms',
        baseline: { name: 'LangChain PGVectorStore', value: lc.p95 },
        ratio: lc.p95 / ours.p95,
        target: synthetic >= 50_000 ? 'p95 < 20 ms at 50,000 chunks' : undefined,
        ok: synthetic >= 50_000 ? ours.p95 < 20 : undefined,
      });
      rows.push({
        metric: 'native: recall@5 (hybrid, ours)',
        value: ours.recall,
        unit: '',
        baseline: { name: 'LangChain PGVectorStore (vector only)', value: lc.recall },
        ratio: ours.recall / lc.recall,
        target: 'ahead of LangChain',
        ok: ours.recall > lc.recall,
      });
    } finally {
      await native.drop();
    }
    return rows;
  },
};
export default bench;
