import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, KNOWLEDGE_DIR } from '../../../src/knowledge-files.js';
import { coverageGaps, coverageMatrix, type CoverageMinimums } from '../../../src/domain/knowledge/coverage.js';
import { findDosePatterns, parseDocument, documentProblems, CLINICIAN_SECTION } from '../../../src/domain/knowledge/document.js';

// loadKnowledge throws with every problem in every file: parse errors, front matter,
// taxonomy ids, sources, required sections, length, dose patterns and duplicate ids.
const docs = loadKnowledge();

describe('knowledge base', () => {
  it('has at least 160 valid documents, at least 80 per locale', () => {
    expect(docs.length).toBeGreaterThanOrEqual(160);
    expect(docs.filter((d) => d.doc.meta.locale === 'zh-CN').length).toBeGreaterThanOrEqual(80);
    expect(docs.filter((d) => d.doc.meta.locale === 'en').length).toBeGreaterThanOrEqual(80);
  });

  it('meets every cell of the committed coverage matrix (stage × topic × locale)', () => {
    const minimums = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'coverage.json'), 'utf8')) as CoverageMinimums;
    expect(Object.keys(minimums).length).toBe(10);
    expect(coverageGaps(coverageMatrix(docs.map((d) => d.doc.meta)), minimums)).toEqual([]);
  });

  it('every document says when to see a clinician, with at least one level label', () => {
    for (const { doc, file } of docs) {
      const section = doc.sections.find((s) => s.heading === CLINICIAN_SECTION[doc.meta.locale]);
      const labels = doc.meta.locale === 'zh-CN' ? /\*\*(紧急|今天就医|近期就诊)\*\*/ : /\*\*(Emergency|Urgent \(today\)|Routine)\*\*/;
      expect(labels.test(section?.text ?? ''), file).toBe(true);
    }
  });

  it('covers safe sleep, choking, car seats and poisoning explicitly in both locales', () => {
    const text = (l: string) => docs.filter((d) => d.doc.meta.locale === l).map((d) => d.doc.body).join('\n');
    const zh = text('zh-CN');
    const en = text('en').toLowerCase();
    for (const w of ['仰卧', '噎', '安全座椅', '中毒']) expect(zh).toContain(w);
    for (const w of ['on their back', 'choking', 'car seat', 'poison']) expect(en).toContain(w);
  });
});

describe('document validation', () => {
  const good = readFileSync(join(KNOWLEDGE_DIR, docs[0]!.file.replace(/^knowledge\//, '')), 'utf8');

  it('rejects an unknown stage or topic id', () => {
    expect(() => parseDocument('x.md', good.replace(/^stages: .*$/m, 'stages: [teenager]'))).toThrow(/stages/);
    expect(() => parseDocument('x.md', good.replace(/^topics: .*$/m, 'topics: [astrology]'))).toThrow(/topics/);
  });

  it('rejects a document without sources', () => {
    const noSources = good.replace(/^sources:\n(?:\s+.*\n)+/m, 'sources: []\n');
    expect(() => parseDocument('x.md', noSources)).toThrow(/sources/);
  });

  it('flags a missing required section', () => {
    const d = parseDocument('x.md', good.replace(/^## (Common worries|常见担心)$/m, '## Other'));
    expect(documentProblems(`/${docs[0]!.file}`, d).join()).toMatch(/missing section/);
  });

  it('recognises medicine doses but not food or supplement amounts', () => {
    expect(findDosePatterns('Give 15 mg/kg every 6 hours')).not.toEqual([]);
    expect(findDosePatterns('退烧药每次5毫升')).not.toEqual([]);
    expect(findDosePatterns('give 2.5 ml of the syrup')).not.toEqual([]);
    expect(findDosePatterns('每天补充维生素D 400 IU')).toEqual([]);
    expect(findDosePatterns('offer 120 ml of formula per feed')).toEqual([]);
    expect(findDosePatterns('每次喂奶约90毫升')).toEqual([]);
  });
});
