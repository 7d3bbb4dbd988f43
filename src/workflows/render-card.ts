import { formatActionId } from '../cards/action-id.js';
import type { Card, CardAction } from '../cards/model.js';
import type { Locale } from '../config/schema.js';
import type { Department, Person } from '../directory/directory.js';
import type { Principal } from '../directory/principal.js';
import { translatorFor } from '../i18n/translate.js';
import { principalsFor } from '../permissions.js';
import { formatInstant, localDate } from '../time.js';
import { eventKey, stateKey, type Instance, type WorkflowDefinition, type WorkflowEnv } from './definition.js';

/**
 * Who looks at a copy of a card: one person (a direct message), or a department's channel.
 * A channel copy shows the buttons the department may press; the press itself is still
 * checked against whoever pressed it.
 */
export type Audience = { person: Person } | { department: Department };

/** The card of an instance as its audience sees it: only the buttons they may press. */
export function renderCard(
  def: WorkflowDefinition,
  instance: Instance,
  audience: Audience,
  locale: Locale,
  env: WorkflowEnv,
): Card {
  const t = translatorFor(locale);
  const view = { env, locale, t };
  const body = instance.purgedAt ? purgedBody(def.card(instance, view), instance, locale) : def.card(instance, view);
  const state = def.states[instance.state]!;
  const context = [
    t('common.stateLine', { ref: instance.ref, state: t(stateKey(def.kind, instance.state) as never) }),
  ];
  if (instance.dueAt && !state.terminal) {
    const due = formatInstant(instance.dueAt, locale, env.config.company.timezone);
    context.push(instance.dueAt < env.now ? t('common.overdue', { due }) : t('common.due', { due }));
  }
  if (instance.purgedAt) context.push(t('governance.purged.note', { date: localDate(instance.purgedAt, env.config.company.timezone) }));
  return {
    instanceId: instance.id,
    title: body.title,
    tone: body.tone ?? state.tone,
    fields: body.fields,
    links: body.links,
    context,
    actions: state.terminal ? [] : actionsFor(def, instance, principalsOf(audience, env), locale, env),
  };
}

/** A purged instance's card says so, instead of showing the blanks its personal fields became. */
function purgedBody(body: ReturnType<WorkflowDefinition['card']>, instance: Instance, locale: Locale): ReturnType<WorkflowDefinition['card']> {
  const t = translatorFor(locale);
  return {
    title: t('governance.purged.title', { ref: instance.ref }),
    fields: body.fields.filter((field) => field.value !== ''),
    links: [],
  };
}

function principalsOf(audience: Audience, env: WorkflowEnv): Set<Principal> {
  if ('person' in audience) return new Set(principalsFor(audience.person, env.directory, env.delegations));
  return new Set<Principal>([`dept:${audience.department.id}`, `kind:${audience.department.kind}`]);
}

function actionsFor(def: WorkflowDefinition, instance: Instance, audience: Set<Principal>, locale: Locale, env: WorkflowEnv): CardAction[] {
  const t = translatorFor(locale);
  return Object.entries(def.events)
    .filter(([, spec]) => spec.button && spec.from.includes(instance.state))
    .filter(([, spec]) => spec.allow(instance).some((p) => audience.has(p)))
    .map(([event, spec]) => ({
      id: formatActionId({ instanceId: instance.id, event, version: instance.version }),
      label: t(eventKey(def.kind, event) as never),
      style: spec.button!.style,
      ...(spec.button!.confirmKey
        ? {
            confirm: {
              title: t(eventKey(def.kind, event) as never),
              text: t(spec.button!.confirmKey, { ref: instance.ref }),
              confirm: t('common.confirm'),
              deny: t('common.deny'),
            },
          }
        : {}),
    }));
}
