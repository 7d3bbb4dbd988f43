// Baton's Slack platform and a bare Bolt app side by side on 127.0.0.1, answering the same
// signed requests, with Slack's Web API faked (test/adapters/slack/support).
import type { AddressInfo, Server } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createSlackPlatform, slackSettingsFromEnv, type SlackPlatform } from '../../adapters/slack/index.js';
import { startHttpServer, type Route } from '../../src/http/http-server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../test/adapters/slack/support/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../../test/adapters/slack/support/slack-requests.js';
import type { Core } from './core.js';

export interface BatonSlack {
  url: string;
  fake: FakeSlackApi;
  platform: SlackPlatform;
  /** Waits until the work after each acknowledgement is done and its messages went out. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Baton's Slack platform in HTTP mode, mounted on Baton's own server as src/main.ts does. */
export async function startBatonSlack(core: Core, wrapRoutes: (routes: Route[]) => Route[] = (routes) => routes): Promise<BatonSlack> {
  const fake = await startFakeSlackApi();
  const settings = slackSettingsFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl })!;
  const platform = await createSlackPlatform({ baton: core.baton, settings, logger: core.logger });
  core.baton.addAdapter(platform.adapter);
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: wrapRoutes(platform.routes) });
  await platform.start();
  return {
    url: `${server.url}/slack/events`,
    fake,
    platform,
    async settle() {
      await platform.idle();
      await core.scheduler.settle();
      await platform.idle();
    },
    async close() {
      await platform.stop();
      await server.close();
      await fake.close();
    },
  };
}

export interface BareBolt {
  url: string;
  close(): Promise<void>;
}

/**
 * The baseline: a Bolt app with the same receiver type (HTTPReceiver, acknowledging before
 * the listener finishes) and no-op listeners that only ack, for any command and any action.
 */
export async function startBareBolt(fake: FakeSlackApi): Promise<BareBolt> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', processBeforeResponse: false, logLevel: LogLevel.ERROR });
  const app = new App({ token: BOT_TOKEN, receiver, clientOptions: { slackApiUrl: fake.apiUrl }, deferInitialization: true, logLevel: LogLevel.ERROR });
  await app.init();
  app.command(/^\//, async ({ ack }) => {
    await ack();
  });
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = (await receiver.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    close: () => receiver.stop(),
  };
}
