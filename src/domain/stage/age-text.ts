/**
 * Reading ages, pregnancy weeks and postpartum time out of free text, in Chinese
 * (Simplified or Traditional) and English: "6个月", "六个月大", "出生5天", "1岁半",
 * "孕28周", "怀孕七个月", "产后两周", "18-month-old", "6wk", "28 weeks pregnant",
 * "2 weeks postpartum", "备孕"/"trying to conceive".
 *
 * Every pattern is bounded (no `*` or `+`), so the scan is linear in the text length.
 * The hard part is telling an age ("宝宝10天") from a duration ("发烧10天"): a bare
 * number of days or weeks is an age only when nothing symptom-like comes just before
 * it, and never when it is followed by "ago/前/没…". Months lean towards age ("宝宝
 * 6个月") unless a symptom precedes them ("咳嗽两个月").
 */
import { foldText } from './fold.js';
import { EN_NUM, ZH_NUM } from './numbers.js';
import { stageForAge, stageForPregnancyWeek, type Stage } from './stages.js';
import {
  CHILD_NOUN,
  SYMPTOM_CUE,
  childAge,
  clauseBefore,
  dueIn,
  isDuration,
  monthsToPregnancyWeeks,
  num,
  toDays,
  unitOf,
} from './age-helpers.js';

export type AgeMentionKind = 'child' | 'pregnancy' | 'postpartum' | 'preconception';

export interface AgeMention {
  kind: AgeMentionKind;
  /** Offsets into the folded text. */
  start: number;
  end: number;
  ageDays?: number;
  pregnancyWeek?: number;
  postpartumDays?: number;
}

export interface AgeReading {
  /** Age of the youngest child mentioned, in days. */
  ageDays?: number;
  /** Completed weeks of pregnancy (first mention). */
  pregnancyWeek?: number;
  /** Days since birth for the mother (first mention). */
  postpartumDays?: number;
  preconception?: boolean;
  /** A pregnancy is mentioned, with or without a week. */
  pregnant?: boolean;
  /** The postpartum period is mentioned, with or without a time. */
  postpartum?: boolean;
}

interface Matcher {
  re: RegExp;
  /** Only run when the whole text passes this test. */
  onlyIf?: RegExp;
  make(m: RegExpExecArray, text: string): Omit<AgeMention, 'start' | 'end'> | undefined;
}

const g = (src: string) => new RegExp(src, 'g');

