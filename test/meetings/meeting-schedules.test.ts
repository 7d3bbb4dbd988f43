import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { meetingsWork } from '../../src/meetings/meetings-work.js';
import { createRedisConnection } from '../../src/scheduler/queues.js';
import { reconcileRecurring } from '../../src/scheduler/recurring.js';
import { validConfig } from '../config/config-fixture.js';
import { deleteKeysWithPrefix, testRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

let queue: Queue;
let prefix: string;
beforeEach(() => {
  prefix = `{${uniqueQueuePrefix('meetings')}}`;
  queue = new Queue('recurring', { connection: createRedisConnection(testRedisUrl()), prefix });
});
afterEach(async () => {
  await queue.close();
  await deleteKeysWithPrefix(prefix);
});

const withMeetings = (yaml: string) => parseConfig(`${validConfig}meetings:\n${yaml}`, 'baton.config.yaml');

const FIRST = withMeetings(`  weekly:
    - { department: sales, weekday: mon, time: "10:00", remindBefore: 1h }
    - { department: it, weekday: thu, time: "10:00", timezone: America/New_York, chair: li.na }
  projects:
    - { id: launch, title: Launch, departments: [sales, it], chair: zhang.wei, weekday: wed, time: "11:00", everyWeeks: 2, from: 2026-12-02 }
`);

const MOVED = withMeetings(`  weekly:
    - { department: sales, weekday: mon, time: "11:30", remindBefore: 1d }
  projects:
    - { id: launch, title: Launch, departments: [sales, it], chair: zhang.wei, weekday: wed, time: "11:00", everyWeeks: 2, from: 2026-12-02 }
`);

/** Each scheduler with its pattern, zone, and when its next run falls in that zone. */
async function schedulers() {
  const found = await queue.getJobSchedulers(0, -1);
  return Object.fromEntries(
    found.map((s) => [s.key, { pattern: s.pattern, tz: s.tz, next: DateTime.fromMillis(s.next!, { zone: s.tz! }).toFormat('ccc HH:mm') }]),
  );
}

it('schedules each meeting’s reminder in its own zone, and a changed config reschedules without duplicates', async () => {
  expect(await reconcileRecurring(queue, meetingsWork.jobs(FIRST))).toEqual({
    added: ['meeting:sales', 'meeting:it', 'meeting:project:launch'],
    changed: [],
    removed: [],
  });
  expect(await schedulers()).toEqual({
    'meeting:sales': { pattern: '0 9 * * 1', tz: 'Asia/Shanghai', next: 'Mon 09:00' },
    // The default reminder, an hour before, at New York's 10:00 whatever the season.
    'meeting:it': { pattern: '0 9 * * 4', tz: 'America/New_York', next: 'Thu 09:00' },
    // Every other week: the reminder runs weekly, and the handler skips the off-weeks.
    'meeting:project:launch': { pattern: '0 10 * * 3', tz: 'Asia/Shanghai', next: 'Wed 10:00' },
  });

  // Every process reconciles at start: the same config changes nothing.
  expect(await reconcileRecurring(queue, meetingsWork.jobs(FIRST))).toEqual({ added: [], changed: [], removed: [] });

  // Sales moves to 11:30 with a day's notice (Sunday 11:30); IT's meeting is dropped.
  expect(await reconcileRecurring(queue, meetingsWork.jobs(MOVED))).toEqual({ added: [], changed: ['meeting:sales'], removed: ['meeting:it'] });
  expect(await schedulers()).toEqual({
    'meeting:sales': { pattern: '30 11 * * 0', tz: 'Asia/Shanghai', next: 'Sun 11:30' },
    'meeting:project:launch': { pattern: '0 10 * * 3', tz: 'Asia/Shanghai', next: 'Wed 10:00' },
  });
  // One delayed job per scheduler: the moved schedule replaced its old next run.
  expect(await queue.getDelayedCount()).toBe(2);
  const delayed = await queue.getDelayed();
  expect(delayed.map((job) => job.data).sort((a, b) => String(a.meeting).localeCompare(String(b.meeting)))).toEqual([{ meeting: 'launch' }, { meeting: 'sales' }]);

  // No meetings configured any more: nothing left.
  const emptied = await reconcileRecurring(queue, meetingsWork.jobs(withMeetings('  weekly: []\n')));
  expect(emptied.removed.sort()).toEqual(['meeting:project:launch', 'meeting:sales']);
  expect(await queue.getDelayedCount()).toBe(0);
});

it('schedules nothing for a config without meetings', () => {
  expect(meetingsWork.jobs(parseConfig(validConfig, 'baton.config.yaml'))).toEqual([]);
});
