import { createHash } from 'node:crypto';
import type { Database } from '../storage/database.js';
import { isStorableText } from '../storable-text.js';

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

/** Real event ids are short ASCII; one PostgreSQL cannot take is claimed by its digest instead. */
function storableId(eventId: string): string {
  if (isStorableText(eventId)) return eventId;
  return `sha256:${createHash('sha256').update(eventId, 'utf16le').digest('hex')}`;
}
