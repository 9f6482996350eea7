import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.mjs';

/** Launches the system Chromium (`CHROMIUM_PATH`, set by `npm test`, or /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * What the browser refused or complained of under the security headers, from every page of every
 * context made by the helpers below: `securitypolicyviolation` events (CSP, reported even where
 * the page swallows the failure) and console messages about a policy header it could not parse.
 * `browserSuite` checks after each test that there are none.
 */
const policyReports: string[] = [];

/** The reports gathered since the last call, emptied. */
export function takePolicyReports(): string[] {
  return policyReports.splice(0);
}

/** Name of the function each page calls to report a violation to the test. */
const REPORT_BINDING = '__rundePolicyViolation';

async function watchPolicies(context: BrowserContext): Promise<BrowserContext> {
  await context.exposeBinding(REPORT_BINDING, ({ page }, text: string) => {
    policyReports.push(`${text} (on ${page?.url() ?? 'a page'})`);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>)[binding];
      report?.(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  }, REPORT_BINDING);
  context.on('console', (message) => {
    if (/content security policy|permissions[- ]policy/i.test(message.text())) {
      policyReports.push(`console ${message.type()}: ${message.text()} (on ${message.page()?.url() ?? 'a page'})`);
    }
  });
  return context;
}

/** Options for the context helpers; anything given overrides the device defaults. */
export type ContextOptions = BrowserContextOptions & { locale?: string };

/** A participant's phone: 390×844 at 2× with touch. */
export async function phoneContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'en-US',
    ...options,
  });
  return watchPolicies(context);
}

/** A facilitator's laptop: 1440×900. */
export async function desktopContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return watchPolicies(
    await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', ...options }),
  );
}

/** The shared screen in the room: 1920×1080. */
export async function projectorContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return watchPolicies(
    await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', ...options }),
  );
}
