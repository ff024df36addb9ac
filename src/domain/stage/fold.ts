import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/**
 * Text folding shared by the stage reader and the triage engine.
 *
 * Matching only needs *characters* to agree, so we fold Traditional → Simplified one
 * character at a time from OpenCC's own character table rather than running the phrase
 * converter: this keeps the text length unchanged, costs one Map lookup per character
 * (linear, no dictionary scan) and still covers every character OpenCC knows. Phrase-level
 * choices (乾隆 vs 干燥) do not matter for finding symptoms.
 */
let table: Uint16Array | undefined;

function parse(dict: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of dict.split('|')) {
    const sp = entry.indexOf(' ');
    if (sp <= 0) continue;
    const from = entry.slice(0, sp);
    const to = entry.slice(sp + 1).split(' ')[0] ?? '';
    // Only single BMP characters: a 1:1 map keeps offsets stable and lookups cheap.
    if (from.length === 1 && to.length === 1) out.push([from, to]);
  }
  return out;
}

/** A code-unit → code-unit table (0 = unchanged): one array read per character. */
function buildTable(): Uint16Array {
  const m = new Map<string, string>();
  for (const [t, s] of parse(TSCharacters)) m.set(t, s);
  // Taiwan/Hong Kong variant forms (說 vs 説, 溫 vs 温…): map a variant to Simplified only
  // when its standard Traditional form has a Simplified mapping. Entries such as 么 → 幺
  // are skipped, because 么 is already the Simplified character used in 什么/怎么.
  for (const [variant, std] of [...parse(TWVariantsRev), ...parse(HKVariantsRev)]) {
    if (m.has(variant)) continue;
    const s = m.get(std);
    if (s !== undefined && s !== variant) m.set(variant, s);
  }
  const t = new Uint16Array(0x10000);
  for (const [from, to] of m) if (from !== to) t[from.charCodeAt(0)] = to.charCodeAt(0);
  return t;
}

/** Traditional → Simplified, character by character; other characters unchanged. */
export function toSimplifiedChars(text: string): string {
  table ??= buildTable();
  let out = '';
  let run = 0; // start of the pending unchanged run, so we copy slices instead of chars
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue; // fast path: nothing below CJK Extension A needs mapping
    const s = table[c]!;
    if (s !== 0) {
      out += text.slice(run, i) + String.fromCharCode(s);
      run = i + 1;
    }
  }
  return run === 0 ? text : out + text.slice(run);
}

/**
 * NFKC (full-width → half-width, ℃ → °C), Traditional → Simplified, lower case, typographic
 * apostrophes and quotes to ASCII, runs of spaces/tabs to one space. Line breaks are kept:
 * they end sentences, which negation and topic scoping rely on.
 */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC');
  return toSimplifiedChars(nfkc)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[ \t\f\v\u00a0\u3000]+/g, ' ');
}
