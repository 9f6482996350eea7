import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { settled } from '../support/settled.ts';

/** Where the README's pictures live; each is retaken at the path it has today. */
export const SHOTS_DIR = new URL('../../docs/screenshots/', import.meta.url);

/** Width and height from a PNG's IHDR chunk (bytes 16–23), so nothing needs decoding to size a view. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The committed version of a screenshot, or null for a new one. */
export function committedPng(name: string): Buffer | null {
  try {
    return execFileSync('git', ['show', `HEAD:docs/screenshots/${name}`], {
      cwd: new URL('../..', import.meta.url).pathname,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return null;
  }
}

export interface ShotDevice {
  locale: string;
  /** Device pixels per CSS pixel: the retina phone shots are 2, everything else 1. */
  scale?: number;
  mobile?: boolean;
  dark?: boolean;
}

/**
 * A browser context sized so its screenshot has exactly the committed file's pixel size
 * (CSS viewport = file size / scale).
 */
export async function contextFor(browser: Browser, name: string, device: ShotDevice): Promise<BrowserContext> {
  const committed = committedPng(name);
  if (!committed) throw new Error(`${name} is not committed: add it by hand once, then retake it`);
  const { width, height } = pngSize(committed);
  const scale = device.scale ?? 1;
  return browser.newContext({
    viewport: { width: width / scale, height: height / scale },
    deviceScaleFactor: scale,
    isMobile: device.mobile ?? false,
    hasTouch: device.mobile ?? false,
    locale: device.locale,
    colorScheme: device.dark ? 'dark' : 'light',
    // The summary prints dates; one zone keeps them the same on every machine.
    timezoneId: 'Europe/Berlin',
    reducedMotion: 'reduce',
  });
}

/** Only these files are retaken when names are given on the command line. */
const wanted = new Set(process.argv.slice(2).filter((arg) => arg.endsWith('.png')));
export const taken: string[] = [];

/**
 * Writes one screenshot: resizes the page to the committed file's size, scrolls `top` (if any) to
 * the top of the screen with `above` CSS pixels above it, waits for fonts and transitions, then
 * shoots the viewport.
 */
export async function shoot(page: Page, name: string, top?: Locator, above = 11): Promise<void> {
  if (wanted.size > 0 && !wanted.has(name)) return;
  const committed = committedPng(name);
  if (!committed) throw new Error(`${name} is not committed`);
  const { width, height } = pngSize(committed);
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const viewport = { width: width / scale, height: height / scale };
  const current = page.viewportSize();
  if (current?.width !== viewport.width || current.height !== viewport.height) {
    await page.setViewportSize(viewport);
    await page.waitForFunction((w) => window.innerWidth === w, viewport.width);
  }
  // The committed pictures were scrolled by hand with about 11 px above the first line.
  if (top) {
    await top.evaluate((element, offset) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -offset);
    }, above);
  } else await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: new URL(name, SHOTS_DIR).pathname, animations: 'disabled', caret: 'hide' });
  taken.push(name);
  console.log(`  took ${name}`);
}

/** The button with exactly this accessible name (or matching this pattern). */
export const button = (scope: Page | Locator, name: string | RegExp) =>
  scope.getByRole('button', { name, exact: typeof name === 'string' });
export const click = (scope: Page | Locator, name: string | RegExp) => button(scope, name).click();

/** Waits until the page shows this text, soft hyphens ignored (long German words gain them). */
export async function waitForText(page: Page, text: string, timeout = 30_000): Promise<void> {
  const wanted = text.replace(/\s+/g, ' ');
  await page
    .waitForFunction(
      (one) => document.body.innerText.replaceAll('\u00ad', '').replace(/\s+/g, ' ').includes(one),
      wanted,
      { timeout },
    )
    .catch((error: unknown) => {
      throw new Error(`"${wanted}" never showed on ${page.url()}`, { cause: error });
    });
}

/** The seat a page holds for this join code, as the web app stored it. */
export async function seatOf(page: Page, code: string) {
  const seats = await page.evaluate(() => localStorage.getItem('runde:seats'));
  const seat = (
    JSON.parse(seats ?? '{}') as Record<string, { sessionId: string; participantId: string; token: string }>
  )[code];
  if (!seat) throw new Error(`no seat for ${code}`);
  return seat;
}
