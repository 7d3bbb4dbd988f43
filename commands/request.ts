import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { requestWorkflow } from '../src/workflows/request.js';

/** Typed argument names, short and long, to the form's field names. */
const ARGUMENTS: Record<string, string> = {
  matter: 'matter',
  content: 'content',
  goal: 'goal',
  by: 'requiredBy',
  requiredBy: 'requiredBy',
  dept: 'suggestedDepartment',
  suggestedDepartment: 'suggestedDepartment',
};
const EXAMPLE = 'matter="New laptops" by=2026-12-31';

/** `/request`: file a cross-department request (§4.2.1); no arguments opens the form. */
export const requestCommand: Command = {
  name: 'request',
  summaryKey: 'command.request.summary',
  usageKey: 'command.request.usage',
  async run(ctx, args) {
    if (args.trim() === '') return { kind: 'form', form: newRequestForm(ctx) };
    return submit(ctx, parseNamedArgs(args, 'request', EXAMPLE, ARGUMENTS));
  },
  submit: (ctx, values) => submit(ctx, values),
};

function newRequestForm(ctx: CommandContext) {
  const view = { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
  return {
    id: commandFormId('request'),
    title: ctx.t('request.form.new'),
    submitLabel: ctx.t('common.submit'),
    fields: requestWorkflow.start.form(view),
  };
}

async function submit(ctx: CommandContext, values: Record<string, string | undefined>) {
  const instance = await ctx.services.engine.start(requestWorkflow.kind, ctx.actor, values);
  return { kind: 'text' as const, text: ctx.t('request.created', { ref: instance.ref }) };
}
