import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type Ack, type CommandResult, type CreateSessionResponse, type Seat } from '@runde/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from '../support/appServer.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { desktopContext, launchBrowser, phoneContext, takePolicyReports } from '../support/browser.ts';
import { sweepSizes } from '../support/screenChecks.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidcProvider.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp, type ClientSocket } from '../support/serverClients.ts';

/**
 * Issue 18, single sign-on on the web: a real identity provider (oidc-provider on loopback), the
 * app configured with it, real Chromium. Ana (in the facilitator group) requires sign-in for her
 * team space and is one member on two devices; Ben (not in the group) gets in but cannot
 * facilitate; a device without a sign-in is shown the sign-in screen, also after signing out.
 */
describe('single sign-on in a team space', () => {
  let idp: TestOidcProvider;
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    idp = await startOidcProvider();
    app = await startAppUnderTest('e2e-sign-in', { config: { oidc: idp.appConfig() } });
    idp.allowRedirect(`${app.server.url}/api/auth/callback`);
    browser = await launchBrowser();
  });
  afterEach(() => {
    expect(takePolicyReports(), 'CSP violations or policy header errors').toEqual([]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await idp?.close();
  });

  const url = () => app.server.url;
  const laptop = async (locale: string) => {
    const context = await desktopContext(browser, { locale, viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    return context;
  };
  const phone = async (locale: string, viewport = { width: 390, height: 844 }) => {
    const context = await phoneContext(browser, { locale, viewport });
    contexts.push(context);
    return context;
  };

  /** The seat this page's device stores for the code, as the web app keeps it. */
  const storedSeat = (page: Page, code: string) =>
    page.evaluate((c) => {
      const seats = JSON.parse(localStorage.getItem('runde:seats') ?? '{}') as Record<string, Seat | undefined>;
      return seats[c] ?? null;
    }, code);

  /** At the provider's page (no form in the test provider): signs in as `user` and waits to be back. */
  async function atProvider(page: Page, user: string) {
    await page.getByRole('link', { name: `Sign in as ${user}`, exact: true }).click();
    await page.waitForURL((where) => where.origin === url());
  }

  /** Gives a fresh browser this seat once (not on every load: signing in replaces it). */
  async function holdSeat(page: Page, code: string, seat: Seat) {
    await page.goto(`${url()}/j/${code}?reason=sign-in`);
    await page.evaluate(
      ([c, held]) => localStorage.setItem('runde:seats', JSON.stringify({ [c]: { ...held, savedAt: Date.now() } })),
      [code, { sessionId: seat.sessionId, participantId: seat.participantId, token: seat.token }] as const,
    );
  }

  /** Waits for the board after signing in; a page that stays elsewhere says what it shows. */
  async function onBoard(page: Page, code: string, kind: 't' | 's' = 't') {
    await page.waitForURL(`${url()}/${kind}/${code}`).catch(async (error: unknown) => {
      throw new Error(`still at ${page.url()}: ${await page.locator('body').innerText()}`, { cause: error });
    });
  }

  /** What the people and the test typed: the screen checks do not take it for a raw message key. */
  const typed = ['Stadtteilrat Nord', 'runde-moderation', 'Ana', 'Ana Admin', 'Ben Member', 'Test SSO'];

  /** axe, and the phones' and the laptop's sizes (nothing cut off or wider than the screen). */
  async function expectAxeClean(page: Page, where: string) {
    const violations = await axeViolations(page);
    expect(violations, formatViolations(where, violations)).toEqual([]);
    expect(await sweepSizes(page, where, { typed })).toEqual([]);
  }

  const members = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true });

  /** Ana's browser's cookie and her seat's token on a raw socket, to try what the page does not offer. */
  async function rawSocket(context: BrowserContext, seat: Seat): Promise<ClientSocket> {
    const cookie = (await context.cookies(url())).map((c) => `${c.name}=${c.value}`).join('; ');
    const socket: ClientSocket = io(url(), {
      auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it(
    'binds one member to a sign-in on every device, lets the group decide who facilitates, and asks anyone else to sign in',
    { timeout: 180_000 },
    async () => {
      const created: CreateSessionResponse = await createTeamSpaceOverHttp(url(), {
        title: 'Stadtteilrat Nord',
        facilitatorName: 'Ana',
      });
      const code = created.joinCode;

      // Ana, on the laptop the space was opened on, signs in from the settings, then requires sign-in.
      const anaLaptop = await (await laptop('de-DE')).newPage();
      await holdSeat(anaLaptop, code, created);
      await anaLaptop.goto(`${url()}/t/${code}`);
      await anaLaptop.getByText('Einstellungen des Teamraums', { exact: true }).click();
      await expect.poll(() => anaLaptop.getByLabel('Anmeldung verlangen').isDisabled()).toBe(true);
      await anaLaptop.getByRole('link', { name: 'Anmelden mit Test SSO', exact: true }).click();
      await atProvider(anaLaptop, 'ana');
      await onBoard(anaLaptop, code);
      await anaLaptop.getByText('Angemeldet als Ana Admin', { exact: true }).waitFor();
      expect((await storedSeat(anaLaptop, code))?.participantId).toBe(created.participantId);

      await anaLaptop.getByText('Einstellungen des Teamraums', { exact: true }).click();
      await anaLaptop.getByLabel('Anmeldung verlangen').check();
      await anaLaptop.getByLabel('Gruppe, die moderiert (freiwillig)').fill('runde-moderation');
      await anaLaptop.getByRole('button', { name: 'Anmeldung speichern', exact: true }).click();
      await anaLaptop.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
      await expectAxeClean(anaLaptop, 'settings with sign-in required (laptop, de)');

      // A device without a sign-in: the join page offers the provider, no name form.
      const anaPhonePage = await (await phone('de-DE')).newPage();
      await anaPhonePage.goto(`${url()}/t/${code}`);
      const signInLink = anaPhonePage.getByRole('link', { name: 'Anmelden mit Test SSO', exact: true });
      await signInLink.waitFor();
      expect(await anaPhonePage.getByRole('textbox', { name: 'Ihr Name' }).count()).toBe(0);
      await expectAxeClean(anaPhonePage, 'join page of a space that requires sign-in (phone, de)');

      // Ana on her phone is the same member, not a second Ana.
      await signInLink.click();
      await atProvider(anaPhonePage, 'ana');
      await onBoard(anaPhonePage, code);
      const anaOnPhone = members(anaPhonePage, 'Mitglieder');
      await anaOnPhone.getByRole('listitem').filter({ hasText: 'Ana' }).waitFor();
      expect(await anaOnPhone.getByRole('listitem').count()).toBe(1);
      expect((await storedSeat(anaPhonePage, code))?.participantId).toBe(created.participantId);

      // Ben signs in (English, small phone) and is a member, but not a facilitator.
      const benContext = await phone('en-GB', { width: 360, height: 640 });
      const benPage = await benContext.newPage();
      await benPage.goto(`${url()}/j/${code}`);
      await expectAxeClean(benPage, 'join page of a space that requires sign-in (phone, en)');
      await benPage.getByRole('link', { name: 'Sign in with Test SSO', exact: true }).click();
      await atProvider(benPage, 'ben');
      await onBoard(benPage, code);
      await benPage.getByText('Signed in as Ben Member', { exact: true }).waitFor();
      await members(benPage, 'Members').getByRole('listitem').filter({ hasText: 'Ben Member' }).waitFor();
      await benPage.getByText('No meeting is running; the facilitator starts one.', { exact: true }).waitFor();
      expect(await benPage.getByText('Team space settings', { exact: true }).count()).toBe(0);
      await expectAxeClean(benPage, "a member's board with who is signed in (phone, en)");
      expect(await benPage.getByRole('region', { name: 'Start a meeting', exact: true }).count()).toBe(0);
      const benSeat = await storedSeat(benPage, code);
      if (!benSeat) throw new Error('Ben has no seat');

      // Ana's list has two members, one Ana; and no button makes Ben a facilitator, nor does the server.
      const anaList = members(anaLaptop, 'Mitglieder');
      await anaList.getByRole('listitem').filter({ hasText: 'Ben Member' }).waitFor();
      expect(await anaList.getByRole('listitem').count()).toBe(2);
      expect(await anaList.getByRole('listitem').filter({ hasText: 'Ana' }).count()).toBe(1);
      expect(await anaLaptop.getByRole('button', { name: 'Zur Co-Moderation machen: Ben Member' }).count()).toBe(0);
      const anaSeat = await storedSeat(anaLaptop, code);
      if (!anaSeat) throw new Error('Ana has no seat');
      const anaSocket = await rawSocket(anaLaptop.context(), anaSeat);
      const promoted = await (
        anaSocket.timeout(5_000).emitWithAck as (...args: unknown[]) => Promise<Ack<CommandResult>>
      )(
        'participant:set-role',
        { participantId: benSeat.participantId, role: 'facilitator' },
        { commandId: randomUUID() },
      );
      expect(promoted).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // Ben's seat on a browser that never signed in: the board sends it to sign in.
      const stranger = await (await laptop('en-GB')).newPage();
      await holdSeat(stranger, code, benSeat);
      await stranger.goto(`${url()}/t/${code}`);
      await stranger.waitForURL(`${url()}/j/${code}?reason=sign-in`);
      await stranger.getByText('Please sign in to carry on.', { exact: true }).waitFor();
      await stranger.getByRole('link', { name: 'Sign in with Test SSO', exact: true }).waitFor();

      // A failed sign-in says why.
      await stranger.goto(`${url()}/j/${code}/sign-in#signin-error=denied`);
      await stranger.getByRole('alert').filter({ hasText: 'The sign-in was cancelled or refused.' }).waitFor();
      await expectAxeClean(stranger, 'sign-in refused (laptop, en)');

      // Ana signs out on her phone: back to the sign-in screen, her phone's seat gone.
      await anaPhonePage.getByRole('button', { name: 'Abmelden', exact: true }).click();
      await anaPhonePage.waitForURL((where) => where.origin !== url() || where.pathname === `/j/${code}`);
      if (new URL(anaPhonePage.url()).origin !== url()) {
        // The provider's own sign-out asks once; then this device comes back to the space's link.
        await anaPhonePage.getByRole('button', { name: /sign me out/i }).click();
        await anaPhonePage.waitForLoadState();
        await anaPhonePage.goto(`${url()}/t/${code}`);
      }
      await anaPhonePage.getByRole('link', { name: 'Anmelden mit Test SSO', exact: true }).waitFor();
      expect(await storedSeat(anaPhonePage, code)).toBeNull();
      // The laptop's sign-in is its own: Ana is still there.
      await anaLaptop.reload();
      await anaLaptop.getByText('Angemeldet als Ana Admin', { exact: true }).waitFor();
    },
  );

  it('lets the facilitator of a Lean Coffee require sign-in from its settings', { timeout: 120_000 }, async () => {
    const created = await createSessionOverHttp(url(), { title: 'Teamfrühstück', facilitatorName: 'Ana' });
    const code = created.joinCode;
    const board = await (await laptop('de-DE')).newPage();
    await holdSeat(board, code, created);
    await board.goto(`${url()}/s/${code}`);
    await board.getByText('Einstellungen', { exact: true }).click();
    await board.getByRole('link', { name: 'Anmelden mit Test SSO', exact: true }).click();
    await atProvider(board, 'ana');
    await onBoard(board, code, 's');
    await board.getByText('Angemeldet als Ana Admin', { exact: true }).waitFor();
    await board.getByText('Einstellungen', { exact: true }).click();
    await board.getByLabel('Anmeldung verlangen').check();
    await board.getByRole('button', { name: 'Anmeldung speichern', exact: true }).click();
    await board.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    const newcomer = await (await phone('en-GB')).newPage();
    await newcomer.goto(`${url()}/s/${code}`);
    await newcomer.getByRole('link', { name: 'Sign in with Test SSO', exact: true }).waitFor();
    expect(await newcomer.getByRole('textbox', { name: 'Your name' }).count()).toBe(0);
  });
});
