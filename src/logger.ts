import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line: tokens, secrets, signatures, passwords. */
const REDACT = [
  '*.token', '*.secret', '*.password', '*.signingSecret', '*.appSecret', '*.encryptKey',
  '*.verificationToken', '*.authorization', '*.Authorization', 'headers.*', '*.databaseUrl', '*.redisUrl',
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, options.destination ?? process.stderr);
}

/** Connection strings are logged without their credentials. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
