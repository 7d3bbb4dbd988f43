import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { approvalTypes, type ApprovalType } from '../src/config/workflow-schemas/approval.js';
import { BatonError } from '../src/errors.js';
import { approvalWorkflow } from '../src/workflows/approval/approval.js';
import { fieldNames, typeChoice, typeForm } from '../src/workflows/approval/forms.js';

const EXAMPLE = 'decision title="Server purchase" category=contract amount=800000 description="…"';

/**
 * `/approval`: without arguments, a choice of kind and then that kind's form; `/approval <kind>`
 * opens the kind's form; `/approval <kind> name=value …` files it at once.
 */
export const approvalCommand: Command = {
  name: 'approval',
  summaryKey: 'command.approval.summary',
  usageKey: 'command.approval.usage',
  async run(ctx, args) {
    const [first = '', ...rest] = args.trim().split(/\s+/);
    if (first === '') return { kind: 'form', form: choiceForm(ctx) };
    const type = checkType(first);
    if (rest.length === 0) return { kind: 'form', form: typeFormOf(ctx, type) };
    return file(ctx, type, parseNamedArgs(args.trim().slice(first.length), `approval ${type}`, EXAMPLE, fieldNames(type)));
  },
  async submit(ctx, values, args) {
    // The first form only chose the kind: its own form comes next.
    if (args.trim() === '') return { kind: 'form', form: typeFormOf(ctx, checkType(values.type ?? '')) };
    return file(ctx, checkType(args.trim()), values);
  },
};

function checkType(text: string): ApprovalType {
  const type = text.trim().toLowerCase();
  if ((approvalTypes as readonly string[]).includes(type)) return type as ApprovalType;
  throw new BatonError('bad-argument', 'approval.error.unknownType', { type: text.slice(0, 40), types: approvalTypes.join(', ') });
}

function view(ctx: CommandContext) {
  return { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
}

function choiceForm(ctx: CommandContext) {
  return { id: commandFormId('approval'), title: ctx.t('approval.form.choose'), submitLabel: ctx.t('common.submit'), fields: [typeChoice(view(ctx))] };
}

function typeFormOf(ctx: CommandContext, type: ApprovalType) {
  return {
    id: commandFormId('approval', type),
    title: ctx.t('approval.form.new', { type: ctx.t(`approval.type.${type}`) }),
    submitLabel: ctx.t('common.submit'),
    fields: typeForm(type, view(ctx), {}, ctx.actor.id),
  };
}

async function file(ctx: CommandContext, type: ApprovalType, values: Record<string, string | undefined>) {
  const instance = await ctx.services.engine.start(approvalWorkflow.kind, ctx.actor, { ...values, type });
  const data = instance.data as { steps: Array<{ people: string[] }> };
  const names = (data.steps[0]?.people ?? []).map((id) => ctx.services.directory.person(id)?.name ?? id);
  return {
    kind: 'text' as const,
    text: ctx.t('approval.created', { ref: instance.ref, steps: data.steps.length, who: names.join(ctx.locale === 'en' ? ', ' : '、') }),
  };
}
