/**
 * The small subset of Markdown the advisor writes (lines, "- " bullets, "1. " lists,
 * **bold**, [n] citation markers), parsed into plain data. The widget builds DOM nodes
 * from it with textContent, so answer text can never become markup.
 */
export type Inline = { t: 'text'; v: string } | { t: 'b'; v: string } | { t: 'ref'; n: number };
export type Block = { t: 'p'; inl: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d{1,2}[.)、]\s+/;
const HEADING = /^\s*#{1,6}\s+/;

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const re = /\[(\d{1,2})\]|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ t: 'text', v: s.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ t: 'ref', n: Number(m[1]) });
    else out.push({ t: 'b', v: m[2] ?? '' });
    last = re.lastIndex;
  }
  if (last < s.length) out.push({ t: 'text', v: s.slice(last) });
  return out;
}

export function parseAnswer(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const kind = BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : null;
    if (kind) {
      const item = parseInline(line.replace(kind === 'ul' ? BULLET : NUMBERED, ''));
      const prev = blocks[blocks.length - 1];
      if (prev && prev.t === kind) prev.items.push(item);
      else blocks.push({ t: kind, items: [item] });
    } else if (HEADING.test(line)) {
      blocks.push({ t: 'p', inl: [{ t: 'b', v: line.replace(HEADING, '') }] });
    } else {
      blocks.push({ t: 'p', inl: parseInline(line.trim()) });
    }
  }
  return blocks;
}

/** Only http(s) links are ever rendered: no javascript:, data: or relative surprises. */
export function safeUrl(u: unknown): string | null {
  if (typeof u !== 'string') return null;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
