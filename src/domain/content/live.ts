import { lengthBand, LIVE_RULES, speechSeconds } from './channels.js';
import { audienceLabel, generalGuidance, usageGuidance } from './phrases.js';
import type { Block, Brief, ContentDoc, Fact, Locale, SegmentKind } from './types.js';

/**
 * Douyin livestream scripts. A script is a list of timed segments; the timing is always
 * computed here from what is said (about 4 characters or 2.5 words a second) plus the
 * time the host spends showing the product, so the pacing rules hold whoever wrote the
 * words: the product is on screen within 3 minutes, no product segment runs over 90 s,
 * and an interaction beat comes at least every 10 minutes.
 */

const LIMITS: Record<SegmentKind, { extra: number; min: number; max: number }> = {
  opening: { extra: 15, min: 30, max: 120 },
  product: { extra: 40, min: 30, max: LIVE_RULES.maxProductSegmentSec },
  interaction: { extra: 30, min: 30, max: 60 },
  qa: { extra: 15, min: 20, max: 90 },
  notice: { extra: 5, min: 10, max: 60 },
  closing: { extra: 10, min: 20, max: 60 },
};

/** Start a beat early enough that the next one is never more than 10 minutes away. */
const BEAT_SLACK = 60;

export function segmentSeconds(kind: SegmentKind, text: string, locale: Locale): number {
  const l = LIMITS[kind];
  return Math.round(Math.min(l.max, Math.max(l.min, speechSeconds(text, locale) + l.extra)));
}

function host(locale: Locale, line: string): string {
  return (locale === 'en' ? 'Host: ' : '主播：') + line;
}

const DEMOS: Record<Locale, string[]> = {
  'zh-CN': ['（镜头展示：包装正面和产品名称）', '（镜头展示：标签上的配料表或成分表）', '（镜头展示：包装上标注的适用年龄和规格）', '（镜头展示：产品实物细节）'],
  en: ['(On camera: the front of the pack and the product name)', '(On camera: the ingredients list on the label)', '(On camera: the age range and size printed on the pack)', '(On camera: a close-up of the product)'],
};

const BEATS: Record<Locale, string[]> = {
  'zh-CN': [
    '评论区告诉我孩子现在多大了，我对照包装上的适用年龄帮大家看看。',
    '大家有什么想了解的，打在公屏上，我一个一个回答。',
    '刚进来的朋友扣个1，让我知道画面和声音都正常。',
    '想听我再讲一遍哪一点？评论区告诉我。',
  ],
  en: [
    'Tell me in the comments how old your little one is, and I will check it against the age range on the pack.',
    'Got a question? Drop it in the chat and I will answer them one by one.',
    'Just joined? Type 1 in the chat so I know the sound and picture are working.',
    'Which point should I go over again? Tell me in the comments.',
  ],
};

function liveFact(f: Fact, locale: Locale): string {
  let t = f.text.trim().replace(/[。．.!！?？;；,，、\s]+$/u, '');
  if (locale === 'en') {
    if (f.evidence) t += ` (${f.evidence})`;
    if (f.source) t += ` (source: ${f.source})`;
    return t + '.';
  }
  if (f.evidence) t += `（依据：${f.evidence}）`;
  if (f.source) t += `（来源：${f.source}）`;
  return t + '。';
}

function seg(kind: SegmentKind, id: string, heading: string, text: string): Block {
  return { kind: 'segment', id, heading, text, segment: { kind, startSec: 0, endSec: 0 } };
}

