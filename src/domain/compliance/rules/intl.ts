import type { LocalText, Severity } from '../types.js';
import type { Groups, Mod, PackDef, Rule } from './model.js';
import { FOOD_TYPES, FORMULA_TYPES } from './model.js';
import { enGroups } from './terms-en.js';
import { L } from './text.js';

/**
 * US, EU and UK share most of their English vocabulary but differ in law and in how hard
 * each claim lands: US puffery is lawful and objective claims need substantiation (review);
 * the EU and UK ban disease claims on foods and cosmetics outright, allow only authorised
 * health claims, ban claims on infant formula and its consumer advertising.
 */

type M = 'US' | 'EU' | 'UK';

interface Basis {
  superlative: LocalText;
  disease: LocalText;
  immunity: LocalText;
  formula: LocalText;
  bms: LocalText;
  bmsAds: LocalText;
  doctor: LocalText;
  doctorFood: LocalText;
  disparage: LocalText;
  pester: LocalText;
  unsafe: LocalText;
  guarantee: LocalText;
  misleading: LocalText;
  fakeReview: LocalText;
  data: LocalText;
  disclosure: LocalText;
}

const BASES: Record<M, Basis> = {
  US: {
    superlative: L('FTC法第5条；FTC广告证据政策声明（1984）', 'FTC Act §5 (15 U.S.C. §45); FTC Policy Statement on Advertising Substantiation (1984)'),
    disease: L('《联邦食品、药品和化妆品法》第201(g)(1)条；21 CFR 101.93(g)；FTC法第5、12条', 'FD&C Act §201(g)(1); 21 CFR 101.93(g); FTC Act §§5, 12'),
    immunity: L('21 CFR 101.93(f)（结构/功能声称）；FTC法第12条', '21 CFR 101.93(f) (structure/function claims); FTC Act §12'),
    formula: L('21 CFR Part 106–107；FTC法第5、12条（婴儿配方声称须有充分证据）', '21 CFR Parts 106–107; FTC Act §§5, 12 (formula claims need competent and reliable evidence)'),
    bms: L('FTC法第5条；WHO《国际母乳代用品销售守则》（美国未立法）', 'FTC Act §5; WHO International Code of Marketing of Breast-milk Substitutes (not US law)'),
    bmsAds: L('WHO《国际母乳代用品销售守则》（1981）及WHA 69.9——美国未立法，供参考', 'WHO International Code (1981) and WHA 69.9: guidance, not US law'),
    doctor: L('16 CFR 255.3（专家代言）；FTC法第5条', '16 CFR 255.3 (expert endorsements); FTC Act §5'),
    doctorFood: L('16 CFR 255.3（专家代言）；FTC法第5条', '16 CFR 255.3 (expert endorsements); FTC Act §5'),
    disparage: L('《兰哈姆法》第43(a)条；FTC法第5条', 'Lanham Act §43(a); FTC Act §5'),
    pester: L('CARU儿童广告自律指南（行业自律）', 'CARU Self-Regulatory Guidelines for Children\'s Advertising (self-regulatory)'),
    unsafe: L('《2022年婴儿安全睡眠法》（禁止床围与倾斜睡床）；FTC法第5条', 'Safe Sleep for Babies Act of 2022 (bans padded crib bumpers and inclined sleepers); FTC Act §5'),
    guarantee: L('FTC法第5条；16 CFR Part 239（保证类广告指南）', 'FTC Act §5; 16 CFR Part 239 (Guides for the Advertising of Warranties and Guarantees)'),
    misleading: L('FTC法第5、12条', 'FTC Act §§5, 12'),
    fakeReview: L('16 CFR Part 465（2024消费者评价规则，条款号待核）', '16 CFR Part 465 (2024 Consumer Reviews and Testimonials Rule; check section)'),
    data: L('FTC广告证据政策声明（1984）；FTC法第12条', 'FTC Policy Statement on Advertising Substantiation (1984); FTC Act §12'),
    disclosure: L('16 CFR 255.5（2023代言指南：重要关联须披露）', '16 CFR 255.5 (2023 Endorsement Guides: disclose material connections)'),
  },
  EU: {
    superlative: L('不公平商业行为指令2005/29/EC第6–7条；比较广告指令2006/114/EC', 'Unfair Commercial Practices Directive 2005/29/EC Arts. 6–7; Directive 2006/114/EC'),
    disease: L('法规(EU) 1169/2011第7(3)条；化妆品法规(EC) 1223/2009第20条及(EU) 655/2013；指令2005/29/EC附件一第17点', 'Reg. (EU) 1169/2011 Art. 7(3); Reg. (EC) 1223/2009 Art. 20 and Reg. (EU) 655/2013; Directive 2005/29/EC Annex I point 17'),
    immunity: L('法规(EC) 1924/2006第10条（仅限欧盟已批准的健康声称）', 'Reg. (EC) 1924/2006 Art. 10 (authorised health claims only)'),
    formula: L('授权法规(EU) 2016/127第8–10条（婴儿配方不得作营养与健康声称）', 'Delegated Reg. (EU) 2016/127 Arts. 8–10 (no nutrition or health claims on infant formula)'),
    bms: L('授权法规(EU) 2016/127第8–10条', 'Delegated Reg. (EU) 2016/127 Arts. 8–10'),
    bmsAds: L('授权法规(EU) 2016/127第10条（婴儿配方广告仅限育儿专业与科学出版物）', 'Delegated Reg. (EU) 2016/127 Art. 10 (infant formula ads only in baby-care and scientific publications)'),
    doctor: L('指令2005/29/EC第6条', 'Directive 2005/29/EC Art. 6'),
    doctorFood: L('法规(EC) 1924/2006第12(c)条（不得援引医生个人推荐）', 'Reg. (EC) 1924/2006 Art. 12(c) (no references to individual doctors\' recommendations)'),
    disparage: L('比较广告指令2006/114/EC第4(d)条', 'Directive 2006/114/EC Art. 4(d)'),
    pester: L('指令2005/29/EC附件一第28点', 'Directive 2005/29/EC Annex I point 28'),
    unsafe: L('视听媒体服务指令第9(1)(g)条（条款号待核）；指令2005/29/EC第5条', 'AVMS Directive Art. 9(1)(g) (check); Directive 2005/29/EC Art. 5'),
    guarantee: L('指令2005/29/EC第6条', 'Directive 2005/29/EC Art. 6'),
    misleading: L('指令2005/29/EC第6–7条', 'Directive 2005/29/EC Arts. 6–7'),
    fakeReview: L('指令2005/29/EC附件一第23b–23c点（经2019/2161修订）', 'Directive 2005/29/EC Annex I points 23b–23c (as amended by 2019/2161)'),
    data: L('指令2005/29/EC第6–7条；法规(EC) 1924/2006第6条', 'Directive 2005/29/EC Arts. 6–7; Reg. (EC) 1924/2006 Art. 6'),
    disclosure: L('指令2005/29/EC第7(2)条及附件一第11、22点', 'Directive 2005/29/EC Art. 7(2) and Annex I points 11, 22'),
  },
  UK: {
    superlative: L('CAP准则3.7、3.33（客观声称须有证据）', 'CAP Code 3.7, 3.33 (objective claims need evidence)'),
    disease: L('CAP准则12.1、15.6（条款号待核）；保留法规(EU) 1169/2011第7(3)条', 'CAP Code 12.1, 15.6 (check); retained Reg. (EU) 1169/2011 Art. 7(3)'),
    immunity: L('保留法规(EC) 1924/2006第10条；CAP准则15.1', 'retained Reg. (EC) 1924/2006 Art. 10; CAP Code 15.1'),
    formula: L('保留授权法规(EU) 2016/127；CAP准则15.9（条款号待核）', 'retained Delegated Reg. (EU) 2016/127; CAP Code 15.9 (check)'),
    bms: L('保留授权法规(EU) 2016/127；CAP准则15.9（条款号待核）', 'retained Delegated Reg. (EU) 2016/127; CAP Code 15.9 (check)'),
    bmsAds: L('保留授权法规(EU) 2016/127第10条；《婴儿配方与较大婴儿配方（英格兰）条例》（条款号待核）', 'retained Delegated Reg. (EU) 2016/127 Art. 10; Infant Formula and Follow-on Formula (England) Regulations (check)'),
    doctor: L('CAP准则3.45（条款号待核）', 'CAP Code 3.45 (check)'),
    doctorFood: L('保留法规(EC) 1924/2006第12(c)条；CAP准则15.6.5（条款号待核）', 'retained Reg. (EC) 1924/2006 Art. 12(c); CAP Code 15.6.5 (check)'),
    disparage: L('CAP准则3.42', 'CAP Code 3.42'),
    pester: L('CAP准则5.9', 'CAP Code 5.9'),
    unsafe: L('CAP准则5.1–5.2（条款号待核）', 'CAP Code 5.1–5.2 (check)'),
    guarantee: L('CAP准则3.7、3.53–3.57（条款号待核）', 'CAP Code 3.7, 3.53–3.57 (check)'),
    misleading: L('CAP准则3.1、3.7', 'CAP Code 3.1, 3.7'),
    fakeReview: L('《2024年数字市场、竞争和消费者法》附表20（条款号待核）', 'Digital Markets, Competition and Consumers Act 2024 Sch. 20 (check)'),
    data: L('CAP准则3.7、3.11（条款号待核）', 'CAP Code 3.7, 3.11 (check)'),
    disclosure: L('CAP准则2.1、2.4；《2024年数字市场、竞争和消费者法》附表20', 'CAP Code 2.1, 2.4; Digital Markets, Competition and Consumers Act 2024 Sch. 20'),
  },
};

