import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { careWorkflow, type CareData } from '../src/workflows/care/care.js';

const ARGUMENTS: Record<string, string> = {
  customer: 'customer',
  owner: 'owner',
  every: 'everyDays',
  first: 'firstContact',
  birthday: 'birthday',
  holidays: 'greetHolidays',
};
const EXAMPLE = 'customer="Acme" owner=he.xin every=30';

/** `/callback`: a customer care plan (§2.3.3): follow-ups every N days, birthday and holiday greetings. */
export const callbackCommand: Command = {
  name: 'callback',
  summaryKey: 'command.callback.summary',
  usageKey: 'command.callback.usage',
  async run(ctx, args) {
    if (args.trim() === '') return { kind: 'form', form: newPlanForm(ctx) };
    return submit(ctx, parseNamedArgs(args, 'callback', EXAMPLE, ARGUMENTS));
  },
  submit: (ctx, values) => submit(ctx, values),
};

function newPlanForm(ctx: CommandContext) {
  const view = { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
  return { id: commandFormId('callback'), title: ctx.t('care.form.new'), submitLabel: ctx.t('common.submit'), fields: careWorkflow.start.form(view) };
}

async function submit(ctx: CommandContext, values: Record<string, string | undefined>) {
  const instance = await ctx.services.engine.start(careWorkflow.kind, ctx.actor, values);
  const data = instance.data as CareData;
  const owner = ctx.services.directory.person(data.ownerId)?.name ?? data.ownerId;
  return { kind: 'text' as const, text: ctx.t('care.created', { ref: instance.ref, owner, every: data.everyDays, customer: data.customer, next: data.nextContact }) };
}
