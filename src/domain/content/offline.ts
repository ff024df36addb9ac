import { countChars, lengthBand, measure, TITLE_MAX } from './channels.js';
import { audienceLabel, checklist, generalFaq, labelTips, stageNote, TYPE_LABEL, usageGuidance } from './phrases.js';
import { renderDoc } from './render.js';
import { buildLiveScript } from './live.js';
import type { Block, Brief, ContentDoc, Fact, Locale } from './types.js';

export const OFFLINE_MODEL = 'nestwise-offline-writer-1';

/**
 * The offline writer: real channel structure built only from the brief. It restates the
 * brief's facts (with their evidence or source when given) and adds neutral handling
 * guidance; it never writes a claim, number, ranking or endorsement of its own. Length
 * is fitted to the channel's band by choosing how much neutral material to include.
 */
export function generateOffline(brief: Brief): ContentDoc {
  if (brief.channel === 'douyin_live_script') return buildLiveScript(brief);
  const band = lengthBand(brief.channel, brief.locale, brief.length);
  const facts = brief.product.facts.map((f) => factSentence(f, brief.locale));
  const neutral = neutralMaterial(brief);
  const target = band.min + (band.max - band.min) * 0.3;
  const unit = band.unit === 'words' ? 'words' : 'chars';
  const size = (d: ContentDoc) => measure(renderDoc(d, brief.locale).body, unit);

  // Keep every fact that fits; then add neutral material until the target is reached.
  let nFacts = facts.length;
  while (nFacts > 1 && size(assemble(brief, facts.slice(0, nFacts), [])) > band.max) nFacts--;
  const used = facts.slice(0, nFacts);
  let best = assemble(brief, used, []);
  for (let n = 0; n <= neutral.length; n++) {
    const doc = assemble(brief, used, neutral.slice(0, n));
    const s = size(doc);
    if (s > band.max) break;
    best = doc;
    if (s >= target) break;
  }
  return best;
}

function assemble(brief: Brief, facts: string[], neutral: Neutral[]): ContentDoc {
  switch (brief.channel) {
    case 'xiaohongshu_note':
      return xiaohongshu(brief, facts, neutral);
    case 'wechat_article':
      return wechat(brief, facts, neutral);
    case 'product_detail':
      return productDetail(brief, facts, neutral);
    case 'en_social_post':
      return socialPost(brief, facts, neutral);
    case 'en_email':
      return email(brief, facts, neutral);
    case 'douyin_live_script':
      return buildLiveScript(brief);
  }
}

// ---------------------------------------------------------------- shared pieces

const end = (locale: Locale) => (locale === 'en' ? '.' : '。');

/** A fact as a sentence, with its evidence and source quoted so a number stays sourced. */
export function factSentence(f: Fact, locale: Locale): string {
  let t = f.text.trim().replace(/[。．.!！?？;；,，、\s]+$/u, '');
  if (locale === 'en') {
    t = t.charAt(0).toUpperCase() + t.slice(1);
    if (f.evidence) t += ` (${f.evidence.replace(/[.。]+$/u, '')})`;
    if (f.source) t += ` (source: ${f.source.replace(/[.。]+$/u, '')})`;
  } else {
    if (f.evidence) t += `（依据：${f.evidence.replace(/[.。]+$/u, '')}）`;
    if (f.source) t += `（来源：${f.source.replace(/[.。]+$/u, '')}）`;
  }
  return t + end(locale);
}

function productName(brief: Brief): string {
  const { brand, name } = brief.product;
  if (!brand || name.includes(brand)) return name;
  return brief.locale === 'en' ? `${brand} ${name}` : `${brand}${name}`;
}

function typeLine(brief: Brief): string {
  const label = TYPE_LABEL[brief.locale][brief.productType];
  const stage = brief.product.formulaStage;
  if (brief.locale === 'en') return `Product type: ${label}${stage ? `, stage ${stage}` : ''}.`;
  return `${productName(brief)}属于${label}${stage ? `（${stage}段）` : ''}。`;
}

function ageLine(brief: Brief): string | undefined {
  const age = brief.product.ageRange;
  if (!age) return undefined;
  return brief.locale === 'en' ? `Age range on the pack: ${age}. Check it against your child before buying.` : `包装标注的适用年龄：${age}，购买前请对照孩子的年龄核对。`;
}

/** Neutral material: what the product is, its age range, handling and label-reading advice. */
export interface Neutral {
  kind: 'type' | 'age' | 'stage' | 'usage' | 'label' | 'general' | 'check';
  text: string;
  /** For general advice: the question it answers (an article's FAQ uses it). */
  q?: string;
}

