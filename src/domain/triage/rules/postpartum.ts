/**
 * After birth (AWHONN POST-BIRTH warning signs, NHS), plus findings shared with pregnancy
 * and with everyone: chest pain, heavy bleeding, headache and vision, swelling, fainting.
 */
import type { TriageRule } from '../types.js';
import { EG, EGC, G, L, LL } from './common.js';

const r = String.raw;

const LIE_DOWN = LL(['平躺，抬高双腿，记录1小时内用了几片卫生巾、血块大小', '让家人陪在身边'], [
  'Lie down with your legs raised; count how many pads you soak in an hour and note the size of clots',
  'Have someone stay with you',
]);
const BLEED_DONT = LL(['不要使用卫生棉条', '不要自己开车去医院'], ['Do not use tampons', 'Do not drive yourself']);
const CHEST_STEPS = LL(['停止活动，坐下或半躺休息', '告诉调度员你最近怀孕或刚生产'], [
  'Stop what you are doing and sit or half-lie down',
  'Tell the call handler you are pregnant or recently gave birth',
]);
const CHEST_DONT = LL(['不要自己开车去医院', '不要等症状自己消失'], ['Do not drive yourself', 'Do not wait for it to pass']);

export const POSTPARTUM_RULES: readonly TriageRule[] = [
  // ---------------------------------------------------------------- shared signals
  {
    id: 'sig.headache',
    subject: 'any',
    patterns: { 'zh-CN': ['头(?:很|好|特别|有点|一直)?(?:痛|疼)|偏头痛'], en: [r`\bheadaches?\b|\bhead\s(?:hurts|is\spounding)|\bmigraine`] },
  },
  {
    id: 'sig.headache_severe',
    subject: 'any',
    patterns: {
      'zh-CN': ['头(?:痛|疼)(?:得)?(?:很|特别|非常)?(?:厉害|剧烈|严重|欲裂|受不了)|剧烈(?:的)?头(?:痛|疼)|头(?:很|好|特别)(?:痛|疼)'],
      en: [r`\b(?:severe|bad|terrible|awful|worst|pounding|splitting|blinding)\sheadache|\bheadache\b${EG(20)}\b(?:won't|will\snot|doesn't|isn't)\s(?:go\saway|going\saway|stop|improve)`],
    },
  },
  {
    id: 'sig.headache_persistent',
    subject: 'any',
    patterns: {
      'zh-CN': [`头(?:痛|疼)(?:一直|总是|老是|还是|也|都)?(?:不好|不见好|不缓解|没好|好不了|不停|不退)|头(?:痛|疼)${G(8)}(?:吃了药也不行|吃药也不管用|吃药没用)`],
      en: [r`\bheadache\b${EG(30)}\b(?:won't|will\snot|doesn't|isn't)\s(?:go\saway|going\saway|stop|improve|getting\sbetter)|\bheadache\b${EG(30)}\b(?:even\swith|despite)\b`],
    },
  },
  {
    id: 'sig.visual',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:看(?:东西|不清)|视(?:物|力|线)|眼(?:睛|前))${G(6)}(?:模糊|重影|不清|冒金星|闪光|发黑|看不清)|冒金星|眼前${G(4)}(?:发黑|闪光|一闪|闪|冒星|发花|模糊|有黑点)|看(?:东西|不清)${G(4)}(?:花|重影)`],
      en: [r`\bblurr?(?:y|ed)\s(?:vision|sight)|\bvision\b${EG(20)}\b(?:blurr?\w{0,3}|spots|flashing|going|changes?|dim)\b|\bseeing\s(?:[a-z-]{1,12}\s){0,2}(?:lights|spots|stars|zig-?zags?|sparkles|floaters)|\bflashing\b${EG(15)}\blights|\bzig-?zag\s(?:lines|lights|patterns?)|\bspots\sin\s(?:my|front\sof)`],
    },
  },
  {
    id: 'sig.swelling_face_hands',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:脸|面部|手|手指|眼睛|眼皮)${G(8)}(?:突然)?(?:肿|浮肿|水肿)`],
      en: [r`\b(?:face|hands|fingers|eyes)\b${EG(20)}\b(?:swell\w{0,3}|swollen|puffy)\b|\bswollen\s(?:face|hands|fingers)|\bsudden\sswelling`],
    },
  },
  {
    id: 'sig.swelling',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:脚|腿|脚踝|脚脖子|脸|手|全身)${G(6)}(?:肿|浮肿|水肿)`],
      en: [r`\bswollen\s(?:feet|ankles|legs|face|hands)|\b(?:feet|ankles|legs)\b${EG(15)}\b(?:swell\w{0,3}|swollen|puffy)\b`],
    },
  },
  {
    id: 'sig.faint',
    subject: 'any',
    patterns: { 'zh-CN': ['头晕眼花|晕倒|晕厥|要晕|快晕|眼前发黑|站不稳'], en: [r`\bfaint(?:ing|ed)?\b|\bpassed\sout\b|\blight-?headed\b|\bdizzy\sand\b`] },
  },
  {
    id: 'sig.one_sided_pain',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:一侧|一边|单侧|左边|右边|左侧|右侧)${G(4)}(?:肚子|小腹|下腹|腹部)?${G(2)}(?:剧痛|痛|疼)`],
      en: [r`\bpain\son\s(?:one|the\sleft|the\sright|my\sleft|my\sright)\sside|\bone[- ]sided\spain|\bsharp\spain\b${EG(20)}\bside\b`],
    },
  },
  {
    id: 'sig.breast_inflamed',
    subject: 'postpartum',
    patterns: {
      'zh-CN': [
        `(?:乳房|咪咪)${G(6)}(?:红肿|又红又肿|发红|红|发热|热痛)|(?:乳房|咪咪)${G(8)}(?:一块|一片)(?:又)?(?:红|肿)|乳(?:房)?${G(4)}红肿热痛|乳腺炎|奶结${G(4)}(?:红|痛)`,
        // "乳房有个硬块，又红又疼": the lump and its redness often sit in two clauses
        `(?:乳房|乳头|胸部|奶|咪咪)${G(6)}(?:硬块|肿块|结块|硬结|包块)[，,、]?(?:又|还|而且|也|有点|很|摸着)?(?:红|发红|发热|热)`,
      ],
      en: [r`\bbreast\b${EG(30)}\b(?:red|hot|inflamed|wedge)\b|\b(?:red|hot|inflamed)\b${EG(20)}\bbreast\b|\b(?:red|hot|inflamed)\b${EG(20)}\b(?:wedge|patch|area|lump)\son\s(?:my|her|the)\sbreast|\bmastitis\b`],
    },
  },
  // ---------------------------------------------------------------- emergencies
  {
    id: 'any.chest_pain',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [`胸口${G(4)}(?:痛|疼|闷|压着|压得)|胸痛|胸闷(?:气短|憋气|喘不)|心口(?:痛|疼)`],
      en: [r`\bchest\s(?:pain|pains|hurts|tightness|is\stight|pressure)|\bpain\sin\s(?:my|her|his|the)\schest`],
    },
    specialty: 'obstetrics',
    source: ['AWHONN POST-BIRTH', 'WHO', 'NHS'],
    label: L('胸痛', 'Chest pain'),
    firstSteps: CHEST_STEPS,
    doNot: CHEST_DONT,
  },
  {
    id: 'pp.haemorrhage',
    level: 'emergency',
    subject: 'postpartum',
    patterns: {
      'zh-CN': [
        `(?:一个?小时|每小时|1小时)${G(8)}(?:湿透|浸透|换)${G(6)}(?:卫生巾|护垫|产妇垫|垫子)|湿透${G(4)}(?:卫生巾|护垫|产妇垫)`,
        `(?:鸡蛋|拳头|高尔夫球|李子|乒乓球)(?:一样|那么|似的|那样)?大(?:小)?的?血块|大血块|恶露${G(6)}(?:突然)?(?:变多|增多|很多|不止|止不住)|出血不止|血流不止`,
      ],
      en: [
        r`\bsoak\w{0,3}\s(?:through\s)?(?:a\s|one\s|my\s)?pads?\s(?:an|every|each|in\san|within\san|in\sunder\san)\shour|\bsoaking\b${EG(20)}\bpads?\b`,
        r`\bclots?\b${EG(30)}\b(?:bigger|larger)\sthan\s(?:an?\s)?(?:egg|golf\s?ball|plum|fist)|\b(?:golf\s?ball|egg|plum|fist)[- ]sized\sclots?|\blarge\sclots\b`,
      ],
    },
    specialty: 'obstetrics',
    source: ['AWHONN POST-BIRTH', 'NHS'],
    label: L('产后大出血（1小时湿透一片卫生巾或鸡蛋大血块）', 'Heavy bleeding after birth (soaking a pad an hour or clots bigger than an egg)'),
    firstSteps: LIE_DOWN,
    doNot: BLEED_DONT,
  },
  {
    id: 'any.heavy_bleeding',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': ['大出血|大量(?:出血|流血)|(?<!鼻)血流不止|(?<!鼻)出血不止'],
      en: [r`\bbleeding\s(?:heavily|badly|a\slot)|\bheavy\sbleeding|\blots\sof\sblood|\bgushing\sblood`],
    },
    specialty: 'obstetrics',
    source: 'NHS',
    label: L('大量出血', 'Heavy bleeding'),
    firstSteps: LIE_DOWN,
    doNot: BLEED_DONT,
  },
  // ---------------------------------------------------------------- urgent
  {
    id: 'pp.fever',
    level: 'urgent',
    subject: 'postpartum',
    context: 'postpartum',
    allOf: ['sig.fever38'],
    specialty: 'obstetrics',
    source: ['AWHONN POST-BIRTH', 'NHS'],
    label: L('产后体温≥38°C', 'Temperature of 38 °C or higher after birth'),
  },
  {
    id: 'pp.wound',
    level: 'urgent',
    subject: 'postpartum',
    patterns: {
      'zh-CN': [`(?:伤口|刀口|切口|侧切|缝合|缝线|撕裂)${G(8)}(?:红肿|发红|又红|很红|红了|红红|发热|发烫|流脓|有脓|脓|渗液|渗出|裂开|开了|发臭|臭|流(?:黄)?水)`],
      en: [r`\b(?:wound|incision|scar|stitches|tear|c-?section\scut)\b${EGC(40)}\b(?:red|hot|leaking|pus|oozing|opening|open|come\sapart|coming\sapart|split|smell\w{0,3}|infected)\b`],
    },
    specialty: 'obstetrics',
    source: ['AWHONN POST-BIRTH', 'NHS'],
    label: L('伤口红肿、流脓或裂开', 'Wound that is red, hot, leaking or opening'),
  },
  {
    id: 'pp.calf_dvt',
    level: 'urgent',
    subject: 'postpartum',
    context: 'perinatal',
    patterns: {
      'zh-CN': [`(?:小腿|腿肚子|腿肚|一条腿|一侧腿|左腿|右腿)${G(6)}(?:红肿|又红又肿|肿痛|肿胀|发红|发热|肿|红)`],
      en: [r`\bcalf\b${EG(30)}\b(?:swollen|swelling|red|painful|pain|hot|tender)\b|\b(?:swollen|painful|red|hot|tender)\b${EG(30)}\bcalf\b|\bone\sleg\b${EG(20)}\b(?:swollen|red|painful)`],
    },
    specialty: 'obstetrics',
    source: ['AWHONN POST-BIRTH', 'NHS'],
    label: L('小腿红肿疼痛（警惕血栓）', 'Red, swollen, painful calf (possible blood clot)'),
  },
  {
    id: 'pp.headache_vision',
    level: 'urgent',
    subject: 'postpartum',
    context: 'postpartum',
    anyOf: ['sig.headache_persistent', 'sig.visual', 'sig.headache_severe'],
    specialty: 'obstetrics',
    source: ['AWHONN POST-BIRTH', 'NICE NG133'],
    label: L('产后头痛不缓解或伴视物模糊', 'Headache that does not improve, or with vision changes, after birth'),
  },
  {
    id: 'pp.mastitis',
    level: 'urgent',
    subject: 'postpartum',
    allOf: ['sig.breast_inflamed', 'sig.fever'],
    specialty: 'lactation',
    source: ['NHS', 'AWHONN POST-BIRTH'],
    label: L('乳房红肿热痛伴发烧（乳腺炎）', 'Red, hot, painful breast with fever (mastitis)'),
  },
  {
    id: 'pp.breast_inflamed',
    level: 'routine',
    subject: 'postpartum',
    allOf: ['sig.breast_inflamed'],
    specialty: 'lactation',
    source: 'NHS',
    label: L('乳房局部红肿疼痛', 'Red, painful area on the breast'),
  },
  {
    id: 'pp.uti_fever',
    level: 'urgent',
    subject: 'any',
    allOf: ['sig.urinary_pain', 'sig.fever'],
    specialty: 'obstetrics',
    source: ['NICE NG224', 'NHS'],
    label: L('小便疼痛伴发烧', 'Painful urination with fever'),
  },
];
