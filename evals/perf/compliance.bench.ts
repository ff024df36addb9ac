/**
 * Compliance checker performance, one core:
 *  - throughput over mixed copy: long-form Chinese and English parenting articles (the
 *    knowledge base) with every eval snippet (honest and violating) woven in, cut into 5 KB
 *    posts; and, as a stress row, posts made of nothing but eval snippets (every sentence a
 *    test case, so every sentence carries a trigger);
 *  - p99 latency of a 5 KB post;
 *  - a naive word-list checker over the SAME terms (normalise, then one indexOf loop per term,
 *    the way public word-list checkers work), measured in the same run;
 *  - adversarial input: 1 MB made of nothing but triggers, checked in 200 KB requests;
 *  - for the record, `modern-ahocorasick` on the same patterns (see automaton.ts for why the
 *    checker does not use it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AhoCorasick from 'modern-ahocorasick';
import type { Bench, BenchRow } from './bench.js';
import { percentile } from './bench.js';
import { checkCompliance, compiledPack, MAX_INPUT_BYTES, utf8Length, type CheckInput, type Market } from '../../src/domain/compliance/index.js';
import { normalise, normaliseShared } from '../../src/domain/compliance/normalise.js';

interface Snip {
  locale: 'zh-CN' | 'en';
  market: Market;
  text: string;
}

function loadTexts(): { zh: string[]; en: string[] } {
  const file = fileURLToPath(new URL('../compliance/snippets.jsonl', import.meta.url));
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Snip);
  return { zh: rows.filter((r) => r.locale === 'zh-CN').map((r) => r.text), en: rows.filter((r) => r.locale === 'en').map((r) => r.text) };
}

/** Paragraphs of the knowledge-base articles (front matter dropped), when the folder is there. */
function loadArticles(locale: 'zh-CN' | 'en'): string[] {
  const dir = fileURLToPath(new URL(`../../knowledge/${locale}/`, import.meta.url));
  if (!existsSync(dir)) return [];
  const paras: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.md')).sort()) {
    const body = readFileSync(dir + f, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    for (const p of body.split(/\n\s*\n/)) if (p.trim().length > 20) paras.push(p.trim());
  }
  return paras;
}

/** Article paragraphs with the snippets woven in evenly, as one stream of copy. */
function weave(paras: string[], snippets: string[]): string[] {
  if (paras.length === 0) return snippets;
  const out: string[] = [];
  const every = Math.max(1, Math.floor(paras.length / snippets.length));
  let k = 0;
  paras.forEach((p, i) => {
    out.push(p);
    if (i % every === 0 && k < snippets.length) out.push(snippets[k++]!);
  });
  while (k < snippets.length) out.push(snippets[k++]!);
  return out;
}

/** Posts of about `bytes` UTF-8 bytes, cycling through the snippets from an offset. */
function makePosts(texts: string[], bytes: number, count: number, joiner: string): string[] {
  const posts: string[] = [];
  let k = 0;
  for (let p = 0; p < count; p++) {
    let post = '';
    while (utf8Length(post) < bytes) post += texts[k++ % texts.length]! + joiner;
    posts.push(post);
  }
  return posts;
}

/**
 * The naive checker: normalise once, then every term searched on its own. It normalises with
 * the same function the checker uses (normaliseShared): normalise() also copies out the offset
 * map, which a word-list checker never reads, and timing that copy on the naive side only
 * made the baseline look slower than it is.
 */
function naiveCheck(text: string, terms: string[]): number {
  const t = normaliseShared(text).text;
  let hits = 0;
  for (const term of terms) {
    for (let i = t.indexOf(term); i >= 0; i = t.indexOf(term, i + 1)) hits++;
  }
  return hits;
}

const time = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

