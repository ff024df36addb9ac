/**
 * Numbers that matter for triage, read from normalised text: temperatures (°C, °F, 度,
 * "39度5", "烧到40", "temp of 101"), breaths per minute, blood pressure, hours without a wet
 * nappy, days of fever, how long a complaint has lasted, and counts of vomits and stools.
 * Every pattern is bounded, so each detector is one linear pass.
 */
import { EN_NUM, ZH_NUM, parseNumber } from '../stage/index.js';
import { RegexGate, type GramSet } from './gate.js';

export type ReadingKind = 'temp' | 'breath' | 'bp' | 'noUrineHours' | 'feverDays' | 'duration' | 'vomits' | 'stools';

export interface Reading {
  kind: ReadingKind;
  value: number;
  /** Diastolic pressure for 'bp'. */
  value2?: number;
  start: number;
  end: number;
}

const UNIT_ALT = String.raw`°\s?[cf](?![a-z])|°|℃|摄氏度|华氏度|度|degrees?(?:\s(?:c|f|celsius|fahrenheit)\b)?|fahrenheit|celsius|c\b|f\b`;
const TEMP_CTX = String.raw`(?:发烧|发热|高烧|低烧|烧到|烧了|烧至|体温|温度|耳温|腋温|肛温|额温|口温|测了一下|量了一下|测了|量了|量出来|测出来|显示|华氏|temp(?:erature)?|fever|fevr|feaver|fevre|thermometer(?:\s(?:says|said|reads|read|showed|shows))?|it said|reading(?:\sof)?|running a temp)`;

// Groups: ctx, gap, number, unit, tenths ("39度5"). The gap is captured so that the
// number's offset is m.index + |ctx| + |gap| (the 'd' flag gives it too, at the cost of an
// array of offsets per group on every match).
const TEMP_WITH_CTX = new RegExp(String.raw`(${TEMP_CTX})([^\d，。,;；!?！？\n]{0,10}?)(?<![\d.])(\d{2,3}(?:\.\d{1,2})?)(?![\d.]\d)(\s?(?:${UNIT_ALT}))?(\d(?!\d))?`, 'g');
// Groups: number, unit, tenths.
const TEMP_WITH_UNIT = new RegExp(String.raw`(?<![\d.])(\d{2,3}(?:\.\d{1,2})?)(\s?(?:${UNIT_ALT}))(\d(?!\d))?`, 'g');
const TEMP_BARE = /(?<![\d.\/])(?:3[4-9]|4[0-2])\.\d{1,2}(?![\d.])(?!\s?(?:ml|毫升|kg|公斤|斤|克|g\b|cm|厘米|mm|%|周|w\b|wk|weeks?|天|days?|小时|hours?|h\b|分|min|磅|lb|oz|元|块|次|cc|万))/g;
const BELOW = /(?:不到|没到|没有到|低于|不超过|below|under|less than|lower than)\s?$/;

function toCelsius(v: number, unit: string, ctx: string): number | undefined {
  const u = unit.trim();
  const isF = /f|华氏/.test(u) || ctx.includes('华氏');
  const isC = /c|℃|摄氏/.test(u);
  let c: number | undefined;
  if (isF) c = ((v - 32) * 5) / 9;
  else if (isC) c = v;
  // 度, ° or no unit: the value itself says which scale (body range 34–43 °C = 93–110 °F).
  else if (v >= 34 && v <= 43) c = v;
  else if (v >= 93 && v <= 110) c = ((v - 32) * 5) / 9;
  if (c === undefined || c < 34 || c > 43) return undefined;
  return Math.round(c * 10) / 10;
}

/** Literal gates of the detector regexes (gate.ts), made on first use. */
const GATES = new Map<RegExp, RegexGate>();
/** Can `re` match in `t`? Always true without the text's n-grams. */
function can(re: RegExp, grams: GramSet | undefined): boolean {
  if (grams === undefined) return true;
  let gate = GATES.get(re);
  if (gate === undefined) GATES.set(re, (gate = new RegexGate(re)));
  return gate.maybe(grams);
}

function temps(t: string, out: Reading[], grams: GramSet | undefined): void {
  const seen = new Set<number>();
  const push = (numAt: number, raw: string, unit: string, tenth: string | undefined, ctx: string, end: number) => {
    if (seen.has(numAt)) return;
    if (BELOW.test(t.slice(Math.max(0, numAt - 10), numAt))) return;
    // "39度5" = 39.5: a single digit straight after 度 is the tenths.
    const v = Number(raw) + (tenth !== undefined && unit.trim() === '度' && !raw.includes('.') ? Number(tenth) / 10 : 0);
    const c = toCelsius(v, unit, ctx);
    if (c === undefined) return;
    seen.add(numAt);
    out.push({ kind: 'temp', value: c, start: numAt, end });
  };
  TEMP_WITH_CTX.lastIndex = 0;
  if (can(TEMP_WITH_CTX, grams)) {
    for (let m = TEMP_WITH_CTX.exec(t); m !== null; m = TEMP_WITH_CTX.exec(t)) {
      push(m.index + m[1]!.length + m[2]!.length, m[3]!, m[4] ?? '', m[5], m[1]!, m.index + m[0].length);
    }
  }
  TEMP_WITH_UNIT.lastIndex = 0;
  if (can(TEMP_WITH_UNIT, grams)) {
    for (let m = TEMP_WITH_UNIT.exec(t); m !== null; m = TEMP_WITH_UNIT.exec(t)) {
      push(m.index, m[1]!, m[2]!, m[3], t.slice(Math.max(0, m.index - 4), m.index), m.index + m[0].length);
    }
  }
  TEMP_BARE.lastIndex = 0;
  if (can(TEMP_BARE, grams)) {
    for (let m = TEMP_BARE.exec(t); m !== null; m = TEMP_BARE.exec(t)) push(m.index, m[0], '', undefined, '', m.index + m[0].length);
  }
}

