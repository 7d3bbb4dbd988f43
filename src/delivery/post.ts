import type { Principal } from '../directory/principal.js';
import type { MessageKey } from '../i18n/translate.js';
import type { NoteParam } from '../workflows/definition.js';

/** A file that goes out with a post: a CSV export, a chart. `name` is only a label, never a path. */
export interface PostFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

/**
 * A message that belongs to no workflow instance (a report, an export, a digest), to a person
 * or a department. Its text is rendered like a notification's, in each recipient's language.
 */
export interface Post {
  to: Principal;
  messageKey: MessageKey;
  params: Record<string, NoteParam>;
  file?: PostFile;
}

/** Sends posts: written to the outbox in one transaction, then delivered like notifications. */
export interface Posts {
  send(posts: Post[]): Promise<void>;
}

/**
 * The largest file Baton posts. Slack and Feishu accept more (Feishu's file upload stops at
 * 30 MB), but the file rides base64 inside an outbox row until delivered: keep rows modest.
 */
export const MAX_POST_FILE_BYTES = 10 * 1024 * 1024;

/** The outbox row's payload: the post with its file as base64, since payloads are JSON. */
export interface PostPayload {
  to: Principal;
  messageKey: MessageKey;
  params: Record<string, NoteParam>;
  file?: { name: string; mimeType: string; base64: string };
}

export function toPayload(post: Post): PostPayload {
  const { to, messageKey, params, file } = post;
  return {
    to,
    messageKey,
    params,
    ...(file ? { file: { name: file.name, mimeType: file.mimeType, base64: file.data.toString('base64') } } : {}),
  };
}

export function fromPayload(payload: PostPayload): Post {
  const { to, messageKey, params, file } = payload;
  return {
    to,
    messageKey,
    params,
    ...(file ? { file: { name: file.name, mimeType: file.mimeType, data: Buffer.from(file.base64, 'base64') } } : {}),
  };
}

/** How `/failures` names a post that did not arrive: its file's name, as it has no instance ref. */
export function postLabel(payload: unknown): string | null {
  return (payload as PostPayload).file?.name ?? null;
}
