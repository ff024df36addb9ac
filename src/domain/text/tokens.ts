import { Converter } from 'opencc-js/t2cn';

/**
 * Text handling shared by indexing and querying, so both sides see the same tokens.
 * Traditional Chinese is folded to Simplified (taxonomy: Traditional input is zh-CN),
 * full-width forms to half-width, and case is folded.
 */
const toSimplified = Converter({ from: 't', to: 'cn' });

export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const isCjk = (ch: string) => CJK.test(ch);

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words as ICU segments them (dictionary-based for Chinese), folded; punctuation dropped. */
export function words(folded: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter.segment(folded)) {
    if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/**
 * Words that say nothing about which guidance a question needs: function words and the
 * words every parenting question contains ("baby", "宝宝"). Ages are left to the stage filter.
 */
export const EN_STOP = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can could did do does doing done down during each few for from further get gets got had has have having he her here hers him his how i if im in into is it its just let me might more most much my need needs no nor not now of off ok okay on once one only or other our out over own put really same say says she should so some such than that the their them then there these they thing things this those through to too under until up very want was way we were what when where which while who whom why will with would you your yours ' +
    'baby babies babys child children childs kid kids little old normal help tips advice know think ive dont doesnt cant wont its youre hes shes lot lots still even'
  ).split(' '),
);
export const ZH_STOP = new Set(
  '的 了 是 我 你 他 她 它 吗 呢 啊 吧 呀 哦 在 和 与 有 就 都 也 要 会 能 怎么 怎么办 什么 如何 可以 一下 这个 那个 宝宝 孩子 小孩 请问 一个 现在 还是 需要 应该 这样 没有 不是 因为 所以 但是 已经 时候 问题 我们 我家 家里 一直 有点 感觉 觉得 正常 这种 情况'.split(' '),
);
/** Characters too common to tell documents apart as single-character features. */
const ZH_STOP_CHARS = new Set('的了是我你他她吗呢啊吧在和有就都也要会能个么宝孩子一不这那'.split(''));
export const isStopChar = (ch: string) => ZH_STOP_CHARS.has(ch);

/**
 * A light English stemmer: folds plurals and -ing/-ed forms ("cheeses" → "cheese",
 * "feeding" → "feed", "babies" → "baby") and leaves words like "cautious", "this" and
 * "glass" alone. Index and query use the same function, so consistency matters more
 * than linguistic accuracy.
 */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/ied$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/ingly$/.test(w) && w.length > 7) return w.slice(0, -5);
  if (/ing$/.test(w) && w.length > 5) return w.slice(0, -3);
  if (/edly$/.test(w) && w.length > 6) return w.slice(0, -4);
  if (/[^e]ed$/.test(w) && w.length > 4) return w.slice(0, -2);
  if (/s$/.test(w) && !/(ss|us|is|ous)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Search terms for full-text indexing and querying: Latin words stemmed, Chinese words
 * as ICU segments them plus every character bigram of each Chinese run, so a query
 * segmented differently from the document still meets it.
 */
export function searchTerms(text: string): string[] {
  const folded = foldText(text);
  const terms: string[] = [];
  for (const w of words(folded)) {
    if (isCjk(w[0]!)) {
      if (!ZH_STOP.has(w)) terms.push(w);
    } else if (/^[a-z0-9][a-z0-9'-]*$/.test(w) && !EN_STOP.has(w.replace(/'/g, '')) && !/^\d+$/.test(w)) {
      terms.push(stem(w.replace(/'s$/, '').replace(/'/g, '')));
    }
  }
  // character bigrams of CJK runs
  let run = '';
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
    run = '';
  };
  for (const ch of folded) {
    if (isCjk(ch)) run += ch;
    else flush();
  }
  flush();
  return terms.filter((t) => t.length > 0 && t.length <= 40 && /^[\p{L}\p{N}]+$/u.test(t)).map(lexeme);
}

/**
 * Full-text lexemes are kept to plain ASCII so PostgreSQL's parser treats every term the
 * same on every server, whatever its locale (a C-locale server would not see Chinese
 * characters as letters): a non-ASCII term becomes "x" + its code points in base 36.
 */
export function lexeme(term: string): string {
  if (/^[a-z0-9]+$/.test(term)) return term;
  let out = 'x';
  for (const ch of term) out += ch.codePointAt(0)!.toString(36);
  return out;
}

/** Detects whether a message is mainly Chinese or English. */
export function detectLocale(text: string): 'zh-CN' | 'en' {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (isCjk(ch)) cjk++;
    else if (/[a-zA-Z]/.test(ch)) latin++;
  }
  return cjk * 3 >= latin && cjk > 0 ? 'zh-CN' : latin > 0 ? 'en' : 'zh-CN';
}
