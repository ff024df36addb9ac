/**
 * Child problems for a clinician in the coming days (NICE/NHS "routine"): development,
 * growth, persistent cough, eczema, ears, eyes, feeding difficulties; plus local
 * infections that need a clinician today (eyelid, behind the ear, umbilicus) and testicular
 * torsion, which cannot wait.
 */
import type { TriageRule } from '../types.js';
import { EG, G, L, LL } from './common.js';

const r = String.raw;
const M = 30.4375;

export const CHILD_ROUTINE_RULES: readonly TriageRule[] = [
  {
    id: 'child.testicular_pain',
    level: 'emergency',
    subject: 'child',
    patterns: {
      'zh-CN': [`(?:蛋蛋|睾丸|阴囊|小鸡鸡下面)${G(4)}(?:很痛|痛|疼|肿|红肿)`],
      en: [r`\b(?:testicles?|testis|scrotum|balls?)\b${EG(20)}\b(?:pain|painful|hurts?|sore|swollen|swelling)\b|\bpain\b${EG(20)}\b(?:testicles?|scrotum)\b`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('睾丸突然疼痛或肿胀（警惕睾丸扭转）', 'Sudden testicle pain or swelling (possible torsion)'),
    firstSteps: LL(['立即去急诊，睾丸扭转需要在几小时内手术'], ['Go to the emergency department now: torsion needs surgery within hours']),
    doNot: LL(['不要给吃的或喝的（可能需要手术）', '不要等疼痛自己消失'], ['Do not give food or drink (surgery may be needed)', 'Do not wait for the pain to pass']),
  },
  {
    id: 'child.periorbital_swelling',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [`(?:眼睛周围|眼周|眼皮|眼睑)${G(4)}(?:红肿|又红又肿|肿)`],
      en: [r`\beyelids?\b${EG(20)}\b(?:swollen|red|puffy)\b|\bswollen\s(?:red\s)?eyelids?|\b(?:swelling|redness)\saround\s(?:the|his|her)\seyes?`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('眼周红肿', 'Red, swollen eyelid'),
  },
  {
    id: 'child.periorbital_cellulitis',
    level: 'urgent',
    subject: 'child',
    allOf: ['child.periorbital_swelling', 'sig.fever'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('眼周红肿伴发烧（警惕眶周蜂窝织炎）', 'Red, swollen eyelid with fever (possible periorbital cellulitis)'),
  },
  {
    id: 'child.mastoid_swelling',
    level: 'urgent',
    subject: 'child',
    patterns: {
      'zh-CN': [`耳(?:朵)?后(?:面|边)?${G(4)}(?:红肿|肿|红|鼓)|耳朵(?:被)?顶(?:得)?(?:往外|出来)`],
      en: [r`\bbehind\s(?:his|her|their|the)\sear\b${EG(20)}\b(?:swollen|red|swelling|tender)|\bswelling\sbehind\s(?:the|his|her)\sear|\bear\s(?:is\s)?sticking\sout`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('耳后红肿（警惕乳突炎）', 'Swelling behind the ear (possible mastoiditis)'),
  },
  {
    id: 'child.umbilical_infection',
    level: 'urgent',
    subject: 'child',
    patterns: {
      'zh-CN': [`(?:肚脐|脐带|脐部)${G(8)}(?:发红|红肿|红|臭|脓|分泌物|渗液|渗血)`],
      en: [r`\b(?:belly\sbutton|umbilic\w{2,4}|cord\sstump)\b${EG(30)}\b(?:red|redness|smell\w{0,3}|pus|ooz\w{1,3}|discharge|weeping)\b`],
    },
    specialty: 'paediatrics',
    source: 'WHO IMCI',
    label: L('脐部发红、有臭味或分泌物', 'Red, smelly or oozing umbilicus'),
  },
  {
    id: 'child.ear_pain',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [`耳朵${G(4)}(?:疼|痛)|耳痛|耳朵${G(4)}流(?:出)?(?:黄|脓|水|东西|液)|耳(?:朵)?流脓`],
      en: [r`\bear\s?ache\b|\bear\s(?:pain|hurts)|\bpulling\sat\s(?:his|her)\sears?|\bdischarge\sfrom\s(?:his|her|the)\sear|\bear\sdischarge|\b(?:pus|fluid)\b${EG(15)}\b(?:out\sof|from)\s(?:his|her|the)\sear`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('耳朵疼或流液', 'Ear pain or discharge'),
  },
  {
    id: 'child.cough_3_weeks',
    level: 'routine',
    subject: 'child',
    patterns: { 'zh-CN': ['咳'], en: [r`\bcough\w{0,3}\b`] },
    durationDays: { min: 21 },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('咳嗽超过3周', 'Cough for more than 3 weeks'),
  },
  {
    id: 'child.nasal_discharge_persistent',
    level: 'routine',
    subject: 'child',
    patterns: { 'zh-CN': ['鼻涕|鼻塞'], en: [r`\bsnot\b|\bnasal\sdischarge|\brunny\snose|\bblocked\snose`] },
    durationDays: { min: 10 },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('鼻涕或鼻塞超过10天', 'Nasal discharge or congestion for more than 10 days'),
  },
  {
    id: 'child.diarrhoea_persistent',
    level: 'routine',
    subject: 'child',
    patterns: { 'zh-CN': ['拉肚子|腹泻'], en: [r`\bdiarrh?\w{2,4}\b`] },
    durationDays: { min: 7 },
    specialty: 'paediatrics',
    source: 'NICE CG84',
    label: L('腹泻超过7天', 'Diarrhoea for more than 7 days'),
  },
  {
    id: 'child.eczema_uncontrolled',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [`湿疹${G(12)}(?:好不了|不好|没用|反复|加重|越来越|控制不住|不见好|老是犯)|(?:保湿霜|润肤|激素药膏)${G(8)}(?:没用|不管用|不见好)`],
      en: [r`\beczema\b${EG(50)}\b(?:worse|not\s(?:getting\s)?better|not\scontrolled|flar(?:e|es|ed|ing|ups?)|despite|not\shelping|won't\sclear|keeps\scoming\sback|only\sfor|even\s(?:though|tho|with))`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('湿疹用保湿剂仍控制不住', 'Eczema not controlled by emollients'),
  },
  {
    id: 'child.milestones',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [
        `(?:还|仍然|都)?不会(?:走路|独立走|走|站|自己坐|坐|爬|说|叫爸爸|叫妈妈|叫人|翻身|抬头|跑|用手指|指东西)|不会(?:自己|独立|单独)(?:走路|走|站|坐)|只会(?:叫|喊|说)(?:爸爸|妈妈|爸妈)|叫(?:他|她)?(?:的)?名字${G(6)}(?:不理|没反应|不回头|不看)|头(?:还)?(?:竖不|抬不)(?:稳|起来)|抬不起头|只会说(?:一两|两三|两|三|几|一)个?(?:词|字)|只会(?:说|叫|喊|讲)?[^，。,.]{0,8}(?:几|一两|两三|两|三)个(?:单)?(?:字|词)|说不了几个(?:字|词)|说话(?:很|比较)?晚|(?:语言|运动)?发育(?:迟缓|落后|慢)`,
        `以前会${G(8)}(?:都)?(?:不说|不会)|(?:技能|能力)${G(4)}(?:退步|倒退)|退步了|倒退了|不理人|不(?:跟|和)人对视|没(?:有)?眼神(?:交流|接触)|叫名字(?:都|也)?没反应|自闭|孤独症|重复(?:的)?动作|走路(?:老|总是|经常)摔`,
      ],
      en: [
        r`\b(?:still\s)?not\s(?:walking|walkin|talking|sitting|crawling|standing|rolling|babbling|pointing|waving)|\b(?:isn't|not|hasn't\sstarted)\s(?:yet\s)?putting\s(?:two\s|2\s)?words\stogether|\b(?:isn't|hasn't|doesn't|can't|won't)\s(?:yet\s)?(?:walk|talk|sit|crawl|stand|roll|babble|point|wave|hold\s(?:his|her)\shead)`,
        r`\bonly\s(?:says|has|knows|uses)\s(?:maybe\s|about\s|like\s|around\s)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a\sfew|a\scouple(?:\sof)?)\s(?:\w{1,12}\s)?words|\b(?:doesn't|does\snot|doesnt|can't|won't|isn't|is\snot)\s(?:yet\s)?(?:put|putting|combine|combining|join|joining)\s(?:two|2)\swords|\b(?:few|no)\swords\b|\bstopped\s(?:talking|saying|babbling)|\blost\s(?:skills|words)|\bused\sto\ssay\b|\b(?:doesn't|does\snot|won't)\srespond\sto\s(?:his|her)\sname|\bno\seye\scontact|\blines\sup\s(?:toys|things)|\bregress\w{0,5}|\bdevelopment(?:al)?\s(?:delay|concern)|\bspeech\sdelay|\bautis\w{1,3}|\bdoesn't\sbabble`,
      ],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('发育里程碑落后或技能倒退', 'Missed developmental milestones or loss of skills'),
  },
  {
    id: 'child.growth_concern',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [`个子${G(8)}(?:矮|小)|(?:长得|长)(?:很)?慢|体重${G(8)}(?:慢|不长|没长|下降|掉|不增|增长很慢)|不长(?:个|肉|体重)|生长发育|(?:体重|身高|个子|百分位|生长曲线)[^。？！?!\\n]{0,20}(?:没怎么长|不怎么长|几乎没长|不长了|往下掉|掉了|一直掉)`],
      en: [r`\bworried\sabout\s(?:his|her|their)\s(?:growth|weight|height)|\bnot\sgaining\s(?:weight|enough)|\b(?:isn't|not)\sgaining\sweight|\b(?:dropped|crossed|fallen)\s(?:a\s)?(?:line|centile|percentile)|\bweight\sgain\b${EG(20)}\b(?:slow|poor)|\b(?:weight|growth|height)\b${EG(30)}\b(?:dropped|dropping|fallen|falling|fell|crossed|dipped)\b${EG(30)}\b(?:centile|percentile)|\bfaltering\sgrowth|\bfailure\sto\sthrive|\bbottom\sof\sthe\schart`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('担心生长或体重增长', 'Concern about growth or weight gain'),
  },
  {
    id: 'child.squint',
    level: 'routine',
    subject: 'child',
    ageDays: { min: 4 * M },
    ageUnknownOk: true,
    patterns: {
      'zh-CN': [`斗鸡眼|对眼|斜视|眼睛${G(6)}(?:往里|往外|向内|向外)(?:对|斜|偏|飘|跑)`],
      en: [r`\beyes?\b${EG(15)}\bcross(?:es|ed|ing)?\b|\bcross[- ]eyed|\bsquint\b|\beyes?\b${EG(20)}\b(?:drifts?|turns?|wanders?)\s(?:outwards?|inwards?|in|out)\b|\blazy\seye`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('斜视（眼睛向内或向外偏）', 'Squint (an eye turning in or out)'),
  },
  {
    id: 'child.constipation_painful',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [`便秘${G(12)}(?:痛|疼|费劲|几天才|三四天|出血)|(?:拉|排)(?:大便|便|屎|粑粑)?(?:的时候)?${G(4)}(?:很|特别)?(?:费劲|痛|疼)`],
      en: [r`\bhard,?\s(?:and\s)?painful\s(?:poos?|stools?)|\bpainful\s(?:poos?|stools?|bowel)|\bconstipat\w{2,5}\b${EG(40)}\b(?:pain\w{0,3}|every\s\d|days|hurts|blood)`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('便秘伴排便疼痛', 'Constipation with painful poos'),
  },
  {
    id: 'child.feeding_pain_lactation',
    level: 'routine',
    subject: 'postpartum',
    patterns: {
      'zh-CN': [`舌系带|乳头${G(4)}(?:皲裂|破|裂|出血|很疼|疼)|喂奶${G(6)}(?:一直|总是|很|特别)?(?:疼|痛)|吃奶(?:老是|总是)?咬`],
      en: [r`\btongue[- ]tie|\bcracked\snipples?|\bnipples?\b${EG(15)}\b(?:cracked|bleeding|sore)|\b(?:breast)?feeding\b${EG(25)}\bpainful|\bpainful\b${EG(10)}\b(?:breast)?feeding|\blatch\w{0,3}\b${EG(15)}\bhurts?`],
    },
    specialty: 'lactation',
    source: 'NHS',
    label: L('哺乳疼痛或舌系带问题', 'Painful feeding or tongue-tie'),
  },
  {
    id: 'child.breast_lump',
    level: 'routine',
    subject: 'parent',
    patterns: {
      'zh-CN': [`乳房${G(6)}(?:硬块|肿块|包块|结块|疙瘩)`],
      en: [r`\blump\sin\s(?:my|her|the)\sbreast|\bbreast\slump`],
    },
    specialty: 'obstetrics',
    source: 'NHS',
    label: L('乳房肿块', 'Breast lump'),
  },
  {
    id: 'child.other_routine',
    level: 'routine',
    subject: 'child',
    patterns: {
      'zh-CN': [`尿床|(?<![一二两三几每第])口吃(?![饭米奶菜肉面粥东西的了点])|结巴|头(?:型|形)?(?:睡)?(?:扁|偏)|扁头|后脑勺${G(6)}扁|蛋蛋没(?:有)?(?:降|下来)|隐睾|(?:鹅口疮|口腔白膜)${G(12)}(?:没好|不好|好不了|两周|几周)|心脏(?:有)?杂音|囟门${G(8)}(?:没(?:有)?(?:闭合|闭上|长上))`],
      en: [r`\bwets?\sthe\sbed|\bbed[- ]?wetting|\bstammer\w{0,3}|\bstutter\w{0,3}|\bflat\s(?:spot|head)|\bplagiocephaly|\bundescended\stesticle|\bthrush\b${EG(40)}\b(?:weeks|not\sclearing|won't\sclear|treatment)|\bheart\smurmur|\bblocked\stear\sduct|\bsticky\seye\b${EG(40)}\bweeks`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('需要门诊评估的问题（遗尿、口吃、头型、隐睾、心脏杂音等）', 'Needs a routine check (bed-wetting, stammer, head shape, undescended testicle, murmur…)'),
  },
  {
    id: 'child.urinary_pain',
    level: 'routine',
    subject: 'any',
    allOf: ['sig.urinary_pain'],
    specialty: 'paediatrics',
    source: 'NICE NG224',
    label: L('小便时疼痛', 'Pain when passing urine'),
  },
  {
    id: 'sig.snoring',
    subject: 'child',
    patterns: { 'zh-CN': ['打呼噜|打鼾|呼噜(?:声)?(?:很|特别)?(?:响|大)'], en: [r`\bsnor\w{1,4}\b`] },
  },
  {
    id: 'sig.sleep_pause',
    subject: 'child',
    patterns: {
      'zh-CN': ['憋气|呼吸暂停|不喘气|停止呼吸|呼吸(?:会)?停'],
      en: [r`\bstops?\sbreathing|\bpauses?\sin\s(?:his|her|their)?\s?breathing|\bgasps?\b|\bholds?\s(?:his|her|their)\sbreath`],
    },
  },
  {
    id: 'child.snoring_pauses',
    level: 'routine',
    subject: 'child',
    allOf: ['sig.snoring', 'sig.sleep_pause'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('打鼾伴睡眠中呼吸暂停', 'Snoring with pauses in breathing during sleep'),
  },
  {
    id: 'pp.incontinence',
    level: 'routine',
    subject: 'postpartum',
    patterns: { 'zh-CN': ['漏尿|尿失禁|憋不住尿'], en: [r`\bleak\w{0,3}\s(?:urine|wee|pee)|\bincontinen\w{2,3}`] },
    specialty: 'obstetrics',
    source: 'NHS',
    label: L('产后漏尿', 'Leaking urine after birth'),
  },
  {
    id: 'sig.urinary_pain',
    subject: 'any',
    patterns: {
      'zh-CN': [`(?:尿尿|小便|排尿|撒尿|嘘嘘)${G(6)}(?:疼|痛|烧|刺痛|辣)|尿痛|尿频尿急`],
      en: [r`\b(?:stings?|burns?|hurts?)\swhen\s(?:i|she|he|they)\s(?:pee|wee|urinate)|\bpain\w{0,3}\s(?:when\s)?(?:peeing|weeing|urinating)|\bburning\s(?:when|on)\s(?:peeing|urinating|weeing)|\buti\b|\burine\sinfection`],
    },
  },
  { id: 'sig.nosebleed', subject: 'any', patterns: { 'zh-CN': ['鼻血|鼻出血|流鼻血'], en: [r`\bnose\s?bleed\w{0,3}|\bbleeding\sfrom\s(?:his|her|the)\snose|\bbloody\snose`] } },
  {
    id: 'sig.bleeding_not_stopping',
    subject: 'any',
    patterns: {
      'zh-CN': ['止不住|止不了|停不下来|一直(?:在)?流(?:血)?|血流不止|出血不止|(?:[2-9]\\d|二十|三十)(?:多)?分钟'],
      en: [r`\bwon't\sstop\b|\bnot\sstopping\b|\bstill\sbleeding|\bkeeps\sbleeding|\b(?:[2-9]\d|twenty|thirty|forty)\s(?:minutes|mins)\b`],
    },
  },
];
