/** `npm run kb:report`: validates knowledge/, prints counts, lengths and the stage × topic × locale coverage matrix. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge, KNOWLEDGE_DIR } from '../knowledge-files.js';
import { bodyLength } from '../domain/knowledge/document.js';
import { coverageGaps, coverageMatrix, formatCoverage, type CoverageMinimums } from '../domain/knowledge/coverage.js';

const docs = loadKnowledge();
const byLocale = (l: string) => docs.filter((d) => d.doc.meta.locale === l);
const stats = (l: string) => {
  const lens = byLocale(l).map((d) => bodyLength(d.doc)).sort((a, b) => a - b);
  const sum = lens.reduce((a, b) => a + b, 0);
  return `${lens.length} documents, length min ${lens[0]} / median ${lens[Math.floor(lens.length / 2)]} / max ${lens.at(-1)} ${l === 'zh-CN' ? 'characters' : 'words'}, total ${sum}`;
};
console.log(`Knowledge base: ${docs.length} documents`);
console.log(`  zh-CN: ${stats('zh-CN')}`);
console.log(`  en:    ${stats('en')}`);
const pending = docs.filter((d) => d.doc.meta.reviewed === 'pending').length;
console.log(`  clinician review: ${docs.length - pending} reviewed, ${pending} pending\n`);
const matrix = coverageMatrix(docs.map((d) => d.doc.meta));
console.log(formatCoverage(matrix));
const minimums = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'coverage.json'), 'utf8')) as CoverageMinimums;
const gaps = coverageGaps(matrix, minimums);
console.log(gaps.length ? `\n${gaps.length} cells below the committed minimum:\n  ${gaps.join('\n  ')}` : '\nEvery cell of the committed coverage matrix (knowledge/coverage.json) is met.');
if (gaps.length) process.exitCode = 1;
