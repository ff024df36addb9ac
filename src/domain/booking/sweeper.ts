import type { Db } from '../../db/db.js';
import { expireHolds } from './bookings.js';

/**
 * Periodically turns lapsed holds into `expired` rows. Correctness does not depend on it
 * (reads and bookings already treat a lapsed hold as expired); it keeps the table honest
 * for reports. Returns a stop function.
 */
export function startHoldSweeper(deps: { db: Db; clock: () => Date; log?: { warn(obj: object, msg?: string): void } }, intervalMs = 60_000): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    expireHolds(deps.db, deps.clock())
      .catch((err: unknown) => deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'hold sweep failed'))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  (timer as unknown as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
