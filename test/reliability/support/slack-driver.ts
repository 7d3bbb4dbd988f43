import { requestWorkflow } from '../../../src/workflows/request.js';
import type { ApiCall, FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import {
  blockActionsPayload, form, interaction, postSigned, slashCommandFields, stateValues, viewSubmissionPayload, type SignedRequest,
} from '../../adapters/slack/support/slack-requests.js';
import { readReply, type ReplyKind } from './reply-kinds.js';
import { PRESS_WEIGHTS, newRequestArgs, requestAnswers } from './request-answers.js';
import type { Random } from './seeded-random.js';
import { slackScreens, type CardButton } from './slack-screens.js';
import type { StormCompany, StormPerson } from './storm-company.js';

/** One HTTP request to a bot: Slack's view of it (status and time to the acknowledgement). */
export interface SentRequest {
  /** When it was first sent, in milliseconds since the driver started. */
  at: number;
  status?: number;
  /** Time to the bot's HTTP answer (the ack), of the attempt that reached a bot. */
  ackMs?: number;
  /** Connections refused first (every bot down or restarting); each was tried again. */
  refusals: number;
  /** A failure after the request may have reached a bot (reset, timeout): not retried. */
  failure?: string;
}

export type Outcome = ReplyKind | 'unanswered';

/** One thing a person did, and what they saw happen. */
export interface DriverAction {
  n: number;
  kind: 'file' | 'press' | 'look';
  person: StormPerson;
  /** `file`: the request's matter, unique in the run. */
  matter?: string;
  /** `press`: the button. */
  button?: Pick<CardButton, 'instanceId' | 'event' | 'version' | 'actionId'>;
  /** A second press of a button someone pressed at the same moment (action `n` of the first). */
  secondPressOf?: number;
  /** Milliseconds since the driver started. */
  startedAt: number;
  requests: SentRequest[];
  answer?: { text: string; at: number };
  outcome?: Outcome;
}

export interface DriverOptions {
  company: StormCompany;
  fake: FakeSlackApi;
  /** Each bot's request URL (`…/slack/events`); the driver spreads requests like a load balancer. */
  botUrls: string[];
  random: Random;
  /** Part of every matter, so a run's requests are told apart. */
  runId: string;
  /** How long a person waits for an answer before giving up (Slack shows nothing more). */
  answerTimeoutMs?: number;
  /** Share of presses that a second person makes at the same moment (two approvers, a double click). */
  doublePressShare?: number;
}

const REFUSED_RETRY_MS = 60_000;
const POLL_MS = 25;

/**
 * People using Baton on Slack: they type `/request …` and `/my`, and press the buttons on the
 * cards Baton posted, filling the modals those open, all as signed HTTP requests to the bots.
 * A refused connection is tried again (on another bot, as a load balancer would); anything
 * else is left as the person would see it. Every action and its answer is recorded for the
 * counts afterwards.
 */
export function slackDriver(options: DriverOptions) {
  const { company, fake, random } = options;
  const answerTimeoutMs = options.answerTimeoutMs ?? 30_000;
  const screens = slackScreens(fake);
  const actions: DriverAction[] = [];
  const pressed = new Set<string>();
  const running = new Set<Promise<void>>();
  const started = performance.now();
  const now = () => performance.now() - started;
  let nextBot = 0;
  let seenResponses = 0;
  let seenCalls = 0;
  const answerWaiters = new Map<string, () => void>();
  const modals = new Map<string, ApiCall>();
  const modalWaiters = new Map<string, () => void>();

  /** Routes what the fake received to the actions waiting for it. */
  function catchUp() {
    for (; seenResponses < fake.responses.length; seenResponses++) {
      const { path, body } = fake.responses[seenResponses]!;
      const action = actions[Number(/^\/response\/a(\d+)$/.exec(path)?.[1] ?? -1)];
      if (!action || action.answer) continue;
      action.answer = { text: String(body.text ?? ''), at: now() };
      answerWaiters.get(path)?.();
    }
    for (; seenCalls < fake.calls.length; seenCalls++) {
      const call = fake.calls[seenCalls]!;
      if (call.method !== 'views.open') continue;
      const trigger = String(call.args.trigger_id);
      modals.set(trigger, call);
      modalWaiters.get(trigger)?.();
    }
  }
  const poller = setInterval(catchUp, POLL_MS);

  function until(waiters: Map<string, () => void>, key: string, done: () => boolean, timeoutMs: number): Promise<boolean> {
    catchUp();
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        waiters.delete(key);
        resolve(ok);
      };
      waiters.set(key, () => done() && finish(true));
    });
  }

  async function send(request: Pick<SignedRequest, 'body' | 'contentType'>): Promise<SentRequest> {
    const sent: SentRequest = { at: now(), refusals: 0 };
    const begun = performance.now();
    let bot = nextBot++ % options.botUrls.length;
    for (;;) {
      try {
        const response = await postSigned(options.botUrls[bot]!, request);
        return Object.assign(sent, { status: response.status, ackMs: response.ms });
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== 'ECONNREFUSED' || performance.now() - begun > REFUSED_RETRY_MS) {
          return Object.assign(sent, { failure: code ?? (error as Error).message });
        }
        sent.refusals++;
        bot = (bot + 1) % options.botUrls.length;
        // Every bot tried once: wait a little before going round again.
        if (sent.refusals % options.botUrls.length === 0) await sleep(100);
      }
    }
  }

  const responseUrl = (action: DriverAction) => fake.responseUrl(`a${action.n}`);

  function record(action: Omit<DriverAction, 'n' | 'startedAt' | 'requests'>): DriverAction {
    const full: DriverAction = { ...action, n: actions.length, startedAt: now(), requests: [] };
    actions.push(full);
    return full;
  }

  async function awaitAnswer(action: DriverAction, expects: 'change' | 'answer') {
    const path = `/response/a${action.n}`;
    await until(answerWaiters, path, () => action.answer !== undefined, answerTimeoutMs);
    if (!action.answer) {
      action.outcome = 'unanswered';
      return;
    }
    action.outcome = readReply(action.answer.text, expects);
  }

  async function command(action: DriverAction, name: string, text: string) {
    const fields = slashCommandFields({
      user_id: action.person.slackUserId, user_name: action.person.id, command: name, text,
      channel_id: company.channels[action.person.department], response_url: responseUrl(action), trigger_id: `t${action.n}`,
    });
    action.requests.push(await send(form(fields)));
    await awaitAnswer(action, name === '/my' ? 'answer' : 'change');
  }

  async function press(action: DriverAction, button: CardButton) {
    const trigger = `t${action.n}`;
    const payload = blockActionsPayload({ userId: action.person.slackUserId, actionId: button.actionId, channelId: button.copy.channelId, messageTs: button.copy.ts, responseUrl: responseUrl(action) });
    payload.trigger_id = trigger;
    action.requests.push(await send(interaction(payload)));
    if (!requestWorkflow.events[button.event]?.form) return awaitAnswer(action, 'change');
    // The click opens a modal, unless it was refused (answered at once) or the bot died first.
    const opened = await until(modalWaiters, trigger, () => modals.has(trigger) || action.answer !== undefined, answerTimeoutMs);
    const modal = modals.get(trigger);
    if (opened && modal && !action.answer) {
      const view = modal.args.view as Record<string, any>;
      const values = stateValues(view as never, requestAnswers(button.event, action.n, random));
      action.requests.push(await send(interaction(viewSubmissionPayload(action.person.slackUserId, view, values))));
    }
    await awaitAnswer(action, 'change');
  }

  /** Who presses a button: the person whose DM it is in, or someone of the channel's department. */
  function presserOf(button: CardButton): StormPerson | undefined {
    const channel = button.copy.channelId;
    if (channel.startsWith('D')) return company.bySlackId(`U${channel.slice(1)}`);
    const department = company.departmentOfChannel(channel);
    return department ? random.pick(company.membersOf(department)) : undefined;
  }

  function launch(work: () => Promise<void>) {
    const promise = work().finally(() => running.delete(promise));
    running.add(promise);
  }

  function fileRequest() {
    const person = random.pick(company.membersOf('sales'));
    const matter = `${options.runId}-${actions.length}`;
    const action = record({ kind: 'file', person, matter });
    launch(() => command(action, '/request', newRequestArgs(matter, random)));
  }

  function look() {
    const action = record({ kind: 'look', person: random.pick(company.people) });
    launch(() => command(action, '/my', ''));
  }

  /** Presses a button nobody has pressed yet; false when there is none to press. */
  function pressSomething(): boolean {
    const open = screens.buttons().filter((b) => !pressed.has(b.actionId) && PRESS_WEIGHTS[b.event]);
    if (open.length === 0) return false;
    const event = random.weighted(Object.fromEntries(open.map((b) => [b.event, PRESS_WEIGHTS[b.event]!])));
    const button = random.pick(open.filter((b) => b.event === event));
    const person = presserOf(button);
    if (!person) return false;
    pressed.add(button.actionId);
    const { instanceId, version, actionId } = button;
    const first = record({ kind: 'press', person, button: { instanceId, event, version, actionId } });
    launch(() => press(first, button));
    if (random.chance(options.doublePressShare ?? 0.05)) {
      const second = record({ kind: 'press', person: presserOf(button) ?? person, button: { instanceId, event, version, actionId }, secondPressOf: first.n });
      launch(() => press(second, button));
    }
    return true;
  }

  return {
    actions,
    /** One person does one thing: mostly pressing what waits on them, else filing or looking. */
    step() {
      const roll = random.next();
      if (roll < 0.08) return look();
      if (roll < 0.4 || !pressSomething()) fileRequest();
    },
    /** Actions started and not yet answered or given up. */
    get inFlight() {
      return running.size;
    },
    /** Milliseconds since the driver started, the time base of every record. */
    now,
    /** Waits for every action started to be answered or given up on. */
    async finish() {
      while (running.size > 0) await Promise.allSettled([...running]);
      clearInterval(poller);
      catchUp();
    },
  };
}

export type SlackDriver = ReturnType<typeof slackDriver>;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
