import type { Random } from './seeded-random.js';

/** A date `days` from today (UTC, the storm company's zone), as a datepicker gives it. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The typed arguments of a new request whose matter is `matter`, as someone would type them. */
export function newRequestArgs(matter: string, random: Random): string {
  const department = random.pick(['it', 'finance']);
  return `matter="${matter}" content="Storm load item" goal="Done in time" by=${daysFromToday(30)} dept=${department}`;
}

/**
 * What people type into each request event's modal, by field name. Every answer is valid:
 * a refusal in a run must come from the situation (someone was quicker), never the input.
 */
export function requestAnswers(event: string, n: number, random: Random): Record<string, string> {
  switch (event) {
    case 'approve':
      return { department: random.pick(['it', 'finance']), note: `Note ${n}` };
    case 'reject':
    case 'hand_back':
      return { reason: `Reason ${n}` };
    case 'return':
      return { question: `Question ${n}` };
    case 'resubmit':
      return { answer: `Answer ${n}`, content: `Revised content ${n}`, goal: 'Done in time', requiredBy: daysFromToday(30) };
    case 'accept':
      return { plan: `Plan ${n}`, eta: daysFromToday(20) };
    case 'deliver':
      return { result: `Result ${n}`, links: `https://docs.example.com/results/${n}` };
    case 'reject_result':
      return { feedback: `Feedback ${n}` };
    default:
      return {};
  }
}

/**
 * How often people press each button when they see it: mostly moving work on, now and then
 * sending it back, rejecting or cancelling, so every path and its timers get exercised.
 */
export const PRESS_WEIGHTS: Record<string, number> = {
  approve: 10,
  reject: 1,
  return: 1.5,
  resubmit: 10,
  cancel: 0.5,
  accept: 10,
  hand_back: 1,
  deliver: 10,
  accept_result: 8,
  reject_result: 2,
};
