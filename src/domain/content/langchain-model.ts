import { jsonChat } from '../../adapters/llm-json.js';
import {
  CONTENT_PROMPT_VERSION,
  contentGenerateMessage,
  contentRewriteMessage,
  contentRewriteSystem,
  contentSystem,
} from '../../../prompts/content.js';
import { lengthBand } from './channels.js';
import { docFromModel, ModelRewriteSchema, type ContentModel } from './model.js';
import type { Brief } from './types.js';

export interface ContentLlmConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

/**
 * The content model over any OpenAI-compatible endpoint. Errors propagate: the pipeline
 * falls back to the offline writer and reviser.
 */
export function createContentModel(cfg: ContentLlmConfig): ContentModel {
  const call = jsonChat({ ...cfg, temperature: 0.4 });
  return {
    model: cfg.model,
    promptVersion: CONTENT_PROMPT_VERSION,
    timeoutMs: cfg.timeoutMs,
    async generate(brief: Brief) {
      const band = lengthBand(brief.channel, brief.locale, brief.length);
      const unit = { chars: brief.locale === 'en' ? 'characters' : '字', words: brief.locale === 'en' ? 'words' : '词', seconds: brief.locale === 'en' ? 'seconds' : '秒' }[band.unit];
      const briefJson = JSON.stringify({
        product: brief.product,
        productType: brief.productType,
        market: brief.market,
        audienceStage: brief.audienceStage ?? null,
        tone: brief.tone,
        commercial: brief.commercial,
      });
      const raw = await call(contentSystem[brief.locale], contentGenerateMessage(brief.locale, brief.channel, brief.length, `${band.min}–${band.max} ${unit}`, briefJson));
      return docFromModel(raw, brief);
    },
    async rewrite({ locale, items }) {
      const raw = await call(contentRewriteSystem[locale], contentRewriteMessage(locale, JSON.stringify(items)));
      return ModelRewriteSchema.parse(raw).rewrites;
    },
  };
}
