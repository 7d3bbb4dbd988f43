import { parseActionId } from '../../../src/cards/action-id.js';
import type { Card } from '../../../src/cards/model.js';
import type { Person } from '../../../src/directory/directory.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Reply } from '../../../src/reply.js';
import { renderCard } from '../../../src/workflows/render-card.js';
import { workflowOf } from '../../../src/workflows/registry.js';
import type { SlackDeps } from '../deps.js';
import { slackMessageId } from '../outbound/message-id.js';
import { encodeOrigin } from '../parse/origin.js';
import { formView } from '../render/form-view.js';
import { cardsMessage, slackMessage } from '../render/message.js';
import { replaceClicked, sayPrivately, type Answer } from './answer.js';

type Deliver<K extends Reply['kind']> = (deps: SlackDeps, reply: Extract<Reply, { kind: K }>, answer: Answer, actor: Person) => Promise<void>;

/** How each kind of router reply reaches the person who acted; all of it privately. */
const DELIVER: { [K in Reply['kind']]: Deliver<K> } = {
  text: (deps, reply, answer) => sayPrivately(deps, answer, slackMessage({ text: reply.text })),
  cards: (deps, reply, answer) => sayPrivately(deps, answer, cardsMessage(reply.text, reply.cards)),
  form: openForm,
  error: async (deps, reply, answer, actor) => {
    // A press on an out-of-date card: bring the pressed card up to date where it is, or
    // else show the current card with the explanation.
    const inPlace = reply.card ? await refreshClicked(deps, answer, actor, reply.card) : false;
    await sayPrivately(deps, answer, slackMessage({ text: reply.text, ...(reply.card && !inPlace ? { card: reply.card } : {}) }));
  },
};

export function deliverReply(deps: SlackDeps, reply: Reply, answer: Answer, actor: Person): Promise<void> {
  return (DELIVER[reply.kind] as Deliver<Reply['kind']>)(deps, reply, answer, actor);
}

async function openForm(deps: SlackDeps, reply: Extract<Reply, { kind: 'form' }>, answer: Answer, actor: Person) {
  const origin = encodeOrigin({
    ...(answer.channelId ? { channelId: answer.channelId } : {}),
    ...(answer.responseUrl ? { responseUrl: answer.responseUrl } : {}),
    ...(answer.clicked && !answer.clicked.ephemeral ? { messageId: slackMessageId(answer.clicked.channelId, answer.clicked.ts) } : {}),
    ...(answer.fromHome ? { fromHome: true } : {}),
  });
  try {
    if (!answer.triggerId) throw new Error('no trigger_id to open a modal with');
    await deps.client.views.open({ trigger_id: answer.triggerId, view: formView(reply.form, origin) as never });
  } catch (error) {
    // Usually an expired trigger (Slack allows 3 seconds): say so rather than stay silent.
    deps.logger.error({ err: error, form: reply.form.id }, 'views.open failed');
    await sayPrivately(deps, answer, slackMessage({ text: translate(actor.locale, 'error.internal') }));
  }
}

/**
 * Puts the current card where the stale one was pressed: a posted copy through the core
 * (the copy's own audience decides its buttons), an ephemeral card by replacing it, App Home
 * by publishing it again. False when there was nowhere to put it.
 */
export async function refreshClicked(deps: SlackDeps, answer: Answer, actor: Person, card: Card): Promise<boolean> {
  try {
    return await refreshWhereClicked(deps, answer, actor, card);
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not refresh the pressed card; showing it with the answer instead');
    return false;
  }
}

async function refreshWhereClicked(deps: SlackDeps, answer: Answer, actor: Person, card: Card): Promise<boolean> {
  if (answer.fromHome) {
    await deps.home.publish(answer.userId, actor);
    return true;
  }
  const clicked = answer.clicked;
  if (!clicked) return false;
  if (clicked.ephemeral) return replaceClicked(deps, answer, slackMessage({ card }));
  const current = await deps.baton.cardForCopy('slack', slackMessageId(clicked.channelId, clicked.ts));
  if (!current) return false;
  await deps.client.chat.update({ channel: clicked.channelId, ts: clicked.ts, ...slackMessage({ card: current }) });
  return true;
}

/** After a press went through: ephemeral and App Home cards are not copies the core updates. */
export async function refreshAfterPress(deps: SlackDeps, answer: Answer, actor: Person, actionId: string): Promise<void> {
  if (answer.fromHome) return deps.home.publish(answer.userId, actor);
  if (!answer.clicked?.ephemeral) return;
  const ref = parseActionId(actionId);
  const instance = ref ? await deps.baton.engine.load(ref.instanceId) : null;
  if (!instance) return;
  const card = renderCard(workflowOf(instance.kind), instance, { person: actor }, actor.locale, deps.baton.env());
  await replaceClicked(deps, answer, slackMessage({ card }));
}
