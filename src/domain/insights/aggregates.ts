import type { Queryable } from '../../db/db.js';
import type { InsightRange } from './range.js';
import { DEFAULT_MISS_THRESHOLD } from './events.js';
import { BOOKING_EVENT_STEPS, REVIEW_STAGES, TRIAGE_LEVELS, VERDICTS, type ReviewStage, type TriageLevel, type Verdict } from './taxonomy.js';

/**
 * Aggregates for the insights API, computed in SQL. Where the facts live in the source
 * tables (messages, feedback, bookings) they are read there, so the figures follow
 * erasure and retention exactly; insight_events supplies only what nothing else keeps.
 *
 * Every query takes the same four parameters: $1 tenant, $2 first day, $3 last day,
 * $4 time zone. A day runs from local midnight to local midnight in that zone.
 *
 * Each function sends its few queries at once: pass the pool (the app's Db), not a
 * transaction client, or they queue one behind the other.
 */
const LO = `(($2::date)::timestamp AT TIME ZONE $4::text)`;
const HI = `((($3::date) + 1)::timestamp AT TIME ZONE $4::text)`;
const inRange = (col: string) => `${col} >= ${LO} AND ${col} < ${HI}`;
const day = (col: string) => `to_char(${col} AT TIME ZONE $4::text, 'YYYY-MM-DD')`;
const params = (tenantId: string, r: InsightRange) => [tenantId, r.from, r.to, r.tz];

export interface RangeOut {
  from: string;
  to: string;
  tz: string;
}
const rangeOut = (r: InsightRange): RangeOut => ({ from: r.from, to: r.to, tz: r.tz });

/** Sorted by count (descending), then id, so lists are stable between calls. */
function ranked<T>(rows: T[], key: keyof T, count: keyof T): T[] {
  return [...rows].sort((a, b) => Number(b[count]) - Number(a[count]) || String(a[key]).localeCompare(String(b[key])));
}

const round = (n: number | null | undefined, digits = 1): number | null => (n == null || !Number.isFinite(Number(n)) ? null : Math.round(Number(n) * 10 ** digits) / 10 ** digits);

// ─── Conversations ─────────────────────────────────────────────────────────────────

export interface ConversationInsights {
  range: RangeOut;
  totals: { questions: number; conversations: number; answers: number };
  byDay: { date: string; questions: number; conversations: number; stages: Record<string, number> }[];
  byStage: { stage: string; questions: number }[];
  byTopic: { topic: string; answers: number }[];
  handoff: { reason: string; questions: number }[];
  sentiment: { negative: number; neutral: number; positive: number; distress: number };
}

