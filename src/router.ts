import { parseActionId, parseCommandFormId } from './cards/action-id.js';
import type { Command, CommandServices } from './commands/command.js';
import type { Person } from './directory/directory.js';
import { BatonError, isBatonError } from './errors.js';
import { translate, translatorFor } from './i18n/translate.js';
import type { Logger } from './logger.js';
import { countCommand, countRefusal, type CommandOutcome } from './metrics/metrics.js';
import { describePrincipals, isAllowed } from './permissions.js';
import type { Reply } from './reply.js';
import { eventKey, type Instance } from './workflows/definition.js';
import { workflowOf } from './workflows/registry.js';
import { renderCard } from './workflows/render-card.js';

/** What a person did, in platform-neutral terms; adapters translate their payloads into this. */
export type Inbound =
  | { type: 'command'; name: string; args: string }
  | { type: 'action'; actionId: string }
  | { type: 'submit'; formId: string; values: Record<string, string | undefined> };

export interface Router {
  /** Handles one inbound action and answers the person who did it; never throws. */
  handle(actor: Person, inbound: Inbound): Promise<Reply>;
}

export function createRouter(deps: {
  services: CommandServices;
  logger: Logger;
  /** Called after a change was committed, so its effects go out promptly. */
  onCommitted(): void;
}): Router {
  const { services, logger } = deps;
  const byName = new Map(services.commands().map((c) => [c.name, c]));

  async function runCommand(actor: Person, typed: string, typedArgs: string): Promise<Reply> {
    // A command form's id may carry its arguments (`approval project`): rebuilding it runs the same.
    const [name, args] = splitCommand(typed, typedArgs);
    const command = byName.get(name.replace(/^\//, '').toLowerCase());
    if (!command) throw new BatonError('unknown-command', 'error.unknownCommand', { name: name.replace(/^\//, '') });
    checkCommandAllowed(actor, command);
    return command.run(context(actor), args);
  }

  function checkCommandAllowed(actor: Person, command: Command) {
    if (command.allow && !isAllowed({ kind: 'person', person: actor }, command.allow, services.directory)) {
      throw new BatonError('forbidden', 'error.commandForbidden', {
        command: command.name,
        who: describePrincipals(command.allow, services.directory, actor.locale),
      });
    }
  }

  function context(actor: Person) {
    return { actor, locale: actor.locale, t: translatorFor(actor.locale), services };
  }

  async function press(actor: Person, actionId: string): Promise<Reply> {
    const ref = parseActionId(actionId);
    if (!ref) throw new BatonError('stale-card', 'error.staleCard');
    const command = { ...ref, actor: { kind: 'person' as const, person: actor } };
    const { instance, spec } = await services.engine.prepare(command);
    if (spec.form) {
      const t = translatorFor(actor.locale);
      const view = { env: services.env(), locale: actor.locale, t };
      const label = t(eventKey(instance.kind, ref.event) as never);
      return {
        kind: 'form',
        form: { id: actionId, title: `${instance.ref} · ${label}`, submitLabel: label, fields: spec.form(instance, view) },
      };
    }
    return applied(actor, await services.engine.apply(command), ref.event);
  }

  async function submit(actor: Person, formId: string, values: Record<string, string | undefined>): Promise<Reply> {
    const commandForm = parseCommandFormId(formId);
    if (commandForm !== null) {
      const [commandName, args] = splitCommand(commandForm, '');
      const command = byName.get(commandName);
      if (!command?.submit) throw new BatonError('unknown-command', 'error.unknownCommand', { name: commandName });
      checkCommandAllowed(actor, command);
      return command.submit(context(actor), values, args);
    }
    const ref = parseActionId(formId);
    if (!ref) throw new BatonError('stale-card', 'error.staleCard');
    const instance = await services.engine.apply({ ...ref, actor: { kind: 'person', person: actor }, values });
    return applied(actor, instance, ref.event);
  }

  function applied(actor: Person, instance: Instance, event: string): Reply {
    const t = translatorFor(actor.locale);
    return {
      kind: 'text',
      text: t('common.done', {
        ref: instance.ref,
        action: t(eventKey(instance.kind, event) as never),
        state: t(`${instance.kind}.state.${instance.state}` as never),
      }),
    };
  }

  async function explain(actor: Person, error: unknown, inbound: Inbound): Promise<Reply> {
    if (!isBatonError(error)) {
      logger.error({ err: error, actor: actor.id, inbound: inbound.type }, 'handling failed');
      return { kind: 'error', text: translate(actor.locale, 'error.internal'), fieldErrors: [] };
    }
    // What was refused, for the record; a forbidden press or command is a warning (someone may be probing).
    const target = (inbound.type === 'action' ? inbound.actionId : inbound.type === 'submit' ? inbound.formId : inbound.name).slice(0, 120);
    logger[error.code === 'forbidden' ? 'warn' : 'info']({ code: error.code, actor: actor.id, inbound: inbound.type, target }, 'refused');
    countRefusal(error.code);
    const fieldErrors = error.fieldErrors.map((f) => ({ field: f.field, text: translate(actor.locale, f.messageKey, f.params) }));
    const text = [translate(actor.locale, error.messageKey, error.params), ...fieldErrors.map((f) => `• ${f.text}`)].join('\n');
    const card = error.code === 'stale-card' || error.code === 'already-handled' ? await currentCard(actor, inbound) : undefined;
    return { kind: 'error', text, fieldErrors, ...(card ? { card } : {}) };
  }

  async function currentCard(actor: Person, inbound: Inbound) {
    const id = inbound.type === 'action' ? inbound.actionId : inbound.type === 'submit' ? inbound.formId : '';
    const ref = parseActionId(id);
    const instance = ref ? await services.engine.load(ref.instanceId) : null;
    return instance ? renderCard(workflowOf(instance.kind), instance, { person: actor }, actor.locale, services.env()) : undefined;
  }

  /** Counts a typed command or a command form by name; unknown names share one label, to keep the series few. */
  function countOutcome(inbound: Inbound, outcome: CommandOutcome) {
    const typed = inbound.type === 'command' ? inbound.name : inbound.type === 'submit' ? parseCommandFormId(inbound.formId) : null;
    if (typed === null) return;
    const name = splitCommand(typed, '')[0].replace(/^\//, '').toLowerCase();
    countCommand(byName.has(name) ? name : 'unknown', outcome);
  }

  return {
    async handle(actor, inbound) {
      try {
        const reply =
          inbound.type === 'command'
            ? await runCommand(actor, inbound.name, inbound.args)
            : inbound.type === 'action'
              ? await press(actor, inbound.actionId)
              : await submit(actor, inbound.formId, inbound.values);
        deps.onCommitted();
        countOutcome(inbound, 'ok');
        return reply;
      } catch (error) {
        countOutcome(inbound, isBatonError(error) ? 'refused' : 'failed');
        return explain(actor, error, inbound).catch((inner) => {
          logger.error({ err: inner }, 'explaining an error failed');
          return { kind: 'error', text: translate(actor.locale, 'error.internal'), fieldErrors: [] };
        });
      }
    },
  };
}

/** `approval project` → [`approval`, `project`], with any arguments typed after it. */
function splitCommand(name: string, args: string): [string, string] {
  const [bare = '', ...rest] = name.trim().split(/\s+/);
  return [bare, [...rest, args.trim()].filter(Boolean).join(' ')];
}
