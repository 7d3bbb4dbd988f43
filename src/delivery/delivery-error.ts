/**
 * How a platform refused to deliver, so the delivery queue knows what to do: wait and retry
 * (rate limited: for `retryAfterMs`), retry with backoff (transient), or give up and record
 * the failure for admins (permanent). Adapters classify; the queue decides.
 */
export type DeliveryFailure = 'rate-limited' | 'transient' | 'permanent';

export class DeliveryError extends Error {
  readonly failure: DeliveryFailure;
  readonly retryAfterMs: number | undefined;

  constructor(failure: DeliveryFailure, message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.failure = failure;
    this.retryAfterMs = options.retryAfterMs;
  }
}