/** Questions (user messages) by day and stage, answers by cited topic, and the signals of each question. */
export async function conversationInsights(q: Queryable, tenantId: string, r: InsightRange): Promise<ConversationInsights> {
  const p = params(tenantId, r);
  const [totals, perDay, perDayStage, topics, signals] = await Promise.all([
    q.query<{ questions: number; conversations: number; answers: number }>(
      `SELECT count(*) FILTER (WHERE role = 'user')::int AS questions,
              count(DISTINCT conversation_id) FILTER (WHERE role = 'user')::int AS conversations,
              count(*) FILTER (WHERE role = 'assistant')::int AS answers
         FROM messages WHERE tenant_id = $1 AND ${inRange('created_at')}`,
      p,
    ),
    q.query<{ d: string; questions: number; conversations: number }>(
      `SELECT ${day('created_at')} AS d, count(*)::int AS questions, count(DISTINCT conversation_id)::int AS conversations
         FROM messages WHERE tenant_id = $1 AND role = 'user' AND ${inRange('created_at')} GROUP BY 1`,
      p,
    ),
    q.query<{ d: string; stage: string; n: number }>(
      `SELECT ${day('created_at')} AS d, coalesce(stage, 'unknown') AS stage, count(*)::int AS n
         FROM messages WHERE tenant_id = $1 AND role = 'user' AND ${inRange('created_at')} GROUP BY 1, 2`,
      p,
    ),
    // An answer citing two documents on sleep counts once for sleep.
    q.query<{ topic: string; n: number }>(
      `SELECT t.topic, count(DISTINCT m.id)::int AS n
         FROM messages m
         CROSS JOIN LATERAL (
           SELECT DISTINCT jsonb_array_elements_text(CASE WHEN jsonb_typeof(c->'topics') = 'array' THEN c->'topics' ELSE '[]'::jsonb END) AS topic
             FROM jsonb_array_elements(CASE WHEN jsonb_typeof(m.citations) = 'array' THEN m.citations ELSE '[]'::jsonb END) c
         ) t
        WHERE m.tenant_id = $1 AND m.role = 'assistant' AND ${inRange('m.created_at')}
        GROUP BY 1`,
      p,
    ),
    q.query<{ reason: string | null; label: string | null; distress: boolean | null; n: number }>(
      `SELECT signals->'handoff'->>'reason' AS reason, signals->'sentiment'->>'label' AS label,
              (signals->'sentiment'->>'distress')::boolean AS distress, count(*)::int AS n
         FROM messages WHERE tenant_id = $1 AND role = 'user' AND signals IS NOT NULL AND ${inRange('created_at')}
        GROUP BY 1, 2, 3`,
      p,
    ),
  ]);

  const dayMap = new Map(r.days.map((d) => [d, { date: d, questions: 0, conversations: 0, stages: {} as Record<string, number> }]));
  for (const row of perDay.rows) Object.assign(dayMap.get(row.d) ?? {}, { questions: row.questions, conversations: row.conversations });
  const stageTotals = new Map<string, number>();
  for (const row of perDayStage.rows) {
    const entry = dayMap.get(row.d);
    if (entry) entry.stages[row.stage] = row.n;
    stageTotals.set(row.stage, (stageTotals.get(row.stage) ?? 0) + row.n);
  }
  const handoff = new Map<string, number>();
  const sentiment = { negative: 0, neutral: 0, positive: 0, distress: 0 };
  for (const row of signals.rows) {
    if (row.reason) handoff.set(row.reason, (handoff.get(row.reason) ?? 0) + row.n);
    if (row.label === 'negative' || row.label === 'neutral' || row.label === 'positive') sentiment[row.label] += row.n;
    if (row.distress) sentiment.distress += row.n;
  }
  return {
    range: rangeOut(r),
    totals: totals.rows[0] ?? { questions: 0, conversations: 0, answers: 0 },
    byDay: [...dayMap.values()],
    byStage: ranked([...stageTotals].map(([stage, questions]) => ({ stage, questions })), 'stage', 'questions'),
    byTopic: ranked(topics.rows.map((t) => ({ topic: t.topic, answers: t.n })), 'topic', 'answers'),
    handoff: ranked([...handoff].map(([reason, questions]) => ({ reason, questions })), 'reason', 'questions'),
    sentiment,
  };
}

// ─── Triage ────────────────────────────────────────────────────────────────────────

type LevelCounts = Record<TriageLevel, number>;
const zeroLevels = (): LevelCounts => ({ emergency: 0, urgent: 0, routine: 0, self_care: 0 });

export interface TriageInsights {
  range: RangeOut;
  totals: LevelCounts;
  byDay: ({ date: string } & LevelCounts)[];
  /**
   * Turns answered `urgent` or `emergency`, and how many of them were followed within
   * 24 hours by a booking in the same conversation that was confirmed.
   */
  escalations: {
    turns: number;
    booked: number;
    rate: number | null;
    byLevel: { level: 'emergency' | 'urgent'; turns: number; booked: number }[];
  };
  /** Booking steps in the range: offered/slots_viewed/slot_taken from events, the rest from bookings. */
  bookingSteps: { offered: number; slotsViewed: number; slotTaken: number; held: number; confirmed: number; cancelled: number; completed: number; expired: number };
}

export const BOOKING_WINDOW_HOURS = 24;

