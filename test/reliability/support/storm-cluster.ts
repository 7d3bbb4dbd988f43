import { findFreePort } from '../../../src/infra/free-port.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../../adapters/slack/support/slack-requests.js';
import { batonProcess, type BatonProcess } from './baton-process.js';

export interface StormClusterOptions {
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ prefix, a hash tag in braces; unique per run when Redis is shared. */
  queuePrefix: string;
  configPath: string;
  bots: number;
  workers: number;
}

export interface StormCluster {
  fake: FakeSlackApi;
  bots: BatonProcess[];
  workers: BatonProcess[];
  /** Each bot's Slack request URL, fixed across restarts (each bot keeps its port). */
  botUrls: string[];
  /**
   * Restarts any process that died without being killed by the test, as systemd or
   * Kubernetes would, and counts it: a crash the faults caused is a finding.
   */
  supervise(): void;
  /** Resolves when every process is up (after restarts). */
  allUp(timeoutMs?: number): Promise<void>;
  /** Last log lines of every process, for failure messages. */
  logs(): string;
  /** Every process's warnings and errors, for a failure message. */
  warnings(): string[];
  /** Every time a process exited by itself, with why. */
  crashReports(): string[];
  stop(): Promise<void>;
}

/**
 * Baton deployed for scale on one machine: `bots` bot processes (Slack over HTTP, each on its
 * own port) and `workers` worker processes, sharing one PostgreSQL and one Redis, talking to a
 * fake Slack Web API on 127.0.0.1 that records every post, update and modal.
 */
export async function startStormCluster(options: StormClusterOptions): Promise<StormCluster> {
  const fake = await startFakeSlackApi();
  const shared = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    BATON_QUEUE_PREFIX: options.queuePrefix,
    BATON_CONFIG: options.configPath,
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
  const ports = { bots: [] as number[], workers: [] as number[] };
  for (let i = 0; i < options.bots; i++) ports.bots.push(await findFreePort());
  for (let i = 0; i < options.workers; i++) ports.workers.push(await findFreePort());
  const bots = ports.bots.map((port, i) => batonProcess({ name: `bot-${i + 1}`, role: 'bot', env: { ...shared, PORT: String(port) } }));
  const workers = ports.workers.map((port, i) => batonProcess({ name: `worker-${i + 1}`, role: 'worker', env: { ...shared, PORT: String(port) } }));
  const all = [...bots, ...workers];
  const restarting = new Set<BatonProcess>();
  let supervising: NodeJS.Timeout | undefined;

  const cluster: StormCluster = {
    fake,
    bots,
    workers,
    botUrls: ports.bots.map((port) => `http://127.0.0.1:${port}/slack/events`),
    supervise() {
      supervising = setInterval(() => {
        for (const process of all) {
          if (!process.crashed || restarting.has(process)) continue;
          restarting.add(process);
          void process.start().catch(() => undefined).finally(() => restarting.delete(process));
        }
      }, 250);
    },
    async allUp(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!all.every((p) => p.up)) {
        if (Date.now() > deadline) throw new Error(`not every Baton process came back up\n${cluster.logs()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    logs: () => all.map((p) => p.logTail()).join('\n'),
    warnings: () => all.flatMap((p) => p.warnings()),
    crashReports: () => all.flatMap((p) => p.crashReports),
    async stop() {
      clearInterval(supervising);
      await Promise.all(all.map((p) => p.stop()));
      await fake.close();
    },
  };
  try {
    // One at a time: the first applies the migrations, and two cold starts at once only compete for the CPU.
    for (const process of all) await process.start();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}
