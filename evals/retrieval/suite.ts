/**
 * Retrieval eval: hand-labelled parent queries (evals/retrieval/queries.*.jsonl) with the
 * documents a good search must return. Runs the real pipeline (stage read from the query,
 * hybrid search) on the embedded database with the local embedder.
 */
import { fileURLToPath } from 'node:url';
import type { EvalSuite } from '../harness.js';
import { readJsonl } from '../lib/jsonl.js';
import { knowledgeDb } from '../lib/kb.js';
import { searchKnowledge } from '../../src/domain/knowledge/search.js';
import { resolveStages } from '../../src/domain/knowledge/stage-filter.js';
import type { Locale, StageId } from '../../src/domain/knowledge/taxonomy.js';

interface Query {
  id: string;
  locale: Locale;
  query: string;
  stage?: StageId;
  relevant: string[];
}

const FIRST_YEAR = ['newborn', 'infant_1_6m', 'infant_6_12m'];

/** A result violates the stage when it is stage-specific and shares nothing with the query's stage. */
export function violatesStage(docStages: string[], stage: string): boolean {
  if (docStages.length === 0 || docStages.includes(stage)) return false;
  if (FIRST_YEAR.includes(stage) && docStages.includes('postpartum')) return false;
  return true;
}

const suite: EvalSuite = {
  name: 'retrieval',
  async run() {
    const queries = readJsonl<Query>(fileURLToPath(new URL('.', import.meta.url)), 'queries.');
    const { db, embedder } = await knowledgeDb();
    const today = new Date().toISOString().slice(0, 10);
    let hit5 = 0;
    let mrr = 0;
    let ndcg = 0;
    let violations = 0;
    const misses: string[] = [];
    const stageMisses: string[] = [];
    const perLocale: Record<string, { n: number; hit: number }> = {};
    try {
      for (const q of queries) {
        // A labelled stage stands for what the child profile would give (the widget and API
        // send one); without it, the stage is read from the question like in production.
        const stages = q.stage ? resolveStages({ stage: q.stage, today }) : resolveStages({ text: q.query, today });
        const results = await searchKnowledge(db, embedder, { query: q.query, locale: q.locale, stages: stages.stages, k: 10 });
        const ids = results.map((r) => r.docId);
        const rel = new Set(q.relevant);
        const top5 = ids.slice(0, 5);
        const found5 = top5.filter((id) => rel.has(id)).length;
        // recall@5: share of the relevant documents found in the top 5 (capped by 5)
        const recall = found5 / Math.min(rel.size, 5);
        hit5 += recall;
        const first = ids.findIndex((id) => rel.has(id));
        mrr += first >= 0 ? 1 / (first + 1) : 0;
        let dcg = 0;
        ids.forEach((id, i) => (dcg += rel.has(id) ? 1 / Math.log2(i + 2) : 0));
        let idcg = 0;
        for (let i = 0; i < Math.min(rel.size, 10); i++) idcg += 1 / Math.log2(i + 2);
        ndcg += dcg / idcg;
        if (q.stage) {
          const bad = results.filter((r) => violatesStage(r.stages, q.stage!));
          violations += bad.length;
          if (bad.length) stageMisses.push(`${q.id} "${q.query}" labelled ${q.stage}: ${bad.map((b) => b.docId).join(',')}`);
        }
        const pl = (perLocale[q.locale] ??= { n: 0, hit: 0 });
        pl.n++;
        pl.hit += recall;
        if (recall < 1) misses.push(`${q.id} [${q.locale}] "${q.query}" want ${q.relevant.join(',')} got ${top5.join(',')}`);
      }
    } finally {
      await db.close();
    }
    const n = queries.length;
    return {
      metrics: {
        queries: n,
        recall_at_5: hit5 / n,
        mrr_at_10: mrr / n,
        ndcg_at_10: ndcg / n,
        stage_violations: violations,
      },
      report:
        Object.entries(perLocale)
          .map(([l, v]) => `${l}: ${v.n} queries, recall@5 ${(v.hit / v.n).toFixed(3)}`)
          .join('\n') +
        (stageMisses.length ? `\nstage violations in ${stageMisses.length} queries:\n  ${stageMisses.slice(0, 40).join('\n  ')}` : '') +
        (misses.length ? `\nmisses (${misses.length}):\n  ${misses.slice(0, 40).join('\n  ')}` : ''),
      details: { misses, stageMisses },
    };
  },
};
export default suite;
