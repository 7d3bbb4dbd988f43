import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encryptBody, signature } from '../../../../adapters/feishu/webhook/crypto.js';

export const VERIFICATION_TOKEN = 'rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV';
export const ENCRYPT_KEY = 'kWgdUUmRyIsmOQHOWbRSTbVwVHkMeQJf';

export type Payload = Record<string, any>;

/** A recorded payload from test/fixtures/feishu, with our token and a fresh event id. */
export function fixture(name: string): Payload {
  const text = readFileSync(resolve(import.meta.dirname, '../../../fixtures/feishu', `${name}.json`), 'utf8');
  const payload = JSON.parse(text.replaceAll('VERIFICATION_TOKEN', VERIFICATION_TOKEN)) as Payload;
  if (payload.header) payload.header.event_id = randomBytes(16).toString('hex');
  return payload;
}

export interface SendOptions {
  /** Seconds since the epoch, as Feishu sends `X-Lark-Request-Timestamp`. */
  timestamp: number;
  encryptKey?: string;
  /** Send the JSON as it is, signed, instead of `{"encrypt": …}`. */
  unencrypted?: boolean;
  /** Replace the signature, e.g. with one made with another key. */
  signature?: string;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  /** Give up after this long, as Feishu does after 3 s (and then sends the event again). */
  timeoutMs?: number;
}

export interface SealedRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * A payload as Feishu sends it: compact JSON encrypted with the Encrypt Key as
 * `{"encrypt": …}`, signed with SHA-256 over timestamp + nonce + key + the body sent.
 */
export function sealEvent(payload: Payload, options: SendOptions): SealedRequest {
  const key = options.encryptKey ?? ENCRYPT_KEY;
  const plain = JSON.stringify(payload);
  const body = options.unencrypted ? plain : JSON.stringify({ encrypt: encryptBody(plain, key) });
  const timestamp = String(options.timestamp);
  const nonce = randomBytes(8).toString('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (!options.unsigned) {
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = options.signature ?? signature(timestamp, nonce, key, body);
  }
  return { body, headers };
}

/** Posts a sealed request as it is; the same one can be posted again. */
export async function postSealed(url: string, sealed: SealedRequest, timeoutMs?: number): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: sealed.headers, body: sealed.body, ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Posts a payload exactly as Feishu does (see sealEvent). */
export async function postEvent(url: string, payload: Payload, options: SendOptions): Promise<{ status: number; body: any }> {
  return postSealed(url, sealEvent(payload, options), options.timeoutMs);
}
