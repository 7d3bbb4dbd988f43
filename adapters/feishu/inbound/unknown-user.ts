import { unknownPersonMessage } from '../../../src/directory/unknown-person.js';
import type { FeishuUserIds } from '../normalize/identify.js';
import { feishuText } from '../text.js';
import type { InboundContext } from './context.js';
import { sendReply } from './reply.js';

/**
 * Someone the directory does not know wrote to the bot: tell them who can add them, and the
 * open_id the admin needs for `people[].feishu.openId` (open_ids differ per app, so nobody
 * has it at hand otherwise).
 */
export async function tellUnknownUser(ctx: InboundContext, ids: FeishuUserIds & { open_id: string }): Promise<void> {
  const { baton } = ctx;
  const locale = baton.env().config.company.defaultLocale;
  ctx.logger.info({ openId: ids.open_id, unionId: ids.union_id, userId: ids.user_id }, 'feishu: a user not in the directory wrote to the bot');
  const text = `${unknownPersonMessage(baton.directory, locale)}\n${feishuText(locale, 'yourId', { id: ids.open_id })}`;
  await sendReply(ctx.messenger, { idType: 'open_id', id: ids.open_id }, { kind: 'error', text, fieldErrors: [] }, locale);
}
