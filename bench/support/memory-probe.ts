// Loaded into a Baton process with `node --import`: reports its memory to the benchmark that
// started it, over the IPC channel, four times a second, and on request after a full garbage
// collection (when started with --expose-gc). Baton's own code is unchanged.
const INTERVAL_MS = 250;

const report = (extra: { afterGc?: boolean } = {}) => {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ kind: 'memory', at: Date.now(), rss, heapUsed, heapTotal, external, arrayBuffers, ...extra });
};

if (process.send) {
  const timer = setInterval(report, INTERVAL_MS);
  // Never the reason the process stays up.
  timer.unref();
  process.channel?.unref();
  process.on('message', (message: { kind?: string }) => {
    if (message.kind !== 'gc') return;
    (globalThis as { gc?: () => void }).gc?.();
    report({ afterGc: true });
  });
}
