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
  /** The HTTP port: platform webhooks on bots; /healthz, /readyz, /metrics and /admin/queues on every process (workers too). */
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  /**
   * Where the HTTP server listens. Unset: 0.0.0.0 with platforms (their webhooks come from
   * outside), 127.0.0.1 for the playground, which has no login (see `listenHost`).
   */
  HOST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Operations endpoints (src/ops). Messages never repeat a value: these are secrets.
  /** Bearer token a Prometheus scraper must send for /metrics; unset, /metrics answers anyone who reaches PORT. */
  BATON_METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters (e.g. openssl rand -hex 24)').optional(),
  /** HTTP Basic user and password for the queue board at /admin/queues; both or neither. */
  BATON_ADMIN_USER: z.string().trim().min(1, 'is empty (unset it, or name the admin user)').optional(),
  BATON_ADMIN_PASSWORD: z.string().min(12, 'expected at least 12 characters').optional(),
  /** Or a bearer token for /admin/queues (scripts, a proxy that adds the header). */
  BATON_ADMIN_TOKEN: z.string().min(24, 'expected at least 24 characters (e.g. openssl rand -hex 24)').optional(),
}).superRefine((env, ctx) => {
  if (Boolean(env.BATON_ADMIN_USER) !== Boolean(env.BATON_ADMIN_PASSWORD)) {
    const missing = env.BATON_ADMIN_USER ? 'BATON_ADMIN_PASSWORD' : 'BATON_ADMIN_USER';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'is required too: the queue board takes a user and a password together' });
  }
});

export type Settings = z.infer<typeof settingsSchema>;

export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const result = settingsSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment settings:\n${problems.join('\n')}`);
}

/**
 * Where the HTTP server listens: HOST when set; otherwise loopback for the playground (whoever
 * reaches it may act as anyone) and every address when platforms must reach the webhooks.
 */
export function listenHost(settings: Pick<Settings, 'HOST'>, playground: boolean): string {
  return settings.HOST ?? (playground ? '127.0.0.1' : '0.0.0.0');
}
