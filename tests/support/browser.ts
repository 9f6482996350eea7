import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Flags for a quiet, deterministic headless Debian Chromium (no sandbox: CI runs as root in a container). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium (`CHROMIUM_PATH`, set by `npm test`, or /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Options for the context helpers; anything given overrides the device defaults. */
export type ContextOptions = BrowserContextOptions & { locale?: string };

/** A participant's phone: 390×844 at 2× with touch. */
export function phoneContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'en-US',
    ...options,
  });
}

/** A facilitator's laptop: 1440×900. */
export function desktopContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', ...options });
}

/** The shared screen in the room: 1920×1080. */
export function projectorContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', ...options });
}
