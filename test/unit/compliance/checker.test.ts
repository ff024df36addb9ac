import { describe, expect, it } from 'vitest';
import {
  checkAigcLabel,
  checkCompliance,
  InputTooLarge,
  MAX_INPUT_BYTES,
  verdictOf,
  type Category,
  type CheckInput,
  type Finding,
} from '../../../src/domain/compliance/index.js';
import { PayloadTooLarge } from '../../../src/domain/errors.js';

const check = (text: string, extra: Omit<CheckInput, 'text'> = {}) => checkCompliance({ text, ...extra });
const cats = (text: string, extra: Omit<CheckInput, 'text'> = {}) =>
  [...new Set(check(text, extra).findings.filter((f) => f.severity !== 'advisory').map((f) => f.category))].sort();
const one = (text: string, category: Category, extra: Omit<CheckInput, 'text'> = {}): Finding => {
  const f = check(text, extra).findings.find((x) => x.category === category);
  expect(f, `${category} in "${text}"`).toBeDefined();
  return f!;
};
const en = (market: 'US' | 'EU' | 'UK', extra: Omit<CheckInput, 'text' | 'market' | 'locale'> = {}) => ({ market, locale: 'en' as const, ...extra });

describe('findings point at the user\'s own span', () => {
  it('maps through Traditional, full-width, zero-width and separators', () => {
    const cases: [string, string][] = [
      ['這款是最好的嬰兒奶瓶', '最好'],
      ['全网ＮＯ．１品牌', 'ＮＯ．１'],
      ['这是最\u200b安全的奶瓶', '最\u200b安全'],
      ['宝宝用了，最 * 好 用！', '最 * 好 用'],
      ['口碑TOP 1的纸尿裤', 'TOP 1'],
      ['这是第①名的米粉', '第①名'],
    ];
    for (const [text, match] of cases) {
      const f = one(text, 'absolute_claim', { productType: 'food_contact' });
      expect(f.match).toBe(match);
      expect(text.slice(f.start, f.end)).toBe(f.match);
    }
  });

  it('reports medical claims at the verb-to-condition span, with a safe cosmetic rewrite', () => {
    const text = '本品可有效缓解宝宝湿疹。';
    const f = one(text, 'medical_claim', { productType: 'cosmetic' });
    expect(f.match).toBe('缓解宝宝湿疹');
    expect(f.replacement).toBe('温和护理肌肤');
    expect(f.severity).toBe('block');
  });

  it('offers replacements that only drop the superlative', () => {
    expect(one('最安全的奶瓶', 'absolute_claim', { productType: 'food_contact' }).replacement).toBe('安全');
    expect(one('最柔软的连体衣', 'absolute_claim', { productType: 'apparel' }).replacement).toBe('柔软');
    // a bare ranking mark can simply go; a worded ranking has no safe rewrite
    expect(one('ＮＯ．１婴儿湿巾', 'absolute_claim').replacement).toBe('');
    expect(one('The #1 bottle brand.', 'absolute_claim', en('US')).replacement).toBe('');
    expect(one('销量第一的湿巾', 'absolute_claim').replacement).toBeUndefined();
  });
});

describe('longest match wins', () => {
  it.each([
    '最近宝宝睡得很好',
    '第一次给宝宝洗澡',
    '宝宝的第一口辅食',
    '第一阶段先熟悉勺子',
    '最后三分钟',
    '最初几周会频繁夜醒',
    '益生菌和乳酸菌小知识',
    '坚持母乳喂养',
    '储奶袋可直立存放',
  ])('passes "%s"', (text) => {
    expect(check(text).verdict).toBe('pass');
  });

  it('keeps 食品级硅胶 on a teat but not 食品级 on a children\'s cosmetic', () => {
    expect(check('奶嘴采用食品级硅胶', { productType: 'food_contact' }).verdict).toBe('pass');
    expect(cats('食品级原料制成的宝宝面霜', { productType: 'children_cosmetic' })).toContain('false_or_misleading');
  });

  it.each(['First-time mom? Read this.', 'Happy first birthday!', 'Do your best, mama.', 'Our best practices for bottle hygiene.', '#1 tip: sleep when baby sleeps.', 'A tasty treat for toddlers.', 'Helps prevent spills.'])(
    'passes "%s" (US)',
    (text) => {
      expect(check(text, en('US')).verdict).toBe('pass');
    },
  );

  it('overlapping hits of one rule become one span, without a replacement', () => {
    const fs = check('这款纸尿裤是全网最干爽的', { productType: 'diapers_wipes' }).findings.filter((f) => f.category === 'absolute_claim');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.match).toBe('全网最干爽');
    expect(fs[0]!.replacement).toBeUndefined();
  });

  it('a longer trigger is one finding, not three', () => {
    const fs = check('全网最低价', { productType: 'general' }).findings.filter((f) => f.category === 'absolute_claim');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.match).toBe('全网最低价');
  });
});

