import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { describeFocus, hasVisibleFocus, tabTo, watchFocusLoss, type FocusRole } from '../support/keyboard.ts';
import { browserSuite } from '../support/browserSuite.ts';

/**
 * Issue 5: a whole Lean Coffee round with the keyboard alone. Every action of the facilitator and
 * of a participant is Tab, Shift+Tab, Enter, Space, arrows or typing: no click, no mouse. At
 * several points the focused control must show a visible focus indicator.
 */
describe('a Lean Coffee round with the keyboard only', () => {
  const suite = browserSuite('e2e-keyboard');

  async function expectVisibleFocus(page: Page) {
    expect(await hasVisibleFocus(page), `no visible focus on ${await describeFocus(page)}`).toBe(true);
  }

  async function expectFocusOn(page: Page, name: string) {
    const focused = page.getByRole('button', { name, exact: true });
    await focused.waitFor();
    expect(await focused.evaluate((element) => element === document.activeElement), await describeFocus(page)).toBe(
      true,
    );
  }

  /** After a press: waits until the request is answered, then the button must still have the focus. */
  async function expectFocusStaysOn(page: Page, name: string) {
    const button = page.getByRole('button', { name, exact: true });
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('false');
    await expectFocusOn(page, name);
  }

  /** Moves to the control and presses a key on it; checks the focus shows before pressing. */
  async function press(page: Page, role: FocusRole, name: string, key = 'Enter', backwards = false) {
    await tabTo(page, role, name, { backwards });
    await expectVisibleFocus(page);
    await page.keyboard.press(key);
  }

  async function type(page: Page, label: string, text: string) {
    await tabTo(page, 'textbox', label);
    await expectVisibleFocus(page);
    await page.keyboard.type(text);
  }

  async function addTopic(page: Page, title: string) {
    await type(page, 'Topic', title);
    // Enter in the title field sends the form.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: title }).waitFor();
  }

  // Two browsers and about a hundred key presses: 25 s on an idle machine, over 120 s once beside the
  // integration suite at a load of 17. Each wait inside fails on its own after 30 s with what it waited for.
  it('creates, joins, collects, votes, discusses, wraps up and ends', { timeout: 240_000 }, async () => {
    const mariaContext = await desktopContext(suite.browser);
    await watchFocusLoss(mariaContext);
    const maria = await mariaContext.newPage();
    await maria.goto(suite.app.server.url);
    await type(maria, 'Session title', 'Keyboard retro');
    await type(maria, 'Your name', 'Maria');
    await press(maria, 'button', 'Start a Lean Coffee');
    const joinUrl = (await maria.getByLabel('Join link').inputValue()).replace(
      /^https?:\/\/[^/]+/,
      suite.app.server.url,
    );

    const anaContext = await phoneContext(suite.browser);
    await watchFocusLoss(anaContext);
    const ana = await anaContext.newPage();
    await ana.goto(joinUrl);
    await type(ana, 'Your name', 'Ana');
    await press(ana, 'button', 'Join');

    await addTopic(ana, 'Onboarding');
    await addTopic(ana, 'Coffee machine');
    await addTopic(maria, 'Release process');
    await ana.getByRole('heading', { name: 'Release process' }).waitFor();

    await press(maria, 'button', 'Next: Vote');
    await expectFocusOn(maria, 'Next: Discuss');
    await ana.getByText('3 of 3 votes left').waitFor();
    // Space presses a button as well as Enter does; the second vote stacks on the same topic.
    await press(ana, 'button', 'Add vote to Onboarding', 'Space');
    await ana.getByText('2 of 3 votes left').waitFor();
    // The focus stays on the button, so a second vote is one more key press.
    await expectFocusOn(ana, 'Add vote to Onboarding');
    await ana.keyboard.press('Space');
    await ana.getByText('1 of 3 votes left').waitFor();
    // Back up the page: the other topic came earlier.
    await press(ana, 'button', 'Add vote to Release process', 'Enter', true);
    await ana.getByText('3 of 3 votes used').waitFor();
    await press(maria, 'button', 'Add vote to Onboarding');
    await maria.getByText('2 of 3 votes left').waitFor();

    await press(maria, 'button', 'Next: Discuss');
    await press(maria, 'button', 'Next topic');
    await ana.getByText('Now discussing: Onboarding').first().waitFor();
    // Buttons stay where the focus is while their request is sent (aria-disabled, not disabled),
    // so the facilitator can press the next one without finding the way back first.
    await expectFocusStaysOn(maria, 'Next topic');
    await press(maria, 'button', '+1 min');
    await expectFocusStaysOn(maria, '+1 min');
    await press(maria, 'button', 'Start thumbs vote');
    await press(ana, 'button', 'Thumbs down', 'Space');
    await press(maria, 'button', 'Thumb sideways');
    await maria.getByText('Result: 0 thumbs up, 1 sideways, 1 down').waitFor();
    await press(maria, 'button', 'Close topic');
    await ana.getByRole('region', { name: 'Discussed' }).getByRole('heading', { name: 'Onboarding' }).waitFor();

    await press(maria, 'button', 'Next: Wrap-up');
    await type(ana, 'Your takeaway in one line', 'Clear next steps');
    await press(ana, 'button', 'Send');
    // A radio group: Tab reaches it, arrows choose.
    await tabTo(ana, 'radio', '1 of 5');
    await expectVisibleFocus(ana);
    for (let step = 0; step < 3; step += 1) await ana.keyboard.press('ArrowRight');
    // Each step is sent as it is taken; the last one stays chosen.
    await expect.poll(() => ana.getByRole('radio', { name: '4 of 5' }).isChecked()).toBe(true);
    await maria.getByText('1 rating').waitFor();

    await press(maria, 'button', 'Next: Ended');
    // The question opens on its safe answer (Cancel); the yes before it is one Shift+Tab away.
    await expectFocusOn(maria, 'Cancel');
    await press(maria, 'button', 'Yes, end the session', 'Enter', true);
    await ana.getByText('This session has ended. Thank you for taking part!').first().waitFor();
    await press(maria, 'link', 'Summary');
    await maria.getByRole('heading', { name: 'Keyboard retro', level: 1 }).waitFor();
    // The summary renders its sections as they load; wait for them (the takeaway is among them)
    // before moving the focus, which a late render would otherwise reset.
    await maria.getByText('Clear next steps').first().waitFor();
    await tabTo(maria, 'button', 'Download Markdown');
    await expectVisibleFocus(maria);
  });
});
