-- The full-text side of search reads one GIN posting list per query term and checks the
-- locale on the row; a b-tree on a two-value column only made the planner AND a bitmap
-- of half the table into every term lookup.
DROP INDEX IF EXISTS kb_chunks_locale;

-- Searches are short queries whose estimated cost can cross the JIT threshold; compiling
-- them costs more (30–40 ms) than running them.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
END $$;
