/**
 * Splits guidance text into sentences a composer can select, keeping list items whole.
 * A bold lead-in ("**Keep it dry.** Fold the nappy…") stays with the sentence it
 * introduces; a bold question ("**Is it safe to…?**", from "common worries") and a bold
 * label over a list ("**OGTT检查前后：**") are dropped, since neither reads as an answer.
 */
export function splitSentences(text: string, locale: 'zh-CN' | 'en'): string[] {
  return splitPassages(text, locale).map((p) => p.text);
}

export interface Passage {
  text: string;
  /** The bold label the sentence sits under ("OGTT检查前后："), which says what it is about. */
  label?: string;
}

/**
 * `worries`: the text is a "common worries" section, whose bold lead-ins are the parent's
 * own words ("**My baby wakes every 2 hours.**"): they are left out even without a "?".
 */
export function splitPassages(text: string, locale: 'zh-CN' | 'en', opts: { worries?: boolean } = {}): Passage[] {
  const out: Passage[] = [];
  let label: string | undefined;
  for (const rawLine of text.split(/\n/)) {
    if (!rawLine.trim()) continue;
    let line = rawLine.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
    let lead = '';
    const bold = /^\*\*(.+?)\*\*\s*(.*)$/.exec(line);
    // "**Emergency**: call…" is one sentence with a bold word, not a lead-in
    if (bold && /^[:：,，;；]/.test(bold[2]!)) line = `${bold[1]}${bold[2]}`;
    else if (bold) {
      const [, head, rest] = bold as unknown as [string, string, string];
      if (!rest && /[:：]\s*$/.test(head)) {
        label = head;
        continue;
      }
      if (/[?？]\s*$/.test(head) || (opts.worries && rest)) line = rest;
      else if (rest) {
        lead = head.trim();
        line = rest;
      } else line = head;
    }
    line = line.replace(/\*\*/g, '').trim();
    if (!line) continue;
    if (/^#/.test(line)) {
      label = undefined;
      continue;
    }
    // a label covers the list under it; a plain paragraph ends it
    if (label && !/^\s*(?:[-*+]|\d+[.)])\s+/.test(rawLine)) label = undefined;
    const parts = locale === 'zh-CN' ? line.split(/(?<=[。！？；])/) : line.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/);
    let first = true;
    for (const p of parts) {
      let s = p.trim();
      if (first && lead && s) {
        s = locale === 'zh-CN' ? `${lead}${s}` : `${lead} ${s}`;
        first = false;
      }
      if (s.length >= (locale === 'zh-CN' ? 6 : 20)) out.push(label ? { text: s, label } : { text: s });
    }
  }
  return out;
}
