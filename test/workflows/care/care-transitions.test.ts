import { describe, expect, it } from 'vitest';
import { careWorkflow, type CareData } from '../../../src/workflows/care/care.js';
import type { Actor } from '../../../src/workflows/definition.js';
import { transition } from '../../../src/workflows/transition.js';
import { actorNamed, testEnv } from '../../support/env.js';
import { baseInstance, outcome, transitionCases, type Moves } from '../inquiry/transition-table.js';

const env = testEnv();
const actors: Record<string, Actor> = {
  planner: actorNamed('zhang.wei'),
  owner: actorNamed('he.xin'),
  bystander: actorNamed('tang.qian'),
  system: { kind: 'system' },
};

const open = ['owner', 'planner'];
const moves: Moves = {
  scheduled: {
    contact_due: [['system'], 'due'],
    care_date: [['system'], 'scheduled'],
    record_outcome: [open, 'scheduled'],
    change: [open, 'scheduled'],
    pause: [open, 'paused'],
    stop: [open, 'stopped'],
  },
  due: {
    care_date: [['system'], 'due'],
    record_outcome: [open, 'scheduled'],
    change: [open, 'due'],
    pause: [open, 'paused'],
    stop: [open, 'stopped'],
  },
  paused: { resume: [open, 'scheduled'], change: [open, 'paused'], stop: [open, 'stopped'] },
  stopped: {},
};

const validInput: Record<string, Record<string, string>> = {
  change: { owner: 'zhou.ting', everyDays: '14', birthday: '1980-12-02', greetHolidays: 'no' },
  record_outcome: { usage: 'Uses it daily in two shops', opinions: 'Happy with support', suggestions: 'An English manual' },
};

const instanceIn = (state: string, data: Partial<CareData> = {}) =>
  baseInstance<CareData>('care', 'CARE-7', state, {
    customer: 'Acme Ltd',
    ownerId: 'he.xin',
    everyDays: 30,
    nextContact: '2026-11-30',
    pendingContact: state === 'due' ? '2026-11-30' : null,
    cycles: 2,
    lastOutcome: null,
    birthday: '1980-12-02',
    greetHolidays: true,
    careCheckedThrough: '2026-11-29',
    ...data,
  }, env);

const cases = transitionCases(careWorkflow, moves, actors);

describe('customer care plan transitions', () => {
  it('covers every state, event and kind of actor', () => {
    expect(cases.length).toBe(4 * Object.keys(careWorkflow.events).length * 4);
  });

  it.each(cases)('$state --$event--> by $who: $expected', ({ state, event, who, expected }) => {
    expect(outcome(careWorkflow, instanceIn(state), event, actors[who]!, validInput[event] ?? {}, env)).toBe(expected);
  });
});

describe('customer care cycles', () => {
  const timers = (effects: Array<{ type: string }>) =>
    effects.filter((e): e is { type: 'timer.start'; step: string; at: string; stateVersion: number } => e.type === 'timer.start').map((e) => [e.step, e.at]);

  it('puts a due follow-up on the owner’s list with a deadline, and its outcome starts the next cycle', () => {
    const due = transition(careWorkflow, instanceIn('scheduled'), 'contact_due', { kind: 'system' }, {}, env);
    expect(due.waitingOn).toEqual(['person:he.xin']);
    expect(due.instance.data.pendingContact).toBe('2026-11-30');
    expect(due.instance.dueAt).toEqual(env.calendar.add(new Date('2026-11-30T01:00:00Z'), { amount: 2, unit: 'days' }));
    // The birthday greeting stays scheduled while the follow-up is due.
    expect(timers(due.effects)).toContainEqual(['event:care_date', '2026-12-02T01:00:00.000Z']);

    const recorded = transition(careWorkflow, due.instance, 'record_outcome', actors.owner!, validInput.record_outcome!, env);
    expect(recorded.instance.data).toMatchObject({ cycles: 3, pendingContact: null, nextContact: '2026-12-30' });
    expect(recorded.instance.data.lastOutcome).toMatchObject({ on: '2026-11-30', by: 'he.xin', usage: 'Uses it daily in two shops' });
    expect(recorded.waitingOn).toEqual([]);
    expect(recorded.instance.dueAt).toBeNull();
    expect(timers(recorded.effects)).toEqual([
      ['event:contact_due', '2026-12-30T01:00:00.000Z'], // 09:00 in Shanghai
      ['event:care_date', '2026-12-02T01:00:00.000Z'],
    ]);
  });

  it('greets on the birthday and on configured holidays, then looks a year ahead', () => {
    const birthday = testEnv(new Date('2026-12-02T01:00:00Z'));
    const greeted = transition(careWorkflow, instanceIn('scheduled', { nextContact: '2026-12-30' }), 'care_date', { kind: 'system' }, {}, birthday);
    const notes = greeted.effects.filter((e) => e.type === 'notify');
    expect(notes).toEqual([expect.objectContaining({ to: 'person:he.xin', messageKey: 'care.notify.greet', params: expect.objectContaining({ occasion: '生日', date: '2026-12-02' }) })]);
    expect(greeted.instance.data.careCheckedThrough).toBe('2026-12-02');
    // Next: New Year's Day (a yearly holiday in the example configuration).
    expect(timers(greeted.effects)).toContainEqual(['event:care_date', '2027-01-01T01:00:00.000Z']);
  });

  it('skips holidays for a plan that opted out, and has no greeting timer without any care date', () => {
    const none = transition(careWorkflow, instanceIn('paused', { birthday: null, greetHolidays: false }), 'resume', actors.owner!, {}, env);
    expect(timers(none.effects).map(([step]) => step)).toEqual(['event:contact_due']);
  });

  it('changes owner and cycle: the next follow-up counts from the last one, and both owners are told', () => {
    const last = { on: '2026-11-20', by: 'he.xin', usage: 'u', opinions: 'o', suggestions: null };
    const changed = transition(careWorkflow, instanceIn('scheduled', { lastOutcome: last }), 'change', actors.planner!, validInput.change!, env);
    expect(changed.instance.data).toMatchObject({ ownerId: 'zhou.ting', everyDays: 14, nextContact: '2026-12-04', greetHolidays: false });
    expect(timers(changed.effects)).toEqual([
      ['event:contact_due', '2026-12-04T01:00:00.000Z'],
      ['event:care_date', '2026-12-02T01:00:00.000Z'],
    ]);
    const notes = changed.effects.filter((e) => e.type === 'notify').map((e) => [e.to, e.messageKey]);
    expect(notes).toEqual([['person:zhou.ting', 'care.notify.planned'], ['person:he.xin', 'care.notify.released']]);
    // A shorter cycle whose date has already passed falls due today.
    const overdue = transition(careWorkflow, instanceIn('scheduled', { lastOutcome: { ...last, on: '2026-11-01' } }), 'change', actors.owner!, { ...validInput.change!, owner: 'he.xin', everyDays: '7' }, env);
    expect(overdue.instance.data.nextContact).toBe('2026-11-30');
  });

  it('resumes a paused plan with a follow-up missed during the pause due at once', () => {
    const later = testEnv(new Date('2027-01-15T02:00:00Z'));
    const resumed = transition(careWorkflow, instanceIn('paused'), 'resume', actors.planner!, {}, later);
    expect(resumed.instance.data.nextContact).toBe('2027-01-15');
    expect(resumed.instance.data.careCheckedThrough).toBe('2027-01-14');
  });
});
