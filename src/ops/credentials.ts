import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Who may use an operations endpoint: HTTP Basic (user and password), a bearer token, or both
 * ways. Comparisons take the same time however much of a guess is right.
 */
export interface Credentials {
  user?: string | undefined;
  password?: string | undefined;
  token?: string | undefined;
}

/** Equal-length digests, so neither the content nor the length of the secret leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function authorized(req: IncomingMessage, credentials: Credentials): boolean {
  const header = req.headers.authorization ?? '';
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (credentials.token && /^bearer$/i.test(scheme)) return sameSecret(value, credentials.token);
  if (credentials.user && credentials.password && /^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    // Both compared, always: stopping at a wrong user would tell which part was wrong.
    const userOk = sameSecret(decoded.slice(0, colon), credentials.user);
    const passwordOk = sameSecret(decoded.slice(colon + 1), credentials.password);
    return userOk && passwordOk;
  }
  return false;
}

/** 401 with the challenge a browser (Basic) or a scraper (Bearer) understands. */
export function refuse(res: ServerResponse, credentials: Credentials, realm: string): void {
  const challenges = [
    ...(credentials.user && credentials.password ? [`Basic realm="${realm}", charset="UTF-8"`] : []),
    ...(credentials.token ? [`Bearer realm="${realm}"`] : []),
  ];
  res.writeHead(401, { 'www-authenticate': challenges, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Authentication required\n');
}