describe('each category fires in Chinese and English', () => {
  const zh: [Category, string, Omit<CheckInput, 'text'>][] = [
    ['absolute_claim', '这是全网最干爽的纸尿裤', { productType: 'diapers_wipes' }],
    ['medical_claim', '益生菌米粉，有效缓解宝宝便秘', { productType: 'complementary_food' }],
    ['breastmilk_substitute', '最接近母乳的配方', { productType: 'infant_formula' }],
    ['infant_formula_claim', '进口奶源，益智配方', { productType: 'growing_up_milk' }],
    ['guarantee', '宝宝湿疹霜，无效退款', { productType: 'cosmetic' }],
    ['unsubstantiated_data', '98%的妈妈都说好用', { productType: 'diapers_wipes' }],
    ['endorsement', '萌娃代言的宝宝面条', { productType: 'complementary_food' }],
    ['disparagement', '帮宝适含荧光剂，千万别买', { productType: 'diapers_wipes' }],
    ['ad_disclosure', '真实分享，戳链接领券', { channel: 'xiaohongshu_note', commercial: true }],
    ['false_or_misleading', '可食用级儿童牙膏', { productType: 'children_cosmetic' }],
    ['minor_protection', '小朋友们，快让妈妈给你买吧', { productType: 'toy' }],
  ];
  it.each(zh)('%s (zh)', (category, text, extra) => {
    expect(cats(text, extra)).toContain(category);
  });

  const english: [Category, string, Omit<CheckInput, 'text'>][] = [
    ['absolute_claim', 'The best-selling stroller on the market.', en('US', { productType: 'general' })],
    ['medical_claim', 'This balm treats eczema.', en('US', { productType: 'cosmetic' })],
    ['breastmilk_substitute', 'Inspired by breast milk.', en('EU', { productType: 'infant_formula' })],
    ['infant_formula_claim', 'Supports brain development.', en('UK', { productType: 'infant_formula' })],
    ['guarantee', 'Guaranteed results or your money back.', en('US', { productType: 'general' })],
    ['unsubstantiated_data', '9 out of 10 moms agree!', en('US', { productType: 'diapers_wipes' })],
    ['endorsement', 'Pediatrician recommended.', en('US', { productType: 'cosmetic' })],
    ['disparagement', 'Unlike Pampers, ours are not toxic... Pampers are toxic.', en('UK', { productType: 'diapers_wipes' })],
    ['ad_disclosure', 'Use my code MAMA20 for 20% off!', en('US', { channel: 'en_social_post', commercial: true })],
    ['false_or_misleading', 'FDA approved baby lotion.', en('US', { productType: 'cosmetic' })],
    ['minor_protection', 'Babies sleep better on their tummy.', en('US', { productType: 'general' })],
  ];
  it.each(english)('%s (en)', (category, text, extra) => {
    expect(cats(text, extra)).toContain(category);
  });
});

