import type { Baton } from '../../../src/app.js';
import type { Logger } from '../../../src/logger.js';
import type { AnsweringCards } from '../outbound/answering.js';
import type { Messenger } from '../outbound/messenger.js';

/** What every inbound handler uses. */
export interface InboundContext {
  baton: Baton;
  messenger: Messenger;
  answering: AnsweringCards;
  logger: Logger;
  /** Runs work after the event is acknowledged: Feishu re-sends events not answered within 3 s. */
  later(what: string, task: () => Promise<void>): void;
}
