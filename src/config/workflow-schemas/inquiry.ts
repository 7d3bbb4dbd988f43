import { z } from 'zod';
import { expecting } from '../describe.js';
import { workingDurationSchema } from '../working-duration.js';

/** Customer inquiries (客户咨询, §2.3.1). */
export const inquiryWorkflowSchema = z.strictObject(
  {
    /**
     * The department that receives inquiries; its members may answer or route any of them.
     * Unset: only whoever logged an inquiry and its owner.
     */
    department: z.string({ error: expecting('a department id, like customer-service') }).optional(),
    /** An inquiry logged but neither answered nor given an owner is due this long after. */
    respondWithin: workingDurationSchema.prefault('2h'),
  },
  { error: expecting('a mapping of inquiry settings') },
);
