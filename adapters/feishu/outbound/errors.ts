import { DeliveryError } from '../../../src/delivery/delivery-error.js';

/** Feishu's "too many requests" code; newer APIs answer HTTP 429 with it, older ones HTTP 400. */
const RATE_LIMITED_CODES = new Set([99991400]);
/** Message-specific rate limits (e.g. 230020: five messages a second to one user or chat). */
const MESSAGE_RATE_LIMITED_CODES = new Set([230020]);
/** Token trouble the SDK recovers from by fetching a new tenant_access_token. */
const TRANSIENT_CODES = new Set([99991661, 99991663, 99991668, 99991677, 1500, 230098]);
const DEFAULT_WAIT_MS = 1_000;

interface HttpFailure {
  status?: number;
  headers?: Record<string, unknown>;
  data?: { code?: number; msg?: string };
}

/**
 * Every way a Feishu call can fail, classified once for the delivery queue: wait and retry,
 * retry with backoff, or give up. `error` is what the SDK threw (axios errors carry the HTTP
 * response) or a `{ code, msg }` body that came back with HTTP 200.
 */
export function classifyFeishuError(error: unknown, what: string): DeliveryError {
  const response = httpResponseOf(error);
  const code = response?.data?.code;
  const status = response?.status;
  const detail = `${what} failed: ${status ? `HTTP ${status}, ` : ''}code ${code ?? 'none'}${response?.data?.msg ? ` (${response.data.msg})` : ''}`;
  if (status === 429 || (code !== undefined && (RATE_LIMITED_CODES.has(code) || MESSAGE_RATE_LIMITED_CODES.has(code)))) {
    return new DeliveryError('rate-limited', detail, { retryAfterMs: resetDelayMs(response?.headers), cause: error });
  }
  if (!response || status === undefined || status >= 500 || (code !== undefined && TRANSIENT_CODES.has(code))) {
    // No response at all: refused connection, timeout, reset. Worth another try.
    return new DeliveryError('transient', response ? detail : `${what} failed: ${messageOf(error)}`, { cause: error });
  }
  return new DeliveryError('permanent', detail, { cause: error });
}

/** A body with a non-zero code, returned with HTTP 200, as a failure of its own. */
export function bodyFailure(body: { code?: number; msg?: string }): HttpFailure {
  return { status: 200, data: body };
}

function httpResponseOf(error: unknown): HttpFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('response' in error) {
    const response = (error as { response?: HttpFailure }).response;
    return response ? { status: response.status, headers: response.headers ?? {}, data: response.data ?? {} } : undefined;
  }
  if ('status' in error && 'data' in error) return error as HttpFailure;
  return undefined;
}

/** `x-ogw-ratelimit-reset` is the number of seconds until the window resets. */
function resetDelayMs(headers: Record<string, unknown> | undefined): number {
  const raw = headers?.['x-ogw-ratelimit-reset'];
  const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds * 1000) : DEFAULT_WAIT_MS;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return (error as Error & { code?: string }).code ?? error.message;
  return String(error);
}
