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
interface Agent {
  invoke(input: { messages: { role: string; content: string }[] }, config: { recursionLimit: number; signal: AbortSignal; context: TurnContext }): Promise<unknown>;
}
interface LangchainAgents {
  createAgent(params: { model: unknown; tools: unknown[]; systemPrompt: string; responseFormat: unknown }): Agent;
  tool<S extends z.ZodType>(fn: (input: z.infer<S>, runtime: { context: TurnContext }) => Promise<string>, fields: { name: string; description: string; schema: S }): unknown;
  toolStrategy(schema: z.ZodType): unknown;
}

/** What the tools need from the turn they run in, passed as LangChain's runtime context. */
type AnswerInput = Parameters<OnlineAnswerer['answer']>[0];
interface TurnContext {
  search: AnswerInput['search'];
  stage: string | null;
  findSlots: AnswerInput['findSlots'];
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
  // Agents are built once per locale and triage level (the system prompt carries both) and
  // reused: the tools take the turn's search, stage and slots from the runtime context.
  const agents = new Map<string, Promise<Agent>>();
  const agentFor = (locale: 'zh-CN' | 'en', level: string) => {
    const key = `${locale}:${level}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = loadAgents().then((lc) => lc.createAgent({ model, tools: buildTools(lc), systemPrompt: advisorSystem[locale].replace('{level}', level), responseFormat: lc.toolStrategy(AnswerSchema) }));
      agent.catch(() => agents.delete(key));
      agents.set(key, agent);
    }
    return agent;
  };
  return {
    model: `${cfg.model} (${ADVISOR_PROMPT_VERSION})`,
    async answer(input) {
      const agent = await agentFor(input.locale, input.level);
      const context = advisorContext[input.locale](input.stage, JSON.stringify(input.chunks.map(chunkView)));
      const result = await agent.invoke(
        {
          messages: [
            ...input.history.map((m) => ({ role: m.role, content: m.text })),
            { role: 'user' as const, content: `${context}\n\n---\n${input.question}` },
          ],
        },
        { recursionLimit: 10, signal: AbortSignal.timeout(cfg.timeoutMs), context: { search: (q) => input.search(q), stage: input.stage ?? null, findSlots: input.findSlots?.bind(input) } },
      );
      const out = AnswerSchema.parse((result as { structuredResponse?: unknown }).structuredResponse);
      return { answer: out.answer, citedChunkIds: out.citations };
    },
  };
}

function buildTools({ tool }: LangchainAgents): unknown[] {
  return [
    tool(async ({ query }, { context }) => JSON.stringify((await context.search(query)).map(chunkView)), {
      name: 'search_guidance',
      description: 'Search the Nestwise guidance for this parent (locale and stage are applied automatically). Returns chunks with chunkId.',
      schema: z.object({ query: z.string().min(1).max(500) }),
    }),
    tool(async (_input, { context }) => JSON.stringify({ stage: context.stage }), {
      name: 'get_stage',
      description: "The child's or pregnancy's stage for this conversation.",
      schema: z.object({}),
    }),
    tool(async ({ specialty }, { context }) => JSON.stringify(context.findSlots ? await context.findSlots(specialty) : []), {
      name: 'find_slots',
      description: 'Open clinician slots for a specialty.',
      schema: z.object({ specialty: z.enum(['paediatrics', 'obstetrics', 'lactation', 'mental_health', 'nutrition']) }),
    }),
    tool(
      // The model may pick a slot to propose; the parent confirms it with contact details
      // and consent in the booking flow, so nothing is held without them.
      async ({ slotId }) => JSON.stringify({ proposed: slotId, note: 'The parent confirms this slot with their contact details in the booking flow.' }),
      {
        name: 'hold_booking',
        description: 'Propose a specific slot to the parent; they confirm it in the booking flow.',
        schema: z.object({ slotId: z.string().min(1) }),
      },
    ),
  ];
}
