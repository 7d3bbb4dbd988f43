import type * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../src/logger.js';

/**
 * The SDK logs whole axios errors, whose request config holds the tenant access token. Only
 * the text of what it says reaches Baton's log; error objects are reduced to their message.
 * (A logger object, because the SDK treats LoggerLevel.fatal, 0, as "not set".)
 */
export function sdkLogger(logger: Logger): lark.Logger {
  const line = (parts: unknown[]) =>
    parts
      .flat()
      .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : typeof p === 'number' ? String(p) : ''))
      .filter(Boolean)
      .join(' ');
  return {
    error: (...parts: unknown[]) => logger.warn({ sdk: 'lark' }, line(parts)),
    warn: (...parts: unknown[]) => logger.warn({ sdk: 'lark' }, line(parts)),
    info: (...parts: unknown[]) => logger.debug({ sdk: 'lark' }, line(parts)),
    debug: (...parts: unknown[]) => logger.trace({ sdk: 'lark' }, line(parts)),
    trace: (...parts: unknown[]) => logger.trace({ sdk: 'lark' }, line(parts)),
  };
}
