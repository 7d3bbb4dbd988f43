import { describe, expect, it } from 'vitest';
import { BatonError } from '../../../src/errors.js';
import type { Actor, Effect, Instance } from '../../../src/workflows/definition.js';
import { renderCard } from '../../../src/workflows/render-card.js';
import { worstLevel, type Indicator } from '../../../src/workflows/risk/indicators.js';
import { riskWorkflow, type RiskData } from '../../../src/workflows/risk/risk.js';
import { transition } from '../../../src/workflows/transition.js';
import { actorNamed, personNamed, testEnv } from '../../support/env.js';
import { baseInstance, outcome, transitionCases, type Moves } from '../inquiry/transition-table.js';

const env = testEnv(); // Monday 2026-11-30 10:00 in Shanghai
const actors: Record<string, Actor> = {
  owner: actorNamed('zhang.wei'),
  head: actorNamed('sun.li'), // head of sales, the risk's department
  member: actorNamed('tang.qian'), // sales
  admin: actorNamed('wu.hao'),
  bystander: actorNamed('chen.jie'),
  system: { kind: 'system' },
};

const overdue = (level: Indicator['level'], values: number[] = []): Indicator => ({
  key: 'overdue',
  name: 'Overdue receivables',
  unit: 'days',
  direction: 'above',
  thresholds: { yellow: 10, orange: 20, red: 30 },
  level,
  readings: values.map((value, n) => ({ value, at: new Date(env.now.getTime() - (values.length - n) * 60_000).toISOString(), by: 'zhang.wei' })),
});

function riskIn(state: string, indicators: Indicator[] = [overdue(null)]): Instance<RiskData> {
  return {
    ...baseInstance<RiskData>('risk', 'RSK-7', state, {
      category: 'credit',
      description: 'Two large customers pay late',
      likelihood: 'high',
      impact: 'medium',
      level: 'high',
      suggestedResponse: 'mitigate',
      response: 'mitigate',
      measures: 'Weekly dunning',
      ownerId: 'zhang.wei',
      headId: 'sun.li',
      nextReview: '2026-12-30',
      indicators,
      alertLevel: worstLevel(indicators),
      acknowledgement: state === 'acknowledged' ? { by: 'zhang.wei', at: env.now.toISOString(), note: 'Calling them' } : null,
      lastReview: null,
      closing: null,
    }, env),
    title: 'Overdue receivables',
    departmentId: 'sales',
  };
}

const red = () => [overdue('red', [35])];
const instanceIn = (state: string) => riskIn(state, state === 'open' || state === 'closed' ? [overdue(null)] : red());

const moves: Moves = {
  open: {
    review: [['owner', 'head'], 'open'],
    indicator: [['owner', 'head'], 'open'],
    // 35 is past red: the risk goes to alert.
    reading: [['owner', 'head', 'member', 'admin', 'system'], 'alert'],
    review_soon: [['system'], 'open'],
    close: [['owner', 'head'], 'closed'],
  },
  alert: {
    indicator: [['owner', 'head'], 'alert'],
    reading: [['owner', 'head', 'member', 'admin', 'system'], 'alert'],
    acknowledge: [['owner', 'head'], 'acknowledged'],
    close: [['owner', 'head'], 'closed'],
  },
  acknowledged: {
    review: [['owner', 'head'], 'acknowledged'],
    indicator: [['owner', 'head'], 'acknowledged'],
    reading: [['owner', 'head', 'member', 'admin', 'system'], 'acknowledged'],
    review_soon: [['system'], 'acknowledged'],
    close: [['owner', 'head'], 'closed'],
  },
  closed: {},
};

const validInput: Record<string, Record<string, string>> = {
  review: { likelihood: 'high', impact: 'medium', owner: 'zhang.wei', nextReview: '2027-01-15' },
  indicator: { key: 'cash-cover', name: 'Cash cover', direction: 'below', yellow: '3', orange: '2', red: '1' },
  reading: { indicator: 'overdue', value: '35' },
  acknowledge: { note: 'Calling both customers today' },
  close: { reason: 'Both customers paid' },
};

