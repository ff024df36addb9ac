import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { LlmConfig } from '../config.js';
import type { OnlineAnswerer } from '../domain/advisor/turn.js';
import type { SearchResult } from '../domain/knowledge/search.js';
import { ADVISOR_PROMPT_VERSION, advisorContext, advisorSystem } from '../../prompts/advisor.js';

/**
 * LangChain's agent types pull in LangGraph's zod v3 plugin, whose module augmentation
 * of 'zod' clashes with zod 4's and breaks type-checking of the whole program. The
 * module is therefore loaded through a non-literal specifier (so TypeScript does not
 * read its declarations) and typed by the few functions used here.
 */
interface LangchainAgents {
  createAgent(params: { model: unknown; tools: unknown[]; systemPrompt: string; responseFormat: unknown }): {
    invoke(input: { messages: { role: string; content: string }[] }, config: { recursionLimit: number; signal: AbortSignal }): Promise<unknown>;
  };
  tool<S extends z.ZodType>(fn: (input: z.infer<S>) => Promise<string>, fields: { name: string; description: string; schema: S }): unknown;
  toolStrategy(schema: z.ZodType): unknown;
}
const LANGCHAIN = 'langchain';
let agentsModule: Promise<LangchainAgents> | undefined;
const loadAgents = () => (agentsModule ??= import(LANGCHAIN) as Promise<LangchainAgents>);

const AnswerSchema = z.object({
  answer: z.string().min(1).describe('The answer to the parent, in their language'),
  citations: z.array(z.string()).min(1).describe('chunkIds of the guidance chunks the answer relies on'),
});

const chunkView = (c: SearchResult) => ({ chunkId: c.chunkId, title: c.title, heading: c.heading, text: c.text });

/**
 * The advisor's model: a LangChain agent over any OpenAI-compatible endpoint, with tools
 * search_guidance, get_stage, find_slots and hold_booking, and a structured final answer.
 * Errors (429, 500, timeouts, malformed tool calls or output) propagate to the turn,
 * which falls back to the offline composer with triage intact.
 */
export function createLlmAnswerer(cfg: LlmConfig): OnlineAnswerer {
  // Load LangChain's agent module now (it takes a second or more), not on the first question.
  loadAgents().catch(() => undefined);
  const model = new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey,
    configuration: { baseURL: cfg.baseUrl },
    temperature: 0.2,
    timeout: cfg.timeoutMs,
    // The turn has its own fallback; retrying here would only delay it.
    maxRetries: 0,
  });
  return {
    model: `${cfg.model} (${ADVISOR_PROMPT_VERSION})`,
    async answer(input) {
      const { createAgent, tool, toolStrategy } = await loadAgents();
      const offered: unknown[] = [];
      const tools = [
        tool(async ({ query }) => JSON.stringify((await input.search(query)).map(chunkView)), {
          name: 'search_guidance',
          description: 'Search the Nestwise guidance for this parent (locale and stage are applied automatically). Returns chunks with chunkId.',
          schema: z.object({ query: z.string().min(1).max(500) }),
        }),
        tool(async () => JSON.stringify({ stage: input.stage ?? null }), {
          name: 'get_stage',
          description: "The child's or pregnancy's stage for this conversation.",
          schema: z.object({}),
        }),
        tool(async ({ specialty }) => JSON.stringify(input.findSlots ? await input.findSlots(specialty) : []), {
          name: 'find_slots',
          description: 'Open clinician slots for a specialty.',
          schema: z.object({ specialty: z.enum(['paediatrics', 'obstetrics', 'lactation', 'mental_health', 'nutrition']) }),
        }),
        tool(
          async ({ slotId }) => {
            // The model may pick a slot to propose; the parent confirms it with contact
            // details and consent in the booking flow, so nothing is held without them.
            offered.push(slotId);
            return JSON.stringify({ proposed: slotId, note: 'The parent confirms this slot with their contact details in the booking flow.' });
          },
          {
            name: 'hold_booking',
            description: 'Propose a specific slot to the parent; they confirm it in the booking flow.',
            schema: z.object({ slotId: z.string().min(1) }),
          },
        ),
      ];
      const agent = createAgent({
        model,
        tools,
        systemPrompt: advisorSystem[input.locale].replace('{level}', input.level),
        responseFormat: toolStrategy(AnswerSchema),
      });
      const context = advisorContext[input.locale](input.stage, JSON.stringify(input.chunks.map(chunkView)));
      const result = await agent.invoke(
        {
          messages: [
            ...input.history.map((m) => ({ role: m.role, content: m.text })),
            { role: 'user' as const, content: `${context}\n\n---\n${input.question}` },
          ],
        },
        { recursionLimit: 10, signal: AbortSignal.timeout(cfg.timeoutMs) },
      );
      const out = AnswerSchema.parse((result as { structuredResponse?: unknown }).structuredResponse);
      return { answer: out.answer, citedChunkIds: out.citations };
    },
  };
}
