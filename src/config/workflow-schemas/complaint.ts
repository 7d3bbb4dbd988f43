import { z } from 'zod';
import { expecting } from '../describe.js';
import { workingDurationSchema } from '../working-duration.js';

const severitySchema = (investigate: string, propose: string, resolve: string) =>
  z.strictObject(
    {
      /** The responsible department finds the cause and the responsible party. */
      investigateWithin: workingDurationSchema.prefault(investigate),
      /** It then proposes a solution. */
      proposeWithin: workingDurationSchema.prefault(propose),
      /** Once the customer agrees, the problem is solved within this. */
      resolveWithin: workingDurationSchema.prefault(resolve),
    },
    { error: expecting('a mapping of investigateWithin, proposeWithin and resolveWithin') },
  );

/** Complaint tickets (客户投诉, §2.3.2). */
export const complaintWorkflowSchema = z.strictObject(
  {
    /** Deadlines per severity; a missed one escalates to the responsible department's head. */
    severities: z
      .strictObject(
        {
          high: severitySchema('4h', '4h', '2d').prefault({}),
          medium: severitySchema('1d', '1d', '5d').prefault({}),
          low: severitySchema('2d', '2d', '10d').prefault({}),
        },
        { error: expecting('a mapping of high, medium and low') },
      )
      .prefault({}),
    /** Whoever took the complaint gets the customer's answer to the solution within this. */
    agreeWithin: workingDurationSchema.prefault('1d'),
    /** The follow-up call (回访) falls due this long after resolution… */
    followUpAfter: workingDurationSchema.prefault('3d'),
    /** …and is made within this once due. */
    followUpWithin: workingDurationSchema.prefault('1d'),
  },
  { error: expecting('a mapping of complaint settings') },
);
