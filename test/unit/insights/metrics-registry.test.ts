import { describe, expect, it } from 'vitest';
import { Counter, Histogram, Registry, ServiceMetrics } from '../../../src/http/metrics-registry.js';
import { parsePrometheusText, sampleValue } from './prom-parser.js';

describe('metrics registry', () => {
  it('renders counters and histograms that a strict parser accepts', () => {
    const m = new ServiceMetrics();
    m.observeRequest('/v1/chat', 'POST', 200, 0.003);
    m.observeRequest('/v1/chat', 'POST', 200, 0.2);
    m.observeRequest('/v1/chat', 'POST', 200, 50);
    m.observeRequest('/v1/chat', 'post', 500, 0.04);
    m.countTriage('urgent');
    m.countTriage('urgent');
    m.countCompliance('block');
    m.countWebhook('dead', 3);
    const text = m.render();
    const f = parsePrometheusText(text);
    expect(f.get('nestwise_http_requests_total')!.type).toBe('counter');
    expect(f.get('nestwise_http_request_duration_seconds')!.type).toBe('histogram');
    expect(sampleValue(f, 'nestwise_http_requests_total', { route: '/v1/chat', method: 'POST', status: '200' })).toBe(3);
    expect(sampleValue(f, 'nestwise_http_requests_total', { route: '/v1/chat', method: 'POST', status: '500' })).toBe(1);
    const bucket = (le: string) => sampleValue(f, 'nestwise_http_request_duration_seconds_bucket', { route: '/v1/chat', method: 'POST', status: '200', le });
    expect(bucket('0.005')).toBe(1);
    expect(bucket('0.1')).toBe(1);
    expect(bucket('0.25')).toBe(2);
    expect(bucket('30')).toBe(2);
    expect(bucket('+Inf')).toBe(3);
    expect(sampleValue(f, 'nestwise_http_request_duration_seconds_sum', { route: '/v1/chat', method: 'POST', status: '200' })).toBeCloseTo(50.203, 6);
    expect(sampleValue(f, 'nestwise_triage_total', { level: 'urgent' })).toBe(2);
    // every level, verdict and outcome exists from the start, at zero
    expect(sampleValue(f, 'nestwise_triage_total', { level: 'emergency' })).toBe(0);
    expect(sampleValue(f, 'nestwise_compliance_checks_total', { verdict: 'pass' })).toBe(0);
    expect(sampleValue(f, 'nestwise_compliance_checks_total', { verdict: 'block' })).toBe(1);
    expect(sampleValue(f, 'nestwise_webhook_deliveries_total', { outcome: 'dead' })).toBe(3);
    expect(sampleValue(f, 'nestwise_webhook_deliveries_total', { outcome: 'delivered' })).toBe(0);
    m.reset();
    expect(sampleValue(parsePrometheusText(m.render()), 'nestwise_triage_total', { level: 'urgent' })).toBe(0);
  });

  it('escapes label values and help text', () => {
    const r = new Registry();
    const c = r.register(new Counter('x_total', 'help with \\ and\nnewline', ['path']));
    const weird = 'a"b\\c\nd';
    c.inc([weird], 2);
    const f = parsePrometheusText(r.render());
    expect(f.get('x_total')!.help).toBe('help with \\ and\nnewline');
    expect(sampleValue(f, 'x_total', { path: weird })).toBe(2);
  });

  it('folds label sets past the limit into one overflow series', () => {
    const r = new Registry();
    const c = r.register(new Counter('many_total', 'many', ['id']));
    for (let i = 0; i < 2100; i++) c.inc([`id-${i}`]);
    const f = parsePrometheusText(r.render());
    expect(f.get('many_total')!.samples).toHaveLength(2001);
    expect(sampleValue(f, 'many_total', { id: '_overflow' })).toBe(100);
  });

  it('refuses to go down, bad names and a reserved le label', () => {
    const c = new Counter('a_total', 'a', []);
    expect(() => c.inc([], -1)).toThrow();
    expect(() => new Counter('1bad', 'x', [])).toThrow();
    expect(() => new Counter('ok', 'x', ['bad-label'])).toThrow();
    expect(() => new Histogram('h', 'x', ['le'])).toThrow();
    expect(() => c.inc(['extra'])).toThrow();
  });
});

describe('the test parser is strict', () => {
  it.each([
    ['no trailing newline', '# TYPE a counter\na 1'],
    ['bad escape', 'a{x="\\t"} 1\n'],
    ['unterminated value', 'a{x="1} 1\n'],
    ['bad value', 'a 1,5\n'],
    ['type after samples', 'a 1\n# TYPE a counter\n'],
    ['interleaved families', 'a 1\nb 1\na{x="1"} 2\n'],
    ['duplicate series', 'a{x="1"} 1\na{x="1"} 2\n'],
    ['negative counter', '# TYPE a counter\na -1\n'],
    ['histogram without +Inf', '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n'],
    ['histogram not cumulative', '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="2"} 1\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 2\n'],
    ['histogram count mismatch', '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 3\n'],
  ])('rejects %s', (_name, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });

  it('accepts a well-formed exposition', () => {
    const f = parsePrometheusText('# HELP a A thing\n# TYPE a counter\na{x="1",y="\\"q\\""} 1 1700000000000\n# TYPE h histogram\nh_bucket{le="0.5"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3.5\nh_count 2\n');
    expect(sampleValue(f, 'a', { x: '1', y: '"q"' })).toBe(1);
    expect(f.get('h')!.samples).toHaveLength(4);
  });
});
