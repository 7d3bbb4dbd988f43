import { z } from 'zod';
import { expectedGot, expecting } from './describe.js';

/** Working time, counted on the company calendar rather than the wall clock. */
export type WorkingDuration = { amount: number; unit: 'hours' | 'days' };

const pattern = /^(\d+(?:\.\d+)?)\s*([hd])$/;

/** `4h` → 4 working hours, `1.5d` → 1.5 working days; undefined if it is not one. */
export function parseWorkingDuration(text: string): WorkingDuration | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  // A zero deadline would fire the moment work is filed, which is never what a policy means.
  if (!(amount > 0)) return undefined;
  return { amount, unit: match[2] === 'h' ? 'hours' : 'days' };
}

const what = 'a working duration like "4h" or "2d"';

/** Written `4h` or `2d` (optionally `1.5d`) in the file; parsed to `{ amount, unit }`. */
export const workingDurationSchema = z
  .string({ error: expecting(what) })
  .transform((text, ctx): WorkingDuration => {
    const duration = parseWorkingDuration(text);
    if (duration) return duration;
    ctx.addIssue({ code: 'custom', input: text, message: expectedGot(what, text) });
    return z.NEVER;
  });
