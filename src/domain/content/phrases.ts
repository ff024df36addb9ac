import type { Locale, ProductType, Stage } from './types.js';

/**
 * The offline writer's vocabulary. Everything here is either a label (product type,
 * audience) or neutral handling guidance a parent would find on any label or leaflet
 * (read the label, check the age range, ask a clinician when unsure). None of it says
 * anything about what a product does: claims come only from the brief's facts.
 */
export const STAGE_LABEL: Record<Locale, Record<Stage, string>> = {
  'zh-CN': {
    preconception: '备孕期',
    pregnancy_t1: '孕早期',
    pregnancy_t2: '孕中期',
    pregnancy_t3: '孕晚期',
    postpartum: '产后',
    newborn: '新生儿',
    infant_1_6m: '1–6个月宝宝',
    infant_6_12m: '6–12个月宝宝',
    toddler_1_3y: '1–3岁幼儿',
    preschool_3_6y: '3–6岁孩子',
  },
  en: {
    preconception: 'trying to conceive',
    pregnancy_t1: 'first trimester',
    pregnancy_t2: 'second trimester',
    pregnancy_t3: 'third trimester',
    postpartum: 'the months after birth',
    newborn: 'newborns',
    infant_1_6m: 'babies 1–6 months',
    infant_6_12m: 'babies 6–12 months',
    toddler_1_3y: 'toddlers 1–3',
    preschool_3_6y: 'children 3–6',
  },
};

/** Who the parent reading is, per stage ("家长" for a child, "准妈妈" for a pregnancy). */
export function audienceLabel(locale: Locale, stage: Stage | undefined): string {
  if (locale === 'en') {
    if (!stage) return 'parents';
    if (stage === 'preconception') return 'parents-to-be';
    if (stage.startsWith('pregnancy')) return `parents-to-be in the ${STAGE_LABEL.en[stage]}`;
    if (stage === 'postpartum') return 'new mothers';
    return `parents of ${STAGE_LABEL.en[stage]}`;
  }
  if (!stage) return '家长';
  if (stage === 'preconception') return '备孕的家长';
  if (stage.startsWith('pregnancy')) return `${STAGE_LABEL['zh-CN'][stage]}的准妈妈`;
  if (stage === 'postpartum') return '产后妈妈';
  return `${STAGE_LABEL['zh-CN'][stage]}的家长`;
}

export const TYPE_LABEL: Record<Locale, Record<ProductType, string>> = {
  'zh-CN': {
    infant_formula: '婴儿配方奶粉',
    follow_on_formula: '较大婴儿配方奶粉',
    growing_up_milk: '幼儿配方奶粉',
    complementary_food: '婴幼儿辅食',
    health_food: '保健食品',
    special_medical_food: '特殊医学用途配方食品',
    cosmetic: '护肤品',
    children_cosmetic: '儿童护肤品',
    medical_device: '医疗器械',
    food_contact: '喂养用品',
    diapers_wipes: '纸尿裤和湿巾',
    apparel: '童装',
    toy: '玩具',
    education_service: '早教课程',
    general: '母婴用品',
  },
  en: {
    infant_formula: 'infant formula',
    follow_on_formula: 'follow-on formula',
    growing_up_milk: 'growing-up milk',
    complementary_food: 'baby food',
    health_food: 'dietary supplement',
    special_medical_food: 'food for special medical purposes',
    cosmetic: 'skincare',
    children_cosmetic: "children's skincare",
    medical_device: 'medical device',
    food_contact: 'feeding accessory',
    diapers_wipes: 'diapers and wipes',
    apparel: "children's clothing",
    toy: 'toy',
    education_service: 'early-learning programme',
    general: 'baby product',
  },
};

type Family = 'formula' | 'food' | 'supplement' | 'medical_food' | 'skin' | 'device' | 'feeding' | 'diaper' | 'apparel' | 'toy' | 'education' | 'general';

function family(t: ProductType): Family {
  switch (t) {
    case 'infant_formula':
    case 'follow_on_formula':
    case 'growing_up_milk':
      return 'formula';
    case 'complementary_food':
      return 'food';
    case 'health_food':
      return 'supplement';
    case 'special_medical_food':
      return 'medical_food';
    case 'cosmetic':
    case 'children_cosmetic':
      return 'skin';
    case 'medical_device':
      return 'device';
    case 'food_contact':
      return 'feeding';
    case 'diapers_wipes':
      return 'diaper';
    case 'apparel':
      return 'apparel';
    case 'toy':
      return 'toy';
    case 'education_service':
      return 'education';
    case 'general':
      return 'general';
  }
}

