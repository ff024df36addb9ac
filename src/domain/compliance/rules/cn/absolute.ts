import type { Rule } from '../model.js';
import { FOOD_TYPES } from '../model.js';
import { L } from '../text.js';

/** Art. 9: absolute terms (9(3)) and state organs (9(2)), with the 2023 SAMR guide's exemptions as modifiers. */
export const cnAbsoluteRules: Rule[] = [
  {
    kind: 'term',
    id: 'CN-AD-9-3-ABSOLUTE',
    group: 'abs.zh',
    category: 'absolute_claim',
    severity: 'block',
    mods: ['usage', 'breast', 'selfcmp', 'soft', 'live', 'rankBound'],
    basis: L('《广告法》第9条第3项；《广告绝对化用语执法指南》（2023）', 'PRC Advertising Law Art. 9(3); SAMR Enforcement Guide on Absolute Terms (2023)'),
    message: L(
      '“{match}”是绝对化用语，用来描述商品时可能违反《广告法》第9条第3项。',
      '"{match}" is an absolute term; describing the product with it can breach Art. 9(3) of the Advertising Law.',
    ),
    suggestion: L(
      '删除“{match}”，改为描述具体、可证实的特点（材质、规格、检测结果）；排名类表述须限定时间、范围并注明数据来源。',
      'Remove "{match}" and describe a specific, verifiable feature (material, specification, test result); rankings need a time frame, a scope and a named source.',
    ),
  },
  {
    kind: 'pair',
    id: 'CN-AD-9-2-STATE-ORGAN',
    anchor: 'state.organ',
    partner: 'state.verb',
    order: 'either',
    gap: 8,
    scope: 'clause',
    category: 'endorsement',
    severity: 'block',
    mods: ['guideline', 'negation'],
    basis: L('《广告法》第9条第2项', 'PRC Advertising Law Art. 9(2)'),
    message: L('“{match}”使用或变相使用国家机关的名义为商品背书。', '"{match}" uses the name of a state organ to vouch for the product.'),
    suggestion: L('删除国家机关推荐、指定、特供等表述；引用公开指南时只陈述指南内容，不与商品关联。', 'Remove any recommendation, designation or "special supply" by a state organ; when citing a public guideline, state its content without tying it to the product.'),
  },
  {
    kind: 'term',
    id: 'CN-AD-9-2-SPECIAL-SUPPLY',
    group: 'state.special',
    category: 'endorsement',
    severity: 'review',
    basis: L('《广告法》第9条第2项；关于禁止“特供”“专供”标识的规定', 'PRC Advertising Law Art. 9(2); ban on "special supply" labels for state organs'),
    message: L('“{match}”可能暗示为国家机关特别供应。', '"{match}" can imply supply reserved for state organs.'),
    suggestion: L('改用“限定款”“节日礼盒”等不涉及机关的说法。', 'Use wording such as "limited edition" or "gift box" that implies no state body.'),
  },
  {
    kind: 'pair',
    id: 'CN-FSL-73-ASSOCIATION',
    anchor: 'assoc.org',
    partner: 'assoc.verb',
    order: 'either',
    gap: 6,
    scope: 'clause',
    category: 'endorsement',
    severity: 'block',
    gate: { productTypes: FOOD_TYPES },
    mods: ['guideline', 'negation'],
    basis: L('《食品安全法》第73条第2款', 'PRC Food Safety Law Art. 73(2)'),
    message: L('“{match}”：食品检验机构、行业协会等不得以广告形式向消费者推荐食品。', '"{match}": testing bodies and trade associations may not recommend foods to consumers in advertising.'),
    suggestion: L('删除协会或检验机构的推荐表述，可如实说明检测项目与结果。', 'Remove the association or laboratory recommendation; you may state which tests were run and their results.'),
  },
];