// Order matters: earlier matchers claim their span, later ones skip overlapping text, so
// "怀孕七个月" is a pregnancy and never also a 7-month-old child.
const MATCHERS: Matcher[] = [
  // Preconception
  {
    re: /备孕|准备怀孕|准备要(?:孩子|宝宝|二胎)|计划怀孕|打算怀孕|试孕|想怀孕|怀不上|\btrying to (?:conceive|get pregnant|have a baby)\b|\bttc\b|\btrying for a baby\b|\bplanning (?:a|to get|for a|my) (?:pregnancy|pregnant|baby)\b|\bpreconception\b|\bwant to get pregnant\b/g,
    make: () => ({ kind: 'preconception' }),
  },
  // Time left until the due date: "due in about 10 weeks", "离预产期还有10周" → 40 − 10 = week 30.
  // Must run before the bare "about 10 weeks" reader below, which would read week 10.
  {
    re: g(String.raw`\bdue (?:date )?(?:is )?in (?:about |around |roughly |approximately |just |only |~)?(${EN_NUM})\s?(days?|weeks?|wks?|months?)\b`),
    make: (m) => dueIn(num(m[1]), unitOf(m[2] ?? '')),
  },
  {
    re: g(String.raw`(?:离|距离?|距离)?预产期(?:还有|还剩|只有|就剩)(?:大概|大约|差不多)?(${ZH_NUM})(个)?(天|周|星期|礼拜|月)|还有(?:大概|大约|差不多)?(${ZH_NUM})(个)?(天|周|星期|礼拜|月)(?:就)?(?:到)?(?:预产期|生了|就生|要生)`),
    make: (m) => dueIn(num(m[1] ?? m[4]), unitOf(m[3] ?? m[6] ?? '')),
  },
  // Pregnancy: explicit weeks or months
  {
    re: g(String.raw`(?:怀孕|孕妇|孕期|孕|妊娠)(?:期|了|已经|已|快|刚|才|到|满|第|都)?(${ZH_NUM})(?:\+\d{1,2}|(个)?(多|半)?(月)|周|w)`),
    make: (m) => {
      const n = num(m[1]);
      if (n === undefined) return undefined;
      const week = m[4] ? monthsToPregnancyWeeks(n + (m[3] === '半' ? 0.5 : 0)) : Math.floor(n);
      return week <= 42 ? { kind: 'pregnancy', pregnancyWeek: week } : undefined;
    },
  },
  {
    re: g(String.raw`\b(${EN_NUM})\s?(?:\+\d\s?)?(?:weeks?|wks?|w)\b[\s-]{0,2}(?:pregnant|along|gestation|of pregnancy|into (?:my|the) pregnancy|preg)\b`),
    onlyIf: /pregnan|along|gestation|\bpreg\b/,
    make: (m) => {
      const n = num(m[1]);
      return n !== undefined && n <= 42 ? { kind: 'pregnancy', pregnancyWeek: Math.floor(n) } : undefined;
    },
  },
  {
    re: g(String.raw`\b(${EN_NUM})\s?(and a half\s)?(?:months?|mos?)\s(?:pregnant|along)\b`),
    onlyIf: /pregnant|along/,
    make: (m) => {
      const n = num(m[1]);
      return n !== undefined && n <= 10 ? { kind: 'pregnancy', pregnancyWeek: monthsToPregnancyWeeks(n + (m[2] ? 0.5 : 0)) } : undefined;
    },
  },
  {
    re: g(String.raw`\bpregnant,?\s(?:at\s|and\s|about\s)?(${EN_NUM})\s?(?:weeks?|wks?)\b`),
    make: (m) => {
      const n = num(m[1]);
      return n !== undefined && n <= 42 ? { kind: 'pregnancy', pregnancyWeek: Math.floor(n) } : undefined;
    },
  },
  {
    re: /孕早期|早孕|孕初期|孕中期|孕晚期|孕后期|临产|\b(?:first|1st) trimester\b|\b(?:second|2nd) trimester\b|\b(?:third|3rd) trimester\b/g,
    make: (m) => {
      const s = m[0];
      const week = /早|初|first|1st/.test(s) ? 8 : /中|second|2nd/.test(s) ? 20 : /临产/.test(s) ? 38 : 32;
      return { kind: 'pregnancy', pregnancyWeek: week };
    },
  },
  // Postpartum with a time
  {
    re: g(String.raw`(?:产后|生完(?:孩子|宝宝|小孩|娃)?(?:后|以后|之后)?|分娩后|剖(?:宫|腹)产(?:后|以后|之后)|顺产(?:后|以后|之后)|生产后|生(?:孩子|宝宝|娃)后)(?:已经|快|刚|才|第|刚刚)?(${ZH_NUM})(个)?(多|半)?(小时|天|日|周|星期|礼拜|月)`),
    make: (m) => {
      const n = num(m[1]);
      const u = unitOf(m[4] ?? '');
      if (n === undefined || u === undefined) return undefined;
      return { kind: 'postpartum', postpartumDays: toDays(n + (m[3] === '半' ? 0.5 : 0), u) };
    },
  },
  {
    onlyIf: /post|pp\b|after/,
    re: g(String.raw`\b(${EN_NUM})\s?(hours?|hrs?|days?|weeks?|wks?|months?)\s(?:postpartum|post-partum|post partum|pp|postnatal|after (?:giving birth|birth|delivery|delivering|my delivery|having (?:the|my|our) baby|my c-?section|a c-?section|the c-?section|c-?section|labou?r))\b`),
    make: (m) => {
      const n = num(m[1]);
      const u = unitOf(m[2] ?? '');
      return n !== undefined && u !== undefined ? { kind: 'postpartum', postpartumDays: toDays(n, u) } : undefined;
    },
  },
  {
    re: g(String.raw`\b(?:gave birth|delivered|had (?:my|the|our) baby|c-?section)\s(${EN_NUM})\s?(days?|weeks?|months?) ago\b`),
    make: (m) => {
      const n = num(m[1]);
      const u = unitOf(m[2] ?? '');
      return n !== undefined && u !== undefined ? { kind: 'postpartum', postpartumDays: toDays(n, u) } : undefined;
    },
  },
  { re: /出了?月子/g, make: () => ({ kind: 'postpartum', postpartumDays: 42 }) },
  // A bare "32周" / "I'm 32 weeks" next to pregnancy words is a gestational age
  // ("现在32周，胎动少了"); it must claim its span before the child-age readers do.
  {
    re: /(\d{1,2})(?:\+\d{1,2})?周|\b(?:i'm|i am|im|at|currently|now|about)\s(\d{1,2})\s?(?:weeks?|wks?|wk)\b/g,
    onlyIf: /怀孕|孕妇|孕期|孕|妊娠|胎动|宫缩|羊水|产检|胎心|胎儿|预产期|\bpregnan|\btrimester\b|\bfetal\b|\bfoetal\b|\bcontractions?\b|\bwaters\b|\bbaby'?s movements\b|\bmidwife\b|\bgestation/,
    make: (m, t) => {
      const n = Number(m[1] ?? m[2]);
      if (n < 4 || n > 42) return undefined;
      const end = m.index + m[0].length;
      const before = clauseBefore(t, m.index, 6);
      if (SYMPTOM_CUE.test(before) || CHILD_NOUN.test(before)) return undefined;
      if (/^\s?(?:ago|old|postpartum|after|later|of|pp|前|后|大|龄|的宝宝)/.test(t.slice(end, end + 10))) return undefined;
      return { kind: 'pregnancy', pregnancyWeek: n };
    },
  },
  // A parent is never "N weeks" old, and children past ~13 weeks are described in months:
  // "I'm 28 weeks and…", "at 30 weeks", "33 weeks, having tightenings" are gestational ages
  // even without the word pregnant. Durations ("for 3 weeks", "3 weeks now/ago") are not.
  {
    re: /(?:^|[\s,.;:!?(])(?:(i'm|i am|im|i'm now|am now)\s|(at|@)\s)?(\d{1,2})\s?(?:\+\d\s?)?(?:weeks?|wks?|wk|w)\b/g,
    make: (m, t) => {
      const n = Number(m[3]);
      const firstPerson = m[1] !== undefined;
      if (n > 42 || n < (firstPerson ? 4 : 14)) return undefined;
      const numAt = m.index + m[0].indexOf(m[3]!);
      const end = m.index + m[0].length;
      const before = t.slice(Math.max(0, numAt - 12), numAt);
      if (!firstPerson && /\b(?:for|past|last|over|about|around|since|within|after|in|the|every|than|of|first|next|few|almost|nearly|my|our|his|her|a)\s$/.test(before)) return undefined;
      if (/^[\s-]?(?:ago|old|postpartum|post|pp|after|later|of|since|now|straight|in a row|running)/.test(t.slice(end, end + 14))) return undefined;
      return { kind: 'pregnancy', pregnancyWeek: n };
    },
  },
  // Child ages — specific forms first.
  { re: /(?:未|不|没)满月|不到满月/g, make: () => ({ kind: 'child', ageDays: 16 }) },
  { re: /新生儿|刚出生|刚生下来|\bnew[\s-]?borns?\b/g, make: (m) => ({ kind: 'child', ageDays: /刚/.test(m[0]) ? 2 : 7 }) },
  { re: /满月/g, make: () => ({ kind: 'child', ageDays: 30 }) },
  { re: /一?百天/g, make: () => ({ kind: 'child', ageDays: 100 }) },
  {
    re: g(String.raw`(?:出生|生下来|出生后|降生)(?:已经|才|刚|第|刚刚|到现在)?(${ZH_NUM})(个)?(多|半)?(小时|钟头|天|日|周|星期|礼拜|月)`),
    make: (m, t) => childAge(t, m.index, num(m[1]), unitOf(m[4] ?? ''), m[3] === '半'),
  },
  {
    re: g(String.raw`(${ZH_NUM})周?岁(半)?(?:零?(${ZH_NUM})个?月)?`),
    make: (m, t) => {
      const years = num(m[1]);
      if (years === undefined) return undefined;
      const months = years * 12 + (m[2] ? 6 : 0) + (num(m[3]) ?? 0);
      return childAge(t, m.index, months, 'month', false);
    },
  },
  {
    // Months with an age marker: 六个月大, 3月龄, 两个半月的宝宝
    re: g(String.raw`(${ZH_NUM})(个)?(半|多)?月(?:龄|大|的宝宝|的宝贝|的孩子|的婴儿|宝宝)`),
    make: (m, t) => childAge(t, m.index, num(m[1]), 'month', m[3] === '半'),
  },
  {
    re: g(String.raw`(${ZH_NUM})个(半|多)?月|半个月`),
    make: (m, t) => {
      if (isDuration(t, m.index, m.index + m[0].length, 'month')) return undefined;
      return m[0] === '半个月' ? childAge(t, m.index, 0.5, 'month', false) : childAge(t, m.index, num(m[1]), 'month', m[2] === '半');
    },
  },
  {
    re: g(String.raw`(${ZH_NUM})(个)?(多|半)?(周|星期|礼拜|天)(大|龄|的宝宝|的宝贝|的孩子|的婴儿|的新生儿|宝宝)?`),
    make: (m, t) => {
      if (!m[5] && isDuration(t, m.index, m.index + m[0].length, 'day')) return undefined;
      return childAge(t, m.index, num(m[1]), unitOf(m[4] ?? ''), m[3] === '半');
    },
  },
  // English
  {
    re: g(String.raw`\b(${EN_NUM})(?:\s|-)?(and a half\s|and-a-half-|½\s?)?(hours?|hrs?|days?|d|weeks?|wks?|wk|w|months?|mos?|mo|m|years?|yrs?|yr|y)(?:\s|-)?olds?\b`),
    onlyIf: /old/,
    make: (m, t) => childAge(t, m.index, num(m[1]), unitOf(m[3] ?? ''), !!m[2]),
  },
  {
    re: /\b(\d{1,2})\s?(?:yo|y\/o|y\.o)\b/g,
    make: (m, t) => childAge(t, m.index, num(m[1]), 'year', false),
  },
  {
    onlyIf: /baby|babies|infant|son|daughter|boy|girl|kid|child|toddler|newborn|twin|little one|\blo\b/,
    re: g(String.raw`\b(${EN_NUM})(?:\s|-)?(and a half\s)?(days?|weeks?|wks?|wk|months?|mos?|mo|years?|yrs?)(?:\s|-)(?:old\s)?(?:baby|babies|infant|son|daughter|boy|girl|kid|child|toddler|newborn|twins?|little one|lo)\b`),
    make: (m, t) => childAge(t, m.index, num(m[1]), unitOf(m[3] ?? ''), !!m[2]),
  },
  {
    re: g(String.raw`\b(?:is|was|turned|turns|aged|age|just turned|almost|nearly|only|who's|who is|he's|she's|baby's|my|our)\s(${EN_NUM})(?:\s|-)?(and a half\s)?(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b(?!\s(?:ago|pregnant|along|postpartum|post|after|of|later|now|since))`),
    make: (m, t) => childAge(t, m.index + m[0].indexOf(m[1]!), num(m[1]), unitOf(m[3] ?? ''), !!m[2]),
  },
  {
    re: /\b(\d{1,2})\s?(?:wk|wks)\b/g,
    make: (m, t) => {
      if (/\b(?:for|of|past|last|over|about|since|within|after|in|the)\s$/.test(t.slice(Math.max(0, m.index - 8), m.index))) return undefined;
      if (/^\s?(?:ago|pregnant|along|postpartum|pp|later|of|after|gestation)/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 12))) return undefined;
      return childAge(t, m.index, num(m[1]), 'week', false);
    },
  },
];

