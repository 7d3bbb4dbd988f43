import type { Locale } from '../../../src/config/schema.js';
import { translate, type MessageKey } from '../../../src/i18n/translate.js';

/**
 * What a private answer told the person, read the way they would read it:
 * - `success`: their change was made ("… done; now …", "Filed REQ-…") or their question answered;
 * - `refused`: a friendly refusal that changed nothing (already handled, out-of-date card,
 *   not possible in this state, not theirs to do);
 * - `error`: "Something went wrong on our side", or anything unexpected.
 */
export type ReplyKind = 'success' | 'refused' | 'error';

/** A message's template in a locale as a pattern for the start of a text; its `{slots}` match anything. */
export function templatePattern(locale: Locale, key: MessageKey): RegExp {
  const parts = translate(locale, key).split(/(\{\w+\})/).map((part) => {
    if (/^\{\w+\}$/.test(part)) return '[\\s\\S]*?';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}`);
}

const SUCCESS = (['common.done', 'request.created'] as const).map((key) => templatePattern('en', key));
const REFUSED = (['error.alreadyHandled', 'error.staleCard', 'error.invalidTransition', 'error.forbidden'] as const).map((key) => templatePattern('en', key));

export function readReply(text: string, expects: 'change' | 'answer'): ReplyKind {
  if (REFUSED.some((refused) => refused.test(text))) return 'refused';
  if (expects === 'answer') return text.startsWith(translate('en', 'error.internal')) ? 'error' : 'success';
  return SUCCESS.some((success) => success.test(text)) ? 'success' : 'error';
}
