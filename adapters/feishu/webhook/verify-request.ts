import { decryptBody, sameSecret, signature } from './crypto.js';

/** How far a request's timestamp may be from our clock: Feishu's own limit for replays. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export type Verdict =
  | { kind: 'event'; payload: Record<string, unknown> }
  | { kind: 'challenge'; challenge: string }
  | { kind: 'rejected'; reason: RejectReason };

export type RejectReason =
  | 'malformed'
  | 'unencrypted'
  | 'undecryptable'
  | 'unsigned'
  | 'bad-signature'
  | 'stale'
  | 'bad-token';

export interface VerifyInput {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  encryptKey: string;
  verificationToken: string;
  now: Date;
}

/**
 * The checks the SDK leaves to us, on the raw bytes Feishu sent, before anything acts on the
 * request: encrypted when a key is set, signed (over the raw body, not a re-serialisation),
 * fresh, and carrying our verification token. Pure, so every refusal is easy to test.
 */
export function verifyRequest(input: VerifyInput): Verdict {
  const outer = parseObject(input.rawBody);
  if (!outer) return reject('malformed');
  if (typeof outer.encrypt !== 'string') return reject('unencrypted');

  const timestamp = header(input.headers, 'x-lark-request-timestamp');
  const nonce = header(input.headers, 'x-lark-request-nonce');
  const signed = header(input.headers, 'x-lark-signature');
  const hasSignature = Boolean(timestamp && nonce && signed);
  if (hasSignature) {
    // Authenticate before decrypting anything.
    const expected = signature(timestamp!, nonce!, input.encryptKey, input.rawBody);
    if (!sameSecret(expected, signed!.toLowerCase())) return reject('bad-signature');
    const sentAt = Number(timestamp) * 1000;
    if (!Number.isFinite(sentAt) || Math.abs(input.now.getTime() - sentAt) > MAX_SKEW_MS) return reject('stale');
  }

  const payload = decrypt(outer.encrypt, input.encryptKey);
  if (!payload) return reject('undecryptable');
  if (payload.type === 'url_verification') {
    // Feishu may not sign the address check; it proves itself with the token, and changes nothing.
    if (!tokenMatches(payload.token, input.verificationToken)) return reject('bad-token');
    return { kind: 'challenge', challenge: String(payload.challenge ?? '') };
  }
  if (!hasSignature) return reject('unsigned');
  if (!tokenMatches(tokenOf(payload), input.verificationToken)) return reject('bad-token');
  return { kind: 'event', payload };
}

function decrypt(encrypted: string, key: string): Record<string, unknown> | null {
  try {
    return parseObject(decryptBody(encrypted, key));
  } catch {
    return null;
  }
}

/** Version 2.0 events carry the token in `header`; 1.0 events and old callbacks at the top. */
export function tokenOf(payload: Record<string, unknown>): unknown {
  const head = payload.header;
  if (typeof head === 'object' && head !== null && 'token' in head) return (head as { token?: unknown }).token;
  return payload.token;
}

function tokenMatches(token: unknown, expected: string): boolean {
  return typeof token === 'string' && sameSecret(token, expected);
}

function header(headers: VerifyInput['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function reject(reason: RejectReason): Verdict {
  return { kind: 'rejected', reason };
}
