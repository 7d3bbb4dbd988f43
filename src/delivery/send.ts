import type { Locale } from '../config/schema.js';
import type { PostedMessage } from './outbound.js';

/**
 * One target of one effect: a person, a channel, or a posted copy to update. `key` names the
 * target in its `Delivery` row, so a retry of the effect skips the targets already served.
 */
export interface Send {
  key: string;
  platform: string;
  /** Posts or updates; returns what was posted when a new card copy must be remembered. */
  run(idempotencyKey: string): Promise<{ posted: PostedMessage; copy?: { viewerId: string | null; locale: Locale } } | null>;
}
