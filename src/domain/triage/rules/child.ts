/**
 * Child red flags (NICE NG143 traffic-light table, WHO IMCI danger signs, NHS/AAP).
 * Emergency and amber signs about breathing, colour, responsiveness, fever by age,
 * hydration and circulation. Many apply to anyone (blue lips, seizures), so they carry
 * no context; age-threshold rules need a known age.
 */
import type { TriageRule } from '../types.js';
import { EG, G, L, LL } from './common.js';

const r = String.raw;

const BREATHING_STEPS = LL(
  ['让孩子保持坐姿或他觉得最舒服的姿势，解开过紧的衣物', '如果停止呼吸或没有反应，按调度员指导开始心肺复苏'],
  ['Keep them sitting up or in whatever position they find easiest; loosen tight clothing', 'If they stop breathing or become unresponsive, start CPR as the call handler directs'],
);
const BREATHING_DONT = LL(['不要喂吃的或喝的', '不要让呼吸费力的孩子平躺'], ['Do not give food or drink', 'Do not lay a child who is struggling to breathe flat']);
const UNRESPONSIVE_STEPS = LL(
  ['检查是否有正常呼吸：有呼吸就侧卧（复苏体位），没有呼吸就开始心肺复苏', '一直守在旁边，观察呼吸直到急救人员到达'],
  ['Check for normal breathing: if breathing, lay them on their side (recovery position); if not, start CPR', 'Stay with them and watch their breathing until help arrives'],
);
const UNRESPONSIVE_DONT = LL(['不要摇晃孩子', '不要往嘴里喂任何东西'], ['Do not shake the baby or child', 'Do not put anything in their mouth']);
const SEIZURE_STEPS = LL(
  ['让孩子侧躺在安全的平面上，移开周围的硬物', '记录抽搐开始的时间和持续多久', '抽搐停止后保持侧卧，观察呼吸'],
  ['Lay them on their side on a safe surface and move hard objects away', 'Time the seizure: note when it started and how long it lasts', 'When it stops, keep them on their side and watch their breathing'],
);
const SEIZURE_DONT = LL(
  ['不要往嘴里塞任何东西（包括手指、筷子、毛巾）', '不要按住或约束孩子的手脚', '不要掐人中，不要喂水或药'],
  ['Do not put anything in their mouth (no fingers, spoons or cloths)', 'Do not hold them down or restrain their movements', 'Do not give food, drink or medicine'],
);

