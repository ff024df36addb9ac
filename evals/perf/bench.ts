/**
 * Contract between `npm run bench` and the benchmarks in `evals/perf/*.bench.ts`.
 * A benchmark default-exports a Bench; each row it returns carries the measured figure
 * and, where it has one, the baseline measured in the same run and the ratio.
 */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The comparison measured in the same run, e.g. a naive checker or LangChain's store. */
  baseline?: { name: string; value: number };
  /** How many times better ours is than the baseline (>1 = better), when there is one. */
  ratio?: number;
  /** Human-readable target, e.g. "p99 < 1 ms", and whether it was met. */
  target?: string;
  ok?: boolean;
  /**
   * A correctness figure measured under load (errors, lost or duplicated bookings): a
   * miss fails the run in every mode. Speed targets fail it only with --strict, because
   * a shared 2-core CI machine measures its neighbours as much as our code.
   */
  gate?: boolean;
}

export interface Bench {
  name: string;
  /** quick = the short CI mode; the full mode is what `npm run bench` runs. */
  run(opts: { quick: boolean }): Promise<BenchRow[]>;
}

/** Percentile of an array of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx]!;
}