const MENTION_FLAGS: Array<{ re: RegExp; kind: AgeMentionKind }> = [
  { re: /怀孕|孕妇|孕期|妊娠|胎动|宫缩|羊水|产检|胎心|胎儿|孕吐|有喜|怀上|预产期|\bpregnan(?:t|cy)\b|\btrimester\b|\bexpecting\b|\bfetal\b|\bfoetal\b|\bbaby'?s movements\b|\bgestation/g, kind: 'pregnancy' },
  { re: /产后|产褥|月子|生完(?:孩子|宝宝|小孩|娃)|分娩后|剖(?:宫|腹)产|顺产|侧切|恶露|刚生完|\bpost[- ]?partum\b|\bpostnatal\b|\bafter (?:giving birth|the birth|delivery)\b|\bsince (?:giving birth|the birth|i gave birth|delivery)\b|\bc-?section\b|\bcaesarean\b|\bcesarean\b|\blochia\b|\bepisiotomy\b|\bperineal\b/g, kind: 'postpartum' },
];

const HAS_CJK = /[\u3400-\u9fff]/;
/** zh: the source has Chinese and no English words; en: no Chinese; mixed: both. */
const SCRIPT = new Map<RegExp, 'zh' | 'en' | 'mixed'>(
  MATCHERS.map(({ re }) => [re, HAS_CJK.test(re.source) ? (/[a-z]{3}/.test(re.source.replace(/\\[a-z]/g, '')) ? 'mixed' : 'zh') : 'en']),
);

/** All age, pregnancy and postpartum mentions in already-folded text, in text order. */
export function findAgeMentions(folded: string): AgeMention[] {
  const claimed = new Uint8Array(folded.length);
  const out: AgeMention[] = [];
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (claimed[i]) return false;
    return true;
  };
  const claim = (s: number, e: number) => claimed.fill(1, s, e);

  const cjk = HAS_CJK.test(folded);
  const latin = /[a-z]/.test(folded);
  for (const { re, make, onlyIf } of MATCHERS) {
    // A matcher written only in Chinese needs a Chinese character, one without any needs a letter or digit.
    const script = SCRIPT.get(re)!;
    if ((script === 'zh' && !cjk) || (script === 'en' && !latin && !/\d/.test(folded))) continue;
    if (onlyIf && !onlyIf.test(folded)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const got = make(m, folded);
      if (!got) continue;
      claim(start, end);
      // built field by field: objects made by a spread outlive young-generation GCs in V8,
      // which made triage's CPU p99 pay for full collections
      const mention: AgeMention = { kind: got.kind, start, end };
      if (got.ageDays !== undefined) mention.ageDays = got.ageDays;
      if (got.pregnancyWeek !== undefined) mention.pregnancyWeek = got.pregnancyWeek;
      if (got.postpartumDays !== undefined) mention.postpartumDays = got.postpartumDays;
      out.push(mention);
    }
  }
  for (const { re, kind } of MENTION_FLAGS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (free(start, end)) out.push({ kind, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The ages a message states. When several children are mentioned the youngest wins:
 * thresholds (fever under 3 months…) get stricter as age goes down, so it is the safe
 * reading. Pregnancy and postpartum use their first mention.
 */
export function readAgeFromText(text: string): AgeReading {
  return summarise(findAgeMentions(foldText(text)));
}

export function summarise(mentions: AgeMention[]): AgeReading {
  const r: AgeReading = {};
  for (const m of mentions) {
    if (m.kind === 'child' && m.ageDays !== undefined) r.ageDays = r.ageDays === undefined ? m.ageDays : Math.min(r.ageDays, m.ageDays);
    if (m.kind === 'pregnancy') {
      r.pregnant = true;
      if (r.pregnancyWeek === undefined && m.pregnancyWeek !== undefined) r.pregnancyWeek = m.pregnancyWeek;
    }
    if (m.kind === 'postpartum') {
      r.postpartum = true;
      if (r.postpartumDays === undefined && m.postpartumDays !== undefined) r.postpartumDays = m.postpartumDays;
    }
    if (m.kind === 'preconception') r.preconception = true;
  }
  return r;
}

/**
 * The stage a message talks about: the first mention that determines one (a child's age,
 * a pregnancy week, the postpartum period or trying to conceive). A pregnancy without a
 * week says nothing about the trimester and is skipped.
 */
export function stageFromText(text: string): Stage | undefined {
  for (const m of findAgeMentions(foldText(text))) {
    if (m.kind === 'child' && m.ageDays !== undefined) {
      const s = stageForAge(m.ageDays);
      if (s) return s;
    }
    if (m.kind === 'pregnancy' && m.pregnancyWeek !== undefined) return stageForPregnancyWeek(m.pregnancyWeek);
    if (m.kind === 'postpartum') return 'postpartum';
    if (m.kind === 'preconception') return 'preconception';
  }
  return undefined;
}
