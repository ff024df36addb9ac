-- Filtered HNSW scans keep searching until enough rows pass the locale and stage filters
-- (pgvector >= 0.8), with a candidate list large enough for them. Set on the database, so
-- every new session has them and a search stays a single round trip.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET hnsw.iterative_scan = %L', current_database(), 'relaxed_order');
  EXECUTE format('ALTER DATABASE %I SET hnsw.ef_search = %L', current_database(), '100');
END $$;
