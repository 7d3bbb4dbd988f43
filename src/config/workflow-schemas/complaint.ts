import { z } from 'zod';
import { expecting } from '../describe.js';

/** Settings of the complaint workflow. */
export const complaintWorkflowSchema = z.strictObject({}, { error: expecting('a mapping of complaint settings') });
