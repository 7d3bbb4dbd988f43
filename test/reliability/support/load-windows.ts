import type { DriverAction, SentRequest } from './slack-driver.js';
import { meanLoad, type LoadSample } from './machine-load.js';
import type { LoadWindow } from './storm-figures.js';

/** Slack shows the person an error when a bot takes longer than this to acknowledge. */
const SLACK_ACK_LIMIT_MS = 3_000;

/** A request Slack would count as failed: not answered 200, or answered too late. */
function requestFailed(request: SentRequest): boolean {
  return request.failure !== undefined || request.status !== 200 || (request.ackMs ?? Infinity) > SLACK_ACK_LIMIT_MS;
}

/**
 * An action that went wrong for the person: a request Slack would have failed, an error answer,
 * or no answer at all. A friendly refusal ("already handled by …") is not an error: it is the
 * right answer when someone else was quicker.
 */
export function actionFailed(action: DriverAction): boolean {
  return action.requests.some(requestFailed) || action.outcome === 'error' || action.outcome === 'unanswered';
}

/** Milliseconds from the action's last request to its answer. */
function answerMs(action: DriverAction): number | undefined {
  const last = action.requests.at(-1);
  return action.answer && last ? action.answer.at - last.at : undefined;
}

/** Per window of `windowSeconds` (by when actions started): requests, failures, ack and answer latency, machine load. */
export function loadWindows(actions: DriverAction[], seconds: number, windowSeconds: number, samples: LoadSample[] = []): LoadWindow[] {
  const windows: LoadWindow[] = [];
  for (let from = 0; from < seconds; from += windowSeconds) {
    const to = Math.min(seconds, from + windowSeconds);
    const inWindow = actions.filter((a) => a.startedAt >= from * 1000 && a.startedAt < to * 1000);
    const requests = inWindow.flatMap((a) => a.requests);
    const acks = requests.flatMap((r) => (r.ackMs === undefined ? [] : [r.ackMs]));
    const answers = inWindow.flatMap((a) => answerMs(a) ?? []);
    windows.push({
      fromS: from,
      toS: to,
      requests: requests.length,
      errors: inWindow.filter(actionFailed).length,
      ackP50: quantile(acks, 0.5),
      ackP99: quantile(acks, 0.99),
      answerP50: quantile(answers, 0.5),
      answerP99: quantile(answers, 0.99),
      machineLoad: meanLoad(samples.filter((x) => x.at >= from * 1000 && x.at < to * 1000)),
    });
  }
  return windows;
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
}
