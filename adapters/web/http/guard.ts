import type { IncomingMessage } from 'node:http';

/**
 * The playground has no login: whoever reaches it may act as anyone. So, besides listening on
 * loopback only, it refuses what a web page elsewhere could make a browser send it:
 * - a Host that is not a loopback name, while listening on loopback (DNS rebinding);
 * - a write that is not JSON (a cross-site form post; JSON needs a CORS preflight we never grant)
 *   or that comes from another origin.
 * Returns why a request is refused, or null.
 */
export function refusal(req: IncomingMessage, options: { loopbackOnly: boolean }): string | null {
  const host = req.headers.host ?? '';
  if (options.loopbackOnly && !isLoopbackHost(host)) return `host ${host || '(none)'} is not a loopback address`;
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return 'expected an application/json body';
  const origin = req.headers.origin;
  if (origin && origin !== `http://${host}` && origin !== `https://${host}`) return `origin ${origin} is not this page`;
  return null;
}

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Whether a listening address only takes connections from this machine. */
export function isLoopbackAddress(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127(\.\d{1,3}){3}$/.test(address);
}
