import { markdownTable } from './markdown.js';
import { currentLoad, machineInfo, versions } from './machine.js';
import { writeResult, type Report } from './results.js';
import { startServers, type Servers } from './servers.js';

export interface BenchmarkSpec {
  /** File and npm script name: `bench:<name>`, results in bench/results/<name>.json. */
  name: string;
  title: string;
  run(servers: Servers): Promise<Report>;
}

/**
 * Runs one benchmark on its own servers and records it: machine, versions, load average
 * before and after (a busy machine is reported as such), the report. Prints the tables too.
 */
export async function runBenchmark(spec: BenchmarkSpec): Promise<void> {
  const loadAtStart = currentLoad();
  const startedAt = new Date();
  console.log(`${spec.title}: starting PostgreSQL and Redis…`);
  const servers = await startServers(spec.name);
  try {
    const found = await versions(servers.databaseUrl, servers.redisUrl);
    const report = await spec.run(servers);
    const path = writeResult({
      name: spec.name,
      title: spec.title,
      command: `npm run bench:${spec.name}`,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: machineInfo(loadAtStart),
      versions: found,
      ...report,
    });
    console.log(`\n${spec.title}\n`);
    for (const table of report.tables) console.log(`${markdownTable(table)}\n`);
    for (const finding of report.findings) console.log(`- ${finding}`);
    console.log(`\nwritten to ${path}`);
  } finally {
    await servers.stop();
  }
}

/** A positive whole number from the environment (BENCH_*), for shorter runs while developing. */
export function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** Runs `main` and exits: lingering SDK timers and sockets must not keep a finished run alive. */
export function main(spec: BenchmarkSpec): void {
  runBenchmark(spec).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
