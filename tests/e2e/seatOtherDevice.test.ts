import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { desktopContext, phoneContext } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { fill, messages } from '../support/messages.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp, joinOverHttp } from '../support/serverClients.ts';

const shots = process.env.RUNDE_SHOTS;

const cases = [
  { language: 'de', locale: 'de-DE', kind: 'lean-coffee', path: 's', open: createSessionOverHttp },
  { language: 'en', locale: 'en-GB', kind: 'team-space', path: 't', open: createTeamSpaceOverHttp },
] as const;

/** The seat stored on this device for the code, as the board reads it. */
const storedSeat = (page: Page, code: string) =>
  page.evaluate(
    (c) =>
      (
        JSON.parse(localStorage.getItem('runde:seats') ?? '{}') as Record<string, { participantId: string } | undefined>
      )[c]?.participantId ?? null,
    code,
  );

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(formatViolations(where, await axeViolations(page))).toBe('');
}

/**
 * Issue 18: a seat on more than one device. Ana copies her seat to a second phone and both act as
 * her; the second phone is removed from the device list and is told why; a move takes the seat
 * from the phone that made the link; a facilitator re-issues Ana's link for a lost phone and her
 * other devices are signed out. Both kinds, one in German and one in English, on phones (360×640,
 * 390×844) and a 1280×720 laptop.
 */
