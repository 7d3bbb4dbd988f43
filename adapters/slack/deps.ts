import type { webApi } from '@slack/bolt';
import type { Baton } from '../../src/app.js';
import type { Logger } from '../../src/logger.js';
import type { HomePublisher } from './home/publish-home.js';
import type { SlackIdentity } from './identity.js';
import type { InFlight } from './in-flight.js';

export type WebClient = InstanceType<typeof webApi.WebClient>;

/** What every listener uses; built once in index.ts. */
export interface SlackDeps {
  baton: Baton;
  /** Bolt's client: interactive calls (views.open, postEphemeral) that are useless late. */
  client: WebClient;
  identity: SlackIdentity;
  home: HomePublisher;
  inFlight: InFlight;
  logger: Logger;
  /** How long a modal submission may take before the modal is closed and the answer follows privately. */
  answerWithinMs: number;
}
