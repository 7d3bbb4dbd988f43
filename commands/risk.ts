import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { parseRef } from '../src/engine/instance-row.js';
import { BatonError } from '../src/errors.js';
import type { Reply } from '../src/reply.js';
import type { Instance } from '../src/workflows/definition.js';
import { formatValue } from '../src/workflows/risk/alerts.js';
import { riskWorkflow, type RiskData } from '../src/workflows/risk/risk.js';

const ARGUMENTS: Record<string, string> = {
  category: 'category',
  title: 'title',
  description: 'description',
  likelihood: 'likelihood',
  impact: 'impact',
  response: 'response',
  measures: 'measures',
  owner: 'owner',
  dept: 'department',
  department: 'department',
  review: 'nextReview',
};
const EXAMPLE = 'category=credit title="Overdue receivables" likelihood=high impact=medium';

type R = Instance<RiskData>;

/**
 * `/risk`: register a risk (a form, or typed arguments), `/risk list` the open risks one may
 * see, `/risk value RSK-3 <indicator> <number>` a reading. One risk's card: `/show RSK-3`.
 */
export const riskCommand: Command = {
  name: 'risk',
  summaryKey: 'command.risk.summary',
  usageKey: 'command.risk.usage',
  async run(ctx, args) {
    const [first = ''] = args.trim().split(/\s+/);
    switch (first.toLowerCase()) {
      case '':
        return { kind: 'form', form: newRiskForm(ctx) };
      case 'list':
        return list(ctx);
      case 'value':
        return recordValue(ctx, args.trim().slice(first.length).trim());
      default:
        return register(ctx, parseNamedArgs(args, 'risk', EXAMPLE, ARGUMENTS));
    }
  },
  submit: (ctx, values) => register(ctx, values),
};

function newRiskForm(ctx: CommandContext) {
  const view = { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
  return { id: commandFormId('risk'), title: ctx.t('risk.form.new'), submitLabel: ctx.t('common.submit'), fields: riskWorkflow.start.form(view) };
}

async function register(ctx: CommandContext, values: Record<string, string | undefined>): Promise<Reply> {
  const instance = (await ctx.services.engine.start(riskWorkflow.kind, ctx.actor, values)) as R;
  const d = instance.data;
  return {
    kind: 'text',
    text: ctx.t('risk.created', {
      ref: instance.ref,
      level: ctx.t(`risk.grade.${d.level}`),
      suggested: ctx.t(`risk.response.${d.suggestedResponse}`),
      owner: ctx.services.directory.person(d.ownerId)?.name ?? d.ownerId,
      review: d.nextReview,
    }),
  };
}

/** The open risks the person may see, most alarming first; reading others' risks is logged. */
async function list(ctx: CommandContext): Promise<Reply> {
  const { access, risks, directory } = ctx.services;
  const visible: R[] = [];
  for (const risk of await risks.open()) if (await access.canView(ctx.actor, risk)) visible.push(risk);
  if (visible.length === 0) return { kind: 'text', text: ctx.t('risk.list.empty') };
  await access.recordItems(ctx.actor, 'list', visible, { register: 'risk' });
  const lines = visible.map((i) =>
    ctx.t('risk.list.line', {
      ref: i.ref,
      title: i.title,
      level: ctx.t(`risk.grade.${i.data.level}`),
      alert: i.data.alertLevel ? ctx.t('risk.list.alert', { colour: ctx.t(`risk.colour.${i.data.alertLevel}`) }) : ctx.t('risk.list.noAlert'),
      owner: directory.person(i.data.ownerId)?.name ?? i.data.ownerId,
    }),
  );
  return { kind: 'text', text: [ctx.t('risk.list.header', { count: visible.length }), ...lines.map((l) => `• ${l}`)].join('\n') };
}

/** `RSK-3 overdue-receivables 12.5`: the indicator by key or name (a name may have spaces), the number last. */
async function recordValue(ctx: CommandContext, args: string): Promise<Reply> {
  const parts = args.split(/\s+/).filter(Boolean);
  if (parts.length < 3) throw new BatonError('bad-argument', 'risk.value.usage');
  const risk = await findRisk(ctx, parts[0]!);
  if (risk.data.indicators.length === 0) {
    throw new BatonError('not-found', 'risk.error.noIndicators', { ref: risk.ref, action: ctx.t('risk.event.indicator') });
  }
  const typed = parts.slice(1, -1).join(' ').replace(/^["'“](.*)["'”]$/, '$1');
  const indicator = risk.data.indicators.find((i) => i.key === typed.toLowerCase() || i.name.toLowerCase() === typed.toLowerCase());
  // An unknown indicator is refused by the event's form, which lists the risk's indicators.
  const after = (await ctx.services.engine.apply({
    instanceId: risk.id,
    event: 'reading',
    actor: { kind: 'person', person: ctx.actor },
    values: { indicator: indicator?.key ?? typed, value: parts.at(-1)! },
  })) as R;
  const recorded = after.data.indicators.find((i) => i.key === indicator!.key)!;
  const colour = (level: string | null) => ctx.t(`risk.colour.${level ?? 'normal'}` as never);
  return {
    kind: 'text',
    text: ctx.t('risk.value.recorded', {
      ref: after.ref,
      indicator: recorded.name,
      value: formatValue(Number(parts.at(-1)), recorded.unit),
      level: colour(recorded.level),
      alert: colour(after.data.alertLevel),
      state: ctx.t(`risk.state.${after.state}` as never),
    }),
  };
}

async function findRisk(ctx: CommandContext, ref: string): Promise<R> {
  const parsed = parseRef(ref);
  if (!parsed || parsed.prefix !== riskWorkflow.refPrefix) throw new BatonError('bad-argument', 'risk.error.notRisk', { ref: ref.slice(0, 40) });
  const found = await ctx.services.instanceByRef(ref);
  if (!found || found.kind !== riskWorkflow.kind) throw new BatonError('not-found', 'risk.error.unknownRisk', { ref: ref.toUpperCase() });
  return found as R;
}
