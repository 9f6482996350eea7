import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { settled } from './browserSuite.ts';

/** The two screens a room has: a 720p projector and a full-HD one. */
export const projectorSizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/**
 * What on a projector view is cut off, in words a failure can be read by: every box that hides
 * what overflows it (each region's scroll size against its box, on both axes, one pixel of
 * rounding allowed), and every element with visible content that is not wholly on the screen.
 * Text for screen readers only is clipped to nothing on purpose and is left out.
 */
export function clippedRegions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) => {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      return `<${el.tagName.toLowerCase()}${classes}> "${text}"`;
    };
    const forScreenReadersOnly = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        if (getComputedStyle(at).clip !== 'auto') return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || forScreenReadersOnly(el)) continue;
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
          found.push(`${name(el)} clips: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        }
      }
      const text = Array.from(el.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      );
      const picture = ['svg', 'img', 'canvas'].includes(el.tagName.toLowerCase());
      if (!text && !picture) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) {
        found.push(
          `${name(el)} is off the screen: ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
        );
      }
    }
    return found;
  });
}

/** With RUNDE_SHOTS=<folder>, checked screens named for it are saved there as pictures. */
const shots = process.env.RUNDE_SHOTS;

/**
 * Checks one projector page at both sizes: nothing clipped, nothing off the screen. Waits on what
 * the page does (it refits after a resize or a change), never on time.
 */
export async function expectNothingClipped(page: Page, where: string, shotName?: string): Promise<void> {
  for (const size of projectorSizes) {
    await page.setViewportSize(size);
    await page.waitForFunction((width) => window.innerWidth === width, size.width);
    await settled(page);
    await expect
      .poll(() => clippedRegions(page), {
        message: `clipped on the projector: ${where} at ${size.width}×${size.height}`,
        timeout: 10_000,
      })
      .toEqual([]);
    if (shots && shotName) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: `${shots}/${shotName}-${size.width}x${size.height}.png` });
    }
  }
}