/** How-to-use guidance per product family: handling only, never an effect. */
const USAGE: Record<Locale, Record<Family, string[]>> = {
  'zh-CN': {
    formula: [
      '冲调时请按包装标示的水量和勺数操作，不要随意加浓或冲淡。',
      '冲调前请先洗手，并把奶瓶和奶嘴清洗干净。',
      '开罐后请按标签提示的方式保存，并在标示的时间内用完。',
      '更换奶粉品牌或段位前，可以先和儿科医生沟通。',
      '奶冲好后请尽快喂完，喝剩的不要留到下一顿。',
      '外出时可以把奶粉和温水分开带，喂之前再冲调。',
    ],
    food: [
      '添加新的辅食时，建议一次只加一种，连续观察几天再加下一种。',
      '请按宝宝的月龄选择合适的质地，从细腻逐渐过渡到有颗粒。',
      '宝宝进食时请有大人在旁看护，坐稳后再喂。',
      '开封后请按包装说明储存，并尽快吃完。',
      '1岁以内的辅食不需要额外加盐和糖。',
      '尝试新食物时，可以从少量开始。',
    ],
    supplement: [
      '请按标签标示的食用量和食用方法食用，不要自行加量。',
      '孕期和哺乳期在服用任何补充剂前，建议先咨询医生。',
      '已经在服用其他补充剂或药物的，请先告诉医生或药师。',
      '请存放在阴凉干燥处，并放在儿童拿不到的地方。',
      '同时吃几种营养素产品时，请留意成分是否重复。',
      '不要自行加量或改变食用方法。',
    ],
    medical_food: [
      '请在医生或临床营养师的指导下选择和使用。',
      '配制时请严格按照说明书操作。',
      '使用期间请按医生的安排定期复诊。',
      '开封后请按说明书的要求保存。',
      '不要自行更换品种或调整用量。',
    ],
    skin: [
      '第一次使用前，可以先在手臂内侧小范围试用，观察一天。',
      '请避开眼周使用，如不慎入眼，请用清水冲洗。',
      '给宝宝使用时请由大人操作，用后盖紧瓶盖。',
      '使用中如皮肤出现不适，请停止使用并咨询医生。',
      '请放在儿童拿不到的地方。',
      '洗澡后轻轻擦干皮肤再使用。',
    ],
    device: [
      '使用前请完整阅读说明书，留意其中的禁忌内容和注意事项。',
      '请按说明书的要求清洁和保存。',
      '使用中有任何疑问，请咨询医生。',
      '请按说明书规定的频次和时长使用。',
    ],
    feeding: [
      '首次使用前请按说明书清洗和消毒。',
      '请定期检查奶嘴等部件，发现破损及时更换。',
      '清洗时请按说明书标示的方式和温度操作。',
      '请根据宝宝的月龄选择合适的奶嘴型号。',
      '奶瓶和奶嘴清洗后请晾干，放在干净的容器里。',
      '不要用微波炉直接加热装着奶的奶瓶，以免受热不均。',
    ],
    diaper: [
      '请根据宝宝的体重选择合适的尺码，腰贴松紧以能伸进一指为宜。',
      '更换时请把小屁屁擦干净，等皮肤干了再穿上新的。',
      '湿巾取用后请及时封好包装口。',
      '用过的纸尿裤请卷好后丢进垃圾桶。',
      '外出时可以多备几片纸尿裤和一包湿巾。',
    ],
    apparel: [
      '第一次穿之前建议先清洗一遍。',
      '请按洗涤标签上的说明洗护。',
      '选尺码时可以参考宝宝的身高和体重。',
      '请检查扣子和装饰是否牢固，避免宝宝放进嘴里。',
      '贴身衣物建议和大人的衣服分开洗。',
      '衣物上的线头请剪掉，避免缠绕手指脚趾。',
    ],
    toy: [
      '请核对包装上标注的适用年龄。',
      '含有小零件的玩具请放在3岁以下孩子拿不到的地方。',
      '孩子玩耍时请有大人看护。',
      '请定期检查玩具有没有破损或松动的部件。',
      '带电池的玩具请拧紧电池仓的螺丝。',
      '玩具请定期清洁。',
      '玩具收纳时请分类放好，避免踩到或绊倒。',
    ],
    education: [
      '报名前可以先了解课程安排、上课时长和适用年龄。',
      '每个孩子的节奏不同，可以按孩子的兴趣来选择。',
      '上课前后请留意孩子的状态，累了就休息。',
      '可以先试听一节课，看看孩子是否喜欢。',
      '课后可以陪孩子一起回顾课上的内容。',
    ],
    general: [
      '使用前请阅读产品说明。',
      '请核对包装上标注的适用年龄和规格。',
      '请放在儿童拿不到的地方保存。',
      '第一次使用时，可以先熟悉一下各个部件和使用步骤。',
      '使用过程中请有大人在旁照看。',
      '不用时请清洁后收好。',
    ],
  },
  en: {
    formula: [
      'Make up each feed exactly as the pack says: the stated amount of water and scoops, never stronger or weaker.',
      'Wash your hands and clean the bottle and teat before making up a feed.',
      'Once opened, store the tin as the label says and use it within the time it gives.',
      'Talk to your baby’s doctor or health visitor before switching formula.',
      'Use each feed soon after making it up and throw away anything left over.',
      'When out, carry the powder and the water separately and make up the feed when needed.',
    ],
    food: [
      'Introduce one new food at a time and wait a few days before the next.',
      'Choose a texture that suits your baby’s age, moving from smooth to lumpier over time.',
      'Stay with your baby while they eat, sitting upright.',
      'Once opened, store it as the pack says and use it soon.',
      'Do not add salt or sugar to food for babies under one.',
      'Offer a small amount the first time you try a new food.',
    ],
    supplement: [
      'Take it as the label directs and do not exceed the stated amount.',
      'If you are pregnant or breastfeeding, check with your doctor before taking any supplement.',
      'Tell your doctor or pharmacist about any other supplements or medicines you take.',
      'Store it somewhere cool and dry, out of children’s reach.',
      'If you take more than one supplement, check that the ingredients do not overlap.',
      'Do not change the amount or the way you take it on your own.',
    ],
    medical_food: [
      'Choose and use it under the guidance of a doctor or clinical dietitian.',
      'Prepare it exactly as the instructions say.',
      'Keep the follow-up appointments your care team sets.',
      'Once opened, store it as the instructions say.',
      'Do not switch products or change the amount without your care team.',
    ],
    skin: [
      'Before first use, try a little on a small patch of skin and wait a day.',
      'Keep it away from the eyes; if it gets in, rinse with clean water.',
      'An adult should apply it to a baby, and close the cap after use.',
      'If the skin becomes uncomfortable, stop using it and talk to a doctor.',
      'Keep it out of children’s reach.',
      'After a bath, pat the skin dry before applying.',
    ],
    device: [
      'Read the instructions in full before use, including the warnings.',
      'Clean and store it as the instructions say.',
      'If anything is unclear, ask a doctor.',
      'Use it as often and for as long as the instructions say.',
    ],
    feeding: [
      'Clean and sterilise it as the instructions say before first use.',
      'Check teats and parts regularly and replace anything damaged.',
      'Wash it the way and at the temperature the instructions give.',
      'Choose the teat size that matches your baby’s age.',
      'Let bottles and teats dry after washing and keep them in a clean container.',
      'Do not heat a bottle of milk in the microwave: it heats unevenly.',
    ],
    diaper: [
      'Pick the size by your baby’s weight; you should be able to slide a finger under the tabs.',
      'At each change, clean and dry the skin before the fresh diaper goes on.',
      'Reseal the wipes pack after each use.',
      'Roll up used diapers and put them in the bin.',
      'When out, pack a few spare diapers and a pack of wipes.',
    ],
    apparel: [
      'Wash it once before the first wear.',
      'Follow the care label when washing.',
      'Use your child’s height and weight to choose the size.',
      'Check that buttons and trims are secure so they cannot end up in a mouth.',
      'Wash clothes worn next to the skin separately from adult laundry.',
      'Trim loose threads so they cannot wrap around fingers or toes.',
    ],
    toy: [
      'Check the age range printed on the pack.',
      'Keep toys with small parts away from children under 3.',
      'Supervise children while they play.',
      'Check toys regularly for damage or loose parts.',
      'Keep battery compartments screwed shut.',
      'Clean toys regularly.',
      'Put toys away after play so nobody trips over them.',
    ],
    education: [
      'Before signing up, look at the schedule, session length and age range.',
      'Every child has their own pace; follow your child’s interests.',
      'Watch how your child is doing before and after sessions, and rest when they are tired.',
      'Try a single session first to see whether your child enjoys it.',
      'After a session, go over what they did together at home.',
    ],
    general: [
      'Read the product instructions before use.',
      'Check the age range and size on the pack.',
      'Store it out of children’s reach.',
      'The first time, take a moment to get to know the parts and the steps.',
      'An adult should stay close while it is in use.',
      'Clean it and put it away when you are done.',
    ],
  },
};