const bench: Bench = {
  name: 'compliance',
  async run({ quick }) {
    const rows: BenchRow[] = [];
    const { zh, en } = loadTexts();
    const count = quick ? 40 : 200;
    const toInputs = (zhPosts: string[], enPosts: string[]): CheckInput[] => {
      const inputs: CheckInput[] = [];
      for (let i = 0; i < zhPosts.length; i++) {
        inputs.push({ text: zhPosts[i]!, market: 'CN', productType: 'general', channel: 'xiaohongshu_note', commercial: true });
        inputs.push({ text: enPosts[i]!, market: 'US', locale: 'en', productType: 'general', channel: 'en_social_post', commercial: true });
      }
      return inputs;
    };
    const mixed = toInputs(makePosts(weave(loadArticles('zh-CN'), zh), 5 * 1024, count, '\n'), makePosts(weave(loadArticles('en'), en), 5 * 1024, count, '\n\n'));
    const dense = toInputs(makePosts(zh, 5 * 1024, count, '\n'), makePosts(en, 5 * 1024, count, '\n'));
    const findingsPerPost = (inputs: CheckInput[]) => inputs.reduce((n, inp) => n + checkCompliance(inp).findings.length, 0) / inputs.length;

    // warm up the JIT (optimising tiers need a few hundred calls) and the fold cache
    for (let r = 0; r < (quick ? 3 : 5); r++) for (const inp of [...mixed, ...dense]) checkCompliance(inp);

    // --- throughput (best of several passes: other work on a shared core only ever slows a pass down)
    const throughput = (inputs: CheckInput[]) => {
      const passBytes = inputs.reduce((n, inp) => n + utf8Length(inp.text), 0);
      let best = Infinity;
      for (let r = 0; r < (quick ? 3 : 10); r++) {
        best = Math.min(
          best,
          time(() => {
            for (const inp of inputs) checkCompliance(inp);
          }),
        );
      }
      return passBytes / 1024 / 1024 / (best / 1000);
    };
    const mbps = throughput(mixed);
    rows.push({ metric: `throughput, mixed zh/en copy (articles + snippets, ${findingsPerPost(mixed).toFixed(1)} findings per 5 KB)`, value: mbps, unit: 'MB/s', target: '≥ 20 MB/s', ok: mbps >= 20 });
    rows.push({ metric: `throughput, dense snippet-only posts (stress, ${findingsPerPost(dense).toFixed(1)} findings per 5 KB)`, value: throughput(dense), unit: 'MB/s' });
    const inputs = mixed;

    // --- p99 of a 5 KB post
    const lat: number[] = [];
    for (let r = 0; r < (quick ? 3 : 10); r++) for (const inp of inputs) lat.push(time(() => checkCompliance(inp)));
    const p99 = percentile(lat, 99);
    rows.push({ metric: '5 KB post, p99 latency', value: p99, unit: 'ms', target: 'p99 < 1 ms', ok: p99 < 1 });
    rows.push({ metric: '5 KB post, p50 latency', value: percentile(lat, 50), unit: 'ms' });

    // --- naive word-list checker over the same terms, same posts
    const cnTerms = [...new Set(compiledPack('CN').terms.map((x) => x.term))];
    const usTerms = [...new Set(compiledPack('US').terms.map((x) => x.term))];
    const versusNaive = (posts: CheckInput[]) => {
      const sample = posts.slice(0, quick ? 20 : 80);
      const naive = () => {
        for (const inp of sample) naiveCheck(inp.text, inp.market === 'CN' ? cnTerms : usTerms);
      };
      const ours = () => {
        for (const inp of sample) checkCompliance(inp);
      };
      naive();
      let naiveMs = Infinity;
      let oursMs = Infinity;
      for (let r = 0; r < 3; r++) {
        naiveMs = Math.min(naiveMs, time(naive));
        oursMs = Math.min(oursMs, time(ours));
      }
      return { ours: oursMs / sample.length, naive: naiveMs / sample.length };
    };
    const vm = versusNaive(mixed);
    rows.push({
      metric: `5 KB mixed post vs naive word list (${cnTerms.length} zh / ${usTerms.length} en terms)`,
      value: vm.ours,
      unit: 'ms',
      baseline: { name: 'naive indexOf per term (matching only, no rules)', value: vm.naive },
      ratio: vm.naive / vm.ours,
      target: '≥ 10× faster',
      ok: vm.naive / vm.ours >= 10,
    });
    const vd = versusNaive(dense);
    rows.push({ metric: '5 KB dense post vs naive word list (stress)', value: vd.ours, unit: 'ms', baseline: { name: 'naive indexOf per term', value: vd.naive }, ratio: vd.naive / vd.ours });

    // --- adversarial: 1 MB of repeated triggers, in 200 KB requests
    const triggers = '最好第一全网最低价缓解湿疹接近母乳NO.1销量第一98%妈妈推荐戳链接增强免疫力无效退款萌娃代言趴睡更香';
    const chunkChars = Math.floor(MAX_INPUT_BYTES / 3) - 64;
    const chunk = triggers.repeat(Math.ceil(chunkChars / triggers.length)).slice(0, chunkChars);
    const chunks = Math.ceil((1024 * 1024) / utf8Length(chunk));
    checkCompliance({ text: chunk, productType: 'infant_formula', channel: 'xiaohongshu_note' });
    const bestOf = (runs: number, fn: () => void) => {
      let best = Infinity;
      for (let r = 0; r < runs; r++) best = Math.min(best, time(fn));
      return best;
    };
    const adv = bestOf(3, () => {
      for (let i = 0; i < chunks; i++) checkCompliance({ text: chunk, productType: 'infant_formula', channel: 'xiaohongshu_note' });
    });
    rows.push({ metric: `adversarial 1 MB of triggers (${chunks} × ${Math.round(utf8Length(chunk) / 1024)} KB)`, value: adv, unit: 'ms', target: '< 200 ms', ok: adv < 200 });
    const enTriggers = 'best #1 cures colic treats eczema link in bio studies show 9 out of 10 moms guaranteed results ';
    const enChunk = enTriggers.repeat(Math.ceil(MAX_INPUT_BYTES / enTriggers.length)).slice(0, MAX_INPUT_BYTES - 64);
    const enChunks = Math.ceil((1024 * 1024) / enChunk.length);
    checkCompliance({ text: enChunk, market: 'US', locale: 'en' });
    const advEn = bestOf(3, () => {
      for (let i = 0; i < enChunks; i++) checkCompliance({ text: enChunk, market: 'US', locale: 'en', channel: 'en_social_post', commercial: true });
    });
    rows.push({ metric: `adversarial 1 MB of English triggers (${enChunks} × 200 KB)`, value: advEn, unit: 'ms', target: '< 200 ms', ok: advEn < 200 });

    // --- reference: modern-ahocorasick over the same patterns (grapheme segmentation via Intl.Segmenter)
    const refChars = quick ? 4096 : 16384;
    const refText = normalise(dense.filter((x) => x.market === 'CN').map((x) => x.text).join('\n')).text.slice(0, refChars);
    const lib = new AhoCorasick(cnTerms);
    lib.search(refText.slice(0, 256));
    const libMs = time(() => lib.search(refText));
    const oursScan = time(() => compiledPack('CN').automaton.scan(refText, () => {}));
    rows.push({
      metric: `reference: modern-ahocorasick search, ${refChars / 1024} K CJK chars`,
      value: libMs,
      unit: 'ms',
      baseline: { name: 'our code-unit automaton, same text', value: oursScan },
      ratio: oursScan / libMs,
    });
    return rows;
  },
};

export default bench;
