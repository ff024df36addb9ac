import type { Mod, Rule } from '../model.js';
import { COSMETIC_TYPES, FORMULA_TYPES } from '../model.js';
import { L } from '../text.js';

/**
 * Claims, not vocabulary: disease words alone are education; a verb that promises an effect
 * on a condition is a claim. Art. 17 bans disease claims outside medical ads; Art. 16 and 18
 * govern devices and health food; the formula registration rules ban function claims.
 */

const MED_BASIS = L('《广告法》第17条；食品另见《食品安全法》第73条第1款', 'PRC Advertising Law Art. 17; for foods also Food Safety Law Art. 73(1)');
const MED_MSG = L('“{match}”宣称预防、治疗或缓解疾病，非医疗类商品的广告不得涉及疾病治疗功能。', '"{match}" claims to prevent, treat or relieve a disease; ads for non-medical products may not claim to treat disease.');
const MED_SUG = L('删除疾病功效表述，改为描述产品本身的特点（如成分、质地、使用感受）；如需提示就医，请写“如出现症状请及时就医”。', 'Remove the disease claim and describe the product itself (ingredients, texture, how it feels in use); to point to care, write "see a doctor if symptoms appear".');
const MED_MODS: readonly Mod[] = ['negation', 'breast', 'edu', 'educationChannel'];
const NON_MED = ['medical_device', 'cosmetic', 'children_cosmetic', 'food_contact'] as const;

const COS_BASIS = L('《化妆品监督管理条例》第37条、第43条（条款号待核）；《化妆品标签管理办法》', 'Cosmetics Supervision and Administration Regulation Arts. 37, 43 (check); Cosmetics Labelling Measures');
const COS_MSG = L('化妆品不得明示或暗示医疗作用：“{match}”。', 'Cosmetics may not state or imply a medical effect: "{match}".');
const COS_SUG = L('改为化妆品可宣称的表述，如“温和护理肌肤”“保湿”“舒缓干燥”。', 'Use cosmetic wording such as "gently cares for the skin", "moisturises" or "soothes dryness".');

const IFR_BASIS = L(
  '《婴幼儿配方乳粉产品配方注册管理办法》（2023）标签与说明书要求（条款号待核）；《母乳代用品销售管理办法》第6条',
  'Infant Formula Milk Powder Formula Registration Measures (2023), label rules (check); Breast-milk Substitutes Marketing Measures Art. 6',
);
const IFR_SUG = L('删除功能、奶源或“0添加”类表述，只写注册批准的配方信息与食用方法。', 'Remove the function, vague-origin or "0 added" wording; keep to the registered formula facts and directions for use.');

const BMS_BASIS = L('《广告法》第20条（条款号待核）；《母乳代用品销售管理办法》第6条', 'PRC Advertising Law Art. 20 (check); Breast-milk Substitutes Marketing Measures Art. 6');
const BMS_MSG = L('“{match}”声称或暗示产品接近、等同、替代或优于母乳。', '"{match}" claims or implies the product approaches, equals, replaces or beats breast milk.');
const BMS_SUG = L('删除与母乳比较的表述；可注明“母乳是婴儿最理想的食物”。', 'Remove the comparison with breast milk; you may state that breast milk is the ideal food for babies.');

