import { EN_STOP, ZH_STOP, foldText, isCjk, isStopChar, stem, words } from '../text/tokens.js';

/** One interface for every embeddings provider. `model` is stored with every vector. */
export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** FNV-1a, 32 bit: fast, stable across runtimes, good enough spread for feature hashing. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The embedded default: a deterministic, offline embedder with no downloaded weights.
 * It hashes lexical features into a fixed-size vector (the "hashing trick"):
 *  - Chinese: ICU-segmented words, character bigrams and single characters, so
 *    different segmentations and colloquial phrasings still share features;
 *  - English: stemmed words and character trigrams of each word, which keeps typos
 *    ("teathing", "pregnent") close to the right word.
 * Sublinear term frequency and L2 normalisation make cosine similarity meaningful.
 * It is lexical, not semantic: retrieval pairs it with full-text search and a small
 * colloquial-synonym table (see synonyms.ts).
 */
export class LocalEmbedder implements Embedder {
  constructor(
    readonly model: string,
    readonly dimensions: number,
  ) {}

  features(text: string): Map<string, number> {
    const f = new Map<string, number>();
    const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
    const folded = foldText(text);
    for (const w of words(folded)) {
      if (isCjk(w[0]!)) {
        if (w.length > 1 && !ZH_STOP.has(w)) add('w:' + w, 1.0);
      } else if (/^[a-z0-9]/.test(w)) {
        if (EN_STOP.has(w.replace(/'/g, ''))) continue;
        const s = stem(w);
        if (s.length < 2 || /^\d+$/.test(s)) continue;
        add('w:' + s, 1.0);
        const padded = `<${s}>`;
        for (let i = 0; i + 3 <= padded.length; i++) add('t:' + padded.slice(i, i + 3), 0.35);
      }
    }
    let run = '';
    const flush = () => {
      for (let i = 0; i < run.length; i++) {
        if (!isStopChar(run[i]!)) add('c:' + run[i], 0.3);
        const bigram = run.slice(i, i + 2);
        if (i + 1 < run.length && !ZH_STOP.has(bigram) && !(isStopChar(bigram[0]!) && isStopChar(bigram[1]!))) add('b:' + bigram, 0.8);
      }
      run = '';
    };
    for (const ch of folded) {
      if (isCjk(ch)) run += ch;
      else flush();
    }
    flush();
    return f;
  }

  embed(text: string): number[] {
    const v = new Float64Array(this.dimensions);
    for (const [k, tf] of this.features(text)) {
      const h = fnv1a(k);
      const sign = h & 0x80000000 ? -1 : 1;
      v[h % this.dimensions]! += sign * (1 + Math.log(tf));
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => Math.round((x / norm) * 1e6) / 1e6);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}

export function toVectorLiteral(v: number[]): string {
  return `[${v.join(',')}]`;
}
