import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { Harness } from './harness.js';

/**
 * Runs a console playground session on the harness, fed line by line as `npm run start:console < script`
 * does (starting as zhang.wei), and returns the transcript.
 */
export async function consoleSession(h: Harness, lines: string[]): Promise<string> {
  return (await liveConsoleSession(h, lines)).text();
}

/**
 * The same session, whose output is still collected after the script ends: what a later push
 * or timer delivers shows up in the same transcript, as it would in a running playground.
 */
export async function liveConsoleSession(h: Harness, lines: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk) => (transcript += chunk));
  const playground = createConsoleAdapter({
    baton: h.baton,
    input,
    output,
    interactive: false,
    startAs: h.person('zhang.wei'),
    settle: () => h.scheduler.settle(),
    time: { now: () => h.clock.now(), advance: (ms) => h.advance(ms) },
  });
  h.baton.addAdapter(playground);
  input.end(`${lines.join('\n')}\n`);
  await playground.run();
  return { text: () => transcript, since: (mark: number) => transcript.slice(mark), get length() { return transcript.length; } };
}
