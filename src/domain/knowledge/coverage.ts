import type { FrontMatter } from './document.js';
import { LOCALES, STAGE_IDS, TOPIC_IDS } from './taxonomy.js';

/** stage → topic → locale → number of documents. Stage-agnostic documents count for every stage. */
export type CoverageMatrix = Record<string, Record<string, Record<string, number>>>;

export function coverageMatrix(docs: FrontMatter[]): CoverageMatrix {
  const m: CoverageMatrix = {};
  for (const stage of STAGE_IDS) {
    m[stage] = {};
    for (const topic of TOPIC_IDS) m[stage]![topic] = Object.fromEntries(LOCALES.map((l) => [l, 0]));
  }
  for (const d of docs) {
    const stages = d.stages.length ? d.stages : STAGE_IDS;
    for (const s of stages) for (const t of d.topics) m[s]![t]![d.locale]! += 1;
  }
  return m;
}

/** Committed minimums: `{ "<stage>": { "<topic>": n } }`, required in each locale. */
export type CoverageMinimums = Record<string, Record<string, number>>;

export function coverageGaps(matrix: CoverageMatrix, minimums: CoverageMinimums): string[] {
  const gaps: string[] = [];
  for (const [stage, topics] of Object.entries(minimums)) {
    for (const [topic, min] of Object.entries(topics)) {
      for (const locale of LOCALES) {
        const have = matrix[stage]?.[topic]?.[locale] ?? 0;
        if (have < min) gaps.push(`${stage} × ${topic} × ${locale}: ${have} < ${min}`);
      }
    }
  }
  return gaps;
}

export function formatCoverage(matrix: CoverageMatrix): string {
  const topics = TOPIC_IDS.filter((t) => STAGE_IDS.some((s) => LOCALES.some((l) => matrix[s]![t]![l]! > 0)));
  const short = (t: string) => t.slice(0, 9);
  const header = ['stage'.padEnd(15), ...topics.map((t) => short(t).padStart(9))].join(' ');
  const rows = STAGE_IDS.map((s) =>
    [s.padEnd(15), ...topics.map((t) => `${matrix[s]![t]!['zh-CN']}/${matrix[s]![t]!.en}`.padStart(9))].join(' '),
  );
  return [header, ...rows, '(cells: zh-CN/en document counts)'].join('\n');
}
