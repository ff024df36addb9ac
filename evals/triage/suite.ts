/**
 * Triage eval: hand-labelled vignettes (evals/triage/vignettes.jsonl), half zh-CN and half
 * en, each with a gold level and the set of levels a clinician would accept (`accept`).
 *
 * Provenance: vignettes.jsonl (442 cases) was labelled before the engine existed, but the
 * engine's rules were then written with those cases in view, so its score on them is not a
 * held-out measure. vignettes-holdout.jsonl (64 cases, tag "holdout") was written and
 * labelled afterwards, without running the engine; on its first run the engine scored
 * within_accepted 0.813, emergency_missed 5, undertriage 0.172 (12 misses: a Chinese
 * suicide phrasing, drowning in a 鱼塘, "不怎么有反应", "眼前一闪一闪", vaguer waters /
 * wound / projectile-vomiting wording, "better off if I wasn't around", a topic question
 * read as a fever). The rules were then generalised (not keyed to those sentences), so the
 * hold-out has now been seen too: write fresh cases before trusting a perfect score.
 * vignettes-blind2.jsonl (100 cases, 50 zh-CN / 50 en, tag "blind2") was written later by
 * someone who had not read the rules. Its first run: within_accepted 0.790, emergency_missed
 * 6, undertriage 0.160 (a Traditional-character non-blanching rash, anaphylaxis after "吃花生
 * 酱", green vomit in a one-month-old, sudden abdominal pain with a rock-hard bump, a toddler
 * pulled face down out of a paddling pool, pre-eclampsia signs buried in a chatty message;
 * plus scalds, waters, reduced movements, milestones, growth and low mood phrased in ways
 * the rules did not know). The rules were generalised from those misses; afterwards it
 * scores 0.970 with 0 emergencies missed and 0 undertriage, the 3 remaining misses being
 * over-triage. It has been seen now too: keep writing fresh cases.
 * vignettes-blind3.jsonl (60 cases, tag "blind3") was written the same way after those fixes.
 * Its first run: within_accepted 0.850, emergency_missed 1 (fever with neck pain on bending
 * the head and light sensitivity, buried in a chatty message), undertriage 0.117 (咪咪 for
 * breast, a leg that will not bear weight after a fall, "waters just went", "only 2 wet
 * nappies", low mood "since she was born"). Still short of the 0.95 the suite demands on
 * data it has not seen: the rules generalise to new wordings only partly.
 * All files count towards the metrics; the report prints a line per held-out set.
 *
 * Metrics with thresholds (evals/thresholds.json):
 *  - emergency_missed: gold-emergency vignettes whose level is not accepted (must be 0);
 *  - within_accepted: share of vignettes whose level is in `accept`;
 *  - undertriage_rate: share whose level is less urgent than every accepted level;
 *  - self_care_overtriage_rate: among gold self_care, share more urgent than every
 *    accepted level.
 * The report has the 4×4 confusion matrix (gold × predicted), a line per locale and
 * every miss.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EvalSuite } from '../harness.js';
import { triage, type TriageLevel } from '../../src/domain/triage/index.js';

const Level = z.enum(['emergency', 'urgent', 'routine', 'self_care']);
const Vignette = z.object({
  id: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  message: z.string().min(1),
  child: z.object({ birthDate: z.string().optional(), dueDate: z.string().optional(), ageMonths: z.number().optional() }).optional(),
  today: z.string().optional(),
  gold: Level,
  accept: z.array(Level).min(1),
  guideline: z.string(),
  tags: z.array(z.string()),
});
type Vignette = z.infer<typeof Vignette>;

const ORDER: Record<TriageLevel, number> = { self_care: 0, routine: 1, urgent: 2, emergency: 3 };
const LEVELS: TriageLevel[] = ['emergency', 'urgent', 'routine', 'self_care'];

const FILES = ['vignettes.jsonl', 'vignettes-holdout.jsonl', 'vignettes-blind2.jsonl', 'vignettes-blind3.jsonl'];

export function loadVignettes(): Vignette[] {
  return FILES.flatMap((name) =>
    readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        const parsed = Vignette.safeParse(JSON.parse(l));
        if (!parsed.success) throw new Error(`${name} line ${i + 1}: ${parsed.error.message}`);
        if (!parsed.data.accept.includes(parsed.data.gold)) throw new Error(`${name} line ${i + 1}: gold not in accept`);
        return parsed.data;
      }),
  );
}

interface Row {
  v: Vignette;
  level: TriageLevel;
  ok: boolean;
  under: boolean;
  over: boolean;
  reasons: string[];
}

export function grade(vs: Vignette[]): Row[] {
  return vs.map((v) => {
    const r = triage({ message: v.message, locale: v.locale, child: v.child, today: v.today });
    const ok = v.accept.includes(r.level);
    const under = v.accept.every((a) => ORDER[r.level] < ORDER[a]);
    const over = v.accept.every((a) => ORDER[r.level] > ORDER[a]);
    return { v, level: r.level, ok, under, over, reasons: r.reasons.map((x) => x.code) };
  });
}

export function metrics(rows: Row[]): Record<string, number> {
  const n = rows.length || 1;
  const selfCare = rows.filter((r) => r.v.gold === 'self_care');
  return {
    emergency_missed: rows.filter((r) => r.v.gold === 'emergency' && !r.ok).length,
    within_accepted: rows.filter((r) => r.ok).length / n,
    undertriage_rate: rows.filter((r) => r.under).length / n,
    self_care_overtriage_rate: selfCare.filter((r) => r.over).length / (selfCare.length || 1),
  };
}

function matrix(rows: Row[]): string {
  const short: Record<TriageLevel, string> = { emergency: 'emergency', urgent: 'urgent', routine: 'routine', self_care: 'self_care' };
  const head = ['gold \\ predicted', ...LEVELS.map((l) => short[l]), 'total'];
  const lines = LEVELS.map((g) => {
    const of = rows.filter((r) => r.v.gold === g);
    return [g, ...LEVELS.map((p) => String(of.filter((r) => r.level === p).length)), String(of.length)];
  });
  const w = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i]!)).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}

const suite: EvalSuite = {
  name: 'triage',
  async run() {
    const rows = grade(loadVignettes());
    const m = metrics(rows);
    const perLocale = (['zh-CN', 'en'] as const).map((loc) => {
      const mm = metrics(rows.filter((r) => r.v.locale === loc));
      const n = rows.filter((r) => r.v.locale === loc).length;
      return `${loc.padEnd(7)}  n=${n}  within_accepted=${mm.within_accepted!.toFixed(3)}  undertriage=${mm.undertriage_rate!.toFixed(3)}  emergency_missed=${mm.emergency_missed}  self_care_overtriage=${mm.self_care_overtriage_rate!.toFixed(3)}`;
    });
    for (const tag of ['holdout', 'blind2', 'blind3']) {
      const held = rows.filter((r) => r.v.tags.includes(tag));
      const hm = metrics(held);
      perLocale.push(
        `${tag.padEnd(7)}  n=${held.length}  within_accepted=${hm.within_accepted!.toFixed(3)}  undertriage=${hm.undertriage_rate!.toFixed(3)}  emergency_missed=${hm.emergency_missed}  self_care_overtriage=${hm.self_care_overtriage_rate!.toFixed(3)}`,
      );
    }
    const misses = rows
      .filter((r) => !r.ok)
      .map((r) => `${r.under ? 'UNDER' : 'OVER '} ${r.v.id} gold=${r.v.gold} accept=${r.v.accept.join('/')} got=${r.level} [${r.reasons.join(', ')}]  ${r.v.message.slice(0, 90)}`);
    const report = [
      'Confusion matrix (rows gold, columns predicted):',
      matrix(rows),
      '',
      ...perLocale,
      '',
      misses.length ? `Misses (${misses.length}):` : 'Misses: none',
      ...misses,
    ].join('\n');
    return {
      metrics: m,
      report,
      details: { misses: rows.filter((r) => !r.ok).map((r) => ({ id: r.v.id, gold: r.v.gold, accept: r.v.accept, got: r.level, reasons: r.reasons })) },
    };
  },
};

export default suite;
