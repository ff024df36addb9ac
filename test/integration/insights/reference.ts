import type { SeedCheck, SeedTurn } from './seed.js';

/**
 * Reference figures computed in plain JavaScript from the seed description, with none
 * of the SQL: days through Intl, percentiles by linear interpolation as PostgreSQL's
 * percentile_cont defines them. The tests compare the API with these, and a few figures
 * are also checked against numbers worked out by hand.
 */
export interface Range {
  from: string;
  to: string;
  tz: string;
}

export const dayIn = (d: Date, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const within = (d: Date, r: Range) => {
  const day = dayIn(d, r.tz);
  return day >= r.from && day <= r.to;
};
const answerAt = (t: SeedTurn) => new Date(t.at.getTime() + t.latencyMs);
const inc = (m: Record<string, number>, k: string, n = 1) => {
  m[k] = (m[k] ?? 0) + n;
};

export function percentileCont(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function expectedConversations(turns: SeedTurn[], r: Range) {
  const qs = turns.filter((t) => within(t.at, r));
  const answers = turns.filter((t) => within(answerAt(t), r));
  const byDay: Record<string, { questions: number; convs: Set<number>; stages: Record<string, number> }> = {};
  const byStage: Record<string, number> = {};
  const handoff: Record<string, number> = {};
  const sentiment = { negative: 0, neutral: 0, positive: 0, distress: 0 };
  for (const t of qs) {
    const d = (byDay[dayIn(t.at, r.tz)] ??= { questions: 0, convs: new Set(), stages: {} });
    d.questions++;
    d.convs.add(t.conv);
    inc(d.stages, t.stage ?? 'unknown');
    inc(byStage, t.stage ?? 'unknown');
    if (t.signals.handoff.reason) inc(handoff, t.signals.handoff.reason);
    sentiment[t.signals.sentiment.label]++;
    if (t.signals.sentiment.distress) sentiment.distress++;
  }
  const byTopic: Record<string, number> = {};
  for (const t of answers) for (const topic of new Set(t.citations.flatMap((c) => c.topics))) inc(byTopic, topic);
  return {
    totals: { questions: qs.length, conversations: new Set(qs.map((t) => t.conv)).size, answers: answers.length },
    byDay: Object.fromEntries(Object.entries(byDay).map(([k, v]) => [k, { questions: v.questions, conversations: v.convs.size, stages: v.stages }])),
    byStage,
    byTopic,
    handoff,
    sentiment,
  };
}

export function expectedTriage(turns: SeedTurn[], r: Range) {
  const answers = turns.filter((t) => within(answerAt(t), r));
  const totals: Record<string, number> = { emergency: 0, urgent: 0, routine: 0, self_care: 0 };
  const byDay: Record<string, Record<string, number>> = {};
  for (const t of answers) {
    totals[t.level]!++;
    inc((byDay[dayIn(answerAt(t), r.tz)] ??= {}), t.level);
  }
  const bookings = turns.filter((t) => t.booking).map((t) => ({ conv: t.conv, created: new Date(t.at.getTime() + t.booking!.afterHours * 3_600_000), confirmed: t.booking!.confirmed }));
  const byLevel = { emergency: { turns: 0, booked: 0 }, urgent: { turns: 0, booked: 0 } };
  for (const t of answers) {
    if (t.level !== 'emergency' && t.level !== 'urgent') continue;
    byLevel[t.level].turns++;
    const a = answerAt(t).getTime();
    if (bookings.some((b) => b.conv === t.conv && b.confirmed && b.created.getTime() >= a && b.created.getTime() < a + 24 * 3_600_000)) byLevel[t.level].booked++;
  }
  const count = (dates: (Date | null)[]) => dates.filter((d): d is Date => d !== null && within(d, r)).length;
  return {
    totals,
    byDay,
    byLevel,
    bookingSteps: {
      offered: count(turns.filter((t) => t.offered).map(answerAt)),
      slotsViewed: count(turns.filter((t) => t.slotsViewed).map((t) => new Date(answerAt(t).getTime() + 60_000))),
      slotTaken: count([new Date('2025-03-05T10:00:00Z')]),
      held: count(bookings.map((b) => b.created)),
      confirmed: count(bookings.map((b) => (b.confirmed ? new Date(b.created.getTime() + 120_000) : null))),
      expired: count(bookings.map((b) => (b.confirmed ? null : new Date(b.created.getTime() + 600_000)))),
    },
  };
}

export function expectedFeedback(turns: SeedTurn[], r: Range) {
  const answers = turns.filter((t) => within(answerAt(t), r));
  const up = answers.filter((t) => t.feedback?.rating === 'up').length;
  const down = answers.filter((t) => t.feedback?.rating === 'down');
  const reasons: Record<string, number> = {};
  for (const t of down) inc(reasons, t.feedback!.reason ?? 'unspecified');
  return { answers: answers.length, up, down: down.length, rate: Math.round(((up + down.length) / answers.length) * 10_000) / 10_000, reasons };
}

export function expectedLatency(turns: SeedTurn[], r: Range) {
  const answers = turns.filter((t) => within(answerAt(t), r));
  const modes: Record<string, number[]> = {};
  for (const t of answers) (modes[t.mode] ??= []).push(t.latencyMs);
  return Object.fromEntries(
    Object.entries(modes).map(([mode, v]) => [
      mode,
      { answers: v.length, p50: r1(percentileCont(v, 0.5)), p95: r1(percentileCont(v, 0.95)), p99: r1(percentileCont(v, 0.99)), mean: r1(v.reduce((s, x) => s + x, 0) / v.length) },
    ]),
  );
}

export function expectedCompliance(checks: SeedCheck[], r: Range) {
  const inR = checks.filter((c) => within(c.at, r));
  const byCategory: Record<string, number> = {};
  const byProduct: Record<string, { checks: number; findings: number; block: number }> = {};
  const byChannel: Record<string, { checks: number; findings: number; block: number }> = {};
  for (const c of inR) {
    for (const cat of c.categories) inc(byCategory, cat);
    const p = (byProduct[c.productType ?? 'unspecified'] ??= { checks: 0, findings: 0, block: 0 });
    const ch = (byChannel[c.channel] ??= { checks: 0, findings: 0, block: 0 });
    for (const g of [p, ch]) {
      g.checks++;
      g.findings += c.categories.length;
      if (c.verdict === 'block') g.block++;
    }
  }
  return {
    checks: inR.length,
    findings: inR.reduce((s, c) => s + c.categories.length, 0),
    verdicts: { pass: inR.filter((c) => c.verdict === 'pass').length, review: inR.filter((c) => c.verdict === 'review').length, block: inR.filter((c) => c.verdict === 'block').length },
    byCategory,
    byProduct,
    byChannel,
  };
}