describe('gating by product type, channel and market', () => {
  it('DHA content claims: blocked on stage-1 formula, allowed on stage 2', () => {
    expect(check('1段奶粉富含DHA', { productType: 'infant_formula', formulaStage: 1, channel: 'product_detail' }).verdict).toBe('block');
    expect(check('2段奶粉富含DHA', { productType: 'infant_formula', formulaStage: 2, channel: 'product_detail' }).verdict).toBe('pass');
    expect(check('富含DHA', { productType: 'infant_formula', channel: 'product_detail' }).verdict).toBe('review');
  });

  it('breast-milk comparisons: block on 0–12 month formula, review elsewhere, advisory on teats', () => {
    expect(one('接近母乳', 'breastmilk_substitute', { productType: 'infant_formula' }).severity).toBe('block');
    expect(one('接近母乳', 'breastmilk_substitute', { productType: 'complementary_food' }).severity).toBe('review');
    expect(one('仿母乳乳头设计', 'breastmilk_substitute', { productType: 'food_contact' }).severity).toBe('advisory');
  });

  it('益智 is a formula claim but a toy category', () => {
    expect(cats('益智配方', { productType: 'growing_up_milk' })).toContain('infant_formula_claim');
    expect(check('益智玩具，适合3岁以上', { productType: 'toy' }).verdict).toBe('pass');
  });

  it('抑菌 needs a disinfection licence on wipes, is a medical claim on cosmetics', () => {
    expect(check('抑菌湿巾', { productType: 'diapers_wipes' }).verdict).toBe('review');
    expect(check('抑菌湿巾，卫消证字(2023)第0001号', { productType: 'diapers_wipes' }).verdict).toBe('pass');
    expect(check('抑菌沐浴露', { productType: 'cosmetic' }).verdict).toBe('block');
  });

  it('immunity: medical claim on food, approved-wording review on health food, formula claim on formula', () => {
    expect(one('增强宝宝免疫力', 'medical_claim', { productType: 'complementary_food' }).severity).toBe('block');
    expect(one('增强免疫力。本品不能代替药物。', 'medical_claim', { productType: 'health_food' }).severity).toBe('review');
    expect(cats('增强免疫力', { productType: 'growing_up_milk' })).toContain('infant_formula_claim');
  });

  it('ad labels are market-specific', () => {
    const post = 'Loving these bottles! Use my code MAMA20.';
    expect(check(post, en('US', { channel: 'en_social_post', commercial: true })).verdict).toBe('block');
    expect(check(`#ad ${post}`, en('US', { channel: 'en_social_post', commercial: true })).verdict).toBe('pass');
    expect(check(`Sponsored | ${post}`, en('US', { channel: 'en_social_post', commercial: true })).verdict).toBe('pass');
    // the ASA does not treat "sponsored" alone as clear: review in the UK
    expect(check(`Sponsored | ${post}`, en('UK', { channel: 'en_social_post', commercial: true })).verdict).toBe('review');
    expect(check('广告｜真实分享，戳链接领券', { channel: 'xiaohongshu_note', commercial: true }).verdict).toBe('pass');
    expect(check('不是广告！戳链接领券', { channel: 'xiaohongshu_note' }).verdict).toBe('block');
    // a product page is self-evidently commercial
    expect(check('点击购买，下单立减20元', { channel: 'product_detail', commercial: true }).verdict).toBe('pass');
  });

  it('infant formula promotion: blocked in mass media (CN) and consumer channels (EU/UK), advisory in the US', () => {
    expect(cats('这款1段奶粉今天特价，链接已上', { productType: 'infant_formula', channel: 'douyin_live_script', commercial: true })).toContain('breastmilk_substitute');
    expect(check('Our infant formula is now 20% off.', en('EU', { productType: 'infant_formula', channel: 'en_email', commercial: true })).verdict).toBe('block');
    const us = check('Our infant formula is now 20% off.', en('US', { productType: 'infant_formula', channel: 'en_email', commercial: true }));
    expect(us.verdict).toBe('pass');
    expect(us.findings.some((f) => f.category === 'breastmilk_substitute' && f.severity === 'advisory')).toBe(true);
  });

  it('US puffery is advisory; objective claims need substantiation', () => {
    expect(check('The best bottle for your baby.', en('US', { productType: 'food_contact' })).verdict).toBe('pass');
    expect(check('The #1 bottle brand.', en('US', { productType: 'food_contact' })).verdict).toBe('review');
  });

  it('doctor recommendations on food: block in the EU (Reg. 1924/2006 Art. 12(c)), review in the US', () => {
    expect(check('Recommended by paediatricians.', en('EU', { productType: 'complementary_food' })).verdict).toBe('block');
    expect(check('Recommended by pediatricians.', en('US', { productType: 'complementary_food' })).verdict).toBe('review');
  });
});

