import { allNeutralSentences, isFormulaType } from './phrases.js';
import { renderDoc } from './render.js';
import type { Block, Brief, Channel, ContentDoc, Locale, MandatoryId, Market, ProductType } from './types.js';

/**
 * Mandatory elements by channel, product and market, and where they go:
 *  - the ad label opens a commercial post (广告法 Art. 14 and 互联网广告管理办法 Art. 9 in
 *    China; FTC Endorsement Guides in the US: "clear and conspicuous", so at the start;
 *    CAP Code / UCPD in the UK and EU: "Ad");
 *  - notices close the content: results vary where an effect is described, the
 *    health-food notice (广告法 Art. 18), the breastfeeding-first statement wherever
 *    formula is mentioned (WHO Code; 2016/127 Art. 10 in the EU/UK), the special-medical-
 *    food instruction (2020 review measures), and for Chinese medical-device ads the
 *    read-the-instructions statement (Art. 16);
 *  - the explicit AI-generated label is the last line (人工智能生成合成内容标识办法, in force
 *    from 2025-09-01); the implicit metadata travels with every export.
 */

const AD_POST_CHANNELS: Channel[] = ['xiaohongshu_note', 'en_social_post', 'douyin_live_script'];

export function adLabel(market: Market, channel: Channel, locale: Locale): string {
  switch (market) {
    case 'CN':
      return locale === 'en' ? '广告 | Ad' : '广告';
    case 'US': {
      const l = AD_POST_CHANNELS.includes(channel) ? '#ad' : 'Sponsored';
      return locale === 'en' ? l : `${l}（广告）`;
    }
    case 'UK':
    case 'EU':
      return locale === 'en' ? 'Ad' : 'Ad（广告）';
  }
}

export const NOTICE_TEXT: Record<Exclude<MandatoryId, 'ad_label'>, Record<Locale, string>> = {
  results_vary: { 'zh-CN': '效果因人而异。', en: 'Results may vary.' },
  health_food_notice: { 'zh-CN': '本品不能代替药物。', en: 'This product is not a medicine and cannot replace medicines.' },
  breastfeeding_statement: {
    'zh-CN': '母乳是婴儿最理想的食物，提倡母乳喂养。',
    en: 'Breastfeeding is best for babies. Talk to a health professional before deciding to use formula.',
  },
  special_medical_notice: { 'zh-CN': '请在医生或者临床营养师指导下使用。', en: 'Use under the supervision of a doctor or clinical dietitian.' },
  medical_device_notice: {
    'zh-CN': '请仔细阅读产品说明书或者在医务人员的指导下购买和使用。',
    en: 'Read the instructions for use carefully, or buy and use it under the guidance of a medical professional.',
  },
  aigc_label: { 'zh-CN': '本内容由人工智能辅助生成', en: 'AI-generated content' },
};

/**
 * Words that describe what a product does for the person using it. When any of these is
 * in the content, "results may vary" goes with it. Deliberately broad: an unneeded
 * notice costs nothing, a missing one misleads.
 */
const EFFECT_ZH =
  /效果|功效|改善|帮助|有助|促进|缓解|舒缓|舒适|舒服|保湿|滋润|修护|呵护|滋养|吸收|干爽|速干|吸湿|排汗|透气|防漏|防胀气|防呛|减少|减轻|提升|提高|增强|增加|补充(?!剂)|强化|支持|维持|保护|预防|安抚|安睡|好睡|清爽|干净|洁净|不闷|不红|更(?:舒|安|好|容易|轻松)|让(?:宝宝|孩子|妈妈)/u;
const EFFECT_EN =
  /\b(?:effect|effective|helps?|helping|helped|supports?|supporting|improv\w*|sooth\w*|calm\w*|moistur\w*|hydrat\w*|nourish\w*|absorb\w*|keeps?\b[^.]{0,30}\bdry|breathab\w*|leak\w*|reduc\w*|relie\w*|boost\w*|strengthen\w*|enhanc\w*|protect\w*|prevent\w*|promot\w*|comfort\w*|gentle|softer|smooth\w*|easier|better|settle\w*)\b/iu;

export function describesEffect(text: string, locale: Locale): boolean {
  return locale === 'en' ? EFFECT_EN.test(text) || EFFECT_ZH.test(text) : EFFECT_ZH.test(text) || EFFECT_EN.test(text);
}

const FORMULA_WORDS = /奶粉|配方奶|配方粉|配方乳|婴儿配方|formula|infant milk|follow-on milk|growing-up milk/iu;

export function mentionsFormula(text: string, productType: ProductType): boolean {
  return isFormulaType(productType) || FORMULA_WORDS.test(text);
}

export interface MandatoryElement {
  id: MandatoryId;
  text: string;
  present: boolean;
}

export interface MandatoryContext {
  channel: Channel;
  locale: Locale;
  market: Market;
  productType: ProductType;
  commercial: boolean;
}

