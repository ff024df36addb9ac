import { stageFromProfile, stageFromText, type ChildProfile } from '../stage/index.js';
import type { StageId } from './taxonomy.js';

const FIRST_YEAR: StageId[] = ['newborn', 'infant_1_6m', 'infant_6_12m'];
const PREGNANCY: StageId[] = ['pregnancy_t1', 'pregnancy_t2', 'pregnancy_t3'];

/**
 * When no age or week is stated, words that still pin the stage down to a family of
 * stages ("pregnant" → any trimester, "toddler"). A message naming two families ("I'm
 * pregnant and my toddler…") is left unfiltered rather than guessed.
 */
const FAMILIES: { re: RegExp; stages: StageId[] }[] = [
  { re: /备孕|怀不上|想要(个)?孩子|要二胎|trying to conceive|\bttc\b|trying for a baby|\b(try|trying|want|wanting|plan|planning|hope|hoping|like) to (get|getting|become|be) pregnant|before (i |we )?(try to )?(get(ting)? )?pregnant|\bconceive\b/i, stages: ['preconception'] },
  { re: /怀孕|孕期|孕妇|孕早期|孕中期|孕晚期|懷孕|\bpregnan|\bpregnent|\bpreggo|\bexpecting\b|\btrimester/i, stages: PREGNANCY },
  { re: /产后|坐月子|月子里|恶露|產後|\bpostpartum|\bpostnatal|after (giving )?birth|since (i )?gave birth/i, stages: ['postpartum'] },
  { re: /幼儿园|学龄前|上学前|\bpreschool|\bkindergarten|\bnursery school/i, stages: ['preschool_3_6y'] },
  { re: /\btoddler/i, stages: ['toddler_1_3y'] },
];

/** "at 30 weeks" with no "old": a baby's age past 24 weeks is said in months, so it is a pregnancy week. */
function pregnancyWeekFallback(text: string): StageId | undefined {
  const m = /(?:^|[^\d])(\d{1,2})\s*(?:weeks?|wks?|周)(?!\s*(?:old|大|的宝宝|的孩子))/i.exec(text);
  if (!m) return undefined;
  const w = Number(m[1]);
  if (/\b(baby|newborn|son|daughter|old)\b|宝宝|孩子|出生/i.test(text) && w < 25) return undefined;
  if (w < 4 || w > 42) return undefined;
  return w <= 13 ? 'pregnancy_t1' : w <= 27 ? 'pregnancy_t2' : 'pregnancy_t3';
}

/** "36周了" with no baby in sight: past 24 weeks a baby's age is given in months, so this is a pregnancy week. */
function lateWeeks(text: string): StageId | undefined {
  if (/\b(baby|newborn|son|daughter|old)\b|宝宝|孩子|出生|大了|月龄/i.test(text)) return undefined;
  return pregnancyWeekFallback(text) === 'pregnancy_t3' ? 'pregnancy_t3' : undefined;
}

/** "due in 10 weeks" / "还有10周就生了" counts down to week 40. */
function dueCountdown(text: string): StageId | undefined {
  const m = /due in (?:about |around )?(\d{1,2}) ?weeks?|还有(\d{1,2})(?:个)?周(?:就)?(?:生|到预产期)|離預產期還有(\d{1,2})週|离预产期还有(\d{1,2})周/i.exec(text);
  if (!m) return undefined;
  const left = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
  const week = 40 - left;
  if (week < 0 || week > 42) return undefined;
  return week <= 13 ? 'pregnancy_t1' : week <= 27 ? 'pregnancy_t2' : 'pregnancy_t3';
}

/** Words that put a "get pregnant" question after a birth (contraception while breastfeeding…). */
const AFTER_BIRTH = /breastfeed|breast-feed|nursing|my (baby|newborn)|since (the )?birth|after (the )?birth|period (hasn'?t|has not)|哺乳|喂奶|产后|生完/i;

function familyFromText(text: string): StageId[] | undefined {
  const hits = FAMILIES.filter((f) => f.re.test(text));
  // Trying to conceive talks about pregnancy too: it wins over the pregnancy family,
  // unless the question is set after a birth, which is too ambiguous to filter.
  if (hits[0]?.stages[0] === 'preconception') return AFTER_BIRTH.test(text) ? undefined : hits[0].stages;
  return hits.length === 1 ? hits[0]!.stages : undefined;
}

export interface ResolvedStages {
  /** The stage the question is about, when known. */
  primary?: StageId;
  /** Stages retrieval may draw on (stage-agnostic documents are always allowed); undefined = any. */
  stages?: StageId[];
}

/**
 * Which stages a question may draw guidance from. An explicit stage wins; then an age or
 * pregnancy week read from the question itself ("6个月", "孕28周", "2 year old"); then the
 * child profile. In a baby's first year the mother's postpartum guidance runs alongside
 * the baby's stage (taxonomy: postpartum runs alongside the child's stage).
 */
export function resolveStages(input: { stage?: StageId; child?: ChildProfile; text?: string; today: string }): ResolvedStages {
  if (input.stage) return { primary: input.stage, stages: [input.stage] };
  const fromText = input.text
    ? (dueCountdown(input.text) ?? lateWeeks(input.text) ?? (stageFromText(input.text) as StageId | undefined) ?? pregnancyWeekFallback(input.text))
    : undefined;
  const fromProfile = input.child ? (stageFromProfile(input.child, input.today)?.stage as StageId | undefined) : undefined;
  const primary = fromText ?? fromProfile;
  if (!primary) {
    const family = input.text ? familyFromText(input.text) : undefined;
    return family ? { stages: family } : {};
  }
  const stages: StageId[] = [primary];
  if (FIRST_YEAR.includes(primary)) stages.push('postpartum');
  if (primary === 'postpartum' && fromProfile && FIRST_YEAR.includes(fromProfile)) stages.push(fromProfile);
  return { primary, stages };
}
