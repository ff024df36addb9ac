import { LOCAL_EMBEDDINGS_MODEL } from '../../src/config.js';
import type { Db } from '../../src/db/db.js';
import { loadKnowledge } from '../../src/knowledge-files.js';
import { ingestKnowledge } from '../../src/domain/knowledge/ingest.js';
import { LocalEmbedder } from '../../src/domain/knowledge/embedder.js';

/** Ingests the real knowledge base with the local embedder (the embedded default). */
export async function ingestRealKnowledge(db: Db): Promise<void> {
  await ingestKnowledge(db, new LocalEmbedder(LOCAL_EMBEDDINGS_MODEL, 512), loadKnowledge());
}
