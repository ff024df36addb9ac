import type { EmbeddingsConfig } from '../config.js';
import { LocalEmbedder, type Embedder } from '../domain/knowledge/embedder.js';
import { openAIEmbedder } from './openai-embedder.js';

export function createEmbedder(cfg: EmbeddingsConfig): Embedder {
  return cfg.provider === 'openai' ? openAIEmbedder(cfg) : new LocalEmbedder(cfg.model, cfg.dimensions);
}
