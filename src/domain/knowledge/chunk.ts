import type { KnowledgeDocument } from './document.js';
import { REQUIRED_SECTIONS } from './document.js';

export interface Chunk {
  id: string;
  docId: string;
  ord: number;
  heading: string;
  /** The chunk's own text, as shown in snippets and used by the answer composer. */
  text: string;
  /** What gets embedded and indexed: title and heading give a short section its context. */
  indexText: string;
}

/** Target sizes: about 200 English words or 450 Chinese characters per chunk. */
const TARGET = { en: 1300, 'zh-CN': 450 } as const;

function splitParagraphs(text: string, target: number): string[] {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let cur = '';
  for (const p of paras) {
    if (cur && cur.length + p.length > target) {
      out.push(cur);
      cur = '';
    }
    if (p.length > target * 1.6) {
      // one very long paragraph or list: cut at line breaks, then sentence ends
      const pieces = p.split(/\n/);
      for (const piece of pieces) {
        if (cur && cur.length + piece.length > target) {
          out.push(cur);
          cur = '';
        }
        cur = cur ? `${cur}\n${piece}` : piece;
      }
    } else {
      cur = cur ? `${cur}\n\n${p}` : p;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Chunks follow the document's `##` sections, so a chunk never mixes "what to do" with
 * "when to see a clinician". The intro joins the key points. The sources section is
 * not indexed (sources travel as metadata on every chunk).
 */
export function chunkDocument(doc: KnowledgeDocument): Chunk[] {
  const locale = doc.meta.locale;
  const sourcesHeading = REQUIRED_SECTIONS[locale][4];
  const target = TARGET[locale];
  const chunks: Chunk[] = [];
  const push = (heading: string, text: string) => {
    for (const piece of splitParagraphs(text, target)) {
      const ord = chunks.length;
      chunks.push({
        id: `${doc.meta.id}#${ord}`,
        docId: doc.meta.id,
        ord,
        heading,
        text: piece,
        indexText: `${doc.meta.title}\n${heading}\n${piece}`,
      });
    }
  };
  const sections = doc.sections.filter((s) => s.heading !== sourcesHeading && s.text.length > 0);
  const first = sections[0];
  if (doc.intro && first) {
    push(first.heading, `${doc.intro}\n\n${first.text}`);
    sections.shift();
  } else if (doc.intro) push(doc.meta.title, doc.intro);
  for (const s of sections) push(s.heading, s.text);
  return chunks;
}
