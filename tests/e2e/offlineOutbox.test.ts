import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { joinLeanCoffee, startLeanCoffee } from '../support/leanCoffeeDriver.ts';
import { browserSuite, button, click } from '../support/browserSuite.ts';

/** With RUNDE_SHOTS set to a folder, the test leaves its pictures there for a person to look at. */
const shots = process.env.RUNDE_SHOTS;

/**
 * Issue 12, defects 1 and 2: pockets, lifts and basement rooms are offline for minutes. What a
 * phone queues while offline is kept (also across a reload), shown on the controls meanwhile and
 * sent in order when the connection is back; what the server then refuses is said plainly, and
 * the person gets the text back. The phone's clock is Playwright's, so minutes pass at once;
 * the server, the sockets and the other devices stay real.
 */
describe('a phone that is offline for minutes', () => {
  const suite = browserSuite('e2e-offline-outbox');
  // Three browsers per test on a machine other suites load too: setup alone can take a minute.
  const timeout = 180_000;

  const topicHeading = (page: Page, title: string) =>
    page.getByRole('region', { name: 'Topics' }).getByRole('heading', { name: title, exact: true });
  const voteCard = (page: Page, title: string) =>
    page.getByRole('region', { name: 'Vote' }).getByRole('listitem').filter({ hasText: title });
  const offlineBanner = (page: Page) => page.getByRole('status').filter({ hasText: 'You are offline.' });

  interface Meeting {
    maria: Page;
    ana: Page;
    anaContext: BrowserContext;
    ben: Page;
  }

  /** Maria facilitates on a laptop; Ana's phone runs on a clock the test moves; Ben watches. */
  async function meeting(topics: string[], options: { phoneSetup?: (context: BrowserContext) => Promise<void> } = {}) {
    const maria = await (await desktopContext(suite.browser)).newPage();
    const joinUrl = await startLeanCoffee(maria, suite.app.server.url, 'Jugendhilfeausschuss', 'Maria');
    const anaContext = await phoneContext(suite.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await options.phoneSetup?.(anaContext);
    const ana = await anaContext.newPage();
    await ana.clock.install();
    const ben = await (await phoneContext(suite.browser)).newPage();
    await joinLeanCoffee(ana, joinUrl, 'Ana');
    await joinLeanCoffee(ben, joinUrl, 'Ben');
    for (const title of topics) {
      await maria.getByLabel('Topic', { exact: true }).fill(title);
      await click(maria, 'Add topic');
      await topicHeading(ana, title).waitFor();
    }
    return { maria, ana, anaContext, ben } satisfies Meeting;
  }

  async function startVoting({ maria, ana }: Meeting) {
    await click(maria, 'Next: Vote');
    await ana.getByRole('heading', { name: 'Vote', exact: true }).waitFor();
  }

  /** What the card says of this phone's own votes, for a screen reader too. */
  const mine = (page: Page, title: string) => voteCard(page, title).locator('.mine').innerText();
  const votesLeft = (page: Page) => page.getByRole('status').filter({ hasText: /votes? left|votes? used/ });

  it.each([
    ['10 seconds', 10_000],
    ['90 seconds', 90_000],
    ['5 minutes', 300_000],
  ])(
    'keeps two votes cast offline for %s, shows them, and delivers them once back',
    async (_, offlineMs) => {
      const session = await meeting(['Kita-Ausbau', 'Schulwegsicherheit', 'Jugendhilfeplanung']);
      const { maria, ana, anaContext, ben } = session;
      await startVoting(session);

      await anaContext.setOffline(true);
      await offlineBanner(ana).waitFor();
      await click(ana, 'Add vote to Kita-Ausbau');
      await click(ana, 'Add vote to Schulwegsicherheit');

      const shownWhileOffline = async () => {
        // The card counts the queued vote and says it has not gone out; so does the count of votes left.
        await expect.poll(() => votesLeft(ana).innerText()).toContain('1 of 3 votes left');
        for (const title of ['Kita-Ausbau', 'Schulwegsicherheit']) {
          await voteCard(ana, title).getByText('yours: 1, not sent yet').waitFor({ state: 'attached' });
          expect(await mine(ana, title)).toContain('1');
        }
        await offlineBanner(ana).filter({ hasText: '2 changes waiting to be sent' }).waitFor();
        expect(await ana.getByRole('alert').count()).toBe(0);
      };
      await shownWhileOffline();
      await ana.clock.fastForward(offlineMs);
      await shownWhileOffline();
      if (shots) await ana.screenshot({ path: `${shots}/offline-queued-votes-${offlineMs / 1000}s.png` });

      await anaContext.setOffline(false);
      for (const page of [maria, ben]) {
        for (const title of ['Kita-Ausbau', 'Schulwegsicherheit']) {
          await voteCard(page, title).getByText('1 vote', { exact: true }).waitFor();
        }
        await voteCard(page, 'Jugendhilfeplanung').getByText('0 votes', { exact: true }).waitFor();
      }
      await offlineBanner(ana).waitFor({ state: 'detached' });
      for (const title of ['Kita-Ausbau', 'Schulwegsicherheit']) {
        await voteCard(ana, title).getByText('yours: 1', { exact: true }).waitFor({ state: 'attached' });
        expect(await voteCard(ana, title).getByText('not sent yet').count()).toBe(0);
      }
      expect(await votesLeft(ana).innerText()).toContain('1 of 3 votes left');
      // No error outlives the outage.
      expect(await ana.getByRole('alert').count()).toBe(0);
    },
    timeout,
  );

  it(
    'keeps the queue across a reload and sends it once the socket gets through',
    async () => {
      // The reload needs the page itself; the socket is what stays cut off, as on a captive network.
      let socketBlocked = false;
      const session = await meeting(['Kita-Ausbau', 'Schulwegsicherheit'], {
        phoneSetup: (context) =>
          context.routeWebSocket(/socket\.io/, (ws) => {
            if (socketBlocked) void ws.close();
            else ws.connectToServer();
          }),
      });
      const { maria, ana, anaContext } = session;
      await startVoting(session);

      await anaContext.setOffline(true);
      await offlineBanner(ana).waitFor();
      await click(ana, 'Add vote to Kita-Ausbau');
      await click(ana, 'Add vote to Kita-Ausbau');
      await voteCard(ana, 'Kita-Ausbau').getByText('yours: 2, not sent yet').waitFor({ state: 'attached' });

      socketBlocked = true;
      await anaContext.setOffline(false);
      await ana.reload();
      // The board comes from the server, so the queue shows once the seat is back: here it cannot
      // be, so the page shows what it has, which is nothing, until the socket gets through.
      socketBlocked = false;
      await ana.clock.fastForward(15_000);
      await voteCard(maria, 'Kita-Ausbau').getByText('2 votes', { exact: true }).waitFor();
      await voteCard(ana, 'Kita-Ausbau').getByText('yours: 2', { exact: true }).waitFor({ state: 'attached' });
      expect(await votesLeft(ana).innerText()).toContain('1 of 3 votes left');
      expect(await ana.getByRole('alert').count()).toBe(0);
    },
    timeout,
  );

  it(
    'hands a phase move back after a while offline, and drops the error once the connection is back',
    async () => {
      // Moves that steer the meeting are not queued for minutes (see commandUrgency.ts), but the
      // error that says so must not outlive the outage.
      const facilitatorContext = await desktopContext(suite.browser);
      const maria = await facilitatorContext.newPage();
      await maria.clock.install();
      await maria.goto(suite.app.server.url);
      await maria.getByLabel('Session title').fill('Jugendhilfeausschuss');
      await maria.getByLabel('Your name').fill('Maria');
      await click(maria, 'Start a Lean Coffee');
      await maria.getByLabel('Join link').waitFor();

      await facilitatorContext.setOffline(true);
      await offlineBanner(maria).waitFor();
      await click(maria, 'Next: Vote');
      await maria.clock.fastForward(60_000);
      const error = maria.getByRole('alert').filter({ hasText: 'The server cannot be reached right now.' });
      await error.waitFor();

      await facilitatorContext.setOffline(false);
      await offlineBanner(maria).waitFor({ state: 'detached' });
      await error.waitFor({ state: 'detached' });
      // Nothing moved behind the person's back: the phase is still the one they saw.
      await button(maria, 'Next: Vote').waitFor();
    },
    timeout,
  );

  it(
    'says plainly that a topic written offline came too late, and gives the text back',
    async () => {
      const session = await meeting(['Kita-Ausbau']);
      const { maria, ana, anaContext, ben } = session;
      const text = 'Ferienbetreuung in den Sommerferien 2027';

      await anaContext.setOffline(true);
      await offlineBanner(ana).waitFor();
      await ana.getByLabel('Topic', { exact: true }).fill(text);
      await click(ana, 'Add topic');
      // Queued: it shows in the list as not sent yet, and the field is free for the next one.
      const queued = ana.getByRole('region', { name: 'Topics' }).getByRole('listitem').filter({ hasText: text });
      await queued.getByText('Not sent yet').waitFor();
      expect(await ana.getByLabel('Topic', { exact: true }).inputValue()).toBe('');

      await ana.clock.fastForward(120_000);
      await click(maria, 'Next: Vote');
      await voteCard(ben, 'Kita-Ausbau').waitFor();
      await anaContext.setOffline(false);

      const notice = ana.getByRole('alert').filter({ hasText: 'Your topic could no longer be saved' });
      await notice.waitFor();
      expect(await notice.innerText()).toContain('This is not possible in the current phase.');
      expect(await notice.getByLabel('What you wrote').inputValue()).toBe(text);
      await click(notice, 'Copy text');
      expect(await ana.evaluate(() => navigator.clipboard.readText())).toBe(text);
      for (const page of [maria, ben]) {
        await voteCard(page, 'Kita-Ausbau').waitFor();
        expect(await voteCard(page, text).count()).toBe(0);
      }
      await click(notice, 'Close');
      await notice.waitFor({ state: 'detached' });
    },
    timeout,
  );
});
