/**
 * Contract between the eval runner and the suites. A suite lives in
 * `evals/<name>/suite.ts` and default-exports an EvalSuite. The runner compares its
 * metrics with `evals/thresholds.json`; a suite never decides its own pass/fail.
 */
export interface SuiteResult {
  /** Metric name → value. Names must match the keys in evals/thresholds.json. */
  metrics: Record<string, number>;
  /** Extra text printed under the metrics table (confusion matrix, per-category table…). */
  report?: string;
  /** Anything worth keeping in the JSON report (failures, per-case results). */
  details?: unknown;
}

export interface EvalSuite {
  name: string;
  run(): Promise<SuiteResult>;
}

export interface Threshold {
  min?: number;
  max?: number;
}

export type Thresholds = Record<string, Record<string, Threshold>>;

export interface MetricRow {
  suite: string;
  metric: string;
  value: number;
  threshold?: Threshold;
  ok: boolean;
}

export function judge(suite: string, metrics: Record<string, number>, thresholds: Thresholds): MetricRow[] {
  const t = thresholds[suite] ?? {};
  const rows: MetricRow[] = Object.entries(metrics).map(([metric, value]) => {
    const th = t[metric];
    const ok =
      Number.isFinite(value) &&
      (th?.min === undefined || value >= th.min) &&
      (th?.max === undefined || value <= th.max);
    return { suite, metric, value, threshold: th, ok };
  });
  // A threshold whose metric the suite did not report is a failure, not a pass.
  for (const metric of Object.keys(t)) {
    if (!(metric in metrics)) rows.push({ suite, metric, value: Number.NaN, threshold: t[metric], ok: false });
  }
  return rows;
}

export function formatTable(rows: MetricRow[]): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
  const th = (t?: Threshold) =>
    t === undefined ? '—' : [t.min !== undefined ? `≥ ${t.min}` : '', t.max !== undefined ? `≤ ${t.max}` : ''].filter(Boolean).join(' ');
  const lines = rows.map((r) => [r.suite, r.metric, fmt(r.value), th(r.threshold), r.ok ? 'ok' : 'FAIL']);
  const head = ['suite', 'metric', 'value', 'threshold', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [row(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}
