import type { Queue } from 'bullmq';

/** A recurring job: a cron pattern in a time zone, and what the job carries. */
export interface RecurringJob {
  /** Stable id, e.g. `meeting:sales` — the same id is the same schedule across restarts. */
  id: string;
  /** Five-field cron, e.g. `0 9 * * 1` (Mondays 09:00). */
  pattern: string;
  timezone: string;
  /** Job name the worker dispatches on, e.g. `meeting.reminder`. */
  name: string;
  data: Record<string, unknown>;
}

export interface Reconciled {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * Makes the queue's job schedulers exactly the desired ones: new ones added, changed ones
 * updated in place (BullMQ's upsert keeps one scheduler per id, so no duplicates), and ones
 * no longer configured removed. Safe to run from every process at every start.
 */
export async function reconcileRecurring(queue: Queue, desired: RecurringJob[]): Promise<Reconciled> {
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const result: Reconciled = { added: [], changed: [], removed: [] };
  for (const job of desired) {
    const current = existing.get(job.id);
    const same =
      current &&
      current.pattern === job.pattern &&
      current.tz === job.timezone &&
      current.template?.data !== undefined &&
      JSON.stringify(current.template.data) === JSON.stringify(job.data) &&
      current.name === job.name;
    if (same) continue;
    await queue.upsertJobScheduler(job.id, { pattern: job.pattern, tz: job.timezone }, { name: job.name, data: job.data });
    (current ? result.changed : result.added).push(job.id);
  }
  const wanted = new Set(desired.map((j) => j.id));
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await queue.removeJobScheduler(id);
    result.removed.push(id);
  }
  return result;
}
