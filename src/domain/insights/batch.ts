/**
 * Compliance checks change nothing but analytics, and under load a one-row insert per
 * check was most of a check's cost on the embedded database (about 1 ms of a single
 * connection). On Node the service therefore queues these events and writes them in one
 * multi-row insert every FLUSH_MS. Insights reads flush first, so a dashboard never lags
 * the API; shutdown flushes too. A crash can lose at most FLUSH_MS of check events — never
 * a verdict, a booking or a chat turn, which are still written in their own transaction.
 */
import type { Queryable } from '../../db/db.js';
import { ValidationFailed } from '../errors.js';
import { validateEvent, type ComplianceCheckEvent } from './events.js';

const FLUSH_MS = 100;
const MAX_BATCH = 1000;
/** Beyond this many queued events (a database that stopped answering), new ones are dropped and counted. */
const MAX_QUEUED = 50_000;

interface Queued {
  tenant_id: string;
  at: string;
  verdict: string;
  categories: string[];
  product_type: string | null;
  channel: string | null;
  market: string | null;
  source: string;
}

export class ComplianceEventBatcher {
  private queue: Queued[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  dropped = 0;

  constructor(
    private readonly db: Queryable,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Validates now (a bad event is the caller's bug) and queues the row. */
  record(e: ComplianceCheckEvent): void {
    const errors = validateEvent(e);
    if (errors.length) throw new ValidationFailed('The insight event is not valid.', errors);
    if (this.queue.length >= MAX_QUEUED) {
      this.dropped++;
      return;
    }
    this.queue.push({
      tenant_id: e.tenantId,
      at: e.at === undefined ? new Date().toISOString() : new Date(e.at).toISOString(),
      verdict: e.verdict,
      categories: e.categories,
      product_type: e.productType ?? null,
      channel: e.channel ?? null,
      market: e.market ?? null,
      source: e.source ?? 'api',
    });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes everything queued so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.db.query(
            `INSERT INTO insight_events (tenant_id, at, kind, verdict, categories, product_type, channel, market, source)
             SELECT tenant_id, at, 'compliance_check', verdict, categories, product_type, channel, market, source
             FROM jsonb_to_recordset($1::jsonb) AS x(tenant_id uuid, at timestamptz, verdict text, categories text[], product_type text, channel text, market text, source text)`,
            [JSON.stringify(batch)],
          );
        } catch (err) {
          // analytics must never take the service down: the batch is lost and reported
          this.onError(err);
        }
      }
    });
    return this.writing;
  }
}
