// Without vitest, so the screenshot script (a plain program) waits on a page the way the browser tests do.
import type { Page } from 'playwright-core';

/**
 * Resolves once the page has its fonts and the finite CSS transitions and animations that were
 * running have finished, so what axe reads (computed colours, sizes) is what stays on screen.
 * Ones that start later, endless ones and long ones (a timer's bar) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    // A transition ends within a second; what runs longer (a countdown's bar) is content, not settling.
    const ending = document.getAnimations().filter((a) => {
      const timing = a.effect?.getComputedTiming();
      const left = Number(timing?.endTime ?? Infinity) - Number(timing?.localTime ?? 0);
      return a.playState === 'running' && left <= 1_000;
    });
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
}
