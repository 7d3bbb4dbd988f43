// Loaded into a Baton process with `node --import`: reports its memory to the benchmark that
// started it, over the IPC channel, four times a second. Baton's own code is unchanged.
const INTERVAL_MS = 250;

if (process.send) {
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ kind: 'memory', at: Date.now(), rss, heapUsed, heapTotal, external, arrayBuffers });
  }, INTERVAL_MS);
  // Never the reason the process stays up.
  timer.unref();
  process.channel?.unref();
}
