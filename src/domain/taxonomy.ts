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
