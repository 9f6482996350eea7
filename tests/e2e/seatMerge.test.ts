import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { region } from '../support/loopMeetingDriver.ts';
import { expectAxeClean, feeOpensTeamSpace, joinAs } from '../support/seatMergeBrowser.ts';

/** The seat this browser keeps for the space (what a reload resumes). */
const storedSeat = (page: Page, code: string) =>
  page.evaluate(
    (c) =>
      (JSON.parse(localStorage.getItem('runde:seats') ?? '{}') as Record<string, { participantId: string }>)[c]
        ?.participantId,
    code,
  );

/**
 * Issue 18 in real Chromium: Ana joined a team space twice (her phone, in German, and her laptop,
 * "Ana Laptop", in English). Fee (facilitator, German) merges the laptop's seat into Ana's from the
 * member list; the laptop is told, keeps working as Ana, and a reload stays Ana.
 */
describe('merging two seats of one person', () => {
  const suite = browserSuite('e2e-seat-merge');

  it('merges from the member list; the merged device goes on as the kept seat', { timeout: 180_000 }, async () => {
    const { fee, joinUrl } = await feeOpensTeamSpace(suite);
    const code = new URL(joinUrl).pathname.split('/').at(-1) ?? '';

    const phone = await (await phoneContext(suite.browser, { locale: 'de-DE' })).newPage();
    const laptop = await (
      await phoneContext(suite.browser, { locale: 'en-GB', viewport: { width: 1280, height: 800 } })
    ).newPage();
    for (const [page, name, label, join] of [
      [phone, 'Ana', 'Ihr Name', 'Beitreten'],
      [laptop, 'Ana Laptop', 'Your name', 'Join'],
    ] as const) {
      await joinAs(page, joinUrl, name, label, join);
    }
    const anaId = await storedSeat(phone, code);
    const laptopId = await storedSeat(laptop, code);
    const laptopForm = region(laptop, 'Bring a tension');
    await laptopForm.getByLabel('Tension', { exact: true }).fill('Printer jams');
    await laptopForm.getByRole('radio', { name: 'Operational room', exact: true }).check();
    await click(laptopForm, 'Add tension');

    // Fee opens the merge for "Ana Laptop" and chooses Ana's seat; the dialog names both first.
    const members = fee.getByRole('complementary', { name: 'Mitglieder' });
    await members.getByRole('button', { name: 'Zusammenführen …: Ana Laptop' }).click();
    const dialog = fee.getByRole('dialog', { name: 'Ana Laptop zusammenführen' });
    await dialog.getByRole('radio', { name: 'Ana', exact: true }).check();
    await dialog.getByText('Ana Laptop wird mit Ana zusammengeführt.', { exact: false }).waitFor();
    await expectAxeClean(fee, 'merge dialog (de, 1280×900)');
    await click(dialog, 'Zusammenführen');
    await fee.getByRole('status').filter({ hasText: 'Ana Laptop ist jetzt mit Ana zusammengeführt.' }).waitFor();
    await expect.poll(() => members.getByRole('listitem').filter({ hasText: 'Ana Laptop' }).count()).toBe(0);
    await expectAxeClean(fee, 'member list after a merge (de)');

    // The laptop is told, stores Ana's seat and goes on as Ana: its tension is Ana's.
    await laptop.getByRole('status').filter({ hasText: 'This seat was merged into Ana.' }).waitFor();
    expect(await storedSeat(laptop, code)).toBe(anaId);
    expect(anaId).not.toBe(laptopId);
    await expectAxeClean(laptop, 'space page after the seat was merged (en)');
    await laptopForm.getByLabel('Tension', { exact: true }).fill('Keys missing');
    await laptopForm.getByRole('radio', { name: 'Operational room', exact: true }).check();
    await click(laptopForm, 'Add tension');
    await phone.getByText('Keys missing').waitFor();
    await laptop.reload();
    await laptop.getByRole('complementary', { name: 'Members' }).getByText('(you)').waitFor();
    const you = laptop
      .getByRole('complementary', { name: 'Members' })
      .getByRole('listitem')
      .filter({ hasText: '(you)' });
    await expect.poll(() => you.innerText()).toContain('Ana');
  });
});