export async function triageInsights(q: Queryable, tenantId: string, r: InsightRange): Promise<TriageInsights> {
  const p = params(tenantId, r);
  const [levels, escalations, bookings, steps] = await Promise.all([
    q.query<{ d: string; level: string; n: number }>(
      `SELECT ${day('created_at')} AS d, triage->>'level' AS level, count(*)::int AS n
         FROM messages WHERE tenant_id = $1 AND role = 'assistant' AND triage IS NOT NULL AND ${inRange('created_at')}
        GROUP BY 1, 2`,
      p,
    ),
    q.query<{ level: 'emergency' | 'urgent'; turns: number; booked: number }>(
      `SELECT level, count(*)::int AS turns, count(*) FILTER (WHERE booked)::int AS booked FROM (
         SELECT m.triage->>'level' AS level,
                EXISTS (SELECT 1 FROM bookings b
                         WHERE b.tenant_id = m.tenant_id AND b.conversation_id = m.conversation_id::text
                           AND b.created_at >= m.created_at AND b.created_at < m.created_at + interval '${BOOKING_WINDOW_HOURS} hours'
                           AND b.confirmed_at IS NOT NULL) AS booked
           FROM messages m
          WHERE m.tenant_id = $1 AND m.role = 'assistant' AND m.triage->>'level' IN ('urgent', 'emergency') AND ${inRange('m.created_at')}
       ) e GROUP BY level`,
      p,
    ),
    q.query<{ held: number; confirmed: number; cancelled: number; completed: number; expired: number }>(
      `SELECT count(*) FILTER (WHERE ${inRange('created_at')})::int AS held,
              count(*) FILTER (WHERE ${inRange('confirmed_at')})::int AS confirmed,
              count(*) FILTER (WHERE ${inRange('cancelled_at')})::int AS cancelled,
              count(*) FILTER (WHERE ${inRange('completed_at')})::int AS completed,
              count(*) FILTER (WHERE ${inRange('expired_at')})::int AS expired
         FROM bookings WHERE tenant_id = $1`,
      p,
    ),
    q.query<{ step: string; n: number }>(
      `SELECT step, count(*)::int AS n FROM insight_events
        WHERE tenant_id = $1 AND kind = 'booking_step' AND ${inRange('at')} GROUP BY 1`,
      p,
    ),
  ]);

  const totals = zeroLevels();
  const dayMap = new Map(r.days.map((d) => [d, { date: d, ...zeroLevels() }]));
  for (const row of levels.rows) {
    if (!(TRIAGE_LEVELS as readonly string[]).includes(row.level)) continue;
    const level = row.level as TriageLevel;
    totals[level] += row.n;
    const entry = dayMap.get(row.d);
    if (entry) entry[level] += row.n;
  }
  const byLevel = (['emergency', 'urgent'] as const).map((level) => {
    const row = escalations.rows.find((e) => e.level === level);
    return { level, turns: row?.turns ?? 0, booked: row?.booked ?? 0 };
  });
  const turns = byLevel.reduce((s, l) => s + l.turns, 0);
  const booked = byLevel.reduce((s, l) => s + l.booked, 0);
  const step = (s: (typeof BOOKING_EVENT_STEPS)[number]) => steps.rows.find((x) => x.step === s)?.n ?? 0;
  const b = bookings.rows[0] ?? { held: 0, confirmed: 0, cancelled: 0, completed: 0, expired: 0 };
  return {
    range: rangeOut(r),
    totals,
    byDay: [...dayMap.values()],
    escalations: { turns, booked, rate: turns ? round(booked / turns, 4) : null, byLevel },
    bookingSteps: { offered: step('offered'), slotsViewed: step('slots_viewed'), slotTaken: step('slot_taken'), ...b },
  };
}

// ─── Feedback ──────────────────────────────────────────────────────────────────────

export interface FeedbackInsights {
  range: RangeOut;
  /** rate = answers with feedback / answers; answers are counted on the day they were given. */
  totals: { answers: number; withFeedback: number; up: number; down: number; rate: number | null };
  byDay: { date: string; answers: number; up: number; down: number }[];
  downReasons: { reason: string; answers: number }[];
}

