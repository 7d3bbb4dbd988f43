import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { parseForm } from '../src/forms/parse-form.js';
import { inquiryWorkflow, replyField } from '../src/workflows/inquiry/inquiry.js';

const ARGUMENTS: Record<string, string> = { customer: 'customer', channel: 'channel', question: 'question', reply: 'reply' };
const EXAMPLE = 'customer="Acme" channel=phone question="Delivery date?"';

/**
 * `/inquiry`: log a customer inquiry (§2.3.1). With a reply it is answered at once and closed;
 * without, its card offers to answer it or to give it an owner and a promised reply time.
 */
export const inquiryCommand: Command = {
  name: 'inquiry',
  summaryKey: 'command.inquiry.summary',
  usageKey: 'command.inquiry.usage',
  async run(ctx, args) {
    if (args.trim() === '') return { kind: 'form', form: newInquiryForm(ctx) };
    return submit(ctx, parseNamedArgs(args, 'inquiry', EXAMPLE, ARGUMENTS));
  },
  submit: (ctx, values) => submit(ctx, values),
};

function view(ctx: CommandContext) {
  return { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
}

/** The workflow's intake form, and the reply for an inquiry answered on the spot. */
function fields(ctx: CommandContext) {
  return [...inquiryWorkflow.start.form(view(ctx)), { ...replyField(view(ctx)), required: false }];
}

function newInquiryForm(ctx: CommandContext) {
  return { id: commandFormId('inquiry'), title: ctx.t('inquiry.form.new'), submitLabel: ctx.t('common.submit'), fields: fields(ctx) };
}

async function submit(ctx: CommandContext, values: Record<string, string | undefined>) {
  // Every field, the reply included, is checked before anything is saved.
  const env = ctx.services.env();
  const reply = parseForm(fields(ctx), values, env.today).reply as string | undefined;
  const instance = await ctx.services.engine.start(inquiryWorkflow.kind, ctx.actor, values);
  if (!reply) return { kind: 'text' as const, text: ctx.t('inquiry.created', { ref: instance.ref }) };
  await ctx.services.engine.apply({ instanceId: instance.id, event: 'answer', actor: { kind: 'person', person: ctx.actor }, values: { reply } });
  return { kind: 'text' as const, text: ctx.t('inquiry.createdAnswered', { ref: instance.ref }) };
}
