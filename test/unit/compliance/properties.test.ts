import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCompliance, MARKETS, PRODUCT_TYPES, CHANNELS, type CheckInput } from '../../../src/domain/compliance/index.js';

/** Pieces of real triggers, separators and evasions, so random strings actually reach the rules. */
const fragments = [
  '最', '好', '最好', '第一', '第①', 'NO.', '１', 'top', '1', '母乳', '接近', '湿疹', '缓解', '治疗', '广告', '链接', '98%', '妈妈', '研究表明',
  '這', '濕疹', '\u200b', '\u200d', '\ufeff', ' ', '*', '-', '（', '）', '，', '。', '\n', '\r\n', '😀', 'é', 'e\u0301', '\ud800', '\udfff',
  'best', '#1', 'cures', 'colic', 'link in bio', '#ad', 'sponsored', '9 out of 10 moms', 'not', 'never', '2024年', '天猫', '数据来源：',
];

const contextArb: fc.Arbitrary<Omit<CheckInput, 'text'>> = fc.record(
  {
    market: fc.constantFrom(...MARKETS),
    locale: fc.constantFrom('zh-CN' as const, 'en' as const),
    productType: fc.constantFrom(...PRODUCT_TYPES),
    channel: fc.constantFrom(...CHANNELS),
    commercial: fc.boolean(),
    formulaStage: fc.constantFrom(1 as const, 2 as const, 3 as const),
  },
  { requiredKeys: [] },
);

const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((a) => a.join('')),
);

describe('properties', () => {
  it('never throws on arbitrary text and context', () => {
    fc.assert(
      fc.property(textArb, contextArb, (text, ctx) => {
        checkCompliance({ text, ...ctx });
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps every offset inside the text and every match equal to its slice', () => {
    fc.assert(
      fc.property(textArb, contextArb, (text, ctx) => {
        const r = checkCompliance({ text, ...ctx });
        for (const f of r.findings) {
          expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThanOrEqual(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.match).toBe(text.slice(f.start, f.end));
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.legalBasis.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('derives the verdict from the findings', () => {
    fc.assert(
      fc.property(textArb, contextArb, (text, ctx) => {
        const r = checkCompliance({ text, ...ctx });
        const sev = new Set(r.findings.map((f) => f.severity));
        expect(r.verdict).toBe(sev.has('block') ? 'block' : sev.has('review') ? 'review' : 'pass');
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same verdict for Traditional and Simplified spellings of the same copy', () => {
    const pairs: [string, string][] = [
      ['這款紙尿褲是全網最乾爽的', '这款纸尿裤是全网最干爽的'],
      ['本品可有效緩解寶寶濕疹', '本品可有效缓解宝宝湿疹'],
      ['最接近母乳的嬰兒配方', '最接近母乳的婴儿配方'],
    ];
    for (const [t, s] of pairs) {
      const ctx = { productType: 'infant_formula' as const };
      expect(checkCompliance({ text: t, ...ctx }).verdict).toBe(checkCompliance({ text: s, ...ctx }).verdict);
    }
  });
});
