import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../src/domain/advisor/composer.js';
import { splitSentences } from '../../../src/domain/advisor/sentences.js';
import type { SearchResult } from '../../../src/domain/knowledge/search.js';

const chunk = (docId: string, heading: string, text: string, score: number, title: string, topics = ['daily_care']): SearchResult => ({
  docId,
  chunkId: `${docId}#${heading}`,
  title,
  heading,
  text,
  stages: ['newborn'],
  topics,
  sources: [],
  reviewed: 'pending',
  score,
  similarity: 0.5,
});

const cordDoc = [
  {
    heading: 'Key points',
    text: 'The stump dries out and falls off by itself, usually within 1 to 3 weeks.\n\n- Keep the stump clean and dry and let air get to it.\n- Never pull it off, even when it is hanging by a thread.',
  },
  { heading: 'What to do', text: '**Clean only if needed.** Wipe around the base with cooled boiled water, then pat dry.\n\n**Is it normal that it smells a bit?** A slight smell as it comes away is common.' },
  { heading: 'When to see a clinician', text: '- Urgent (today): redness spreading onto the tummy, pus or a foul smell.' },
];
const bathDoc = [
  { heading: 'Key points', text: 'Newborns need a bath only two or three times a week.\n\n- Keep the water around 37 °C.' },
  { heading: 'What to do', text: 'Use plain water for the first weeks and skip bubble bath.' },
];

function compose(question: string) {
  return composeAnswer({
    question,
    locale: 'en',
    level: 'self_care',
    chunks: [
      // retrieval put the bathing document first; the cord document answers the question
      chunk('bath', 'What to do', bathDoc[1]!.text, 0.031, 'Bathing your newborn'),
      chunk('cord', 'What to do', cordDoc[1]!.text, 0.03, 'Belly button care in the first weeks'),
    ],
    documents: new Map([
      ['cord', cordDoc],
      ['bath', bathDoc],
    ]),
  });
}

describe('offline answer composer', () => {
  it('leads with the document that covers the question, even when retrieval ranked it second', () => {
    const out = compose('When will the umbilical cord stump fall off and how do I clean the stump?');
    expect(out.citedDocs[0]).toBe('cord');
    expect(out.answer).toContain('Belly button care in the first weeks');
  });

  it('answers a "when" question with the time the document gives, from its opening paragraph', () => {
    expect(compose('When will the umbilical cord stump fall off?').answer).toContain('within 1 to 3 weeks');
  });

  it('keeps a bold lead-in with its sentence and leaves out worry questions and their bold', () => {
    const answer = compose('How do I clean the umbilical cord stump?').answer;
    expect(answer).toContain('Clean only if needed. Wipe around the base with cooled boiled water');
    expect(answer).not.toContain('Is it normal that it smells');
    expect(answer).not.toContain('**');
  });

  it('adds the when-to-see-a-clinician guidance of the lead document, cited', () => {
    const answer = compose('When will the umbilical cord stump fall off?').answer;
    expect(answer).toMatch(/When to see a clinician:\n- Urgent \(today\): redness spreading onto the tummy, pus or a foul smell\. \[1\]/);
  });

  it('never quotes a sentence that would fail the dose or diagnosis checks', () => {
    const out = composeAnswer({
      question: '宝宝发烧怎么办',
      locale: 'zh-CN',
      level: 'self_care',
      chunks: [chunk('fever', '怎么做', '多喝水，注意休息。宝宝发烧时每次吃5毫升退烧药。', 0.03, '宝宝发烧怎么护理', ['illness'])],
      documents: new Map([['fever', [{ heading: '怎么做', text: '宝宝发烧时多喂奶，注意观察精神状态。\n宝宝发烧时每次吃5毫升退烧药。\n你的宝宝得了肺炎。' }]]]),
    });
    expect(out.answer).toContain('多喂奶');
    expect(out.answer).not.toContain('5毫升');
    expect(out.answer).not.toContain('肺炎');
  });
});

describe('sentence splitting', () => {
  it('keeps list items whole and drops a bold label that only introduces a list', () => {
    expect(splitSentences('**OGTT检查前后：**\n- 检查前一晚开始空腹8～14小时，可以喝少量白开水；\n- 检查期间安静坐着。', 'zh-CN')).toEqual([
      '检查前一晚开始空腹8～14小时，可以喝少量白开水；',
      '检查期间安静坐着。',
    ]);
  });
});

describe('sentence splitting of worries and labels', () => {
  it("leaves out a worry's bold lead-in (the parent's words) and keeps the answer", async () => {
    const { splitPassages } = await import('../../../src/domain/advisor/sentences.js');
    const text = '**My baby wakes every 2 hours again.** Sleep often goes backwards at about 4 months.';
    expect(splitPassages(text, 'en', { worries: true }).map((p) => p.text)).toEqual(['Sleep often goes backwards at about 4 months.']);
  });

  it('reads "**Emergency**: call…" as one sentence', () => {
    expect(splitSentences('- **Emergency**: your baby turns blue - call your local emergency number.', 'en')).toEqual([
      'Emergency: your baby turns blue - call your local emergency number.',
    ]);
  });
});
