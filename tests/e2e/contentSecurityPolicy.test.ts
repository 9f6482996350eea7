import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext, projectorContext, takePolicyReports } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp } from '../support/serverClients.ts';
import { seatBrowser } from '../support/remoteSeat.ts';

/**
 * Finding 7 of issue 11: the pages run under a Content-Security-Policy without 'unsafe-inline'.
 * The policy is enforced (an injected script is refused), and every kind of page still works
 * under it, on screen and in print. `browserSuite` fails any test whose pages report a violation,
 * so the other browser tests (QR codes, downloads, projectors, offline) check the same.
 */
describe('the Content-Security-Policy of the web app', () => {
  const suite = browserSuite('e2e-csp');

  it('refuses a script or style attribute injected into a page, and reports it', async () => {
    const page = await (await desktopContext(suite.browser)).newPage();
    await page.goto(suite.app.server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      document.body.setAttribute('style', 'background: red');
      // Violation events are queued as a task: let them fire before looking.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    const reports = takePolicyReports();
    expect(reports.some((r) => r.startsWith('CSP script-src-elem blocked inline'))).toBe(true);
    expect(reports.some((r) => r.startsWith('CSP style-src-attr blocked inline'))).toBe(true);
  });

  it('lets every kind of page render, on screen and in print', { timeout: 120_000 }, async () => {
    const url = suite.app.server.url;
    const leanCoffee = await createSessionOverHttp(url, { title: 'Policy check', facilitatorName: 'Maria' });
    const space = await createTeamSpaceOverHttp(url, { title: 'Bauamt Team', facilitatorName: 'Aylin' });

    /** Opens a path, waits for its first heading, then looks at it as printed too. */
    async function visit(context: BrowserContext, path: string) {
      const page = await context.newPage();
      await page.goto(`${url}${path}`);
      await page.getByRole('heading').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      await page.getByRole('heading').first().waitFor();
      await page.close();
    }

    const visitor = await phoneContext(suite.browser);
    for (const path of ['/', '/join', '/accessibility', `/j/${leanCoffee.joinCode}`, '/no/such/page']) {
      await visit(visitor, path);
    }

    // The facilitator links take their seats; the boards show the join QR code.
    const maria = await desktopContext(suite.browser);
    const board = await maria.newPage();
    await board.goto(leanCoffee.facilitatorUrl.replace(/^https?:\/\/[^/]+/, url));
    await board
      .getByRole('img', { name: /^QR code to join/ })
      .first()
      .waitFor();
    await board.getByRole('button', { name: 'Show full screen' }).click();
    await board
      .getByRole('dialog')
      .getByRole('img', { name: /^QR code to join/ })
      .waitFor();
    await board.keyboard.press('Escape');
    await visit(maria, `/s/${leanCoffee.joinCode}/summary`);

    const aylin = await desktopContext(suite.browser);
    const spaceBoard = await aylin.newPage();
    await spaceBoard.goto(space.facilitatorUrl.replace(/^https?:\/\/[^/]+/, url));
    await spaceBoard.getByRole('heading', { name: 'Bauamt Team' }).first().waitFor();
    await visit(aylin, `/t/${space.joinCode}/minutes`);

    for (const [seat, path] of [
      [leanCoffee, `/s/${leanCoffee.joinCode}/projector`],
      [space, `/t/${space.joinCode}/projector`],
    ] as const) {
      const screen = await projectorContext(suite.browser);
      await seatBrowser(screen, seat.joinCode, seat);
      await visit(screen, path);
    }
  });
});
