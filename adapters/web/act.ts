import type { Baton } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { Form } from '../../src/cards/model.js';
import type { Person } from '../../src/directory/directory.js';
import type { Logger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import type { Inbound } from '../../src/router.js';
import type { Conversations, WebMessage } from './conversations.js';
import { webText } from './messages.js';

/** What the page does after an action: open a form, show a form's problems, or show the answer. */
export type Outcome =
  | { kind: 'form'; form: Form }
  | { kind: 'invalid'; text: string; fieldErrors: Array<{ field: string; text: string }> }
  | { kind: 'posted'; message: WebMessage };

export interface Actions {
  /** A line typed into a conversation: a `/command`, or anything else (answered with a hint). */
  command(actor: Person, conversationId: string, line: string): Promise<Outcome>;
  press(actor: Person, conversationId: string, actionId: string): Promise<Outcome>;
  submit(actor: Person, conversationId: string, formId: string, values: Record<string, string>): Promise<Outcome>;
}

/**
 * Inbound from the page goes through the router exactly as the console's and Slack's do; the
 * answer is posted privately into the conversation the person acted in (as Slack's ephemeral
 * replies are), except forms, which the page opens, and a form's field problems, which it
 * shows next to the fields. Each call waits until every message it caused has been delivered,
 * so the page is complete when the call returns.
 */
export function createActions(deps: { baton: Baton; conversations: Conversations; clock: Clock; settle(): Promise<void>; logger: Logger }): Actions {
  const { baton, conversations, clock } = deps;

  const postPrivately = (actor: Person, conversationId: string, fields: Pick<WebMessage, 'author' | 'cards'> & Partial<WebMessage>) =>
    conversations.post(conversationId, { at: clock.now().toISOString(), onlyFor: actor.id, ...fields });

  async function run(actor: Person, conversationId: string, inbound: Inbound): Promise<Outcome> {
    const reply = await baton.router.handle(actor, inbound);
    const outcome = present(actor, conversationId, inbound, reply);
    // A slow or stuck queue must not lose the answer already posted: it is logged, not thrown.
    await deps.settle().catch((err: unknown) => deps.logger.warn({ err }, 'messages still pending after a playground action'));
    return outcome;
  }

  function present(actor: Person, conversationId: string, inbound: Inbound, reply: Reply): Outcome {
    if (reply.kind === 'form') return { kind: 'form', form: reply.form };
    if (reply.kind === 'error' && inbound.type === 'submit' && reply.fieldErrors.length > 0) {
      return { kind: 'invalid', text: reply.text, fieldErrors: reply.fieldErrors };
    }
    const bot = { kind: 'bot' } as const;
    if (reply.kind === 'text') return { kind: 'posted', message: postPrivately(actor, conversationId, { author: bot, text: reply.text, cards: [] }) };
    if (reply.kind === 'error') {
      const cards = reply.card ? [reply.card] : [];
      return { kind: 'posted', message: postPrivately(actor, conversationId, { author: bot, text: reply.text, cards, error: true }) };
    }
    return { kind: 'posted', message: postPrivately(actor, conversationId, { author: bot, cards: reply.cards, ...(reply.text ? { text: reply.text } : {}) }) };
  }

  return {
    async command(actor, conversationId, line) {
      const typed = line.trim();
      postPrivately(actor, conversationId, { author: { kind: 'person', id: actor.id, name: actor.name }, text: typed, cards: [] });
      if (!typed.startsWith('/')) {
        const hint = webText(actor.locale, 'web.hint');
        return { kind: 'posted', message: postPrivately(actor, conversationId, { author: { kind: 'bot' }, text: hint, cards: [] }) };
      }
      const name = typed.slice(1).split(/\s+/)[0] ?? '';
      return run(actor, conversationId, { type: 'command', name, args: typed.slice(1 + name.length).trim() });
    },
    press: (actor, conversationId, actionId) => run(actor, conversationId, { type: 'action', actionId }),
    submit: (actor, conversationId, formId, values) => run(actor, conversationId, { type: 'submit', formId, values }),
  };
}
