/**
 * Injuries, swallowed objects and poisoning (NHS / AAP first aid, NICE NG232 head
 * injury). First steps and "do not" lists are specific to each emergency.
 */
import type { TriageRule } from '../types.js';
import { EG, EN_SWALLOW, G, L, LL, ZH_SWALLOW } from './common.js';

const r = String.raw;

const ZH_MEDS = '(?:药|药片|药丸|胶囊|降压药|安眠药|退烧药|感冒药|止痛药|铁剂|补铁|维生素|钙片|褪黑素|避孕药|抗抑郁)';
const ZH_CHEM =
  '(?:消毒液|84|洗衣液|洗衣凝珠|凝珠|洗涤剂|洗洁精|漂白|清洁剂|洁厕|农药|杀虫剂|老鼠药|鼠药|灭鼠|汽油|煤油|柴油|灯油|酒精|白酒|卸甲水|洗甲水|干燥剂|蚊香液|驱蚊液|电子烟|烟油|烟头|香烟|化学|火碱|烧碱|管道疏通|除草剂|防冻液|精油|樟脑)';
const EN_MEDS =
  "(?:pills?|tablets?|medicine|medication|meds|vitamins?|gummies|paracetamol|acetaminophen|tylenol|calpol|ibuprofen|aspirin|iron|heart\\spills|blood\\spressure|antidepressants?|sleeping\\spills|melatonin|painkillers?|birth\\scontrol)";
const EN_CHEM =
  "(?:bleach|detergent|laundry|dishwasher|pods?|capsules|cleaner|cleaning|antifreeze|lamp\\soil|paraffin|kerosene|petrol|gasoline|lighter\\sfluid|turpentine|white\\sspirit|nail\\spolish\\sremover|acetone|pesticide|insecticide|weed\\s?killer|rat\\spoison|poison|vodka|alcohol|hand\\ssani[tz]i[sz]er|mouthwash|e-?cigarette|vape\\sliquid|nicotine|cigarettes?|essential\\soil|tea\\stree|eucalyptus|chemicals?|drain|caustic|lye)";

