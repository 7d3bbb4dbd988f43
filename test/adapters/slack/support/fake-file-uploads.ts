/** A file as Slack would show it: the bytes that reached the upload URL, where and how it was shared. */
export interface SharedFile {
  fileId: string;
  filename: string;
  title?: string;
  bytes: Buffer;
  /** The conversation it was shared in; absent when completed without one (a private file). */
  channelId?: string;
  initialComment?: string;
  blocks?: unknown[];
}

interface PendingUpload {
  filename: string;
  length: number;
  bytes?: Buffer;
}

/**
 * Slack's external upload, as documented
 * (https://docs.slack.dev/reference/methods/files.getUploadURLExternal and
 * …/files.completeUploadExternal): getUploadURLExternal takes `filename` and `length` (0 is a
 * `missing_argument`) and answers an `upload_url` and a `file_id`; the client POSTs the bytes to
 * the URL, raw or multipart form encoded, and gets HTTP 200; completeUploadExternal takes
 * `files` ([{id, title}]), `channel_id` and `initial_comment` or `blocks` (ignored when
 * `initial_comment` is given), shares the file, and can be called only once per file.
 */
export function createFakeFileUploads(baseUrl: () => string) {
  const pending = new Map<string, PendingUpload>();
  const shared: SharedFile[] = [];
  let counter = 0;

  const methods: Record<string, (args: Record<string, any>) => Record<string, unknown>> = {
    'files.getUploadURLExternal': (args) => {
      const length = Number(args.length);
      if (!args.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'missing_argument' };
      const fileId = `F0UPLOAD${String(++counter).padStart(3, '0')}`;
      pending.set(fileId, { filename: String(args.filename), length });
      return { ok: true, upload_url: `${baseUrl()}/upload/v1/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => {
      const files: Array<{ id: string; title?: string }> = Array.isArray(args.files) ? args.files : [];
      if (files.length === 0) return { ok: false, error: 'invalid_arguments' };
      // Unknown, never uploaded, or completed before: nothing to share.
      if (files.some((f) => !pending.get(f.id)?.bytes)) return { ok: false, error: 'file_not_found' };
      const channelId = args.channel_id ? String(args.channel_id) : undefined;
      const answered = files.map((f) => {
        const upload = pending.get(f.id)!;
        pending.delete(f.id);
        shared.push({
          fileId: f.id, filename: upload.filename, title: f.title, bytes: upload.bytes!,
          ...(channelId ? { channelId } : {}),
          ...(args.initial_comment ? { initialComment: String(args.initial_comment) } : args.blocks ? { blocks: args.blocks } : {}),
        });
        return { id: f.id, title: f.title ?? upload.filename, name: upload.filename, size: upload.bytes!.length };
      });
      return { ok: true, files: answered };
    },
  };

  /** POST /upload/v1/<file id>: the bytes, raw or as the one file of a multipart form. */
  async function receive(path: string, contentType: string, raw: Buffer): Promise<{ status: number; body: string }> {
    const upload = pending.get(path.replace(/^\/upload\/v1\//, ''));
    if (!upload) return { status: 404, body: 'upload url not found' };
    upload.bytes = contentType.startsWith('multipart/form-data') ? await firstFormFile(raw, contentType) : raw;
    return { status: 200, body: `OK - ${upload.bytes.length}` };
  }

  return { methods, receive, shared };
}

async function firstFormFile(raw: Buffer, contentType: string): Promise<Buffer> {
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}
