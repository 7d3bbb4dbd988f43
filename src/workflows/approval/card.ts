import type { CardField, CardLink } from '../../cards/model.js';
import type { Directory } from '../../directory/directory.js';
import type { MessageKey } from '../../i18n/translate.js';
import { formatInstant } from '../../time.js';
import type { Instance, ViewContext } from '../definition.js';
import type { ApprovalData } from './approval.js';
import { approvalsOf, votesOf, type ChainStep } from './chain.js';
import { fieldNames, isLongField, label } from './forms.js';

/**
 * The approval's card: what was submitted, then the chain — every step with its approvers,
 * mode and votes, the current one marked. State, deadline and buttons are added generically.
 */
export function approvalCard(i: Instance<ApprovalData>, v: ViewContext): { title: string; fields: CardField[]; links: CardLink[] } {
  const { t, env, locale } = v;
  const { directory } = env;
  const d = i.data;
  const who = directory.person(i.requesterId);
  const fields: CardField[] = [
    { label: t('approval.field.type' as MessageKey), value: t(`approval.type.${d.type}` as MessageKey) },
    { label: t('approval.field.requester' as MessageKey), value: who ? `${who.name}${i.departmentId ? ` · ${directory.departmentName(i.departmentId, locale)}` : ''}` : i.requesterId },
  ];
  for (const name of fieldNames(d.type)) {
    const value = d.values[name];
    if (!value || name === 'links') continue;
    fields.push({ label: label(v, name), value: displayValue(name, value, v), ...(isLongField(d.type, name) ? { long: true } : {}) });
  }
  d.steps.forEach((step, index) => {
    fields.push({ label: t('approval.card.step' as MessageKey, { step: index + 1, steps: d.steps.length }), value: stepLine(i, step, index, v), long: true });
  });
  if (d.lastComment) fields.push({ label: t('approval.field.lastComment' as MessageKey), value: d.lastComment, long: true });
  if (d.team) fields.push({ label: t('approval.field.team' as MessageKey), value: d.team, long: true });
  if (d.round > 1) fields.push({ label: t('approval.field.round' as MessageKey), value: String(d.round) });
  const links = (d.values.links ?? '').split('\n').filter(Boolean).map((url) => ({ label: url, url }));
  return { title: t('approval.title' as MessageKey, { ref: i.ref, type: t(`approval.type.${d.type}` as MessageKey), title: i.title }), fields, links };
}

function displayValue(name: string, value: string, v: ViewContext): string {
  if (name === 'acceptor') return v.env.directory.person(value)?.name ?? value;
  if (name === 'category') return v.t(`approval.category.${value}` as MessageKey);
  if (name === 'budget' || name === 'costImpact' || name === 'amount') return v.t('approval.card.amount' as MessageKey, { amount: Number(value).toLocaleString(v.locale) });
  return value;
}

/** `部门负责人（孙丽）· 任一人批准 · 进行中\n✓ 孙丽 11-30 10:00：同意` */
function stepLine(i: Instance<ApprovalData>, step: ChainStep, index: number, v: ViewContext): string {
  const { t, env, locale } = v;
  const d = i.data;
  const names = step.people.map((id) => nameOf(id, env.directory)).join(locale === 'en' ? ', ' : '、');
  const mode = t(`approval.mode.${step.mode}` as MessageKey, { needed: step.needed, of: step.people.length });
  const status =
    index < d.current ? t('approval.card.stepDone' as MessageKey)
    : index === d.current && i.state === 'pending' ? t('approval.card.stepCurrent' as MessageKey, { approvals: approvalsOf(d.votes, d.round, index), needed: step.needed })
    : index === d.current && !['approved', 'forming_team'].includes(i.state) ? t(`approval.state.${i.state}` as MessageKey)
    : index >= d.current ? t('approval.card.stepWaiting' as MessageKey)
    : '';
  const head = t('approval.card.stepHead' as MessageKey, { who: describeApprovers(step.approvers, v), names, mode, status });
  const lines = votesOf(d.votes, d.round, index).map((vote) => {
    const mark = vote.decision === 'approve' ? '✓' : vote.decision === 'reject' ? '✗' : '↩';
    const by = vote.actor === vote.voter ? nameOf(vote.voter, env.directory) : t('approval.card.onBehalf' as MessageKey, { actor: nameOf(vote.actor, env.directory), voter: nameOf(vote.voter, env.directory) });
    const at = formatInstant(new Date(vote.at), locale, env.config.company.timezone);
    return `${mark} ${by} · ${t(`approval.event.${vote.decision}` as MessageKey)} · ${at}${vote.comment ? `: ${vote.comment}` : ''}`;
  });
  return [head, ...lines].join('\n');
}

function describeApprovers(specs: readonly string[], v: ViewContext): string {
  return specs
    .map((spec) => {
      const [kind, id = ''] = spec.split(':');
      if (kind === 'head' && !id) return v.t('approval.approver.head' as MessageKey);
      if (kind === 'head') return v.t('approval.approver.headOf' as MessageKey, { dept: v.env.directory.departmentName(id, v.locale) });
      if (kind === 'committee') return v.t('approval.approver.committee' as MessageKey);
      if (kind === 'dept') return v.env.directory.departmentName(id, v.locale);
      if (kind === 'person') return nameOf(id, v.env.directory);
      if (kind === 'role') return v.t('approval.approver.role' as MessageKey, { role: id });
      return label(v, id);
    })
    .join(v.locale === 'en' ? ' + ' : '＋');
}

function nameOf(id: string, directory: Directory): string {
  return directory.person(id)?.name ?? id;
}
