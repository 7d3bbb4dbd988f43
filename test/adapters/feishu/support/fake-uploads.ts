/** A file that reached the Open API's upload endpoints, as Feishu would keep it. */
export interface UploadedToFeishu {
  kind: 'image' | 'file';
  /** The `image_key` or `file_key` the upload answered. */
  key: string;
  bytes: Buffer;
  /** `image_type` (images) or `file_type` (files). */
  type: string;
  /** `file_name` (files only): the name shown in the chat. */
  fileName?: string;
  /** The multipart part's own file name and content type. */
  partName: string;
  partType: string;
}

const MB = 1024 * 1024;
const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);
const invalid = { status: 400, body: { code: 234001, msg: 'Invalid request param.' } };
const tooLarge = { status: 400, body: { code: 234006, msg: 'The file size exceed the max value.' } };

/**
 * POST /open-apis/im/v1/images and /open-apis/im/v1/files as documented
 * (https://open.feishu.cn/document/server-docs/im-v1/image/create, …/file/create): multipart
 * form data; images take `image_type` (message or avatar) and `image` (at most 10 MB, not
 * empty); files take `file_type` (opus, mp4, pdf, doc, xls, ppt, stream), `file_name` and
 * `file` (at most 30 MB, not empty). Answers `{ code: 0, data: { image_key | file_key } }`.
 * The file must be a file part (with a file name): a bare field is refused as Feishu does
 * (larksuite/node-sdk#44).
 */
export function createFakeUploads() {
  const uploads: UploadedToFeishu[] = [];
  let counter = 0;

  async function handle(path: string, contentType: string, raw: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
    if (!contentType.startsWith('multipart/form-data')) return invalid;
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const kind = path.endsWith('/images') ? 'image' : 'file';
    const part = form.get(kind);
    if (!part || typeof part === 'string' || part.size === 0) return invalid;
    if (part.size > (kind === 'image' ? 10 : 30) * MB) return tooLarge;
    const type = String(form.get(kind === 'image' ? 'image_type' : 'file_type') ?? '');
    const fileName = form.get('file_name');
    if (kind === 'image' ? !['message', 'avatar'].includes(type) : !FILE_TYPES.has(type) || typeof fileName !== 'string' || fileName === '') return invalid;
    const key = `${kind === 'image' ? 'img' : 'file'}_v3_${String(++counter).padStart(4, '0')}`;
    uploads.push({
      kind, key, type, bytes: Buffer.from(await part.arrayBuffer()), partName: part.name, partType: part.type,
      ...(kind === 'file' ? { fileName: String(fileName) } : {}),
    });
    return { status: 200, body: { code: 0, msg: 'success', data: kind === 'image' ? { image_key: key } : { file_key: key } } };
  }

  return { uploads, handle, paths: ['POST /open-apis/im/v1/images', 'POST /open-apis/im/v1/files'] };
}
