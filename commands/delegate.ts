import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { BatonError, invalidInput } from '../src/errors.js';
import { parseForm } from '../src/forms/parse-form.js';

const EXAMPLE = 'to=li.na from=2026-12-01 until=2026-12-05';

/**
 * `/delegate to=<person> from=<date> until=<date>`: while away, someone else sees and may act on
 * what waits on you (approvals in particular). `/delegate` lists, `/delegate cancel` ends yours.
 */
export const delegateCommand: Command = {
  name: 'delegate',
  summaryKey: 'command.delegate.summary',
  usageKey: 'command.delegate.usage',
  async run(ctx, args) {
    const text = args.trim();
    const today = ctx.services.env().today;
    if (text === '') return list(ctx, today);
    if (text.toLowerCase() === 'cancel') {
      const count = await ctx.services.delegations.cancel(ctx.actor.id, today);
      return { kind: 'text', text: ctx.t('delegate.cancelled', { count }) };
    }
    const typed = parseNamedArgs(text, 'delegate', EXAMPLE, ['to', 'from', 'until']);
    if (!typed.to || !typed.until) throw new BatonError('bad-argument', 'delegate.error.missing');
    return create(ctx, { ...typed, from: typed.from ?? today }, today);
  },
};

async function create(ctx: CommandContext, typed: Record<string, string>, today: string) {
  const { directory } = ctx.services;
  const people = directory.people().filter((p) => p.id !== ctx.actor.id).map((p) => ({ value: p.id, label: p.name }));
  const values = parseForm(
    [
      { kind: 'select', name: 'to', label: 'to', required: true, options: people },
      { kind: 'date', name: 'from', label: 'from', required: true },
      { kind: 'date', name: 'until', label: 'until', required: true },
    ],
    typed,
    today,
  );
  const [to, from, until] = [values.to as string, values.from as string, values.until as string];
  if (until < from) throw invalidInput([{ field: 'until', messageKey: 'delegate.error.order', params: { from, until } }]);
  if (until < today) throw invalidInput([{ field: 'until', messageKey: 'delegate.error.past', params: { until, today } }]);
  await ctx.services.delegations.create({ fromId: ctx.actor.id, toId: to, startsOn: from, endsOn: until });
  return { kind: 'text' as const, text: ctx.t('delegate.created', { to: directory.person(to)!.name, from, until }) };
}

async function list(ctx: CommandContext, today: string) {
  const found = await ctx.services.delegations.involving(ctx.actor.id, today);
  if (found.length === 0) return { kind: 'text' as const, text: ctx.t('delegate.none') };
  const name = (id: string) => ctx.services.directory.person(id)?.name ?? id;
  const lines = found.map((d) => ctx.t('delegate.line', { from: name(d.fromId), to: name(d.toId), start: d.startsOn, until: d.endsOn }));
  return { kind: 'text' as const, text: [ctx.t('delegate.header'), ...lines].join('\n') };
}
