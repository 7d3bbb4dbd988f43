import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeFileUploads, type SharedFile } from './fake-file-uploads.js';
import { createFakeSocketModeServer, type FakeSocketModeServer } from './fake-socket-mode.js';

/** One Web API call as Slack would have received it: method, bearer token, decoded arguments. */
export interface ApiCall {
  method: string;
  token: string | undefined;
  args: Record<string, any>;
  /** What the fake answered (JSON body). */
  response?: Record<string, any>;
}

/** What a scripted method answers instead of the default: HTTP status, headers, JSON body. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Base URL for `SLACK_API_URL`, ending in `/api/` like https://slack.com/api/. */
  apiUrl: string;
  /** A response_url Slack would put in a payload; posts to it are recorded in `responses`. */
  responseUrl(name: string): string;
  calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  responses: Array<{ path: string; body: Record<string, any> }>;
  /** Scripts the next answer(s) of a method; later calls fall back to the default. */
  answerNext(method: string, answer: ScriptedAnswer): void;
  /** Slack users known to users.info, by id. */
  users: Map<string, { email?: string; locale?: string }>;
  /** Files shared through files.getUploadURLExternal → upload URL → files.completeUploadExternal. */
  files: SharedFile[];
  socket: FakeSocketModeServer;
  /** Resolves when `predicate` holds, polling the recorded traffic. */
  waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * A stand-in for slack.com on 127.0.0.1: the Web API methods Baton calls, answered with the
 * documented response shapes (https://docs.slack.dev/reference/methods), response_url
 * endpoints, and a Socket Mode websocket. Every request is recorded for assertions.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const responses: FakeSlackApi['responses'] = [];
  const scripted = new Map<string, ScriptedAnswer[]>();
  const users = new Map<string, { email?: string; locale?: string }>();
  let tsCounter = 0;
  const nextTs = () => `17648000${String(++tsCounter).padStart(2, '0')}.${String(100 + tsCounter).padStart(6, '0')}`;
  let baseUrl = '';
  const uploads = createFakeFileUploads(() => baseUrl);

  const methods: Record<string, (args: Record<string, any>) => Record<string, unknown>> = {
    'auth.test': () => ({ ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'baton', team_id: 'T0EXAMPLE', user_id: 'U0BATONBOT', bot_id: 'B0BATONBOT', is_enterprise_install: false }),
    'chat.postMessage': (args) => {
      // Posting to a user id posts into the app's DM with them (a D… channel).
      const channel = String(args.channel).startsWith('U') ? `D${String(args.channel).slice(1)}` : String(args.channel);
      const ts = nextTs();
      return { ok: true, channel, ts, message: { type: 'message', subtype: 'bot_message', text: args.text, ts, bot_id: 'B0BATONBOT', blocks: args.blocks } };
    },
    'chat.update': (args) => ({ ok: true, channel: args.channel, ts: args.ts, text: args.text, message: { text: args.text, blocks: args.blocks } }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'views.open': (args) => ({ ok: true, view: { id: `V0${tsCounter}`, team_id: 'T0EXAMPLE', ...args.view, state: { values: {} }, hash: '1764800000.abcdef' } }),
    'views.publish': (args) => ({ ok: true, view: { id: `V0HOME${args.user_id}`, ...args.view } }),
    'users.info': (args) => {
      const user = users.get(String(args.user));
      if (!user) return { ok: false, error: 'user_not_found' };
      return { ok: true, user: { id: args.user, team_id: 'T0EXAMPLE', name: 'someone', locale: user.locale ?? 'en-US', profile: { ...(user.email ? { email: user.email } : {}) } } };
    },
    'conversations.open': (args) => ({ ok: true, channel: { id: `D${String(args.users).slice(1)}` } }),
    'apps.connections.open': () => ({ ok: true, url: `${socket.url}?ticket=fake-ticket&app_id=A0EXAMPLE` }),
    ...uploads.methods,
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  const socket = createFakeSocketModeServer(server);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/upload/')) {
      const answer = await uploads.receive(path, req.headers['content-type'] ?? '', bytes);
      return send(res, answer.status, { 'content-type': 'text/plain' }, answer.body);
    }
    if (path.startsWith('/response/')) {
      responses.push({ path, body: JSON.parse(raw || '{}') });
      return send(res, 200, { 'content-type': 'text/plain' }, 'ok');
    }
    const method = path.replace(/^\/api\//, '');
    const args = decodeArgs(raw, req.headers['content-type'] ?? '');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const queued = scripted.get(method)?.shift();
    if (queued) {
      calls.push({ method, token, args, response: queued.body });
      return send(res, queued.status ?? 200, { 'content-type': 'application/json', ...queued.headers }, JSON.stringify(queued.body));
    }
    const answer = methods[method]?.(args) ?? { ok: false, error: 'unknown_method' };
    calls.push({ method, token, args, response: answer });
    send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(answer));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  socket.url = `${baseUrl.replace('http', 'ws')}/link/`;

  return {
    apiUrl: `${baseUrl}/api/`,
    responseUrl: (name) => `${baseUrl}/response/${name}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responses,
    users,
    files: uploads.shared,
    socket,
    answerNext(method, answer) {
      scripted.set(method, [...(scripted.get(method) ?? []), answer]);
    },
    async waitFor(predicate, what, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      socket.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The Web API takes form-encoded arguments whose structured values (blocks, view) are JSON. */
function decodeArgs(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? parseOr(value) : value;
  }
  return args;
}

/** JSON arguments (blocks, view) parsed; text that merely starts with a bracket stays text. */
function parseOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  res.writeHead(status, headers).end(body);
}
