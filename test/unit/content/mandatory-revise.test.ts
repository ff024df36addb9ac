import { describe, expect, it } from 'vitest';
import { addMandatory, adLabel, describesEffect, mandatoryStatus, requiredElements, stripMandatory, NOTICE_TEXT } from '../../../src/domain/content/mandatory.js';
import { cleanPunctuation, editSpan, locate, reviseOffline } from '../../../src/domain/content/revise.js';
import { checkText, renderDoc } from '../../../src/domain/content/render.js';
import type { ContentDoc, Finding } from '../../../src/domain/content/types.js';

const ctx = (over: Partial<Parameters<typeof requiredElements>[0]> = {}) => ({
  channel: 'xiaohongshu_note' as const,
  locale: 'zh-CN' as const,
  market: 'CN' as const,
  productType: 'general' as const,
  commercial: true,
  ...over,
});
const ids = (els: { id: string }[]) => els.map((e) => e.id).sort();

describe('mandatory elements', () => {
  it('labels commercial posts per market: 广告 in China, #ad or Sponsored in the US, Ad in the UK and EU', () => {
    expect(adLabel('CN', 'xiaohongshu_note', 'zh-CN')).toBe('广告');
    expect(adLabel('US', 'en_social_post', 'en')).toBe('#ad');
    expect(adLabel('US', 'en_email', 'en')).toBe('Sponsored');
    expect(adLabel('UK', 'en_social_post', 'en')).toBe('Ad');
    expect(adLabel('EU', 'en_email', 'en')).toBe('Ad');
    expect(ids(requiredElements(ctx({ commercial: false }), '柔软面层'))).toEqual(['aigc_label']);
  });

  it('asks for the notices the product and the wording call for', () => {
    expect(ids(requiredElements(ctx({ productType: 'health_food' }), '每粒含DHA 200毫克'))).toEqual(['ad_label', 'aigc_label', 'health_food_notice']);
    expect(ids(requiredElements(ctx({ productType: 'growing_up_milk' }), '800克罐装'))).toEqual(['ad_label', 'aigc_label', 'breastfeeding_statement']);
    // formula mentioned on a bottle's page still needs the breastfeeding-first statement
    expect(ids(requiredElements(ctx({ productType: 'food_contact' }), '适合冲调配方奶粉'))).toContain('breastfeeding_statement');
    expect(ids(requiredElements(ctx({ productType: 'special_medical_food' }), '每袋400克'))).toContain('special_medical_notice');
    expect(ids(requiredElements(ctx({ productType: 'cosmetic' }), '含神经酰胺，帮助皮肤保湿'))).toContain('results_vary');
    expect(ids(requiredElements(ctx({ locale: 'en', market: 'US', channel: 'en_email' }), 'Helps keep skin soft'))).toContain('results_vary');
    expect(describesEffect('Sold in packs of 48', 'en')).toBe(false);
    expect(describesEffect('50克软管装', 'zh-CN')).toBe(false);
  });

  it('puts the ad label first, notices before the AI label, and the AI label last', () => {
    const doc: ContentDoc = { title: '云柔', blocks: [{ kind: 'paragraph', id: 'p1', text: '配方奶粉专用，帮助宝宝舒适。' }, { kind: 'cta', id: 'cta', text: '点开商品页查看。' }], tags: ['云柔'] };
    const added = addMandatory(doc, ctx({ productType: 'food_contact' }));
    expect(added.sort()).toEqual(['ad_label', 'aigc_label', 'breastfeeding_statement', 'results_vary']);
    const body = renderDoc(doc, 'zh-CN').body;
    const lines = body.split('\n').filter(Boolean);
    expect(lines[0]).toBe('广告');
    expect(lines.at(-1)).toBe(NOTICE_TEXT.aigc_label['zh-CN']);
    expect(body.indexOf('效果因人而异')).toBeLessThan(body.indexOf('#云柔'));
    // idempotent
    expect(addMandatory(doc, ctx({ productType: 'food_contact' }))).toEqual([]);
    expect(mandatoryStatus(ctx({ productType: 'food_contact' }), doc.title, body).every((m) => m.present)).toBe(true);
    expect(stripMandatory(body)).not.toContain('广告');
  });

  it('reports an element that a hand edit removed', () => {
    const status = mandatoryStatus(ctx(), '标题', '正文内容\n\n本内容由人工智能辅助生成');
    expect(status.find((m) => m.id === 'ad_label')!.present).toBe(false);
    expect(status.find((m) => m.id === 'aigc_label')!.present).toBe(true);
  });
});

