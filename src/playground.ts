import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createWebPlayground, isLoopbackAddress } from '../adapters/web/index.js';
import { webText } from '../adapters/web/messages.js';
import type { Baton } from './app.js';
import type { ManualClock } from './clock.js';
import type { OutboundAdapter } from './delivery/outbound.js';
import type { Person } from './directory/directory.js';
import { startHttpServer, type Route } from './http/http-server.js';
import type { Logger } from './logger.js';
import { createPlaygroundTime, type PlaygroundRecurring } from './scheduler/playground-time.js';
import { listenHost, type Settings } from './settings.js';

type Cleanup = () => Promise<void>;

/**
 * What `npm start` shows with no platform configured: the web page, or the terminal with
 * `--console`. Made in two steps: `adapter` is registered before the workers take their first
 * job (a delivery run without it reaches nobody and the message is gone), then `run()` opens it.
 */
export interface Playground {
  adapter: OutboundAdapter;
  /** Web: serves the page and returns; terminal: reads lines until the input ends. */
  run(): Promise<void>;
}

export interface PlaygroundDeps {
  baton: Baton;
  clock: ManualClock;
  settle(): Promise<void>;
  recurring: PlaygroundRecurring;
  settings: Settings;
  logger: Logger;
  cleanups: Cleanup[];
  /** Baton's own routes (health, metrics, the API), served beside the page. */
  routes: Route[];
  startAs: Person;
}

export function createPlayground(deps: PlaygroundDeps, options: { console: boolean }): Playground {
  return options.console ? terminalPlayground(deps) : webPlayground(deps);
}

/** The web playground and Baton's own routes on PORT, on loopback unless HOST says otherwise. */
function webPlayground(deps: PlaygroundDeps): Playground {
  const { baton, settings, cleanups } = deps;
  const host = listenHost(settings, true);
  const web = createWebPlayground({ ...deps, loopbackOnly: isLoopbackAddress(host) });
  return {
    adapter: web.adapter,
    async run() {
      const server = await startHttpServer({ port: settings.PORT, host, routes: [...deps.routes, ...web.routes] });
      cleanups.unshift(() => server.close());
      // Open pages keep a stream each: end them first, or the server never finishes closing.
      cleanups.unshift(async () => web.stop());
      process.stdout.write(`${webText(baton.env().config.company.defaultLocale, 'web.listening', { url: server.url })}\n`);
    },
  };
}

function terminalPlayground(deps: PlaygroundDeps): Playground {
  const terminal = createConsoleAdapter({
    baton: deps.baton,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    startAs: deps.startAs,
    settle: deps.settle,
    time: createPlaygroundTime({ clock: deps.clock, settle: deps.settle, recurring: deps.recurring, logger: deps.logger }),
  });
  return { adapter: terminal, run: () => terminal.run() };
}
