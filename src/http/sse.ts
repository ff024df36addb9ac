/**
 * Splits an answer into stream deltas at natural breaks (line ends, sentence ends), so
 * the widget can render text progressively and screen readers announce whole phrases.
 */
export function deltas(text: string): string[] {
  const parts = text.split(/(?<=\n)|(?<=[。！？])|(?<=[.!?] )/);
  const out: string[] = [];
  for (const p of parts) {
    if (!p) continue;
    if (out.length && out[out.length - 1]!.length < 12) out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}