describe('offline revision', () => {
  it('tidies what a removal leaves behind', () => {
    expect(cleanPunctuation('本品含DHA，。')).toBe('本品含DHA。');
    expect(cleanPunctuation('，适合宝宝。')).toBe('适合宝宝。');
    expect(cleanPunctuation('A gentle , formula .')).toBe('A gentle, formula.');
    expect(cleanPunctuation('奶源（）来自新西兰')).toBe('奶源来自新西兰');
    expect(cleanPunctuation('the  formula')).toBe('the formula');
    expect(cleanPunctuation(editSpan('Best formula. Sold in tins.', 0, 5, 1, '', 'en').text)).toBe('Formula. Sold in tins.');
  });

  it('cuts harder each round: span or replacement, then clause, then sentence', () => {
    const s = '本品含DHA，促进大脑发育，适合1岁以上。罐装800克。';
    const start = s.indexOf('促进大脑发育');
    const end = start + '促进大脑发育'.length;
    expect(editSpan(s, start, end, 1, undefined, 'zh-CN')).toMatchObject({ how: 'remove_clause' });
    expect(cleanPunctuation(editSpan(s, start, end, 1, undefined, 'zh-CN').text)).toBe('本品含DHA，适合1岁以上。罐装800克。');
    expect(cleanPunctuation(editSpan(s, start, start + 2, 1, undefined, 'zh-CN').text)).toBe('本品含DHA，大脑发育，适合1岁以上。罐装800克。');
    expect(cleanPunctuation(editSpan(s, start, start + 2, 2, undefined, 'zh-CN').text)).toBe('本品含DHA，适合1岁以上。罐装800克。');
    expect(cleanPunctuation(editSpan(s, start, start + 2, 3, undefined, 'zh-CN').text)).toBe('罐装800克。');
    expect(cleanPunctuation(editSpan('最好的奶粉', 0, 3, 1, '', 'zh-CN').text)).toBe('奶粉');
    const en = 'The best formula for babies. Sold in tins.';
    expect(cleanPunctuation(editSpan(en, 4, 9, 1, '', 'en').text)).toBe('The formula for babies. Sold in tins.');
    expect(cleanPunctuation(editSpan(en, 4, 8, 3, undefined, 'en').text)).toBe('Sold in tins.');
  });

  it('maps checker offsets (title, then body) onto the document and edits only the flagged strings', () => {
    const doc: ContentDoc = {
      title: '最好的奶粉',
      blocks: [
        { kind: 'hook', id: 'hook', text: '给家长整理了要点。' },
        { kind: 'paragraph', id: 'p1', text: '📌 含DHA，治疗湿疹，罐装800克。' },
      ],
      tags: ['奶粉'],
    };
    const r = renderDoc(doc, 'zh-CN');
    const { text, bodyOffset } = checkText(r);
    const find = (m: string, from = 0): Finding => {
      const start = text.indexOf(m, from);
      return { ruleId: `r.${m}`, category: 'medical_claim', severity: 'block', start, end: start + m.length, match: m, message: '', legalBasis: '', suggestion: '' };
    };
    const located = locate([find('最好'), find('治疗湿疹')], r, bodyOffset);
    expect(located[0]!.finding).toMatchObject({ field: 'title', start: 0, end: 2 });
    expect(located[1]!.finding.field).toBe('body');
    expect(r.body.slice(located[1]!.finding.start, located[1]!.finding.end)).toBe('治疗湿疹');
    const changes = reviseOffline(doc, located, () => 1, 'zh-CN');
    expect(doc.title).toBe('奶粉');
    expect(doc.blocks[1]!.text).toBe('📌 含DHA，罐装800克。');
    expect(doc.blocks[0]!.text).toBe('给家长整理了要点。');
    expect(changes.map((c) => c.path).sort()).toEqual(['blocks[1].text', 'title']);
  });
});
