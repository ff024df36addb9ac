/**
 * Content and compliance identifiers from shared/spec/taxonomy.md, defined once. They are
 * part of the public contract: extend the lists, never rename a value. (Stages, topics
 * and locales live in knowledge/taxonomy.ts.)
 */
export const CHANNELS = ['xiaohongshu_note', 'wechat_article', 'douyin_live_script', 'product_detail', 'en_social_post', 'en_email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRODUCT_TYPES = [
  'infant_formula',
  'follow_on_formula',
  'growing_up_milk',
  'complementary_food',
  'health_food',
  'special_medical_food',
  'cosmetic',
  'children_cosmetic',
  'medical_device',
  'food_contact',
  'diapers_wipes',
  'apparel',
  'toy',
  'education_service',
  'general',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const MARKETS = ['CN', 'US', 'EU', 'UK'] as const;
export type Market = (typeof MARKETS)[number];

export const COMPLIANCE_CATEGORIES = [
  'absolute_claim',
  'medical_claim',
  'breastmilk_substitute',
  'infant_formula_claim',
  'guarantee',
  'unsubstantiated_data',
  'endorsement',
  'disparagement',
  'ad_disclosure',
  'false_or_misleading',
  'minor_protection',
  'aigc_label',
] as const;
export type ComplianceCategory = (typeof COMPLIANCE_CATEGORIES)[number];

export const VERDICTS = ['pass', 'review', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];
