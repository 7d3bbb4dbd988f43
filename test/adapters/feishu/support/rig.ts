import { randomBytes } from 'node:crypto';
import { createFeishuPlatform, type FeishuPlatform } from '../../../../adapters/feishu/index.js';
import type { ClickAnswer, FeishuSettings } from '../../../../adapters/feishu/settings.js';
import { startHttpServer, type HttpServer } from '../../../../src/http/http-server.js';
import { createLogger, type Logger } from '../../../../src/logger.js';
import { createHarness, type Harness } from '../../../support/harness.js';
import { ENCRYPT_KEY, postEvent, VERIFICATION_TOKEN, type Payload, type SendOptions } from './events.js';
import { startFakeLongConnection, type FakeLongConnection } from './fake-long-connection.js';
import { startFakeOpenApi, type FakeOpenApi } from './fake-open-api.js';

export interface FeishuRig {
  h: Harness;
  api: FakeOpenApi;
  platform: FeishuPlatform;
  server: HttpServer;
  settings: FeishuSettings;
  /** The long-connection gateway, in ws mode. */
  gateway: FakeLongConnection | undefined;
  /** Posts an event or callback to /feishu/events, signed now (by the harness clock). */
  send(payload: Payload, options?: Partial<SendOptions>): Promise<{ status: number; body: any }>;
  /**
   * Clicks or submits on a card as a person would, and waits for Baton to settle: the
   * callback's answer, the card the clicked message shows afterwards (from the answer, or by
   * the callback's delayed-update token) and what the person was told privately since.
   */
  press(payload: Payload): Promise<Pressed>;
  /** Waits for work started by events and for the outbox to be delivered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface Pressed {
  status: number;
  /** The callback's answer, as Feishu got it. */
  answer: any;
  /** What the clicked card became; undefined when it stayed as it was. */
  card: any;
  /** The toast the answer carried, if any. */
  toast: { type: string; content: string } | undefined;
  /** Texts of messages sent to the clicker's chat with the bot after the click. */
  told: string[];
}

/** A unique app id per rig: the SDK caches tenant tokens by app id. */
export function appId(): string {
  return `cli_${randomBytes(8).toString('hex')}`;
}

/** Baton on a fresh database, its Feishu platform talking to a fake Open API, served over HTTP. */
/** `logger`: where Baton and its Feishu platform log (silent unless given), for tests that assert what was logged. */
export async function createFeishuRig(
  options: { clickAnswer?: ClickAnswer; answerWithinMs?: number; mode?: 'webhook' | 'ws'; harness?: Harness; logger?: Logger } = {},
): Promise<FeishuRig> {
  // Another platform's test rig may own the harness: then it closes it, too.
  const h = options.harness ?? (await createHarness(undefined, { recordingPlatform: false, ...(options.logger ? { logger: options.logger } : {}) }));
  const api = await startFakeOpenApi();
  const settings: FeishuSettings = {
    appId: appId(),
    appSecret: 'sec_9fGdLm2QvX7pWk4T',
    verificationToken: VERIFICATION_TOKEN,
    encryptKey: ENCRYPT_KEY,
    domain: api.url,
    mode: options.mode ?? 'webhook',
    clickAnswer: options.clickAnswer ?? 'at-once',
  };
  const platform = await createFeishuPlatform({
    baton: h.baton,
    settings,
    logger: options.logger ?? createLogger({ level: 'silent' }),
    ...(options.answerWithinMs !== undefined ? { answerWithinMs: options.answerWithinMs } : {}),
  });
  h.baton.addAdapter(platform.adapter);
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: platform.routes });
  const gateway = settings.mode === 'ws' ? await startFakeLongConnection(api) : undefined;
  await platform.start();
  const settle = async () => {
    await platform.idle();
    await h.scheduler.settle();
  };
  const send: FeishuRig['send'] = (payload, sendOptions = {}) =>
    postEvent(`${server.url}/feishu/events`, payload, { timestamp: Math.floor(h.clock.now().getTime() / 1000), ...sendOptions });
  return {
    h,
    api,
    platform,
    server,
    settings,
    gateway,
    send,
    async press(payload) {
      const openId = payload.event.operator.open_id as string;
      const before = api.posted.length;
      const response = await send(payload);
      await settle();
      const late = api.delayedUpdates.filter((u) => u.token === payload.event.token).at(-1)?.card;
      return {
        status: response.status,
        answer: response.body,
        card: late ?? response.body?.card?.data,
        toast: response.body?.toast,
        told: api.posted.slice(before).filter((p) => p.receiveId === openId && p.msgType === 'post').map((p) => postText(p.content)),
      };
    },
    settle,
    async close() {
      await platform.stop();
      await gateway?.close();
      await server.close();
      await api.close();
      if (!options.harness) await h.close();
    },
  };
}

/** A `post` message's text, lines joined by newlines. */
export function postText(content: Record<string, unknown>): string {
  const post = Object.values(content)[0] as { content: Array<Array<{ text?: string }>> };
  return post.content.map((line) => line.map((e) => e.text ?? '').join('')).join('\n');
}
