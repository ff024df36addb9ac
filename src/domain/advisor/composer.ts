import type { SearchResult } from '../knowledge/search.js';
import { searchTerms } from '../text/tokens.js';
import { splitSentences } from './sentences.js';
import type { TriageLevel } from '../triage/index.js';

export interface ComposeInput {
  question: string;
  locale: 'zh-CN' | 'en';
  level: TriageLevel;
  /** Retrieved chunks, best first; may hold several chunks of one document. */
  chunks: SearchResult[];
  /** The document's "when to see a clinician" chunks, by document id (not always retrieved). */
  clinicianSections: Map<string, string>;
  /** The document's key points, by document id (its own summary; not always retrieved). */
  keyPoints: Map<string, string>;
}

export interface Composed {
  answer: string;
  /** Document ids actually used, in citation order. */
  citedDocs: string[];
}

/** Key points of the best document, then the best-matching sentences from the rest. */
const MAX_KEY_POINTS = 6;
const MAX_EXTRA = 6;
/** Per question word found in a document's title, on the RRF scale (≈ 0.01–0.05). */
const TITLE_BONUS = 0.008;

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

/** A question heading from "common worries" reads oddly on its own in an answer. */
const isQuestion = (s: string) => /[?？]\s*$/.test(s);

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
  // Documents ranked by their best chunks together: a document with two matching
  // sections beats one with a single lucky sentence.
  const docScore = new Map<string, number[]>();
  for (const c of input.chunks) docScore.set(c.docId, [...(docScore.get(c.docId) ?? []), c.score]);
  // A title is its document's most deliberate summary: words of the question found in it
  // count on top of the retrieval score.
  const titleHits = (id: string) => {
    const terms = new Set(searchTerms(input.chunks.find((c) => c.docId === id)!.title));
    return [...qTerms].filter((t) => terms.has(t)).length;
  };
  const docValue = (id: string) => {
    const s = (docScore.get(id) ?? []).sort((a, b) => b - a);
    return (s[0] ?? 0) + 0.5 * (s[1] ?? 0) + TITLE_BONUS * titleHits(id);
  };
  const docOrder = [...docScore.keys()].sort((a, b) => docValue(b) - docValue(a));
  const topDoc = docOrder[0]!;
  const topTopics = new Set(input.chunks.find((c) => c.docId === topDoc)!.topics);
  // The best document leads; a second one may add what it says, if it is on the same topic.
  const second = docOrder.slice(1).find((id) => input.chunks.find((c) => c.docId === id)!.topics.some((t) => topTopics.has(t)));
  const usableDocs = new Set([topDoc, ...(second ? [second] : [])]);
  const overlap = (s: string) => {
    const terms = searchTerms(s);
    let n = 0;
    for (const term of new Set(terms)) if (qTerms.has(term)) n += 1;
    return { n, density: n / Math.sqrt(terms.length + 4) };
  };

  interface Candidate {
    text: string;
    docId: string;
    chunkRank: number;
    pos: number;
    score: number;
  }
  const picked: Candidate[] = [];
  const seen = new Set<string>();
  const key = (t: string) => t.replace(/\s+/g, '');

  // 1. The best document's own key points: its authors' summary of what matters most.
  // (the key-points chunk starts with the document's intro; only its bullets are the points)
  const bullets = (input.keyPoints.get(topDoc) ?? '').split('\n').filter((l) => /^\s*[-*+]\s+/.test(l)).join('\n');
  const points = splitSentences(bullets, input.locale).filter((s) => !isQuestion(s));
  points.slice(0, MAX_KEY_POINTS).forEach((text, pos) => {
    seen.add(key(text));
    picked.push({ text, docId: topDoc, chunkRank: -1, pos, score: 0 });
  });

  // 2. The sentences of the retrieved guidance that best match the question.
  const candidates: Candidate[] = [];
  input.chunks.forEach((chunk, chunkRank) => {
    if (!usableDocs.has(chunk.docId)) return;
    if (/什么时候需要就医|when to see a clinician|要点|key points/i.test(chunk.heading)) return;
    splitSentences(chunk.text, input.locale).forEach((s, pos) => {
      if (isQuestion(s) || seen.has(key(s))) return;
      seen.add(key(s));
      const o = overlap(s);
      if (o.n === 0) return;
      let score = o.density * 2 + (chunk.docId === topDoc ? 1.0 : 0) - chunkRank * 0.08 - pos * 0.03;
      if (ACTION_HEADINGS.test(chunk.heading)) score += 0.35;
      if (WORRY_HEADINGS.test(chunk.heading)) score += o.n > 1 ? 0.25 : -0.1;
      candidates.push({ text: s, docId: chunk.docId, chunkRank, pos, score });
    });
  });
  const extra = points.length ? MAX_EXTRA : MAX_EXTRA + MAX_KEY_POINTS;
  picked.push(
    ...candidates
      .sort((a, b) => b.score - a.score)
      .slice(0, extra)
      // read in the documents' own order: by document rank, then chunk, then position
      .sort((a, b) => docOrder.indexOf(a.docId) - docOrder.indexOf(b.docId) || a.chunkRank - b.chunkRank || a.pos - b.pos),
  );

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