describe('exemptions of the SAMR guide', () => {
  it.each([
    ['最佳冲泡温度为40℃', 'growing_up_milk'],
    ['开封后最好在30天内用完', 'complementary_food'],
    ['请遵医嘱，最好在餐后服用。本品不能代替药物。', 'health_food'],
    ['比上一代更轻薄，是我们品牌史上最轻薄的一款', 'diapers_wipes'],
    ['母乳是宝宝最好的食物', 'general'],
    ['我们的目标是做到最好', 'general'],
    ['转奶最好循序渐进', 'growing_up_milk'],
  ] as const)('passes "%s"', (text, productType) => {
    expect(check(text, { productType }).verdict).toBe('pass');
  });

  it('downgrades a bounded, sourced ranking to review; unbounded or unsourced stays block', () => {
    expect(check('2024年天猫纸尿裤类目销量第一（数据来源：天猫生意参谋）', { productType: 'diapers_wipes' }).verdict).toBe('review');
    expect(check('2024年天猫纸尿裤类目销量第一', { productType: 'diapers_wipes' }).verdict).toBe('block');
    expect(check('销量第一（数据来源：品牌内部统计）', { productType: 'diapers_wipes' }).verdict).toBe('block');
  });

  it('never exempts efficacy superlatives on health food, devices or special medical food in a livestream', () => {
    // no product reference in the clause: a toy gets the livestream downgrade, a health food does not
    expect(check('家人们，最有效的办法就是坚持！', { productType: 'health_food', channel: 'douyin_live_script' }).verdict).toBe('block');
    expect(check('家人们，最有效的办法就是坚持！', { productType: 'toy', channel: 'douyin_live_script' }).verdict).toBe('review');
  });

  it('livestream: superlatives not about the product are review, about the product block', () => {
    expect(check('家人们，今天天气最好了！', { productType: 'diapers_wipes', channel: 'douyin_live_script', commercial: true }).verdict).toBe('review');
    expect(check('这款奶瓶是全网最安全的！', { productType: 'food_contact', channel: 'douyin_live_script', commercial: true }).verdict).toBe('block');
    expect(check('家人们，今天天气最好了！', { productType: 'diapers_wipes', channel: 'xiaohongshu_note', commercial: true }).verdict).toBe('block');
  });
});

describe('pester power needs a child audience', () => {
  it('blocks a call to children, lets a promise to mothers through', () => {
    expect(cats('小朋友们，喜欢的话让爸爸妈妈马上下单哦！', { productType: 'toy' })).toContain('minor_protection');
    expect(check('让妈妈买得放心的婴儿湿巾', { productType: 'diapers_wipes' }).verdict).toBe('pass');
  });
});

describe('claims, not vocabulary', () => {
  it('catches prone sleep however it is phrased, not tummy time', () => {
    expect(cats('Let baby doze off on their tummy on our lounger.', en('US', { productType: 'general' }))).toContain('minor_protection');
    expect(check('Tummy time while awake builds neck strength.', en('US', { productType: 'general' })).verdict).toBe('pass');
    expect(check('Never let your baby sleep on their tummy.', en('UK', { productType: 'general' })).verdict).toBe('pass');
  });
  it.each(['如出现湿疹，请及时就医', '湿疹是婴儿常见的皮肤问题，症状持续请咨询儿科医生', '本品是普通食品，不能治疗疾病', '宝宝要仰卧睡眠，不要让宝宝趴睡', '趴睡会增加婴儿猝死风险'])(
    'lets education through: "%s"',
    (text) => {
      expect(check(text, { channel: 'wechat_article', commercial: false }).verdict).toBe('pass');
    },
  );
  it('lets the FDA disclaimer through', () => {
    const text = 'This product is not intended to diagnose, treat, cure, or prevent any disease.';
    expect(cats(text, en('US', { productType: 'health_food' }))).not.toContain('medical_claim');
  });
  it('catches a remedy offered for a condition across a question', () => {
    expect(cats('缺铁性贫血怎么办？吃XX补铁片就对了', { productType: 'health_food', commercial: true })).toContain('medical_claim');
  });
});

