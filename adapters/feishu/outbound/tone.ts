import type { Tone } from '../../../src/cards/model.js';

/**
 * Header colours (`header.template`). The risk colours of the policy (§5.3.2) keep their own
 * names; a rejection is carmine so it never reads as a red risk alert.
 */
export const HEADER_TEMPLATE: Record<Tone, string> = {
  neutral: 'grey',
  info: 'blue',
  success: 'green',
  warning: 'yellow',
  danger: 'carmine',
  red: 'red',
  orange: 'orange',
  yellow: 'yellow',
};