export async function feedbackInsights(q: Queryable, tenantId: string, r: InsightRange): Promise<FeedbackInsights> {
  const p = params(tenantId, r);
  const [perDay, reasons] = await Promise.all([
    q.query<{ d: string; answers: number; up: number; down: number }>(
      `SELECT ${day('m.created_at')} AS d, count(*)::int AS answers,
              count(*) FILTER (WHERE f.rating = 'up')::int AS up, count(*) FILTER (WHERE f.rating = 'down')::int AS down
         FROM messages m LEFT JOIN feedback f ON f.message_id = m.id AND f.tenant_id = m.tenant_id
        WHERE m.tenant_id = $1 AND m.role = 'assistant' AND ${inRange('m.created_at')}
        GROUP BY 1`,
      p,
    ),
    q.query<{ reason: string; n: number }>(
      `SELECT coalesce(f.reason, 'unspecified') AS reason, count(*)::int AS n
         FROM feedback f JOIN messages m ON m.id = f.message_id AND m.tenant_id = f.tenant_id
        WHERE f.tenant_id = $1 AND f.rating = 'down' AND m.role = 'assistant' AND ${inRange('m.created_at')}
        GROUP BY 1`,
      p,
    ),
  ]);
  const dayMap = new Map(r.days.map((d) => [d, { date: d, answers: 0, up: 0, down: 0 }]));
  const totals = { answers: 0, withFeedback: 0, up: 0, down: 0, rate: null as number | null };
  for (const row of perDay.rows) {
    const entry = dayMap.get(row.d);
    if (entry) Object.assign(entry, { answers: row.answers, up: row.up, down: row.down });
    totals.answers += row.answers;
    totals.up += row.up;
    totals.down += row.down;
  }
  totals.withFeedback = totals.up + totals.down;
  totals.rate = totals.answers ? round(totals.withFeedback / totals.answers, 4) : null;
  return {
    range: rangeOut(r),
    totals,
    byDay: [...dayMap.values()],
    downReasons: ranked(reasons.rows.map((x) => ({ reason: x.reason, answers: x.n })), 'reason', 'answers'),
  };
}

// ─── Latency ───────────────────────────────────────────────────────────────────────

export interface LatencyInsights {
  range: RangeOut;
  /** Milliseconds, continuous percentiles (percentile_cont), one decimal. */
  byMode: { mode: string; answers: number; p50: number | null; p95: number | null; p99: number | null; mean: number | null }[];
  byDay: { date: string; answers: number; p50: number | null; p95: number | null }[];
}

export async function latencyInsights(q: Queryable, tenantId: string, r: InsightRange): Promise<LatencyInsights> {
  const p = params(tenantId, r);
  const [modes, perDay] = await Promise.all([
    q.query<{ mode: string; n: number; p: number[]; mean: number }>(
      `SELECT coalesce(mode, 'unknown') AS mode, count(*)::int AS n,
              percentile_cont(ARRAY[0.5, 0.95, 0.99]::float8[]) WITHIN GROUP (ORDER BY latency_ms) AS p,
              avg(latency_ms)::float8 AS mean
         FROM messages WHERE tenant_id = $1 AND role = 'assistant' AND latency_ms IS NOT NULL AND ${inRange('created_at')}
        GROUP BY 1`,
      p,
    ),
    q.query<{ d: string; n: number; p: number[] }>(
      `SELECT ${day('created_at')} AS d, count(*)::int AS n,
              percentile_cont(ARRAY[0.5, 0.95]::float8[]) WITHIN GROUP (ORDER BY latency_ms) AS p
         FROM messages WHERE tenant_id = $1 AND role = 'assistant' AND latency_ms IS NOT NULL AND ${inRange('created_at')}
        GROUP BY 1`,
      p,
    ),
  ]);
  const order = ['online', 'offline', 'fixed', 'unknown'];
  const dayMap = new Map(r.days.map((d) => [d, { date: d, answers: 0, p50: null as number | null, p95: null as number | null }]));
  for (const row of perDay.rows) {
    const entry = dayMap.get(row.d);
    if (entry) Object.assign(entry, { answers: row.n, p50: round(row.p[0]), p95: round(row.p[1]) });
  }
  return {
    range: rangeOut(r),
    byMode: modes.rows
      .map((m) => ({ mode: m.mode, answers: m.n, p50: round(m.p[0]), p95: round(m.p[1]), p99: round(m.p[2]), mean: round(m.mean) }))
      .sort((a, b) => order.indexOf(a.mode) - order.indexOf(b.mode)),
    byDay: [...dayMap.values()],
  };
}

