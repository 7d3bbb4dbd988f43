import { z } from 'zod';
import { expecting } from '../describe.js';

/** Settings of the approval workflow. */
export const approvalWorkflowSchema = z.strictObject({}, { error: expecting('a mapping of approval settings') });
