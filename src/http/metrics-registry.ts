import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.js';

/**
 * A tiny in-process Prometheus registry: counters and histograms rendered in the text
 * exposition format (version 0.0.4). Written here rather than pulled in because the
 * service also runs on Cloudflare Workers, where prom-client's Node dependencies do not
 * load, and because four metrics need about a hundred lines.
 *
 * Values are per process (per isolate on Workers), as usual for Prometheus: the scraper
 * sums across instances.
 */

/** Past this many label sets a metric folds new ones into one "_overflow" series, so a bug cannot eat memory. */
const MAX_SERIES = 2000;
const OVERFLOW = '_overflow';

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function labelText(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const parts = names.map((n, i) => `${n}="${escapeLabel(values[i] ?? '')}"`);
  if (extra) parts.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

abstract class Metric<S> {
  protected readonly series = new Map<string, { labels: string[]; state: S }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {
    if (!NAME_RE.test(name)) throw new Error(`invalid metric name ${name}`);
    for (const l of labelNames) if (!LABEL_RE.test(l) || l.startsWith('__')) throw new Error(`invalid label name ${l}`);
  }
  protected abstract fresh(): S;
  protected get(values: readonly string[]): S {
    if (values.length !== this.labelNames.length) throw new Error(`${this.name} takes ${this.labelNames.length} label values`);
    let labels = values.map(String);
    let key = JSON.stringify(labels);
    if (!this.series.has(key) && this.series.size >= MAX_SERIES) {
      labels = labels.map(() => OVERFLOW);
      key = JSON.stringify(labels);
    }
    let s = this.series.get(key);
    if (!s) {
      s = { labels, state: this.fresh() };
      this.series.set(key, s);
    }
    return s.state;
  }
  abstract render(): string;
  reset(): void {
    this.series.clear();
  }
}

export class Counter extends Metric<{ value: number }> {
  protected fresh() {
    return { value: 0 };
  }
  inc(values: readonly string[] = [], n = 1): void {
    if (!(n >= 0) || !Number.isFinite(n)) throw new Error('a counter only goes up');
    this.get(values).value += n;
  }
  /** Makes a series exist (at zero) so dashboards see it before the first event. */
  touch(values: readonly string[]): void {
    this.get(values);
  }
  value(values: readonly string[] = []): number {
    return this.series.get(JSON.stringify(values.map(String)))?.state.value ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} counter`];
    for (const { labels, state } of this.series.values()) lines.push(`${this.name}${labelText(this.labelNames, labels)} ${formatValue(state.value)}`);
    return lines.join('\n');
  }
}

/** Request durations in seconds: from 5 ms (a cached lookup) to 30 s (the request timeout). */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Histogram extends Metric<{ counts: number[]; sum: number; count: number }> {
  readonly buckets: readonly number[];
  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[] = DEFAULT_BUCKETS) {
    super(name, help, labelNames);
    if (labelNames.includes('le')) throw new Error('"le" is reserved for histogram buckets');
    this.buckets = [...buckets].sort((a, b) => a - b);
  }
  protected fresh() {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }
  observe(values: readonly string[], v: number): void {
    if (!Number.isFinite(v)) return;
    const s = this.get(values);
    // stored per bucket, made cumulative when rendered
    const i = this.buckets.findIndex((b) => v <= b);
    if (i >= 0) s.counts[i]! += 1;
    s.sum += v;
    s.count += 1;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} histogram`];
    for (const { labels, state } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += state.counts[i]!;
        lines.push(`${this.name}_bucket${labelText(this.labelNames, labels, ['le', formatValue(b)])} ${cumulative}`);
      });
      lines.push(`${this.name}_bucket${labelText(this.labelNames, labels, ['le', '+Inf'])} ${state.count}`);
      lines.push(`${this.name}_sum${labelText(this.labelNames, labels)} ${formatValue(state.sum)}`);
      lines.push(`${this.name}_count${labelText(this.labelNames, labels)} ${state.count}`);
    }
    return lines.join('\n');
  }
}

export class Registry {
  private readonly metrics: { name: string; render(): string }[] = [];
  register<M extends { name: string; render(): string }>(m: M): M {
    if (this.metrics.some((x) => x.name === m.name)) throw new Error(`metric ${m.name} registered twice`);
    this.metrics.push(m);
    return m;
  }
  /** The whole registry in the Prometheus text format, ending with a newline. */
  render(): string {
    return this.metrics.map((m) => m.render()).join('\n') + '\n';
  }
}

const TRIAGE_LEVELS = ['emergency', 'urgent', 'routine', 'self_care'] as const;
const VERDICTS = ['pass', 'review', 'block'] as const;
const WEBHOOK_OUTCOMES = ['delivered', 'retrying', 'dead'] as const;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The service's metrics and the verbs that move them. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests = this.registry.register(new Counter('nestwise_http_requests_total', 'HTTP requests by route pattern, method and status.', ['route', 'method', 'status']));
  readonly duration = this.registry.register(
    new Histogram('nestwise_http_request_duration_seconds', 'Time to the response (to the first byte for streams), by route pattern, method and status.', ['route', 'method', 'status']),
  );
  readonly triage = this.registry.register(new Counter('nestwise_triage_total', 'Triage results by level (chat turns and /v1/triage).', ['level']));
  readonly compliance = this.registry.register(new Counter('nestwise_compliance_checks_total', 'Compliance checks by verdict.', ['verdict']));
  readonly webhooks = this.registry.register(new Counter('nestwise_webhook_deliveries_total', 'Webhook delivery attempts by outcome (delivered, retrying after a failure, dead after the last attempt).', ['outcome']));

  constructor() {
    this.init();
  }

  private init(): void {
    for (const l of TRIAGE_LEVELS) this.triage.touch([l]);
    for (const v of VERDICTS) this.compliance.touch([v]);
    for (const o of WEBHOOK_OUTCOMES) this.webhooks.touch([o]);
  }

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    const m = METHODS.has(method.toUpperCase()) ? method.toUpperCase() : 'OTHER';
    const labels = [route, m, String(status)];
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  countTriage(level: string): void {
    this.triage.inc([(TRIAGE_LEVELS as readonly string[]).includes(level) ? level : 'unknown']);
  }

  countCompliance(verdict: string): void {
    this.compliance.inc([(VERDICTS as readonly string[]).includes(verdict) ? verdict : 'unknown']);
  }

  countWebhook(outcome: 'delivered' | 'retrying' | 'dead', n = 1): void {
    if (n > 0) this.webhooks.inc([outcome], n);
  }

  render(): string {
    return this.registry.render();
  }

  /** Back to a fresh state (tests). */
  reset(): void {
    for (const m of [this.requests, this.duration, this.triage, this.compliance, this.webhooks]) m.reset();
    this.init();
  }
}

/** The process-wide registry served at /metrics. */
export const metrics = new ServiceMetrics();

/**
 * The route pattern that answered (`/v1/conversations/:id`), never the raw path, so ids
 * in URLs neither multiply series nor reach the metrics. Requests that matched no route
 * (only wildcard middleware ran) share one label.
 */
export function routeLabel(c: Context<AppEnv>): string {
  const route = c.req.routePath;
  if (!route || route.includes('*')) return c.res.status === 404 ? 'unmatched' : route || 'unmatched';
  return route;
}

/** Counts and times every request; mount it first, with `app.use('*', requestMetrics())`. */
export function requestMetrics(m: ServiceMetrics = metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    m.observeRequest(routeLabel(c), c.req.method, c.res.status, (performance.now() - t0) / 1000);
  };
}
