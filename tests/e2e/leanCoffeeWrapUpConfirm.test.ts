import { describe, expect, it } from 'vitest';
import { desktopContext } from '../support/browser.ts';
import { browserSuite, button, click } from '../support/browserSuite.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { createSessionOverHttp, TestClient } from '../support/serverClients.ts';

/**
 * Issue 12, item 11 (Lean Coffee): "Weiter: Abschluss" while a topic is being discussed asks
 * first, naming the topic; the question takes the keyboard focus, Escape and "Abbrechen" keep the
 * discussion running and give the focus back, and only "Ja" ends it.
 */
describe('moving to the wrap-up during a discussion', () => {
  const suite = browserSuite('e2e-lc-wrapup-confirm');

  it('asks before it ends the running discussion', { timeout: 90_000 }, async () => {
    const url = suite.app.server.url;
    const created = await createSessionOverHttp(url, { title: 'Teamrunde', facilitatorName: 'Maria' });
    const maria = await TestClient.connect(url, created);
    const topic = 'Übergabe Jugendhilfe und Schule';
    await maria.send('topic:add', { title: topic, description: '' });
    await maria.send('phase:change', { to: 'vote' });
    await maria.send('phase:change', { to: 'discuss' });
    await maria.send('discussion:start', {});

    const context = await desktopContext(suite.browser, { locale: 'de-DE' });
    await seatBrowser(context, created.joinCode, created);
    const page = await context.newPage();
    await page.goto(`${url}/s/${created.joinCode}`);
    const forward = button(page, 'Weiter: Abschluss');
    await forward.click();

    const question = page.getByRole('alertdialog', { name: 'Diskussion beenden?' });
    await question.waitFor({ timeout: 10_000 });
    expect(await question.innerText()).toContain(topic);
    // The question has the focus, so a keyboard or screen-reader user is in it at once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') !== null))
      .toBe(true);
    // Escape keeps the discussion and returns to the button that asked.
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => forward.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(maria.mirror.state?.phase).toBe('discuss');

    await forward.click();
    await click(question, 'Ja, Diskussion beenden');
    await button(page, 'Weiter: Beendet').waitFor({ timeout: 10_000 });
    expect(maria.mirror.state?.topics[0]?.status).toBe('discussed');
    maria.close();
  });
});