function script(brief: Brief, recaps: number): ContentDoc {
  const en = brief.locale === 'en';
  const L = brief.locale;
  const name = brief.product.name;
  const full = brief.product.brand && !name.includes(brief.product.brand) ? (en ? `${brief.product.brand} ${name}` : `${brief.product.brand}${name}`) : name;
  const aud = audienceLabel(L, brief.audienceStage);
  const facts = brief.product.facts.map((f) => liveFact(f, L));
  const blocks: Block[] = [];
  const opening = en
    ? `Hello everyone, welcome! Today I am talking ${aud} through ${full}.${brief.commercial ? ' Just so you know, this stream promotes a product; the product page and the label have the full details.' : ''}`
    : `大家好，欢迎来到直播间！今天和${aud}聊一聊${full}。${brief.commercial ? '先说明一下，本场直播有商品推广，具体信息以商品页和产品标签为准。' : ''}`;
  blocks.push(seg('opening', 'opening', en ? 'Opening' : '开场', host(L, opening)));
  facts.forEach((f, i) =>
    blocks.push(seg('product', `product-${i + 1}`, en ? `Product · ${name}` : `产品介绍 · ${name}`, `${host(L, f)}\n${DEMOS[L][i % DEMOS[L].length]}`)),
  );
  blocks.push(seg('interaction', 'beat-1', en ? 'Interaction' : '互动', host(L, BEATS[L][0]!)));
  const usage = usageGuidance(L, brief.productType);
  const general = generalGuidance(L);
  if (brief.product.ageRange) {
    blocks.push(
      seg(
        'qa',
        'qa-age',
        en ? 'Q&A' : '答疑',
        host(L, en ? `Someone asked what age this is for: the pack says ${brief.product.ageRange}. Please check it against your child.` : `有朋友问适合多大的孩子：包装上标注的是${brief.product.ageRange}，请大家对照孩子的年龄看一下。`),
      ),
    );
  }
  let tip = 0;
  const nextTip = () => {
    const all = [...usage, general[0]!, general[2]!];
    return all[tip++ % all.length]!;
  };
  blocks.push(seg('qa', 'qa-use-1', en ? 'How to use' : '使用提醒', host(L, en ? `A reminder on use: ${nextTip()}` : `使用上提醒大家：${nextTip()}`)));
  for (let r = 1; r <= recaps; r++) {
    facts.forEach((f, i) =>
      blocks.push(
        seg(
          'product',
          `recap-${r}-${i + 1}`,
          en ? `Recap · ${name}` : `再介绍一遍 · ${name}`,
          `${host(L, en ? `For everyone who just joined: ${f}` : `刚进直播间的朋友，我再说一遍：${f}`)}\n${DEMOS[L][(i + r) % DEMOS[L].length]}`,
        ),
      ),
    );
    blocks.push(seg('qa', `qa-use-${r + 1}`, en ? 'How to use' : '使用提醒', host(L, en ? `Another practical point: ${nextTip()}` : `再提醒一点：${nextTip()}`)));
  }
  const closing = en
    ? `That is all for ${name} today. Please check the pack details once more before you buy. Thank you for watching!`
    : `今天的${name}就介绍到这里，购买前请再核对一下包装上的信息，感谢大家的陪伴！`;
  blocks.push(seg('closing', 'closing', en ? 'Closing' : '结束', host(L, closing)));
  const doc: ContentDoc = { title: en ? `${name}: livestream script` : `${name}直播脚本`, blocks, tags: [] };
  retimeLive(doc, L);
  return doc;
}

export function buildLiveScript(brief: Brief): ContentDoc {
  const band = lengthBand('douyin_live_script', brief.locale, brief.length);
  const target = band.min + (band.max - band.min) * 0.3;
  let best = script(brief, 0);
  for (let r = 1; r <= 20 && liveDuration(best) < target; r++) {
    const next = script(brief, r);
    if (liveDuration(next) > band.max) break;
    best = next;
  }
  return best;
}

export function liveDuration(doc: ContentDoc): number {
  let end = 0;
  for (const b of doc.blocks) if (b.segment) end = Math.max(end, b.segment.endSec);
  return end;
}

/** Splits a text into sentences (keeping their end punctuation). */
function sentences(text: string): string[] {
  return text.match(/[^。！？!?\n]+[。！？!?]*|\n/gu)?.map((s) => s) ?? [text];
}

/**
 * Recomputes every segment's timing in order, splits product segments that would run over
 * 90 s, and inserts interaction beats so none is more than 10 minutes from the last.
 * Untimed blocks (labels, notices) are left where they are.
 */
