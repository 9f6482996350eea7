import type { Browser } from 'playwright-core';
import { createTeamSpaceOverHttp, joinOverHttp } from '../support/serverClients.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { click, contextFor, shoot } from './shots.ts';

/**
 * Issue 18's "Use on another device" on a phone: Jonas of the team space "Jugendhilfeplanung Kreis
 * Lippe" has his seat on his laptop too (a copy opened there before), and makes a link for his new
 * phone: the copy-or-move choice made, the QR code and the link, his two devices below.
 */
export async function seatDevices(browser: Browser, base: string): Promise<void> {
  const space = await createTeamSpaceOverHttp(base, {
    title: 'Jugendhilfeplanung Kreis Lippe',
    facilitatorName: 'Sabine',
  });
  const jonas = await joinOverHttp(base, space.sessionId, 'Jonas');
  const phoneContext = await contextFor(browser, 'seat-phone-other-device.png', { locale: 'de-DE', mobile: true });
  await seatBrowser(phoneContext, space.joinCode, jonas);
  const phone = await phoneContext.newPage();
  await phone.goto(`${base}/t/${space.joinCode}`);

  // The laptop first, so the list shows two devices.
  await click(phone, 'Auf anderem Gerät nutzen');
  const dialog = phone.getByRole('dialog', { name: 'Auf einem anderen Gerät nutzen' });
  await click(dialog, 'Link erstellen');
  const first = await dialog.getByRole('textbox', { name: 'Persönlicher Link' }).inputValue();
  const laptop = await (
    await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 720 } })
  ).newPage();
  await laptop.goto(first.replace(/^https?:\/\/[^/]+/, base));
  await laptop.getByText('Sie sind Jonas').waitFor();
  await laptop.context().close();
  await click(dialog, 'Schließen');

  await click(phone, 'Auf anderem Gerät nutzen');
  await dialog
    .getByRole('button', { name: /^Entfernen: / })
    .nth(1)
    .waitFor();
  await click(dialog, 'Link erstellen');
  await dialog.getByRole('img', { name: 'QR-Code des persönlichen Links' }).waitFor();
  await shoot(phone, 'seat-phone-other-device.png');
  await phoneContext.close();
}
