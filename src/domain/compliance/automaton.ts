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
 * Layout: every step is a DFA step (failure links resolved at build time), so the scan never
 * walks a failure chain:
 *  - in a pack made mostly of ASCII (English), ASCII input reads a dense table of rows
 *    indexed by a compressed column (the few dozen ASCII units that occur in patterns; every
 *    other unit sends each state to the root), so an English character is one array read and
 *    a hot row spans two cache lines instead of four;
 *  - other units (all units, in the Chinese pack) read a 64K root table when the automaton is
 *    at the root (the root's filter is zero, so that needs no test of its own); elsewhere a state
 *    keeps, sorted, only its transitions that do not fall back to the root (its own edges and
 *    those inherited along its failure chain), so a unit not among them means "restart from
 *    the root table". A 32-bit filter per state answers three lookups in four without
 *    reading the list. That replaced a binary search per trie edge plus a failure-chain
 *    walk, which made CJK text cost about twice as much. (An open-addressing hash of
 *    (state, unit) was as fast on Chinese alone, slower with English checks in between, and
 *    eight times the memory: 786 KB against 92 KB for the Chinese pack.)
 * States are numbered so that the ones where some pattern ends (by themselves or through a
 * dictionary-suffix link) come last: "anything to report here?" is one comparison, not a
 * memory read. Output sets are chained through dictionary-suffix links, so reporting every
 * (overlapping) hit costs O(hits).
 */
export class Automaton {
  readonly patternCount: number;
  readonly patternLength: Int32Array;
  /** units below this take the ASCII table: 128, or 0 when the patterns are not mostly ASCII */
  private readonly asciiLimit: number;
  /** column of each ASCII unit in the ASCII table; 0 for units that occur in no pattern */
  private readonly asciiCol: Uint8Array;
  private readonly asciiShift: number;
  /** DFA transitions for ASCII units: ascii[(state << asciiShift) | asciiCol[c]] */
  private readonly ascii: Uint16Array;
  /** transitions out of the root, for every unit */
  private readonly rootNext: Uint16Array;
  /**
   * transitions on units from asciiLimit up, out of non-root states, that do not lead back to
   * rootNext (failure chains resolved): state s's are
   * wideEdge[wideStart[s] .. wideStart[s + 1]), each unit << 16 | target, sorted as int32
   * (units from 0x8000 up come out negative and first; lookups compare the same way)
   */
  private readonly wideStart: Int32Array;
  private readonly wideEdge: Int32Array;
  /**
   * per state, bit (c & 31) is set when its list holds some transition on a unit c with those
   * low bits: three lookups in four are answered "back to the root" by this word alone
   */
  private readonly wideBits: Int32Array;
  /** states numbered >= firstOut report at least one pattern */
  private readonly firstOut: number;
  /** first pattern ending exactly at a state (-1 none); more chained through `nextOut` */
  private readonly out: Int32Array;
  private readonly nextOut: Int32Array;
  /** nearest state on the failure chain (excluding itself) that ends a pattern, or 0 */
  private readonly dict: Int32Array;
  /** (pattern, end) pairs of the last collect(); reused across calls */
  private hitBuf = new Int32Array(256);

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
    // state ids live in Uint16Array tables and in the low half of an int32 list entry
    if (size > 0xffff) throw new RangeError(`automaton too large: ${size} states (at most 65535)`);

    // Failure and dictionary links, breadth first (trie ids).
    const fail = new Int32Array(size);
    const dict = new Int32Array(size);
    const order = new Int32Array(size); // BFS order, root first
    let qt = 1;
    for (const t of children[0]!.values()) order[qt++] = t;
    for (let qh = 1; qh < qt; qh++) {
      const s = order[qh]!;
      for (const [c, t] of children[s]!) {
        let f = fail[s]!;
        let next: number | undefined;
        for (;;) {
          next = children[f]!.get(c);
          if (next !== undefined || f === 0) break;
          f = fail[f]!;
        }
        fail[t] = next === undefined || next === t ? 0 : next;
        dict[t] = outList[fail[t]!]!.length > 0 ? fail[t]! : dict[fail[t]!]!;
        order[qt++] = t;
      }
    }

    // Renumber: root 0, then states that report nothing, then states that report, each in
    // BFS order (shallow, hot states first).
    const id = new Int32Array(size);
    let quiet = 1;
    for (let k = 1; k < size; k++) {
      const s = order[k]!;
      if (outList[s]!.length === 0 && dict[s] === 0) id[s] = quiet++;
    }
    this.firstOut = quiet;
    let loud = quiet;
    for (let k = 1; k < size; k++) {
      const s = order[k]!;
      if (!(outList[s]!.length === 0 && dict[s] === 0)) id[s] = loud++;
    }

    const out = new Int32Array(size).fill(-1);
    const nextOut = new Int32Array(patterns.length).fill(-1);
    const dictN = new Int32Array(size);
    for (let s = 0; s < size; s++) {
      const l = outList[s]!;
      const ns = id[s]!;
      for (let i = l.length - 1; i >= 0; i--) {
        nextOut[l[i]!] = out[ns]!;
        out[ns] = l[i]!;
      }
      dictN[ns] = dict[s] === 0 ? 0 : id[dict[s]!]!;
    }

    // ASCII table over compressed columns, when ASCII is what the patterns are mostly made of
    // (English). For a Chinese pack, where a few hundred of five thousand edges are ASCII, the
    // table would be 650 KB of rows nearly all equal to the root's: ASCII takes the same way as
    // any other unit there (asciiLimit 0), which is no slower and leaves the cache alone.
    let asciiEdges = 0;
    for (const m of children) for (const c of m.keys()) if (c < 128) asciiEdges++;
    const dense = asciiEdges * 2 >= size - 1;
    const asciiLimit = dense ? 128 : 0;
    const asciiCol = new Uint8Array(128);
    const asciiUnits: number[] = [];
    if (dense) for (const m of children) for (const c of m.keys()) if (c < 128 && asciiCol[c] === 0) asciiCol[c] = asciiUnits.push(c);
    let asciiShift = 0;
    while (1 << asciiShift < asciiUnits.length + 1) asciiShift++;
    const ascii = new Uint16Array(dense ? size << asciiShift : 1);
    const rootNext = new Uint16Array(65536);
    for (const [c, t] of children[0]!) rootNext[c] = id[t]!;
    // Transitions of each state on units past asciiLimit that do not fall back to the root:
    // its own edges, then its failure state's list minus the units it has an edge for (trie ids).
    const wide: (number[] | undefined)[] = new Array<number[] | undefined>(size);
    let wideCount = 0;
    for (let k = 0; k < size; k++) {
      const s = order[k]!;
      const row = dense ? id[s]! << asciiShift : 0;
      const frow = dense ? id[fail[s]!]! << asciiShift : 0;
      for (let j = 0; j < asciiUnits.length; j++) {
        const t = children[s]!.get(asciiUnits[j]!);
        ascii[row + j + 1] = t !== undefined ? id[t]! : s === 0 ? 0 : ascii[frow + j + 1]!;
      }
      if (s === 0) continue;
      let list: number[] | undefined;
      for (const [c, t] of children[s]!) if (c >= asciiLimit) (list ??= []).push(c, t);
      const inherited = fail[s] === 0 ? undefined : wide[fail[s]!];
      if (inherited) {
        for (let j = 0; j < inherited.length; j += 2) if (!children[s]!.has(inherited[j]!)) (list ??= []).push(inherited[j]!, inherited[j + 1]!);
      }
      wide[s] = list;
      if (list) wideCount += list.length / 2;
    }
    // by (new) state id, each state's list sorted
    const wideStart = new Int32Array(size + 1);
    const wideEdge = new Int32Array(wideCount);
    const wideBits = new Int32Array(size);
    const byId = new Int32Array(size);
    for (let s = 0; s < size; s++) byId[id[s]!] = s;
    let w = 0;
    for (let ns = 0; ns < size; ns++) {
      wideStart[ns] = w;
      const list = wide[byId[ns]!];
      if (!list) continue;
      const pairs: number[] = [];
      for (let j = 0; j < list.length; j += 2) {
        pairs.push((list[j]! << 16) | id[list[j + 1]!]!);
        wideBits[ns]! |= 1 << (list[j]! & 31);
      }
      pairs.sort((a, b) => a - b);
      for (const p of pairs) wideEdge[w++] = p;
    }
    wideStart[size] = w;
    this.wideStart = wideStart;
    this.wideEdge = wideEdge;
    this.asciiLimit = asciiLimit;
    this.asciiCol = asciiCol;
    this.asciiShift = asciiShift;
    this.ascii = ascii;
    this.rootNext = rootNext;
    this.wideBits = wideBits;
    this.out = out;
    this.nextOut = nextOut;
    this.dict = dictN;
    this.patternLength = plen;
  }

  /**
   * Every occurrence of every pattern, overlaps included, in one left-to-right pass.
   * `onHit(patternIndex, end)` receives the exclusive end; start = end - patternLength.
   */
  scan(text: string, onHit: (pattern: number, end: number) => void): void {
    const m = this.collect(text);
    const buf = this.hitBuf;
    for (let k = 0; k < m; k += 2) onHit(buf[k]!, buf[k + 1]!);
  }

  /**
   * The same pass without a callback: (pattern, exclusive end) pairs in hits()[0 .. returned
   * length), ordered by end. The buffer is reused: valid until the next call on this automaton.
   */
  collect(text: string): number {
    const asciiLimit = this.asciiLimit;
    const ascii = this.ascii;
    const asciiCol = this.asciiCol;
    const shift = this.asciiShift;
    const rootNext = this.rootNext;
    const wideStart = this.wideStart;
    const wideEdge = this.wideEdge;
    const wideBits = this.wideBits;
    const firstOut = this.firstOut;
    const out = this.out;
    const nextOut = this.nextOut;
    const dict = this.dict;
    let buf = this.hitBuf;
    let m = 0;
    let s = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < asciiLimit) s = ascii[(s << shift) | asciiCol[c]!]!;
      // the root has no list and a zero filter, so it takes this branch without a test of its
      // own (whether the automaton is at the root is a coin toss in Chinese text: a test of
      // it here was mispredicted half the time)
      else if ((wideBits[s]! & (1 << (c & 31))) === 0) s = rootNext[c]!;
      else {
        // the state's transitions, sorted by unit: scan them (most states have a handful)
        let k = wideStart[s]!;
        let end = wideStart[s + 1]!;
        const key = c << 16;
        // a few states (common first characters) have dozens: halve those down first, so a
        // step never reads more than about forty entries
        while (end - k > 32) {
          const mid = (k + end) >>> 1;
          if (wideEdge[mid]! < key) k = mid + 1;
          else end = mid + 1;
        }
        let v = 0;
        while (k < end) {
          v = wideEdge[k]!;
          if (v >= key) break;
          k++;
        }
        s = k < end && v >>> 16 === c ? v & 0xffff : rootNext[c]!;
      }
      if (s < firstOut) continue;
      for (let o = out[s]! >= 0 ? s : dict[s]!; o !== 0; o = dict[o]!) {
        for (let p = out[o]!; p >= 0; p = nextOut[p]!) {
          if (m + 2 > buf.length) {
            const b2 = new Int32Array(buf.length * 2);
            b2.set(buf);
            buf = this.hitBuf = b2;
          }
          buf[m++] = p;
          buf[m++] = i + 1;
        }
      }
    }
    return m;
  }

  /**
   * collect() over the text as a gate maps it (lower case, for the normaliser's fast path),
   * with the gate's DFA stepped on the same pass; -1, and no hits, as soon as the gate rejects
   * the text (or if it may not end where it does). Two short dependency chains in one loop
   * overlap where two passes would add up: about a fifth off English copy.
   */
  collectGated(text: string, gate: ScanGate): number {
    const asciiLimit = this.asciiLimit;
    const ascii = this.ascii;
    const asciiCol = this.asciiCol;
    const shift = this.asciiShift;
    const rootNext = this.rootNext;
    const wideStart = this.wideStart;
    const wideEdge = this.wideEdge;
    const wideBits = this.wideBits;
    const firstOut = this.firstOut;
    const out = this.out;
    const nextOut = this.nextOut;
    const dict = this.dict;
    const gt = gate.table;
    const gClass = gate.asciiClass;
    const gMap = gate.asciiMap;
    const reject = gate.reject;
    let g = gate.start;
    // The automaton step below repeats collect()'s on purpose: it is the checker's hot loop,
    // kept inline in both scans rather than behind a call. A property test holds the two
    // scans to the same hits.
    let buf = this.hitBuf;
    let m = 0;
    let s = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        g = gt[g + gClass[c]!]!;
        c = gMap[c]!;
      } else {
        g = gt[g + gate.wideClass(c)]!;
        c = gate.wideMap(c);
      }
      if (g === reject) return -1;
      if (c < asciiLimit) s = ascii[(s << shift) | asciiCol[c]!]!;
      else if ((wideBits[s]! & (1 << (c & 31))) === 0) s = rootNext[c]!;
      else {
        let k = wideStart[s]!;
        let end = wideStart[s + 1]!;
        const key = c << 16;
        while (end - k > 32) {
          const mid = (k + end) >>> 1;
          if (wideEdge[mid]! < key) k = mid + 1;
          else end = mid + 1;
        }
        let v = 0;
        while (k < end) {
          v = wideEdge[k]!;
          if (v >= key) break;
          k++;
        }
        s = k < end && v >>> 16 === c ? v & 0xffff : rootNext[c]!;
      }
      if (s < firstOut) continue;
      for (let o = out[s]! >= 0 ? s : dict[s]!; o !== 0; o = dict[o]!) {
        for (let p = out[o]!; p >= 0; p = nextOut[p]!) {
          if (m + 2 > buf.length) {
            const b2 = new Int32Array(buf.length * 2);
            b2.set(buf);
            buf = this.hitBuf = b2;
          }
          buf[m++] = p;
          buf[m++] = i + 1;
        }
      }
    }
    return gate.rejectAtEnd[g] === 1 ? -1 : m;
  }

  /** The buffer collect() fills. */
  hits(): Int32Array {
    return this.hitBuf;
  }
}

/**
 * A DFA run alongside a scan (see collectGated) over classes of the original units; the scan
 * reads each unit as mapped (asciiMap below 128, wideMap above).
 */
export interface ScanGate {
  /** next row offset, at row offset + class */
  table: Uint16Array;
  start: number;
  reject: number;
  /** 1 at row offsets where the text may not end */
  rejectAtEnd: Uint8Array;
  asciiClass: Uint8Array;
  asciiMap: Uint8Array;
  wideClass: (c: number) => number;
  wideMap: (c: number) => number;
}
