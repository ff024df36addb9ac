/**
 * Signals: findings with no level of their own that rules combine ("fever" + "stiff
 * neck", "head knock" + "vomiting"). Same shape as a rule, without level or label.
 */
import type { TriageRule } from '../types.js';
import { EG, G } from './common.js';

const r = String.raw;

export const SIGNALS: readonly TriageRule[] = [
  // ---------------------------------------------------------------- fever
  {
    id: 'sig.fever_word',
    subject: 'any',
    patterns: {
      'zh-CN': ['发烧|发热|高烧|高热|烧到|(?<![心伤])烧(?:了|得|着|还没退|不退|起来)|又烧|反复烧|在烧'],
      en: [r`(?<!low[- ]grade\s|slight\s|mild\s|low\s)\b(?:fever|fevr|feaver|fevre|febrile|high\stemp(?:erature)?|running\sa\stemp(?:erature)?)\b|\bhas\sa\stemp(?:erature)?\b(?!\sof\s3[0-7])`],
    },
  },
  { id: 'sig.low_grade', subject: 'any', patterns: { 'zh-CN': ['低烧|低热'], en: [r`\blow[- ]grade\b|\bslight\s(?:fever|temperature)|\bmild\sfever`] } },
  { id: 'sig.temp38', subject: 'any', tempC: { min: 38 } },
  // A parent saying "发烧了" / "has a fever" counts as ≥ 38 °C even if a reading is lower
  // (NICE: take reported fever seriously; axillary readings run low).
  { id: 'sig.fever38', subject: 'any', anyOf: ['sig.temp38', 'sig.fever_word'] },
  { id: 'sig.fever', subject: 'any', anyOf: ['sig.fever_word', 'sig.low_grade', 'sig.temp38'] },
  {
    id: 'sig.infant_word',
    subject: 'child',
    patterns: { 'zh-CN': ['婴儿|新生儿|小婴儿|小宝宝|奶娃|吃奶'], en: [r`\bbaby\b|\binfant\b|\bnewborn\b|\bfeeds?\b`] },
  },
  // ---------------------------------------------------------------- counts
  { id: 'sig.vomits3', subject: 'child', vomitCount: { min: 3 } },
  { id: 'sig.stools6', subject: 'child', stoolCount: { min: 6 } },
  {
    id: 'sig.vomit',
    subject: 'any',
    patterns: {
      'zh-CN': ['(?<![不没])(?:呕吐|吐了|吐过|在吐|一直吐|又吐|还吐|吐(?:了)?(?:好几|几|[一二两三四五六七八九十\\d])(?:次|回))'],
      en: [r`\b(?:vomit\w{0,3}|threw\sup|thrown\sup|throwing\sup|been\ssick|being\ssick)\b`],
    },
  },
  // ---------------------------------------------------------------- child findings
  {
    id: 'sig.jaundice',
    subject: 'child',
    patterns: {
      'zh-CN': [`黄疸|(?:皮肤|脸|全身|眼白|眼睛|身上|脸色|脸部|巩膜)${G(3)}(?:发黄|黄了|很黄|变黄|黄黄|黄(?!色的?(?:痂|鼻涕|分泌|东西|脓)))`],
      en: [
        r`\bjaundic(?:e|ed)\b|\byellow\s(?:skin|eyes|whites)|\b(?:looks?|is|are|turning|turned|gone|going|went|seems?|appears?)\s(?:a\sbit\s|very\s|quite\s|really\s|so\s|already\s|slightly\s)?yellow\b(?!\s(?:discharge|snot|poo|poop|stool|scales|crust|mucus|pus|stuff|spots))`,
      ],
    },
  },
  {
    id: 'sig.colicky_screaming',
    subject: 'child',
    patterns: {
      'zh-CN': ['一阵一阵(?:的|地)?(?:哭|哭闹|尖叫)|哭闹一阵一阵|(?:腿|双腿|膝盖)(?:缩|蜷|抬)(?:到|向|起)'],
      en: [r`\bscream\w{0,3}\sin\sbouts|\bbouts\sof\s(?:screaming|crying)|\b(?:pulling|drawing|draws|pulls)\s(?:his|her|their)\s(?:legs|knees)\sup|\bepisodes\sof\s(?:screaming|crying)`],
    },
  },
  {
    id: 'sig.head_injury',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:头|脑袋|后脑勺|后脑|额头|头部|脑门)${G(3)}(?:撞|磕|摔|碰|着地|砸|朝下)|(?:撞|磕|碰|摔|砸)(?:到|了|伤|在)${G(4)}(?:头|脑袋|后脑勺|后脑|额头|脑门)`],
      en: [r`\b(?:hit|hits|bumped|banged|knocked|bashed|smacked|struck)\s(?:his|her|their|the\sback\sof\s(?:his|her))\shead\b|\bhead\s(?:injury|knock|bump|first)\b|\b(?:fell|landed)\b${EG(30)}\bon\s(?:his|her|their)\shead\b`],
    },
  },
  // ---------------------------------------------------------------- burns
  {
    id: 'sig.burn',
    subject: 'any',
    patterns: {
      'zh-CN': [`烫伤|烧伤|灼伤|烫到|烫了|烫红|烫得|烫起|烫出|被(?:开水|热水|热汤|热油|火|熨斗)|(?:开水|热水|热汤|热油|热茶|热粥|烧开的水)(?:洒|泼|倒|浇)|打翻${G(6)}(?:开水|热水|热汤|热油|热茶|热粥|烧开的水|烧开的汤)`],
      en: [r`\bscald\w{0,3}\b|\bburn(?:ed|t|s)?\b(?!\s?(?:when|while)\s(?:i|she|he|they)\s(?:pee|wee|urinate))|\b(?:boiling|hot)\s(?:water|tea|coffee|oil|soup|milk)\b${EG(30)}\b(?:spill|spilt|poured|splash|onto|over)`],
    },
  },
  {
    id: 'sig.burn_major',
    subject: 'any',
    patterns: {
      'zh-CN': ['大面积|整个(?:胳膊|手臂|腿|胸|后背|背|肚子|手|脚)|胸口(?:都)?(?:起|烫|烧)|全身|大水泡|大片|焦黑|烧焦|皮肤发白|发黑|碳化'],
      en: [r`\blarge\s(?:burn|blisters?|area)|\b(?:burn|blisters?)\s(?:across|all\sover|covering)\s(?:his|her|their)\s(?:chest|back|body|tummy|stomach|arm|leg)|\bacross\s(?:his|her|their)\s(?:chest|back|tummy|body|stomach)|\bcharred\b|\bwhite,?\s(?:waxy|leathery)|\bdeep\sburn`],
    },
  },
  {
    id: 'sig.burn_moderate',
    subject: 'any',
    patterns: {
      'zh-CN': ['水泡|水疱|起泡|(?:脸|面部|手|手掌|脚|会阴|生殖器|私处)|比(?:硬币|手掌|巴掌)(?:还)?大'],
      en: [r`\bblister\w{0,3}\b|\b(?:face|cheek|hands?|palm|feet|foot|genitals?)\b|\b(?:bigger|larger)\sthan\s(?:a|his|her|their)\s(?:coin|palm|hand)`],
    },
  },
  // ---------------------------------------------------------------- allergy
  {
    id: 'sig.allergen',
    subject: 'any',
    patterns: {
      'zh-CN': ['(?:吃了|吃过|喝了|碰了|接触|尝了|第一次吃|第一次喝|刚吃|吃|尝)(?:一点|一口|几口)?(?:花生|坚果|虾|海鲜|鸡蛋|牛奶|芒果|腰果|核桃|杏仁|芝麻|猕猴桃|鱼|药)|(?:蜜蜂|黄蜂|马蜂|蜂|虫子)(?:给)?(?:蛰|蜇|叮)|被(?:蜜蜂|黄蜂|马蜂|蜂)|过敏'],
      en: [r`\bafter\s(?:eating|trying|having|drinking)\b|\bpeanuts?\b|\bcashews?\b|\b(?:tree\s)?nuts\b|\bshellfish\b|\bstung\b|\bstings?\b|\bbee\b|\bwasp\b|\ballerg\w{1,4}|\bfirst\stime\strying\b`],
    },
  },
  {
    id: 'sig.anaphylaxis_sign',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:嘴唇|舌头|嘴|脸|眼皮|喉咙|喉头)${G(4)}(?:肿|发紧|堵)|喉咙${G(4)}(?:紧|发紧|堵|痒得说不出)|全身(?:起|长|出)?(?:了)?(?:风团|荨麻疹|疹子)|喘|呼吸困难|声音${G(3)}(?:嘶哑|哑)`],
      en: [r`\b(?:lips?|tongue|face|throat|mouth|eyes?)\b${EG(20)}\b(?:swell\w{0,3}|swollen|puffy|tight)\b|\bswelling\s(?:of|in)\s(?:the|his|her)\s(?:lips|tongue|face|throat)|\bwheez\w{0,3}|\bhoarse\b|\btrouble\s(?:breathing|swallowing)|\bdrooling\b|\bhives\sall\sover`],
    },
  },
];
