import type { Category, Channel, LocalText, Market, ProductType, Severity } from '../types.js';

/**
 * Rule packs are data. A pack is a market's list of rules plus the term groups they read.
 * The engine (../engine.ts) compiles every group of a pack into ONE automaton at module
 * load and evaluates rules over the hits; rules never scan the text themselves.
 */

/** What kind of absolute term a pattern is; decides which SAMR-guide exemptions apply. */
export type TermKind =
  | 'quality' // 最安全, 最温和: about the product; self-comparison and livestream downgrade apply
  | 'efficacy' // 最有效, 效果最好: never exempted on medical / health-food / special-medical products
  | 'rank' // 销量第一, No.1, best-selling: review when bounded in time and place AND sourced
  | 'global' // 全网最, 史上最: sweeping comparisons, no exemption
  | 'price' // 全网最低价
  | 'soft' // 最爱, 最喜欢: subjective; review in commercial copy, nothing in non-commercial copy
  | 'puffery' // "best" in US/EU/UK copy: obvious puffery, advisory only
  | 'slang'; // 天花板, 吊打, 界的爱马仕: internet superlatives, review

export interface TermSpec {
  /** the term as written in copy; normalised by the engine like the text */
  t: string;
  kind?: TermKind;
  /** severity for this term instead of the rule's */
  sev?: Severity;
  /** replacement for the matched span that makes no new claim (often: the term without its superlative) */
  rep?: string;
  /**
   * 最好 is an adverb in advice (最好遵医嘱, 最好循序渐进) and an adjective in claims (最好的);
   * 最佳 before a usage noun (最佳保温时间) is an instruction. The `usage` modifier reads this.
   */
  usage?: 'adverb' | 'optimal';
  /** word-boundary override for Latin/digit edges (default: both edges when they are [a-z0-9]) */
  wb?: 'both' | 'left' | 'right' | 'none';
}
export type Term = string | TermSpec;

/** Term groups by name. Names starting with `ctx.` are context (never suppressed by allow-list words). */
export type Groups = Record<string, readonly Term[]>;

export interface Gate {
  productTypes?: readonly ProductType[];
  notProductTypes?: readonly ProductType[];
  /** when productType is absent, does the rule apply? default: only if productTypes is not set */
  unknownProductType?: boolean;
  channels?: readonly Channel[];
  notChannels?: readonly Channel[];
  /** infant formula stage (formulaStage); `unknown` matches an absent stage */
  stages?: readonly (1 | 2 | 3 | 'unknown')[];
}

/**
 * Context modifiers, applied in order to each candidate hit. Each either suppresses the
 * hit, changes its severity, or leaves it; see engine.ts for their exact reading.
 */
export type Mod =
  | 'negation' // a negation right before it in the clause ("不要趴睡", "not intended to treat") → suppress
  | 'edu' // education / see-a-doctor context in the sentence → suppress
  | 'risk' // the sentence warns about a risk ("趴睡会增加猝死风险") → suppress
  | 'breast' // the clause is about breast milk / breastfeeding ("母乳是最好的食物") → suppress
  | 'selfcmp' // comparison with the brand's own previous products → suppress (quality terms)
  | 'guideline' // citing a public guideline ("卫健委《喂养指南》推荐…") → suppress
  | 'live' // douyin livestream, no product reference in the clause → review
  | 'rankBound' // bounded (time + place) and sourced ranking → CN review / elsewhere advisory
  | 'soft' // subjective superlative: review in commercial copy about the product, else suppressed
  | 'usage' // 最好 as an adverb of advice, 最佳 before a usage noun → suppress
  | 'patentNo' // a patent number appears → suppress
  | 'xiaozi' // 消字号 / hygiene-licence number appears → suppress
  | 'educationChannel' // no product reference in the sentence of a wechat article → review
  | 'negationAfter' // "床围不要放进婴儿床": a negation right after the term in the clause → suppress
  | 'commercialOnly' // only in commercial copy (commercial !== false)
  | 'childAddress' // only when the copy speaks to children (小朋友们, kids)
  | 'notAfterVerb'; // the condition already follows a claim verb (祛湿疹宝宝): that finding says it

interface RuleBase {
  id: string;
  category: Category;
  severity: Severity;
  basis: LocalText;
  message: LocalText;
  suggestion: LocalText;
  /** replacement for the whole finding span when the rule has a safe generic one */
  replacement?: LocalText;
  gate?: Gate;
  mods?: readonly Mod[];
}

export interface TermRule extends RuleBase {
  kind: 'term';
  group: string;
}

export interface PairRule extends RuleBase {
  kind: 'pair';
  anchor: string;
  partner: string;
  /** 'forward': partner after the anchor; 'either': on either side */
  order: 'forward' | 'either';
  /** max characters between the two hits (normalised text) */
  gap: number;
  /** 'span': only the gap limits the pair (a question and its answer: 贫血怎么办？吃XX就对了) */
  scope: 'clause' | 'sentence' | 'span';
}

export type CustomKind = 'adDisclosure' | 'bmsPromotion' | 'dataClaims' | 'mandatoryNotice' | 'disguisedHealthAd';

export interface CustomRule extends RuleBase {
  kind: 'custom';
  detector: CustomKind;
  /** detector-specific parameters */
  params?: Record<string, unknown>;
}

export type Rule = TermRule | PairRule | CustomRule;

export interface PackDef {
  market: Market;
  rules: readonly Rule[];
  groups: Groups;
}

export const FORMULA_TYPES = ['infant_formula', 'follow_on_formula', 'growing_up_milk'] as const satisfies readonly ProductType[];
export const FOOD_TYPES = ['infant_formula', 'follow_on_formula', 'growing_up_milk', 'complementary_food', 'health_food', 'special_medical_food'] as const satisfies readonly ProductType[];
export const COSMETIC_TYPES = ['cosmetic', 'children_cosmetic'] as const satisfies readonly ProductType[];
/** products whose efficacy superlatives the SAMR guide never treats as minor */
export const STRICT_TYPES = ['medical_device', 'health_food', 'special_medical_food'] as const satisfies readonly ProductType[];