describe.each(cases)('a seat on another device ($kind, $language)', ({ language, locale, kind, path, open }) => {
  const suite = browserSuite(`e2e-seat-device-${path}`);
  const m = messages[language];
  const seats = m.seats;

  async function phone(browser: Browser, size: 'small' | 'large'): Promise<BrowserContext> {
    const viewport = size === 'small' ? { width: 360, height: 640 } : { width: 390, height: 844 };
    return phoneContext(browser, { locale, viewport });
  }

  /** Waits until this page shows the board as Ana (her seat works here). */
  const seatedAsAna = (page: Page) =>
    page.getByText(fill(m.board.youAre, { name: 'Ana' })).waitFor({ timeout: 15_000 });

  /** Adds a topic (Lean Coffee) or a tension (team space) as this device's seat, and waits for it. */
  async function act(page: Page, title: string): Promise<void> {
    const field = kind === 'lean-coffee' ? m.topicForm.title : m.space.tensionForm.title;
    const submit = kind === 'lean-coffee' ? m.topicForm.submit : m.space.tensionForm.submit;
    await page.getByLabel(field, { exact: true }).fill(title);
    await page.getByRole('button', { name: submit, exact: true }).click();
    await page.getByText(title, { exact: true }).first().waitFor({ timeout: 15_000 });
  }

  async function openDialog(page: Page): Promise<Locator> {
    await page.getByRole('button', { name: m.seat.otherDevice, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: seats.dialog.heading });
    await dialog.waitFor();
    return dialog;
  }

  /** Makes a link in the dialog and returns it, pointed at the app under test. */
  async function makeLink(dialog: Locator, mode: 'copy' | 'move'): Promise<string> {
    await dialog.getByRole('radio', { name: seats.mode[mode] }).check();
    await dialog.getByRole('button', { name: seats.mode.create, exact: true }).click();
    await dialog.getByRole('img', { name: seats.link.qrLabel }).waitFor();
    return dialog.getByRole('textbox', { name: seats.link.label }).inputValue();
  }

  /** Waits until this page says it lost its seat for `reason`, and has forgotten it. */
  async function toldSeatEnded(page: Page, code: string, reason: 'moved' | 'revoked'): Promise<void> {
    await page.getByRole('heading', { name: m.seats.ended.heading }).waitFor({ timeout: 15_000 });
    await page.getByText(m.seats.ended[reason]).waitFor();
    await page.getByRole('link', { name: m.seats.ended.joinAgain }).waitFor();
    expect(await storedSeat(page, code)).toBeNull();
  }

  it('copies, removes, moves and re-issues a seat', { timeout: 240_000 }, async () => {
    const url = suite.app.server.url;
    const created = await open(url, { title: 'Stadtteilrunde', facilitatorName: 'Fee' });
    const code = created.joinCode;
    const anaSeat = await joinOverHttp(url, created.sessionId, 'Ana');
    const board = `${url}/${path}/${code}`;

    // Ana's phone: "Use on another device" beside her name, a copy link with its QR code.
    const phoneAContext = await phone(suite.browser, 'large');
    await seatBrowser(phoneAContext, code, anaSeat);
    const phoneA = await phoneAContext.newPage();
    await phoneA.goto(board);
    await seatedAsAna(phoneA);
    let dialog = await openDialog(phoneA);
    expect(await dialog.getByRole('radio', { name: seats.mode.copy }).isChecked()).toBe(true);
    await expectAxeClean(phoneA, `the "use on another device" dialog (${kind})`);
    const copyLink = (await makeLink(dialog, 'copy')).replace(/^https?:\/\/[^/]+/, url);
    expect(copyLink).toMatch(new RegExp(`/${path}/${code}/device#seat=[A-Za-z0-9_-]{20,}$`));
    await expectAxeClean(phoneA, `the dialog with its link (${kind})`);
    if (shots) await phoneA.screenshot({ path: `${shots}/seat-dialog-${path}-${language}.png` });
    await dialog.getByRole('button', { name: seats.dialog.close, exact: true }).click();

    // The second phone opens it and is Ana too: both act as her.
    const phoneB = await (await phone(suite.browser, 'small')).newPage();
    await phoneB.goto(copyLink);
    await seatedAsAna(phoneB);
    expect(await storedSeat(phoneB, code)).toBe(anaSeat.participantId);
    expect(phoneB.url()).not.toContain('#seat=');
    await act(phoneA, 'Schichtplan für den Sommer');
    await act(phoneB, 'Neue Räume im Bürgerhaus');
    await phoneA.getByText('Neue Räume im Bürgerhaus', { exact: true }).first().waitFor({ timeout: 15_000 });

    // The link opens once: a third device is refused, and the page says so (axe clean).
    const third = await (await phone(suite.browser, 'large')).newPage();
    await third.goto(copyLink);
    await third.getByText(seats.page.invalid).waitFor({ timeout: 15_000 });
    await third.getByRole('link', { name: seats.page.joinInstead }).waitFor();
    await expectAxeClean(third, `the device page refusing a used link (${kind})`);
    expect(await storedSeat(third, code)).toBeNull();

    // Phone A lists both devices, itself marked, and removes phone B, which is told why.
    dialog = await openDialog(phoneA);
    const devices = dialog.getByRole('region', { name: seats.devices.heading });
    await devices.getByRole('listitem').nth(1).waitFor();
    expect(await devices.getByRole('listitem').count()).toBe(2);
    expect(await devices.getByRole('listitem').filter({ hasText: seats.devices.current }).count()).toBe(1);
    await devices
      .getByRole('listitem')
      .filter({ hasNotText: seats.devices.current })
      // Headless Chromium names itself by its brands: "Chromium · Linux" or "Chrome · Linux".
      .getByRole('button', { name: new RegExp(`^${seats.devices.remove}: Chrom(e|ium) · Linux, `) })
      .click();
    await devices.getByText(seats.devices.removed).waitFor();
    await toldSeatEnded(phoneB, code, 'revoked');
    expect(await devices.getByRole('listitem').count()).toBe(1);

    // A move: phone B takes the seat back, and phone A loses it and says why.
    const moveLink = (await makeLink(dialog, 'move')).replace(/^https?:\/\/[^/]+/, url);
    await phoneB.goto(moveLink);
    await seatedAsAna(phoneB);
    await toldSeatEnded(phoneA, code, 'moved');
    expect(await phoneA.getByRole('dialog', { name: seats.dialog.heading }).isVisible()).toBe(false);

    // Ana's phone B is lost: Fee re-issues her link on the laptop; opening it signs phone B out.
    const laptopContext = await desktopContext(suite.browser, { locale, viewport: { width: 1280, height: 720 } });
    await seatBrowser(laptopContext, code, created);
    const laptop = await laptopContext.newPage();
    await laptop.goto(board);
    await laptop.getByRole('button', { name: fill(m.seat.reissueLabel, { name: 'Ana' }), exact: true }).click();
    const reissue = laptop.getByRole('dialog', { name: fill(seats.reissue.heading, { name: 'Ana' }) });
    await reissue.waitFor();
    const signOut = reissue.getByRole('checkbox', { name: fill(seats.reissue.revokeOthers, { name: 'Ana' }) });
    expect(await signOut.isChecked()).toBe(true);
    await expectAxeClean(laptop, `the re-issue dialog (${kind})`);
    expect(await laptop.getByRole('button', { name: fill(m.seat.reissueLabel, { name: 'Fee' }) }).count()).toBe(0);
    await reissue.getByRole('button', { name: seats.reissue.create, exact: true }).click();
    const reissued = (await reissue.getByRole('textbox', { name: seats.link.label }).inputValue()).replace(
      /^https?:\/\/[^/]+/,
      url,
    );
    const newPhone = await (await phone(suite.browser, 'large')).newPage();
    await newPhone.goto(reissued);
    await seatedAsAna(newPhone);
    expect(await storedSeat(newPhone, code)).toBe(anaSeat.participantId);
    await toldSeatEnded(phoneB, code, 'revoked');
  });
});
