/**
 * Request budgets per key and per client IP, counted in two adjacent fixed windows and
 * weighted into a sliding estimate (the usual "sliding window counter"). State is
 * per process: with several instances each enforces its own share, which is the
 * documented trade-off (see README, Scaling out); a shared store can replace this
 * class behind the same `hit` method.
 */
export interface LimitDecision {
  ok: boolean;
  retryAfterSeconds: number;
  remaining: number;
}

export class SlidingWindowLimiter {
  private windows = new Map<string, { start: number; count: number; prev: number }>();

  constructor(private readonly windowMs = 60_000) {}

  hit(key: string, limit: number, now: number): LimitDecision {
    const start = now - (now % this.windowMs);
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      const prev = w && w.start === start - this.windowMs ? w.count : 0;
      w = { start, count: 0, prev };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.prune(start);
    }
    const elapsed = (now - start) / this.windowMs;
    const estimate = w.prev * (1 - elapsed) + w.count;
    if (estimate + 1 > limit) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + this.windowMs - now) / 1000)), remaining: 0 };
    }
    w.count++;
    return { ok: true, retryAfterSeconds: 0, remaining: Math.max(0, Math.floor(limit - estimate - 1)) };
  }

  private prune(currentStart: number) {
    for (const [k, w] of this.windows) if (w.start < currentStart - this.windowMs) this.windows.delete(k);
  }
}