// ─── Retrieval misses ──────────────────────────────────────────────────────────────

export interface RetrievalMissInsights {
  range: RangeOut;
  threshold: number;
  /** Turns that retrieved, and those whose best similarity was under the threshold. */
  totals: { turns: number; misses: number; rate: number | null };
  top: { question: string; locale: string; stage: string | null; count: number; bestSimilarity: number; lastAt: string }[];
}

/**
 * The questions the knowledge base answered worst: grouped by their redacted text
 * (case and surrounding space ignored), most frequent first. Only turns under the
 * recording threshold kept their text, so a `threshold` above it lists no more text.
 */
export async function retrievalMisses(
  q: Queryable,
  tenantId: string,
  r: InsightRange,
  opts: { threshold?: number; limit?: number } = {},
): Promise<RetrievalMissInsights> {
  const threshold = opts.threshold ?? DEFAULT_MISS_THRESHOLD;
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 200);
  const p = [...params(tenantId, r), threshold];
  const [totals, top] = await Promise.all([
    q.query<{ turns: number; misses: number }>(
      `SELECT count(*)::int AS turns, count(*) FILTER (WHERE best_similarity < $5)::int AS misses
         FROM insight_events WHERE tenant_id = $1 AND kind = 'chat_turn' AND best_similarity IS NOT NULL AND ${inRange('at')}`,
      p,
    ),
    q.query<{ question: string; locale: string; stage: string | null; n: number; best: number; last_at: Date }>(
      `SELECT min(question_text) AS question, locale, (array_agg(stage ORDER BY at DESC))[1] AS stage, count(*)::int AS n,
              max(best_similarity)::float8 AS best, max(at) AS last_at
         FROM insight_events
        WHERE tenant_id = $1 AND kind = 'chat_turn' AND question_text IS NOT NULL AND best_similarity < $5 AND ${inRange('at')}
        GROUP BY lower(btrim(question_text)), locale
        ORDER BY n DESC, best ASC, 1
        LIMIT ${limit}`,
      p,
    ),
  ]);
  const t = totals.rows[0] ?? { turns: 0, misses: 0 };
  return {
    range: rangeOut(r),
    threshold,
    totals: { ...t, rate: t.turns ? round(t.misses / t.turns, 4) : null },
    top: top.rows.map((x) => ({
      question: x.question,
      locale: x.locale,
      stage: x.stage,
      count: x.n,
      bestSimilarity: round(x.best, 4) ?? 0,
      lastAt: new Date(x.last_at).toISOString(),
    })),
  };
}

// ─── Compliance ────────────────────────────────────────────────────────────────────

type VerdictCounts = Record<Verdict, number>;
const zeroVerdicts = (): VerdictCounts => ({ pass: 0, review: 0, block: 0 });

export interface ComplianceInsights {
  range: RangeOut;
  totals: { checks: number; findings: number } & VerdictCounts;
  byDay: ({ date: string; findings: number; categories: Record<string, number> } & VerdictCounts)[];
  byCategory: { category: string; findings: number; checks: number }[];
  byProductType: ({ productType: string; checks: number; findings: number } & VerdictCounts)[];
  byChannel: ({ channel: string; checks: number; findings: number } & VerdictCounts)[];
}