const BREATH_CTX = /呼吸|喘|气|breath|respirat/;
const BREATH = [
  new RegExp(String.raw`(?:呼吸|喘气)(?:频率|次数|速度)?(?:是|有|达到|达|到|大概|大约|约)?(\d{2,3})(?:次|下)`, 'g'),
  new RegExp(String.raw`(?:每分钟|一分钟|每分|1分钟)(?:内)?(?:呼吸|喘)?(?:大概|大约|约|有|差不多|都|就)?(\d{2,3})(?:次|下)`, 'g'),
  /\b(?:breathing|breathes|breath|respirations?|respiratory rate|resp rate|rr)\s(?:rate\s)?(?:is\s|of\s|at\s|about\s|around\s|~)?(\d{2,3})\b(?!\s?(?:seconds|secs|minutes|mins|hours|%|percent|degrees))/g,
  /\b(\d{2,3})\s(?:breaths|respirations|times)\s(?:a|per|each|every|\/)\s?min(?:ute)?\b/g,
];

const BP = /(?:血压|blood pressure|\bbp\b)[^\d\n]{0,14}(\d{2,3})\s?\/\s?(\d{2,3})/g;

const NO_URINE = [
  new RegExp(String.raw`(${ZH_NUM})(?:个)?(?:多)?(?:小时|钟头)(?:都|也|了)?(?:没|没有|未)(?:有)?(?:尿|小便|尿尿|排尿|湿)`, 'g'),
  new RegExp(String.raw`(?:没|没有)(?:尿|小便|尿尿)(?:已经|有|了)?(${ZH_NUM})(?:个)?(?:多)?(?:小时|钟头)`, 'g'),
  /\b(?:no|not had a|hasn't had a|hasn't had any|haven't had a|without a|without any)\s(?:wet\s)?(?:nappy|nappies|diaper|diapers|pee|wee|urine)[^.;!?\n]{0,40}?\b(\d{1,2})\s?(?:hours|hrs|h)\b/g,
  /\b(\d{1,2})\s?(?:hours|hrs)\s(?:without|with no|since)\s(?:a\s|any\s)?(?:wet|pee|wee)/g,
];

const FEVER_DAYS = [
  new RegExp(String.raw`(?:发烧|发热|高烧|低烧|(?<![心伤])烧(?![心伤水饭菜焦]))[^\d，。,;；!?！？\n]{0,6}?(${ZH_NUM})(?:个)?(?:多)?(天|日|周|星期|礼拜)(?!前|以前|之前)`, 'g'),
  new RegExp(String.raw`(${ZH_NUM})(?:个)?(?:多)?(天|周|星期)(?:的)?(?:发烧|发热|高烧|低烧)`, 'g'),
  new RegExp(String.raw`\bfever(?:ish)?[^.;!?\d\n]{0,30}?\b(${EN_NUM})\s?(days?|weeks?)\b(?!\s(?:ago|old))`, 'g'),
  new RegExp(String.raw`\b(${EN_NUM})\s(days?|weeks?)\s(?:of|with)\s(?:a\s)?(?:fever|high temp)`, 'g'),
  new RegExp(String.raw`\bday\s(${EN_NUM})\sof\s(?:the\s|a\s|her\s|his\s)?fever`, 'g'),
];

// Chinese: groups number, 个, 多/半, unit. English: groups number, unit.
const DURATION_ZH = [
  new RegExp(String.raw`(?<!宝宝|孩子|宝贝|儿子|女儿|娃)(?:持续|已经|已|有|快|将近|差不多|超过|都|一直|整整|连续|最近|近|好)(?:了)?(?:快|将近|差不多|超过|大概|有|快要)?(${ZH_NUM}|半)(个)?(多|半)?(天|周|星期|礼拜|月|年)`, 'g'),
  // "咳嗽一个多月了", "鹅口疮两周了": right after a complaint, not after a child noun or 产后.
  new RegExp(String.raw`(?<=[\u3400-\u9fff])(?<![宝孩贝子娃儿女的后孕怀生岁])(${ZH_NUM}|半)(个)?(多|半)?(天|周|星期|礼拜|月)(?:多)?(?:了|以上)`, 'g'),
];
const DURATION_EN = [
  new RegExp(String.raw`\b(?:for|lasted|lasting|over|past|last|almost|nearly|than|about|around)\s(?:about\s|around\s|over\s|almost\s|nearly\s|more than\s|the past\s|the last\s|like\s|maybe\s|roughly\s|abt\s)?(${EN_NUM})\s?(days?|weeks?|months?|years?)\b(?!\s(?:old|ago|pregnant|postpartum|post))`, 'g'),
  new RegExp(String.raw`\b(${EN_NUM})\s(weeks?|months?)\s(?:now|straight|in a row|running)\b`, 'g'),
];
const DURATION_VAGUE = /\b(?:for\s)?(weeks|months)\s(?:of|now)\b|\bfor\s(weeks|months)\b/g;
/** "since she was born", "自从生了宝宝就一直…": at least the two weeks low-mood rules ask about. */
const DURATION_SINCE_BIRTH = /\bsince\s(?:she|he|they|the\sbaby|baby|my\sbaby)\s(?:was|were)\sborn\b|\bsince\s(?:the\s)?birth\b|自从(?:生了|生完|生下)(?:孩子|宝宝|娃)?/g;

const VOMITS = [
  new RegExp(String.raw`(?:吐|呕吐)(?:了)?(${ZH_NUM}|好几)(?:次|回)`, 'g'),
  new RegExp(String.raw`\b(?:vomit\w{0,3}|threw up|thrown up|been sick)(?:\s[a-z]{1,10}){0,3}?\s(${EN_NUM}\stimes|twice|three times)\b`, 'g'),
];
const STOOLS = [
  new RegExp(String.raw`(?:拉|泻|腹泻|拉肚子|大便)(?:了)?(?:一天)?(?:拉了?)?(${ZH_NUM}|好几)(?:次|回)`, 'g'),
  new RegExp(String.raw`\b(?:diarrh\w{1,4}|poo(?:ed|s)?|stools?|bowel movements?)(?:\s[a-z]{1,10}){0,2}?\s(${EN_NUM})\stimes\b`, 'g'),
];

function unitDays(u: string): number {
  if (/^(?:天|日|day)/.test(u)) return 1;
  if (/^(?:周|星期|礼拜|week)/.test(u)) return 7;
  if (/^(?:月|month)/.test(u)) return 30;
  if (/^(?:年|year)/.test(u)) return 365;
  return 0;
}

function count(s: string): number | undefined {
  const w = s.replace(/\s?times$/, '').trim();
  if (w === 'twice') return 2;
  if (w === '好几') return 3;
  return parseNumber(w);
}

function scan(res: RegExp[], t: string, grams: GramSet | undefined, kind: ReadingKind, out: Reading[], value: (m: RegExpExecArray) => number | undefined): void {
  for (const re of res) {
    re.lastIndex = 0;
    if (!can(re, grams)) continue;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const v = value(m);
      if (v !== undefined && Number.isFinite(v)) out.push({ kind, value: v, start: m.index, end: m.index + m[0].length });
    }
  }
}

