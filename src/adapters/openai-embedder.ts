import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from '../domain/knowledge/embedder.js';
import type { EmbeddingsConfig } from '../config.js';

/** Any OpenAI-compatible embeddings endpoint, through LangChain. */
export function openAIEmbedder(cfg: EmbeddingsConfig): Embedder {
  const client = new OpenAIEmbeddings({
    model: cfg.model,
    dimensions: cfg.dimensions,
    apiKey: cfg.apiKey ?? 'none',
    configuration: cfg.baseUrl ? { baseURL: cfg.baseUrl } : undefined,
    maxRetries: 2,
  });
  return {
    model: cfg.model,
    dimensions: cfg.dimensions,
    embedDocuments: (texts) => client.embedDocuments(texts),
    embedQuery: (text) => client.embedQuery(text),
  };
}
