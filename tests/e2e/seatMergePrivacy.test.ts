import { describe, expect, it } from 'vitest';
import { phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { region } from '../support/loopMeetingDriver.ts';
import { expectAxeClean, feeOpensTeamSpace, joinAs } from '../support/seatMergeBrowser.ts';

/**
 * Issue 18, privacy: Ana (English phone) brings a tension in her individual room. Fee (facilitator,
 * German) opens "Zusammenführen …" for Ana: her own seat is not offered as the seat that stays
 * (she would read Ana's personal room), and the dialog says so and why instead of hiding it.
 */
describe('merging seats never shows the facilitator a personal room', () => {
  const suite = browserSuite('e2e-seat-merge-privacy');

  it('names the seat not offered and why; nothing of Ana’s room reaches Fee', { timeout: 180_000 }, async () => {
    const { fee, joinUrl } = await feeOpensTeamSpace(suite);

    const ana = await (await phoneContext(suite.browser, { locale: 'en-GB' })).newPage();
    await joinAs(ana, joinUrl, 'Ana', 'Your name', 'Join');
    const form = region(ana, 'Bring a tension');
    await form.getByLabel('Tension', { exact: true }).fill('Ana-secret-worry');
    await form.getByRole('radio', { name: 'Individual room', exact: true }).check();
    await click(form, 'Add tension');
    await ana.getByText('Ana-secret-worry').first().waitFor();

    const members = fee.getByRole('complementary', { name: 'Mitglieder' });
    await members.getByRole('button', { name: 'Zusammenführen …: Ana' }).click();
    const dialog = fee.getByRole('dialog', { name: 'Ana zusammenführen' });
    const withheld = dialog.getByRole('list', { name: 'Nicht angeboten' });
    await expect.poll(() => withheld.getByRole('listitem').allInnerTexts()).toEqual(['Fee']);
    await dialog.getByText('Sie haben einen der beiden Plätze.', { exact: false }).waitFor();
    // No seat to choose, so nothing to send.
    expect(await dialog.getByRole('radio').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Zusammenführen', exact: true }).count()).toBe(0);
    await expectAxeClean(fee, 'merge dialog with a seat not offered (de)');
    expect(await fee.content()).not.toContain('Ana-secret-worry');
    await click(dialog, 'Abbrechen');
    await members.getByRole('button', { name: 'Zusammenführen …: Ana' }).waitFor();
  });
});
