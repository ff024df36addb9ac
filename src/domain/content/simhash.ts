/**
 * Near-duplicate detection: a 64-bit SimHash over character shingles. Two texts whose
 * fingerprints differ in at most 9 of 64 bits (≥ 85% of bits equal) are candidates; the
 * final call compares their shingle sets directly (Jaccard), because short drafts built
 * on the same channel template can share a fingerprint neighbourhood without being copies.
 */

export const SHINGLE = 3;
export const HAMMING_MAX = 9;
export const JACCARD_MIN = 0.85;

/** Case, width and punctuation folded away; what is left is the wording. */
export function normalizeForShingles(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

export function shingles(text: string, k = SHINGLE): string[] {
  const t = normalizeForShingles(text);
  const chars = Array.from(t);
  if (chars.length <= k) return chars.length ? [chars.join('')] : [];
  const out: string[] = [];
  for (let i = 0; i + k <= chars.length; i++) out.push(chars.slice(i, i + k).join(''));
  return out;
}

/** FNV-1a, 32-bit, with a seed so two independent halves make a 64-bit hash. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (murmur3 fmix32) so nearby inputs spread over all bits
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** The fingerprint as 16 hex digits (high half first). */
export function simhash(text: string): string {
  const counts = new Map<string, number>();
  for (const s of shingles(text)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const v = new Float64Array(64);
  for (const [s, w] of counts) {
    const hi = fnv1a(s, 0x9e3779b9);
    const lo = fnv1a(s, 0x7f4a7c15);
    for (let b = 0; b < 32; b++) {
      v[b] = v[b]! + ((hi >>> b) & 1 ? w : -w);
      v[32 + b] = v[32 + b]! + ((lo >>> b) & 1 ? w : -w);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hi |= 1 << b;
    if (v[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount32(x: number): number {
  let n = x >>> 0;
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hamming(a: string, b: string): number {
  const ah = parseInt(a.slice(0, 8), 16);
  const al = parseInt(a.slice(8), 16);
  const bh = parseInt(b.slice(0, 8), 16);
  const bl = parseInt(b.slice(8), 16);
  return popcount32(ah ^ bh) + popcount32(al ^ bl);
}

export function jaccard(a: string, b: string): number {
  const A = new Set(shingles(a));
  const B = new Set(shingles(b));
  if (A.size === 0 && B.size === 0) return 1;
  let inter = 0;
  for (const s of A) if (B.has(s)) inter++;
  return inter / (A.size + B.size - inter);
}

export interface NearDuplicate {
  draftId: string;
  hamming: number;
  /** Share of the 64 fingerprint bits that agree. */
  similarity: number;
  jaccard: number;
}

/**
 * The closest earlier text that is a near-duplicate of `text`, if any. Candidates are
 * compared newest first; the one with the highest Jaccard wins.
 */
export function findNearDuplicate(text: string, hash: string, earlier: { id: string; simhash: string; text: string }[]): NearDuplicate | undefined {
  let best: NearDuplicate | undefined;
  for (const e of earlier) {
    const h = hamming(hash, e.simhash);
    if (h > HAMMING_MAX) continue;
    const j = jaccard(text, e.text);
    if (j < JACCARD_MIN) continue;
    if (!best || j > best.jaccard) best = { draftId: e.id, hamming: h, similarity: 1 - h / 64, jaccard: Math.round(j * 1000) / 1000 };
  }
  return best;
}