const cases = transitionCases(riskWorkflow, moves, actors);

describe('risk transitions', () => {
  it('covers every state, event and kind of actor', () => {
    expect(cases.length).toBe(4 * Object.keys(riskWorkflow.events).length * 6);
  });

  it.each(cases)('$state --$event--> by $who: $expected', ({ state, event, who, expected }) => {
    expect(outcome(riskWorkflow, instanceIn(state), event, actors[who]!, validInput[event] ?? {}, env)).toBe(expected);
  });
});

const read = (i: Instance<RiskData>, value: string, actor: Actor = actors.system!) =>
  transition(riskWorkflow, i, 'reading', actor, { indicator: 'overdue', value, source: 'erp' }, env);
const notes = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'notify' ? [`${e.to} ${e.messageKey}`] : []));
const timers = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'timer.start' ? [`${e.step}@${e.at}`] : []));

describe('readings move the colour, and only a change of colour tells anyone', () => {
  it('raises yellow, then orange, then red, each with an alert card to the owner and the department, and a fresh deadline each time', () => {
    const yellow = read(riskIn('open'), '12');
    expect(yellow.instance).toMatchObject({ state: 'alert', data: { alertLevel: 'yellow' } });
    expect(notes(yellow.effects)).toEqual(['person:zhang.wei risk.notify.raised', 'dept:sales risk.notify.raised']);
    expect(yellow.effects.filter((e) => e.type === 'notify').every((e) => e.type === 'notify' && e.withCard)).toBe(true);
    // Yellow is acknowledged within a working day: Tuesday 10:00.
    expect(yellow.instance.dueAt).toEqual(new Date('2026-12-01T02:00:00Z'));
    expect(yellow.waitingOn).toEqual(['person:zhang.wei']);

    const orange = read(yellow.instance, '21');
    expect(orange.instance).toMatchObject({ state: 'alert', data: { alertLevel: 'orange' } });
    expect(orange.instance.stateVersion).toBe(orange.instance.version);
    expect(orange.instance.dueAt).toEqual(new Date('2026-11-30T06:00:00Z')); // four working hours
    expect(orange.effects).toContainEqual({ type: 'timer.cancel', stateVersion: yellow.instance.stateVersion });

    const redAlert = read(orange.instance, '31');
    expect(redAlert.instance.data.alertLevel).toBe('red');
    expect(redAlert.instance.dueAt).toEqual(new Date('2026-11-30T03:00:00Z')); // one working hour
    const raised = redAlert.effects.find((e) => e.type === 'notify')!;
    expect(raised).toMatchObject({ params: { indicator: 'Overdue receivables', value: '31 days', colour: { key: 'risk.colour.red' }, threshold: '30 days', owner: '张伟' } });
    expect(renderCard(riskWorkflow, redAlert.instance, { person: personNamed('zhang.wei') }, 'en', env).tone).toBe('red');
  });

  it('says nothing when a value stays at the same colour, however often it comes', () => {
    let risk = read(riskIn('open'), '31').instance;
    for (const value of ['32', '45', '30', '31']) {
      const again = read(risk, value);
      expect(notes(again.effects)).toEqual([]);
      expect(timers(again.effects)).toEqual([]);
      expect(again.instance.stateVersion).toBe(risk.stateVersion);
      risk = again.instance;
    }
    expect(risk.data.indicators[0]!.readings.map((r) => r.value)).toEqual([31, 32, 45, 30, 31]);
    expect(risk.data.indicators[0]!.readings.at(-1)!.by).toBe('source:erp');
  });

  it('holds a colour while the value wobbles inside the margin, eases once past it, and recovers once', () => {
    const alerted = read(riskIn('open'), '31').instance;
    const acknowledged = transition(riskWorkflow, alerted, 'acknowledge', actors.owner!, validInput.acknowledge!, env).instance;
    const wobble = read(acknowledged, '29'); // below red, but within 5% of 30
    expect(wobble.instance.data.alertLevel).toBe('red');
    expect(notes(wobble.effects)).toEqual([]);
    const eased = read(wobble.instance, '25');
    expect(eased.instance).toMatchObject({ state: 'acknowledged', data: { alertLevel: 'orange' } });
    expect(notes(eased.effects)).toEqual(['person:zhang.wei risk.notify.eased', 'dept:sales risk.notify.eased']);
    expect(eased.instance.data.acknowledgement).toMatchObject({ note: 'Calling both customers today' });
    const stillYellow = read(eased.instance, '9.8'); // past orange, but within 5% of yellow's 10
    expect(stillYellow.instance.data.alertLevel).toBe('yellow');
    const recovered = read(stillYellow.instance, '9');
    expect(recovered.instance).toMatchObject({ state: 'open', data: { alertLevel: null, acknowledgement: null } });
    expect(notes(recovered.effects)).toEqual(['person:zhang.wei risk.notify.recovered', 'dept:sales risk.notify.recovered']);
    // Back to monitoring: the review deadline and its early reminder start again.
    expect(recovered.instance.dueAt).toEqual(new Date('2026-12-30T10:00:00Z'));
    expect(timers(recovered.effects)).toContain('event:review_soon@2026-12-28T10:00:00.000Z');
    expect(notes(read(recovered.instance, '8').effects)).toEqual([]);
  });

  it('asks for a new acknowledgement when an acknowledged alert rises further', () => {
    const orange = read(riskIn('open'), '21').instance;
    const acknowledged = transition(riskWorkflow, orange, 'acknowledge', actors.owner!, validInput.acknowledge!, env).instance;
    const worse = read(acknowledged, '30');
    expect(worse.instance).toMatchObject({ state: 'alert', data: { alertLevel: 'red', acknowledgement: null } });
    expect(notes(worse.effects)).toContain('person:zhang.wei risk.notify.raised');
  });

  it('tells the alertTo departments too', () => {
    const config = { ...env.config, workflows: { ...env.config.workflows, risk: { ...env.config.workflows.risk, alertTo: ['general-management', 'sales'] } } };
    const result = transition(riskWorkflow, riskIn('open'), 'reading', actors.system!, { indicator: 'overdue', value: '40' }, { ...env, config });
    expect(notes(result.effects)).toEqual(['person:zhang.wei risk.notify.raised', 'dept:sales risk.notify.raised', 'dept:general-management risk.notify.raised']);
  });

  it('refuses a value that is not a number, or measured in the future, changing nothing', () => {
    const refusal = (values: Record<string, string>) => {
      try {
        transition(riskWorkflow, riskIn('open'), 'reading', actors.owner!, values, env);
      } catch (error) {
        return (error as BatonError).fieldErrors.map((f) => `${f.field} ${f.messageKey}`);
      }
      throw new Error('expected a refusal');
    };
    expect(refusal({ indicator: 'overdue', value: 'twelve' })).toEqual(['value risk.error.notNumber']);
    expect(refusal({ indicator: 'overdue', value: 'Infinity' })).toEqual(['value risk.error.notNumber']);
    expect(refusal({ indicator: 'overdue', value: '12', at: '2026-11-30T11:00:00+08:00' })).toEqual(['at risk.error.futureTime']);
    expect(refusal({ indicator: 'overdue', value: '12', at: 'yesterday' })).toEqual(['at risk.error.badTime']);
    expect(refusal({ indicator: 'nope', value: '12' })).toEqual(['indicator field.badOption']);
  });
});