describe('statistics need a source, a sample and a date', () => {
  it('blocks with nothing, reviews with part, notes with all three', () => {
    expect(one('98%的妈妈都说好用', 'unsubstantiated_data', { productType: 'diapers_wipes' }).severity).toBe('block');
    expect(one('98%的妈妈都说好用（来源：品牌调研）', 'unsubstantiated_data', { productType: 'diapers_wipes' }).severity).toBe('review');
    expect(one('98%的妈妈都说好用（数据来源：XX调研中心，2024年3月，1,200名妈妈）', 'unsubstantiated_data', { productType: 'diapers_wipes' }).severity).toBe('advisory');
  });
  it('only reminds in non-commercial education', () => {
    expect(one('研究表明母乳喂养好处多', 'unsubstantiated_data', { commercial: false }).severity).toBe('advisory');
  });
});

describe('verdict', () => {
  const f = (severity: Finding['severity']): Finding => ({ ruleId: 'X', category: 'absolute_claim', severity, start: 0, end: 0, match: '', message: '', legalBasis: '', suggestion: '' });
  it('is block if any blocks, else review if any reviews, else pass', () => {
    expect(verdictOf([])).toBe('pass');
    expect(verdictOf([f('advisory')])).toBe('pass');
    expect(verdictOf([f('advisory'), f('review')])).toBe('review');
    expect(verdictOf([f('review'), f('block'), f('advisory')])).toBe('block');
  });
  it('matches the findings of a check', () => {
    const r = check('这是全网最干爽的纸尿裤，98%的妈妈都说好', { productType: 'diapers_wipes' });
    expect(r.verdict).toBe(verdictOf(r.findings));
  });
});

describe('messages and bases', () => {
  it('speaks the input locale and names the law', () => {
    const zh = one('最安全的奶瓶', 'absolute_claim', { productType: 'food_contact' });
    expect(zh.message).toMatch(/绝对化用语/);
    expect(zh.legalBasis).toMatch(/广告法/);
    expect(zh.suggestion).toMatch(/删除/);
    const enF = one('最安全的奶瓶', 'absolute_claim', { productType: 'food_contact', locale: 'en' });
    expect(enF.message).toMatch(/absolute term/);
    expect(enF.legalBasis).toMatch(/Advertising Law Art\. 9\(3\)/);
    expect(enF.match).toBe('最安全');
  });
});

describe('size limit', () => {
  it('throws a typed InputTooLarge (a 413 domain error) above 200 KB', () => {
    const big = '好'.repeat(Math.floor(MAX_INPUT_BYTES / 3) + 10);
    expect(() => check(big)).toThrow(InputTooLarge);
    try {
      check(big);
    } catch (err) {
      expect(err).toBeInstanceOf(PayloadTooLarge);
      expect((err as InputTooLarge).status).toBe(413);
    }
  });
  it('accepts exactly 200 KB and caps repeated findings', () => {
    const unit = '最好'; // 6 bytes
    const text = unit.repeat(Math.floor(MAX_INPUT_BYTES / 6));
    const r = check(text, { productType: 'general' });
    expect(r.verdict).toBe('block');
    expect(r.findings.length).toBeLessThanOrEqual(60);
  });
});

describe('AIGC label', () => {
  it('flags AI text without an explicit label, in the requested language', () => {
    const zh = checkAigcLabel('宝宝辅食添加指南：从高铁米粉开始。', 'zh-CN');
    expect(zh).toHaveLength(1);
    expect(zh[0]!.category).toBe('aigc_label');
    expect(zh[0]!.message).toMatch(/AI/);
    expect(checkAigcLabel('A guide to first foods.', 'en')[0]!.message).toMatch(/AI-generated/);
  });
  it.each(['本内容由人工智能生成。宝宝辅食添加指南。', '宝宝辅食指南（AI 生成）', 'AI-generated: a guide to first foods.', 'A guide to first foods. #AIgenerated'])('accepts "%s"', (text) => {
    expect(checkAigcLabel(text, 'zh-CN')).toEqual([]);
  });
});
