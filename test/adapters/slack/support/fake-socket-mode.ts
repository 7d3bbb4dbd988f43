import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Slack's Socket Mode side on a local websocket (RFC 6455, text frames only): says hello,
 * sends envelopes, and collects the app's acknowledgements by envelope id.
 */
export interface FakeSocketModeServer {
  url: string;
  /** Resolves when an app has connected and been greeted. */
  connected(): Promise<void>;
  /** Sends an envelope (`events_api`, `slash_commands`, `interactive`) and resolves with the app's ack. */
  deliver(type: string, payload: unknown, extra?: Record<string, unknown>): Promise<{ envelope_id: string; payload?: unknown }>;
  closeAll(): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function createFakeSocketModeServer(server: Server): FakeSocketModeServer {
  const sockets = new Set<Duplex>();
  const acks = new Map<string, (ack: { envelope_id: string; payload?: unknown }) => void>();
  let onConnected: (() => void) | null = null;
  let isConnected = false;

  server.on('upgrade', (req, socket) => {
    const key = req.headers['sec-websocket-key'];
    if (!key || !(req.url ?? '').startsWith('/link/')) return socket.destroy();
    const accept = createHash('sha1').update(`${key}${GUID}`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
        buffer = buffer.subarray(frame.size);
        if (frame.opcode === 0x8) return void socket.end(encodeFrame(0x8, Buffer.alloc(0)));
        if (frame.opcode === 0x9) socket.write(encodeFrame(0xa, frame.data));
        if (frame.opcode === 0x1) {
          const message = JSON.parse(frame.data.toString('utf8')) as { envelope_id: string; payload?: unknown };
          acks.get(message.envelope_id)?.(message);
          acks.delete(message.envelope_id);
        }
      }
    });
    sendJson(socket, { type: 'hello', num_connections: 1, debug_info: { host: 'applink-fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0EXAMPLE' } });
    isConnected = true;
    onConnected?.();
  });

  return {
    url: '',
    connected: () => (isConnected ? Promise.resolve() : new Promise((resolve) => (onConnected = resolve))),
    deliver(type, payload, extra = {}) {
      const envelope_id = randomUUID();
      const socket = [...sockets][0];
      if (!socket) return Promise.reject(new Error('no Socket Mode connection'));
      const acked = new Promise<{ envelope_id: string; payload?: unknown }>((resolve) => acks.set(envelope_id, resolve));
      sendJson(socket, { envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...extra });
      return acked;
    },
    closeAll() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

function sendJson(socket: Duplex, value: unknown) {
  socket.write(encodeFrame(0x1, Buffer.from(JSON.stringify(value), 'utf8')));
}

function encodeFrame(opcode: number, data: Buffer): Buffer {
  const length = data.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126 && length < 65536) {
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else if (length >= 65536) {
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, data]);
}

/** One client frame (clients always mask), or null until it has fully arrived. */
function readFrame(buffer: Buffer): { opcode: number; data: Buffer; size: number } | null {
  if (buffer.length < 2) return null;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskAt = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const data = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < data.length; i++) data[i] = data[i]! ^ buffer[maskAt + (i % 4)]!;
  return { opcode, data, size: offset + length };
}
