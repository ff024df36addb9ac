import { ChatOpenAI } from '@langchain/openai';
import { extractJson } from '../domain/content/model.js';

export interface JsonChatConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  temperature: number;
}

/** The text of a chat reply, whether the provider sent a string or content parts. */
function replyText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

/**
 * One system + user exchange with any OpenAI-compatible endpoint through LangChain's
 * ChatOpenAI (fetch-based, so it runs on Workers as well as Node), returning the JSON object
 * in the reply. A plain JSON reply rather than tool calls, so any compatible server works.
 * No retries: every caller has its own fallback, and retrying would only delay it. Errors
 * (HTTP, timeout, no JSON in the reply) propagate to that fallback.
 */
export function jsonChat(cfg: JsonChatConfig): (system: string, user: string) => Promise<unknown> {
  const chat = new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey || 'not-needed',
    configuration: { baseURL: cfg.baseUrl },
    temperature: cfg.temperature,
    timeout: cfg.timeoutMs,
    maxRetries: 0,
  });
  return async (system, user) => {
    const res = await chat.invoke(
      [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      { signal: AbortSignal.timeout(cfg.timeoutMs) },
    );
    return extractJson(replyText(res.content));
  };
}
