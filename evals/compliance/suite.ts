/**
 * Compliance checker eval: hand-labelled snippets (evals/compliance/snippets.jsonl), each
 * labelled by reasoning from the law, never from the checker's output.
 *
 * Metrics (thresholds in evals/thresholds.json):
 *  - interception_rate   = violations the checker did not pass / all violations (gold ≠ pass)
 *  - honest_blocked_rate = honest snippets the checker blocked / honest snippets (gold = pass)
 *  - category_accuracy   = violations whose every gold category the checker reported
 *                          (at review or block severity) / all violations
 * Extra, no threshold: honest_flagged_rate (honest snippets not passed) and verdict_accuracy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvalSuite } from '../harness.js';
import { checkCompliance } from '../../src/domain/compliance/index.js';
import type { Category, Channel, CheckInput, Market, ProductType, Verdict } from '../../src/domain/compliance/index.js';

export interface Snippet {
  id: string;
  locale: 'zh-CN' | 'en';
  market: Market;
  productType?: ProductType;
  channel?: Channel;
  commercial?: boolean;
  formulaStage?: 1 | 2 | 3;
  text: string;
  gold: Verdict;
  categories: Category[];
  note: string;
  /** provenance: 'dev' rows shaped the rules; 'blind1'/'blind2'/'blind3' were labelled before the checker first saw them */
  set?: string;
}

export function loadSnippets(): Snippet[] {
  const file = fileURLToPath(new URL('./snippets.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Snippet);
}

/** The stage is written in the copy ("1段", "stage 1") when the case does not set it. */
function stageOf(s: Snippet): 1 | 2 | 3 | undefined {
  if (s.formulaStage) return s.formulaStage;
  if (s.productType !== 'infant_formula') return undefined;
  if (/1段|一段|0～6月龄|0-6月龄|stage 1|first infant milk|from birth/i.test(s.text)) return 1;
  if (/2段|二段|6～12月龄|stage 2/i.test(s.text)) return 2;
  return undefined;
}

interface CaseResult {
  id: string;
  set: string;
  gold: Verdict;
  verdict: Verdict;
  goldCategories: Category[];
  reported: Category[];
  missing: Category[];
  text: string;
  note: string;
}

/**
 * Recorded when each blind batch first met the checker, before any rule was changed for it:
 * the best available estimate of how the rules generalise to phrasing they were not built on.
 */
const FIRST_RUN =
  'blind1 interception 0.633, category_accuracy 0.571, honest_blocked 0.000; blind2 interception 0.750, category_accuracy 0.679, honest_blocked 0.000; blind3 interception 0.861, category_accuracy 0.722, honest_blocked 0.000 (not yet fixed)';

const suite: EvalSuite = {
  name: 'compliance',
  async run() {
    const snippets = loadSnippets();
    const results: CaseResult[] = snippets.map((s) => {
      const stage = stageOf(s);
      const input: CheckInput = {
        text: s.text,
        locale: s.locale,
        market: s.market,
        ...(s.productType ? { productType: s.productType } : {}),
        ...(s.channel ? { channel: s.channel } : {}),
        ...(s.commercial !== undefined ? { commercial: s.commercial } : {}),
        ...(stage ? { formulaStage: stage } : {}),
      };
      const r = checkCompliance(input);
      const reported = [...new Set(r.findings.filter((f) => f.severity !== 'advisory').map((f) => f.category))];
      const missing = s.categories.filter((c) => !reported.includes(c));
      return { id: s.id, set: s.set ?? 'dev', gold: s.gold, verdict: r.verdict, goldCategories: s.categories, reported, missing, text: s.text, note: s.note };
    });

    const violations = results.filter((r) => r.gold !== 'pass');
    const honest = results.filter((r) => r.gold === 'pass');
    const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
    const metrics = {
      interception_rate: ratio(violations.filter((r) => r.verdict !== 'pass').length, violations.length),
      honest_blocked_rate: ratio(honest.filter((r) => r.verdict === 'block').length, honest.length),
      category_accuracy: ratio(violations.filter((r) => r.missing.length === 0).length, violations.length),
      honest_flagged_rate: ratio(honest.filter((r) => r.verdict !== 'pass').length, honest.length),
      verdict_accuracy: ratio(results.filter((r) => r.verdict === r.gold).length, results.length),
    };

    // Per-category support and recall (a category counts as found when reported at review or block).
    const cats = new Map<Category, { support: number; found: number }>();
    for (const r of violations) {
      for (const c of r.goldCategories) {
        const e = cats.get(c) ?? { support: 0, found: 0 };
        e.support++;
        if (!r.missing.includes(c)) e.found++;
        cats.set(c, e);
      }
    }
    const lines: string[] = [];
    lines.push(`snippets: ${results.length} (violations ${violations.length}, honest ${honest.length}; zh-CN ${snippets.filter((s) => s.locale === 'zh-CN').length}, en ${snippets.filter((s) => s.locale === 'en').length})`);
    lines.push('');
    lines.push('category               support  recall');
    for (const [c, e] of [...cats.entries()].sort((a, b) => b[1].support - a[1].support)) {
      lines.push(`${c.padEnd(22)} ${String(e.support).padStart(7)}  ${(e.found / e.support).toFixed(3)}`);
    }
    lines.push('');
    lines.push('by provenance (the blind sets informed later fixes, so their current figures are no longer blind;');
    lines.push(`  their first runs, before any fix: ${FIRST_RUN})`);
    for (const set of [...new Set(results.map((r) => r.set))]) {
      const v = violations.filter((r) => r.set === set);
      const h = honest.filter((r) => r.set === set);
      lines.push(
        `  ${set.padEnd(7)} n=${String(v.length + h.length).padStart(3)}  interception ${ratio(v.filter((r) => r.verdict !== 'pass').length, v.length).toFixed(3)}  honest_blocked ${ratio(h.filter((r) => r.verdict === 'block').length, h.length).toFixed(3)}  category_accuracy ${ratio(v.filter((r) => r.missing.length === 0).length, v.length).toFixed(3)}`,
      );
    }
    const confusion: Record<string, Record<string, number>> = {};
    for (const r of results) {
      confusion[r.gold] ??= {};
      confusion[r.gold]![r.verdict] = (confusion[r.gold]![r.verdict] ?? 0) + 1;
    }
    lines.push('');
    lines.push('gold \\ verdict   pass  review  block');
    for (const g of ['pass', 'review', 'block'] as const) {
      const row = confusion[g] ?? {};
      lines.push(`${g.padEnd(16)} ${String(row['pass'] ?? 0).padStart(4)}  ${String(row['review'] ?? 0).padStart(6)}  ${String(row['block'] ?? 0).padStart(5)}`);
    }
    const misses = results.filter((r) => (r.gold !== 'pass' && (r.verdict === 'pass' || r.missing.length > 0)) || (r.gold === 'pass' && r.verdict !== 'pass'));
    if (misses.length > 0) {
      lines.push('');
      lines.push('misses (violations passed or missing a category; honest copy flagged):');
      for (const m of misses) {
        const what = m.gold === 'pass' ? `honest → ${m.verdict}` : m.verdict === 'pass' ? 'missed' : `missing ${m.missing.join(',')}`;
        lines.push(`  ${m.id}  gold=${m.gold} verdict=${m.verdict}  ${what}  reported=[${m.reported.join(',')}]  ${m.text.replace(/\n/g, ' ⏎ ').slice(0, 70)}`);
      }
    }
    return { metrics, report: lines.join('\n'), details: { misses } };
  },
};

export default suite;