/** General advice as question and answer, so an article's FAQ can use both. */
const GENERAL: Record<Locale, { q: string; a: string }[]> = {
  'zh-CN': [
    { q: '买之前要核对什么？', a: '购买前请核对包装上的适用年龄、规格和生产日期。' },
    { q: '这些信息从哪里来？', a: '以上信息来自品牌提供的产品资料，具体以产品标签和说明书为准。' },
    { q: '拿不准适不适合怎么办？', a: '每个孩子的情况不同，有疑问时可以先咨询医生或专业人士。' },
    { q: '收到后怎么保存？', a: '收到后请按包装标示的条件储存。' },
    { q: '在哪里买更放心？', a: '请通过品牌官方渠道或正规商店购买，并保留购物凭证。' },
    { q: '包装破损了还能用吗？', a: '收货时请检查包装是否完好，有破损或异常请先联系商家。' },
  ],
  en: [
    { q: 'What should I check before buying?', a: 'Before buying, check the age range, size and date on the pack.' },
    { q: 'Where does this information come from?', a: 'The details above come from the brand’s product information; the label and leaflet are the final word.' },
    { q: 'What if I am not sure it suits my child?', a: 'Every child is different; if you are unsure, ask a doctor or another qualified professional.' },
    { q: 'How should I store it?', a: 'Store it as the pack says once it arrives.' },
    { q: 'Where should I buy it?', a: 'Buy from the brand’s own channels or an established retailer, and keep your receipt.' },
    { q: 'What if the pack arrives damaged?', a: 'Check the packaging when it arrives; if it is damaged or looks unusual, contact the seller before use.' },
  ],
};

