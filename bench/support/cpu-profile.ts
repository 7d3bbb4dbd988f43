import { Session } from 'node:inspector/promises';

/** Where this process's CPU time went while `work` ran, by who runs the code, in percent of busy time. */
export type CpuShares = Record<string, number>;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

const CATEGORIES: Array<[string, (url: string, fn: string) => boolean]> = [
  ['garbage collector', (_u, fn) => fn === '(garbage collector)'],
  ['Prisma query compiler (WASM)', (u) => u.startsWith('wasm://') || u.includes('query_compiler')],
  ['Prisma client runtime', (u) => u.includes('@prisma/')],
  ['pg driver', (u) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(u)],
  ['BullMQ and ioredis', (u) => /node_modules\/(bullmq|ioredis)\//.test(u)],
  ['Baton (src, adapters, commands)', (u) => /\/(src|adapters|commands)\//.test(u) && !u.includes('node_modules')],
  ['other libraries', (u) => u.includes('node_modules')],
  ['Node.js and V8 built-ins (I/O, promises, JSON)', () => true],
];

/**
 * Samples the CPU with the V8 profiler (node:inspector) while `work` runs, and sums the self
 * time of every sample by category. Idle samples are left out: shares are of busy time.
 */
export async function profileCpu<T>(work: () => Promise<T>): Promise<{ result: T; shares: CpuShares }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const spent = new Map<string, number>();
    let busy = 0;
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)!.callFrame;
      if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
      const dt = profile.timeDeltas[i] ?? 0;
      const category = CATEGORIES.find(([, matches]) => matches(frame.url, frame.functionName))![0];
      spent.set(category, (spent.get(category) ?? 0) + dt);
      busy += dt;
    });
    const shares = Object.fromEntries([...spent].sort((a, b) => b[1] - a[1]).map(([k, t]) => [k, busy ? (t / busy) * 100 : 0]));
    return { result, shares };
  } finally {
    session.disconnect();
  }
}
