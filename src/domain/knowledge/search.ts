import type { Db } from '../../db/db.js';
import { foldText, searchTerms } from '../text/tokens.js';
import { toVectorLiteral, type Embedder } from './embedder.js';
import { expandQuery } from './synonyms.js';
import type { Locale, StageId } from './taxonomy.js';

export interface SearchInput {
  query: string;
  locale: Locale;
  /** Stages the answer may draw on; stage-agnostic documents are always allowed. Undefined = any. */
  stages?: StageId[];
  k?: number;
  /** At most this many chunks per document (default 1: one result per document). */
  perDoc?: number;
}

export interface SearchResult {
  docId: string;
  chunkId: string;
  title: string;
  heading: string;
  text: string;
  stages: StageId[];
  topics: string[];
  sources: { publisher: string; title: string; url: string; year: number }[];
  reviewed: unknown;
  /** Reciprocal-rank-fusion score (higher is better). */
  score: number;
  /** Cosine similarity of the chunk to the query, for "retrieval miss" analytics. */
  similarity: number;
}

const RRF_K = 60;
/**
 * The full-text side is IDF-weighted and precise; the local embedder's vectors are
 * lexical and noisier, so its ranks count a little less in the fusion.
 */
const FTS_WEIGHT = 1.0;
const VECTOR_WEIGHT = 0.5;
const CANDIDATES = 60;
/** Postings the full-text side may read per query: keeps p95 flat as the corpus grows. */
const POSTINGS_BUDGET = 2500;

/**
 * Hybrid retrieval in our own SQL: pgvector HNSW cosine search and PostgreSQL full-text
 * search over pre-segmented terms, each filtered by locale and stage, fused by
 * reciprocal rank fusion. Documents for an incompatible stage are filtered inside both
 * searches, so they can never be returned when a stage is known.
 */
export async function searchKnowledge(db: Db, embedder: Embedder, input: SearchInput): Promise<SearchResult[]> {
  const k = Math.min(Math.max(input.k ?? 5, 1), 50);
  const perDoc = input.perDoc ?? 1;
  const expanded = expandQuery(foldText(input.query), input.locale);
  const terms = [...new Set(searchTerms(expanded))].slice(0, 64);
  const vector = toVectorLiteral(await embedder.embedQuery(expanded));
  const d = Math.trunc(embedder.dimensions);
  const stages = input.stages && input.stages.length ? input.stages : null;

  {
    // One round trip: hnsw.iterative_scan and ef_search are database settings (migration 0009).
    const res = await db.query<{
      id: string;
      doc_id: string;
      heading: string;
      body: string;
      stages: StageId[];
      topics: string[];
      title: string;
      sources: SearchResult['sources'];
      reviewed: unknown;
      rrf: number;
      sim: number | null;
    }>(
      `WITH vec AS (
         SELECT id, dist, row_number() OVER (ORDER BY dist) AS r FROM (
           SELECT id, embedding::vector(${d}) <=> $1::vector(${d}) AS dist
           FROM kb_chunks
           WHERE embedding_dims = ${d} AND embedding_model = $2 AND locale = $3
             AND ($4::text[] IS NULL OR stages = '{}' OR stages && $4::text[])
           ORDER BY embedding::vector(${d}) <=> $1::vector(${d})
           LIMIT ${CANDIDATES}) v
       ), idf AS (
         -- BM25-style inverse document frequency of each query term in this locale
         -- (kb_terms is refreshed by ingestion)
         SELECT t.term, t.df, ln(1 + (st.chunks - t.df + 0.5) / (t.df + 0.5)) AS idf, t.df::float8 / st.chunks AS frac
         FROM kb_terms t JOIN kb_locale_stats st ON st.locale = t.locale
         WHERE t.locale = $3 AND t.term = ANY($5::text[])
       ), qt AS (
         -- The terms the full-text side scores with, rarest first: words found in a quarter
         -- of all chunks say little and match half the corpus, so they are left out; once
         -- the rarer terms have used up the postings budget the common rest are left out
         -- too (the rare terms decide the ranking). The rarest term is always kept.
         SELECT term, idf FROM (
           SELECT term, idf, sum(df) OVER w AS postings, row_number() OVER w AS n
           FROM idf
           WHERE frac < 0.25 OR NOT EXISTS (SELECT 1 FROM idf WHERE frac < 0.25)
           WINDOW w AS (ORDER BY idf DESC, term)) ranked
         WHERE n = 1 OR postings <= ${POSTINGS_BUDGET}
       ), fts AS (
         -- term at a time: one GIN lookup per scoring term, summed per chunk, so the work
         -- is bounded by the postings of the rare terms, not by (matching chunks × terms)
         SELECT id, row_number() OVER (ORDER BY score DESC, id) AS r FROM (
           SELECT m.id, sum(qt.idf) AS score
           FROM qt CROSS JOIN LATERAL (
             SELECT c.id FROM kb_chunks c
             WHERE c.search_terms @@ to_tsquery('simple', quote_literal(qt.term)) AND c.locale = $3
               AND ($4::text[] IS NULL OR c.stages = '{}' OR c.stages && $4::text[])) m
           GROUP BY m.id
           ORDER BY score DESC, m.id
           LIMIT ${CANDIDATES}) f
       ), fused AS (
         SELECT coalesce(vec.id, fts.id) AS id,
                coalesce(${VECTOR_WEIGHT}::float8 / (${RRF_K} + vec.r), 0) + coalesce(${FTS_WEIGHT}::float8 / (${RRF_K} + fts.r), 0) AS rrf,
                1 - vec.dist AS sim
         FROM vec FULL OUTER JOIN fts ON vec.id = fts.id
       )
       SELECT c.id, c.doc_id, c.heading, c.body, c.stages, c.topics, d.title, d.sources, d.reviewed, f.rrf, f.sim
       FROM fused f JOIN kb_chunks c ON c.id = f.id JOIN kb_documents d ON d.id = c.doc_id
       ORDER BY f.rrf DESC, c.id`,
      [vector, embedder.model, input.locale, stages, terms],
    );
    const out: SearchResult[] = [];
    const perDocCount = new Map<string, number>();
    for (const r of res.rows) {
      const n = perDocCount.get(r.doc_id) ?? 0;
      if (n >= perDoc) continue;
      perDocCount.set(r.doc_id, n + 1);
      out.push({
        docId: r.doc_id,
        chunkId: r.id,
        title: r.title,
        heading: r.heading,
        text: r.body,
        stages: r.stages,
        topics: r.topics,
        sources: r.sources,
        reviewed: r.reviewed,
        score: Math.round(Number(r.rrf) * 1e6) / 1e6,
        similarity: r.sim === null ? 0 : Math.round(Number(r.sim) * 1e4) / 1e4,
      });
      if (out.length >= k) break;
    }
    return out;
  }
}
