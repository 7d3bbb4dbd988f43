import type { Locale } from '../config/schema.js';
import type { Person } from '../directory/directory.js';
import type { Logger } from '../logger.js';
import type { WorkflowEnv } from '../workflows/definition.js';
import { adapterFor, type OutboundAdapter, type OutboundMessage, type PostedMessage } from './outbound.js';
import type { Post } from './post.js';
import { renderNotificationText } from './render-text.js';
import type { Send } from './send.js';
import { resolveTargets } from './targets.js';

/**
 * The targets of a post, found as a notification's are: a department's channel on every
 * platform that has one (in the company's language), its members when it has none, a person
 * on their preferred platform (in their language). The file goes to each of them.
 */
export function postSends(post: Post, env: WorkflowEnv, adapters: readonly OutboundAdapter[], logger: Logger): Send[] {
  const message = (locale: Locale, idempotencyKey: string): OutboundMessage => ({
    text: renderNotificationText(post.messageKey, post.params, locale, env.directory, env.config.company.timezone),
    idempotencyKey,
  });
  const deliver = (adapter: OutboundAdapter, to: { person: Person } | { channelId: string }, msg: OutboundMessage): Promise<PostedMessage> => {
    if (post.file) return adapter.sendFile(to, post.file, msg);
    return 'person' in to ? adapter.sendToPerson(to.person, msg) : adapter.sendToChannel(to.channelId, msg);
  };
  return resolveTargets(post.to, env.directory, adapters).flatMap((target): Send[] => {
    if (target.kind === 'channel') {
      const { adapter, channelId } = target;
      return [{
        key: `channel:${adapter.platform}:${channelId}`,
        platform: adapter.platform,
        run: async (key) => ({ posted: await deliver(adapter, { channelId }, message(env.config.company.defaultLocale, key)) }),
      }];
    }
    const { person } = target;
    const adapter = adapterFor(person, adapters);
    if (!adapter) {
      logger.warn({ person: person.id }, 'person has no account on a running platform');
      return [];
    }
    return [{
      key: `person:${person.id}`,
      platform: adapter.platform,
      run: async (key) => ({ posted: await deliver(adapter, { person }, message(person.locale, key)) }),
    }];
  });
}
