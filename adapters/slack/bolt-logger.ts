import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

/** Bolt, its Web API and Socket Mode clients log through Baton's logger (JSON, redacted). */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    const err = parts.find((p) => p instanceof Error);
    const text = parts.filter((p) => p !== err).map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
    if (err) child[level]({ err }, text);
    else child[level](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // Baton's LOG_LEVEL decides; Bolt's own level setting is ignored.
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
