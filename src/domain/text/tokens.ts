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

const EN_STOP = new Set(
  'a an and are as at be but by can do does for from has have how i if in into is it its me my of on or our so that the their them then there these they this to was we what when where which who why will with you your he she his her him baby babies child kid'.split(' '),
);
const ZH_STOP = new Set('的 了 是 我 你 他 她 吗 呢 啊 吧 在 和 与 有 就 都 也 要 会 怎么 怎么办 什么 如何 可以 一下 这个 那个 宝宝 孩子 请问 一个'.split(' '));

/** A light English stemmer: enough to match "feeds/feeding/fed" style variants. */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  for (const suf of ['ingly', 'edly', 'ing', 'ies', 'ied', 'ed', 'es', 's']) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      const base = w.slice(0, -suf.length);
      return suf === 'ies' || suf === 'ied' ? base + 'y' : base;
    }
  }
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
    } else if (/^[a-z0-9][a-z0-9'-]*$/.test(w) && !EN_STOP.has(w)) {
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
