import { z } from 'zod';
import { expecting } from '../describe.js';

/** Settings of the inquiry workflow. */
export const inquiryWorkflowSchema = z.strictObject({}, { error: expecting('a mapping of inquiry settings') });