const MED_MODS: readonly Mod[] = ['negation', 'breast', 'edu'];

export function intlPack(m: M): PackDef {
  const b = BASES[m];
  const strict = m !== 'US';
  const id = (s: string) => `${m}-${s}`;
  const sevIf = (euUk: Severity, us: Severity): Severity => (strict ? euUk : us);
  const diseaseMsg = L('“{match}”宣称预防、治疗或治愈疾病，这是药品声称。', '"{match}" claims to prevent, treat or cure a disease, which is a drug claim.');
  const diseaseSug = L('删除疾病声称，改为描述产品本身；如需提示就医，写“如有症状请咨询医生”。', 'Remove the disease claim and describe the product itself; to point to care, say "talk to your doctor about symptoms".');
  const rules: Rule[] = [
    {
      kind: 'term',
      id: id('SUPERLATIVE'),
      group: 'abs.en',
      category: 'absolute_claim',
      severity: 'review',
      mods: ['breast', 'rankBound'],
      basis: b.superlative,
      message: L('“{match}”是可被客观验证的比较或排名声称，须有证据支持。', '"{match}" is an objective comparative or ranking claim and needs evidence behind it.'),
      suggestion: L('注明依据（来源、范围、时间），或改为具体、可证实的特点。', 'Add the basis (source, scope, period), or replace it with a specific, verifiable feature.'),
    },
    {
      kind: 'term',
      id: id('PUFFERY'),
      group: 'abs.en.puffery',
      category: 'absolute_claim',
      severity: 'advisory',
      mods: ['breast'],
      basis: b.superlative,
      message: L('“{match}”属于明显的夸张修辞（puffery），一般合法；不要让它变成可验证的具体声称。', '"{match}" is obvious puffery, generally lawful; keep it from turning into a specific, checkable claim.'),
      suggestion: L('保持概括性；若要比较，请给出依据。', 'Keep it general; if you compare, give the basis.'),
    },
    { kind: 'pair', id: id('DISEASE-CLAIM'), anchor: 'med.verb.en', partner: 'med.cond.en', order: 'forward', gap: 30, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: ['medical_device', 'food_contact'] }, mods: MED_MODS, basis: b.disease, message: diseaseMsg, suggestion: diseaseSug },
    { kind: 'pair', id: id('DISEASE-CLAIM'), anchor: 'med.cond.en', partner: 'med.after.en', order: 'forward', gap: 20, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: ['medical_device', 'food_contact'] }, mods: MED_MODS, basis: b.disease, message: diseaseMsg, suggestion: diseaseSug },
    { kind: 'pair', id: id('DISEASE-CLAIM'), anchor: 'med.verbSoft.en', partner: 'med.cond.en', order: 'forward', gap: 30, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: ['medical_device', 'food_contact'] }, mods: MED_MODS, basis: b.disease, message: diseaseMsg, suggestion: diseaseSug },
    { kind: 'pair', id: id('FOOD-CONTACT-CLAIM'), anchor: 'med.verb.en', partner: 'med.cond.en', order: 'forward', gap: 30, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { productTypes: ['food_contact'] }, mods: MED_MODS, basis: b.disease, message: diseaseMsg, suggestion: L('描述设计本身（如“排气阀设计”），不要承诺治愈或消除疾病。', 'Describe the design (e.g. "vented design") rather than promising to cure or end a condition.') },
    { kind: 'pair', id: id('FOOD-CONTACT-CLAIM'), anchor: 'med.verbSoft.en', partner: 'med.cond.en', order: 'forward', gap: 30, scope: 'clause', category: 'medical_claim', severity: 'review', gate: { productTypes: ['food_contact'] }, mods: MED_MODS, basis: b.disease, message: L('“{match}”：奶瓶等产品的疾病功效声称须有充分证据。', '"{match}": a health effect claimed for a bottle or feeding product needs solid evidence.'), suggestion: L('描述设计本身（如“排气阀设计”），避免承诺疾病功效。', 'Describe the design (e.g. "vented design") rather than promising an effect on a condition.') },
    { kind: 'pair', id: id('DEVICE-INDICATION'), anchor: 'med.verbSoft.en', partner: 'med.cond.en', order: 'forward', gap: 30, scope: 'clause', category: 'medical_claim', severity: 'review', gate: { productTypes: ['medical_device'] }, mods: ['negation', 'edu'], basis: b.disease, message: L('医疗器械适应症“{match}”须与上市许可一致。', 'The device indication "{match}" must match its clearance or marking.'), suggestion: L('核对许可文件中的适应症原文。', 'Check the wording against the clearance or declaration of conformity.') },
    { kind: 'term', id: id('GROWTH-CLAIM'), group: 'growth.en', category: 'medical_claim', severity: 'review', gate: { productTypes: ['complementary_food', 'health_food', 'growing_up_milk', 'follow_on_formula', 'general'], unknownProductType: true }, mods: ['negation', 'edu'], basis: b.immunity, message: L('“{match}”是生长发育类健康声称，须与已批准或有证据的表述一致。', '"{match}" is a growth health claim; it must match authorised or substantiated wording.'), suggestion: L('使用已批准声称原文或删除。', 'Use authorised wording or remove it.') },
    { kind: 'pair', id: id('DEVICE-INDICATION'), anchor: 'med.verb.en', partner: 'med.cond.en', order: 'forward', gap: 30, scope: 'clause', category: 'medical_claim', severity: 'review', gate: { productTypes: ['medical_device'] }, mods: ['negation', 'edu'], basis: b.disease, message: L('医疗器械适应症“{match}”须与上市许可一致。', 'The device indication "{match}" must match its clearance or marking.'), suggestion: L('核对许可文件中的适应症原文。', 'Check the wording against the clearance or declaration of conformity.') },
    { kind: 'term', id: id('CURE-RATE'), group: 'med.cure.en', category: 'medical_claim', severity: 'block', gate: { notProductTypes: ['medical_device'] }, mods: MED_MODS, basis: b.disease, message: diseaseMsg, suggestion: diseaseSug },
    { kind: 'term', id: id('IMMUNITY-CLAIM'), group: 'immunity.soft.en', category: 'medical_claim', severity: 'review', gate: { notProductTypes: FORMULA_TYPES }, mods: ['negation', 'breast', 'edu'], basis: b.immunity, message: L('“{match}”是免疫相关健康声称，须与获批准或有证据的表述一致。', '"{match}" is an immune-health claim; it must match authorised or substantiated wording.'), suggestion: L(strict ? '使用已批准声称原文（如“维生素D有助于免疫系统的正常功能”）。' : '确认证据充分；膳食补充剂须附FDA免责声明。', strict ? 'Use an authorised claim verbatim (e.g. "vitamin D contributes to the normal function of the immune system").' : 'Make sure it is substantiated; supplements must carry the FDA disclaimer.') },
    { kind: 'term', id: id('IMMUNITY-CLAIM'), group: 'immunity.en', category: 'medical_claim', severity: sevIf('block', 'review'), gate: { notProductTypes: FORMULA_TYPES }, mods: ['negation', 'breast', 'edu'], basis: b.immunity, message: L('“{match}”是免疫健康声称，须使用获批准或有充分证据的表述。', '"{match}" is an immune-health claim; use authorised or well-substantiated wording.'), suggestion: L(strict ? '使用欧盟/英国已批准的声称原文（如“维生素D有助于免疫系统的正常功能”）。' : '确认证据充分；膳食补充剂须附FDA免责声明。', strict ? 'Use an authorised claim verbatim (e.g. "vitamin D contributes to the normal function of the immune system").' : 'Make sure it is substantiated; supplements must carry the FDA disclaimer.') },
    { kind: 'term', id: id('INFANT-FORMULA-CLAIM'), group: 'formula.claim.en', category: 'infant_formula_claim', severity: sevIf('block', 'review'), gate: { productTypes: ['infant_formula'] }, mods: ['negation', 'breast'], basis: b.formula, message: L(strict ? '婴儿配方不得作营养或健康声称：“{match}”。' : '婴儿配方声称“{match}”须有充分的科学证据。', strict ? 'Infant formula may not carry nutrition or health claims: "{match}".' : 'The infant formula claim "{match}" needs competent and reliable scientific evidence.'), suggestion: L('删除该声称，只保留法定成分与使用说明。', 'Remove the claim and keep to the mandatory composition and directions.') },
    { kind: 'term', id: id('INFANT-FORMULA-CLAIM'), group: 'immunity.soft.en', category: 'infant_formula_claim', severity: sevIf('block', 'review'), gate: { productTypes: ['infant_formula'] }, mods: ['negation', 'breast'], basis: b.formula, message: L('婴儿配方不得作免疫健康声称：“{match}”。', 'Infant formula may not carry immune-health claims: "{match}".'), suggestion: L('删除该声称。', 'Remove the claim.') },
    { kind: 'term', id: id('INFANT-FORMULA-CLAIM'), group: 'immunity.en', category: 'infant_formula_claim', severity: sevIf('block', 'review'), gate: { productTypes: ['infant_formula'] }, mods: ['negation', 'breast'], basis: b.formula, message: L('婴儿配方不得作免疫健康声称：“{match}”。', 'Infant formula may not carry immune-health claims: "{match}".'), suggestion: L('删除该声称。', 'Remove the claim.') },
    { kind: 'term', id: id('FOLLOW-ON-CLAIM'), group: 'formula.claim.en', category: 'infant_formula_claim', severity: 'review', gate: { productTypes: ['follow_on_formula', 'growing_up_milk'] }, mods: ['negation', 'breast'], basis: b.formula, message: L('较大婴儿/幼儿配方声称“{match}”须为已批准声称并有证据。', 'The follow-on / toddler milk claim "{match}" must be authorised and substantiated.'), suggestion: L('使用已批准的声称原文或删除。', 'Use authorised wording or remove it.') },
    { kind: 'term', id: id('FOLLOW-ON-CLAIM'), group: 'immunity.soft.en', category: 'infant_formula_claim', severity: 'review', gate: { productTypes: ['follow_on_formula', 'growing_up_milk'] }, mods: ['negation', 'breast'], basis: b.formula, message: L('较大婴儿/幼儿配方声称“{match}”须为已批准声称并有证据。', 'The follow-on / toddler milk claim "{match}" must be authorised and substantiated.'), suggestion: L('使用已批准的声称原文或删除。', 'Use authorised wording or remove it.') },
    { kind: 'term', id: id('FOLLOW-ON-CLAIM'), group: 'immunity.en', category: 'infant_formula_claim', severity: 'review', gate: { productTypes: ['follow_on_formula', 'growing_up_milk'] }, mods: ['negation', 'breast'], basis: b.formula, message: L('较大婴儿/幼儿配方声称“{match}”须为已批准声称并有证据。', 'The follow-on / toddler milk claim "{match}" must be authorised and substantiated.'), suggestion: L('使用已批准的声称原文或删除。', 'Use authorised wording or remove it.') },
    { kind: 'term', id: id('BMS-IDEALISING'), group: 'bms.en', category: 'breastmilk_substitute', severity: sevIf('block', 'review'), gate: { productTypes: ['infant_formula', 'follow_on_formula'] }, basis: b.bms, message: L('“{match}”暗示配方接近、等同或替代母乳。', '"{match}" implies the formula approaches, equals or replaces breast milk.'), suggestion: L('删除与母乳的比较。', 'Remove the comparison with breast milk.') },
    { kind: 'term', id: id('BMS-IDEALISING'), group: 'bms.en', category: 'breastmilk_substitute', severity: 'review', gate: { notProductTypes: ['infant_formula', 'follow_on_formula', 'food_contact'] }, basis: b.bms, message: L('“{match}”把产品与母乳相比。', '"{match}" compares the product with breast milk.'), suggestion: L('删除与母乳的比较。', 'Remove the comparison with breast milk.') },
    { kind: 'term', id: id('BMS-SUPERIOR'), group: 'bms.better.en', category: 'breastmilk_substitute', severity: 'block', basis: b.misleading, message: L('“{match}”声称优于母乳，这是虚假声称。', '"{match}" claims to beat breast milk, which is false.'), suggestion: L('删除该比较。', 'Remove the comparison.') },
    { kind: 'term', id: id('WHO-CODE-TEAT'), group: 'bms.en', category: 'breastmilk_substitute', severity: 'advisory', gate: { productTypes: ['food_contact'] }, basis: L('WHO《国际母乳代用品销售守则》（1981）', 'WHO International Code of Marketing of Breast-milk Substitutes (1981)'), message: L('奶瓶、奶嘴在《守则》范围内，“{match}”可能理想化奶瓶喂养。', 'Bottles and teats are in the WHO Code\'s scope; "{match}" may idealise bottle feeding.'), suggestion: L('描述奶嘴的设计本身。', 'Describe the teat design itself.') },
    {
      kind: 'custom',
      id: id('INFANT-FORMULA-PROMOTION'),
      detector: 'bmsPromotion',
      category: 'breastmilk_substitute',
      severity: strict ? 'block' : 'advisory',
      params: { productTypes: strict ? ['infant_formula'] : ['infant_formula', 'follow_on_formula'], massChannels: ['en_social_post', 'en_email', 'xiaohongshu_note', 'wechat_article', 'douyin_live_script'], otherSeverity: strict ? 'review' : 'advisory', purchase: 'purchase.en', formulaWord: 'ctx.formulaWord.en' },
      basis: b.bmsAds,
      message: strict ? L('婴儿配方不得面向消费者做广告。', 'Infant formula may not be advertised to consumers.') : L('WHO《守则》不建议面向消费者推广母乳代用品（美国未立法）。', 'The WHO Code advises against consumer promotion of breast-milk substitutes (not US law).'),
      suggestion: L('改为不含推广的喂养信息，或推广非婴儿配方产品。', 'Turn this into non-promotional feeding information, or promote a product that is not infant formula.'),
    },
    { kind: 'term', id: id('EXPERT-ENDORSEMENT'), group: 'endorse.pro.en', category: 'endorsement', severity: sevIf('block', 'review'), gate: { productTypes: FOOD_TYPES }, mods: ['edu', 'negation'], basis: b.doctorFood, message: L(strict ? '食品声称不得援引医生或医护人员的推荐：“{match}”。' : '专家推荐“{match}”须真实，且须有专业评估依据。', strict ? 'Food claims may not refer to recommendations by doctors or health professionals: "{match}".' : 'The expert endorsement "{match}" must be genuine and backed by a real professional assessment.'), suggestion: L('删除医生推荐的表述，或提供可核实的依据。', 'Remove the doctor recommendation, or document it properly.') },
    { kind: 'term', id: id('EXPERT-ENDORSEMENT'), group: 'endorse.pro.en', category: 'endorsement', severity: 'review', gate: { notProductTypes: FOOD_TYPES }, mods: ['edu', 'negation'], basis: b.doctor, message: L('专家推荐“{match}”须真实并有依据。', 'The expert endorsement "{match}" must be genuine and documented.'), suggestion: L('提供推荐的依据（谁、何时、如何得出），或删除。', 'Document who recommended it, when and on what basis, or remove it.') },
    { kind: 'pair', id: id('DISPARAGEMENT'), anchor: 'brand.en', partner: 'disp.neg.en', order: 'either', gap: 40, scope: 'sentence', category: 'disparagement', severity: sevIf('block', 'review'), mods: ['negation'], basis: b.disparage, message: L('“{match}”贬低可识别的竞争品牌。', '"{match}" denigrates an identifiable competitor.'), suggestion: L('删除负面评价，只作可证实的客观比较。', 'Remove the denigration; compare only on verifiable, objective facts.') },
    { kind: 'pair', id: id('DISPARAGEMENT-GENERIC'), anchor: 'competitor.generic.en', partner: 'disp.neg.en', order: 'either', gap: 40, scope: 'sentence', category: 'disparagement', severity: 'review', mods: ['negation'], basis: b.disparage, message: L('“{match}”泛指贬低其他产品。', '"{match}" denigrates other products in general.'), suggestion: L('改为说明本品可证实的特点。', 'State verifiable facts about your own product instead.') },
    { kind: 'term', id: id('PESTER-POWER-ADDRESS'), group: 'minor.pester.en', category: 'minor_protection', severity: sevIf('block', 'review'), gate: { productTypes: ['toy'] }, basis: b.pester, message: L('“{match}”直接劝诱儿童要求家长购买。', '"{match}" directly tells children to ask their parents to buy.'), suggestion: L('改为面向家长的表述。', 'Address the parents instead.') },
    { kind: 'term', id: id('PESTER-POWER'), group: 'minor.pester.en', category: 'minor_protection', severity: sevIf('block', 'review'), basis: b.pester, message: L('“{match}”直接劝诱儿童要求家长购买。', '"{match}" directly tells children to ask their parents to buy.'), suggestion: L('改为面向家长的表述。', 'Address the parents instead.') },
    { kind: 'pair', id: id('UNSAFE-PRACTICE'), anchor: 'sleep.verb.en', partner: 'sleep.prone.en', order: 'either', gap: 20, scope: 'clause', category: 'minor_protection', severity: 'block', mods: ['negation', 'risk'], basis: b.unsafe, message: L('“{match}”展示或鼓励婴儿俯卧睡眠。', '"{match}" shows or encourages a baby sleeping on the tummy.'), suggestion: L('婴儿睡眠应始终仰卧；清醒且有人看护时才可俯卧（tummy time）。', 'Babies should always sleep on their backs; tummy time is for awake, supervised play.') },
    { kind: 'term', id: id('UNSAFE-PRACTICE'), group: 'minor.unsafe.en', category: 'minor_protection', severity: 'block', mods: ['negation', 'risk'], basis: b.unsafe, message: L('“{match}”展示或鼓励不安全的婴儿护理方式。', '"{match}" shows or encourages an unsafe infant care practice.'), suggestion: L('删除该内容；睡眠请提示仰卧、独立睡眠空间，洗澡时大人全程看护。', 'Remove it; show back-sleeping in a clear cot and constant supervision in water.') },
    { kind: 'term', id: id('GUARANTEE'), group: 'guar.en', category: 'guarantee', severity: 'review', mods: ['negation'], basis: b.guarantee, message: L('“{match}”承诺了无法保证的结果或安全性。', '"{match}" promises a result or level of safety no one can guarantee.'), suggestion: L('删除保证；满意保证须写明条件。', 'Remove the guarantee; a satisfaction guarantee must state its terms.') },
    { kind: 'term', id: id('NO-SIDE-EFFECTS'), group: 'fm.noSideEffect.en', category: 'false_or_misleading', severity: 'review', mods: ['negation'], basis: b.misleading, message: L('“{match}”是难以证实的绝对安全声称。', '"{match}" is an absolute safety claim that is hard to substantiate.'), suggestion: L('改为具体的安全检测信息。', 'State the specific safety testing instead.') },
    { kind: 'term', id: id('FAST-RESULTS'), group: 'fm.fast.en', category: 'false_or_misleading', severity: 'review', mods: ['negation'], basis: b.misleading, message: L('“{match}”承诺了见效时间，须有证据。', '"{match}" promises results within a time frame and needs evidence.'), suggestion: L('删除见效时间，或附上证据与“效果因人而异”。', 'Remove the time frame, or substantiate it and note that results vary.') },
    { kind: 'term', id: id('REVIEW-INCENTIVE'), group: 'fm.fakeReview.en', category: 'false_or_misleading', severity: 'block', basis: b.fakeReview, message: L('“{match}”以利益换取正面评价。', '"{match}" offers a reward for positive reviews.'), suggestion: L('删除以好评为条件的奖励。', 'Remove any incentive conditioned on a positive review.') },
    { kind: 'term', id: id('REGULATOR-APPROVAL'), group: 'fm.fda.en', category: 'false_or_misleading', severity: sevIf('review', 'block'), gate: { notProductTypes: ['medical_device'] }, basis: b.misleading, message: L('“{match}”：FDA不批准或认证此类产品，该表述误导。', '"{match}": the FDA does not approve or certify this kind of product; the wording misleads.'), suggestion: L('写明实际的合规状态（如“在FDA注册的工厂生产”需谨慎使用）。', 'State the actual regulatory status accurately.') },
    {
      kind: 'custom',
      id: id('SUBSTANTIATION'),
      detector: 'dataClaims',
      category: 'unsubstantiated_data',
      severity: 'review',
      params: { claim: 'data.claim.en', pop: 'data.pop.en', source: ['ctx.dataSrc.en'], sample: ['ctx.sample.en'] },
      basis: b.data,
      message: L('“{match}”引用研究或统计，须有充分证据并可核实。', '"{match}" cites research or statistics; it needs solid, checkable evidence.'),
      suggestion: L('注明来源、样本与时间，或删除该数据。', 'Name the source, sample and date, or remove the figure.'),
    },
    {
      kind: 'custom',
      id: id('AD-DISCLOSURE'),
      detector: 'adDisclosure',
      category: 'ad_disclosure',
      severity: 'block',
      params: { label: [m === 'US' ? 'adlabel.us' : m === 'UK' ? 'adlabel.uk' : 'adlabel.eu'], weak: m === 'UK' ? ['adlabel.uk.weak'] : [], purchase: ['purchase.en'] },
      basis: b.disclosure,
      message: L(m === 'UK' ? '商业合作内容须在开头清楚标明“#ad”或“Ad”。' : '付费或赠品合作内容须清楚披露（#ad、Sponsored、Paid partnership）。', m === 'UK' ? 'Paid or gifted content must be labelled up front with "#ad" or "Ad".' : 'Paid or gifted content must disclose the relationship clearly (#ad, Sponsored, Paid partnership).'),
      suggestion: L(m === 'UK' ? '在开头加上“#ad”。' : '在开头加上“#ad”或“Sponsored”。', m === 'UK' ? 'Add "#ad" at the start.' : 'Add "#ad" or "Sponsored" at the start.'),
    },
  ];
  return { market: m, groups: INTL_GROUPS, rules };
}