describe('indicators and reviews', () => {
  const define = (i: Instance<RiskData>, values: Record<string, string>) => transition(riskWorkflow, i, 'indicator', actors.owner!, values, env);

  it('checks that thresholds escalate in the chosen direction and are numbers, in the actor’s language', () => {
    try {
      define(riskIn('open'), { key: 'Cash Cover!', name: 'Cash cover', direction: 'below', yellow: '1', orange: 'two', red: '3' });
      expect.unreachable();
    } catch (error) {
      expect((error as BatonError).fieldErrors.map((f) => `${f.field} ${f.messageKey}`)).toEqual(['key risk.error.badKey', 'orange risk.error.notNumber']);
      expect((error as BatonError).fieldErrors[1]!.params).toMatchObject({ field: '橙色阈值', value: 'two' });
    }
    try {
      define(riskIn('open'), { key: 'cash-cover', name: 'Cash cover', direction: 'below', yellow: '1', orange: '2', red: '3' });
      expect.unreachable();
    } catch (error) {
      expect((error as BatonError).fieldErrors.map((f) => f.params?.order)).toEqual(['黄 > 橙 > 红']);
    }
  });

  it('judges the latest value afresh when thresholds change: tightened thresholds raise an alert', () => {
    const open = riskIn('open', [overdue(null, [8])]);
    const tightened = define(open, { key: 'overdue', name: 'Overdue receivables', unit: 'days', direction: 'above', yellow: '5', orange: '7', red: '9' });
    expect(tightened.instance).toMatchObject({ state: 'alert', data: { alertLevel: 'orange' } });
    expect(tightened.instance.data.indicators).toHaveLength(1);
    expect(tightened.instance.data.indicators[0]!.readings).toHaveLength(1);
    const added = define(open, { key: 'cash-cover', name: 'Cash cover', direction: 'below', yellow: '3', orange: '2', red: '1' });
    expect(added.instance.data.indicators.map((i) => [i.key, i.level])).toEqual([['overdue', null], ['cash-cover', null]]);
  });

  it('reassesses the level and suggestion on review, keeps a chosen response, and restarts the review deadline', () => {
    const reviewed = transition(riskWorkflow, riskIn('open'), 'review', actors.owner!, { likelihood: 'low', impact: 'high', owner: 'tang.qian', nextReview: '2027-01-15' }, env);
    expect(reviewed.instance.data).toMatchObject({ level: 'medium', suggestedResponse: 'transfer', response: 'transfer', ownerId: 'tang.qian', nextReview: '2027-01-15' });
    expect(reviewed.instance.dueAt).toEqual(new Date('2027-01-15T10:00:00Z'));
    expect(notes(reviewed.effects)).toEqual(['dept:sales risk.notify.reviewed', 'person:tang.qian risk.notify.assigned']);
    const chosen = transition(riskWorkflow, riskIn('open'), 'review', actors.owner!, { ...validInput.review!, response: 'transfer' }, env);
    expect(chosen.instance.data).toMatchObject({ suggestedResponse: 'mitigate', response: 'transfer' });
  });
});

