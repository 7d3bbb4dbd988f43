import { createHash } from 'node:crypto';
import type { Database } from '../storage/database.js';

/**
 * Platforms deliver some events more than once (Slack retries with the same event id,
 * Feishu re-sends until it hears 200). The first delivery claims the id in PostgreSQL, so
 * every bot process behind a load balancer agrees on which one counts.
 */
export interface InboundDedupe {
  /** True the first time this platform's event id is seen, false for every repeat. */
  firstTime(platform: string, eventId: string): Promise<boolean>;
}

export function createInboundDedupe(db: Database): InboundDedupe {
  return {
    async firstTime(platform, eventId) {
      const claimed = await db.processedEvent.createMany({ data: [{ platform, eventId: storableId(eventId) }], skipDuplicates: true });
      return claimed.count === 1;
    },
  };
}

/**
 * Real event ids are short ASCII. One with a NUL or a surrogate (PostgreSQL refuses a NUL and
 * half a pair; only a broken or hostile sender sends either) is claimed by its digest instead.
 */
function storableId(eventId: string): string {
  if (!/\u0000|[\ud800-\udfff]/.test(eventId)) return eventId;
  return `sha256:${createHash('sha256').update(eventId, 'utf16le').digest('hex')}`;
}
