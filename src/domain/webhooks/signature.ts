/**
 * Webhook signatures: `Nestwise-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp is signed with the body so a captured request cannot be replayed later
 * than the receiver's tolerance. WebCrypto only, so this runs on Workers and in receivers.
 */

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The header value for `body` sent at `timestampSec`. */
export async function signatureHeader(secret: string, timestampSec: number, body: string): Promise<string> {
  return `t=${timestampSec},v1=${await hmacHex(secret, `${timestampSec}.${body}`)}`;
}

/** Compares without an early exit, so timing does not reveal how much of a guess matched. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * For receivers: true when `header` carries a v1 signature of `body` (the raw request
 * body, exactly as received) made with `secret`, at a time within `toleranceSec` of
 * `now`. Several v1 values are accepted so a sender can sign with an old and a new
 * secret while rotating.
 */
export async function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  now: Date | number = Date.now(),
  toleranceSec = 300,
): Promise<boolean> {
  if (!header || !secret) return false;
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === 't' && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && /^[0-9a-f]{64}$/.test(v)) v1.push(v);
  }
  if (t === undefined || v1.length === 0) return false;
  const nowSec = Math.floor((typeof now === 'number' ? now : now.getTime()) / 1000);
  if (Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  let ok = false;
  for (const candidate of v1) ok = constantTimeEqual(candidate, expected) || ok;
  return ok;
}
