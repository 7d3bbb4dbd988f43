import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';

/** Slack error codes worth retrying: Slack's side had a problem, not the request. */
const TRANSIENT_CODES = new Set([
  'fatal_error', 'internal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'team_added_to_org',
]);

/**
 * A failed Web API call as the delivery queue needs it. HTTP 429 carries Retry-After in
 * seconds; network failures and 5xx are worth retrying; an `ok: false` answer (channel not
 * found, bot not in channel, invalid blocks, revoked token) will fail the same way again.
 */
export function classifySlackError(method: string, error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const code = (error as { code?: string } | null)?.code;
  const { ErrorCode } = webApi;
  if (code === ErrorCode.RateLimitedError) {
    const seconds = (error as { retryAfter?: number }).retryAfter ?? 1;
    return new DeliveryError('rate-limited', `${method}: rate limited by Slack for ${seconds}s`, { retryAfterMs: seconds * 1000, cause: error });
  }
  if (code === ErrorCode.RequestError) {
    return new DeliveryError('transient', `${method}: Slack could not be reached`, { cause: error });
  }
  if (code === ErrorCode.HTTPError) {
    const status = (error as { statusCode?: number }).statusCode ?? 0;
    const failure = status >= 500 || status === 408 ? 'transient' : 'permanent';
    return new DeliveryError(failure, `${method}: Slack answered HTTP ${status}`, { cause: error });
  }
  if (code === ErrorCode.PlatformError) {
    const slackCode = platformCode(error);
    return new DeliveryError(TRANSIENT_CODES.has(slackCode) ? 'transient' : 'permanent', `${method}: Slack refused (${slackCode})`, { cause: error });
  }
  return new DeliveryError('transient', `${method}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export function platformCode(error: unknown): string {
  return String((error as { data?: { error?: unknown } } | null)?.data?.error ?? 'unknown');
}