export const CHILD_RULES: readonly TriageRule[] = [
  // Signal without context, so emergency combinations cannot be undone by later text.
  {
    id: 'sig.drowsy',
    subject: 'any',
    patterns: {
      'zh-CN': [
        '嗜睡|昏昏(?:欲睡|沉沉)|一直(?:在)?睡(?!不|得不|觉不)|总是(?:在)?睡(?!不)|特别(?:能|想)睡|一直想睡|叫醒了?(?:一会儿?|一下)?又睡|睡过去',
        '精神(?:很|特别|非常|也|有点|比较)?(?:差|不好|萎靡|不振)|萎靡|没(?:有)?精神|蔫(?:蔫|了)|打不起精神|反应(?:迟钝|慢|很差|差|弱|少)|不(?:怎么|太)有反应|没什么反应|不笑了|不爱笑了',
      ],
      en: [r`\bletharg\w{1,4}|\bdrowsy\b|\b(?:very|really|so|unusually|extremely|more)\ssleepy\b|\blistless\b|\bnot\s(?:himself|herself)\b|\bsleeping\s(?:all\sthe\stime|more\sthan\susual)|\bhard\sto\sget\sa\ssmile|\bwon't\ssmile|\bno\senergy\b|\bnot\s(?:really\s)?(?:responding|reacting)\s(?:much|normally|properly)|\bbarely\s(?:responding|reacting|awake)`],
    },
  },
  // ---------------------------------------------------------------- breathing & colour
  {
    id: 'child.cyanosis',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [
        `(?:嘴唇|嘴巴|嘴周|嘴角|口唇|唇色|脸色|面色|脸|全身|皮肤|舌头|指甲)${G(4)}(?:发紫|青紫|紫了|紫色|发青|青了|发黑|发灰|灰白|变紫|变青|发乌|乌青)`,
        '发绀|紫绀',
      ],
      en: [
        r`\b(?:lips?|face|mouth|skin|tongue)\b${EG(25)}\b(?:blue|bluish|purple|grey|gray|dusky)\b`,
        r`\b(?:turning|turned|going|gone|went|looks?|looking|is|was)\s(?:a\s(?:bit|little)\s)?(?:blue|grey|gray|purple|dusky)\b`,
        r`\bblue\s(?:lips|around\s(?:the|his|her)\s(?:lips|mouth))|cyano(?:sis|tic|sed)`,
      ],
    },
    specialty: 'paediatrics',
    source: ['NICE NG143', 'WHO IMCI'],
    label: L('嘴唇或脸色发紫、发青或发灰', 'Blue, grey or purple lips, face or skin'),
    firstSteps: BREATHING_STEPS,
    doNot: BREATHING_DONT,
  },
  {
    id: 'child.mottled',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': ['发花|花斑|大理石(?:样|纹)|皮肤(?:一块一块|一片一片)(?:地)?(?:发紫|发白|发灰)|面色(?:灰白|苍白如纸)'],
      en: [r`\bmottled|\bashen\b|\bblotchy\s(?:and\s)?(?:blue|purple|grey)`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('皮肤发花（花斑）或面色灰白', 'Mottled or ashen skin'),
    firstSteps: UNRESPONSIVE_STEPS,
    doNot: UNRESPONSIVE_DONT,
  },
  {
    id: 'child.breathing_difficulty',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [
        '呼吸(?:很|非常|特别|十分|有些|好)?(?:困难|费力|费劲|吃力)|喘不(?:上|过|来)(?:气)?|上不来气|透不过气|呼吸不上来|吸不上气|喘得(?:很|特别|非常)?(?:厉害|严重|凶)',
        `三凹征|(?:肋骨|肋间|锁骨|胸口|胸骨)(?:下面|中间|之间|上面)?${G(4)}(?:凹|陷|吸进去)`,
        `(?:呼吸|呼气|吸气|喘气)${G(10)}(?:呻吟|哼哼|咕噜)|说话(?:都)?说不(?:完整|出来|了完整)`,
      ],
      en: [
        r`\b(?:struggling|fighting|labou?red|difficulty|trouble|hard time|working hard|straining)\s(?:to\s)?(?:breathe?|breathing|with\s(?:his|her|their|my)?\s?breathing)\b`,
        r`\b(?:can't|cannot|can not|unable to|couldn't)\s(?:breathe?|catch\s(?:my|his|her|their)\sbreath|get\s(?:my|his|her|their)\sbreath)\b`,
        r`\bgasping\b|\bshort(?:ness)? of breath\b|(?<!bit |little |slightly |mildly |bit more )\bbreathless\b(?![^,.;!?]{0,30}(?:stairs|walk|exercis|at rest))`,
        r`\bgrunt(?:s|ing)?\b|\b(?:ribs?|skin|chest|tummy)\b${EG(20)}\bsuck(?:s|ing|ed)?\s(?:in|under)|\bsucking in\b${EG(20)}\bribs|\bchest (?:wall )?indrawing|\bretractions?\b|\bhead bobbing\b`,
      ],
    },
    specialty: 'paediatrics',
    source: ['WHO IMCI', 'NICE NG143'],
    label: L('呼吸困难（费力、呻吟、肋间凹陷或喘不上气）', 'Difficulty breathing (laboured, grunting, chest indrawing or cannot catch breath)'),
    firstSteps: BREATHING_STEPS,
    doNot: BREATHING_DONT,
  },
  {
    id: 'child.apnoea',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': ['(?:不知道|不确定|看不出)(?:他|她|宝宝|孩子)?(?:还)?有没有(?:在)?呼吸|(?<!有)没(?:有)?(?:了)?呼吸(?:了|的迹象)?(?![困急费道不异问暂声音频])|(?<!有|会)不呼吸|呼吸(?:暂停|停止|停了|停顿|中断)|停止(?:了)?呼吸|憋(?:得)?没气'],
      en: [
        r`\b(?:not|isn't|wasn't|stopped|stops|stop)\sbreathing\b(?![^,.;!?]{0,25}(?:while|when|in his|in her)\s(?:asleep|sleeping|sleep))`,
        r`\b(?:not\s(?:sure|certain)|don't\sknow|can't\stell)\s(?:if|whether)\s(?:he|she|they|the\sbaby|my\sbaby|baby)(?:'s|\sis|\sare)\s(?:still\s)?breathing\b|\bpauses?\sin\s(?:her|his|their|the)?\s?breathing|\bbreathing\s(?:has|had|with)?\s?pauses|\bapn(?:o)?ea\b`,
      ],
    },
    specialty: 'paediatrics',
    source: ['NICE NG143', 'WHO IMCI'],
    label: L('呼吸停止或呼吸暂停', 'Not breathing or pauses in breathing'),
    firstSteps: UNRESPONSIVE_STEPS,
    doNot: UNRESPONSIVE_DONT,
  },
  {
    // WHO IMCI: ≥ 60/min is fast breathing under 2 months; at any age it is severe.
    id: 'child.rr_very_fast',
    level: 'emergency',
    subject: 'child',
    breathRate: { min: 60 },
    specialty: 'paediatrics',
    source: ['WHO IMCI', 'NICE NG143'],
    label: L('呼吸每分钟60次或以上', 'Breathing 60 or more times a minute'),
    firstSteps: BREATHING_STEPS,
    doNot: BREATHING_DONT,
  },
  {
    id: 'child.rr_fast_infant',
    level: 'urgent',
    amber: true,
    subject: 'child',
    context: 'child',
    breathRate: { min: 51 },
    ageDays: { min: 60, max: 364 },
    specialty: 'paediatrics',
    source: ['NICE NG143', 'WHO IMCI'],
    label: L('婴儿呼吸快（每分钟超过50次）', 'Fast breathing for age (over 50 a minute, 2–12 months)'),
  },
  {
    id: 'child.rr_fast_child',
    level: 'urgent',
    amber: true,
    subject: 'child',
    context: 'child',
    breathRate: { min: 41 },
    ageDays: { min: 365 },
    ageUnknownOk: true,
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('呼吸快（1岁以上每分钟超过40次）', 'Fast breathing for age (over 40 a minute, over 12 months)'),
  },
  {
    id: 'child.fast_breathing',
    level: 'urgent',
    amber: true,
    subject: 'child',
    context: 'child',
    patterns: {
      'zh-CN': ['呼吸(?:很|非常|特别|好|有点|比较|越来越)?(?:快|急促|急)|气促|气急|肚子一鼓一鼓'],
      en: [r`\bbreathing\s(?:very\s|really\s|so\s|quite\s|a bit\s)?(?:fast|quickly|rapidly|hard)\b|\b(?:fast|rapid|quick)\sbreathing\b|\btummy\s(?:is\s)?(?:pulling|sucking)`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('呼吸急促', 'Breathing fast'),
  },
  {
    id: 'child.nasal_flaring',
    level: 'urgent',
    amber: true,
    subject: 'child',
    patterns: {
      'zh-CN': ['鼻翼(?:扇动|煽动|一张一张|一扇一扇|一张一合)|鼻孔一张一张'],
      en: [r`\bnostrils?\s(?:are\s)?flar|\bflaring\s(?:his|her|their)?\s?nostrils|\bnasal flaring`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('鼻翼扇动', 'Nasal flaring'),
  },
  {
    id: 'child.stridor_croup',
    level: 'urgent',
    amber: true,
    subject: 'child',
    patterns: {
      'zh-CN': [`狗叫|犬吠|喉鸣|(?:吸气|吸进)${G(6)}(?:响|声|呼噜|鸣)|喉(?:咙)?(?:里)?有响声`],
      en: [r`\bbark(?:ing|y)?\scough|\bstridor\b|\bharsh\s(?:noise|sound|whistl\w{0,3})\s(?:when|as)\s(?:he|she|they)\sbreathes?\sin|\bnoisy\sbreathing\s(?:at rest|even when resting)`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('犬吠样咳嗽或吸气时喉鸣', 'Barking cough or harsh noise breathing in (stridor)'),
  },
  {
    id: 'child.asthma_not_relieved',
    level: 'urgent',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:喷了?|吸了?|用了?)(?:药|喷雾|气雾剂|吸入器|沙丁胺醇|万托林)(?:也|还是|都)?(?:没|不)(?:有)?(?:缓解|好转|用|管用|效果)|哮喘${G(8)}(?:加重|发作)`],
      en: [r`\b(?:inhaler|puffer|nebuli[sz]er)\s(?:isn't|is not|not|doesn't|wasn't)\s(?:helping|working)|\b(?:wheez\w{0,3}|breathless)\b${EG(20)}\b(?:despite|even with)\s(?:the\s|his\s|her\s)?(?:inhaler|puffer)`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('哮喘发作，用药后没有缓解', 'Asthma attack not relieved by the inhaler'),
  },
  // ---------------------------------------------------------------- responsiveness
  {
    id: 'child.unresponsive',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [
        '叫不醒|叫醒不了|弄不醒|(?<!名字|名字都|名字也)没(?:有)?(?:什么)?反应(?!迟)|不省人事|昏迷|昏过去|晕过去|晕倒|失去(?:了)?意识|意识不清|没(?:有)?意识',
        '叫(?:他|她|宝宝)?(?:也|都)?不(?:理|应)(?:我|人)?(?!名字)|眼(?:睛|球)?(?:往|向)?上翻|翻白眼|两眼上翻',
      ],
      en: [
        r`\bunresponsive\b|\bnot\sresponding\b|\b(?:isn't|won't|doesn't)\srespond(?:ing)?\b(?!\sto\s(?:his|her|their)\sname)|\bunconscious\b|\bpassed\sout\b|\bknocked\sout\b|\blost\sconsciousness\b|\bloss\sof\sconsciousness\b`,
        r`\b(?:can't|cannot|couldn't|won't|unable to|hard to|difficult to)\s(?:wake|rouse)\b|\bwon't\swake\sup\b|\bnot\swaking\b|\beyes\s(?:are\s)?(?:rolling|rolled)\s(?:back|up)\b`,
      ],
    },
    specialty: 'paediatrics',
    source: ['NICE NG143', 'WHO IMCI'],
    label: L('没有反应、叫不醒或失去意识', 'Unresponsive, cannot be woken or lost consciousness'),
    firstSteps: UNRESPONSIVE_STEPS,
    doNot: UNRESPONSIVE_DONT,
  },
  {
    id: 'child.floppy',
    level: 'emergency',
    subject: 'child',
    patterns: {
      'zh-CN': ['软绵绵|浑身(?:发)?软|全身(?:发)?软|瘫软|软趴趴|四肢(?:无力|发软)'],
      en: [r`\bfl?opp?y\b|\blimp\s(?:and|like)|\bgone\slimp|\bis\slimp\b|\blike\sa\srag\sdoll`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('浑身发软、松软无力', 'Floppy'),
    firstSteps: UNRESPONSIVE_STEPS,
    doNot: UNRESPONSIVE_DONT,
  },
  {
    id: 'child.seizure',
    level: 'emergency',
    subject: 'any',
    patterns: {
      'zh-CN': [
        '抽搐|抽蓄|抽畜|抽触|抽风|惊厥|(?<![腿脚](?:老是|总是|经常|会|老|总|又|也|还)?)抽筋(?![疼痛])|抽了(?!血|一管|一支|烟|奖|签|管)|在抽(?![血烟])|抽起来|抽过(?![血烟])|再抽(?![血烟])|羊癫疯|羊角风|癫痫(?:发作|犯了)',
        '全身(?:一抖一抖|抖个不停|僵硬)(?:的)?',
      ],
      en: [
        r`\bseizures?\b|\bseizing\b|\bconvuls\w{0,5}|\bfitting\b|\b(?:having|had|has|in|into)\s(?:a\s)?fits?\b|\bfits?\s(?:again|now)\b|\bepileptic\b|\btonic[- ]clonic\b`,
        r`\bshaking\sand\s(?:unresponsive|not\sresponding)|\bjerking\s(?:all over|uncontrollably|and\s(?:unresponsive|not\sresponding))`,
      ],
    },
    specialty: 'paediatrics',
    source: ['NICE NG143', 'WHO IMCI'],
    label: L('抽搐（惊厥）', 'Seizure / fit / convulsion'),
    firstSteps: SEIZURE_STEPS,
    doNot: SEIZURE_DONT,
  },
  {
    id: 'child.weak_cry',
    level: 'emergency',
    subject: 'child',
    patterns: {
      'zh-CN': ['哭声(?:很|特别|非常)?(?:弱|微弱|小|尖|尖锐)|像小猫(?:叫|一样)|(?:尖叫|尖声)(?:一样|似的)(?:地)?哭|高调(?:的)?哭'],
      en: [r`\bweak\s(?:high[- ]pitched\s)?cry|\bhigh[- ]pitched\s(?:cry|crying|scream|screaming|wail)|\bcry\s(?:is|sounds)\s(?:weak|high)`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('哭声微弱或尖调异常', 'Weak or high-pitched cry'),
    firstSteps: UNRESPONSIVE_STEPS,
    doNot: UNRESPONSIVE_DONT,
  },
  {
    id: 'child.continuous_cry',
    level: 'urgent',
    amber: true,
    subject: 'child',
    patterns: {
      'zh-CN': ['一直尖叫|哭(?:个)?不停(?:地)?(?:哄不好|怎么哄)|怎么哄都(?:哄)?不好|持续(?:地)?(?:哭闹|大哭)'],
      en: [r`\bwon't\sstop\s(?:crying|screaming)|\bcrying\s(?:non[- ]?stop|constantly|continuously)|\bscreaming\s(?:non[- ]?stop|constantly)`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('持续哭闹、怎么哄都不好', 'Crying continuously and cannot be settled'),
  },
  {
    id: 'child.drowsy',
    level: 'urgent',
    amber: true,
    subject: 'child',
    context: 'child',
    allOf: ['sig.drowsy'],
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('精神差、嗜睡或反应减弱', 'Unusually drowsy, lethargic or less responsive'),
  },
  {
    id: 'child.pale',
    level: 'urgent',
    amber: true,
    subject: 'child',
    context: 'child',
    patterns: {
      'zh-CN': [`(?:脸色?|面色|嘴唇|皮肤)${G(3)}(?:苍白|发白|惨白|白了)`],
      en: [r`\b(?:very|really|so|quite|looks?|looking|gone|went|is|turned)\spale\b|\bpallor\b`],
    },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('脸色苍白', 'Looks pale'),
  },
];
