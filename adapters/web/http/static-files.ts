import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page may load its own scripts and styles and talk to its own server, and nothing else. */
const PAGE_POLICY = [
  "default-src 'self'",
  "img-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The page's files, read once at start: a request can only name a file that was there, never
 * a path of its own making. `/` is `index.html`; the rest are under `/assets/`.
 */
export function createStaticFiles(dir: string) {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    const type = TYPES[extname(name)];
    if (!type || !statSync(path).isFile()) continue;
    files.set(`/${name.split(sep).join('/')}`, { body: readFileSync(path), type });
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = files.get(path === '/' ? '/index.html' : path.replace(/^\/assets/, ''));
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
      'content-security-policy': PAGE_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };
}
