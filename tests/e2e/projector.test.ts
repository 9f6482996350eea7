import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext, projectorContext } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';

/**
 * Issue 5's projector: a facilitator starts a Lean Coffee and puts the projector view on the
 * shared screen with the projector link; the screen follows the meeting without anyone
 * touching it, and has nothing to touch.
 */
describe('the projector view of a Lean Coffee', () => {
  const suite = browserSuite('e2e-projector');

  it('shows the QR code, new topics and the topic under discussion by itself', async () => {
    const facilitator = await (await desktopContext(suite.browser, { locale: 'en-GB' })).newPage();
    await facilitator.goto(suite.app.server.url);
    await facilitator.getByLabel('Session title').fill('Team meeting');
    await facilitator.getByLabel('Your name').fill('Maria');
    await facilitator.getByRole('button', { name: 'Start a Lean Coffee' }).click();
    const joinLink = await facilitator.getByLabel('Join link').inputValue();
    await facilitator.getByRole('img', { name: `QR code to join: ${joinLink}` }).waitFor();

    // Full screen for the room: a modal dialog that Escape closes, focus back on its button.
    const fullScreen = facilitator.getByRole('button', { name: 'Show full screen' });
    await fullScreen.click();
    const dialog = facilitator.getByRole('dialog', { name: 'Join in' });
    await dialog.getByRole('img', { name: `QR code to join: ${joinLink}` }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Close' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await fullScreen.evaluate((el) => el === document.activeElement)).toBe(true);

    // Held up on a phone, the poster fits the width: the code does not wrap, so it must shrink.
    await facilitator.setViewportSize({ width: 360, height: 640 });
    await fullScreen.click();
    await dialog.getByRole('img', { name: `QR code to join: ${joinLink}` }).waitFor();
    expect(await dialog.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await facilitator.setViewportSize({ width: 1440, height: 900 });

    // The projector gets a link of its own (issue 12): it opens a new tab, and on another screen
    // it needs no seat.
    await facilitator.getByRole('button', { name: 'Create projector link' }).click();
    const link = facilitator.getByRole('link', { name: /^Projector view/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^https?:\/\/[^/]+\/s\/[2-9A-HJKMNP-Z]{6}\/projector#projector=[\w-]{20,}$/);
    const projector = await (await projectorContext(suite.browser)).newPage();
    await projector.goto(`${suite.app.server.url}${new URL(href ?? '').pathname}${new URL(href ?? '').hash}`);
    await projector.getByRole('heading', { name: 'Team meeting', level: 1 }).waitFor();
    await projector.getByRole('img', { name: `QR code to join: ${joinLink}` }).waitFor();
    await projector.getByText('No topics yet. Add yours on your phone.').waitFor();
    expect(await projector.getByRole('button').count()).toBe(0);

    const phone = await (await phoneContext(suite.browser)).newPage();
    await phone.goto(joinLink.replace(/^https?:\/\/[^/]+/, suite.app.server.url));
    await phone.getByLabel('Your name').fill('Ben');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByLabel('Topic', { exact: true }).fill('Shared calendar');
    await phone.getByRole('button', { name: 'Add topic' }).click();

    const topics = projector.getByRole('region', { name: 'Topics' });
    await topics.getByRole('heading', { name: 'Shared calendar' }).waitFor();
    await topics.getByText('1 topic', { exact: true }).waitFor();

    await facilitator.getByRole('button', { name: 'Next: Vote' }).click();
    await projector.getByText('0 votes cast', { exact: true }).waitFor();
    await facilitator.getByRole('button', { name: 'Next: Discuss' }).click();
    await facilitator.getByRole('button', { name: 'Next topic' }).click();

    const now = projector.getByRole('region', { name: 'Discussing' });
    await now.getByRole('heading', { name: 'Shared calendar' }).waitFor();
    await projector.getByRole('timer', { name: 'Time left' }).waitFor();
    expect(await projector.getByRole('timer', { name: 'Time left' }).textContent()).toMatch(/^\s*\d+:\d\d\s*$/);
    // Joining stays possible from the corner.
    await projector.getByRole('img', { name: `QR code to join: ${joinLink}` }).waitFor();
    expect(await projector.getByRole('button').count()).toBe(0);
  });
});