export async function complianceInsights(q: Queryable, tenantId: string, r: InsightRange): Promise<ComplianceInsights> {
  const p = params(tenantId, r);
  const base = `FROM insight_events WHERE tenant_id = $1 AND kind = 'compliance_check' AND ${inRange('at')}`;
  const [verdicts, categories, categoryTotals, products, channels] = await Promise.all([
    q.query<{ d: string; verdict: Verdict; n: number; findings: number }>(
      `SELECT ${day('at')} AS d, verdict, count(*)::int AS n, sum(cardinality(categories))::int AS findings ${base} GROUP BY 1, 2`,
      p,
    ),
    q.query<{ d: string; category: string; n: number }>(
      `SELECT ${day('at')} AS d, c AS category, count(*)::int AS n
         FROM insight_events CROSS JOIN LATERAL unnest(categories) AS c
        WHERE tenant_id = $1 AND kind = 'compliance_check' AND ${inRange('at')} GROUP BY 1, 2`,
      p,
    ),
    q.query<{ category: string; findings: number; checks: number }>(
      `SELECT c AS category, count(*)::int AS findings, count(DISTINCT id)::int AS checks
         FROM insight_events CROSS JOIN LATERAL unnest(categories) AS c
        WHERE tenant_id = $1 AND kind = 'compliance_check' AND ${inRange('at')} GROUP BY 1`,
      p,
    ),
    q.query<{ key: string; verdict: Verdict; n: number; findings: number }>(
      `SELECT coalesce(product_type, 'unspecified') AS key, verdict, count(*)::int AS n, sum(cardinality(categories))::int AS findings ${base} GROUP BY 1, 2`,
      p,
    ),
    q.query<{ key: string; verdict: Verdict; n: number; findings: number }>(
      `SELECT coalesce(channel, 'unspecified') AS key, verdict, count(*)::int AS n, sum(cardinality(categories))::int AS findings ${base} GROUP BY 1, 2`,
      p,
    ),
  ]);

  const totals = { checks: 0, findings: 0, ...zeroVerdicts() };
  const dayMap = new Map(r.days.map((d) => [d, { date: d, findings: 0, categories: {} as Record<string, number>, ...zeroVerdicts() }]));
  for (const row of verdicts.rows) {
    if (!(VERDICTS as readonly string[]).includes(row.verdict)) continue;
    totals.checks += row.n;
    totals.findings += row.findings;
    totals[row.verdict] += row.n;
    const entry = dayMap.get(row.d);
    if (entry) {
      entry[row.verdict] += row.n;
      entry.findings += row.findings;
    }
  }
  for (const row of categories.rows) {
    const entry = dayMap.get(row.d);
    if (entry) entry.categories[row.category] = row.n;
  }
  const group = (rows: { key: string; verdict: Verdict; n: number; findings: number }[]) => {
    const m = new Map<string, { checks: number; findings: number } & VerdictCounts>();
    for (const row of rows) {
      const e = m.get(row.key) ?? { checks: 0, findings: 0, ...zeroVerdicts() };
      e.checks += row.n;
      e.findings += row.findings;
      if ((VERDICTS as readonly string[]).includes(row.verdict)) e[row.verdict] += row.n;
      m.set(row.key, e);
    }
    return [...m];
  };
  return {
    range: rangeOut(r),
    totals,
    byDay: [...dayMap.values()],
    byCategory: ranked(categoryTotals.rows, 'category', 'findings'),
    byProductType: ranked(group(products.rows).map(([productType, v]) => ({ productType, ...v })), 'productType', 'checks'),
    byChannel: ranked(group(channels.rows).map(([channel, v]) => ({ channel, ...v })), 'channel', 'checks'),
  };
}

// ─── Content review ────────────────────────────────────────────────────────────────

export type DraftState = ReviewStage | 'approved' | 'rejected' | 'published';
export const DRAFT_STATES: readonly DraftState[] = [...REVIEW_STAGES, 'approved', 'rejected', 'published'];

