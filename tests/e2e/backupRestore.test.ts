import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext } from '../support/browser.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { joinTeamSpace, openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';
import { createSessionOverHttp, TestClient } from '../support/serverClients.ts';

const shots = process.env.RUNDE_SHOTS;

/**
 * Issue 13, "no backup a team can hold": a facilitator downloads the team space as a JSON backup
 * from the minutes page, restores it on the start page of the same installation, and lands in the
 * new space as its facilitator, seeing the same tensions under a new code.
 */
describe('backup and restore in the browser', () => {
  const suite = browserSuite('e2e-backup');

  it(
    'downloads the backup, restores it from the start page and opens the new space',
    { timeout: 120_000 },
    async () => {
      const url = suite.app.server.url;
      const { created, facilitator } = await openTeamSpace(url, 'Jugendhilfeplanung', 'Aylin');
      const ben = await joinTeamSpace(url, created.sessionId, 'Ben');
      await ben.addTension('Aktenablage ist unklar');
      await facilitator.addTension('Urlaubsplanung für den Sommer');
      await facilitator.run('meeting:start', { room: 'operational' });
      await facilitator.run('meeting:end', {});

      const context = await desktopContext(suite.browser, { locale: 'de-DE' });
      await seatBrowser(context, created.joinCode, facilitator.seat);
      const page = await context.newPage();
      await page.goto(`${url}/t/${created.joinCode}/minutes`);
      await page.getByRole('button', { name: 'Sicherung herunterladen (JSON)', exact: true }).waitFor();
      await screens(page, 'backup-minutes');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        click(page, 'Sicherung herunterladen (JSON)'),
      ]);
      const dir = mkdtempSync(join(tmpdir(), 'runde-backup-'));
      try {
        const file = join(dir, download.suggestedFilename());
        await download.saveAs(file);
        expect(download.suggestedFilename()).toMatch(
          new RegExp(`^runde-backup-team-${created.joinCode}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
        );
        const text = readFileSync(file, 'utf8');
        expect(JSON.parse(text)).toMatchObject({ format: 'runde-export', version: 1, kind: 'team-space' });
        expect(text).not.toContain(facilitator.seat.token);

        await page.goto(`${url}/`);
        await page.getByLabel('Sicherungsdatei (JSON)').setInputFiles(file);
        await page.waitForURL(
          (address) => /\/t\/[A-Z0-9]{6}$/.test(address.pathname) && !address.pathname.endsWith(created.joinCode),
        );
        const newCode = new URL(page.url()).pathname.slice(-6);
        expect(newCode).not.toBe(created.joinCode);
        await page.getByText('Aktenablage ist unklar').first().waitFor();
        await page.getByText('Urlaubsplanung für den Sommer').first().waitFor();
        // The importer facilitates: the facilitator's controls are there.
        await page.getByRole('button', { name: 'Meeting starten', exact: true }).first().waitFor();

        // A file that is not a backup gets a clear German message and opens nothing.
        const broken = join(dir, 'notizen.json');
        writeFileSync(broken, '{"hallo": "welt"}');
        await page.goto(`${url}/`);
        await page.getByLabel('Sicherungsdatei (JSON)').setInputFiles(broken);
        await expect
          .poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 })
          .toBe('Die Datei ist keine Runde-Sicherung.');
        await screens(page, 'backup-start-error');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await context.close();
      }
    },
  );

  it('downloads a Lean Coffee from its summary and restores it as a new session', { timeout: 120_000 }, async () => {
    const url = suite.app.server.url;
    const created = await createSessionOverHttp(url, { title: 'Teamrunde Sozialplanung', facilitatorName: 'Fatma' });
    const fatma = await TestClient.connect(url, created);
    expect((await fatma.send('topic:add', { title: 'Haushalt 2027', description: '' })).ok).toBe(true);
    fatma.close();

    const context = await desktopContext(suite.browser, { locale: 'de-DE' });
    await seatBrowser(context, created.joinCode, created);
    const page = await context.newPage();
    await page.goto(`${url}/s/${created.joinCode}/summary`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      click(page, 'Sicherung herunterladen (JSON)'),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'runde-backup-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kind: 'lean-coffee' });
      await page.goto(`${url}/`);
      await page.getByLabel('Sicherungsdatei (JSON)').setInputFiles(file);
      await page.waitForURL(
        (address) => /\/s\/[A-Z0-9]{6}$/.test(address.pathname) && !address.pathname.endsWith(created.joinCode),
      );
      await page.getByText('Haushalt 2027').first().waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await context.close();
    }
  });
});

/** The changed screen, German, at a phone's and a laptop's size, when RUNDE_SHOTS asks for pictures. */
async function screens(page: Page, name: string): Promise<void> {
  if (!shots) return;
  const size = page.viewportSize();
  for (const [width, height] of [
    [360, 640],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}-de.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}