/**
 * Neutral material in the order it is worth adding: what the product is and its age
 * range, a word for the reader's stage, then handling and label-reading tips taken in
 * turn, then general advice.
 */
function neutralMaterial(brief: Brief): Neutral[] {
  const out: Neutral[] = [{ kind: 'type', text: typeLine(brief) }];
  const age = ageLine(brief);
  if (age) out.push({ kind: 'age', text: age });
  const stage = stageNote(brief.locale, brief.audienceStage);
  if (stage) out.push({ kind: 'stage', text: stage });
  const usage = usageGuidance(brief.locale, brief.productType);
  const label = labelTips(brief.locale, brief.productType);
  for (let i = 0; i < Math.max(usage.length, label.length); i++) {
    if (usage[i]) out.push({ kind: 'usage', text: usage[i]! });
    if (label[i]) out.push({ kind: 'label', text: label[i]! });
  }
  for (const g of generalFaq(brief.locale)) out.push({ kind: 'general', text: g.a, q: g.q });
  // the checklist only reads well as a list, so only the article and the e-mail use it
  if (brief.channel === 'wechat_article' || brief.channel === 'en_email') for (const c of checklist(brief.locale)) out.push({ kind: 'check', text: c });
  return out;
}

function fitTitle(candidates: string[], max: number, fallback: string): string {
  for (const c of candidates) if (countChars(c) <= max && c.length <= max + 4) return c;
  if (fallback.length <= max) return fallback;
  // cut at a word boundary for English, anywhere for Chinese
  const cut = fallback.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return sp > max / 2 ? cut.slice(0, sp) : cut;
}

