import type { Browser, Page } from 'playwright-core';
import { createWebPlayground, type WebPlayground } from '../../adapters/web/index.js';
import { startHttpServer, type HttpServer } from '../../src/http/http-server.js';
import { createLogger } from '../../src/logger.js';
import { recurringSchedule } from '../../src/recurring-work.js';
import { exampleConfig } from './env.js';
import { createHarness, type Harness } from './harness.js';
import { launchChromium } from './web-browser.js';

export interface PlaygroundRig {
  h: Harness;
  web: WebPlayground;
  server: HttpServer;
  /** Throws when the rig was started without one (`browser: false`). */
  browser: Browser;
  /** A fresh page on the playground, acting as `personId`, once it has loaded. */
  open(personId: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The web playground as `npm start` serves it, in-process on the test harness (its database,
 * Redis, scheduler and manual clock, Monday 2026-11-30 10:00 in Shanghai), on a free loopback
 * port, with a headless Chromium to drive it (unless `browser: false`, for tests of the HTTP API).
 */
export async function startPlaygroundRig(options: { browser?: boolean } = {}): Promise<PlaygroundRig> {
  const h = await createHarness(undefined, { recordingPlatform: false });
  const logger = createLogger({ level: 'silent' });
  const web = createWebPlayground({
    baton: h.baton,
    clock: h.clock,
    settle: () => h.scheduler.settle(),
    // As main wires it: meeting reminders and digests run as the clock control passes them.
    recurring: recurringSchedule({ baton: h.baton, db: h.db, clock: h.clock, logger, config: exampleConfig }),
    logger,
    loopbackOnly: true,
  });
  h.baton.addAdapter(web.adapter);
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: web.routes });
  const browser = options.browser === false ? null : await launchChromium();
  const requireBrowser = () => {
    if (!browser) throw new Error('This rig was started without a browser');
    return browser;
  };
  return {
    h,
    web,
    server,
    get browser() {
      return requireBrowser();
    },
    async open(personId) {
      const page = await requireBrowser().newPage();
      await page.goto(`${server.url}/?as=${encodeURIComponent(personId)}`);
      await page.locator(`body[data-ready="${personId}"]`).waitFor();
      return page;
    },
    async close() {
      await browser?.close();
      web.stop();
      await server.close();
      await h.close();
    },
  };
}

/** Acts as someone else through the person switcher, as a person would. */
export async function switchPerson(page: Page, personId: string): Promise<void> {
  await page.selectOption('#person', personId);
  await page.locator(`body[data-ready="${personId}"]`).waitFor();
}

/** Opens a conversation from the sidebar: `@<person>` or `#<department>`. */
export async function openConversation(page: Page, id: string): Promise<void> {
  await page.click(`[data-conversation="${id}"]`);
  await page.locator(`[data-conversation="${id}"][aria-current="true"]`).waitFor();
}