/** A buying checklist an article can end its practical part with: things to look at, not claims. */
const CHECKLIST: Record<Locale, string[]> = {
  'zh-CN': ['适用年龄是否和孩子匹配', '生产日期和保质期', '包装是否完好、封口是否严密', '储存条件和开封后的保存方法', '使用说明和注意事项'],
  en: ['Does the age range match your child?', 'The production and expiry dates', 'Is the packaging intact and sealed?', 'Storage before and after opening', 'The instructions and warnings'],
};

export function checklist(locale: Locale): string[] {
  return CHECKLIST[locale];
}

/** How to read the pack: where each kind of fact can be checked. Facts of labelling only. */
const LABEL_TIPS: Record<Locale, Record<Family, string[]>> = {
  'zh-CN': {
    formula: [
      '看配料表：配料按用量从多到少排列。',
      '看营养成分表：各项成分按每100克或每100千焦标示，可以对照不同产品。',
      '看产品配方注册号：国产和进口的婴幼儿配方乳粉都要在包装上标注。',
      '看段位和适用月龄：段位要和孩子的月龄对应。',
    ],
    food: ['看配料表：配料按用量从多到少排列。', '看营养成分表和适用月龄。', '看生产日期、保质期和储存条件。'],
    supplement: [
      '看包装上的保健食品标志和批准文号，可以在市场监管部门的网站上查询。',
      '看标签上的适宜人群和不适宜人群。',
      '看每日食用量和食用方法。',
    ],
    medical_food: ['看包装上的注册号。', '看标签上的适用人群。', '看配制方法和每日用量。'],
    skin: ['看全成分表：成分按含量从多到少排列。', '看包装上的注册或备案信息。', '看使用方法、注意事项和保质期。'],
    device: ['看包装上的医疗器械注册证编号。', '看说明书中的适用范围和禁忌内容。', '看生产日期和有效期。'],
    feeding: ['看材质标识和耐热温度。', '看适用月龄和奶嘴型号。', '看清洗和消毒方法。'],
    diaper: ['看尺码对应的体重范围。', '看包装上的执行标准和生产日期。', '看湿巾的成分和保质期。'],
    apparel: ['看吊牌上的面料成分。', '看安全技术类别：婴幼儿纺织产品应达到A类。', '看洗涤说明。'],
    toy: ['看包装上的适用年龄和警示语。', '看包装上的3C标志和执行标准。', '看小零件提示。', '看材质说明和清洁方法。'],
    education: ['看课程大纲和每节课的时长。', '看授课方式和班级人数。', '看退费和请假规则。'],
    general: ['看包装上的生产日期和保质期。', '看适用年龄和规格。', '看使用说明和注意事项。', '看执行标准和生产企业信息。'],
  },
  en: {
    formula: [
      'Check the ingredients list: ingredients are listed by weight, largest first.',
      'Check the nutrition table: values are given per 100 g or per 100 ml, so products can be compared.',
      'Check the stage and age range: the stage should match your baby’s age.',
      'Check the preparation table on the pack for the water-to-powder ratio.',
    ],
    food: ['Check the ingredients list, which runs from largest to smallest amount.', 'Check the nutrition table and the age range.', 'Check the use-by date and storage instructions.'],
    supplement: ['Check the recommended daily amount and how to take it.', 'Check who the label says it is for, and who should not take it.', 'Check the best-before date.'],
    medical_food: ['Check the labelled target group.', 'Check the preparation instructions and daily amount.', 'Check the best-before date and storage instructions.'],
    skin: ['Check the full ingredients list, which runs from largest to smallest amount.', 'Check the directions and warnings.', 'Check the period-after-opening symbol.'],
    device: ['Check the registration or approval details on the pack.', 'Check the intended use and contraindications in the leaflet.', 'Check the expiry date.'],
    feeding: ['Check the material and its heat limit.', 'Check the age range and teat size.', 'Check how to clean and sterilise it.'],
    diaper: ['Check the weight range for each size.', 'Check the wipes’ ingredients list.', 'Check the production date.'],
    apparel: ['Check the fabric composition on the label.', 'Check the care instructions.', 'Check that the size chart matches your child.'],
    toy: ['Check the age range and warnings on the pack.', 'Check the safety markings on the pack.', 'Check for small-parts warnings.', 'Check the materials and how to clean them.'],
    education: ['Check the syllabus and the length of each session.', 'Check the format and group size.', 'Check the refund and absence rules.'],
    general: ['Check the production and expiry dates.', 'Check the age range and size.', 'Check the instructions and warnings.', 'Check the manufacturer’s details and the standard the product meets.'],
  },
};

