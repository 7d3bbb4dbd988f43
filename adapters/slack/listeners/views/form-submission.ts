import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Person } from '../../../../src/directory/directory.js';
import type { Reply } from '../../../../src/reply.js';
import type { SlackDeps } from '../../deps.js';
import { decodeOrigin } from '../../parse/origin.js';
import { viewValues, type ViewStateValues } from '../../parse/view-values.js';
import { parseSlackMessageId } from '../../outbound/message-id.js';
import type { Answer } from '../../reply/answer.js';
import { deliverReply, refreshAfterPress } from '../../reply/deliver-reply.js';
import { tellUnknown } from '../../reply/tell-unknown.js';
import { formView } from '../../render/form-view.js';

type Outcome = { person: Person; reply: Reply } | { person: null; locale: Person['locale'] };

/**
 * A submitted Baton modal. Slack shows inline field errors only in the acknowledgement of
 * the submission itself, so here (unlike commands and clicks) the work comes before the ack.
 * Past `answerWithinMs` the modal is closed anyway and the outcome follows as a private
 * message: Slack's 3 seconds hold either way.
 */
export function formSubmission(deps: SlackDeps) {
  return async ({ body, view, ack }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const answer = answerFor(body.user.id, view.private_metadata);
    const work = deps.inFlight.run(async (): Promise<Outcome> => {
      const who = await deps.identity.identify(body.user.id);
      if (!who.person) return who;
      const values = viewValues(view.state.values as unknown as ViewStateValues);
      return { person: who.person, reply: await deps.baton.router.handle(who.person, { type: 'submit', formId: view.callback_id, values }) };
    });
    // A failure is logged below, once the modal is closed.
    const inTime = await Promise.race([work.catch(() => undefined), delay(deps.answerWithinMs)]);
    if (inTime?.person && inTime.reply.kind === 'error') {
      const errors = inlineErrors(inTime.reply, view.blocks);
      if (errors) return ack({ response_action: 'errors', errors });
    }
    if (inTime?.person && inTime.reply.kind === 'form') {
      return ack({ response_action: 'update', view: formView(inTime.reply.form, view.private_metadata) as never });
    }
    await ack();
    await deps.inFlight.run(async () => {
      const outcome = await work;
      if (!outcome.person) return tellUnknown(deps, answer, outcome.locale);
      await deliverReply(deps, outcome.reply, answer, outcome.person);
      if (outcome.reply.kind === 'text') await refreshAfterPress(deps, answer, outcome.person, view.callback_id);
    });
  };
}

/** Field problems keyed by block id (= field name), when every one has a block to sit under. */
function inlineErrors(reply: Extract<Reply, { kind: 'error' }>, blocks: ReadonlyArray<{ block_id?: string }>): Record<string, string> | null {
  if (reply.fieldErrors.length === 0) return null;
  const blockIds = new Set(blocks.map((b) => b.block_id));
  if (!reply.fieldErrors.every((f) => blockIds.has(f.field))) return null;
  const errors: Record<string, string> = {};
  for (const f of reply.fieldErrors) errors[f.field] = errors[f.field] ? `${errors[f.field]} ${f.text}` : f.text;
  return errors;
}

function answerFor(userId: string, privateMetadata: string): Answer {
  const origin = decodeOrigin(privateMetadata);
  const message = origin.messageId ? parseSlackMessageId(origin.messageId) : null;
  return {
    userId,
    ...(origin.channelId ? { channelId: origin.channelId } : {}),
    ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}),
    ...(message ? { clicked: { ...message, ephemeral: false } } : {}),
    ...(origin.fromHome ? { fromHome: true } : {}),
  };
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
