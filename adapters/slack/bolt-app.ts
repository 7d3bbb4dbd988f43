import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackSettings } from './settings.js';

export interface BoltParts {
  app: App;
  /** HTTP mode only: mounted on Baton's shared server instead of a server of Bolt's own. */
  receiver?: HTTPReceiver;
  /** Socket Mode only: made here rather than by Bolt, so readiness can ask whether it is connected. */
  socket?: SocketModeReceiver;
}

/**
 * The Bolt app for one workspace, not yet initialised: `deferInitialization` keeps the
 * constructor from calling auth.test (whose failure would be an unhandled rejection).
 * Interactive calls get one quick retry at most: a trigger_id is dead after 3 seconds.
 */
export function createBoltApp(settings: SlackSettings, logger: Logger): BoltParts {
  const log = boltLogger(logger);
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 500 },
    timeout: 10_000,
  };
  if (settings.mode === 'socket') {
    const socket = new SocketModeReceiver({ appToken: settings.appToken!, logger: log, installerOptions: { clientOptions } });
    const app = new App({ token: settings.botToken, receiver: socket, logger: log, clientOptions, convoStore: false, deferInitialization: true });
    return { app, socket };
  }
  // Acknowledge first, work after: Slack's 3-second limit holds however slow the work is.
  const receiver = new HTTPReceiver({ signingSecret: settings.signingSecret!, endpoints: '/slack/events', logger: log, processBeforeResponse: false });
  // No conversation store: it lives in process memory, and Baton keeps its state in PostgreSQL.
  const app = new App({ token: settings.botToken, receiver, logger: log, clientOptions, convoStore: false, deferInitialization: true });
  return { app, receiver };
}

/** The client notifications go through: fails fast on a rate limit, for the delivery queue to wait. */
export function createOutboundClient(settings: SlackSettings, logger: Logger): InstanceType<typeof webApi.WebClient> {
  return new webApi.WebClient(settings.botToken, {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    logger: boltLogger(logger),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
}

/** auth.test, with what to do about each way it can fail. */
export async function initBoltApp(app: App): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const code = String((error as { data?: { error?: string } }).data?.error ?? (error as Error).message);
    const advice: Record<string, string> = {
      invalid_auth: 'SLACK_BOT_TOKEN is not valid for this workspace (copy it again from OAuth & Permissions)',
      not_authed: 'SLACK_BOT_TOKEN was not sent',
      account_inactive: 'the app was uninstalled or its bot deactivated; reinstall it to the workspace',
      token_revoked: 'SLACK_BOT_TOKEN was revoked; reinstall the app and use the new token',
    };
    throw new Error(`Slack refused Baton's bot token (auth.test: ${code}): ${advice[code] ?? 'check SLACK_BOT_TOKEN and that Slack (or SLACK_API_URL) is reachable'}`, { cause: error });
  }
}
