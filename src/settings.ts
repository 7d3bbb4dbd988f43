import { z } from 'zod';

/**
 * Settings from the environment: where things are, not the company's rules (those are in
 * baton.config.yaml). Secrets for platforms come here too, in later adapters.
 */
const settingsSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').optional(),
  /** all: bot and workers in one process; bot: adapters and commands; worker: timers and deliveries. */
  BATON_ROLE: z.enum(['all', 'bot', 'worker'], { error: 'expected all, bot or worker' }).default('all'),
  /** BullMQ key prefix; keep the braces (a Redis Cluster hash tag). */
  BATON_QUEUE_PREFIX: z.string().regex(/^\{[^{}]+\}$/, 'expected a hash tag in braces, like {baton}').default('{baton}'),
  BATON_CONFIG: z.string().default('baton.config.yaml'),
  BATON_DATA_DIR: z.string().default('data'),
  /** Who the console playground starts as (a person id from the config). */
  BATON_AS: z.string().optional(),
  /** The HTTP port for platform webhooks (Slack /slack/events, Feishu /feishu/events). */
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  /** Where the webhook server listens; 0.0.0.0 to accept platform traffic from outside. */
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const result = settingsSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment settings:\n${problems.join('\n')}`);
}
