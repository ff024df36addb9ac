import { Ctx, type CustomDetector, type Hit, type RawFinding } from './engine.js';
import type { CustomRule } from './rules/model.js';
import type { Channel, ProductType, Severity } from './types.js';

/**
 * Rules that need more than "term near term": whether a label is present anywhere, what
 * evidence surrounds a statistic, whether a product may be promoted at all. Each reads the
 * hits the automaton already found and a few bounded look-arounds, so each stays linear.
 */

const str = (rule: CustomRule, key: string): string => {
  const v = rule.params?.[key];
  return typeof v === 'string' ? v : '';
};
const strs = (rule: CustomRule, key: string): string[] => {
  const v = rule.params?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
};

const SOCIAL: readonly Channel[] = ['xiaohongshu_note', 'wechat_article', 'en_social_post'];

/** A purchase path (link, code, shopping cart) in the text, after allow-list filtering. */
function purchasePath(ctx: Ctx, rule: CustomRule): Hit | undefined {
  return ctx.anywhere(strs(rule, 'purchase'));
}

/** Is the content commercial? The caller says so; without a word from the caller, a purchase path makes it so. */
function isCommercial(ctx: Ctx, path: Hit | undefined): boolean {
  return ctx.input.commercial ?? path !== undefined;
}

/** Latin "Ad" opening the post ("Ad | …", "AD - …", "ad: …") counts as a label. */
function opensWithAd(t: string): boolean {
  let i = 0;
  while (i < t.length && (t.charCodeAt(i) === 0x20 || t.charCodeAt(i) === 0x0a)) i++;
  if (t.slice(i, i + 2) !== 'ad') return false;
  const c = t.charCodeAt(i + 2);
  return i + 2 >= t.length || !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39));
}

const adDisclosure: CustomDetector = (ctx, rule, out) => {
  const channel = ctx.input.channel;
  const path = purchasePath(ctx, rule);
  const social = channel !== undefined && SOCIAL.includes(channel);
  if (!social && !(channel === undefined && path)) return;
  if (!isCommercial(ctx, path)) return;
  const latinMarket = ctx.pack.market !== 'CN';
  if (ctx.anywhere(strs(rule, 'label')) || (latinMarket && opensWithAd(ctx.t))) return;
  const weak = ctx.anywhere(strs(rule, 'weak'));
  if (weak) {
    out.push({ rule, sev: 'review', s: weak.s, e: weak.e });
    return;
  }
  if (ctx.pack.market === 'CN') {
    // 《互联网广告管理办法》 ties the explicit 广告 label to a purchase path; sponsored notes
    // without one still have to be identifiable as ads (Art. 14) → review.
    if (path) out.push({ rule, sev: rule.severity, s: path.s, e: path.e });
    else if (channel === 'xiaohongshu_note') out.push({ rule, sev: 'review', s: 0, e: 0 });
    return;
  }
  // FTC / ASA / UCPD: a paid or gifted social post must say so, link or no link.
  if (path) out.push({ rule, sev: rule.severity, s: path.s, e: path.e });
  else if (channel === 'en_social_post' || channel === 'xiaohongshu_note') out.push({ rule, sev: rule.severity, s: 0, e: 0 });
};

/**
 * Promotion of breast-milk substitutes for 0–12 months: the product itself may not be
 * advertised to the public (CN Art. 20 in mass media; EU/UK infant formula outside
 * scientific publications). The WHO Code is advisory where it is not law.
 */
