import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Baton's one metrics registry. The core counts into it where things happen (router, engine,
 * timers, delivery); `/metrics` serves it. Module-level on purpose: counting must be a one-line
 * call that needs no wiring, and one process has one set of counters.
 *
 * Labels are bounded sets only — command names, workflow kinds and events, error codes,
 * platform names, outcomes — never a person, an item reference or free text, so the number of
 * series stays small however much Baton is used.
 */
export const registry = new Registry();

const commands = new Counter({
  name: 'baton_commands_total',
  help: 'Slash commands (typed, or submitted through a command form) by command and outcome: ok, refused (the person was told why) or failed (an internal error).',
  labelNames: ['command', 'outcome'] as const,
  registers: [registry],
});

const transitions = new Counter({
  name: 'baton_transitions_total',
  help: 'Committed workflow events (filing included as "submit", timer-driven events too) by workflow kind and event.',
  labelNames: ['workflow', 'event'] as const,
  registers: [registry],
});

const refusals = new Counter({
  name: 'baton_refusals_total',
  help: 'Actions refused with an explanation to the person, by error code (forbidden, stale-card, already-handled, invalid-input, …).',
  labelNames: ['code'] as const,
  registers: [registry],
});

const timersFired = new Counter({
  name: 'baton_timers_total',
  help: 'Timer jobs run, by outcome: fired, stale (the state had been left) or not-pending (already handled).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const timerLag = new Histogram({
  name: 'baton_timer_lag_seconds',
  help: 'How late a timer fired: the time it fired minus the time it was due.',
  buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
  registers: [registry],
});

const deliveries = new Counter({
  name: 'baton_deliveries_total',
  help: 'Outbound messages and card updates per target, by platform and outcome: sent, failed (refused for good), rate-limited or error (retried).',
  labelNames: ['platform', 'outcome'] as const,
  registers: [registry],
});

const inbound = new Counter({
  name: 'baton_inbound_events_total',
  help: 'Verified requests and events from a platform (redeliveries included, forgeries not), by platform and kind.',
  labelNames: ['platform', 'kind'] as const,
  registers: [registry],
});

export type CommandOutcome = 'ok' | 'refused' | 'failed';
export type DeliveryOutcome = 'sent' | 'failed' | 'rate-limited' | 'error';
export type InboundKind = 'command' | 'action' | 'submit' | 'event' | 'other';

export function countCommand(command: string, outcome: CommandOutcome): void {
  commands.inc({ command, outcome });
}

export function countTransition(workflow: string, event: string): void {
  transitions.inc({ workflow, event });
}

export function countRefusal(code: string): void {
  refusals.inc({ code });
}

/** A timer job's outcome; for one that fired, how late it was (never negative: clocks drift). */
export function countTimer(outcome: 'fired' | 'stale' | 'not-pending', lateMs?: number): void {
  timersFired.inc({ outcome });
  if (outcome === 'fired' && lateMs !== undefined) timerLag.observe(Math.max(0, lateMs) / 1000);
}

export function countDelivery(platform: string, outcome: DeliveryOutcome): void {
  deliveries.inc({ platform, outcome });
}

export function countInbound(platform: string, kind: InboundKind): void {
  inbound.inc({ platform, kind });
}

let processMetrics = false;

/**
 * Node's own metrics (CPU, memory, event-loop lag, handles) in the same registry. Started by
 * whatever serves the registry, once per process: tests that only count need none of it.
 */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}
