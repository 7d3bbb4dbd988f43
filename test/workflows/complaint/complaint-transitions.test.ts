import { describe, expect, it } from 'vitest';
import { BatonError } from '../../../src/errors.js';
import { complaintWorkflow, type ComplaintData } from '../../../src/workflows/complaint/complaint.js';
import type { Actor } from '../../../src/workflows/definition.js';
import { transition } from '../../../src/workflows/transition.js';
import { actorNamed, testEnv } from '../../support/env.js';
import { baseInstance, outcome, transitionCases, type Moves } from '../inquiry/transition-table.js';

const env = testEnv();
const actors: Record<string, Actor> = {
  takenBy: actorNamed('zhang.wei'),
  department: actorNamed('lin.feng'),
  bystander: actorNamed('tang.qian'),
  system: { kind: 'system' },
};

const moves: Moves = {
  investigating: {
    findings: [['department'], 'proposing'],
    transfer: [['department', 'takenBy'], 'investigating'],
  },
  proposing: { propose: [['department'], 'awaiting_customer'] },
  awaiting_customer: {
    customer_agrees: [['takenBy'], 'tracking'],
    customer_disagrees: [['takenBy'], 'proposing'],
  },
  tracking: { resolve: [['department'], 'resolved'] },
  resolved: { follow_up_due: [['system'], 'follow_up'] },
  follow_up: { record_follow_up: [['takenBy'], 'closed'] },
  closed: {},
};

const validInput: Record<string, Record<string, string>> = {
  findings: { cause: 'A firmware bug', responsibleParty: 'R&D release team' },
  transfer: { department: 'it', reason: 'It is the mail server' },
  propose: { solution: 'Replace the unit and extend the warranty' },
  customer_disagrees: { customerFeedback: 'Wants a refund instead' },
  resolve: { resolution: 'Unit replaced on site' },
  record_follow_up: { satisfaction: '4', comment: 'Quick and polite' },
};

const instanceIn = (state: string, severity: ComplaintData['severity'] = 'high') =>
  baseInstance<ComplaintData>('complaint', 'CMP-7', state, {
    customer: 'Acme Ltd',
    channel: 'email',
    summary: 'The device reboots every hour',
    severity,
    department: 'rnd',
    cause: null,
    responsibleParty: null,
    solution: null,
    customerFeedback: null,
    resolution: null,
    followUpAt: state === 'resolved' ? '2026-12-03T02:00:00.000Z' : null,
    satisfaction: null,
    comment: null,
  }, env);

const cases = transitionCases(complaintWorkflow, moves, actors);

describe('complaint ticket transitions', () => {
  it('covers every state, event and kind of actor', () => {
    expect(cases.length).toBe(7 * Object.keys(complaintWorkflow.events).length * 4);
  });

  it.each(cases)('$state --$event--> by $who: $expected', ({ state, event, who, expected }) => {
    expect(outcome(complaintWorkflow, instanceIn(state), event, actors[who]!, validInput[event] ?? {}, env)).toBe(expected);
  });
});

describe('complaint deadlines and data', () => {
  const hours = (from: Date, to: Date | null) => env.calendar.workingHoursBetween(from, to!);

  it('gives each severity its own investigation deadline, waiting on the responsible department', () => {
    // Filed Monday 10:00; high: 4 working hours, medium: 1 working day (9h), low: 2 days.
    for (const [severity, expected] of [['high', 4], ['medium', 9], ['low', 18]] as const) {
      const result = transition(complaintWorkflow, instanceIn('investigating', severity), 'transfer', actors.takenBy!, validInput.transfer!, env);
      expect(hours(env.now, result.instance.dueAt)).toBe(expected);
      expect(result.waitingOn).toEqual(['dept:it']);
      // Reports and agendas count the complaint under the department now responsible.
      expect(result.instance.departmentId).toBe('it');
    }
  });

  it('counts a rejected solution as a revision and schedules the follow-up call on resolution', () => {
    const revised = transition(complaintWorkflow, instanceIn('awaiting_customer'), 'customer_disagrees', actors.takenBy!, validInput.customer_disagrees!, env);
    expect(revised.instance.reworkCount).toBe(1);
    const resolved = transition(complaintWorkflow, instanceIn('tracking'), 'resolve', actors.department!, validInput.resolve!, env);
    expect(resolved.instance.data.followUpAt).toBe(env.calendar.add(env.now, { amount: 3, unit: 'days' }).toISOString());
    expect(resolved.effects).toContainEqual({ type: 'timer.start', step: 'event:follow_up_due', at: resolved.instance.data.followUpAt, stateVersion: 4 });
    expect(resolved.waitingOn).toEqual([]);
  });

  it('takes satisfaction only from 1 to 5', () => {
    const closed = transition(complaintWorkflow, instanceIn('follow_up'), 'record_follow_up', actors.takenBy!, validInput.record_follow_up!, env);
    expect(closed.instance.data).toMatchObject({ satisfaction: 4, comment: 'Quick and polite' });
    for (const score of ['0', '6', 'great']) {
      try {
        transition(complaintWorkflow, instanceIn('follow_up'), 'record_follow_up', actors.takenBy!, { satisfaction: score }, env);
        expect.unreachable();
      } catch (error) {
        expect((error as BatonError).fieldErrors.map((f) => [f.field, f.messageKey])).toEqual([['satisfaction', 'field.badOption']]);
      }
    }
  });
});
