import * as lark from '@larksuiteoapi/node-sdk';
import { countInbound, type InboundKind } from '../../../src/metrics/metrics.js';
import { sdkLogger } from '../sdk-logger.js';
import { decryptBody } from '../webhook/crypto.js';
import { firstDelivery } from './claim.js';
import type { InboundContext } from './context.js';
import { onCardAction, type ClickAnswering } from './on-card-action.js';
import { onMenu } from './on-menu.js';
import { onMessage } from './on-message.js';

/**
 * The SDK's dispatcher, with Baton's handlers, that claims each `event_id` before handling it:
 * Feishu re-sends an event until it hears 200, and every bot process behind a load balancer
 * must agree that a retry is one. Requests reach it already verified (webhook) or over the
 * authenticated long connection, so the SDK's own signature check is off.
 *
 * An event's answer says only "received": it is answered at once, and claimed and handled
 * afterwards, so Feishu hears 200 as fast as from a bare dispatcher and a slow database never
 * makes it re-send. A card click's answer may carry its result, so its handler claims it
 * (on-card-action.ts).
 */
class ClaimingDispatcher extends lark.EventDispatcher {
  constructor(
    params: ConstructorParameters<typeof lark.EventDispatcher>[0],
    private readonly ctx: InboundContext,
    private readonly payloadKey: string | undefined,
  ) {
    super(params);
  }

  override async invoke(received: unknown, _params?: { needCheck?: boolean }): Promise<unknown> {
    const data = this.decrypted(received);
    const kind = inboundKind(data);
    countInbound('feishu', kind);
    if (kind === 'action') return super.invoke(data, { needCheck: false });
    this.ctx.later('event', async () => void (await this.claimed(data)));
    return {};
  }

  private async claimed(data: unknown): Promise<unknown> {
    if (!(await firstDelivery(this.ctx, eventIdOf(data)))) return {};
    return super.invoke(data, { needCheck: false });
  }

  /** Long-connection payloads are plain JSON; an encrypted one is opened here so its id can be read. */
  private decrypted(data: unknown): unknown {
    const encrypt = typeof data === 'object' && data !== null ? (data as { encrypt?: unknown }).encrypt : undefined;
    if (typeof encrypt !== 'string' || !this.payloadKey) return data;
    return JSON.parse(decryptBody(encrypt, this.payloadKey)) as unknown;
  }
}

export function createDispatcher(ctx: InboundContext, options: { encryptKey?: string; clicks: ClickAnswering }): lark.EventDispatcher {
  const dispatcher = new ClaimingDispatcher({ logger: sdkLogger(ctx.logger) }, ctx, options.encryptKey);
  return dispatcher.register({
    'im.message.receive_v1': onMessage(ctx),
    'application.bot.menu_v6': onMenu(ctx),
    'card.action.trigger': onCardAction(ctx, options.clicks),
  } as Record<string, (data: never) => Promise<unknown>>);
}

/** What reached the dispatcher (every verified webhook request, every long-connection frame), for the metrics. */
function inboundKind(data: unknown): InboundKind {
  const type = (data as { header?: { event_type?: unknown } } | null)?.header?.event_type;
  if (type === 'card.action.trigger') return 'action';
  return type === 'im.message.receive_v1' || type === 'application.bot.menu_v6' ? 'command' : 'event';
}

/** Version 2.0 payloads carry `header.event_id`; 1.0 events a top-level `uuid`. */
function eventIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const payload = data as { header?: { event_id?: unknown }; uuid?: unknown };
  const id = payload.header?.event_id ?? payload.uuid;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