export const cnClaimRules: Rule[] = [
  // --- medical claims on ordinary products
  { kind: 'pair', id: 'CN-AD-17-MEDICAL-CLAIM', anchor: 'med.verb', partner: 'med.cond', order: 'forward', gap: 6, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: NON_MED }, mods: MED_MODS, basis: MED_BASIS, message: MED_MSG, suggestion: MED_SUG },
  { kind: 'pair', id: 'CN-AD-17-MEDICAL-CLAIM', anchor: 'med.cond', partner: 'med.after', order: 'forward', gap: 6, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: NON_MED }, mods: MED_MODS, basis: MED_BASIS, message: MED_MSG, suggestion: MED_SUG },
  { kind: 'pair', id: 'CN-AD-17-MEDICAL-CLAIM', anchor: 'med.verbNot', partner: 'med.cond', order: 'forward', gap: 0, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: NON_MED }, mods: ['breast', 'edu', 'educationChannel', 'commercialOnly'], basis: MED_BASIS, message: MED_MSG, suggestion: MED_SUG },
  // 湿疹宝宝 / 过敏体质: aiming the product at a disease population implies treating it
  {
    kind: 'pair',
    id: 'CN-AD-17-DISEASE-POPULATION',
    anchor: 'med.cond',
    partner: 'med.population',
    order: 'forward',
    gap: 0,
    scope: 'clause',
    category: 'medical_claim',
    severity: 'review',
    gate: { notProductTypes: ['medical_device', 'cosmetic', 'children_cosmetic', 'special_medical_food'] },
    mods: ['notAfterVerb', 'negation', 'edu', 'educationChannel', 'commercialOnly', 'breast'],
    basis: MED_BASIS,
    message: L('“{match}”以患病人群为对象，可能暗示治疗功能。', '"{match}" targets people with a condition, which can imply a treatment effect.'),
    suggestion: L('改为描述适用肤质或月龄（如“适合干性肌肤”“6月龄以上”），不提疾病。', 'Describe the skin type or age range instead (e.g. "for dry skin", "6 months+"), without naming a condition.'),
  },
  // 贫血怎么办？吃XX就对了: the remedy follows the condition, often across a question mark
  { kind: 'pair', id: 'CN-AD-17-MEDICAL-CLAIM', anchor: 'med.cond', partner: 'med.remedy', order: 'forward', gap: 16, scope: 'span', category: 'medical_claim', severity: 'block', gate: { notProductTypes: ['medical_device'] }, mods: ['negation', 'edu', 'commercialOnly'], basis: MED_BASIS, message: MED_MSG, suggestion: MED_SUG },
  { kind: 'term', id: 'CN-AD-17-MEDICAL-CLAIM', group: 'med.literal.sick', category: 'medical_claim', severity: 'block', gate: { notProductTypes: ['medical_device'] }, mods: ['negation', 'breast', 'edu'], basis: MED_BASIS, message: MED_MSG, suggestion: MED_SUG },
  {
    kind: 'term',
    id: 'CN-AD-17-QUASI-MEDICAL',
    group: 'med.literal.soft',
    category: 'medical_claim',
    severity: 'review',
    gate: { notProductTypes: ['medical_device'] },
    mods: ['negation'],
    basis: MED_BASIS,
    message: L('“{match}”带有医疗保健暗示，需核实能否宣称。', '"{match}" implies a health effect; check whether it can be claimed.'),
    suggestion: L('改为描述设计或成分本身（如“排气阀设计”），避免暗示功效。', 'Describe the design or ingredient itself (e.g. "vent valve design") rather than an effect.'),
  },
  {
    kind: 'term',
    id: 'CN-AD-17-MEDICAL-TERM',
    group: 'med.term.strong',
    category: 'medical_claim',
    severity: 'block',
    gate: { notProductTypes: ['medical_device', 'cosmetic', 'children_cosmetic'] },
    mods: ['negation'],
    basis: L('《广告法》第17条（不得使用医疗用语）', 'PRC Advertising Law Art. 17 (no medical terms)'),
    message: L('“{match}”是医疗用语，易使商品与药品、医疗器械混淆。', '"{match}" is a medical term that makes the product look like a drug or device.'),
    suggestion: L('删除医疗用语，改为描述产品本身的特点。', 'Remove the medical term and describe the product itself.'),
  },
  {
    kind: 'term',
    id: 'CN-AD-17-MEDICAL-GRADE',
    group: 'med.term.grade',
    category: 'medical_claim',
    severity: 'review',
    gate: { notProductTypes: ['medical_device', 'cosmetic', 'children_cosmetic'] },
    basis: L('《广告法》第17条（不得使用医疗用语）', 'PRC Advertising Law Art. 17 (no medical terms)'),
    message: L('“{match}”在非医疗器械上使用易与医疗器械混淆。', '"{match}" on a non-medical product can be confused with a medical device.'),
    suggestion: L('改为材料的具体标准或检测结果，如“符合GB 4806.11食品接触用硅橡胶标准”。', 'State the actual material standard or test instead, e.g. "meets GB 4806.11 for food-contact silicone".'),
  },
  {
    kind: 'term',
    id: 'CN-WIPES-GERM-CLAIM',
    group: 'med.term.germ',
    category: 'medical_claim',
    severity: 'review',
    gate: { productTypes: ['diapers_wipes'] },
    mods: ['xiaozi', 'negation'],
    basis: L('《消毒管理办法》；《广告法》第17条', 'Disinfection Management Measures; PRC Advertising Law Art. 17'),
    message: L('“{match}”属于消毒产品功能，只有取得消字号的产品才能宣称。', '"{match}" is a disinfection claim, allowed only for products with a disinfection-product licence (消字号).'),
    suggestion: L('如有消字号，请在文案中注明批准文号；没有则删除该表述。', 'If the product has a 消字号 licence, state the number; otherwise remove the claim.'),
  },
  { kind: 'term', id: 'CN-AD-16-CURE-RATE', group: 'med.cure', category: 'medical_claim', severity: 'block', mods: ['negation'], basis: L('《广告法》第16条第1款第2项、第17条', 'PRC Advertising Law Arts. 16(1)(2), 17'), message: L('“{match}”是治愈率、有效率或根治类表述，任何广告都不得使用。', '"{match}" states a cure or efficacy rate; no ad may use it.'), suggestion: L('删除治愈率、有效率等表述。', 'Remove the cure or efficacy rate.') },

  // --- medical devices: indications must match the registration certificate
  { kind: 'pair', id: 'CN-AD-16-DEVICE-INDICATION', anchor: 'med.verb', partner: 'med.cond', order: 'forward', gap: 6, scope: 'clause', category: 'medical_claim', severity: 'review', gate: { productTypes: ['medical_device'] }, mods: ['negation', 'edu'], basis: L('《广告法》第16条；医疗器械广告须与注册证一致', 'PRC Advertising Law Art. 16; device ads must match the registration certificate'), message: L('医疗器械的适用范围“{match}”须与注册证一致，且广告须经审查。', 'The device indication "{match}" must match the registration certificate, and the ad needs prior review.'), suggestion: L('核对注册证的适用范围原文，并标注广告批准文号及“请仔细阅读产品说明书或者在医务人员的指导下购买和使用”。', 'Check the wording against the certificate, and show the ad approval number and the notice to read the instructions or buy under medical guidance.') },

  // --- food-contact products (bottles, teats): disease claims need review rather than a hard block, design claims are fine
  { kind: 'pair', id: 'CN-AD-17-FOOD-CONTACT-CLAIM', anchor: 'med.verb', partner: 'med.cond', order: 'forward', gap: 6, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { productTypes: ['food_contact'] }, mods: MED_MODS, basis: MED_BASIS, message: MED_MSG, suggestion: L('改为描述设计本身，如“防胀气排气阀设计”，不要承诺对疾病的效果。', 'Describe the design itself, e.g. "anti-colic vent design", without promising an effect on a condition.') },

  // --- cosmetics
  { kind: 'pair', id: 'CN-COSMETIC-MEDICAL-CLAIM', anchor: 'med.verb', partner: 'med.cond', order: 'forward', gap: 6, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['negation', 'edu'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG, replacement: L('温和护理肌肤', 'gently cares for the skin') },
  { kind: 'pair', id: 'CN-COSMETIC-MEDICAL-CLAIM', anchor: 'med.cond', partner: 'med.after', order: 'forward', gap: 6, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['negation', 'edu'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },
  { kind: 'pair', id: 'CN-COSMETIC-MEDICAL-CLAIM', anchor: 'med.verbNot', partner: 'med.cond', order: 'forward', gap: 0, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['edu', 'commercialOnly'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },
  { kind: 'pair', id: 'CN-COSMETIC-MEDICAL-CLAIM', anchor: 'med.cond', partner: 'med.population', order: 'forward', gap: 0, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['notAfterVerb', 'negation', 'edu', 'commercialOnly'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },
  { kind: 'term', id: 'CN-COSMETIC-MEDICAL-TERM', group: 'med.term.strong', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['negation'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },
  { kind: 'term', id: 'CN-COSMETIC-MEDICAL-TERM', group: 'med.term.germ', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['negation'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },
  { kind: 'term', id: 'CN-COSMETIC-MEDICAL-TERM', group: 'med.term.grade', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['negation'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },
  { kind: 'term', id: 'CN-COSMETIC-MEDICAL-TERM', group: 'med.literal.sick', category: 'medical_claim', severity: 'block', gate: { productTypes: COSMETIC_TYPES }, mods: ['negation'], basis: COS_BASIS, message: COS_MSG, suggestion: COS_SUG },

  // --- immunity
  {
    kind: 'term',
    id: 'CN-AD-17-IMMUNITY',
    group: 'immunity.claim',
    category: 'medical_claim',
    severity: 'block',
    gate: { notProductTypes: [...FORMULA_TYPES, 'health_food', 'medical_device'] },
    mods: ['breast', 'negation', 'edu'],
    basis: MED_BASIS,
    message: L('“{match}”是增强免疫或抵抗力的保健功能声称，普通商品不得宣称。', '"{match}" is an immunity claim; ordinary products may not make it.'),
    suggestion: L('删除免疫力、抵抗力表述，可如实列出所含营养成分。', 'Remove the immunity wording; you may list the nutrients the product contains.'),
  },
  { kind: 'pair', id: 'CN-AD-17-IMMUNITY', anchor: 'immunity.verb', partner: 'immunity.bare', order: 'forward', gap: 4, scope: 'clause', category: 'medical_claim', severity: 'block', gate: { notProductTypes: [...FORMULA_TYPES, 'health_food', 'medical_device'] }, mods: ['breast', 'negation', 'edu'], basis: MED_BASIS, message: L('“{match}”是增强免疫或抵抗力的保健功能声称，普通商品不得宣称。', '"{match}" is an immunity claim; ordinary products may not make it.'), suggestion: L('删除免疫力、抵抗力表述，可如实列出所含营养成分。', 'Remove the immunity wording; you may list the nutrients the product contains.') },
  { kind: 'pair', id: 'CN-AD-18-HEALTH-FOOD-FUNCTION', anchor: 'immunity.verb', partner: 'immunity.bare', order: 'forward', gap: 4, scope: 'clause', category: 'medical_claim', severity: 'review', gate: { productTypes: ['health_food'] }, mods: ['negation'], basis: L('《广告法》第18条；保健食品广告须与注册或备案的保健功能一致并经审查', 'PRC Advertising Law Art. 18; health-food ads must match the registered function and be pre-approved'), message: L('保健功能“{match}”须与批准的功能表述完全一致（如“有助于增强免疫力”）。', 'The health function "{match}" must match the approved wording exactly (e.g. "helps enhance immunity").'), suggestion: L('使用批准证书上的功能原文，并标注“本品不能代替药物”。', 'Use the approved function wording and show "this product cannot replace medicine".') },
  {
    kind: 'term',
    id: 'CN-AD-18-HEALTH-FOOD-FUNCTION',
    group: 'immunity.claim',
    category: 'medical_claim',
    severity: 'review',
    gate: { productTypes: ['health_food'] },
    mods: ['negation'],
    basis: L('《广告法》第18条；保健食品广告须与注册或备案的保健功能一致并经审查', 'PRC Advertising Law Art. 18; health-food ads must match the registered function and be pre-approved'),
    message: L('保健功能“{match}”须与批准的功能表述完全一致（如“有助于增强免疫力”）。', 'The health function "{match}" must match the approved wording exactly (e.g. "helps enhance immunity").'),
    suggestion: L('使用批准证书上的功能原文，并标注“本品不能代替药物”。', 'Use the approved function wording and show "this product cannot replace medicine".'),
  },
  { kind: 'term', id: 'CN-AD-18-HEALTH-FOOD-FUNCTION', group: 'formula.gut', category: 'medical_claim', severity: 'review', gate: { productTypes: ['health_food'] }, mods: ['negation'], basis: L('《广告法》第18条', 'PRC Advertising Law Art. 18'), message: L('保健功能“{match}”须与批准的功能表述一致。', 'The health function "{match}" must match the approved wording.'), suggestion: L('使用批准证书上的功能原文。', 'Use the approved function wording.') },
  {
    kind: 'term',
    id: 'CN-FOOD-FUNCTION-CLAIM',
    group: 'formula.brain',
    category: 'medical_claim',
    severity: 'block',
    gate: { productTypes: ['complementary_food', 'health_food', 'special_medical_food'] },
    mods: ['negation', 'breast'],
    basis: L('《食品安全法》第73条；《广告法》第18条、第28条', 'PRC Food Safety Law Art. 73; Advertising Law Arts. 18, 28'),
    message: L('“{match}”声称益智或促进大脑发育，食品不得宣称未经批准的功能。', '"{match}" claims a brain or intelligence benefit; foods may not claim unapproved functions.'),
    suggestion: L('删除功能表述，可如实写明所含营养成分及含量。', 'Remove the function claim; you may state the nutrients and their amounts.'),
  },
  { kind: 'term', id: 'CN-FOOD-FUNCTION-CLAIM', group: 'formula.gut', category: 'medical_claim', severity: 'block', gate: { productTypes: ['complementary_food', 'special_medical_food'] }, mods: ['negation', 'breast'], basis: L('《食品安全法》第73条；《广告法》第28条', 'PRC Food Safety Law Art. 73; Advertising Law Art. 28'), message: L('“{match}”是肠道保健功能声称，普通食品不得宣称。', '"{match}" is a gut-health function claim that ordinary foods may not make.'), suggestion: L('删除功能表述，可如实写明所含成分。', 'Remove the function claim; you may list the ingredients.') },

  // --- infant formula (registration rules apply to infant, follow-on and toddler formula)
  { kind: 'term', id: 'CN-IFR-FUNCTION-CLAIM', group: 'formula.brain', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称益智、促进大脑发育等功能：“{match}”。', 'Infant formula may not claim intelligence or brain benefits: "{match}".'), suggestion: IFR_SUG },
  { kind: 'term', id: 'CN-IFR-FUNCTION-CLAIM', group: 'immunity.claim', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称增加抵抗力或免疫力：“{match}”。', 'Infant formula may not claim to build resistance or immunity: "{match}".'), suggestion: IFR_SUG },
  { kind: 'term', id: 'CN-IFR-FUNCTION-CLAIM', group: 'immunity.bare', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称增加抵抗力或免疫力：“{match}”。', 'Infant formula may not claim to build resistance or immunity: "{match}".'), suggestion: IFR_SUG },
  { kind: 'term', id: 'CN-IFR-FUNCTION-CLAIM', group: 'formula.gut', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称保护肠道等功能：“{match}”。', 'Infant formula may not claim gut-protection or digestion benefits: "{match}".'), suggestion: IFR_SUG },
  // disease claims on formula also breach the registration rules' ban on function claims
  { kind: 'pair', id: 'CN-IFR-DISEASE-CLAIM', anchor: 'med.verb', partner: 'med.cond', order: 'forward', gap: 6, scope: 'clause', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast', 'edu'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称预防或改善疾病：“{match}”。', 'Infant formula may not claim to prevent or relieve a condition: "{match}".'), suggestion: IFR_SUG },
  { kind: 'pair', id: 'CN-IFR-DISEASE-CLAIM', anchor: 'med.verbNot', partner: 'med.cond', order: 'forward', gap: 0, scope: 'clause', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['breast', 'edu', 'commercialOnly'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称预防或改善疾病：“{match}”。', 'Infant formula may not claim to prevent or relieve a condition: "{match}".'), suggestion: IFR_SUG },
  { kind: 'pair', id: 'CN-IFR-DISEASE-CLAIM', anchor: 'med.cond', partner: 'med.after', order: 'forward', gap: 6, scope: 'clause', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast', 'edu'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称预防或改善疾病：“{match}”。', 'Infant formula may not claim to prevent or relieve a condition: "{match}".'), suggestion: IFR_SUG },
  { kind: 'term', id: 'CN-FOOD-FUNCTION-CLAIM', group: 'formula.misc', category: 'medical_claim', severity: 'block', gate: { productTypes: ['complementary_food', 'health_food', 'special_medical_food'] }, mods: ['negation', 'breast'], basis: L('《食品安全法》第73条；《广告法》第18条、第28条', 'PRC Food Safety Law Art. 73; Advertising Law Arts. 18, 28'), message: L('“{match}”声称促进生长、助眠等功能，食品不得宣称未经批准的功能。', '"{match}" claims a growth or sleep benefit; foods may not claim unapproved functions.'), suggestion: L('删除功能表述，可如实写明所含营养成分。', 'Remove the function claim; you may state the nutrients.') },
  { kind: 'term', id: 'CN-IFR-FUNCTION-CLAIM', group: 'formula.misc', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, mods: ['negation', 'breast'], basis: IFR_BASIS, message: L('婴幼儿配方乳粉不得宣称助眠、长高等功能：“{match}”。', 'Infant formula may not claim sleep, height or growth benefits: "{match}".'), suggestion: IFR_SUG },
  { kind: 'term', id: 'CN-IFR-ORIGIN', group: 'formula.origin', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, basis: IFR_BASIS, message: L('“{match}”是模糊奶源或产地表述，婴幼儿配方乳粉标签与宣传不得使用。', '"{match}" is a vague origin claim that infant formula labels and promotion may not use.'), suggestion: L('如需说明原料来源，写明具体国家与原料名称并与注册信息一致。', 'If you name the source, give the exact country and ingredient, consistent with the registration.') },
  { kind: 'term', id: 'CN-IFR-ZERO-ADDED', group: 'formula.zeroAdd', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, basis: IFR_BASIS, message: L('“{match}”：婴幼儿配方乳粉不得对依法不允许添加的物质作“不添加/0添加”声称。', '"{match}": infant formula may not claim "no added" for substances that may not be added anyway.'), suggestion: L('删除“0添加/不添加”表述。', 'Remove the "0 added / no added" wording.') },
  { kind: 'term', id: 'CN-IFR-HUMANISED', group: 'formula.humanised', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: FORMULA_TYPES }, basis: IFR_BASIS, message: L('婴幼儿配方食品不得使用“人乳化”“母乳化”等名词：“{match}”。', 'Infant formula may not be called "humanised" or "maternalised": "{match}".'), suggestion: BMS_SUG },
  // GB 13432: no content or function claims for 0–6 month formula; stage unknown → ask
  { kind: 'pair', id: 'CN-GB13432-STAGE1-CLAIM', anchor: 'nutr.claimWord', partner: 'nutr.nutrient', order: 'forward', gap: 6, scope: 'clause', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: ['infant_formula'], stages: [1] }, mods: ['breast'], basis: L('GB 13432-2013《预包装特殊膳食用食品标签》（0～6月龄婴儿配方食品不应作含量声称和功能声称；条款号待核）', 'GB 13432-2013 (no nutrient-content or function claims on 0–6 month formula; clause to check)'), message: L('1段（0～6月龄）配方食品不得作营养成分含量或功能声称：“{match}”。', 'Stage-1 (0–6 months) formula may not make nutrient-content or function claims: "{match}".'), suggestion: L('删除“富含/添加…促进…”类表述，营养成分信息只在营养成分表中列示。', 'Remove "rich in / added … supports …" wording; list nutrients only in the nutrition table.') },
  { kind: 'pair', id: 'CN-GB13432-STAGE1-CLAIM', anchor: 'nutr.nutrient', partner: 'nutr.function', order: 'forward', gap: 4, scope: 'clause', category: 'infant_formula_claim', severity: 'block', gate: { productTypes: ['infant_formula'], stages: [1] }, mods: ['breast'], basis: L('GB 13432-2013（条款号待核）', 'GB 13432-2013 (clause to check)'), message: L('1段（0～6月龄）配方食品不得作营养成分功能声称：“{match}”。', 'Stage-1 formula may not make nutrient function claims: "{match}".'), suggestion: L('删除功能声称。', 'Remove the function claim.') },
  { kind: 'pair', id: 'CN-GB13432-STAGE1-CLAIM', anchor: 'nutr.claimWord', partner: 'nutr.nutrient', order: 'forward', gap: 6, scope: 'clause', category: 'infant_formula_claim', severity: 'review', gate: { productTypes: ['infant_formula'], stages: ['unknown'] }, mods: ['breast'], basis: L('GB 13432-2013（条款号待核）', 'GB 13432-2013 (clause to check)'), message: L('营养成分声称“{match}”：如为1段（0～6月龄）产品则不得使用。', 'Nutrient claim "{match}": not allowed if this is stage-1 (0–6 month) formula.'), suggestion: L('确认产品段位；1段产品请删除含量与功能声称。', 'Confirm the stage; for stage 1, remove content and function claims.') },

  // --- breast-milk comparisons
  { kind: 'term', id: 'CN-AD-20-BMS-CLAIM', group: 'bms.cmp', category: 'breastmilk_substitute', severity: 'block', gate: { productTypes: ['infant_formula', 'follow_on_formula'] }, basis: BMS_BASIS, message: BMS_MSG, suggestion: BMS_SUG },
  { kind: 'term', id: 'CN-AD-20-BMS-CLAIM', group: 'bms.cmp', category: 'breastmilk_substitute', severity: 'review', gate: { notProductTypes: ['infant_formula', 'follow_on_formula', 'food_contact'] }, basis: BMS_BASIS, message: BMS_MSG, suggestion: BMS_SUG },
  { kind: 'term', id: 'CN-AD-28-BMS-SUPERIOR', group: 'bms.better', category: 'breastmilk_substitute', severity: 'block', basis: L('《广告法》第4条、第28条；第20条（条款号待核）', 'PRC Advertising Law Arts. 4, 28; Art. 20 (check)'), message: L('“{match}”声称产品优于母乳，这是虚假宣传。', '"{match}" claims the product beats breast milk, which is false.'), suggestion: BMS_SUG },
  { kind: 'term', id: 'CN-WHO-CODE-TEAT', group: 'bms.cmp', category: 'breastmilk_substitute', severity: 'advisory', gate: { productTypes: ['food_contact'] }, basis: L('《国际母乳代用品销售守则》（WHO，1981）——中国未全面立法，供参考', 'WHO International Code of Marketing of Breast-milk Substitutes (1981): guidance in China, not fully enacted'), message: L('奶瓶、奶嘴属于《守则》范围，“{match}”可能理想化奶瓶喂养。', 'Bottles and teats are in the WHO Code\'s scope; "{match}" may idealise bottle feeding.'), suggestion: L('描述奶嘴的具体设计（形状、流速），避免与母乳或亲喂比较。', 'Describe the teat design (shape, flow) without comparing it to breastfeeding.') },
  {
    kind: 'custom',
    id: 'CN-AD-20-BMS-PROMOTION',
    detector: 'bmsPromotion',
    category: 'breastmilk_substitute',
    severity: 'block',
    params: { productTypes: ['infant_formula', 'follow_on_formula'], massChannels: ['xiaohongshu_note', 'wechat_article', 'douyin_live_script', 'en_social_post'], otherSeverity: 'review', purchase: 'purchase.zh', formulaWord: 'ctx.formulaWord' },
    basis: BMS_BASIS,
    message: L('0～12月龄婴儿配方食品属于母乳代用品，不得在大众传播媒介或公共场所做广告推广。', 'Formula for 0–12 months is a breast-milk substitute and may not be promoted in mass media or public places.'),
    suggestion: L('改为不含购买引导的喂养知识内容，或改为推广3段（幼儿）产品并遵守相关规定；电商详情页仅展示法定标签信息。', 'Turn this into feeding education without a purchase path, or promote the toddler (stage-3) product under its own rules; product pages should show only the mandatory label information.'),
  },
];
