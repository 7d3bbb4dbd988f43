import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeUploads, type UploadedToFeishu } from './fake-uploads.js';

/** One message the bot posted, as the Open API received it. */
export interface PostedToFeishu {
  messageId: string;
  chatId: string;
  receiveIdType: string;
  receiveId: string;
  msgType: string;
  /** `content` parsed from the JSON string the API requires. */
  content: Record<string, unknown>;
  uuid?: string;
}

export interface Failure {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface FakeOpenApi {
  url: string;
  posted: PostedToFeishu[];
  patches: Array<{ messageId: string; card: Record<string, unknown> }>;
  delayedUpdates: Array<{ token: string; card: Record<string, unknown> }>;
  /** Images and files uploaded for messages (im/v1/images, im/v1/files), bytes included. */
  uploads: UploadedToFeishu[];
  tokenRequests: number;
  /** Every call that changed something, in order: `post <message_id>`, `patch <message_id>`, `delayed <token>`. */
  calls: string[];
  /** The next request to `method path` (path without query) fails this way. */
  failNext(method: string, path: string, failure: Failure): void;
  /** Extra routes, e.g. the long connection's endpoint. */
  route(method: string, path: string, handler: (body: Record<string, unknown>) => Record<string, unknown>): void;
  close(): Promise<void>;
}

const TENANT_TOKEN = 't-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234';

/**
 * The parts of the Feishu Open API Baton calls, as documented: tenant token, message create
 * (content must be a JSON string; `uuid` deduplicates), message patch, delayed card update.
 * Every call but the token needs `Authorization: Bearer <tenant_access_token>`.
 */
export async function startFakeOpenApi(): Promise<FakeOpenApi> {
  const posted: PostedToFeishu[] = [];
  const patches: FakeOpenApi['patches'] = [];
  const delayedUpdates: FakeOpenApi['delayedUpdates'] = [];
  const calls: string[] = [];
  const failures = new Map<string, Failure[]>();
  const extra = new Map<string, (body: Record<string, unknown>) => Record<string, unknown>>();
  let counter = 0;
  const api = { tokenRequests: 0 };
  const fakeUploads = createFakeUploads();

  const handlers: Record<string, (req: IncomingMessage, body: Record<string, unknown>, query: URLSearchParams, res: ServerResponse) => void> = {
    'POST /open-apis/auth/v3/tenant_access_token/internal': (_req, body, _q, res) => {
      api.tokenRequests++;
      if (typeof body.app_id !== 'string' || typeof body.app_secret !== 'string') return json(res, 400, { code: 10003, msg: 'invalid param' });
      json(res, 200, { code: 0, msg: 'ok', tenant_access_token: TENANT_TOKEN, expire: 7200 });
    },
    'POST /open-apis/im/v1/messages': (_req, body, query, res) => {
      const receiveIdType = query.get('receive_id_type') ?? '';
      if (!['open_id', 'user_id', 'union_id', 'chat_id', 'email'].includes(receiveIdType)) return json(res, 400, { code: 99992402, msg: 'field validation failed' });
      if (typeof body.content !== 'string') return json(res, 400, { code: 230001, msg: 'content must be a JSON string' });
      const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
      const earlier = uuid ? posted.find((p) => p.uuid === uuid) : undefined;
      if (earlier) return json(res, 200, { code: 0, msg: 'success', data: messageData(earlier) });
      const receiveId = String(body.receive_id);
      const message: PostedToFeishu = {
        messageId: `om_${(++counter).toString(16).padStart(32, '0')}`,
        chatId: receiveIdType === 'chat_id' ? receiveId : `oc_p2p_${receiveId}`,
        receiveIdType,
        receiveId,
        msgType: String(body.msg_type),
        content: JSON.parse(body.content) as Record<string, unknown>,
        ...(uuid ? { uuid } : {}),
      };
      posted.push(message);
      calls.push(`post ${message.messageId}`);
      json(res, 200, { code: 0, msg: 'success', data: messageData(message) });
    },
    'POST /open-apis/interactive/v1/card/update': (_req, body, _q, res) => {
      delayedUpdates.push({ token: String(body.token), card: body.card as Record<string, unknown> });
      calls.push(`delayed ${String(body.token)}`);
      json(res, 200, { code: 0, msg: 'success' });
    },
  };

  function messageData(m: PostedToFeishu) {
    return {
      message_id: m.messageId,
      root_id: '',
      parent_id: '',
      msg_type: m.msgType,
      create_time: '1764468000000',
      update_time: '1764468000000',
      deleted: false,
      updated: false,
      chat_id: m.chatId,
      sender: { id: 'cli_a5fb0ae6a4f8d00c', id_type: 'app_id', sender_type: 'app', tenant_key: '2ca1d211f64f6438' },
      body: { content: JSON.stringify(m.content) },
    };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const contentType = req.headers['content-type'] ?? '';
      const multipart = contentType.startsWith('multipart/');
      const body = chunks.length && !multipart ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      const key = `${req.method} ${url.pathname}`;
      const patchMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(url.pathname);
      const failure = failures.get(req.method === 'PATCH' && patchMatch ? 'PATCH /open-apis/im/v1/messages/:id' : key)?.shift();
      if (failure) return json(res, failure.status, failure.body, failure.headers);
      if (extra.has(key)) return json(res, 200, extra.get(key)!(body));
      if (key !== 'POST /open-apis/auth/v3/tenant_access_token/internal' && req.headers.authorization !== `Bearer ${TENANT_TOKEN}`) {
        return json(res, 400, { code: 99991663, msg: 'Invalid access token for authorization' });
      }
      if (req.method === 'PATCH' && patchMatch) {
        if (typeof body.content !== 'string') return json(res, 400, { code: 230001, msg: 'content must be a JSON string' });
        if (!posted.some((p) => p.messageId === patchMatch[1])) return json(res, 400, { code: 230011, msg: 'message not found' });
        patches.push({ messageId: patchMatch[1]!, card: JSON.parse(body.content) as Record<string, unknown> });
        calls.push(`patch ${patchMatch[1]!}`);
        return json(res, 200, { code: 0, msg: 'success', data: {} });
      }
      if (fakeUploads.paths.includes(key)) {
        void fakeUploads.handle(url.pathname, contentType, Buffer.concat(chunks)).then((answer) => json(res, answer.status, answer.body));
        return;
      }
      const handler = handlers[key];
      if (!handler) return json(res, 404, { code: 404, msg: `no fake for ${key}` });
      handler(req, body, url.searchParams, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    patches,
    delayedUpdates,
    uploads: fakeUploads.uploads,
    calls,
    get tokenRequests() {
      return api.tokenRequests;
    },
    failNext(method, path, failure) {
      const key = `${method} ${path}`;
      failures.set(key, [...(failures.get(key) ?? []), failure]);
    },
    route(method, path, handler) {
      extra.set(`${method} ${path}`, handler);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}