export function retimeLive(doc: ContentDoc, locale: Locale): void {
  // 1. split overlong product segments at sentence boundaries
  const split: Block[] = [];
  for (const b of doc.blocks) {
    if (b.segment?.kind === 'product' && b.text && speechSeconds(b.text, locale) + LIMITS.product.extra > LIMITS.product.max) {
      const parts: string[] = [];
      let cur = '';
      for (const s of sentences(b.text)) {
        if (cur && speechSeconds(cur + s, locale) + LIMITS.product.extra > LIMITS.product.max) {
          parts.push(cur.trim());
          cur = '';
        }
        cur += s;
      }
      if (cur.trim()) parts.push(cur.trim());
      parts.forEach((p, i) => split.push({ ...b, id: i === 0 ? b.id : `${b.id}-${i + 1}`, text: p, segment: { ...b.segment!, startSec: 0, endSec: 0 } }));
    } else split.push(b);
  }
  // 2. lay the segments out in time, adding beats where the gap would grow too long
  const out: Block[] = [];
  let t = 0;
  let lastBeat = 0;
  let beatNo = doc.blocks.filter((b) => b.segment?.kind === 'interaction').length;
  for (const b of split) {
    if (!b.segment) {
      out.push(b);
      continue;
    }
    const dur = segmentSeconds(b.segment.kind, `${b.heading ?? ''}${b.text ?? ''}`, locale);
    if (b.segment.kind !== 'interaction' && t + dur - lastBeat > LIVE_RULES.interactionEverySec - BEAT_SLACK) {
      beatNo++;
      const text = host(locale, BEATS[locale][beatNo % BEATS[locale].length]!);
      const bd = segmentSeconds('interaction', text, locale);
      out.push({ kind: 'segment', id: `beat-auto-${beatNo}`, heading: locale === 'en' ? 'Interaction' : '互动', text, segment: { kind: 'interaction', startSec: t, endSec: t + bd } });
      lastBeat = t;
      t += bd;
    }
    if (b.segment.kind === 'interaction') lastBeat = t;
    out.push({ ...b, segment: { ...b.segment, startSec: t, endSec: t + dur } });
    t += dur;
  }
  doc.blocks = out;
}

const LEAD_INS = [/^主播\s*[：:。]?\s*/u, /^Host\s*[:.]?\s*/u, /^刚进直播间的朋友，我再说一遍[：:。，]?\s*/u, /^For everyone who just joined[:.,]?\s*/u];

/**
 * Drops product segments a revision emptied: what is left once the host cue, the
 * "for everyone who just joined" lead-in and the stage direction are set aside must
 * still say something, or the host would be reading a bare cue on air.
 */
export function pruneHollowLive(doc: ContentDoc, locale: Locale): void {
  doc.blocks = doc.blocks.filter((b) => {
    if (b.segment?.kind !== 'product') return true;
    let line = (b.text ?? '').split('\n').filter((l) => !/^[（(]/u.test(l.trim())).join(' ').trim();
    for (let i = 0; i < 3; i++) for (const re of LEAD_INS) line = line.replace(re, '');
    const words = (line.match(/[A-Za-z0-9]+/g) ?? []).length;
    const cjk = (line.match(/[\u3400-\u9fff]/gu) ?? []).length;
    return locale === 'en' ? words + cjk / 2 >= 2 : cjk + words >= 2;
  });
}

export interface LiveCheck {
  ok: boolean;
  problems: string[];
  durationSec: number;
}

/** The pacing rules as a check, for tests, evals and reviewers. */
export function checkLivePacing(doc: ContentDoc): LiveCheck {
  const segs = doc.blocks.filter((b) => b.segment).map((b) => b.segment!);
  const problems: string[] = [];
  const firstProduct = segs.find((s) => s.kind === 'product');
  if (!firstProduct) problems.push('no product segment');
  else if (firstProduct.startSec > LIVE_RULES.productWithinSec) problems.push(`product first shown at ${firstProduct.startSec}s (> ${LIVE_RULES.productWithinSec}s)`);
  for (const s of segs) {
    if (s.kind === 'product' && s.endSec - s.startSec > LIVE_RULES.maxProductSegmentSec) problems.push(`product segment at ${s.startSec}s runs ${s.endSec - s.startSec}s`);
  }
  const end = segs.reduce((m, s) => Math.max(m, s.endSec), 0);
  let last = 0;
  for (const s of segs.filter((x) => x.kind === 'interaction')) {
    if (s.startSec - last > LIVE_RULES.interactionEverySec) problems.push(`no interaction between ${last}s and ${s.startSec}s`);
    last = s.startSec;
  }
  if (end - last > LIVE_RULES.interactionEverySec) problems.push(`no interaction between ${last}s and the end (${end}s)`);
  for (let i = 1; i < segs.length; i++) {
    if (segs[i]!.startSec !== segs[i - 1]!.endSec) problems.push(`gap or overlap at ${segs[i]!.startSec}s`);
  }
  return { ok: problems.length === 0, problems, durationSec: end };
}
