import type { InboundContext } from './context.js';

/**
 * Claims an event id for this delivery: false when it was claimed before (Feishu re-sends an
 * event or callback until it hears 200, and every bot process must agree a retry is one). An
 * event without an id is handled.
 */
export async function firstDelivery(ctx: InboundContext, eventId: string | undefined): Promise<boolean> {
  if (!eventId || (await ctx.baton.dedupe.firstTime('feishu', eventId))) return true;
  ctx.logger.info({ eventId }, 'feishu: repeated event ignored');
  return false;
}
