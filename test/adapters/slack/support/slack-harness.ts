import { createSlackPlatform, slackSettingsFromEnv, type SlackPlatform } from '../../../../adapters/slack/index.js';
import { startHttpServer, type HttpServer } from '../../../../src/http/http-server.js';
import { createLogger, type Logger } from '../../../../src/logger.js';
import { createHarness, type Harness } from '../../../support/harness.js';
import { startFakeSlackApi, type ApiCall, type FakeSlackApi } from './fake-slack-api.js';
import {
  APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, blockActionsPayload, form, interaction, postSigned, slashCommandFields, stateValues, viewSubmissionPayload,
  type SignedRequest,
} from './slack-requests.js';

/** Slack user ids of the example company (baton.config.yaml). */
export const SLACK = {
  zhangWei: 'U0RIZ2SVLC', // sales, files requests
  liuYang: 'U0ZBU4FL4K', // general management
  chenJie: 'U04QMOZ7QK', // IT (support)
  wuHao: 'U0ZLWDXRHC', // IT, admin
  stranger: 'U0NOBODY01',
} as const;

/** Department channels in baton.config.yaml. */
export const CHANNEL = { sales: 'C04BHLFEBA', generalManagement: 'C0NBUEKNKJ', it: 'C0FLMKOBE5' } as const;

export interface SlackHarness {
  h: Harness;
  fake: FakeSlackApi;
  platform: SlackPlatform;
  /** The request URL Slack would be configured with. */
  url: string;
  post(request: SignedRequest): Promise<{ status: number; body: string; ms: number }>;
  /** Waits for everything after the acks: listeners, then the outbox and the card updates. */
  settle(): Promise<void>;
  command(userId: string, command: string, text?: string, channelId?: string): Promise<{ status: number; body: string; ms: number; responseUrl: string }>;
  click(userId: string, actionId: string, where: { channelId: string; ts: string } | 'home', ephemeral?: boolean): Promise<{ status: number; body: string; ms: number; responseUrl: string }>;
  /** Submits the modal opened by `opened` (a views.open call) with answers by field name. */
  submit(userId: string, opened: ApiCall, answers: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

let responseCounter = 0;

/** Baton on a fresh database, its Slack platform on a real HTTP server, Slack itself faked. */
/** `logger`: where Baton and its Slack platform log (silent unless given), for tests that assert what was logged. */
export async function createSlackHarness(options: { mode?: 'http' | 'socket'; answerWithinMs?: number; logger?: Logger } = {}): Promise<SlackHarness> {
  const fake = await startFakeSlackApi();
  const h = await createHarness(undefined, { recordingPlatform: false, ...(options.logger ? { logger: options.logger } : {}) });
  const settings = slackSettingsFromEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...(options.mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
  })!;
  const logger = options.logger ?? createLogger({ level: process.env.SLACK_TEST_LOG ?? 'silent' });
  const platform = await createSlackPlatform({ baton: h.baton, settings, logger, ...(options.answerWithinMs !== undefined ? { answerWithinMs: options.answerWithinMs } : {}) });
  h.baton.addAdapter(platform.adapter);
  const server: HttpServer = await startHttpServer({ port: 0, host: '127.0.0.1', routes: platform.routes });
  await platform.start();
  const url = `${server.url}/slack/events`;
  const post = (request: SignedRequest) => postSigned(url, request);

  return {
    h,
    fake,
    platform,
    url,
    post,
    async settle() {
      await platform.idle();
      await h.scheduler.settle();
      await platform.idle();
    },
    async command(userId, command, text = '', channelId = CHANNEL.sales) {
      const responseUrl = fake.responseUrl(`commands/${++responseCounter}`);
      const fields = slashCommandFields({ user_id: userId, command, text, channel_id: channelId, response_url: responseUrl, trigger_id: `trigger-${responseCounter}` });
      return { ...(await post(form(fields))), responseUrl };
    },
    async click(userId, actionId, where, ephemeral = false) {
      const responseUrl = fake.responseUrl(`actions/${++responseCounter}`);
      const payload =
        where === 'home'
          ? blockActionsPayload({ userId, actionId, responseUrl, home: true })
          : blockActionsPayload({ userId, actionId, channelId: where.channelId, messageTs: where.ts, responseUrl, ephemeral });
      return { ...(await post(interaction(payload))), responseUrl };
    },
    async submit(userId, opened, answers) {
      const view = opened.args.view as Record<string, any>;
      return post(interaction(viewSubmissionPayload(userId, view, stateValues(view as never, answers))));
    },
    async close() {
      await platform.stop();
      await server.close();
      await h.close();
      await fake.close();
    },
  };
}

/** Every Block Kit text in a message or view: mrkdwn and plain_text objects, rich text `text` elements. */
export function textObjects(value: unknown): Array<{ type: string; text: string; verbatim?: boolean; style?: Record<string, boolean> }> {
  const found: Array<{ type: string; text: string; verbatim?: boolean; style?: Record<string, boolean> }> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text' || o.type === 'text') && typeof o.text === 'string') found.push(o as never);
    Object.values(o).forEach(visit);
  };
  visit(value);
  return found;
}

/** The buttons of a message's blocks, as Slack would show them. */
export function buttonsOf(blocks: unknown): Array<{ action_id: string; text: string; style?: string; confirm?: unknown }> {
  const actions = (blocks as Array<Record<string, any>>).filter((b) => b.type === 'actions');
  return actions.flatMap((b) => b.elements.map((e: any) => ({ action_id: e.action_id, text: e.text.text, style: e.style, confirm: e.confirm })));
}
