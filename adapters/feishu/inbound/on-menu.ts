import { commandFromMenuKey } from '../normalize/command.js';
import { identify, type FeishuUserIds } from '../normalize/identify.js';
import type { InboundContext } from './context.js';
import { sendReply } from './reply.js';
import { tellUnknownUser } from './unknown-user.js';

/** application.bot.menu_v6: a bot menu item whose event_key names a command ("request", "/my"). */
export interface MenuEvent {
  event_key?: string;
  operator?: { operator_id?: FeishuUserIds; operator_name?: string };
}

export function onMenu(ctx: InboundContext) {
  return async (event: MenuEvent): Promise<void> => {
    const ids = event.operator?.operator_id;
    // Verified, but read defensively: a key that is not text names no command.
    const command = commandFromMenuKey(typeof event.event_key === 'string' ? event.event_key : '');
    if (!ids?.open_id || !command) return;
    const to = { idType: 'open_id' as const, id: ids.open_id };
    const { baton } = ctx;
    const person = identify(baton.directory, ids);
    if (!person) return tellUnknownUser(ctx, { ...ids, open_id: to.id });
    await sendReply(ctx.messenger, to, await baton.router.handle(person, { type: 'command', ...command }), person.locale);
  };
}
