import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The sizes a picture for review is taken at: a phone's and a laptop's. */
const SHOT_SIZES = [
  [360, 640],
  [1280, 720],
] as const;

/**
 * With RUNDE_SHOTS set to a folder, `subject` (scrolled into view) at a phone's and a laptop's
 * size, saved as `<name>-<width>x<height>.png`, for a person to look at; nothing otherwise.
 */
export async function shootAtSizes(page: Page, name: string, subject: Locator): Promise<void> {
  const folder = process.env.RUNDE_SHOTS;
  if (!folder) return;
  for (const [width, height] of SHOT_SIZES) {
    await page.setViewportSize({ width, height });
    await subject.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(folder, `${name}-${width}x${height}.png`) });
  }
}
