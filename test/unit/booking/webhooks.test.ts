import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../../src/domain/webhooks/signature.js';
import { backoffMs, isPrivateHost, MAX_ATTEMPTS } from '../../../src/domain/webhooks/delivery.js';
import { canonicalJson } from '../../../src/domain/booking/idempotency.js';

const secret = 'whsec_unit_0123456789abcdef';
const body = JSON.stringify({ id: 'evt_1', type: 'booking.created', data: { a: '中文' } });

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex, as an independent implementation computes it', async () => {
    const t = 1_790_000_000;
    const expected = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
    expect(await signatureHeader(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies a fresh signature and refuses a wrong secret, a changed body, a stale or future time and junk', async () => {
    const t = 1_790_000_000;
    const header = await signatureHeader(secret, t, body);
    const now = new Date(t * 1000 + 60_000);
    expect(await verifySignature(secret, header, body, now, 300)).toBe(true);
    expect(await verifySignature('whsec_other_0123456789abcdef', header, body, now, 300)).toBe(false);
    expect(await verifySignature(secret, header, body.replace('中文', '中午'), now, 300)).toBe(false);
    expect(await verifySignature(secret, header, body, new Date(t * 1000 + 301_000), 300)).toBe(false);
    expect(await verifySignature(secret, header, body, new Date(t * 1000 - 301_000), 300)).toBe(false);
    expect(await verifySignature(secret, header.replace(/t=\d+/, `t=${t + 1}`), body, now, 300)).toBe(false);
    expect(await verifySignature(secret, 'nonsense', body, now, 300)).toBe(false);
    expect(await verifySignature(secret, undefined, body, now, 300)).toBe(false);
    // a rotating sender may send two v1 values; one valid is enough
    const v1 = header.split('v1=')[1]!;
    expect(await verifySignature(secret, `t=${t},v1=${'0'.repeat(64)},v1=${v1}`, body, now, 300)).toBe(true);
  });
});

describe('retry schedule', () => {
  it('doubles from 30 s with at most 20 % jitter, over 8 attempts', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, () => 0))).toEqual([30, 60, 120, 240, 480, 960, 1920].map((s) => s * 1000));
    expect(backoffMs(1, () => 1)).toBe(36_000);
    expect(backoffMs(3, () => 0.5)).toBe(132_000);
  });
});

describe('webhook targets', () => {
  it('recognises loopback and private addresses by their literal form only', () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '169.254.169.254', '[::1]', 'fd00::1', 'api.internal']) expect(isPrivateHost(h)).toBe(true);
    for (const h of ['hooks.example.com', '8.8.8.8', '172.32.0.1', 'fcbank.example', 'fd.example.com']) expect(isPrivateHost(h)).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined values, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe(canonicalJson({ a: { d: [2, 1] }, b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
