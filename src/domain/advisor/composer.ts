import type { SearchResult } from '../knowledge/search.js';
import { foldText, searchTerms } from '../text/tokens.js';
import { splitPassages, splitSentences } from './sentences.js';
import { expandQuery } from '../knowledge/synonyms.js';
import { breaksSafetyChecks } from './checks.js';
import { CLINICIAN_SECTION, KEY_POINTS_SECTION, REQUIRED_SECTIONS } from '../knowledge/document.js';
import type { TriageLevel } from '../triage/index.js';

export interface ComposeInput {
  question: string;
  locale: 'zh-CN' | 'en';
  level: TriageLevel;
  /** Retrieved chunks, best first; may hold several chunks of one document. */
  chunks: SearchResult[];
  /** Every section of the retrieved documents, in document order, by document id. */
  documents: Map<string, { heading: string; text: string }[]>;
}

export interface Composed {
  answer: string;
  /** Document ids actually used, in citation order. */
  citedDocs: string[];
}

/** Sentences in an answer, not counting the "when to see a clinician" lines. */
const MAX_SENTENCES = 12;
const MAX_KEY_POINTS = 6;
/** Per question word found in a document's title, on the RRF scale (≈ 0.01–0.05). */
const TITLE_BONUS = 0.008;
/** Weight of the document's coverage of the question (0–1), on the same RRF scale. */
const COVERAGE_WEIGHT = 0.04;

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

/** The document sections the composer treats apart (every document has them: document.ts). */
const sectionsOf = (locale: 'zh-CN' | 'en') => ({
  keyPoints: KEY_POINTS_SECTION[locale],
  whatToDo: REQUIRED_SECTIONS[locale][1]!,
  worries: REQUIRED_SECTIONS[locale][2]!,
  clinician: CLINICIAN_SECTION[locale],
});

/**
 * What kind of answer a question asks for: "when / how long" wants a time, "how much /
 * how many" a quantity. A sentence carrying one is usually the one that answers it.
 */
const ASKS_TIME = /\b(when|how long|how soon|how often|what age|by what age|how many (weeks|days|months|hours|times))\b|什么时候|多久|多长时间|几周|几天|几个月|几岁|多大|何时|几点|哪天/i;
const ASKS_AMOUNT = /\b(how (much|many)|what temperature|what dose)\b|多少|几次|几杯|几份|多大量|几度|多少度/i;
const HAS_TIME = /\d+(\.\d+)?\s*(to|-|–|or|and)?\s*\d*\s*(weeks?|days?|months?|hours?|minutes?|years?)\b|\d+\s*[～~\-–至到]?\s*\d*\s*(周|天|个月|月龄|小时|分钟|岁|年)|[一二两三四五六七八九十半]+\s*(周|天|个月|小时|分钟|岁)/i;
const HAS_AMOUNT = /\d|[一二两三四五六七八九十半]+\s*(次|杯|份|毫升|克|勺|片)/;

/**
 * The offline answer composer: ranks the sentences of the retrieved guidance, the best
 * document's key points and its opening paragraph by how well they answer the question,
 * keeps the best, and presents them in the documents' own order, wrapped in a short intro,
 * the "when to see a clinician" advice where it matters, and citations. Every sentence
 * comes from a cited document; nothing is generated.
 */
