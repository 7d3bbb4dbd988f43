import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Keys whose values never reach a log line, wherever they sit in the first two levels of a log
 * object: tokens, secrets, passwords, signatures, connection strings, and the environment
 * variables that hold them (a settings object logged whole).
 */
const SECRET_KEYS = [
  'token', 'secret', 'password', 'signingSecret', 'appSecret', 'appToken', 'botToken', 'encryptKey',
  'verificationToken', 'accessToken', 'tenantAccessToken', 'clientSecret', 'authorization', 'Authorization',
  'cookie', 'Cookie', 'databaseUrl', 'redisUrl',
  'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'FEISHU_APP_SECRET', 'FEISHU_ENCRYPT_KEY',
  'FEISHU_VERIFICATION_TOKEN', 'DATABASE_URL', 'REDIS_URL', 'BATON_METRICS_TOKEN', 'BATON_ADMIN_PASSWORD', 'BATON_ADMIN_TOKEN',
];

/** Headers that authenticate (credentials, cookies, platform signatures), wherever a request or error carries them. */
const SECRET_HEADERS = ['authorization', 'Authorization', 'cookie', 'Cookie', 'set-cookie', 'x-slack-signature', 'x-lark-signature'].map((h) => `["${h}"]`);

const REDACT = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  // A request's headers, and an HTTP client's error (axios: err.config.headers, err.request…).
  'headers.*',
  ...SECRET_HEADERS.flatMap((h) => [`*.headers${h}`, `*.*.headers${h}`, `*.*.*.headers${h}`]),
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, options.destination ?? process.stderr);
}

/** Connection strings are logged without their credentials (in the authority or as `?password=`). */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|token/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