/**
 * All readings in normalised text, in no particular order. `grams`, when given, must hold
 * the n-grams of `t` (gate.ts): detectors whose literals cannot be in the text are skipped.
 */
export function readNumbers(t: string, grams?: GramSet): Reading[] {
  const out: Reading[] = [];
  temps(t, out, grams);
  if (BREATH_CTX.test(t)) {
    scan(BREATH, t, grams, 'breath', out, (m) => {
      const v = Number(m[1]);
      return v >= 10 && v <= 150 ? v : undefined;
    });
  }
  BP.lastIndex = 0;
  for (let m = can(BP, grams) ? BP.exec(t) : null; m !== null; m = BP.exec(t)) {
    const s = Number(m[1]);
    const d = Number(m[2]);
    if (s >= 60 && s <= 260 && d >= 30 && d <= 180) out.push({ kind: 'bp', value: s, value2: d, start: m.index, end: m.index + m[0].length });
  }
  scan(NO_URINE, t, grams, 'noUrineHours', out, (m) => parseNumber(m[1]!));
  scan(FEVER_DAYS, t, grams, 'feverDays', out, (m) => {
    const n = parseNumber(m[1]!);
    return n === undefined ? undefined : n * unitDays(m[2]!);
  });
  scan(DURATION_ZH, t, grams, 'duration', out, (m) => {
    const n = m[1] === '半' ? 0.5 : parseNumber(m[1]!);
    return n === undefined ? undefined : (n + (m[3] === '半' ? 0.5 : 0)) * unitDays(m[4]!);
  });
  scan(DURATION_EN, t, grams, 'duration', out, (m) => {
    const n = parseNumber(m[1]!);
    return n === undefined ? undefined : n * unitDays(m[2]!);
  });
  scan([DURATION_VAGUE], t, grams, 'duration', out, (m) => ((m[1] ?? m[2]) === 'weeks' ? 14 : 60));
  scan([DURATION_SINCE_BIRTH], t, grams, 'duration', out, () => 14);
  scan(VOMITS, t, grams, 'vomits', out, (m) => count(m[1]!));
  scan(STOOLS, t, grams, 'stools', out, (m) => count(m[1]!));
  return out;
}