describe('several indicators', () => {
  const cash: Indicator = { key: 'cash', name: 'Cash cover', unit: 'months', direction: 'below', thresholds: { yellow: 3, orange: 2, red: 1 }, level: null, readings: [] };

  it('keeps the risk at its worst colour, and tells of a milder indicator rising without asking for a new acknowledgement', () => {
    const alerted = read(riskIn('open', [overdue(null), cash]), '31').instance;
    const acknowledged = transition(riskWorkflow, alerted, 'acknowledge', actors.owner!, validInput.acknowledge!, env).instance;
    const cashYellow = transition(riskWorkflow, acknowledged, 'reading', actors.system!, { indicator: 'cash', value: '2.5' }, env);
    expect(cashYellow.instance).toMatchObject({ state: 'acknowledged', data: { alertLevel: 'red' } });
    expect(notes(cashYellow.effects)).toEqual(['person:zhang.wei risk.notify.indicatorRaised', 'dept:sales risk.notify.indicatorRaised']);
    // The red indicator recovering leaves the risk yellow: eased, not recovered.
    const eased = read(cashYellow.instance, '5');
    expect(eased.instance).toMatchObject({ state: 'acknowledged', data: { alertLevel: 'yellow' } });
    expect(notes(eased.effects)).toEqual(['person:zhang.wei risk.notify.eased', 'dept:sales risk.notify.eased']);
    expect(eased.effects.find((e) => e.type === 'notify')).toMatchObject({ params: { level: { key: 'risk.colour.normal' }, colour: { key: 'risk.colour.yellow' } } });
  });
});
