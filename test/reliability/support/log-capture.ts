import { createLogger, type Logger } from '../../../src/logger.js';

/** One pino line as written: level number, message, and the bound fields. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export const LEVEL = { info: 30, warn: 40, error: 50, fatal: 60 } as const;

export interface LogCapture {
  /** Baton's real logger (redaction included), writing into memory instead of stderr. */
  logger: Logger;
  lines: LogLine[];
  /** Lines written since `mark` was taken. */
  since(mark: number): LogLine[];
  mark(): number;
  /** Lines at error level or above written since `mark` was taken: something Baton did not expect. */
  errorsSince(mark: number): LogLine[];
}

/** Captures what Baton logs, so a test can assert that an attempt was recorded (and nothing crashed). */
export function captureLogs(level = 'info'): LogCapture {
  const lines: LogLine[] = [];
  const destination = {
    write(chunk: string) {
      lines.push(JSON.parse(chunk) as LogLine);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return {
    logger: createLogger({ level, destination }),
    lines,
    mark: () => lines.length,
    since: (mark) => lines.slice(mark),
    errorsSince: (mark) => lines.slice(mark).filter((l) => l.level >= LEVEL.error),
  };
}

/** A short description of log lines for assertion messages. */
export function describeLines(lines: readonly LogLine[]): string {
  return lines
    .map((l) => {
      const err = l.err as { message?: string; stack?: string } | undefined;
      // The message, and where it was thrown: enough to find the cause from a failure report.
      return `${l.level} ${l.msg}${err ? ` (${err.message})\n${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}` : ''}`;
    })
    .join('\n');
}