export interface ContentInsights {
  range: RangeOut;
  /**
   * Where drafts stand at the end of the range: those still waiting at a review stage
   * (whenever they entered it), and those that reached approved, rejected or published
   * within the range.
   */
  byState: { state: DraftState; drafts: number }[];
  decisions: { stage: ReviewStage; approve: number; reject: number; medianHours: number | null }[];
  /** From the latest submission to the final decision (business approval or a rejection), per draft decided in the range. */
  timeInReview: { drafts: number; medianHours: number | null; p90Hours: number | null };
}

export async function contentInsights(q: Queryable, tenantId: string, r: InsightRange): Promise<ContentInsights> {
  const p = params(tenantId, r);
  const events = `SELECT id, draft_id, review_stage, decision, at FROM insight_events WHERE tenant_id = $1 AND kind = 'review_decision' AND at < ${HI}`;
  const [states, stages, overall] = await Promise.all([
    q.query<{ state: DraftState; n: number }>(
      `WITH ev AS (${events}),
       last AS (SELECT DISTINCT ON (draft_id) draft_id, review_stage, decision, at FROM ev ORDER BY draft_id, at DESC, id DESC),
       s AS (SELECT at, CASE
                 WHEN decision = 'reject' THEN 'rejected'
                 WHEN decision = 'publish' THEN 'published'
                 WHEN decision = 'submit' THEN 'content'
                 WHEN review_stage = 'content' THEN 'compliance'
                 WHEN review_stage = 'compliance' THEN 'business'
                 ELSE 'approved' END AS state
               FROM last)
       SELECT state, count(*)::int AS n FROM s
        WHERE state IN ('content', 'compliance', 'business') OR at >= ${LO}
        GROUP BY 1`,
      p,
    ),
    // Time at a stage: from the event that put the draft there (its submission or the
    // previous stage's approval) to this stage's decision.
    q.query<{ stage: ReviewStage; approve: number; reject: number; median_s: number | null }>(
      `WITH ev AS (SELECT *, lag(at) OVER w AS prev_at, lag(decision) OVER w AS prev_decision FROM (${events}) e
                   WINDOW w AS (PARTITION BY draft_id ORDER BY at, id))
       SELECT review_stage AS stage,
              count(*) FILTER (WHERE decision = 'approve')::int AS approve,
              count(*) FILTER (WHERE decision = 'reject')::int AS reject,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - prev_at))
                FILTER (WHERE prev_decision IN ('submit', 'approve'))::float8 AS median_s
         FROM ev WHERE decision IN ('approve', 'reject') AND at >= ${LO}
        GROUP BY 1`,
      p,
    ),
    q.query<{ n: number; p: number[] | null }>(
      `WITH ev AS (${events}),
       done AS (
         SELECT e.at, (SELECT max(s.at) FROM ev s WHERE s.draft_id = e.draft_id AND s.decision = 'submit' AND s.at <= e.at) AS submitted_at
           FROM ev e
          WHERE (e.decision = 'reject' OR (e.decision = 'approve' AND e.review_stage = 'business')) AND e.at >= ${LO})
       SELECT count(*)::int AS n,
              percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY extract(epoch FROM at - submitted_at)) AS p
         FROM done WHERE submitted_at IS NOT NULL`,
      p,
    ),
  ]);
  const hours = (s: number | null | undefined) => (s == null ? null : round(Number(s) / 3600, 2));
  const o = overall.rows[0];
  return {
    range: rangeOut(r),
    byState: DRAFT_STATES.map((state) => ({ state, drafts: states.rows.find((x) => x.state === state)?.n ?? 0 })),
    decisions: REVIEW_STAGES.map((stage) => {
      const row = stages.rows.find((x) => x.stage === stage);
      return { stage, approve: row?.approve ?? 0, reject: row?.reject ?? 0, medianHours: hours(row?.median_s) };
    }),
    timeInReview: { drafts: o?.n ?? 0, medianHours: o?.n ? hours(o.p?.[0]) : null, p90Hours: o?.n ? hours(o.p?.[1]) : null },
  };
}
