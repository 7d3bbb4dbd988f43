import { describe, expect, it } from 'vitest';
import { BatonError } from '../../../src/errors.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/workflows/definition.js';
import { inquiryWorkflow, type InquiryData } from '../../../src/workflows/inquiry/inquiry.js';
import { transition } from '../../../src/workflows/transition.js';
import { actorNamed, testEnv } from '../../support/env.js';
import { baseInstance, outcome, transitionCases, type Moves } from './transition-table.js';

const env = testEnv();
const actors: Record<string, Actor> = {
  loggedBy: actorNamed('zhang.wei'),
  serviceMember: actorNamed('he.xin'),
  owner: actorNamed('chen.jie'),
  bystander: actorNamed('tang.qian'),
  system: { kind: 'system' },
};

const moves: Moves = {
  received: {
    answer: [['loggedBy', 'serviceMember'], 'answered'],
    promise: [['loggedBy', 'serviceMember'], 'awaiting_reply'],
  },
  awaiting_reply: {
    reassign: [['loggedBy', 'owner', 'serviceMember'], 'awaiting_reply'],
    reply: [['owner', 'loggedBy'], 'answered'],
  },
  answered: {},
};

const validInput: Record<string, Record<string, string>> = {
  answer: { reply: 'Delivery is on Friday' },
  promise: { owner: 'chen.jie', replyDate: '2026-11-30', replyTime: '18:00' },
  reassign: { owner: 'chen.jie', replyDate: '2026-12-01', replyTime: '12:00' },
  reply: { reply: 'The engineer will call you at 3pm' },
};

const instanceIn = (state: string) =>
  baseInstance<InquiryData>('inquiry', 'INQ-7', state, {
    customer: 'Acme Ltd',
    channel: 'phone',
    question: 'When is my order delivered?',
    serviceDepartment: 'customer-service',
    loggedInService: false,
    ownerId: state === 'received' ? null : 'chen.jie',
    promisedAt: state === 'received' ? null : '2026-11-30T10:00:00.000Z',
    reply: null,
    repliedBy: null,
  }, env);

const cases = transitionCases(inquiryWorkflow, moves, actors);

describe('customer inquiry transitions', () => {
  it('covers every state, event and kind of actor', () => {
    expect(cases.length).toBe(3 * Object.keys(inquiryWorkflow.events).length * 5);
  });

  it.each(cases)('$state --$event--> by $who: $expected', ({ state, event, who, expected }) => {
    expect(outcome(inquiryWorkflow, instanceIn(state), event, actors[who]!, validInput[event] ?? {}, env)).toBe(expected);
  });
});

describe('customer inquiry input', () => {
  it('promises a reply at a local time, and the deadline ladder starts from it', () => {
    const result = transition(inquiryWorkflow, instanceIn('received'), 'promise', actors.loggedBy!, validInput.promise!, env);
    expect(result.instance.data.promisedAt).toBe('2026-11-30T10:00:00.000Z'); // 18:00 in Shanghai
    expect(result.instance.dueAt).toEqual(new Date('2026-11-30T10:00:00.000Z'));
    expect(result.waitingOn).toEqual(['person:chen.jie']);
    expect(result.effects.filter((e) => e.type === 'timer.start').map((e) => (e as { step: string }).step)).toEqual(['remind', 'due']);
  });

  it('tells the previous owner when an inquiry changes hands', () => {
    const moved = transition(inquiryWorkflow, instanceIn('awaiting_reply'), 'reassign', actors.serviceMember!, { ...validInput.reassign!, owner: 'wu.hao' }, env);
    const notes = moved.effects.filter((e) => e.type === 'notify').map((e) => [e.to, e.messageKey]);
    expect(notes).toEqual([['person:wu.hao', 'inquiry.notify.owned'], ['person:chen.jie', 'inquiry.notify.released']]);
    expect(moved.instance.dueAt).toEqual(new Date('2026-12-01T04:00:00.000Z'));
  });

  it('refuses a promised time already past, on its field and in the person’s language', () => {
    const late = { ...validInput.promise!, replyTime: '10:00' };
    try {
      transition(inquiryWorkflow, instanceIn('received'), 'promise', actors.loggedBy!, late, env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BatonError);
      const [problem] = (error as BatonError).fieldErrors;
      expect(problem!.field).toBe('replyTime');
      expect(translate('zh-CN', problem!.messageKey, problem!.params)).toBe('承诺答复时间：承诺时间已过，请选择更晚的时间。');
    }
  });

  it('names every missing or wrong field at once', () => {
    try {
      transition(inquiryWorkflow, instanceIn('received'), 'promise', actors.loggedBy!, { owner: 'nobody', replyDate: '2026-02-30' }, env);
      expect.unreachable();
    } catch (error) {
      expect((error as BatonError).fieldErrors.map((f) => [f.field, f.messageKey])).toEqual([
        ['owner', 'field.badOption'], ['replyDate', 'field.badDate'], ['replyTime', 'field.required'],
      ]);
    }
  });
});
