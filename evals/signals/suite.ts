/**
 * Signals eval: hand-labelled chat messages (evals/signals/messages.jsonl), half zh-CN and
 * half en, graded against detectSignals().
 *
 * Labelling rules used for the data (decided per case, never from the detector's output):
 *  - handoff/reason: a request for a person (incl. 投诉 / "file a complaint") →
 *    user_requested_human; a parent overwhelmed, hopeless, panicking, acutely scared,
 *    crying constantly or with self-harm / harm-to-baby thoughts → distress; a question
 *    about orders, payment, delivery, returns, prices, coupons, invoices, accounts,
 *    membership or a complaint about the shop → out_of_scope (advice on *what* to buy for
 *    a baby stays in scope); two failed answers in a row or two "that didn't help"
 *    complaints → repeated_failure. Priority: human > distress > out_of_scope > failure.
 *  - sentiment: negative for complaints, anger, worry/fear voiced by the parent, distress;
 *    positive for thanks, praise, relief; neutral otherwise (a medical question without
 *    emotional words is neutral; a feeling that belongs to the child is not the parent's).
 *
 * Provenance: cases s-*-001…125 were written before the detector; the three later blocks
 * (marked in the file by id ranges 126–163, 164–192, 193–216 per locale) were each written
 * and labelled before re-running the detector, to measure it on phrasings it had not
 * seen, and the detector was then improved with general rules. The detector has therefore
 * seen every case here; the held-out figures are in the report that accompanied this
 * suite. Add fresh cases before trusting a perfect score.
 *
 * Metrics with thresholds (evals/thresholds.json): handoff_recall, handoff_precision,
 * distress_recall. Reported without threshold: reason_accuracy, sentiment_accuracy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EvalSuite } from '../harness.js';
import { detectSignals, type Signals } from '../../src/domain/signals/index.js';

const Reason = z.enum(['user_requested_human', 'out_of_scope', 'distress', 'repeated_failure']);
const Case = z
  .object({
    id: z.string(),
    locale: z.enum(['zh-CN', 'en']),
    message: z.string(),
    history: z
      .array(z.object({ role: z.enum(['user', 'assistant']), text: z.string(), feedback: z.enum(['up', 'down']).optional() }))
      .optional(),
    handoff: z.boolean(),
    reason: Reason.optional(),
    sentiment: z.enum(['negative', 'neutral', 'positive']),
    distress: z.boolean(),
  })
  .refine((c) => c.handoff === (c.reason !== undefined), { message: 'reason is required exactly when handoff is true' });
type Case = z.infer<typeof Case>;

export function loadCases(): Case[] {
  const file = fileURLToPath(new URL('./messages.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = Case.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`messages.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

interface Counts {
  n: number;
  goldHandoff: number;
  predHandoff: number;
  bothHandoff: number;
  goldDistress: number;
  bothDistress: number;
  reasonRight: number;
  sentimentRight: number;
}

const empty = (): Counts => ({ n: 0, goldHandoff: 0, predHandoff: 0, bothHandoff: 0, goldDistress: 0, bothDistress: 0, reasonRight: 0, sentimentRight: 0 });

function add(c: Counts, gold: Case, got: Signals): void {
  c.n++;
  if (gold.handoff) c.goldHandoff++;
  if (got.handoff.recommended) c.predHandoff++;
  if (gold.handoff && got.handoff.recommended) c.bothHandoff++;
  if (gold.handoff && got.handoff.reason === gold.reason) c.reasonRight++;
  if (gold.distress) c.goldDistress++;
  if (gold.distress && got.sentiment.distress) c.bothDistress++;
  if (gold.sentiment === got.sentiment.label) c.sentimentRight++;
}

/** A ratio whose denominator is empty is vacuously perfect (no case could be missed). */
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function metricsOf(c: Counts): Record<string, number> {
  return {
    handoff_recall: ratio(c.bothHandoff, c.goldHandoff),
    handoff_precision: ratio(c.bothHandoff, c.predHandoff),
    distress_recall: ratio(c.bothDistress, c.goldDistress),
    reason_accuracy: ratio(c.reasonRight, c.goldHandoff),
    sentiment_accuracy: ratio(c.sentimentRight, c.n),
  };
}

const suite: EvalSuite = {
  name: 'signals',
  async run() {
    const cases = loadCases();
    const total = empty();
    const byLocale = new Map<string, Counts>();
    const misses: { id: string; message: string; kind: string; gold: string; got: string }[] = [];
    for (const c of cases) {
      const got = detectSignals({ message: c.message, locale: c.locale, history: c.history });
      add(total, c, got);
      const loc = byLocale.get(c.locale) ?? empty();
      add(loc, c, got);
      byLocale.set(c.locale, loc);
      const goldH = c.handoff ? `handoff:${c.reason}` : 'no handoff';
      const gotH = got.handoff.recommended ? `handoff:${got.handoff.reason}` : 'no handoff';
      if (goldH !== gotH) misses.push({ id: c.id, message: c.message, kind: 'handoff', gold: goldH, got: gotH });
      if (c.distress !== got.sentiment.distress)
        misses.push({ id: c.id, message: c.message, kind: 'distress', gold: String(c.distress), got: String(got.sentiment.distress) });
      if (c.sentiment !== got.sentiment.label)
        misses.push({ id: c.id, message: c.message, kind: 'sentiment', gold: c.sentiment, got: got.sentiment.label });
    }

    const cols = ['locale', 'n', 'handoff_recall', 'handoff_precision', 'distress_recall', 'reason_accuracy', 'sentiment_accuracy'];
    const rows = [...[...byLocale.entries()].sort(([a], [b]) => a.localeCompare(b)), ['all', total] as const].map(([name, c]) => {
      const m = metricsOf(c);
      return [name, String(c.n), ...cols.slice(2).map((k) => m[k]!.toFixed(3))];
    });
    const widths = cols.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((x, i) => x.padEnd(widths[i]!)).join('  ');
    const report = [
      line(cols),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(line),
      '',
      misses.length === 0 ? 'misses: none' : `misses (${misses.length}):`,
      ...misses.map((m) => `  ${m.id} [${m.kind}] gold=${m.gold} got=${m.got}  ${JSON.stringify(m.message)}`),
    ].join('\n');

    return {
      metrics: metricsOf(total),
      report,
      details: { cases: cases.length, perLocale: Object.fromEntries([...byLocale].map(([k, c]) => [k, metricsOf(c)])), misses },
    };
  },
};

export default suite;