/** A word about the reader's stage: where to take questions, never what a product does. */
export function stageNote(locale: Locale, stage: Stage | undefined): string | undefined {
  if (!stage) return undefined;
  const en = locale === 'en';
  if (stage === 'preconception') return en ? 'While trying to conceive, a preconception check-up is a good place to ask about diet and supplements.' : '备孕期间的饮食和补充剂安排，可以在孕前检查时和医生聊一聊。';
  if (stage.startsWith('pregnancy')) return en ? 'During pregnancy, your antenatal appointments are the place to ask about food, supplements and products.' : '孕期的饮食、营养素和用品选择，可以在产检时和医生沟通。';
  if (stage === 'postpartum') return en ? 'After birth, recovery takes its own time; your postnatal check is a good moment to raise questions.' : '产后恢复的节奏各不相同，有疑问可以在产后复查时提出来。';
  return en
    ? 'Every child develops at their own pace; routine check-ups are a good time to ask the paediatrician about feeding and care.'
    : '每个孩子的发育节奏各不相同，喂养和护理上的疑问，可以在儿童保健体检时问问医生。';
}

export function labelTips(locale: Locale, t: ProductType): string[] {
  return LABEL_TIPS[locale][family(t)];
}

export function usageGuidance(locale: Locale, t: ProductType): string[] {
  return USAGE[locale][family(t)];
}

export function generalGuidance(locale: Locale): string[] {
  return GENERAL[locale].map((g) => g.a);
}

export function generalFaq(locale: Locale): { q: string; a: string }[] {
  return GENERAL[locale];
}

export function isFormulaType(t: ProductType): boolean {
  return family(t) === 'formula';
}

/**
 * Every sentence of the offline writer's neutral vocabulary. Near-duplicate detection
 * strips them: two drafts about different products share this furniture by design, and
 * it says nothing about whether one copies the other.
 */
export function allNeutralSentences(): string[] {
  const out = new Set<string>();
  for (const l of ['zh-CN', 'en'] as Locale[]) {
    for (const list of Object.values(USAGE[l])) list.forEach((x) => out.add(x));
    for (const list of Object.values(LABEL_TIPS[l])) list.forEach((x) => out.add(x));
    for (const g of GENERAL[l]) {
      out.add(g.a);
      out.add(g.q);
    }
    CHECKLIST[l].forEach((x) => out.add(x));
    for (const st of ['preconception', 'pregnancy_t1', 'postpartum', 'newborn'] as Stage[]) {
      const n = stageNote(l, st);
      if (n) out.add(n);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}