const dataGroupsEn: Groups = {
  'data.claim.en': [
    'studies show', 'study shows', 'research shows', 'research proves', 'research has shown', 'studies have shown', 'clinically proven', 'clinically shown',
    'clinically tested to', 'scientifically proven', 'proven to', 'proven results', 'science-backed', 'lab tested to', 'tests show', 'tested and proven',
    'survey shows', 'surveys show', 'clinical studies show', 'clinical trials show', 'clinically demonstrated', 'proven formula', 'science shows',
  ],
  'data.pop.en': ['moms', 'mums', 'mothers', 'parents', 'pediatricians', 'paediatricians', 'doctors', 'customers', 'users', 'families', 'babies', 'dads', 'experts', 'nurses', 'midwives', 'caregivers'],
  'ctx.dataSrc.en': [
    'source', 'according to', 'published in', 'journal', 'university', 'et al', 'study by', 'nielsen', 'circana', 'kantar', 'ipsos', 'euromonitor',
    'data on file', 'survey of', 'conducted by', 'hospital', 'institute', 'who', 'cdc', 'aap', 'pubmed', 'lancet', 'clinicaltrials.gov', 'pediatrics',
  ],
  'ctx.sample.en': ['n=', 'participants', 'respondents', 'surveyed', 'sample', 'subjects', 'infants studied', 'babies studied'],
};

/** One object for the three English packs, so they share one compiled automaton. */
const INTL_GROUPS: Groups = { ...enGroups, ...dataGroupsEn };
