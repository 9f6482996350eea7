import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startAppUnderTest, type AppUnderTest, type AppUnderTestOptions } from './appServer.ts';
import { launchBrowser, takePolicyReports } from './browser.ts';
export { settled } from './settled.ts';

/** What a browser test suite drives: the whole app on its own key prefix, and one Chromium. */
export interface BrowserSuite {
  readonly app: AppUnderTest;
  readonly browser: Browser;
}

/**
 * Starts the app and Chromium before the suite's tests and stops both after them, and fails a test
 * whose pages reported a CSP violation or a security header the browser could not parse. Call it in a
 * `describe` body; read `app` and `browser` inside tests, once they are running.
 */
export function browserSuite(label: string, options: AppUnderTestOptions = {}): BrowserSuite {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startAppUnderTest(label, options);
    browser = await launchBrowser();
  });
  // Every page a browser test visits runs under the real security headers: nothing may be refused.
  afterEach(() => {
    expect(takePolicyReports(), 'CSP violations or policy header errors').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: read it inside a test`);
    return value;
  };
  return {
    get app() {
      return started(app, 'the app');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}

/** The button with exactly this accessible name. */
export const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

export const click = (scope: Page | Locator, name: string) => button(scope, name).click();

/**
 * Runs `action`, then waits until the page's text changed (an answer arrived, a turn passed), at
 * most `timeout` ms: for loops that act, look and act again, instead of sleeping between tries.
 */
export async function afterChange(page: Page, action: () => Promise<unknown>, timeout = 2_000): Promise<void> {
  const before = await page.locator('body').innerText();
  await action();
  await page.waitForFunction((text) => document.body.innerText !== text, before, { timeout }).catch(() => undefined);
}
