/**
 * Parental mental health (NICE CG192 / NHS, AWHONN POST-BIRTH): thoughts of suicide,
 * self-harm or harming the baby are emergencies with the crisis line; postpartum
 * psychosis is an emergency; low mood or anxiety lasting more than two weeks is routine.
 */
import type { TriageRule } from '../types.js';
import { EG, G, L, LL } from './common.js';

const r = String.raw;

const CRISIS_STEPS = LL(['如果你有立即伤害自己或孩子的危险，现在就拨打急救电话', '把宝宝放在安全的地方（比如婴儿床），离开房间，找家人或朋友陪着你', '拨打心理援助热线，有人可以和你聊'], [
  'If you might act on these thoughts now, call emergency services',
  'Put the baby somewhere safe (such as the cot), step out of the room and ask someone to stay with you',
  'Call the crisis line: someone is there to talk to you right now',
]);
const CRISIS_DONT = LL(['不要独自一人待着', '不要一个人照看宝宝，直到有人来帮你'], ['Do not stay alone', 'Do not care for the baby alone until someone is with you']);

export const MENTAL_HEALTH_RULES: readonly TriageRule[] = [
  {
    id: 'mh.suicidal_thoughts',
    level: 'emergency',
    subject: 'parent',
    crisis: true,
    selfReport: true,
    patterns: {
      'zh-CN': [
        '不想活|想死|(?:活着|活下去)(?:真|都)?没(?:有)?(?:意思|意义)|一了百了|自杀|轻生|寻死|结束(?:自己的)?生命|结束这一切|死了(?:就)?算了|(?:从|往)楼上跳|割腕|吃安眠药(?:睡过去|走)',
        `(?:想|要)${G(6)}(?:跳楼|跳河|跳下去)|(?:消失|不在了)(?:就|才)?(?:好了|好)|大家(?:都)?会(?:过得)?更好|(?:我|自己)(?:要是|如果|)?(?:死了|不在了|消失了|走了)${G(4)}(?:就|会|才)${G(3)}(?:好|更好|解脱)|(?:孩子|宝宝|家里|他们)(?:也)?不需要我(?:这样的)?|(?:想|要)(?:伤害|弄伤|割)自己|自残|自伤`,
      ],
      en: [
        r`\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting)\s(?:myself|my\sself)\b|\bsuicid\w{1,4}|\bend(?:ing)?\s(?:it\sall|my\slife|things)\b|\bself[- ]harm\w{0,3}|\btake\smy\s(?:own\s)?life`,
        r`\b(?:don't|do\snot)\swant\sto\s(?:be\shere|live|be\salive|wake\sup)|\bwant\sto\sdie\b|\bwish\si\s(?:was|were)\sdead|\bbetter\soff\s(?:without\sme|if\si\s(?:wasn't|was\snot|weren't|were\snot)\s(?:around|here|alive))|\bif\si\s(?:wasn't|weren't|was\snot|were\snot)\s(?:around|here|alive)\b|\b(?:disappear|not\swake\sup)\sforever|\bno\s(?:reason|point)\s(?:to|in)\sliv`,
      ],
    },
    specialty: 'mental_health',
    source: 'NHS',
    label: L('有自杀或自伤的想法', 'Thoughts of suicide or self-harm'),
    firstSteps: CRISIS_STEPS,
    doNot: CRISIS_DONT,
  },
  {
    id: 'mh.harm_baby_thoughts',
    level: 'emergency',
    subject: 'parent',
    crisis: true,
    selfReport: true,
    patterns: {
      'zh-CN': [`(?:想|要|会)${G(4)}(?:伤害|弄伤|掐|摔|闷死|掐死|扔|打死|弄死)${G(3)}(?:宝宝|孩子|婴儿|他|她|娃)|伤害(?:宝宝|孩子)的(?:念头|想法|冲动)|抱着(?:孩子|宝宝)${G(4)}(?:跳|一起死)|带着(?:孩子|宝宝)一起(?:死|走)`],
      en: [
        r`\b(?:thoughts?|urges?|images?|ideas?)\s(?:of|about)\s(?:hurting|harming|killing|shaking|smothering|drowning|dropping)\s(?:my|the|our)\s(?:baby|child|son|daughter|newborn)`,
        r`\b(?:want|wanted|going|tempted)\sto\s(?:hurt|harm|kill|shake|smother|drown)\s(?:my|the|our)\s(?:baby|child|son|daughter|newborn)|\b(?:might|could|will)\shurt\s(?:my|the|our)\sbaby`,
      ],
    },
    specialty: 'mental_health',
    source: ['NHS', 'AWHONN POST-BIRTH'],
    label: L('有伤害宝宝的念头', 'Thoughts of harming the baby'),
    firstSteps: CRISIS_STEPS,
    doNot: CRISIS_DONT,
  },
  {
    id: 'mh.psychosis',
    level: 'emergency',
    subject: 'postpartum',
    patterns: {
      'zh-CN': ['颠三倒四|胡言乱语|语无伦次|幻觉|幻听|幻视|听到(?:有人|声音|奇怪的声音)|看到(?:不存在|别人看不到)|(?:觉得|说|认为)(?:有人|别人)(?:要)?(?:害|监视|跟踪)|神志不清|意识混乱|糊涂了|不认识(?:人|家人|我)|行为(?:很)?(?:怪异|反常)'],
      en: [
        r`\bhallucinat\w{1,6}|\bhears?\svoices|\bhearing\svoices|\bseeing\sthings\s(?:that\saren't|which\saren't)|\bpsychos[ie]s|\bpsychotic\b|\bparanoi\w{1,3}|\bmanic\b`,
        r`\b(?:is|she's|he's|i'm|seems|seemed|became|very|really)\s(?:very\s|really\s|suddenly\s|so\s)?confused\b|\bthinks\s(?:people|someone|everyone)\s(?:are|is)\s(?:trying|out|after|watching)`,
      ],
    },
    specialty: 'mental_health',
    source: ['AWHONN POST-BIRTH', 'NHS'],
    label: L('意识混乱、幻觉或异常想法（警惕产后精神病）', 'Confusion, hallucinations or strange beliefs (possible postpartum psychosis)'),
    firstSteps: LL(['不要让她独自一人或单独照看宝宝', '让家人陪同立即就医'], ['Do not leave her alone or alone with the baby', 'Have someone take her for emergency care now']),
    doNot: LL(['不要和她争论她的想法'], ['Do not argue with her beliefs']),
  },
  {
    id: 'mh.cannot_cope',
    level: 'urgent',
    subject: 'parent',
    crisis: true,
    selfReport: true,
    patterns: {
      'zh-CN': ['撑不下去|熬不下去|活不下去'],
      en: [r`\bcan't\s(?:go\son|cope\s(?:anymore|any\smore)|do\sthis\sanymore|take\sit\sanymore)|\bat\smy\swits'?\send|\bfalling\sapart\b`],
    },
    specialty: 'mental_health',
    source: 'NHS',
    label: L('感觉撑不下去', 'Feeling unable to cope'),
  },
  // ---------------------------------------------------------------- routine
  {
    id: 'sig.low_mood',
    subject: 'parent',
    patterns: {
      'zh-CN': ['低落|抑郁|郁闷|消沉|想哭|总想哭|爱哭|动不动就哭|以泪洗面|没(?:有)?(?:兴趣|动力)|开心不起来|高兴不起来|提不起(?:劲|兴趣|精神)|绝望|麻木|对(?:宝宝|孩子)没(?:有)?(?:感觉|感情)'],
      en: [r`\b(?:feel|felt|feeling|been)\b${EG(20)}\b(?:low|down|sad|hopeless|empty|numb|flat|tearful|depressed|miserable)\b|\bdepress\w{1,4}|\btearful\b|\bweepy\b|\bcrying\s(?:all\sthe\stime|every\sday)|\bnot\sbonding\b|\bno\s(?:interest|joy)\b|\bhopeless\b|\bnumb\b`],
    },
  },
  {
    id: 'sig.anxiety',
    subject: 'parent',
    patterns: {
      'zh-CN': ['焦虑|恐慌|惊恐|心慌|失眠|(?:总|一直|老是)担心(?:宝宝|孩子)?(?:出事|有事)'],
      en: [r`\bpanic(?:\sattacks?)?\b|\banxiety\b|\banxious\b|\bcan't\s(?:switch\soff|stop\sworrying|sleep\seven)|\bheart\sracing|\bon\sedge\b|\binsomnia\b`],
    },
  },
  {
    id: 'mh.low_mood_2_weeks',
    level: 'routine',
    subject: 'parent',
    anyOf: ['sig.low_mood', 'sig.anxiety'],
    durationDays: { min: 14 },
    specialty: 'mental_health',
    source: ['NHS', 'AWHONN POST-BIRTH'],
    label: L('情绪低落或焦虑持续超过两周', 'Low mood or anxiety for more than two weeks'),
  },
];
