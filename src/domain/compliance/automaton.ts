/**
 * Aho–Corasick over UTF-16 code units, compiled into typed arrays.
 *
 * Why not `modern-ahocorasick`: it matches whole grapheme clusters and segments every
 * non-ASCII input with `Intl.Segmenter`. On the Node 20 / ICU 78 runtime we ship on, that
 * segmentation is not even linear on Chinese text (measured: 16 K chars 68 ms, 64 K chars
 * 1.35 s, 256 K chars 180 s), which misses the throughput target by orders of magnitude
 * and turns a 200 KB post into a denial of service. Our normaliser already removes the
 * cases where grapheme awareness matters (combining marks, variation selectors, zero-width
 * joiners), so code units are the right alphabet here. The benchmark
 * (evals/perf/compliance.bench.ts) measures the library on the same patterns for the record.
 *
 * Layout: the root has a dense 64K transition table (most text characters start nothing,
 * so the common step is one array read); other states keep their sorted edges in CSR
 * arrays, searched by binary search. ASCII input, where English patterns share long
 * prefixes, gets a full DFA row per state (128 columns, failure links pre-resolved), so an
 * English character is one array read too. Output sets are chained through
 * dictionary-suffix links, so reporting every (overlapping) hit costs O(hits).
 */
export class Automaton {
  readonly patternCount: number;
  private readonly rootNext: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeLabel: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array;
  /** nearest state on the failure chain (excluding itself) that ends a pattern, or 0 */
  private readonly dict: Int32Array;
  /** first pattern ending exactly at a state (-1 none); more chained through `nextOut` */
  private readonly out: Int32Array;
  private readonly nextOut: Int32Array;
  readonly patternLength: Int32Array;
  /** full DFA transitions for characters below 128: ascii[state * 128 + c] */
  private readonly ascii: Uint16Array | Int32Array;

  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    // Build a trie with Map children.
    const children: Map<number, number>[] = [new Map()];
    const outList: number[][] = [[]];
    const plen = new Int32Array(patterns.length);
    patterns.forEach((p, idx) => {
      if (p.length === 0) throw new RangeError('empty pattern');
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = children[s]!.get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          outList.push([]);
          children[s]!.set(c, t);
        }
        s = t;
      }
      outList[s]!.push(idx);
      plen[idx] = p.length;
    });
    const size = children.length;

    // CSR edges, sorted by label.
    const edgeStart = new Int32Array(size + 1);
    let total = 0;
    for (let s = 0; s < size; s++) {
      edgeStart[s] = total;
      total += children[s]!.size;
    }
    edgeStart[size] = total;
    const edgeLabel = new Uint16Array(total);
    const edgeTarget = new Int32Array(total);
    for (let s = 0; s < size; s++) {
      const entries = [...children[s]!.entries()].sort((x, y) => x[0] - y[0]);
      let k = edgeStart[s]!;
      for (const [c, t] of entries) {
        edgeLabel[k] = c;
        edgeTarget[k++] = t;
      }
    }
    const rootNext = new Int32Array(65536);
    for (const [c, t] of children[0]!) rootNext[c] = t;

    // Failure and dictionary links, breadth first.
    const fail = new Int32Array(size);
    const dict = new Int32Array(size);
    const ascii = size < 65536 ? new Uint16Array(size * 128) : new Int32Array(size * 128);
    for (let c = 0; c < 128; c++) ascii[c] = rootNext[c]!;
    const queue = new Int32Array(size);
    let qh = 0;
    let qt = 0;
    for (const t of children[0]!.values()) queue[qt++] = t;
    this.rootNext = rootNext;
    this.edgeStart = edgeStart;
    this.edgeLabel = edgeLabel;
    this.edgeTarget = edgeTarget;
    this.fail = fail;
    // depth-1 states fail to the root: their rows fall back to the root row
    for (let k = 0; k < qt; k++) {
      const t = queue[k]!;
      for (let cc = 0; cc < 128; cc++) {
        const g = this.child(t, cc);
        ascii[t * 128 + cc] = g >= 0 ? g : ascii[cc]!;
      }
    }
    while (qh < qt) {
      const s = queue[qh++]!;
      for (let k = edgeStart[s]!; k < edgeStart[s + 1]!; k++) {
        const c = edgeLabel[k]!;
        const t = edgeTarget[k]!;
        let f = fail[s]!;
        let next = 0;
        for (;;) {
          if (f === 0) {
            next = rootNext[c]!;
            break;
          }
          const g = this.child(f, c);
          if (g >= 0) {
            next = g;
            break;
          }
          f = fail[f]!;
        }
        fail[t] = next === t ? 0 : next;
        dict[t] = outList[fail[t]!]!.length > 0 ? fail[t]! : dict[fail[t]!]!;
        queue[qt++] = t;
        // t's failure state is shallower, so its row is complete already
        const row = t * 128;
        const frow = fail[t]! * 128;
        for (let cc = 0; cc < 128; cc++) {
          const g = this.child(t, cc);
          ascii[row + cc] = g >= 0 ? g : ascii[frow + cc]!;
        }
      }
    }
    const out = new Int32Array(size).fill(-1);
    const nextOut = new Int32Array(patterns.length).fill(-1);
    for (let s = 0; s < size; s++) {
      const l = outList[s]!;
      for (let i = l.length - 1; i >= 0; i--) {
        nextOut[l[i]!] = out[s]!;
        out[s] = l[i]!;
      }
    }
    this.ascii = ascii;
    this.dict = dict;
    this.out = out;
    this.nextOut = nextOut;
    this.patternLength = plen;
  }

  private child(s: number, c: number): number {
    let lo = this.edgeStart[s]!;
    let hi = this.edgeStart[s + 1]! - 1;
    const labels = this.edgeLabel;
    // most trie states deep inside a pattern have exactly one way on
    if (lo === hi) return labels[lo] === c ? this.edgeTarget[lo]! : -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const l = labels[mid]!;
      if (l === c) return this.edgeTarget[mid]!;
      if (l < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Every occurrence of every pattern, overlaps included, in one left-to-right pass.
   * `onHit(patternIndex, end)` receives the exclusive end; start = end - patternLength.
   */
  scan(text: string, onHit: (pattern: number, end: number) => void): void {
    const rootNext = this.rootNext;
    const fail = this.fail;
    const out = this.out;
    const nextOut = this.nextOut;
    const dict = this.dict;
    const ascii = this.ascii;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) s = ascii[s * 128 + c]!;
      else {
        for (;;) {
          if (s === 0) {
            s = rootNext[c]!;
            break;
          }
          const t = this.child(s, c);
          if (t >= 0) {
            s = t;
            break;
          }
          s = fail[s]!;
        }
      }
      if (s === 0) continue;
      let o = out[s]! >= 0 ? s : dict[s]!;
      while (o !== 0) {
        for (let p = out[o]!; p >= 0; p = nextOut[p]!) onHit(p, i + 1);
        o = dict[o]!;
      }
    }
  }
}
