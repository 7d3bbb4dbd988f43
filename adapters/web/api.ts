import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Baton } from '../../src/app.js';
import type { ManualClock } from '../../src/clock.js';
import type { Person } from '../../src/directory/directory.js';
import { isBatonError } from '../../src/errors.js';
import { translate } from '../../src/i18n/translate.js';
import type { Logger } from '../../src/logger.js';
import type { Actions } from './act.js';
import { clockTarget, type ClockStep } from './clock-steps.js';
import type { Conversations } from './conversations.js';
import { readJson, RequestProblem, sendJson } from './http/json.js';
import type { LiveUpdates } from './live-updates.js';
import { en as webEn, webCatalog, webText, type WebMessageKey } from './messages.js';
import { clockView, conversationViews, personView } from './views.js';
import { directConversation } from './web-adapter.js';

export interface ApiDeps {
  baton: Baton;
  clock: ManualClock;
  /** Moves the clock on and waits until everything that fell due on the way has arrived. */
  moveClock(target: Date): Promise<void>;
  conversations: Conversations;
  actions: Actions;
  live: LiveUpdates;
  logger: Logger;
  /** Who the page acts as until someone is chosen. */
  startAs: Person;
}

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** Who is acting, once known: refusals are told in their language. */
  actor?: Person;
}

type Handler = (call: Call) => Promise<unknown>;

const acting = z.object({ as: z.string().min(1) });
const inConversation = acting.extend({ conversation: z.string().min(1) });
const bodies = {
  command: inConversation.extend({ text: z.string().max(10_000) }),
  press: inConversation.extend({ actionId: z.string().min(1).max(500) }),
  submit: inConversation.extend({ formId: z.string().min(1).max(500), values: z.record(z.string(), z.string().max(50_000)) }),
  clock: acting.extend({ step: z.enum(['hour', 'workday', 'week', 'custom']), value: z.string().max(100).optional() }),
};

/**
 * The page's JSON API under `/api/`: who is who, what each conversation holds, the actions a
 * person takes, the clock, and `/api/events` (Server-Sent Events) for what changes. The acting
 * person comes with every call (`as`): the page keeps it, so two tabs can be two people.
 */
export function createApi(deps: ApiDeps) {
  const { baton, conversations, actions, live } = deps;
  const config = () => baton.env().config;

  function person(id: string | null): Person {
    const found = baton.directory.person(id ?? '');
    if (!found) throw new RequestProblem(400, webText(config().company.defaultLocale, 'web.unknownPerson', { id: (id ?? '').slice(0, 40) }));
    return found;
  }

  /** The acting person of a GET: the one asked for, or the one the playground starts as. */
  const viewer = (call: Call) => (call.actor = call.query.get('as') ? person(call.query.get('as')) : deps.startAs);
  /** The acting person of a POST, named in its body. */
  const actorOf = (call: Call, id: string) => (call.actor = person(id));

  async function body<T extends z.ZodType>(call: Call, schema: T): Promise<z.infer<T>> {
    const parsed = schema.safeParse(await readJson(call.req));
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      throw new RequestProblem(400, webText(config().company.defaultLocale, 'web.badRequest', { problem }));
    }
    return parsed.data;
  }

  /** A person acts only in their own direct messages or in a department's channel. */
  function conversationOf(actor: Person, id: string): string {
    const channel = id.startsWith('#') && baton.directory.department(id.slice(1));
    if (id === directConversation(actor.id) || channel) return id;
    throw new RequestProblem(400, webText(actor.locale, 'web.badRequest', { problem: `no conversation ${id.slice(0, 40)} for ${actor.id}` }));
  }

  const now = () => clockView(deps.clock.now(), config().company.timezone);

  const handlers: Record<string, Handler> = {
    'GET /api/session': async (call) => {
      const me = viewer(call);
      return { company: { name: config().company.name, timezone: config().company.timezone }, me: personView(me, baton.directory, me.locale), texts: webCatalog(me.locale), clock: now() };
    },
    'GET /api/people': async (call) => {
      const locale = viewer(call).locale;
      return baton.directory.people().map((p) => personView(p, baton.directory, locale));
    },
    'GET /api/conversations': async (call) => {
      const me = viewer(call);
      return conversationViews(me, baton.directory, conversations, me.locale);
    },
    'GET /api/messages': async (call) => {
      const me = viewer(call);
      return conversations.visibleTo(conversationOf(me, call.query.get('conversation') ?? ''), me.id);
    },
    'GET /api/clock': async () => now(),
    'POST /api/command': async (call) => {
      const b = await body(call, bodies.command);
      const actor = actorOf(call, b.as);
      return actions.command(actor, conversationOf(actor, b.conversation), b.text);
    },
    'POST /api/press': async (call) => {
      const b = await body(call, bodies.press);
      const actor = actorOf(call, b.as);
      return actions.press(actor, conversationOf(actor, b.conversation), b.actionId);
    },
    'POST /api/submit': async (call) => {
      const b = await body(call, bodies.submit);
      const actor = actorOf(call, b.as);
      return actions.submit(actor, conversationOf(actor, b.conversation), b.formId, b.values);
    },
    'POST /api/clock': async (call) => {
      const b = await body(call, bodies.clock);
      const actor = actorOf(call, b.as);
      const step: ClockStep = b.step === 'custom' ? { kind: 'custom', value: b.value ?? '' } : { kind: b.step };
      const target = clockTarget(step, deps.clock.now(), baton.env().calendar, config().company.timezone);
      // Everything that fell due fires and is delivered before the page hears the new time.
      await deps.moveClock(target).catch((err: unknown) => deps.logger.warn({ err, actor: actor.id }, 'messages still pending after moving the clock'));
      live.broadcast('clock', now());
      return now();
    },
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://playground');
    const call: Call = { req, res, query: url.searchParams };
    try {
      if (req.method === 'GET' && url.pathname === '/api/events') return live.open(res, viewer(call).id);
      const handler = handlers[`${req.method} ${url.pathname}`];
      if (!handler) return sendJson(res, 404, { error: `no ${req.method} ${url.pathname}` });
      sendJson(res, 200, await handler(call));
    } catch (error) {
      if (error instanceof RequestProblem) return sendJson(res, error.status, { error: error.message });
      if (isBatonError(error)) return sendJson(res, 400, { error: describe(error.messageKey, error.params, call.actor) });
      deps.logger.error({ err: error, path: url.pathname }, 'playground API failed');
      sendJson(res, 500, { error: translate(config().company.defaultLocale, 'error.internal') });
    }
  };

  /** A refusal in the language of whoever asked: the playground's own texts, or the core's. */
  function describe(key: string, params: Record<string, string | number>, actor: Person | undefined): string {
    const locale = actor?.locale ?? config().company.defaultLocale;
    return Object.hasOwn(webEn, key) ? webText(locale, key as WebMessageKey, params) : translate(locale, key, params);
  }
}
