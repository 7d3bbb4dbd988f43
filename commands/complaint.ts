import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { formatInstant } from '../src/time.js';
import { complaintWorkflow, type ComplaintData } from '../src/workflows/complaint/complaint.js';

const ARGUMENTS: Record<string, string> = {
  customer: 'customer',
  channel: 'channel',
  summary: 'summary',
  severity: 'severity',
  dept: 'department',
  department: 'department',
};
const EXAMPLE = 'customer="Acme" severity=high dept=rnd';

/** `/complaint`: take a customer complaint (§2.3.2) and hand it to the responsible department. */
export const complaintCommand: Command = {
  name: 'complaint',
  summaryKey: 'command.complaint.summary',
  usageKey: 'command.complaint.usage',
  async run(ctx, args) {
    if (args.trim() === '') return { kind: 'form', form: newComplaintForm(ctx) };
    return submit(ctx, parseNamedArgs(args, 'complaint', EXAMPLE, ARGUMENTS));
  },
  submit: (ctx, values) => submit(ctx, values),
};

function newComplaintForm(ctx: CommandContext) {
  const view = { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
  return { id: commandFormId('complaint'), title: ctx.t('complaint.form.new'), submitLabel: ctx.t('common.submit'), fields: complaintWorkflow.start.form(view) };
}

async function submit(ctx: CommandContext, values: Record<string, string | undefined>) {
  const instance = await ctx.services.engine.start(complaintWorkflow.kind, ctx.actor, values);
  const env = ctx.services.env();
  const data = instance.data as ComplaintData;
  return {
    kind: 'text' as const,
    text: ctx.t('complaint.created', {
      ref: instance.ref,
      department: env.directory.departmentName(data.department, ctx.locale),
      due: instance.dueAt ? formatInstant(instance.dueAt, ctx.locale, env.config.company.timezone) : '—',
    }),
  };
}
