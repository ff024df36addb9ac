import type { SearchResult } from '../knowledge/search.js';
import { searchTerms } from '../text/tokens.js';
import { splitSentences } from './sentences.js';
import type { TriageLevel } from './types.js';

export interface ComposeInput {
  question: string;
  locale: 'zh-CN' | 'en';
  level: TriageLevel;
  /** Retrieved chunks, best first; may hold several chunks of one document. */
  chunks: SearchResult[];
  /** The document's "when to see a clinician" chunks, by document id (not always retrieved). */
  clinicianSections: Map<string, string>;
}

export interface Composed {
  answer: string;
  /** Document ids actually used, in citation order. */
  citedDocs: string[];
}

const MAX_SENTENCES = 6;

const TEXT = {
  'zh-CN': {
    intro: (title: string) => `关于「${title}」，以下几点最值得先了解：`,
    noResult: '抱歉，我们的育儿指南里暂时没有找到与这个问题直接相关的内容。你可以换个说法再问一次，或者说说宝宝的月龄和具体情况；如果担心孩子的健康，请咨询医生。',
    whenToSee: '什么时候需要就医：',
    urgent: '根据你描述的情况，建议今天就联系医生或带孩子就诊；如果情况加重，请立即拨打急救电话或去急诊。',
    routine: '根据你描述的情况，建议在近几天内预约医生看一看。下面的信息可以先帮你了解和护理：',
    disclaimer: '以上是一般性育儿信息，不能替代医生的面诊和诊断。',
  },
  en: {
    intro: (title: string) => `Here is what matters most about "${title}":`,
    noResult: "Sorry, our guidance doesn't cover this question directly yet. Try asking in other words, or tell us your child's age and what is happening; if you are worried about your child's health, please talk to a doctor.",
    whenToSee: 'When to see a clinician:',
    urgent: 'From what you describe, please contact a doctor or have your child seen today; if things get worse, call your emergency number or go to the emergency department.',
    routine: 'From what you describe, it is worth booking a visit with a clinician in the next few days. Meanwhile, this guidance may help:',
    disclaimer: 'This is general parenting information, not a diagnosis or a substitute for seeing a clinician.',
  },
} as const;

/** Section headings whose sentences are most useful as answers. */
const ACTION_HEADINGS = /要点|怎么做|key points|what to do/i;
const WORRY_HEADINGS = /常见担心|common worries/i;

/**
 * The offline answer composer: picks the sentences of the retrieved guidance that best
 * match the question, orders them as the documents do, and wraps them in a short intro,
 * the "when to see a clinician" advice where it matters, and citations. Every sentence
 * comes from a cited document; nothing is generated.
 */
export function composeAnswer(input: ComposeInput): Composed {
  const t = TEXT[input.locale];
  if (input.chunks.length === 0) return { answer: t.noResult, citedDocs: [] };

  const qTerms = new Set(searchTerms(input.question));
  const docOrder = [...new Set(input.chunks.map((c) => c.docId))];
  const topDoc = docOrder[0]!;
  // Prefer the best document, but allow a second document to contribute.
  const usableDocs = new Set(docOrder.slice(0, 2));

  interface Candidate {
    text: string;
    docId: string;
    chunkRank: number;
    pos: number;
    score: number;
  }
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  input.chunks.forEach((chunk, chunkRank) => {
    if (!usableDocs.has(chunk.docId)) return;
    if (/什么时候需要就医|when to see a clinician/i.test(chunk.heading)) return;
    splitSentences(chunk.text, input.locale).forEach((s, pos) => {
      const key = s.replace(/\s+/g, '');
      if (seen.has(key)) return;
      seen.add(key);
      const terms = searchTerms(s);
      let overlap = 0;
      for (const term of new Set(terms)) if (qTerms.has(term)) overlap += 1;
      const density = overlap / Math.sqrt(terms.length + 4);
      let score = density * 2 + (chunk.docId === topDoc ? 0.6 : 0) - chunkRank * 0.08 - pos * 0.03;
      if (ACTION_HEADINGS.test(chunk.heading)) score += 0.35;
      if (WORRY_HEADINGS.test(chunk.heading)) score += overlap > 1 ? 0.25 : -0.1;
      candidates.push({ text: s, docId: chunk.docId, chunkRank, pos, score });
    });
  });

  const picked = candidates
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SENTENCES)
    // read in the documents' own order: by document rank, then chunk, then position
    .sort((a, b) => docOrder.indexOf(a.docId) - docOrder.indexOf(b.docId) || a.chunkRank - b.chunkRank || a.pos - b.pos);

  const cited = [...new Set(picked.map((p) => p.docId))];
  const num = (docId: string) => cited.indexOf(docId) + 1;
  const title = input.chunks.find((c) => c.docId === topDoc)!.title;

  const lines: string[] = [];
  if (input.level === 'urgent') lines.push(t.urgent, '');
  else if (input.level === 'routine') lines.push(t.routine, '');
  lines.push(t.intro(title));
  for (const p of picked) lines.push(`- ${p.text} [${num(p.docId)}]`);

  const clinician = input.clinicianSections.get(topDoc);
  if (clinician) {
    const bullets = splitSentences(clinician, input.locale);
    // urgent/routine: the full advice; self-care: the most urgent item, so parents know the line
    const chosen = input.level === 'self_care' ? bullets.slice(0, 2) : bullets.slice(0, 4);
    if (chosen.length) {
      if (!cited.includes(topDoc)) cited.push(topDoc);
      lines.push('', t.whenToSee);
      for (const b of chosen) lines.push(`- ${b} [${num(topDoc)}]`);
    }
  }
  lines.push('', t.disclaimer);
  return { answer: lines.join('\n'), citedDocs: cited };
}
