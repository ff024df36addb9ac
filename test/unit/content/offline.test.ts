import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateOffline } from '../../../src/domain/content/offline.js';
import { checkLivePacing, retimeLive } from '../../../src/domain/content/live.js';
import { renderDoc } from '../../../src/domain/content/render.js';
import { contentLength } from '../../../src/domain/content/length.js';
import { countChars } from '../../../src/domain/content/channels.js';
import { normalizeBrief, CHANNELS, PRODUCT_TYPES, type BriefInput, type ContentDoc } from '../../../src/domain/content/types.js';

const zhFormula: BriefInput = {
  channel: 'xiaohongshu_note',
  productType: 'growing_up_milk',
  product: {
    name: '悦护幼儿配方奶粉3段',
    brand: '悦护',
    ageRange: '12–36个月',
    formulaStage: 3,
    facts: ['每100克奶粉含DHA 60毫克', { text: '奶源来自新西兰坎特伯雷地区的牧场', source: '品牌奶源证明 2024' }, '800克罐装，罐内附带专用量勺'],
  },
  audienceStage: 'toddler_1_3y',
};

const render = (d: ContentDoc, locale: 'zh-CN' | 'en' = 'zh-CN') => renderDoc(d, locale);

describe('offline writer: channel structure', () => {
  it('xiaohongshu: title ≤ 20 characters with at most one emoji, a hook, 3–6 paragraphs, a call to action and tags', () => {
    for (const length of ['short', 'medium', 'long'] as const) {
      for (const tone of ['warm', 'professional', 'playful', 'calm'] as const) {
        const doc = generateOffline(normalizeBrief({ ...zhFormula, length, tone }));
        expect(countChars(doc.title!)).toBeLessThanOrEqual(20);
        expect((doc.title!.match(/\p{Extended_Pictographic}/gu) ?? []).length).toBeLessThanOrEqual(1);
        expect(doc.blocks[0]!.kind).toBe('hook');
        const paras = doc.blocks.filter((b) => b.kind === 'paragraph');
        expect(paras.length).toBeGreaterThanOrEqual(3);
        expect(paras.length).toBeLessThanOrEqual(6);
        expect(doc.blocks.some((b) => b.kind === 'cta')).toBe(true);
        expect(doc.tags.length).toBeGreaterThanOrEqual(3);
        expect(doc.tags.length).toBeLessThanOrEqual(6);
        expect(render(doc).body).toMatch(/#悦护/);
      }
    }
  });

  it('wechat article: a lead and sections with subheadings', () => {
    const doc = generateOffline(normalizeBrief({ ...zhFormula, channel: 'wechat_article', length: 'medium' }));
    expect(doc.blocks[0]!.kind).toBe('lead');
    const sections = doc.blocks.filter((b) => b.kind === 'section');
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const s of sections) expect(s.heading).toBeTruthy();
    expect(render(doc).body).toMatch(/^## 产品要点$/m);
  });

  it('product detail: selling points, specs, usage and notices', () => {
    const doc = generateOffline(normalizeBrief({ ...zhFormula, channel: 'product_detail' }));
    const headings = doc.blocks.map((b) => b.heading);
    expect(headings).toEqual(expect.arrayContaining(['产品卖点', '规格参数', '使用方法', '注意事项']));
    const specs = doc.blocks.find((b) => b.kind === 'specs')!;
    expect(specs.items).toEqual(expect.arrayContaining(['品名：悦护幼儿配方奶粉3段', '段位：3段', '适用年龄：12–36个月']));
  });

  it('e-mail: subject, preheader, body, call to action', () => {
    const doc = generateOffline(
      normalizeBrief({ channel: 'en_email', productType: 'diapers_wipes', product: { name: 'CloudSoft Diapers', brand: 'Nuvo', facts: ['Made with a plant-based top sheet', 'A wetness indicator line turns blue'] } }),
    );
    expect(doc.title).toBe('Nuvo CloudSoft Diapers: the key facts');
    expect(doc.blocks[0]!.kind).toBe('preheader');
    expect(doc.blocks.some((b) => b.kind === 'cta')).toBe(true);
    expect(render(doc, 'en').body).toMatch(/^Preheader: /);
  });

  it('social post: hook, short paragraphs, call to action, hashtags, no title', () => {
    const doc = generateOffline(normalizeBrief({ channel: 'en_social_post', productType: 'toy', product: { name: 'Stacking Cups', facts: ['Set of 8 cups', 'Made of food-grade silicone'] } }));
    expect(doc.title).toBeUndefined();
    expect(doc.blocks[0]!.kind).toBe('hook');
    expect(render(doc, 'en').body).toMatch(/#StackingCups/);
  });

  it('quotes a fact’s source next to the fact', () => {
    const body = render(generateOffline(normalizeBrief(zhFormula))).body;
    expect(body).toContain('奶源来自新西兰坎特伯雷地区的牧场（来源：品牌奶源证明 2024）。');
  });
});

describe('offline writer: only the brief’s facts', () => {
  // Numbers the templates themselves use (ages in the neutral guidance, "per 100 g"…).
  const TEMPLATE_NUMBERS = new Set(['1', '3', '6', '12', '100', '00', '01', '02', '03', '04', '05', '06', '07', '08', '09']);

  it('never writes a number, superlative or endorsement that is not in the brief', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNELS),
        fc.constantFrom(...PRODUCT_TYPES),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        fc.constantFrom('short' as const, 'medium' as const, 'long' as const),
        fc.array(fc.constantFrom('含有维生素D', '软管包装', 'Made of cotton', '罐装', 'Sold in packs', '无香精'), { minLength: 1, maxLength: 6 }),
        (channel, productType, locale, length, facts) => {
          const doc = generateOffline(normalizeBrief({ channel, productType, locale, length, product: { name: 'Nuvo', facts } }));
          const text = `${doc.title ?? ''}\n${renderDoc(doc, locale).body}`.replace(/\[\d\d:\d\d–\d\d:\d\d\]/g, '');
          // the number of facts is the only number the writer derives itself
          for (const n of text.match(/\d+/g) ?? []) expect(TEMPLATE_NUMBERS.has(n) || n === String(facts.length) || facts.join(' ').includes(n)).toBe(true);
          expect(text.replace(/第一次|Best wishes|best-before/g, '')).not.toMatch(/最好|最佳|第一|唯一|顶级|首选|100%|\bbest\b|#1|number one|推荐|recommended by|doctors? (say|recommend)|医生推荐|专家/i);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays within the channel’s length band for a brief with enough material', () => {
    const facts = ['每100克奶粉含DHA 60毫克', '奶源来自新西兰坎特伯雷地区的牧场', '800克罐装，罐内附带专用量勺', '配方中添加了OPO结构脂', '罐内采用独立铝箔密封'];
    for (const channel of CHANNELS) {
      for (const length of ['short', 'medium', 'long'] as const) {
        const brief = normalizeBrief({ ...zhFormula, channel, length, product: { ...zhFormula.product, facts } });
        const l = contentLength(generateOffline(brief), brief);
        expect({ channel, length, ok: l.value >= l.min && l.value <= l.max }).toEqual({ channel, length, ok: true });
      }
    }
  });
});

describe('livestream scripts', () => {
  it('keeps the pacing rules at every length, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const length of ['short', 'medium', 'long'] as const) {
        for (const n of [1, 3, 8]) {
          const facts = Array.from({ length: n }, (_, i) => (locale === 'en' ? `Fact number ${'abcdefgh'[i]} about the product` : `关于产品的第${'一二三四五六七八'[i]}条信息`));
          const doc = generateOffline(normalizeBrief({ channel: 'douyin_live_script', locale, length, productType: 'general', product: { name: 'Nuvo', facts } }));
          const pacing = checkLivePacing(doc);
          expect(pacing.problems).toEqual([]);
          const first = doc.blocks.find((b) => b.segment?.kind === 'product')!;
          expect(first.segment!.startSec).toBeLessThanOrEqual(180);
        }
      }
    }
  });

  it('splits an over-long product segment and adds interaction beats to a long script', () => {
    const long = Array.from({ length: 20 }, (_, i) => `这是第${i + 1}句比较长的产品介绍内容，用来测试分段。`).join('');
    const doc: ContentDoc = {
      blocks: [
        { kind: 'segment', id: 'o', heading: '开场', text: '主播：大家好。', segment: { kind: 'opening', startSec: 0, endSec: 0 } },
        ...Array.from({ length: 12 }, (_, i) => ({ kind: 'segment' as const, id: `p${i}`, heading: '产品', text: long, segment: { kind: 'product' as const, startSec: 0, endSec: 0 } })),
        { kind: 'segment', id: 'c', heading: '结束', text: '主播：谢谢大家。', segment: { kind: 'closing', startSec: 0, endSec: 0 } },
      ],
      tags: [],
    };
    retimeLive(doc, 'zh-CN');
    const pacing = checkLivePacing(doc);
    expect(pacing.problems).toEqual([]);
    expect(pacing.durationSec).toBeGreaterThan(1200);
    expect(doc.blocks.filter((b) => b.segment?.kind === 'interaction').length).toBeGreaterThanOrEqual(2);
    expect(doc.blocks.filter((b) => b.segment?.kind === 'product').length).toBeGreaterThan(12);
  });

  it('renders segments with their timing', () => {
    const doc = generateOffline(normalizeBrief({ channel: 'douyin_live_script', productType: 'general', product: { name: '云柔', facts: ['柔软面层'] } }));
    expect(renderDoc(doc, 'zh-CN').body).toMatch(/^\[00:00–\d\d:\d\d\] 开场\n主播：/m);
  });
});
