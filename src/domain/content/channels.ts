import type { Channel, LengthBand, Locale } from './types.js';

/**
 * Length bands per channel, set to what each format carries in practice and what a
 * brief of a few facts can honestly fill (the offline writer adds no claims of its own,
 * so a long format needs a brief with more facts). Chinese is counted in characters (what the platforms count),
 * English in words; a livestream script is measured by its running time in seconds.
 * The bands apply to the written content, not to the mandatory labels and notices the
 * pipeline adds, so a short post does not fail its band because of the law's wording.
 */
export interface Band {
  min: number;
  max: number;
  unit: 'chars' | 'words' | 'seconds';
}

type Bands = Record<LengthBand, [number, number]>;

const TEXT_BANDS: Record<Exclude<Channel, 'douyin_live_script'>, Record<Locale, Bands>> = {
  // Xiaohongshu caps a note at 1,000 characters.
  xiaohongshu_note: { 'zh-CN': { short: [80, 250], medium: [200, 500], long: [350, 900] }, en: { short: [40, 120], medium: [100, 250], long: [200, 450] } },
  wechat_article: { 'zh-CN': { short: [250, 700], medium: [500, 1200], long: [700, 2000] }, en: { short: [120, 400], medium: [250, 700], long: [380, 1200] } },
  product_detail: { 'zh-CN': { short: [100, 350], medium: [250, 600], long: [350, 1000] }, en: { short: [60, 180], medium: [140, 350], long: [180, 600] } },
  en_social_post: { 'zh-CN': { short: [40, 150], medium: [100, 300], long: [200, 500] }, en: { short: [20, 80], medium: [50, 150], long: [120, 280] } },
  en_email: { 'zh-CN': { short: [120, 350], medium: [250, 550], long: [400, 900] }, en: { short: [60, 160], medium: [120, 280], long: [200, 450] } },
};

/** Livestream scripts: one product's block within a longer show. */
const LIVE_BANDS: Bands = { short: [180, 600], medium: [600, 1200], long: [1200, 2400] };

export function lengthBand(channel: Channel, locale: Locale, length: LengthBand): Band {
  if (channel === 'douyin_live_script') {
    const [min, max] = LIVE_BANDS[length];
    return { min, max, unit: 'seconds' };
  }
  const [min, max] = TEXT_BANDS[channel][locale][length];
  return { min, max, unit: locale === 'en' ? 'words' : 'chars' };
}

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD_RE = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** Characters as Chinese platforms count them: everything but whitespace. */
export function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export function countWords(text: string): number {
  return (text.match(LATIN_WORD_RE) ?? []).length + (text.match(CJK_RE) ?? []).length;
}

export function measure(text: string, unit: 'chars' | 'words'): number {
  return unit === 'chars' ? countChars(text) : countWords(text);
}

/**
 * Seconds it takes to say a line on a livestream: about 4 Chinese characters or 2.5
 * English words a second (a brisk but clear host).
 */
export function speechSeconds(text: string, locale: Locale): number {
  return locale === 'en' ? countWords(text) / 2.5 : countChars(text) / 4;
}

/** Livestream pacing rules (see the content studio notes in the API description). */
export const LIVE_RULES = {
  /** The product must be on screen within the first three minutes. */
  productWithinSec: 180,
  /** No single product segment runs longer than 90 s: viewers leave. */
  maxProductSegmentSec: 90,
  /** An interaction beat (question, poll, reply to comments) at least every ten minutes. */
  interactionEverySec: 600,
} as const;

/** Title limits: Xiaohongshu shows at most 20 characters; an e-mail subject line stays short. */
export const TITLE_MAX: Partial<Record<Channel, number>> = { xiaohongshu_note: 20, en_email: 80, wechat_article: 64, product_detail: 60 };
