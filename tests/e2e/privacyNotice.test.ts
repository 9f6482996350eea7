import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { phoneContext } from '../support/browser.ts';
import { messages, type TestLanguage } from '../support/messages.ts';
import { browserSuite, settled } from '../support/browserSuite.ts';

const locales: Record<TestLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/** With RUNDE_SHOTS set to a folder, the whole notice at a phone's and a laptop's size. */
async function shoot(page: Page, name: string): Promise<void> {
  const folder = process.env.RUNDE_SHOTS;
  if (!folder) return;
  for (const [width, height] of [
    [360, 640],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(folder, `${name}-${width}x${height}.png`) });
    await page.screenshot({ path: join(folder, `${name}-${width}x${height}-full.png`), fullPage: true });
  }
}

/**
 * Issue 13: a privacy notice template (Art. 13 GDPR) beside the accessibility statement, reached
 * from every page's footer, its operator's gaps marked, in German and English, with no axe finding.
 */
describe.each(['de', 'en'] as const)('the privacy notice in %s', (language) => {
  const M = messages[language];
  const suite = browserSuite(`e2e-privacy-${language}`);

  it('opens from the start page’s footer, says how long and how to delete', { timeout: 60_000 }, async () => {
    const context = await phoneContext(suite.browser, { locale: locales[language] });
    const page = await context.newPage();
    await page.goto(suite.app.server.url);
    await page.getByRole('contentinfo').getByRole('link', { name: M.footer.privacy, exact: true }).click();

    await page.getByRole('heading', { level: 1, name: M.privacy.heading, exact: true }).waitFor();
    expect(await page.title()).toBe(M.privacy.pageTitle);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);

    const section = (heading: string) => page.getByRole('region', { name: heading, exact: true });
    const retention = section(M.privacy.retention.heading);
    const deletion = section(M.privacy.deletion.heading);
    await retention.waitFor();
    await deletion.waitFor();

    // The periods are the operator's to set: marked, and named as placeholders for screen readers.
    // playwright-core's role list lacks `mark`; the element is the marking itself.
    const period = retention.locator('mark').first();
    expect(await period.innerText()).toContain('[30]');
    expect(await period.textContent()).toBe(`${M.privacy.placeholder}: [30]`);

    // The notice names the delete controls as the screens name them, so a reader can find them.
    const deletionText = await deletion.innerText();
    for (const label of [
      M.settings.heading,
      M.deletion.start['lean-coffee'],
      M.space.settings.heading,
      M.deletion.start['team-space'],
    ]) {
      expect(deletionText).toContain(label);
    }

    // What the notice promises: no cookies, and nothing outside Runde's own keys in storage.
    expect(await context.cookies()).toEqual([]);
    const stored = await page.evaluate(() => Object.keys(localStorage));
    expect(stored.filter((key) => !key.startsWith('runde:'))).toEqual([]);

    await settled(page);
    expect(formatViolations(`privacy notice [${language}]`, await axeViolations(page))).toBe('');
    await page.emulateMedia({ colorScheme: 'dark' });
    await settled(page);
    expect(formatViolations(`privacy notice, dark [${language}]`, await axeViolations(page))).toBe('');
    await page.emulateMedia({ colorScheme: 'light' });

    await shoot(page, `privacy-${language}`);
  });
});
