import * as lark from '@larksuiteoapi/node-sdk';
import type { Baton } from '../../src/app.js';
import type { OutboundAdapter } from '../../src/delivery/outbound.js';
import type { Route } from '../../src/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { checkCredentials } from './credentials.js';
import type { InboundContext } from './inbound/context.js';
import { createDispatcher } from './inbound/dispatcher.js';
import { createLongConnection } from './long-connection.js';
import { createAnsweringCards } from './outbound/answering.js';
import { createFeishuAdapter } from './outbound/feishu-adapter.js';
import { createMessenger } from './outbound/messenger.js';
import { createUploader } from './outbound/uploads.js';
import { sdkLogger } from './sdk-logger.js';
import type { FeishuSettings } from './settings.js';
import { createEventsRoute } from './webhook/route.js';

export { feishuSettingsFromEnv, type FeishuSettings } from './settings.js';

export interface FeishuPlatform {
  /** Register with `baton.addAdapter` so notifications reach Feishu people and chats. */
  adapter: OutboundAdapter;
  /** `/feishu/events` in webhook mode, for the shared HTTP server; none for the long connection. */
  routes: Route[];
  /** Checks the app's credentials with Feishu, then opens the long connection (webhook mode: nothing more). */
  start(): Promise<void>;
  /** Closes the long connection and waits for work already started by events. */
  stop(): Promise<void>;
  /** Resolves once the work started by events received so far is done. */
  idle(): Promise<void>;
  /** Readiness: the long connection is open; webhook mode: started (credentials checked, route served). */
  ready(): boolean;
}

/**
 * Baton on Feishu/Lark: commands typed to the bot or chosen from its menu, JSON 2.0 cards and
 * forms, clicks answered in place, notifications and card updates through the Open API.
 */
export async function createFeishuPlatform(deps: {
  baton: Baton;
  settings: FeishuSettings;
  logger: Logger;
  /** With `clickAnswer: 'with-result'`: how long a click may take before it is answered with a toast and updated later. */
  answerWithinMs?: number;
}): Promise<FeishuPlatform> {
  const { baton, settings } = deps;
  const logger = deps.logger.child({ platform: 'feishu' });
  const client = new lark.Client({
    appId: settings.appId,
    appSecret: settings.appSecret,
    domain: settings.domain,
    logger: sdkLogger(logger),
    loggerLevel: lark.LoggerLevel.trace,
    // The SDK's default token cache is shared by every client in the process.
    cache: new lark.DefaultCache(),
  });
  const messenger = createMessenger(client);
  const answering = createAnsweringCards();
  const running = new Set<Promise<void>>();

  const ctx: InboundContext = {
    baton,
    messenger,
    answering,
    logger,
    later(what, task) {
      const work = task()
        .catch((err: unknown) => logger.error({ err, what }, 'feishu: handling failed'))
        .finally(() => running.delete(work));
      running.add(work);
    },
  };
  const dispatcher = createDispatcher(ctx, {
    ...(settings.encryptKey ? { encryptKey: settings.encryptKey } : {}),
    clicks: { answer: settings.clickAnswer, ...(deps.answerWithinMs !== undefined ? { withinMs: deps.answerWithinMs } : {}) },
  });
  const adapter = createFeishuAdapter({ messenger, answering, uploader: createUploader(client), channelLocale: () => baton.env().config.company.defaultLocale });
  const idle = async () => {
    while (running.size > 0) await Promise.all(running);
  };

  if (settings.mode === 'ws') {
    const connection = createLongConnection({ settings, dispatcher, logger });
    return {
      adapter,
      routes: [],
      start: async () => {
        await checkCredentials(client, settings);
        await connection.start();
      },
      stop: async () => {
        await connection.stop();
        await idle();
      },
      idle,
      ready: () => connection.connected(),
    };
  }
  if (!settings.encryptKey || !settings.verificationToken) {
    throw new Error('Feishu webhook mode needs FEISHU_ENCRYPT_KEY and FEISHU_VERIFICATION_TOKEN (see docs/connect-feishu.md)');
  }
  const route = createEventsRoute({
    dispatcher,
    encryptKey: settings.encryptKey,
    verificationToken: settings.verificationToken,
    now: () => baton.env().now,
    logger,
  });
  let started = false;
  return {
    adapter,
    routes: [route],
    start: async () => {
      await checkCredentials(client, settings);
      started = true;
    },
    stop: async () => {
      started = false;
      await idle();
    },
    idle,
    ready: () => started,
  };
}

