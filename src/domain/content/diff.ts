/**
 * A small word/character diff (Myers' O(ND) algorithm over tokens). Chinese is compared
 * character by character, Latin text word by word, so a reviewer sees "最好的 → 温和的"
 * rather than a whole rewritten line.
 */
export interface DiffOp {
  op: '=' | '-' | '+';
  text: string;
}

const TOKEN_RE = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*|\s+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** Above this many differing tokens the middle is reported as one replacement. */
const MAX_D = 4000;

export function diffTokens(a: string[], b: string[]): DiffOp[] {
  // common prefix and suffix are cheap and usually most of a revision
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    if (!text) return;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  push('=', a.slice(0, pre).join(''));
  for (const o of myers(A, B)) push(o.op, o.text);
  push('=', a.slice(a.length - suf).join(''));
  return ops;
}

function myers(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0) return [{ op: '+', text: b.join('') }];
  if (m === 0) return [{ op: '-', text: a.join('') }];
  const max = Math.min(n + m, MAX_D);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return [{ op: '-', text: a.join('') }, { op: '+', text: b.join('') }];
  // walk the trace backwards to recover the edit script
  const rev: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vv = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[off + k - 1]! < vv[off + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vv[off + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      rev.push({ op: '=', text: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) rev.push({ op: '+', text: b[prevY]! });
      else rev.push({ op: '-', text: a[prevX]! });
    }
    x = prevX;
    y = prevY;
  }
  return rev.reverse();
}

export function diffText(a: string, b: string): DiffOp[] {
  return diffTokens(tokenize(a), tokenize(b));
}

/** Applies a diff to its source text: a check that a stored diff reproduces the new text. */
export function applyDiff(ops: DiffOp[]): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const o of ops) {
    if (o.op !== '+') from += o.text;
    if (o.op !== '-') to += o.text;
  }
  return { from, to };
}

/**
 * A compact form for storage and display: long unchanged runs are cut to their ends.
 * The full texts of each revision are stored separately, so nothing is lost.
 */
export function compactDiff(ops: DiffOp[], context = 24): DiffOp[] {
  return ops.map((o) => {
    if (o.op !== '=' || o.text.length <= context * 2 + 1) return o;
    return { op: '=', text: `${o.text.slice(0, context)}…${o.text.slice(-context)}` };
  });
}
