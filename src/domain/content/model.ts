import { z } from 'zod';
import type { Block, Brief, ContentDoc, Locale, SegmentKind } from './types.js';
import type { RewriteItem } from './revise.js';

/**
 * What the pipeline needs from a language model. The adapter (LangChain's ChatOpenAI over
 * any OpenAI-compatible endpoint) lives in ./langchain-model.ts; tests and evals can hand
 * in anything with this shape. Any error makes the pipeline fall back to the offline
 * writer (generation) or the offline reviser (revision).
 */
export interface ContentModel {
  /** Model name and prompt version, stored with the draft. */
  readonly model: string;
  readonly promptVersion: string;
  /** The longest one call may take; the pipeline skips the model when its time budget is shorter. */
  readonly timeoutMs?: number;
  generate(brief: Brief): Promise<ContentDoc>;
  rewrite(input: { locale: Locale; items: RewriteItem[] }): Promise<{ id: string; text: string }[]>;
}

const BLOCK_KINDS = ['hook', 'lead', 'paragraph', 'section', 'list', 'specs', 'cta', 'preheader', 'segment'] as const;
const SEGMENT_KINDS = ['opening', 'product', 'interaction', 'qa', 'closing'] as const;

/** The JSON a model must return for a draft; anything else is rejected (and falls back). */
export const ModelDocSchema = z.object({
  title: z.string().max(200).optional(),
  blocks: z
    .array(
      z.object({
        kind: z.enum(BLOCK_KINDS),
        heading: z.string().max(200).optional(),
        text: z.string().max(4000).optional(),
        items: z.array(z.string().max(1000)).max(30).optional(),
        segmentKind: z.enum(SEGMENT_KINDS).optional(),
      }),
    )
    .min(1)
    .max(80),
  tags: z.array(z.string().max(40)).max(10).default([]),
});

export const ModelRewriteSchema = z.object({
  rewrites: z.array(z.object({ id: z.string(), text: z.string().max(4000) })),
});

/** Pulls the first JSON object out of a model reply (tolerating ```json fences and chatter). */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(text);
  const src = fenced ? fenced[1]! : text;
  const start = src.indexOf('{');
  const end = src.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error('model reply has no JSON object');
  return JSON.parse(src.slice(start, end + 1));
}

/** Turns a validated model reply into a document; livestream timing is computed later. */
export function docFromModel(raw: unknown, brief: Brief): ContentDoc {
  const parsed = ModelDocSchema.parse(raw);
  const live = brief.channel === 'douyin_live_script';
  const blocks: Block[] = parsed.blocks
    .filter((b) => (b.text && b.text.trim()) || b.items?.length || (b.heading && b.heading.trim()))
    .map((b, i) => {
      const kind = live ? 'segment' : b.kind === 'segment' ? 'paragraph' : b.kind;
      const block: Block = { kind, id: `m${i + 1}` };
      if (b.heading?.trim()) block.heading = b.heading.trim();
      if (b.text?.trim()) block.text = b.text.trim();
      if (b.items?.length) block.items = b.items.map((s) => s.trim()).filter(Boolean);
      if (live) {
        const sk: SegmentKind = b.segmentKind ?? (i === 0 ? 'opening' : 'product');
        block.segment = { kind: sk, startSec: 0, endSec: 0 };
        block.heading ??= sk;
      }
      return block;
    });
  if (!blocks.length) throw new Error('model reply has no content');
  const tags = parsed.tags.map((t) => t.replace(/^[#＃]+/u, '').trim()).filter(Boolean);
  return { ...(parsed.title?.trim() ? { title: parsed.title.trim() } : {}), blocks, tags };
}
