import type { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type * as lark from '@larksuiteoapi/node-sdk';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import type { PostFile } from '../../../src/delivery/post.js';
import { classifyFeishuError } from './errors.js';

/** Uploads a file to Feishu for a message to refer to by key. */
export interface Uploader {
  /** POST /open-apis/im/v1/images with image_type `message`; returns the `image_key`. */
  image(file: PostFile): Promise<string>;
  /** POST /open-apis/im/v1/files with file_type `stream` and the file's name; returns the `file_key`. */
  file(file: PostFile): Promise<string>;
}

/**
 * Both calls go through the SDK's multipart helpers, which differ from the message calls in
 * two ways that matter here:
 * - a Buffer becomes a form part without a file name, which Feishu does not take as the
 *   file (larksuite/node-sdk#44); a stream with a `path` becomes a part named after it. The
 *   name is derived, never the caller's label: form-data writes it into a header unescaped;
 * - they answer only the `data` of the body, or null when the body had none: a refusal that
 *   came back with HTTP 200 shows up as a missing key, with no code to classify.
 */
export function createUploader(client: lark.Client): Uploader {
  async function upload(what: string, request: () => Promise<Record<string, unknown> | null>, key: string): Promise<string> {
    let data: Record<string, unknown> | null;
    try {
      data = await request();
    } catch (error) {
      throw classifyFeishuError(error, what);
    }
    const value = data?.[key];
    if (typeof value !== 'string' || value === '') throw new DeliveryError('transient', `${what} failed: no ${key} in the answer`);
    return value;
  }

  return {
    image: (file) =>
      upload('im.image.create', () => client.im.v1.image.create({ data: { image_type: 'message', image: namedStream(file) } }), 'image_key'),
    file: (file) =>
      upload('im.file.create', () => client.im.v1.file.create({ data: { file_type: 'stream', file_name: file.name, file: namedStream(file) } }), 'file_key'),
  };
}

/** The SDK types the part as an fs.ReadStream; any readable stream with a `path` serves. */
function namedStream(file: PostFile): ReadStream {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase();
  return Object.assign(Readable.from([file.data]), { path: ext ? `upload.${ext}` : 'upload' }) as unknown as ReadStream;
}
