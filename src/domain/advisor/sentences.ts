/** Splits guidance text into sentences a composer can select, keeping list items whole. */
export function splitSentences(text: string, locale: 'zh-CN' | 'en'): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\n/)) {
    const line = rawLine
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/\*\*/g, '')
      .trim();
    if (!line || /^#/.test(line)) continue;
    const parts =
      locale === 'zh-CN'
        ? line.split(/(?<=[。！？；])/)
        : line.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/);
    for (const p of parts) {
      const s = p.trim();
      if (s.length >= (locale === 'zh-CN' ? 6 : 20)) out.push(s);
    }
  }
  return out;
}
