import { createFeishuPlatform, feishuSettingsFromEnv } from './feishu/index.js';
import { createSlackPlatform, slackSettingsFromEnv } from './slack/index.js';
import type { Baton } from '../src/app.js';
import type { OutboundAdapter } from '../src/delivery/outbound.js';
import type { Route } from '../src/http/http-server.js';
import type { Logger } from '../src/logger.js';

/** A connected chat platform, as main needs it. */
export interface Platform {
  name: string;
  adapter: OutboundAdapter;
  routes: Route[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For `/readyz`: connected (Socket Mode, long connection) or, over HTTP, started and served. */
  ready(): boolean | Promise<boolean>;
}

/**
 * The platforms whose settings are present in the environment, created (credentials checked)
 * but not yet started. The one place that knows which platforms exist: adding one is a line.
 */
export async function createPlatforms(env: NodeJS.ProcessEnv, baton: Baton, logger: Logger): Promise<Platform[]> {
  const platforms: Platform[] = [];
  const slack = slackSettingsFromEnv(env);
  if (slack) platforms.push({ name: 'slack', ...(await createSlackPlatform({ baton, settings: slack, logger })) });
  const feishu = feishuSettingsFromEnv(env);
  if (feishu) platforms.push({ name: 'feishu', ...(await createFeishuPlatform({ baton, settings: feishu, logger })) });
  return platforms;
}
