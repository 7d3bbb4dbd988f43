import { z } from 'zod';
import { expecting } from '../describe.js';

/** Settings of the care workflow. */
export const careWorkflowSchema = z.strictObject({}, { error: expecting('a mapping of care settings') });
