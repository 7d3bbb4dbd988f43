import { z } from 'zod';
import { expectedGot, expecting } from './describe.js';

const what = 'a number of calendar days like "365d", or never';

/** `365d` → 365; `never` → null (closed items keep their data). */
export function parseRetention(text: string): number | null | undefined {
  if (text.trim() === 'never') return null;
  const match = /^(\d+)\s*d$/.exec(text.trim());
  const days = match ? Number(match[1]) : NaN;
  return days >= 1 ? days : undefined;
}

/** How long closed items keep their personal data (存儲期限, §6.2.2). */
export const retentionSchema = z.strictObject(
  {
    /** Calendar days after closing; personal data of older closed items is removed nightly. */
    purgeClosedAfter: z
      .string({ error: expecting(what) })
      .transform((text, ctx): number | null => {
        const days = parseRetention(text);
        if (days !== undefined) return days;
        ctx.addIssue({ code: 'custom', input: text, message: expectedGot(what, text) });
        return z.NEVER;
      })
      // Nothing is removed unless the company decides how long to keep it.
      .prefault('never'),
  },
  { error: expecting('a mapping with purgeClosedAfter') },
);

export type RetentionConfig = z.infer<typeof retentionSchema>;