const CHOKING_STEPS = LL(
  ['1岁以下：让宝宝脸朝下趴在你的前臂上，用掌根拍背5次；无效则翻过来用两根手指按压胸骨中央5次，交替进行', '1岁以上：鼓励咳嗽；不能咳嗽时拍背5次，再做5次腹部冲击（海姆立克法）', '如果失去反应，开始心肺复苏'],
  ['Under 1 year: lay the baby face down along your forearm and give up to 5 back blows; then turn over and give up to 5 chest thrusts with two fingers; repeat', 'Over 1 year: encourage coughing; if they cannot cough, give 5 back blows then 5 abdominal thrusts', 'If they become unresponsive, start CPR'],
);
const CHOKING_DONT = LL(['不要用手指盲目去抠喉咙', '不要把孩子倒提起来摇晃', '不要喂水或食物'], [
  'Do not do blind finger sweeps in the mouth',
  'Do not hold the child upside down by the legs',
  'Do not give water or food',
]);
const BATTERY_STEPS = LL(['现在就去急诊，不要等出现症状', '带上电池的包装或同款电池'], [
  'Go to the emergency department now, even if they seem fine',
  'Take the packaging or a matching battery with you',
]);
const BATTERY_DONT = LL(['不要催吐', '不要给吃的或喝的（除非医务人员指示）'], ['Do not make them vomit', 'Do not give food or drink unless a clinician tells you to']);
const POISON_STEPS = LL(['把孩子带离有毒物品，保留容器或包装带去医院', '如果沾到皮肤或眼睛，用大量清水冲洗'], [
  'Move them away from the substance and keep the container or packaging to show the clinicians',
  'If it is on the skin or in the eyes, rinse with plenty of running water',
]);
const POISON_DONT = LL(['不要催吐', '不要喂牛奶、盐水或其他“解毒”偏方'], ['Do not make them vomit', 'Do not give milk, salt water or any home remedy']);
const BURN_STEPS = LL(['用凉的流动清水冲洗烫伤处20分钟', '取下烫伤处附近的衣物和首饰（粘在皮肤上的不要撕）', '用保鲜膜或干净的塑料袋松松地覆盖'], [
  'Cool the burn under cool running water for 20 minutes',
  'Remove clothing and jewellery near the burn unless stuck to the skin',
  'Cover loosely with cling film or a clean plastic bag',
]);
const BURN_DONT = LL(['不要用冰或冰水', '不要涂牙膏、黄油、酱油或药膏', '不要弄破水泡'], [
  'Do not use ice or iced water',
  'Do not put toothpaste, butter or creams on it',
  'Do not burst blisters',
]);
const DROWNING_STEPS = LL(['即使现在看起来没事也要去医院检查', '如果没有正常呼吸，立即开始心肺复苏'], [
  'Get them checked in hospital even if they now seem fine',
  'If they are not breathing normally, start CPR now',
]);
const HEAD_STEPS = LL(['让孩子躺下保持安静，观察意识和呼吸', '如有出血，用干净的布按压'], [
  'Keep them lying still and quiet, and watch their alertness and breathing',
  'Press a clean cloth on any bleeding',
]);
const HEAD_DONT = LL(['不要给止痛药或吃喝，直到医生看过', '不要让孩子独自睡觉无人看护'], [
  'Do not give food, drink or painkillers until a clinician has seen them',
  'Do not leave them to sleep unobserved',
]);
const ANAPHYLAXIS_STEPS = LL(['如有肾上腺素笔，立即使用', '呼吸困难时让孩子坐起来；头晕或无力时平躺并抬高双腿'], [
  'Use an adrenaline auto-injector now if they have one',
  'Sit them up if breathing is hard; lie them flat with legs raised if faint or floppy',
]);
const ANAPHYLAXIS_DONT = LL(['不要让孩子突然站起来或走动', '不要只吃抗过敏药就在家观察'], [
  'Do not let them stand or walk suddenly',
  'Do not rely on an antihistamine and wait at home',
]);
const ELECTRIC_STEPS = LL(['先切断电源，不要直接用手接触仍在触电的孩子', '检查呼吸，没有呼吸就开始心肺复苏'], [
  'Switch off the power first; do not touch them while they are still in contact with the current',
  'Check breathing; start CPR if they are not breathing',
]);