export function mandatoryContext(b: Brief): MandatoryContext {
  return { channel: b.channel, locale: b.locale, market: b.market, productType: b.productType, commercial: b.commercial };
}

/**
 * Which elements this text needs, given what it says (`content` is the text without
 * the mandatory elements themselves, so a notice does not trigger itself).
 */
export function requiredElements(ctx: MandatoryContext, content: string): { id: MandatoryId; text: string }[] {
  const out: { id: MandatoryId; text: string }[] = [];
  // the writer's own handling advice ("把奶瓶清洗干净") is not a product effect
  for (const n of NEUTRAL) if (content.includes(n)) content = content.split(n).join('');
  if (ctx.commercial) out.push({ id: 'ad_label', text: adLabel(ctx.market, ctx.channel, ctx.locale) });
  if (describesEffect(content, ctx.locale)) out.push({ id: 'results_vary', text: NOTICE_TEXT.results_vary[ctx.locale] });
  if (ctx.productType === 'health_food') out.push({ id: 'health_food_notice', text: NOTICE_TEXT.health_food_notice[ctx.locale] });
  if (mentionsFormula(content, ctx.productType)) out.push({ id: 'breastfeeding_statement', text: NOTICE_TEXT.breastfeeding_statement[ctx.locale] });
  if (ctx.productType === 'special_medical_food') out.push({ id: 'special_medical_notice', text: NOTICE_TEXT.special_medical_notice[ctx.locale] });
  // 广告法 Art. 16: a Chinese medical-device ad must tell people to read the instructions
  if (ctx.productType === 'medical_device' && ctx.market === 'CN') out.push({ id: 'medical_device_notice', text: NOTICE_TEXT.medical_device_notice[ctx.locale] });
  out.push({ id: 'aigc_label', text: NOTICE_TEXT.aigc_label[ctx.locale] });
  return out;
}

const NEUTRAL = allNeutralSentences();

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether an element is in a finished text: the ad label on the first line, the rest anywhere. */
export function elementPresent(id: MandatoryId, text: string, body: string): boolean {
  const b = squash(body);
  if (id === 'ad_label') {
    const first = body.trimStart().split('\n')[0] ?? '';
    return squash(first).includes(squash(text));
  }
  return b.includes(squash(text));
}

/** Every known mandatory text, for stripping them before measuring length or similarity. */
export function allMandatoryTexts(): string[] {
  const out = new Set<string>();
  for (const v of Object.values(NOTICE_TEXT)) for (const t of Object.values(v)) out.add(t);
  for (const m of ['CN', 'US', 'UK', 'EU'] as Market[])
    for (const c of ['xiaohongshu_note', 'wechat_article'] as Channel[]) for (const l of ['zh-CN', 'en'] as Locale[]) out.add(adLabel(m, c, l));
  return [...out].sort((a, b) => b.length - a.length);
}

export function stripMandatory(text: string): string {
  let t = text;
  for (const m of allMandatoryTexts()) {
    if (m.length < 3) {
      // short labels (Ad, #ad, 广告) only count on a line of their own
      t = t.replace(new RegExp(`^\\s*${m.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')}\\s*$`, 'gmu'), '');
    } else t = t.split(m).join('');
  }
  return t;
}

/**
 * Adds whatever is missing to the document, in its place. Returns the ids added. Runs
 * after revision, so nothing the checker objected to can remove a label again.
 */
export function addMandatory(doc: ContentDoc, ctx: MandatoryContext): MandatoryId[] {
  const content = renderDoc(doc, ctx.locale, { skipMandatory: true }).body;
  const body = renderDoc(doc, ctx.locale).body;
  const added: MandatoryId[] = [];
  for (const el of requiredElements(ctx, content)) {
    if (elementPresent(el.id, el.text, body)) continue;
    added.push(el.id);
    if (el.id === 'ad_label') {
      doc.blocks.unshift({ kind: 'label', id: 'ad_label', text: el.text, mandatory: 'ad_label' });
    } else if (el.id === 'aigc_label') {
      doc.blocks.push({ kind: 'aigc', id: 'aigc_label', text: el.text, mandatory: 'aigc_label' });
    } else {
      const block: Block = { kind: 'notice', id: el.id, text: el.text, mandatory: el.id };
      // notices go after the content and before the AI label
      const aigcAt = doc.blocks.findIndex((b) => b.kind === 'aigc');
      if (aigcAt >= 0) doc.blocks.splice(aigcAt, 0, block);
      else doc.blocks.push(block);
    }
  }
  return added;
}

/** Element status of a finished text (for drafts edited by hand, whose structure is gone). */
export function mandatoryStatus(ctx: MandatoryContext, title: string | undefined, body: string): MandatoryElement[] {
  const content = stripMandatory(`${title ?? ''}\n${body}`);
  return requiredElements(ctx, content).map((el) => ({ ...el, present: elementPresent(el.id, el.text, body) }));
}
