import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { PostFile } from '../../src/delivery/post.js';

/**
 * Saves a posted file under `dir` and returns its path. The given name is only a label: it is
 * reduced to letters, digits, `.`, `_` and `-` (no separators, no leading dots), prefixed with
 * a random id so two posts never overwrite each other, and written with `wx` so nothing
 * existing is replaced.
 */
export async function saveFile(dir: string, file: PostFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID().slice(0, 8)}-${safeName(file.name)}`);
  // Belt and braces: whatever the name was, the file lands directly in `dir`.
  if (!resolve(path).startsWith(resolve(dir) + sep)) throw new Error(`refusing to write outside ${dir}`);
  await writeFile(path, file.data, { flag: 'wx' });
  return path;
}

export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[.]+/, '').slice(-100);
  return cleaned === '' || /^[._-]*$/.test(cleaned) ? 'file' : cleaned;
}

/** `532 B`, `12.3 KB`, `4.1 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
