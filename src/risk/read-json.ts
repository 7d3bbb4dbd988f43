import type { IncomingMessage } from 'node:http';

export type JsonBody = { json: unknown } | { refused: 'too-large' | 'malformed'; detail: string };

/** `application/json`, with no charset or UTF-8 (RFC 8259 JSON is UTF-8). */
export function isJsonContentType(header: string | undefined): boolean {
  const [type = '', ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/**
 * Reads and parses a JSON body of at most `limit` bytes. A larger body is refused as soon as it
 * is known to be larger (by its Content-Length, or while it streams), without reading the rest.
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<JsonBody> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { refused: 'too-large', detail: `${declared} bytes` };
  const chunks: Buffer[] = [];
  let size = 0;
  const complete = await new Promise<boolean>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(false);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(true));
    req.once('error', reject);
  });
  if (!complete) return { refused: 'too-large', detail: `more than ${limit} bytes` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { refused: 'malformed', detail: 'the body is not UTF-8 text' };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return { refused: 'malformed', detail: error instanceof Error ? error.message : 'not JSON' };
  }
}
