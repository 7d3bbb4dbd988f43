import type { Baton } from '../../src/app.js';
import type { OutboundAdapter } from '../../src/delivery/outbound.js';
import type { Route } from '../../src/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { countInbound, type InboundKind } from '../../src/metrics/metrics.js';
import { createBoltApp, createOutboundClient, initBoltApp } from './bolt-app.js';
import type { SlackDeps } from './deps.js';
import { createHomePublisher } from './home/publish-home.js';
import { createSlackIdentity } from './identity.js';
import { createInFlight } from './in-flight.js';
import { registerListeners } from './listeners/index.js';
import { createSlackOutbound } from './outbound/slack-adapter.js';
import { slackRoute } from './route.js';
import type { SlackSettings } from './settings.js';

export { slackSettingsFromEnv, type SlackSettings } from './settings.js';

export interface SlackPlatform {
  /** Register with `baton.addAdapter` so notifications reach Slack people and channels. */
  adapter: OutboundAdapter;
  /** HTTP mode: `/slack/events`, to mount on the shared server. Socket Mode: none. */
  routes: Route[];
  /** Socket Mode: connects. HTTP mode: nothing to do (the route is live once mounted). */
  start(): Promise<void>;
  /** Disconnects and waits for work already acknowledged to Slack. */
  stop(): Promise<void>;
  /** Readiness: Socket Mode's websocket is open; HTTP mode: started (its route is being served). */
  ready(): boolean;
  /** Resolves once the work started by requests received so far is done (tests, graceful stop). */
  idle(): Promise<void>;
}

/**
 * Baton on Slack: slash commands, modals, card buttons and App Home in, notifications and
 * card updates out. Checks the bot token (auth.test) before returning, so a bad token is
 * reported at start with what to do, not at the first click.
 */
export async function createSlackPlatform(deps: {
  baton: Baton;
  settings: SlackSettings;
  logger: Logger;
  /** How long a modal submission may take before the modal closes and the answer follows privately. */
  answerWithinMs?: number;
}): Promise<SlackPlatform> {
  const { baton, settings } = deps;
  const logger = deps.logger.child({ platform: 'slack' });
  const { app, receiver, socket } = createBoltApp(settings, logger);
  await initBoltApp(app);
  const inFlight = createInFlight();
  const slack: SlackDeps = {
    baton,
    client: app.client,
    identity: createSlackIdentity({ directory: baton.directory, client: app.client, defaultLocale: baton.env().config.company.defaultLocale, logger }),
    home: createHomePublisher({ baton, client: app.client }),
    inFlight,
    logger,
    // Slack allows 3 seconds; the rest is margin for the network between Slack and Baton.
    answerWithinMs: deps.answerWithinMs ?? 2_000,
  };
  // Before every other middleware, so redeliveries that the dedupe drops count as traffic too.
  app.use(async ({ body, next }) => {
    countInbound('slack', inboundKind(body));
    await next();
  });
  registerListeners(app, slack);
  // One error handler for every listener: whatever escaped was already answered or is logged here.
  app.error(async (error) => {
    logger.error({ err: error }, 'a Slack listener failed');
  });
  let started = false;
  return {
    adapter: createSlackOutbound({ client: createOutboundClient(settings, logger), logger }),
    routes: receiver ? [slackRoute(receiver, { signingSecret: settings.signingSecret!, logger })] : [],
    async start() {
      if (settings.mode === 'socket' && !started) {
        await app.start().catch((error: unknown) => {
          throw new Error(`Slack Socket Mode could not connect (${error instanceof Error ? error.message : String(error)}): check SLACK_APP_TOKEN (an app-level token with connections:write) and that Socket Mode is enabled for the app`, { cause: error });
        });
      }
      started = true;
      logger.info({ mode: settings.mode }, 'Slack connected');
    },
    async stop() {
      if (settings.mode === 'socket' && started) await app.stop();
      started = false;
      await inFlight.settled();
    },
    idle: () => inFlight.settled(),
    ready: () => started && (!socket || socket.client.websocket?.isActive() === true),
  };
}

/** What Slack sent, as a metrics label from a small fixed set. */
function inboundKind(body: unknown): InboundKind {
  const { type, command } = body as { type?: unknown; command?: unknown };
  if (typeof command === 'string') return 'command';
  if (type === 'block_actions') return 'action';
  if (type === 'view_submission' || type === 'view_closed') return 'submit';
  if (type === 'event_callback') return 'event';
  return 'other';
}
