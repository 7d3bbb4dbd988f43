// Baton's Feishu platform (webhook mode) and a bare Lark EventDispatcher side by side on
// 127.0.0.1, answering the same encrypted, signed payloads; the Open API is the fake of
// test/adapters/feishu/support.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import { createFeishuPlatform, type FeishuPlatform } from '../../adapters/feishu/index.js';
import { sdkLogger } from '../../adapters/feishu/sdk-logger.js';
import type { ClickAnswer } from '../../adapters/feishu/settings.js';
import { encryptBody, signature } from '../../adapters/feishu/webhook/crypto.js';
import { startHttpServer, type Route } from '../../src/http/http-server.js';
import { createLogger } from '../../src/logger.js';
import { ENCRYPT_KEY, VERIFICATION_TOKEN, type Payload } from '../../test/adapters/feishu/support/events.js';
import { startFakeOpenApi, type FakeOpenApi } from '../../test/adapters/feishu/support/fake-open-api.js';
import type { PreparedRequest } from './ack-client-protocol.js';
import type { Core } from './core.js';

export const FEISHU_EVENTS = '/feishu/events';

export interface BatonFeishu {
  url: string;
  api: FakeOpenApi;
  platform: FeishuPlatform;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startBatonFeishu(
  core: Core,
  wrapRoutes: (routes: Route[]) => Route[] = (routes) => routes,
  clickAnswer: ClickAnswer = 'at-once',
): Promise<BatonFeishu> {
  const api = await startFakeOpenApi();
  const platform = await createFeishuPlatform({
    baton: core.baton,
    // A fresh app id: the SDK caches tenant tokens by app id.
    settings: { appId: `cli_${randomBytes(8).toString('hex')}`, appSecret: 'sec_9fGdLm2QvX7pWk4T', verificationToken: VERIFICATION_TOKEN, encryptKey: ENCRYPT_KEY, domain: api.url, mode: 'webhook', clickAnswer },
    logger: core.logger,
  });
  core.baton.addAdapter(platform.adapter);
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: wrapRoutes(platform.routes) });
  await platform.start();
  return {
    url: `${server.url}${FEISHU_EVENTS}`,
    api,
    platform,
    async settle() {
      await platform.idle();
      await core.scheduler.settle();
      await platform.idle();
    },
    async close() {
      await platform.stop();
      await server.close();
      await api.close();
    },
  };
}

export interface BareLark {
  url: string;
  close(): Promise<void>;
}

/**
 * The baseline: the SDK's EventDispatcher with the same encrypt key and verification token
 * (it checks the signature and decrypts), no-op handlers for messages and card clicks, mounted
 * with adaptDefault on a plain node:http server.
 */
export async function startBareLark(): Promise<BareLark> {
  const dispatcher = new lark.EventDispatcher({ encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, logger: sdkLogger(createLogger({ level: 'silent' })) }).register({
    'im.message.receive_v1': async () => {},
    'card.action.trigger': async () => ({}),
  } as Record<string, (data: never) => Promise<unknown>>);
  const server = createServer(lark.adaptDefault(FEISHU_EVENTS, dispatcher, { autoChallenge: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${FEISHU_EVENTS}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** As Feishu sends it: compact JSON, AES-encrypted with the Encrypt Key, signed now. */
export function encryptedRequest(url: string, payload: Payload): PreparedRequest {
  const body = JSON.stringify({ encrypt: encryptBody(JSON.stringify(payload), ENCRYPT_KEY) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  return {
    url,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signature(timestamp, nonce, ENCRYPT_KEY, body),
    },
    body,
  };
}
