import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../src/logger.js';
import { sdkLogger } from './sdk-logger.js';
import type { FeishuSettings } from './settings.js';

/** How long `start` waits for the first connection before going on while the SDK keeps trying. */
const READY_WITHIN_MS = 30_000;

export interface LongConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether the websocket is open right now (the SDK reconnects by itself when it drops). */
  connected(): boolean;
}

/**
 * Events and callbacks over the SDK's WSClient, for companies without a public address: the
 * client fetches a websocket URL with the app's credentials and answers each event frame with
 * what the dispatcher returned (a card callback's toast and card included).
 */
export function createLongConnection(deps: { settings: FeishuSettings; dispatcher: lark.EventDispatcher; logger: Logger }): LongConnection {
  const { settings, logger } = deps;
  let client: lark.WSClient | undefined;
  return {
    start() {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          logger.warn('feishu: long connection not up yet; the SDK keeps trying');
          resolve();
        }, READY_WITHIN_MS);
        const settle = (error?: Error) => {
          clearTimeout(timer);
          if (error) reject(new Error(`Feishu long connection failed: ${error.message}`));
          else resolve();
        };
        client = new lark.WSClient({
          appId: settings.appId,
          appSecret: settings.appSecret,
          domain: settings.domain,
          logger: sdkLogger(logger),
          loggerLevel: lark.LoggerLevel.trace,
          autoReconnect: true,
          onReady: () => {
            logger.info('feishu: long connection ready');
            settle();
          },
          onError: (error: Error) => settle(error),
          onReconnected: () => logger.info('feishu: long connection back'),
        });
        void client.start({ eventDispatcher: deps.dispatcher });
      });
    },
    async stop() {
      client?.close({ force: true });
      client = undefined;
    },
    connected: () => client?.getConnectionStatus().state === 'connected',
  };
}
