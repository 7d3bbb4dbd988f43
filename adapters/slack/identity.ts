import type { webApi } from '@slack/bolt';
import type { Locale } from '../../src/config/schema.js';
import type { Directory, Person } from '../../src/directory/directory.js';
import type { Logger } from '../../src/logger.js';

export type Identified = { person: Person } | { person: null; locale: Locale };

export interface SlackIdentity {
  /** The directory's person for a Slack user; else the locale to tell them how to get added. */
  identify(userId: string): Promise<Identified>;
}

/**
 * Slack user → person: by the Slack user id in the directory, else by the e-mail address
 * Slack has for the user (users.info, scope users:read.email). The directory is the only
 * source of truth; nothing learnt here is kept.
 */
export function createSlackIdentity(deps: {
  directory: Directory;
  client: InstanceType<typeof webApi.WebClient>;
  defaultLocale: Locale;
  logger: Logger;
}): SlackIdentity {
  const { directory, client, logger } = deps;
  return {
    async identify(userId) {
      const byId = directory.findByAccount('slack', userId);
      if (byId) return { person: byId };
      const user = await lookUp(userId);
      const byEmail = user?.email ? directory.findByEmail(user.email) : undefined;
      if (byEmail) {
        // Matched, but notifications need the id: say what to add to the configuration.
        logger.info({ person: byEmail.id, slackUserId: userId }, 'Slack user matched by e-mail; add slack.userId to this person in baton.config.yaml so Baton can message them');
        return { person: byEmail };
      }
      return { person: null, locale: localeOf(user?.locale) ?? deps.defaultLocale };
    },
  };

  async function lookUp(userId: string): Promise<{ email?: string; locale?: string } | null> {
    try {
      const result = await client.users.info({ user: userId, include_locale: true });
      return { ...(result.user?.profile?.email ? { email: result.user.profile.email } : {}), ...(result.user?.locale ? { locale: result.user.locale } : {}) };
    } catch (error) {
      logger.warn({ err: error, slackUserId: userId }, 'users.info failed; treating the Slack user as unknown');
      return null;
    }
  }
}

function localeOf(slackLocale: string | undefined): Locale | undefined {
  if (slackLocale?.startsWith('zh')) return 'zh-CN';
  if (slackLocale?.startsWith('en')) return 'en';
  return undefined;
}
