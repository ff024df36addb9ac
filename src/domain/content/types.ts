import { z } from 'zod';
import { CHANNELS, PRODUCT_TYPES, MARKETS, type Channel, type ProductType, type Market } from '../taxonomy.js';
export { CHANNELS, PRODUCT_TYPES, MARKETS, type Channel, type ProductType, type Market };

/** Identifiers from the shared taxonomy (docs: /spec/taxonomy.md). Never rename one. */

import { STAGES, type Stage } from '../stage/stages.js';
export { STAGES, type Stage };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TONES = ['warm', 'professional', 'playful', 'calm'] as const;
export type Tone = (typeof TONES)[number];

export const LENGTHS = ['short', 'medium', 'long'] as const;
export type LengthBand = (typeof LENGTHS)[number];

export const DRAFT_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const REVIEW_STAGES = ['content', 'compliance', 'business'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const REVIEWER_ROLES = ['writer', 'compliance_reviewer', 'business_approver'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Which role decides which stage; stages are decided in REVIEW_STAGES order. */
export const STAGE_ROLE: Record<ReviewStage, ReviewerRole> = {
  content: 'writer',
  compliance: 'compliance_reviewer',
  business: 'business_approver',
};

/**
 * One product fact. A plain string is accepted (the public contract's `facts: string[]`);
 * the object form lets the brief carry the evidence behind a number or a test result,
 * which the offline writer then quotes next to the fact so the claim stays sourced.
 */
export const FactSchema = z.union([
  z.string().trim().min(1, 'must not be empty').max(300),
  z.object({
    text: z.string().trim().min(1, 'must not be empty').max(300),
    evidence: z.string().trim().min(1).max(300).optional(),
    source: z.string().trim().min(1).max(200).optional(),
  }),
]);
export type FactInput = z.infer<typeof FactSchema>;

export const BriefSchema = z.object({
  channel: z.enum(CHANNELS),
  locale: z.enum(LOCALES).optional(),
  market: z.enum(MARKETS).optional(),
  productType: z.enum(PRODUCT_TYPES),
  product: z.object({
    name: z.string().trim().min(1, 'must not be empty').max(60),
    brand: z.string().trim().min(1).max(40).optional(),
    ageRange: z.string().trim().min(1).max(40).optional(),
    formulaStage: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    facts: z.array(FactSchema).min(1, 'give at least one fact').max(20),
  }),
  audienceStage: z.enum(STAGES).optional(),
  tone: z.enum(TONES).optional(),
  length: z.enum(LENGTHS).optional(),
  commercial: z.boolean().optional(),
});
export type BriefInput = z.infer<typeof BriefSchema>;

export interface Fact {
  text: string;
  evidence?: string;
  source?: string;
}

/** A brief with every default applied: what the generators and the pipeline work from. */
export interface Brief {
  channel: Channel;
  locale: Locale;
  market: Market;
  productType: ProductType;
  product: { name: string; brand?: string; ageRange?: string; formulaStage?: 1 | 2 | 3; facts: Fact[] };
  audienceStage?: Stage;
  tone: Tone;
  length: LengthBand;
  commercial: boolean;
}

/**
 * Defaults: English channels write in English for the US unless told otherwise; every
 * other channel writes zh-CN for China (the primary market). A brief is commercial unless
 * it says it is not, because under-labelling an ad is the costlier mistake.
 */
export function normalizeBrief(input: BriefInput): Brief {
  const enChannel = input.channel.startsWith('en_');
  const locale: Locale = input.locale ?? (enChannel ? 'en' : 'zh-CN');
  const market: Market = input.market ?? (locale === 'en' ? 'US' : 'CN');
  return {
    channel: input.channel,
    locale,
    market,
    productType: input.productType,
    product: {
      name: input.product.name,
      ...(input.product.brand ? { brand: input.product.brand } : {}),
      ...(input.product.ageRange ? { ageRange: input.product.ageRange } : {}),
      ...(input.product.formulaStage ? { formulaStage: input.product.formulaStage } : {}),
      facts: input.product.facts.map((f) => (typeof f === 'string' ? { text: f } : { ...f })),
    },
    ...(input.audienceStage ? { audienceStage: input.audienceStage } : {}),
    tone: input.tone ?? 'warm',
    length: input.length ?? 'medium',
    commercial: input.commercial ?? true,
  };
}

/** A finding and a verdict exactly as the compliance checker reports them. */
import type { Finding } from '../compliance/types.js';
import type { Verdict } from '../taxonomy.js';
export type { Finding, Verdict };

/** A finding on a draft: offsets are into the named field (title or body), UTF-16 code units. */
export interface DraftFinding extends Finding {
  field: 'title' | 'body';
}

/**
 * The structured draft every generator produces and the pipeline edits. The body string
 * is always rendered from this, so revisions keep the channel's structure.
 */
export type BlockKind =
  | 'label' // ad disclosure, first line
  | 'preheader'
  | 'hook'
  | 'lead'
  | 'paragraph'
  | 'section'
  | 'list'
  | 'specs'
  | 'cta'
  | 'segment'
  | 'notice' // mandatory notices (results vary, health food, breastfeeding, special medical food)
  | 'aigc'; // the explicit AI-generated label, last line

export type SegmentKind = 'opening' | 'product' | 'interaction' | 'qa' | 'notice' | 'closing';

export interface Block {
  kind: BlockKind;
  /** Stable id, so padding and mandatory elements know what is already there. */
  id: string;
  heading?: string;
  text?: string;
  items?: string[];
  /** Livestream segments: timing in seconds from the start of the show. */
  segment?: { kind: SegmentKind; startSec: number; endSec: number };
  /** Set on blocks the mandatory-elements step added. */
  mandatory?: MandatoryId;
}

export interface ContentDoc {
  title?: string;
  blocks: Block[];
  tags: string[];
}

export type MandatoryId =
  | 'ad_label'
  | 'results_vary'
  | 'health_food_notice'
  | 'breastfeeding_statement'
  | 'special_medical_notice'
  | 'medical_device_notice'
  | 'aigc_label';

export interface ImplicitAigc {
  contentAttribute: 'AIGC';
  provider: 'Nestwise';
  contentId: string;
  model: string;
  generatedAt: string;
}