export function composeAnswer(input: ComposeInput): Composed {
  const t = TEXT[input.locale];
  const sec = sectionsOf(input.locale);
  if (input.chunks.length === 0) return { answer: t.noResult, citedDocs: [] };

  // the question's words plus the guidance's own words for them ("拉肚子" → "腹泻")
  const qTerms = new Set(searchTerms(expandQuery(foldText(input.question), input.locale)));
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
  // How much of the question the whole document speaks to: the share of the question's
  // words (weighted by rarity across these documents) found anywhere in it. Retrieval
  // scores single chunks; this looks at the document a parent would be sent to.
  const docTerms = new Map([...docScore.keys()].map((id) => [id, new Set((input.documents.get(id) ?? []).flatMap((sec) => searchTerms(sec.text)))] as const));
  const qWeight = new Map([...qTerms].map((term) => {
    const n = [...docTerms.values()].filter((d) => d.has(term)).length;
    return [term, n === 0 ? 0 : Math.log(1 + docTerms.size / n)] as const;
  }));
  const qTotal = [...qWeight.values()].reduce((a, b) => a + b, 0) || 1;
  const coverage = (id: string) => [...qWeight].reduce((sum, [term, w]) => sum + (docTerms.get(id)!.has(term) ? w : 0), 0) / qTotal;
  // each document's value once, not in every comparison of the sort
  const docValue = new Map(
    [...docScore].map(([id, scores]) => {
      const s = [...scores].sort((a, b) => b - a);
      return [id, (s[0] ?? 0) + 0.5 * (s[1] ?? 0) + TITLE_BONUS * titleHits(id) + COVERAGE_WEIGHT * coverage(id)] as const;
    }),
  );
  const docOrder = [...docValue.keys()].sort((a, b) => docValue.get(b)! - docValue.get(a)!);
  const topDoc = docOrder[0]!;
  const topTopics = new Set(input.chunks.find((c) => c.docId === topDoc)!.topics);
  // The best document leads; a second one may add what it says, if it is on the same
  // topic and retrieval found it nearly as relevant.
  const second = docOrder
    .slice(1)
    .find((id) => docValue.get(id)! >= 0.8 * docValue.get(topDoc)! && input.chunks.find((c) => c.docId === id)!.topics.some((t) => topTopics.has(t)));
  const usableDocs = new Set([topDoc, ...(second ? [second] : [])]);

  interface Candidate {
    text: string;
    docId: string;
    /** Reading order: the section's place in its document, then the sentence's. */
    chunkRank: number;
    pos: number;
    prior: number;
    keyPoint: boolean;
    terms: string[];
  }
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const key = (t: string) => t.replace(/\s+/g, '');
  const add = (c: Omit<Candidate, 'terms' | 'keyPoint'> & { keyPoint?: boolean; label?: string }) => {
    if (isQuestion(c.text) || seen.has(key(c.text)) || breaksSafetyChecks(c.text)) return;
    seen.add(key(c.text));
    // a list item is scored with the label it sits under: "空腹8～14小时" is about the OGTT
    const terms = [...new Set(searchTerms(c.label ? `${c.label} ${c.text}` : c.text))];
    candidates.push({ text: c.text, docId: c.docId, chunkRank: c.chunkRank, pos: c.pos, prior: c.prior, keyPoint: c.keyPoint ?? false, terms });
  };

  // Every section of the chosen documents, not only the retrieved chunks: retrieval finds
  // the document, the ranking below finds the sentences. The key-points section opens
  // with the document's introduction; its bullets are what the authors say matters most.
  const retrievedRank = new Map(input.chunks.map((c, i) => [`${c.docId}\u0000${c.text}`, i] as const));
  const isBullet = (l: string) => /^\s*[-*+]\s+/.test(l);
  for (const docId of docOrder.filter((id) => usableDocs.has(id))) {
    (input.documents.get(docId) ?? []).forEach((section, ord) => {
      if (section.heading === sec.clinician) return;
      const base = docId === topDoc ? 1.0 : 0;
      if (section.heading === sec.keyPoints) {
        const lines = section.text.split('\n');
        const opening = lines.filter((l) => l.trim() && !isBullet(l)).join('\n');
        splitSentences(opening, input.locale).forEach((text, pos) => add({ text, docId, chunkRank: ord, pos, prior: base + 0.3 }));
        const bullets = splitSentences(lines.filter(isBullet).join('\n'), input.locale);
        bullets.forEach((text, pos) => add({ text, docId, chunkRank: ord, pos: 100 + pos, prior: base + 0.6, keyPoint: true }));
        return;
      }
      const rank = retrievedRank.get(`${docId}\u0000${section.text}`);
      const worries = section.heading === sec.worries;
      splitPassages(section.text, input.locale, { worries }).forEach((p, pos) => {
        let prior = base - pos * 0.02 + (rank === undefined ? 0 : 0.3 - rank * 0.05);
        // sentences from "what to do" are preferred, those from "common worries" come last
        if (section.heading === sec.whatToDo) prior += 0.35;
        if (worries) prior -= 0.1;
        add({ text: p.text, label: p.label, docId, chunkRank: ord, pos, prior });
      });
    });
  }

  // Rarer words say more about what the question is after: weigh each question word by
  // how few of the candidate sentences contain it.
  const df = new Map<string, number>();
  for (const c of candidates) for (const term of c.terms) if (qTerms.has(term)) df.set(term, (df.get(term) ?? 0) + 1);
  const asksTime = ASKS_TIME.test(input.question);
  const asksAmount = ASKS_AMOUNT.test(input.question);
  const score = (c: Candidate) => {
    let rel = 0;
    for (const term of c.terms) if (qTerms.has(term)) rel += Math.log(1 + candidates.length / df.get(term)!);
    let s = c.prior + (rel / Math.sqrt(c.terms.length + 4)) * 1.2;
    if (asksTime && HAS_TIME.test(c.text)) s += 0.5;
    if (asksAmount && HAS_AMOUNT.test(c.text)) s += 0.4;
    // a sentence that shares no word with the question earns its place only as a key point
    if (rel === 0 && !c.keyPoint) s -= 1;
    return s;
  };
  // The best document's key points always lead (its authors' own answer to "what matters
  // most"); the best of everything else fills the rest.
  const keyPoints = candidates.filter((c) => c.keyPoint && c.docId === topDoc).slice(0, MAX_KEY_POINTS);
  const rest = candidates
    .filter((c) => !keyPoints.includes(c))
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, MAX_SENTENCES - keyPoints.length)
    .map((x) => x.c);
  const picked = [...keyPoints, ...rest]
    // read in the documents' own order: by document rank, then section, then position
    .sort((a, b) => docOrder.indexOf(a.docId) - docOrder.indexOf(b.docId) || a.chunkRank - b.chunkRank || a.pos - b.pos);

  const cited = [...new Set(picked.map((p) => p.docId))];
  const num = (docId: string) => cited.indexOf(docId) + 1;
  const title = input.chunks.find((c) => c.docId === topDoc)!.title;

  const lines: string[] = [];
  if (input.level === 'urgent') lines.push(t.urgent, '');
  else if (input.level === 'routine') lines.push(t.routine, '');
  lines.push(t.intro(title));
  for (const p of picked) lines.push(`- ${p.text} [${num(p.docId)}]`);

  const clinician = (input.documents.get(topDoc) ?? []).filter((s) => s.heading === sec.clinician).map((s) => s.text).join('\n');
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
