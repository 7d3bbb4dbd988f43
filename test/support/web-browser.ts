import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian (and Ubuntu's deb) put Chromium; CHROMIUM_PATH wins when set. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium'];

/**
 * The Chromium the browser tests drive. Missing, it is an error that says how to install it:
 * the browser tests fail loudly rather than skip (CI installs it in .ci/run).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here; try the next place.
    }
  }
  throw new Error(
    `No Chromium found at ${candidates.join(', ')}. The browser tests need Debian's chromium package ` +
      '(apt-get install chromium; .ci/run installs it) or CHROMIUM_PATH pointing at a Chromium binary.',
  );
}

/** Headless Chromium; without its sandbox, which cannot start as root (CI runs as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, chromiumSandbox: false, timeout: 30_000 });
}