const bmsPromotion: CustomDetector = (ctx, rule, out) => {
  const pt = ctx.input.productType;
  const types = strs(rule, 'productTypes') as ProductType[];
  if (pt === undefined || !types.includes(pt)) return;
  if (ctx.input.formulaStage === 3) return;
  const path = purchasePath(ctx, rule);
  if (!isCommercial(ctx, path)) return;
  const mass = strs(rule, 'massChannels') as Channel[];
  const channel = ctx.input.channel;
  // A product page that shows the product (mandatory label facts) is not mass-media promotion;
  // it gets a reminder. Unknown channels get the rule's `otherSeverity`.
  const sev: Severity =
    channel !== undefined && mass.includes(channel)
      ? rule.severity
      : channel === 'product_detail'
        ? 'advisory'
        : ((rule.params?.['otherSeverity'] as Severity | undefined) ?? 'review');
  const at = ctx.anywhere(strs(rule, 'formulaWord'));
  out.push({ rule, sev, s: at ? at.s : 0, e: at ? at.e : 0 });
};

// --- statistics and quotes ------------------------------------------------------------------

const ZH_NUM = '0123456789一二三四五六七八九十百千两〇';
const isZhNum = (c: string | undefined) => c !== undefined && ZH_NUM.includes(c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** "98%的妈妈", "九成宝妈", "10万+妈妈": the number in front of a population word, or -1. */
function zhNumberBefore(t: string, s: number): number {
  let i = s - 1;
  const skip = '的名位个 ';
  let skipped = 0;
  while (i >= 0 && skip.includes(t[i]!) && skipped < 2) {
    i--;
    skipped++;
  }
  if (i < 0) return -1;
  if (t[i] === '+') i--;
  const unit = t[i];
  if (unit !== '%' && unit !== '成' && unit !== '万' && unit !== '千' && unit !== '百' && unit !== 'w') return -1;
  i--;
  if (!isZhNum(t[i])) return -1;
  let j = i;
  while (j - 1 >= 0 && (isZhNum(t[j - 1]) || t[j - 1] === '.') && i - j < 8) j--;
  return j;
}

/** "95% of moms", "9 out of 10 parents", "9 in 10 mums", "9/10 moms": start of the figure, or -1. */
function enNumberBefore(t: string, s: number): number {
  // bounded slice; the patterns below have no nested quantifiers
  const from = Math.max(0, s - 24);
  const win = t.slice(from, s);
  const m = /(\d{1,3}(?:\.\d)?\s?%\s?(?:of\s)?(?:all\s)?(?:the\s)?|\d{1,2}\s?(?:out of|in|\/)\s?\d{1,3}\s(?:of\s)?|\d[\d,.]{0,6}\s?(?:million|thousand|k|m)\+?\s(?:happy\s)?)$/.exec(win);
  return m ? from + m.index : -1;
}

/**
 * Where dates ("2024", "2024年", "3月") and sample sizes ("1200名", "n=120", "1,024 parents")
 * occur, read off the runs of figures (their starts come from the automaton pass, so the
 * text is not walked again) and then looked up per figure by binary search, so a wall of
 * figures costs no more than the text itself.
 */
interface Evidence {
  dates: number[];
  samples: number[];
}
const SAMPLE_ZH = /^(名|位|人|例|户|个家庭|对母婴)/;
const SAMPLE_EN = /^(?:[a-z]{1,12} ){0,2}(moms|mums|mothers|parents|participants|respondents|families|infants|babies|women|caregivers)\b/;
function scanEvidence(t: string, runs: Int32Array): Evidence {
  const dates: number[] = [];
  const samples: number[] = [];
  const n = t.length;
  for (let r = 0; r < runs.length; r++) {
    const a = runs[r]!;
    let j = a;
    while (j < n && (isDigit(t.charCodeAt(j)) || (t[j] === ',' && j + 1 < n && isDigit(t.charCodeAt(j + 1))))) j++;
    const digits = t.slice(a, j).replace(/,/g, '');
    if (digits.length === 4 && !(j < n && isDigit(t.charCodeAt(j)))) {
      const y = Number(digits);
      if (y >= 1990 && y <= 2099) dates.push(a);
    }
    if (t[j] === '年' || t[j] === '月') dates.push(a);
    const next = t[j] === ' ' ? t.slice(j + 1, j + 40) : t.slice(j, j + 39);
    if (SAMPLE_ZH.test(next) || SAMPLE_EN.test(next)) samples.push(a);
  }
  return { dates, samples };
}
function anyBetween(sorted: number[], a: number, b: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < b;
}

const EVIDENCE_BEFORE = 80;
const MAX_FIGURES = 300;
const EVIDENCE_AFTER = 240;

const dataClaims: CustomDetector = (ctx, rule, out) => {
  const t = ctx.t;
  const anchors: { s: number; e: number }[] = [];
  for (const h of ctx.group(str(rule, 'claim'))) anchors.push({ s: h.s, e: h.e });
  const en = ctx.pack.market !== 'CN';
  for (const h of ctx.group(str(rule, 'pop'))) {
    const s = en ? enNumberBefore(t, h.s) : zhNumberBefore(t, h.s);
    if (s >= 0) anchors.push({ s, e: h.e });
  }
  if (anchors.length === 0) return;
  anchors.sort((a, b) => a.s - b.s);
  const src = strs(rule, 'source');
  const sample = strs(rule, 'sample');
  const ev = scanEvidence(t, ctx.digitRuns);
  // footnote evidence is the same for every figure in the text: look once
  const footLines = ctx.footnotes().map((l) => ctx.lineBounds(l));
  const inFoot = (list: number[]) => footLines.some(([a, b]) => anyBetween(list, a, b));
  const fnSample = inFoot(ev.samples);
  const fnDate = inFoot(ev.dates);
  let lastEnd = -1;
  let evaluated = 0;
  for (const a of anchors) {
    if (a.s < lastEnd) continue;
    // a wall of statistics: the first few hundred decide the verdict and the markers
    if (++evaluated > MAX_FIGURES) break;
    lastEnd = a.e;
    // evidence sits next to the figure: the sentence and the next one, but never more than a
    // few hundred characters, so a wall of figures with no full stop stays linear
    const [s0, e0] = ctx.sentenceAndNext(a.s);
    const ws = Math.max(s0, a.s - EVIDENCE_BEFORE);
    const we = Math.min(e0, a.e + EVIDENCE_AFTER);
    const hasSrc = !!ctx.anyIn(src, ws, we) || ctx.inFootnote(src);
    const hasSmp = !!ctx.anyIn(sample, ws, we) || anyBetween(ev.samples, ws, we) || fnSample;
    const hasDt = anyBetween(ev.dates, ws, we) || fnDate;
    let sev: Severity;
    if (hasSrc && hasSmp && hasDt) sev = 'advisory';
    else if (hasSrc || hasSmp || hasDt) sev = 'review';
    else sev = rule.severity;
    // Non-commercial education is not advertising: a reminder to cite, nothing more.
    if (ctx.input.commercial === false) sev = 'advisory';
    out.push({ rule, sev, s: a.s, e: a.e });
  }
};

/** Mandatory statements for health food, special medical food and devices: a reminder, not a block. */
const mandatoryNotice: CustomDetector = (ctx, rule, out) => {
  if (ctx.input.commercial === false) return;
  const pt = ctx.input.productType;
  const need = rule.params?.[pt ?? ''] as string | undefined;
  if (!need) return;
  if (ctx.anywhere([need])) return;
  out.push({ rule, sev: rule.severity, s: 0, e: 0 });
};

/** Health knowledge next to a purchase path for medical / health-food / special-medical products. */
const disguisedHealthAd: CustomDetector = (ctx, rule, out) => {
  const pt = ctx.input.productType;
  const types = strs(rule, 'productTypes') as ProductType[];
  if (pt === undefined || !types.includes(pt)) return;
  const path = purchasePath(ctx, rule);
  if (!path) return;
  if (!ctx.anywhere(strs(rule, 'knowledge'))) return;
  out.push({ rule, sev: rule.severity, s: path.s, e: path.e });
};

export const DETECTORS: Record<string, CustomDetector> = { adDisclosure, bmsPromotion, dataClaims, mandatoryNotice, disguisedHealthAd };
export type { RawFinding };
