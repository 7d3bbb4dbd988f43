import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import protobuf from 'protobufjs';
import type { FakeOpenApi } from './fake-open-api.js';

/** The SDK's frame, `pbbp2.Frame`, rebuilt from its field numbers (node-sdk ws-client/proto). */
const root = protobuf.Root.fromJSON({
  nested: {
    pbbp2: {
      nested: {
        Header: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        Frame: {
          fields: {
            SeqID: { type: 'uint64', id: 1 },
            LogID: { type: 'uint64', id: 2 },
            service: { type: 'int32', id: 3 },
            method: { type: 'int32', id: 4 },
            headers: { rule: 'repeated', type: 'Header', id: 5 },
            payloadEncoding: { type: 'string', id: 6 },
            payloadType: { type: 'string', id: 7 },
            payload: { type: 'bytes', id: 8 },
            LogIDNew: { type: 'string', id: 9 },
          },
        },
      },
    },
  },
});
const Frame = root.lookupType('pbbp2.Frame');

interface Frame {
  SeqID?: number;
  LogID?: number;
  service: number;
  method: number;
  headers: Array<{ key: string; value: string }>;
  payload?: Uint8Array;
}

/** The bits of the `ws` package this fake uses (it ships no types; the SDK depends on it). */
interface Socket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(data: Uint8Array): void;
  terminate(): void;
}
interface SocketServer {
  on(event: 'connection', listener: (socket: Socket) => void): void;
  clients: Set<Socket>;
  close(): void;
}
const { WebSocketServer } = createRequire(import.meta.url)('ws') as {
  WebSocketServer: new (options: { server: Server }) => SocketServer;
};

const SERVICE_ID = 33;
const DATA = 1;
const CONTROL = 0;

export interface FakeLongConnection {
  /** Resolves when the SDK's client has connected. */
  connected: Promise<void>;
  /** Sends an event or callback as Feishu does and resolves with the client's answer payload. */
  deliver(payload: object): Promise<{ code: number; data?: unknown }>;
  close(): Promise<void>;
}

/**
 * Feishu's long-connection gateway, minimal: the endpoint the SDK asks for a websocket URL
 * (`POST /callback/ws/endpoint`, on the fake Open API) and a websocket that sends event
 * frames and reads the client's answers, matched by message_id.
 */
export async function startFakeLongConnection(api: FakeOpenApi): Promise<FakeLongConnection> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  api.route('POST', '/callback/ws/endpoint', (body) => {
    if (typeof body.AppID !== 'string' || typeof body.AppSecret !== 'string') return { code: 514, msg: 'auth failed' };
    return {
      code: 0,
      msg: 'ok',
      data: {
        // The SDK parses the whole URL as a query string: a first dummy parameter keeps device_id intact.
        URL: `ws://127.0.0.1:${port}/ws?_=0&device_id=7426150731473952788&service_id=${SERVICE_ID}`,
        ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 },
      },
    };
  });

  let socket: Socket | undefined;
  let announce!: () => void;
  const connected = new Promise<void>((resolve) => (announce = resolve));
  const waiting = new Map<string, (answer: { code: number; data?: unknown }) => void>();
  let counter = 0;

  wss.on('connection', (s) => {
    socket = s;
    s.on('message', (data) => {
      const frame = Frame.toObject(Frame.decode(data), { longs: Number }) as Frame;
      const header = (key: string) => frame.headers.find((h) => h.key === key)?.value;
      if (frame.method === CONTROL) return;
      const id = header('message_id');
      const answer = JSON.parse(Buffer.from(frame.payload ?? []).toString('utf8')) as { code: number; data?: string };
      waiting.get(id ?? '')?.({ code: answer.code, ...(answer.data ? { data: JSON.parse(Buffer.from(answer.data, 'base64').toString('utf8')) } : {}) });
      waiting.delete(id ?? '');
    });
    announce();
  });

  return {
    connected,
    deliver(payload) {
      if (!socket) throw new Error('no client connected');
      const messageId = `msg_${++counter}`;
      const frame = Frame.create({
        SeqID: counter,
        LogID: counter,
        service: SERVICE_ID,
        method: DATA,
        headers: [
          { key: 'type', value: 'event' },
          { key: 'message_id', value: messageId },
          { key: 'sum', value: '1' },
          { key: 'seq', value: '0' },
          { key: 'trace_id', value: `trace_${counter}` },
        ],
        payload: Buffer.from(JSON.stringify(payload), 'utf8'),
      });
      const answered = new Promise<{ code: number; data?: unknown }>((resolve) => waiting.set(messageId, resolve));
      socket.send(Frame.encode(frame).finish());
      return answered;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
