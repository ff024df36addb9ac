import { startEmbeddedDb } from '../../src/db/embedded-db.js';
import { runMigrations } from '../../src/db/migrate.js';
import { loadMigrationFiles } from '../../src/db/migration-files.js';
import { loadKnowledge } from '../../src/knowledge-files.js';
import { LocalEmbedder } from '../../src/domain/knowledge/embedder.js';
import { ingestKnowledge } from '../../src/domain/knowledge/ingest.js';
import { LOCAL_EMBEDDINGS_DIMENSIONS, LOCAL_EMBEDDINGS_MODEL } from '../../src/config.js';
import type { Db } from '../../src/db/db.js';

/** An in-memory embedded database with the real knowledge base ingested by the local embedder. */
export async function knowledgeDb(): Promise<{ db: Db; embedder: LocalEmbedder }> {
  const db = await startEmbeddedDb();
  await runMigrations(db, loadMigrationFiles());
  const embedder = new LocalEmbedder(LOCAL_EMBEDDINGS_MODEL, LOCAL_EMBEDDINGS_DIMENSIONS);
  await ingestKnowledge(db, embedder, loadKnowledge());
  return { db, embedder };
}
