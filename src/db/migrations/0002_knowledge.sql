CREATE TABLE kb_documents (
  id text PRIMARY KEY,
  locale text NOT NULL,
  title text NOT NULL,
  stages text[] NOT NULL,
  topics text[] NOT NULL,
  sources jsonb NOT NULL,
  reviewed jsonb NOT NULL,
  version int NOT NULL,
  updated date NOT NULL,
  -- SHA-256 of the file: unchanged files are skipped on re-ingestion
  content_hash text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_chunks (
  id text PRIMARY KEY,
  doc_id text NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,
  ord int NOT NULL,
  locale text NOT NULL,
  heading text NOT NULL,
  body text NOT NULL,
  -- copied from the document so a search filters without a join
  stages text[] NOT NULL,
  topics text[] NOT NULL,
  -- pre-segmented terms (Chinese words and bigrams, stemmed English) for full-text search
  search_terms tsvector NOT NULL,
  -- untyped so the dimension follows the configured embeddings model; the HNSW index
  -- for the configured dimension is created by ingestion (see ensureVectorIndex)
  embedding vector NOT NULL,
  embedding_model text NOT NULL,
  embedding_dims int NOT NULL
);
CREATE INDEX kb_chunks_doc ON kb_chunks (doc_id);
CREATE INDEX kb_chunks_terms ON kb_chunks USING gin (search_terms);
CREATE INDEX kb_chunks_locale ON kb_chunks (locale);

-- Document frequency of each full-text term per locale, refreshed by ingestion: lets the
-- full-text side weigh a rare, telling word ("brie", "乳痂") above one that is everywhere
-- ("pregnant", "宝宝"), which PostgreSQL's own ts_rank does not do.
CREATE TABLE kb_terms (
  locale text NOT NULL,
  term text NOT NULL,
  df int NOT NULL,
  PRIMARY KEY (locale, term)
);
CREATE TABLE kb_locale_stats (
  locale text PRIMARY KEY,
  chunks int NOT NULL
);
