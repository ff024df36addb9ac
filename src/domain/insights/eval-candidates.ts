import type { Queryable } from '../../db/db.js';
import { redactPersonalData } from '../privacy/redact.js';
import type { InsightRange } from './range.js';
import { DEFAULT_MISS_THRESHOLD } from './events.js';

/**
 * Candidate eval cases for the team to label, in the formats of evals/advisor and
 * evals/retrieval. The label fields (expectedDocs, keyFacts, relevant, …) are left empty
 * on purpose: filling them from what the service answered would make the eval grade
 * itself. The extra fields (source, reason, comment, citedDocs, count, …) tell the
 * labeller why the case was picked.
 */
export interface AdvisorCandidate {
  id: string;
  locale: string;
  message: string;
  expectedDocs: string[];
  expectedTopics: string[];
  expectedStages: string[];
  keyFacts: string[][];
  mustNotContain: string[];
  source: 'thumbs_down';
  reason: string | null;
  comment: string | null;
  stage: string | null;
  citedDocs: string[];
  answeredAt: string;
}

export interface RetrievalCandidate {
  id: string;
  locale: string;
  query: string;
  relevant: string[];
  stage?: string;
  source: 'retrieval_miss';
  count: number;
  bestSimilarity: number;
}

export const MAX_CANDIDATES = 1000;

const LO = `(($2::date)::timestamp AT TIME ZONE $4::text)`;
const HI = `((($3::date) + 1)::timestamp AT TIME ZONE $4::text)`;

/** Thumbs-down answers in the range, each with the question that led to it. */
export async function thumbsDownCandidates(q: Queryable, tenantId: string, r: InsightRange, limit = MAX_CANDIDATES): Promise<AdvisorCandidate[]> {
  const res = await q.query<{ answer_id: string; locale: string; stage: string | null; reason: string | null; comment: string | null; citations: unknown; created_at: Date; question: string | null }>(
    `SELECT m.id AS answer_id, c.locale, m.stage, f.reason, f.comment, m.citations, m.created_at,
            (SELECT u.text FROM messages u
              WHERE u.conversation_id = m.conversation_id AND u.role = 'user' AND u.created_at <= m.created_at
              ORDER BY u.created_at DESC LIMIT 1) AS question
       FROM feedback f
       JOIN messages m ON m.id = f.message_id AND m.tenant_id = f.tenant_id
       JOIN conversations c ON c.id = m.conversation_id
      WHERE f.tenant_id = $1 AND f.rating = 'down' AND m.created_at >= ${LO} AND m.created_at < ${HI}
      ORDER BY m.created_at, m.id
      LIMIT ${Math.min(Math.max(limit, 1), MAX_CANDIDATES)}`,
    [tenantId, r.from, r.to, r.tz],
  );
  return res.rows
    .filter((row) => row.question)
    .map((row) => ({
      id: `td-${row.answer_id}`,
      locale: row.locale,
      message: row.question!,
      expectedDocs: [],
      expectedTopics: [],
      expectedStages: [],
      keyFacts: [],
      mustNotContain: [],
      source: 'thumbs_down',
      reason: row.reason,
      // comments are free text typed by the parent and stored as given: redact here
      comment: row.comment ? redactPersonalData(row.comment).text : null,
      stage: row.stage,
      citedDocs: Array.isArray(row.citations) ? [...new Set(row.citations.map((c: { docId?: unknown }) => c?.docId).filter((d): d is string => typeof d === 'string'))] : [],
      answeredAt: new Date(row.created_at).toISOString(),
    }));
}

/** Distinct low-similarity questions in the range, most frequent first. */
export async function retrievalMissCandidates(
  q: Queryable,
  tenantId: string,
  r: InsightRange,
  opts: { threshold?: number; limit?: number } = {},
): Promise<RetrievalCandidate[]> {
  const res = await q.query<{ first_id: string; question: string; locale: string; stage: string | null; n: number; best: number }>(
    `SELECT min(id)::text AS first_id, min(question_text) AS question, locale, (array_agg(stage ORDER BY at DESC))[1] AS stage,
            count(*)::int AS n, max(best_similarity)::float8 AS best
       FROM insight_events
      WHERE tenant_id = $1 AND kind = 'chat_turn' AND question_text IS NOT NULL AND best_similarity < $5
        AND at >= ${LO} AND at < ${HI}
      GROUP BY lower(btrim(question_text)), locale
      ORDER BY n DESC, best ASC, 2
      LIMIT ${Math.min(Math.max(opts.limit ?? MAX_CANDIDATES, 1), MAX_CANDIDATES)}`,
    [tenantId, r.from, r.to, r.tz, opts.threshold ?? DEFAULT_MISS_THRESHOLD],
  );
  return res.rows.map((row) => ({
    id: `rm-${row.first_id}`,
    locale: row.locale,
    query: row.question,
    relevant: [],
    ...(row.stage ? { stage: row.stage } : {}),
    source: 'retrieval_miss',
    count: row.n,
    bestSimilarity: Math.round(row.best * 10_000) / 10_000,
  }));
}

/** JSON Lines: one case per line, each line ending in a newline. */
export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r) + '\n').join('');
}
