import { z } from 'zod';

export type FeishuMode = 'webhook' | 'ws';

/** How Baton reaches one Feishu or Lark app. Secrets stay here: never log this object whole. */
export interface FeishuSettings {
  appId: string;
  appSecret: string;
  /** Compared with the `token` of every event and callback: the SDK does not do it for events. */
  verificationToken: string | undefined;
  /** Webhook bodies are encrypted and signed with it; required for webhook mode. */
  encryptKey: string | undefined;
  /** Base URL of the Open API, without a trailing slash. */
  domain: string;
  mode: FeishuMode;
  /**
   * How a card click is answered: `at-once` (an empty answer as soon as the request is verified;
   * the new card follows by the callback's token, and what went wrong by a private message) or
   * `with-result` (the answer waits for the click's result and carries it: the new card and a toast).
   */
  clickAnswer: ClickAnswer;
}

export type ClickAnswer = 'at-once' | 'with-result';

const DOMAINS: Record<string, string> = {
  feishu: 'https://open.feishu.cn',
  lark: 'https://open.larksuite.com',
};

const nonEmpty = (what: string) => z.string({ error: `is required (${what})` }).trim().min(1, `is empty (${what})`);

const fields = z.object({
  FEISHU_APP_ID: nonEmpty('the App ID from the app\'s "Credentials & Basic Info" page, cli_…'),
  FEISHU_APP_SECRET: nonEmpty('the App Secret from the same page'),
  FEISHU_VERIFICATION_TOKEN: z.string().trim().min(1, 'is empty').optional(),
  FEISHU_ENCRYPT_KEY: z.string().trim().min(1, 'is empty').optional(),
  FEISHU_DOMAIN: z
    .string()
    .trim()
    .default('feishu')
    .refine((v) => v in DOMAINS || /^https?:\/\/[^\s]+$/.test(v), 'expected feishu, lark, or a base URL such as https://open.feishu.cn'),
  FEISHU_MODE: z.enum(['webhook', 'ws'], { error: 'expected webhook or ws' }).default('webhook'),
  FEISHU_CLICK_ANSWER: z.enum(['at-once', 'with-result'], { error: 'expected at-once or with-result' }).default('at-once'),
});

type Raw = Partial<Record<keyof typeof fields.shape, string>>;
type Issue = { path: string; message: string };

/** What the mode needs beyond the fields themselves; checked even when other fields are wrong. */
function modeIssues(raw: Raw): Issue[] {
  const mode = raw.FEISHU_MODE ?? 'webhook';
  const issues: Issue[] = [];
  if (mode === 'ws' && raw.FEISHU_APP_ID && !/^cli_[0-9a-f]{16}$/i.test(raw.FEISHU_APP_ID)) {
    // The SDK's long connection silently does nothing for any other shape of id.
    issues.push({ path: 'FEISHU_APP_ID', message: 'expected an App ID like cli_a5fb0ae6a4f8d00c (cli_ and 16 hex digits)' });
  }
  if (mode !== 'webhook') return issues;
  // Feishu signs a webhook request only when an Encrypt Key is set, and the token is the only
  // other proof a request came from Feishu: without both, anyone could post fake events.
  if (!raw.FEISHU_ENCRYPT_KEY) {
    issues.push({ path: 'FEISHU_ENCRYPT_KEY', message: 'is required in webhook mode (Events & Callbacks → Encryption Strategy → Encrypt Key)' });
  }
  if (!raw.FEISHU_VERIFICATION_TOKEN) {
    issues.push({ path: 'FEISHU_VERIFICATION_TOKEN', message: 'is required in webhook mode (Events & Callbacks → Encryption Strategy → Verification Token)' });
  }
  return issues;
}

/**
 * Feishu settings from the environment: null when no FEISHU_* variable is set (Feishu is not
 * used), otherwise validated, with an error naming each wrong variable and never its value.
 */
export function feishuSettingsFromEnv(env: NodeJS.ProcessEnv): FeishuSettings | null {
  const present = Object.keys(env).some((key) => key.startsWith('FEISHU_') && env[key] !== undefined && env[key] !== '');
  if (!present) return null;
  const picked: Raw = Object.fromEntries(Object.keys(fields.shape).map((key) => [key, blankToUndefined(env[key])]));
  const result = fields.safeParse(picked);
  const issues = [
    ...(result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))),
    ...modeIssues(picked),
  ];
  if (!result.success || issues.length > 0) {
    throw new Error(`Invalid Feishu/Lark settings:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
  const v = result.data;
  return {
    appId: v.FEISHU_APP_ID,
    appSecret: v.FEISHU_APP_SECRET,
    verificationToken: v.FEISHU_VERIFICATION_TOKEN,
    encryptKey: v.FEISHU_ENCRYPT_KEY,
    domain: (DOMAINS[v.FEISHU_DOMAIN] ?? v.FEISHU_DOMAIN).replace(/\/+$/, ''),
    mode: v.FEISHU_MODE,
    clickAnswer: v.FEISHU_CLICK_ANSWER,
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
