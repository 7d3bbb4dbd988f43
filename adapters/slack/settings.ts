import { inspect } from 'node:util';
import { z } from 'zod';

/**
 * How Baton reaches one Slack workspace. HTTP mode (signed requests at `/slack/events`) unless
 * an app-level token is given, which selects Socket Mode (no public URL needed).
 */
export interface SlackSettings {
  mode: 'http' | 'socket';
  botToken: string;
  /** Required in HTTP mode; Socket Mode traffic is authenticated by the app token instead. */
  signingSecret?: string;
  appToken?: string;
  /** Base URL of the Web API, ending in `/` (tests, enterprise proxies); Slack's own when absent. */
  apiUrl?: string;
}

const VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;

// Messages name the variable and what was expected, never the value: it may be a secret.
const schema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'is required (the Bot User OAuth Token, xoxb-…, under OAuth & Permissions)' })
      .regex(/^xoxb-[\w-]+$/, { error: 'expected a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)' }),
    SLACK_SIGNING_SECRET: z
      .string()
      .regex(/^[0-9a-f]{16,}$/i, { error: 'expected the hex Signing Secret from Basic Information → App Credentials' })
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-[\w-]+$/, { error: 'expected an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)' })
      .optional(),
    SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://slack.com/api/' }).optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required for HTTP mode (Basic Information → App Credentials); or set SLACK_APP_TOKEN to use Socket Mode',
      });
    }
  });

/**
 * Slack settings from the environment, or null when no SLACK_* variable is set (Slack is
 * simply not used). Empty values count as unset. Throws one error listing every problem.
 */
export function slackSettingsFromEnv(env: Record<string, string | undefined>): SlackSettings | null {
  const present = Object.fromEntries(VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]!.trim()]] : [])));
  if (Object.keys(present).length === 0) return null;
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'SLACK_*'}: ${issue.message}`);
    throw new Error(`Slack is not configured correctly:\n${problems.join('\n')}`);
  }
  const { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_API_URL } = result.data;
  return hideSecrets({
    mode: SLACK_APP_TOKEN ? 'socket' : 'http',
    botToken: SLACK_BOT_TOKEN,
    ...(SLACK_SIGNING_SECRET ? { signingSecret: SLACK_SIGNING_SECRET } : {}),
    ...(SLACK_APP_TOKEN ? { appToken: SLACK_APP_TOKEN } : {}),
    // The Web API client joins method names onto this URL, so it must end in a slash.
    ...(SLACK_API_URL ? { apiUrl: SLACK_API_URL.endsWith('/') ? SLACK_API_URL : `${SLACK_API_URL}/` } : {}),
  });
}

/** Settings end up in log lines and error reports by accident; make that harmless. */
function hideSecrets(settings: SlackSettings): SlackSettings {
  const visible = () => ({ mode: settings.mode, apiUrl: settings.apiUrl, botToken: '[redacted]', signingSecret: '[redacted]', appToken: settings.appToken ? '[redacted]' : undefined });
  Object.defineProperties(settings, {
    toJSON: { value: visible, enumerable: false },
    [inspect.custom]: { value: () => visible(), enumerable: false },
  });
  return settings;
}
