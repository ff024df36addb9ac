/** `npm run ingest`: brings the configured database in line with knowledge/ (idempotent by content hash). */
import { openConfiguredDb } from './open-db.js';
import { runMigrations } from '../db/migrate.js';
import { loadMigrationFiles } from '../db/migration-files.js';
import { loadKnowledge } from '../knowledge-files.js';
import { ingestKnowledge } from '../domain/knowledge/ingest.js';
import { createEmbedder } from '../adapters/embedder.js';

const { config, db } = await openConfiguredDb();
try {
  await runMigrations(db, loadMigrationFiles());
  const docs = loadKnowledge();
  const r = await ingestKnowledge(db, createEmbedder(config.embeddings), docs);
  console.log(
    `${docs.length} documents: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed; ${r.chunks} chunks embedded with ${config.embeddings.model}; ${(r.ms / 1000).toFixed(2)} s`,
  );
} finally {
  await db.close();
}
