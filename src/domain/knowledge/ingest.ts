import type { Db, Queryable } from '../../db/db.js';
import type { KnowledgeDocument } from './document.js';
import { chunkDocument } from './chunk.js';
import { toVectorLiteral, type Embedder } from './embedder.js';
import { searchTerms } from '../text/tokens.js';

export interface IngestSource {
  raw: string;
  doc: KnowledgeDocument;
}

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  chunks: number;
  ms: number;
}

async function sha256(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** HNSW needs a fixed dimension, so there is one partial expression index per dimension in use. */
export async function ensureVectorIndex(q: Queryable, dims: number): Promise<void> {
  const d = Math.trunc(dims);
  await q.query(
    `CREATE INDEX IF NOT EXISTS kb_chunks_hnsw_${d} ON kb_chunks USING hnsw ((embedding::vector(${d})) vector_cosine_ops) WHERE embedding_dims = ${d}`,
  );
}

/** Recomputes per-locale document frequencies of full-text terms (for IDF weighting in search). */
export async function refreshTermStats(db: Db): Promise<void> {
  await db.tx(async (q) => {
    await q.query('DELETE FROM kb_terms');
    await q.query('DELETE FROM kb_locale_stats');
    await q.query(
      `INSERT INTO kb_terms (locale, term, df)
       SELECT locale, term, count(*) FROM kb_chunks, unnest(tsvector_to_array(search_terms)) AS term GROUP BY locale, term`,
    );
    await q.query('INSERT INTO kb_locale_stats (locale, chunks) SELECT locale, count(*) FROM kb_chunks GROUP BY locale');
  });
  // Bulk inserts park new full-text entries in the GIN index's pending list, which every
  // search then scans linearly (0.6 ms per term at 50,000 chunks); merge it now.
  await db.query("SELECT gin_clean_pending_list('kb_chunks_terms')");
}

/**
 * Brings the database in line with the given documents, idempotently: unchanged
 * documents (same file hash, same embeddings model) are skipped, changed ones are
 * re-chunked and re-embedded, documents no longer present are removed. Changing the
 * embeddings model re-embeds everything.
 */
export async function ingestKnowledge(db: Db, embedder: Embedder, sources: IngestSource[]): Promise<IngestReport> {
  const t0 = performance.now();
  const existing = new Map(
    (
      await db.query<{ id: string; content_hash: string; model: string | null }>(
        `SELECT d.id, d.content_hash, (SELECT c.embedding_model FROM kb_chunks c WHERE c.doc_id = d.id LIMIT 1) AS model FROM kb_documents d`,
      )
    ).rows.map((r) => [r.id, r]),
  );
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, removed: 0, chunks: 0, ms: 0 };
  const keep = new Set<string>();
  for (const src of sources) {
    const meta = src.doc.meta;
    keep.add(meta.id);
    const hash = await sha256(src.raw);
    const prev = existing.get(meta.id);
    if (prev && prev.content_hash === hash && prev.model === embedder.model) {
      report.unchanged++;
      continue;
    }
    const chunks = chunkDocument(src.doc);
    const vectors = await embedder.embedDocuments(chunks.map((c) => c.indexText));
    await db.tx(async (tx) => {
      await tx.query('DELETE FROM kb_documents WHERE id = $1', [meta.id]);
      await tx.query(
        `INSERT INTO kb_documents (id, locale, title, stages, topics, sources, reviewed, version, updated, content_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [meta.id, meta.locale, meta.title, meta.stages, meta.topics, JSON.stringify(meta.sources), JSON.stringify(meta.reviewed), meta.version, meta.updated, hash],
      );
      if (chunks.length === 0) return;
      await tx.query(
        `INSERT INTO kb_chunks (id, doc_id, ord, locale, heading, body, stages, topics, search_terms, embedding, embedding_model, embedding_dims)
         SELECT c.id, $2, c.ord, $3, c.heading, c.body, $4, $5, to_tsvector('simple', c.terms), c.vec::vector, $6, $7
         FROM unnest($1::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[]) AS c(id, ord, heading, body, terms, vec)`,
        [
          chunks.map((c) => c.id),
          meta.id,
          meta.locale,
          meta.stages,
          meta.topics,
          embedder.model,
          embedder.dimensions,
          chunks.map((c) => c.ord),
          chunks.map((c) => c.heading),
          chunks.map((c) => c.text),
          chunks.map((c) => searchTerms(c.indexText).join(' ')),
          vectors.map(toVectorLiteral),
        ],
      );
    });
    report.chunks += chunks.length;
    if (prev) report.updated++;
    else report.added++;
  }
  const gone = [...existing.keys()].filter((id) => !keep.has(id));
  if (gone.length) {
    await db.query('DELETE FROM kb_documents WHERE id = ANY($1::text[])', [gone]);
    report.removed = gone.length;
  }
  if (report.added || report.updated || report.removed || !(await db.query('SELECT 1 FROM kb_locale_stats LIMIT 1')).rowCount) {
    await refreshTermStats(db);
  }
  await ensureVectorIndex(db, embedder.dimensions);
  report.ms = Math.round(performance.now() - t0);
  return report;
}
