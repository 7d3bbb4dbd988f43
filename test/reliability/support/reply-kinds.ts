import { translate } from '../../../src/i18n/translate.js';

/**
 * What a private answer told the person, read the way they would read it:
 * - `success`: their change was made ("… done; now …", "Filed REQ-…") or their question answered;
 * - `refused`: a friendly refusal that changed nothing (already handled, out-of-date card,
 *   not possible in this state, not theirs to do);
 * - `error`: "Something went wrong on our side", or anything unexpected.
 */
export type ReplyKind = 'success' | 'refused' | 'error';

export interface ReadReply {
  kind: ReplyKind;
  /** The item's reference when the answer names it (REQ-12). */
  ref?: string;
}

/** The English template of a message as a pattern; `{ref}` is captured, other slots match anything. */
function pattern(key: string): RegExp {
  const template = translate('en', key);
  const parts = template.split(/(\{\w+\})/).map((part) => {
    if (part === '{ref}') return '(?<ref>[A-Z]+-\\d+)';
    if (/^\{\w+\}$/.test(part)) return '[\\s\\S]*?';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}`);
}

const SUCCESS = ['common.done', 'request.created'].map(pattern);
const REFUSED = ['error.alreadyHandled', 'error.staleCard', 'error.invalidTransition', 'error.forbidden'].map(pattern);

export function readReply(text: string, expects: 'change' | 'answer'): ReadReply {
  for (const refused of REFUSED) {
    const match = refused.exec(text);
    if (match) return { kind: 'refused', ...(match.groups?.ref ? { ref: match.groups.ref } : {}) };
  }
  if (expects === 'answer') return { kind: text.startsWith(translate('en', 'error.internal')) ? 'error' : 'success' };
  for (const success of SUCCESS) {
    const match = success.exec(text);
    if (match) return { kind: 'success', ...(match.groups?.ref ? { ref: match.groups.ref } : {}) };
  }
  return { kind: 'error' };
}