function hashTag(s: string): string {
  return s.replace(/[\s#＃·・,，、。.!！?？:：;；'"“”‘’()（）[\]【】]/gu, '').slice(0, 20);
}

function tagsFor(brief: Brief, extra: string[]): string[] {
  const locale = brief.locale;
  const tags = [brief.product.brand, brief.product.name, TYPE_LABEL[locale][brief.productType], ...extra]
    .filter((t): t is string => !!t)
    .map(hashTag)
    .filter((t) => t.length > 0);
  const unique = [...new Set(tags)];
  // platforms surface notes by topic: make sure there are at least three tags
  for (const filler of locale === 'en' ? ['parenting', 'baby'] : ['育儿', '母婴']) if (unique.length < 3 && !unique.includes(filler)) unique.push(filler);
  return unique.slice(0, 6);
}

function stageTag(brief: Brief): string[] {
  if (!brief.audienceStage) return [];
  const l = brief.locale === 'en' ? { pregnancy: 'pregnancy', baby: 'parenting' } : { pregnancy: '孕期', baby: '育儿' };
  return [brief.audienceStage.startsWith('pregnancy') || brief.audienceStage === 'preconception' ? l.pregnancy : l.baby];
}

function cta(brief: Brief, where: 'page' | 'comments' | 'email'): string {
  const en = brief.locale === 'en';
  if (!brief.commercial) {
    return en ? 'Questions? Share them in the comments.' : '有问题欢迎在评论区交流。';
  }
  if (where === 'email') return en ? 'See the full label and ingredients on the product page.' : '点击下方按钮，查看完整的产品标签和配料信息。';
  return en ? 'Tap through to the product page for the full label and ingredients.' : '想看完整的配料和标签信息，可以点开商品页查看。';
}

// ---------------------------------------------------------------- channels

function groupInto<T>(items: T[], groups: number): T[][] {
  const out: T[][] = Array.from({ length: groups }, () => []);
  items.forEach((it, i) => out[Math.min(groups - 1, Math.floor((i * groups) / items.length))]!.push(it));
  return out.filter((g) => g.length);
}

/** Xiaohongshu: short title (≤ 20 characters, one emoji at most), hook, 3–6 short paragraphs, tags. */
function xiaohongshu(brief: Brief, facts: string[], neutral: Neutral[]): ContentDoc {
  const en = brief.locale === 'en';
  const sep = en ? ' ' : '';
  const name = brief.product.name;
  const aud = audienceLabel(brief.locale, brief.audienceStage);
  const titles = en
    ? { warm: [`${name}: the facts`, name], professional: [`${name}: key facts`, name], playful: [`${name} ✨`, name], calm: [`About ${name}`, name] }
    : {
        warm: [`${name}要点整理`, `${name}要点`],
        professional: [`${name}产品信息整理`, `${name}信息整理`],
        playful: [`${name}要点来啦✨`, `${name}✨`],
        calm: [`关于${name}`, name],
      };
  const hooks = en
    ? {
        warm: `For ${aud}: the key facts about ${name}, all in one place 👇`,
        professional: `Here is what the product information says about ${name}, point by point.`,
        playful: `${aud.charAt(0).toUpperCase() + aud.slice(1)}, this one's for you ✨ ${name} in a nutshell:`,
        calm: `A short summary of ${name}, from the brand's product information.`,
      }
    : {
        warm: `给${aud}整理了${name}的产品要点，收藏慢慢看👇`,
        professional: `${name}的产品信息按要点整理如下，方便${aud}对照标签查看。`,
        playful: `${aud}看过来～${name}的要点一次说清✨`,
        calm: `关于${name}，把产品资料里的几个要点简单整理一下。`,
      };
  // 3–6 paragraphs: each fact its own paragraph while there is room, neutral material
  // shares the rest; never fewer than three paragraphs.
  const texts = neutral.map((n) => n.text);
  let factParas: string[][];
  let neutralParas: string[][];
  if (facts.length >= 6 || (facts.length >= 5 && texts.length)) {
    factParas = groupInto(facts, texts.length ? 5 : 6);
    neutralParas = texts.length ? [texts] : [];
  } else {
    factParas = facts.map((f) => [f]);
    const room = Math.max(3 - factParas.length, Math.min(6 - factParas.length, Math.ceil(texts.length / 2)));
    neutralParas = texts.length ? groupInto(texts, Math.max(1, room)) : [];
  }
  const blocks: Block[] = [{ kind: 'hook', id: 'hook', text: hooks[brief.tone] }];
  factParas.forEach((g, i) => blocks.push({ kind: 'paragraph', id: `p${i + 1}`, text: '📌 ' + g.join(sep) }));
  neutralParas.forEach((g, i) => blocks.push({ kind: 'paragraph', id: `n${i + 1}`, text: g.join(sep) }));
  blocks.push({ kind: 'cta', id: 'cta', text: cta(brief, 'page') });
  return {
    title: fitTitle(titles[brief.tone], TITLE_MAX.xiaohongshu_note ?? 20, name),
    blocks,
    tags: tagsFor(brief, stageTag(brief)),
  };
}

/** WeChat article: title, lead, sections with subheadings. */
function wechat(brief: Brief, facts: string[], neutral: Neutral[]): ContentDoc {
  const en = brief.locale === 'en';
  const sep = en ? ' ' : '';
  const full = productName(brief);
  const aud = audienceLabel(brief.locale, brief.audienceStage);
  const h = en
    ? { about: `What ${brief.product.name} is`, facts: 'The key facts', use: 'Using it well', label: 'Reading the label', faq: 'Questions parents ask', recap: 'In short' }
    : { about: `${brief.product.name}是什么`, facts: '产品要点', use: '使用提示', label: '怎么看标签', faq: '家长常问', recap: '写在最后' };
  const lead = en
    ? {
        warm: `Choosing products for ${STAGE_OR(brief, 'your family')} takes time. This article gathers what the product information says about ${full}, so ${aud} can read it in one sitting.`,
        professional: `This article summarises the product information for ${full} for ${aud}: what it is, the stated facts, and how to use it.`,
        playful: `Got five minutes? Here is everything the product information says about ${full}, made easy for ${aud}.`,
        calm: `Below is a plain summary of ${full} for ${aud}, taken from the brand's product information.`,
      }
    : {
        warm: `给孩子挑东西总要多花些心思。这篇把${full}的产品资料整理在一起，方便${aud}一次看完。`,
        professional: `本文面向${aud}，整理${full}的产品信息：它是什么、产品资料列出的要点，以及使用时需要留意的地方。`,
        playful: `花五分钟，把${full}的产品资料一次看明白～本文专为${aud}整理。`,
        calm: `下面把${full}的产品资料做一个平实的整理，供${aud}参考。`,
      };
  const of = (k: Neutral['kind']) => neutral.filter((n) => n.kind === k);
  const blocks: Block[] = [{ kind: 'lead', id: 'lead', text: lead[brief.tone] }];
  const about = [...of('type'), ...of('stage')].map((n) => n.text);
  blocks.push({ kind: 'section', id: 'about', heading: h.about, text: (about.length ? about : [typeLine(brief)]).join(sep) });
  blocks.push({ kind: 'section', id: 'facts', heading: h.facts, items: facts });
  const usage = of('usage').map((n) => n.text);
  if (usage.length) blocks.push({ kind: 'section', id: 'use', heading: h.use, text: usage.join(sep) });
  const label = of('label').map((n) => n.text);
  if (label.length) blocks.push({ kind: 'section', id: 'label', heading: h.label, items: label });
  const faq: string[] = [];
  for (const n of of('age')) faq.push(en ? `How old should my child be? ${n.text}` : `适合多大的孩子？${n.text}`);
  for (const n of of('general')) faq.push(`${n.q ?? ''}${en ? ' ' : ''}${n.text}`);
  if (faq.length) blocks.push({ kind: 'section', id: 'faq', heading: h.faq, items: faq });
  const checks = of('check').map((n) => n.text);
  if (checks.length) blocks.push({ kind: 'section', id: 'checklist', heading: en ? 'Before you buy: a checklist' : '购买前的小清单', items: checks });
  const recap = en
    ? `To recap, the product information for ${full} lists ${facts.length} key fact${facts.length === 1 ? '' : 's'}: ${facts.map((f) => f.replace(/\.$/, '')).join('; ')}. Read the label before use, and ask a professional when in doubt.`
    : `回顾一下，${full}的产品资料列出了${facts.length}个要点：${facts.map((f) => f.replace(/。$/, '')).join('；')}。使用前请阅读标签，有疑问时先咨询专业人士。`;
  blocks.push({ kind: 'section', id: 'recap', heading: h.recap, text: recap });
  blocks.push({ kind: 'cta', id: 'cta', text: cta(brief, 'page') });
  const title = en
    ? { warm: `${full}: what parents should know`, professional: `${full}: product facts at a glance`, playful: `${full}, explained simply`, calm: `About ${full}` }
    : { warm: `${full}：给${aud}的一份资料整理`, professional: `${full}产品信息整理`, playful: `一文看懂${full}`, calm: `关于${full}` };
  return { title: fitTitle([title[brief.tone]], TITLE_MAX.wechat_article ?? 64, full), blocks, tags: [] };
}

function STAGE_OR(brief: Brief, fallback: string): string {
  return brief.audienceStage ? audienceLabel('en', brief.audienceStage).replace(/^parents of /, '') : fallback;
}

/** Product detail page: selling points, specs, usage, label reading, notices. */
function productDetail(brief: Brief, facts: string[], neutral: Neutral[]): ContentDoc {
  const en = brief.locale === 'en';
  const full = productName(brief);
  const specs: string[] = en
    ? [`Product: ${brief.product.name}`, ...(brief.product.brand ? [`Brand: ${brief.product.brand}`] : []), `Type: ${TYPE_LABEL.en[brief.productType]}`]
    : [`品名：${brief.product.name}`, ...(brief.product.brand ? [`品牌：${brief.product.brand}`] : []), `类型：${TYPE_LABEL['zh-CN'][brief.productType]}`];
  if (brief.product.formulaStage) specs.push(en ? `Stage: ${brief.product.formulaStage}` : `段位：${brief.product.formulaStage}段`);
  if (brief.product.ageRange) specs.push(en ? `Age range: ${brief.product.ageRange}` : `适用年龄：${brief.product.ageRange}`);
  const of = (k: Neutral['kind']) => neutral.filter((n) => n.kind === k).map((n) => n.text);
  const blocks: Block[] = [
    { kind: 'list', id: 'points', heading: en ? 'Highlights' : '产品卖点', items: facts },
    { kind: 'specs', id: 'specs', heading: en ? 'Specifications' : '规格参数', items: specs },
  ];
  const usage = of('usage');
  blocks.push({ kind: 'list', id: 'usage', heading: en ? 'How to use' : '使用方法', items: usage.length ? usage : [en ? 'Use it as the label and leaflet say.' : '请按产品标签和说明书使用。'] });
  const label = of('label');
  if (label.length) blocks.push({ kind: 'list', id: 'label', heading: en ? 'On the label' : '标签信息', items: label });
  const notices = [...of('stage'), ...of('general')];
  blocks.push({ kind: 'list', id: 'notices', heading: en ? 'Please note' : '注意事项', items: notices.length ? notices : [generalFaq(brief.locale)[1]!.a] });
  const titles = [brief.product.ageRange ? `${full} ${brief.product.ageRange}` : full];
  return { title: fitTitle(titles, TITLE_MAX.product_detail ?? 60, full), blocks, tags: [] };
}

/** Social post: hook, short paragraphs, call to action, hashtags. */
function socialPost(brief: Brief, facts: string[], neutral: Neutral[]): ContentDoc {
  const en = brief.locale === 'en';
  const sep = en ? ' ' : '';
  const full = productName(brief);
  const aud = audienceLabel(brief.locale, brief.audienceStage);
  const hook = en
    ? {
        warm: `A quick one for ${aud}: here is what you should know about ${full}.`,
        professional: `${full}: the key facts from the product information.`,
        playful: `Hey ${aud}! ${full} in a few lines ✨`,
        calm: `Some facts about ${full}, for ${aud}.`,
      }
    : {
        warm: `给${aud}简单说说${full}。`,
        professional: `${full}：产品资料要点。`,
        playful: `${aud}看过来✨ 几句话说清${full}！`,
        calm: `关于${full}的几个要点，供${aud}参考。`,
      };
  const texts = neutral.map((n) => n.text);
  const factParas = groupInto(facts, Math.min(facts.length, texts.length ? 3 : 4));
  const blocks: Block[] = [{ kind: 'hook', id: 'hook', text: hook[brief.tone] }];
  factParas.forEach((g, i) => blocks.push({ kind: 'paragraph', id: `p${i + 1}`, text: g.join(sep) }));
  if (texts.length) blocks.push({ kind: 'paragraph', id: 'n1', text: texts.join(sep) });
  blocks.push({ kind: 'cta', id: 'cta', text: cta(brief, 'page') });
  return { blocks, tags: tagsFor(brief, stageTag(brief)).slice(0, 4) };
}

/** E-mail: subject (the title), preheader, greeting, body, call to action, sign-off. */
function email(brief: Brief, facts: string[], neutral: Neutral[]): ContentDoc {
  const en = brief.locale === 'en';
  const sep = en ? ' ' : '';
  const full = productName(brief);
  const aud = audienceLabel(brief.locale, brief.audienceStage);
  const subject = en ? `${full}: the key facts` : `${full}：产品要点`;
  const pre = en ? `What the product information says, in ${facts.length} point${facts.length === 1 ? '' : 's'}.` : `产品资料里的${facts.length}个要点，一封邮件看完。`;
  const intro = en
    ? {
        warm: `Hi there,\n\nWe know choosing for ${STAGE_OR(brief, 'your family')} takes care, so here is a short summary of ${full}.`,
        professional: `Hello,\n\nBelow is a summary of the product information for ${full}, written for ${aud}.`,
        playful: `Hi there!\n\nGot a minute? Here's ${full} in a nutshell.`,
        calm: `Hello,\n\nHere is a brief summary of ${full}.`,
      }
    : {
        warm: `你好，\n\n给孩子挑选用品总要多一分细心，这封邮件把${full}的要点整理好了。`,
        professional: `您好，\n\n以下是${full}的产品信息摘要，供${aud}参考。`,
        playful: `嗨～\n\n花一分钟，看看${full}的要点吧！`,
        calm: `您好，\n\n下面简单介绍${full}。`,
      };
  const blocks: Block[] = [
    { kind: 'preheader', id: 'preheader', text: pre },
    { kind: 'lead', id: 'intro', text: intro[brief.tone] },
    { kind: 'list', id: 'facts', heading: en ? 'Key facts' : '产品要点', items: facts },
  ];
  const of = (k: Neutral['kind'][]) => neutral.filter((n) => k.includes(n.kind)).map((n) => n.text);
  const about = of(['type', 'age', 'stage']);
  if (about.length) blocks.push({ kind: 'section', id: 'about', heading: en ? 'Good to know' : '温馨提示', text: about.join(sep) });
  const tips = of(['usage', 'label', 'general']);
  if (tips.length) blocks.push({ kind: 'list', id: 'tips', heading: en ? 'Tips' : '使用和选购提示', items: tips });
  const checks = of(['check']);
  if (checks.length) blocks.push({ kind: 'list', id: 'checklist', heading: en ? 'Before you buy' : '购买前看一看', items: checks });
  blocks.push({ kind: 'cta', id: 'cta', text: cta(brief, 'email') });
  const brand = brief.product.brand;
  blocks.push({ kind: 'paragraph', id: 'signoff', text: en ? `Best wishes,\n${brand ? `The ${brand} team` : 'The team'}` : `祝好，\n${brand ? `${brand}团队` : '团队'}` });
  return { title: fitTitle([subject], TITLE_MAX.en_email ?? 80, full), blocks, tags: [] };
}

/**
 * Neutral sentences the pipeline may add after a revision removed text and left the
 * draft under its band. Only sentences not already in the draft are offered.
 */
export function paddingSentences(brief: Brief, current: string): string[] {
  return neutralMaterial(brief)
    .map((n) => n.text)
    .filter((s) => !current.includes(s));
}
