import { formatActionId } from '../cards/action-id.js';
import type { Card, CardAction } from '../cards/model.js';
import type { Locale } from '../config/schema.js';
import type { Person } from '../directory/directory.js';
import { translatorFor } from '../i18n/translate.js';
import { isAllowed } from '../permissions.js';
import { formatInstant } from '../time.js';
import { eventKey, stateKey, type Instance, type WorkflowDefinition, type WorkflowEnv } from './definition.js';

/**
 * The card of an instance as one viewer sees it. A direct-message copy shows only the buttons
 * its viewer may press; a channel copy (no viewer) shows every button of the state, and the
 * press is checked against whoever pressed it.
 */
export function renderCard(
  def: WorkflowDefinition,
  instance: Instance,
  viewer: Person | null,
  locale: Locale,
  env: WorkflowEnv,
): Card {
  const t = translatorFor(locale);
  const view = { env, locale, t };
  const body = def.card(instance, view);
  const state = def.states[instance.state]!;
  const context = [
    t('common.stateLine', { ref: instance.ref, state: t(stateKey(def.kind, instance.state) as never) }),
  ];
  if (instance.dueAt && !state.terminal) {
    const due = formatInstant(instance.dueAt, locale, env.config.company.timezone);
    context.push(instance.dueAt < env.now ? t('common.overdue', { due }) : t('common.due', { due }));
  }
  return {
    instanceId: instance.id,
    title: body.title,
    tone: state.tone,
    fields: body.fields,
    links: body.links,
    context,
    actions: state.terminal ? [] : actionsFor(def, instance, viewer, locale, env),
  };
}

function actionsFor(def: WorkflowDefinition, instance: Instance, viewer: Person | null, locale: Locale, env: WorkflowEnv): CardAction[] {
  const t = translatorFor(locale);
  return Object.entries(def.events)
    .filter(([, spec]) => spec.button && spec.from.includes(instance.state))
    .filter(([, spec]) => !viewer || isAllowed({ kind: 'person', person: viewer }, spec.allow(instance), env.directory))
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
