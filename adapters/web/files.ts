import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PostFile } from '../../src/delivery/post.js';

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface FileStore {
  put(file: PostFile): StoredFile;
  get(id: string): StoredFile | undefined;
}

/** Types a browser may show inline in an `<img>`: raster only, as an SVG can carry script. */
const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function isInlineImage(contentType: string): boolean {
  return INLINE_IMAGES.has(contentType);
}

/**
 * Files posted to the page (CSV exports, charts), in memory like the conversations. The
 * oldest are forgotten once the total passes `maxBytes`; their messages then link to nothing.
 */
export function createFileStore(options: { newId: () => string; maxBytes?: number }): FileStore {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const files = new Map<string, StoredFile>();
  let total = 0;
  return {
    put(file) {
      const stored: StoredFile = { id: options.newId(), name: safeFileName(file.name), contentType: file.mimeType, data: file.data };
      files.set(stored.id, stored);
      total += stored.data.length;
      for (const [id, old] of files) {
        if (total <= maxBytes || id === stored.id) break;
        files.delete(id);
        total -= old.data.length;
      }
      return stored;
    },
    get: (id) => files.get(id),
  };
}

/**
 * A file's name is a label chosen by whoever made the file: keep the last path segment, drop
 * control characters and characters that mean something in a header or on a disk.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '').replace(/^\.+/, '').trim().slice(0, 120);
  return cleaned || 'file';
}

/** `GET /files/<id>`: always a download (never rendered as a page of ours), typed only when harmless. */
export function serveFile(store: FileStore) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const id = decodeURIComponent((req.url ?? '').split('?')[0]!.slice('/files/'.length));
    const file = store.get(id);
    if (req.method !== 'GET' || !file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_');
    res.writeHead(200, {
      'content-type': isInlineImage(file.contentType) || file.contentType === 'text/csv' ? file.contentType : 'application/octet-stream',
      'content-length': file.data.length,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
    });
    res.end(file.data);
  };
}
