import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Feishu's webhook cryptography: AES-256-CBC with the SHA-256 of the Encrypt Key, the IV in
 * the first 16 bytes, base64; and a SHA-256 signature of timestamp + nonce + key + raw body.
 */
export function decryptBody(encrypted: string, encryptKey: string): string {
  const data = Buffer.from(encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', keyOf(encryptKey), data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
}

/** The inverse of `decryptBody`, as Feishu does it (tests and tools use it). */
export function encryptBody(plain: string, encryptKey: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', keyOf(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

export function signature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + rawBody).digest('hex');
}

/** Compares secrets in constant time, so response timing tells an attacker nothing. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

function keyOf(encryptKey: string): Buffer {
  return createHash('sha256').update(encryptKey).digest();
}
