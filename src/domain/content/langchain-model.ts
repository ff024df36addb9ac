import { ChatOpenAI } from '@langchain/openai';
import {
  CONTENT_PROMPT_VERSION,
  contentGenerateMessage,
  contentRewriteMessage,
  contentRewriteSystem,
  contentSystem,
} from '../../../prompts/content.js';
import { lengthBand } from './channels.js';
import { docFromModel, extractJson, ModelRewriteSchema, type ContentModel } from './model.js';
import type { Brief } from './types.js';

export interface ContentLlmConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

function replyText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

/**
 * The content model over any OpenAI-compatible endpoint through LangChain's ChatOpenAI
 * (fetch-based, so it runs on Workers as well as Node). It asks for plain JSON in the
 * reply rather than tool calls so that any compatible server works. Errors propagate:
 * the pipeline falls back to the offline writer and reviser.
 */
export function createContentModel(cfg: ContentLlmConfig): ContentModel {
  const chat = new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey || 'not-needed',
    configuration: { baseURL: cfg.baseUrl },
    temperature: 0.4,
    timeout: cfg.timeoutMs,
    // the pipeline has its own fallback; retrying here would only delay it
    maxRetries: 0,
  });
  const call = async (system: string, user: string) => {
    const res = await chat.invoke(
      [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      { signal: AbortSignal.timeout(cfg.timeoutMs) },
    );
    return extractJson(replyText(res.content));
  };
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