export const INJURY_RULES: readonly TriageRule[] = [
  {
    id: 'injury.choking',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [
        '噎住|噎着|噎到|卡(?:在)?(?:喉咙|嗓子|气管)|(?:卡住|呛住)(?:了)?(?:喉咙|嗓子)?(?=[^。]{0,12}(?:咳不|哭不|喘不|说不|发不|憋|发青|发紫|没声))|异物卡喉|(?:咳|哭)不出(?:声|来)|憋得(?:脸)?(?:通红|发紫|发青)',
      ],
      en: [r`\bchok(?:ing|es)\b|\bchoked\b(?=${EG(40)}(?:can't|cannot|not\sbreathing|no\ssound|silent|blue|turning))|\bsomething\sstuck\sin\s(?:his|her|their)\sthroat|\bno\ssound\scoming\sout|\bcan't\s(?:cough|cry)\b`],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('异物卡喉（噎住）', 'Choking'),
    firstSteps: CHOKING_STEPS,
    doNot: CHOKING_DONT,
  },
  {
    id: 'injury.button_battery',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`纽扣电池|扣式电池|${ZH_SWALLOW}${G(6)}电池`],
      en: [r`\b(?:button|coin|disc|lithium)(?:\scell)?\sbatter(?:y|ies)\b|\b${EN_SWALLOW}\b${EG(30)}\bbatter(?:y|ies)\b`],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('吞食纽扣电池', 'Swallowed a button battery'),
    firstSteps: BATTERY_STEPS,
    doNot: BATTERY_DONT,
  },
  {
    id: 'injury.magnets',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`${ZH_SWALLOW}${G(6)}(?:磁力珠|磁珠|磁铁|吸铁石|磁力球|磁力片|磁石)`],
      en: [r`\b${EN_SWALLOW}\b${EG(30)}\bmagnet(?:s|ic)?\b|\bmagnets?\b${EG(30)}\bswallow\w{0,2}`],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('吞食磁铁', 'Swallowed magnets'),
    firstSteps: BATTERY_STEPS,
    doNot: BATTERY_DONT,
  },
  {
    id: 'injury.poisoning',
    level: 'emergency',
    subject: 'any',
    poison: true,
    patterns: {
      'zh-CN': [
        `(?:误食|误服|误吞|误喝|偷吃|偷喝|当糖吃|翻出来吃)${G(10)}${ZH_MEDS}|(?:吃|吞|喝)(?:了)?(?:一整|一板|一瓶|好几|很多|半瓶|大半|一把)${G(8)}${ZH_MEDS}`,
        `把${G(8)}${ZH_MEDS}${G(4)}(?:当糖)?(?:吃|吞)|(?:大人|爷爷|奶奶|姥姥|外婆|外公|妈妈|爸爸)的${G(4)}${ZH_MEDS}${G(6)}(?:吃|吞|喝)`,
        `${ZH_SWALLOW}${G(8)}${ZH_CHEM}|中毒|吃错(?:了)?药`,
      ],
      en: [
        r`\b(?:ate|eaten|swallowed|chewed|got\sinto|got\shold\sof|into)\b${EG(30)}\b${EN_MEDS}\b|\b(?:found|caught)\b${EG(40)}\b(?:with|eating|holding)\b${EG(30)}\b${EN_MEDS}\b`,
        r`\b${EN_MEDS}\b${EG(40)}\b(?:are|were|is)\s(?:gone|missing)\b|\boverdose\b|\btoo\smuch\s(?:medicine|paracetamol|tylenol|calpol|ibuprofen)|\bdouble\sdose\b`,
        r`\b${EN_SWALLOW}\b${EG(25)}\b${EN_CHEM}\b|\bpoison(?:ed|ing)\b`,
      ],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('误食药物或化学品（中毒）', 'Swallowed medicine or chemicals (poisoning)'),
    firstSteps: POISON_STEPS,
    doNot: POISON_DONT,
  },
  {
    id: 'injury.drowning',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`溺水|呛水(?:很久|很多|后)|掉(?:进|到|在)${G(6)}(?:水|泳池|池|塘|河|浴缸|桶|湖|井|海|江|水沟|水坑)(?:里)?|(?<!面条|饺子|菜)捞(?:上来|起来)|淹(?:着|到|了)|沉(?:到)?水(?:里|下|底)|(?:从|在)${G(4)}(?:水里|泳池|浴缸)(?:里)?(?:捞|拉|抱)(?:上来|出来)`],
      en: [r`\bdrown\w{0,4}\b|\b(?:pulled|found|fished|dragged|lifted)\b${EG(30)}\b(?:out\sof|in)\s(?:the\s)?(?:paddling\s|swimming\s|kiddie\s|wading\s|plunge\s)?(?:pool|water|bath|pond|lake|river|sea|bathtub|tub)\b|\bface\sdown\sin\s(?:the\s)?(?:bath|water|pool|tub)|\bunder\s?water\sfor\b`],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('溺水或险些溺水', 'Drowning or near-drowning'),
    firstSteps: DROWNING_STEPS,
    doNot: LL(['不要因为现在看起来正常就留在家里观察'], ['Do not stay at home because they seem fine now']),
  },
  {
    id: 'injury.burn_serious',
    level: 'emergency',
    subject: 'any',
    allOf: ['sig.burn', 'sig.burn_major'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('大面积或深度烧烫伤', 'Large or deep burn'),
    firstSteps: BURN_STEPS,
    doNot: BURN_DONT,
  },
  {
    id: 'injury.burn_significant',
    level: 'urgent',
    subject: 'any',
    allOf: ['sig.burn', 'sig.burn_moderate'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('起泡或在脸、手、脚、会阴部位的烫伤', 'Blistering burn, or a burn on the face, hands, feet or genitals'),
  },
  {
    id: 'injury.burn',
    level: 'routine',
    subject: 'any',
    allOf: ['sig.burn'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('烧烫伤（5岁以下孩子建议就医检查）', 'Burn (children under 5 should be checked by a clinician)'),
  },
  {
    id: 'injury.electric_shock',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`触电|被电(?:了|到|击|一下)|电击|电到了|(?:摸|碰|插)(?:了)?${G(4)}插座|插座${G(6)}电`],
      en: [r`\belectric(?:al)?\sshock|\belectrocut\w{1,4}|\bshocked\sby\b|\bbit\s(?:through|into)\b${EG(20)}\b(?:cable|wire|cord)`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('触电', 'Electric shock'),
    firstSteps: ELECTRIC_STEPS,
    doNot: BURN_DONT,
  },
  {
    id: 'injury.fall_from_height',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`从${G(6)}(?:楼|阳台|窗户|窗台|二楼|三楼|高处|屋顶)${G(2)}(?:摔|掉|跌|坠)`],
      en: [r`\b(?:fell|fallen|falling)\s(?:from|out\sof|off)\s(?:a|the|an)?\s?(?:window|balcony|roof|upstairs|first[- ]floor|second[- ]floor|height)`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG232',
    label: L('从高处坠落', 'Fall from a height'),
    firstSteps: HEAD_STEPS,
    doNot: LL(['如果怀疑颈部受伤，不要随意搬动'], ['If a neck injury is possible, do not move them unless they are in danger']),
  },
  {
    id: 'injury.head_vomiting',
    level: 'emergency',
    subject: 'any',
    allOf: ['sig.head_injury', 'sig.vomit'],
    specialty: 'paediatrics',
    source: 'NICE NG232',
    label: L('头部受伤后呕吐', 'Vomiting after a head injury'),
    firstSteps: HEAD_STEPS,
    doNot: HEAD_DONT,
  },
  {
    id: 'injury.head_drowsy',
    level: 'emergency',
    subject: 'any',
    allOf: ['sig.head_injury'],
    anyOf: ['sig.drowsy', 'child.unresponsive', 'child.seizure'],
    specialty: 'paediatrics',
    source: 'NICE NG232',
    label: L('头部受伤后嗜睡、失去意识或抽搐', 'Drowsiness, loss of consciousness or a seizure after a head injury'),
    firstSteps: HEAD_STEPS,
    doNot: HEAD_DONT,
  },
  {
    id: 'injury.head_under_1y',
    level: 'urgent',
    subject: 'child',
    allOf: ['sig.head_injury'],
    ageDays: { max: 364 },
    specialty: 'paediatrics',
    source: 'NICE NG232',
    label: L('1岁以下婴儿头部磕碰', 'Any head knock under 1 year'),
  },
  {
    id: 'injury.head_age_unknown',
    level: 'routine',
    subject: 'child',
    allOf: ['sig.head_injury'],
    ageUnknown: true,
    specialty: 'paediatrics',
    source: 'NICE NG232',
    label: L('头部磕碰（未说明年龄；1岁以下需当天就医）', 'Head knock (age not given; under 1 year needs a clinician today)'),
  },
  {
    id: 'injury.anaphylaxis',
    level: 'emergency',
    subject: 'any',
    allOf: ['sig.allergen', 'sig.anaphylaxis_sign'],
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('严重过敏反应（嘴唇舌头肿胀或呼吸困难）', 'Severe allergic reaction (lip or tongue swelling, breathing trouble)'),
    firstSteps: ANAPHYLAXIS_STEPS,
    doNot: ANAPHYLAXIS_DONT,
  },
  {
    id: 'injury.airway_swelling',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:舌头|喉咙|喉头)${G(4)}(?:肿|发紧|堵)|过敏性休克`],
      en: [r`\b(?:tongue|throat)\b${EG(20)}\b(?:swell\w{0,3}|swollen|tight|closing)\b|\banaphyla\w{1,6}|\bepi-?pen\b`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('舌头或喉咙肿胀', 'Swelling of the tongue or throat'),
    firstSteps: ANAPHYLAXIS_STEPS,
    doNot: ANAPHYLAXIS_DONT,
  },
  {
    id: 'injury.allergy_mild',
    level: 'routine',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:吃了|吃过|接触|碰了)${G(8)}(?:后|以后|之后)?${G(8)}(?:起了?|出|长了?)(?:红)?(?:疹|风团|荨麻疹|红点|红斑)`],
      en: [r`\b(?:rash|hives|welts|red\sspots)\b${EG(40)}\bafter\s(?:eating|trying|having)|\bafter\s(?:eating|trying|having)\b${EG(40)}\b(?:rash|hives|welts)`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('食物后出现皮疹（轻度过敏反应）', 'Rash after a food (mild allergic reaction)'),
  },
  {
    id: 'injury.animal_bite',
    level: 'urgent',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:狗|猫|动物|老鼠|猴子|蛇|仓鼠|蝙蝠|狐狸)${G(4)}(?:咬|抓)(?:伤|破|了|到)`],
      en: [r`\b(?:dog|cat|animal|rat|monkey|snake|fox|bat|hamster|puppy|kitten)\b${EG(25)}\b(?:bit|bites|bitten|scratched)\b|\bbitten\sby\s(?:a|the|our|their)\b`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('被动物咬伤或抓伤', 'Animal bite or scratch'),
  },
  {
    id: 'injury.swallowed_object',
    level: 'urgent',
    subject: 'any',
    patterns: {
      'zh-CN': [`${ZH_SWALLOW}${G(6)}(?:硬币|钱币|异物|纽扣(?!电池)|玩具|小零件|珠子|别针|钉子|弹珠|发卡)`],
      en: [r`\b(?:swallowed|ate)\s(?:a|an|some|the|his|her)?\s?(?:coin|penny|small\s(?:toy|object|part)|marble|bead|pin|screw|earring|lego)`],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('吞入异物', 'Swallowed an object'),
  },
  {
    id: 'injury.eye_chemical',
    level: 'urgent',
    subject: 'any',
    patterns: {
      'zh-CN': [`眼睛${G(12)}(?:化学|清洁剂|消毒|洗涤|漂白|洁厕|碱|酸|84|洗衣液|凝珠)|(?:化学|清洁剂|消毒液|洗涤剂|漂白|84)${G(8)}(?:溅|进|喷)(?:到|进|了)?${G(2)}眼`],
      en: [r`\b(?:chemical|cleaner|bleach|detergent|acid|alkali|spray|pod)\b${EG(30)}\b(?:in|into)\s(?:his|her|their|my|the)\seyes?\b|\bsplash\w{0,3}\sin\s(?:the|his|her)\seyes?`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('化学品溅入眼睛', 'Chemical in the eye'),
  },
  {
    id: 'injury.limb_not_used',
    level: 'urgent',
    amber: true,
    subject: 'child',
    patterns: {
      'zh-CN': [`不(?:肯|敢|能|愿意)(?:用|动|抬)(?:左|右)?(?:手|胳膊|手臂|腿|脚)|不(?:肯|敢|能|愿意)?(?:让)?(?:左|右)?(?:腿|脚)(?:着地|落地|用力|吃力)|(?:腿|脚)${G(4)}不(?:肯|敢|能|愿意)(?:着地|落地|踩|用力|走路|走|站)|一瘸一拐|瘸了|(?:胳膊|手臂|腿)${G(4)}(?:抬不起来|不能动|变形)|骨折`],
      en: [
        r`\b(?:won't|refuses?\sto|refusing\sto|not|isn't)\s(?:use|using|move|moving|lift|lifting)\s(?:his|her|their|the)\s(?:left\s|right\s)?(?:arm|leg|hand|foot)\b|\b(?:won't|refuses?\sto|refusing\sto|not|isn't|can't)\s(?:bear|bearing|put|putting)\s(?:any\s)?weight\b`,
        r`\blimping\b|\bhas\sa\slimp\b|\bbroken\s(?:arm|leg|bone|wrist|ankle)|\bfracture\w{0,2}`,
      ],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('肢体不肯活动或不能负重', 'Not using a limb or not bearing weight'),
  },
  {
    id: 'injury.nosebleed_prolonged',
    level: 'urgent',
    subject: 'any',
    allOf: ['sig.nosebleed', 'sig.bleeding_not_stopping'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('鼻出血按压20分钟以上仍不止', 'Nosebleed not stopping after 20 minutes of pressure'),
  },
];
