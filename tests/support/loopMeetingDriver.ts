import type { Page } from 'playwright-core';
import { afterChange, button, click } from './browserSuite.ts';
import { waitForText } from './screenSweep.ts';

/**
 * What the LOOP browser tests do in a team space again and again, as a facilitator on an English
 * laptop does it: bring a tension, start a meeting, move a round on, end the meeting.
 */
export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Brings a tension into a room from the space home; waits until the page shows it. */
export async function bringTension(page: Page, title: string, room: string): Promise<void> {
  const form = region(page, 'Bring a tension');
  await form.getByLabel('Tension', { exact: true }).fill(title);
  await form.getByRole('radio', { name: room, exact: true }).check();
  await click(form, 'Add tension');
  // Read as a person reads it: long German words in it may have gained soft hyphens.
  await waitForText(page, title);
}

export async function startMeeting(page: Page, room: string): Promise<void> {
  const start = region(page, 'Start a meeting');
  await start.getByRole('radio', { name: room, exact: true }).check();
  await click(start, 'Start meeting');
  await page.getByRole('list', { name: 'Meeting steps' }).waitFor();
}

/**
 * Moves a round on until everyone has had their turn: the runner's "Next speaker", or "Done" on
 * the device of whoever has the turn (the runner's own, or one of `speakers`, in either language).
 */
export async function finishRound(runner: Page, speakers: readonly Page[] = []): Promise<void> {
  const done = runner.getByText('Everyone has had their turn.');
  while (!(await done.isVisible())) {
    const next = button(runner, 'Next speaker');
    const own = [runner, ...speakers].map((page) => page.getByRole('button', { name: /^(Done|Fertig)$/ }));
    await afterChange(runner, async () => {
      if (await next.isVisible()) return next.click();
      for (const turn of own) if (await turn.isVisible()) return turn.click();
      throw new Error('Nobody can end the turn: neither "Next speaker" nor "Done" shows');
    });
  }
}

/** Ends the running meeting from any step, answering its question; back on the space home. */
export async function endMeeting(runner: Page): Promise<void> {
  await click(runner, 'End meeting');
  await click(runner, 'Yes, end meeting');
  await region(runner, 'Start a meeting').waitFor();
}
