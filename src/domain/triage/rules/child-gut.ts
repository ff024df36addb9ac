/**
 * Child jaundice (NICE CG98 / NHS), vomiting and abdominal problems: bilious and
 * projectile vomiting, blood in the stool, intussusception, severe tummy pain.
 */
import type { TriageRule } from '../types.js';
import { EG, G, L, LL } from './common.js';

const r = String.raw;

const GO_NOW = LL(['立即就医，路上观察孩子的意识和呼吸'], ['Go now, and watch their alertness and breathing on the way']);

export const CHILD_GUT_RULES: readonly TriageRule[] = [
  // ---------------------------------------------------------------- jaundice & vomiting
  {
    id: 'child.jaundice_first_day',
    level: 'urgent',
    subject: 'child',
    allOf: ['sig.jaundice'],
    ageDays: { max: 1 },
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('出生24小时内出现黄疸', 'Jaundice in the first 24 hours of life'),
  },
  {
    id: 'child.jaundice_unwell',
    level: 'urgent',
    subject: 'child',
    allOf: ['sig.jaundice'],
    anyOf: ['child.drowsy', 'child.poor_feeding'],
    specialty: 'paediatrics',
    source: 'NICE NG143',
    label: L('黄疸伴嗜睡或吃奶差', 'Jaundice with sleepiness or poor feeding'),
  },
  {
    id: 'child.jaundice',
    level: 'routine',
    subject: 'child',
    allOf: ['sig.jaundice'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('皮肤或眼白发黄（黄疸）', 'Yellow skin or eyes (jaundice)'),
  },
  {
    id: 'child.projectile_vomiting',
    level: 'urgent',
    amber: true,
    subject: 'child',
    ageDays: { max: 364 },
    ageUnknownOk: true,
    patterns: {
      'zh-CN': ['喷射(?:状|性|样)?(?:地)?(?:吐|呕吐|吐奶)|每(?:次|顿)(?:喝完|吃完|喂完)(?:奶)?(?:都|就)(?:喷|吐得很远|大口吐)'],
      en: [r`\bprojectile(?:ly)?\s(?:vomit\w{0,3}|sick)|\bvomit\w{0,3}\s(?:so\s)?forcefully|\bforceful(?:ly)?\s(?:vomit\w{0,3}|sick)|\bshoots?\sacross\sthe\sroom`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('喷射性呕吐', 'Projectile vomiting'),
  },
  {
    id: 'child.bilious_vomit',
    // Green (bile) vomit can mean a blocked or twisted bowel, which needs surgery within
    // hours; references differ between urgent and emergency, so the more urgent one wins.
    level: 'emergency',
    subject: 'child',
    patterns: {
      'zh-CN': [`吐${G(8)}(?:绿|黄绿|胆汁)|绿色的?(?:呕吐物|水)|胆汁`],
      en: [r`\bgreen\s(?:vomit|bile|sick|stuff|liquid|fluid)|\bvomit\w{0,3}\s(?:up\s)?(?:green|bile)|\bbilious\b|\bthrew\sup\sgreen`],
    },
    specialty: 'paediatrics',
    source: ['NHS', 'AAP'],
    label: L('吐绿色（胆汁样）物', 'Green (bilious) vomit'),
    firstSteps: GO_NOW,
    doNot: LL(['不要继续在家观察等它自己好', '不要自行给止吐药'], ["Do not wait at home to see if it settles", 'Do not give anti-sickness medicine']),
  },
  {
    id: 'child.blood_in_stool',
    level: 'urgent',
    subject: 'child',
    patterns: {
      'zh-CN': [`(?:大便|便便|粑粑|屎)${G(6)}(?:血|红色)|便血|拉血|血便|果酱(?:样|一样|似的|色)`],
      en: [r`\bblood\s(?:in|on)\s(?:the\s|his\s|her\s|my\s[a-z]{1,10}'s\s)?(?:poo|poop|stool|nappy|diaper)|\bbloody\s(?:poo|poop|stool|diarrh\w{0,4})|\bstreaks?\sof\s(?:red\s)?blood|\bjelly[- ]like\sblood|\bredcurrant\sjelly|\bblood\b${EG(25)}\b(?:poo|poop|stool|nappy|diaper)\b`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('大便带血', 'Blood in the stool'),
  },
  {
    id: 'child.intussusception',
    level: 'emergency',
    subject: 'child',
    allOf: ['child.blood_in_stool', 'sig.colicky_screaming'],
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('阵发性哭闹伴果酱样血便（警惕肠套叠）', 'Bouts of screaming with blood in the stool (possible intussusception)'),
    firstSteps: GO_NOW,
    doNot: LL(['不要给吃的或喝的'], ['Do not give food or drink']),
  },
  {
    id: 'child.severe_abdominal_pain',
    level: 'urgent',
    subject: 'child',
    context: 'child',
    patterns: {
      'zh-CN': [`肚子${G(4)}(?:剧痛|痛得(?:打滚|厉害|受不了)|疼得(?:打滚|厉害|受不了))|(?:剧烈|严重)(?:的)?(?:腹痛|肚子痛|肚子疼)`],
      en: [r`\bsevere\s(?:stomach|abdominal|tummy|belly)\spain|\b(?:doubled\sover|screaming)\swith\s(?:tummy|stomach|belly)\spain`],
    },
    specialty: 'paediatrics',
    source: 'NHS',
    label: L('剧烈腹痛', 'Severe tummy pain'),
  },
];
