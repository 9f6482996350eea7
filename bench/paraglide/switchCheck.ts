// Spike for issue 14 item 8: switches the language on the (paraglide) join page and then on the (i18next) board,
// and reports whether the page reloaded, what it downloaded for the switch, and how long until the new text showed.
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createApp, createLogger, loadWebHandler, MemorySessionStore } from '@runde/server';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.mjs';

const webHandler = await loadWebHandler();
if (!webHandler) throw new Error('web/build is missing');
const runde = createApp({
  store: new MemorySessionStore({ retentionMs: 3_600_000 }),
  webHandler,
  logger: createLogger('silent'),
});
await new Promise<void>((resolve) => runde.httpServer.listen(0, '127.0.0.1', () => resolve()));
const baseUrl = `http://127.0.0.1:${(runde.httpServer.address() as AddressInfo).port}`;
const created = await fetch(`${baseUrl}/api/sessions`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'Switch', facilitatorName: 'Fa' }),
});
const { joinUrl } = (await created.json()) as { joinUrl: string };
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
let page0: import('playwright-core').Page | undefined;
try {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  page.on('console', (message) => console.log('console:', message.type(), message.text().slice(0, 200)));
  page.on('pageerror', (error) => console.log('pageerror:', String(error).slice(0, 300)));
  page0 = page;
  let loads = 0;
  page.on('load', () => (loads += 1));
  const downloads: { url: string; gzip: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    downloads.push({
      url: new URL(response.url()).pathname,
      gzip: gzipSync(await response.body(), { level: 9 }).length,
    });
  });
  const switchOn = async (screen: string, waitFor: () => Promise<void>) => {
    downloads.length = 0;
    const before = loads;
    const started = performance.now();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await waitFor();
    const ms = Math.round(performance.now() - started);
    await page.waitForTimeout(300);
    console.log(JSON.stringify({ screen, reloaded: loads !== before, ms, downloads }));
  };
  await page.goto(joinUrl);
  await page.getByLabel('Ihr Name', { exact: true }).waitFor();
  await switchOn('join', () => page.getByLabel('Your name', { exact: true }).waitFor());
  // A fresh phone for the board (the choice of language is stored on the device).
  await context.clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.goto(joinUrl);
  await page.getByLabel('Ihr Name', { exact: true }).waitFor();
  await page.getByLabel('Ihr Name', { exact: true }).fill('Switch');
  await page.getByRole('button', { name: 'Beitreten', exact: true }).click();
  await page.getByRole('region', { name: 'Themen', exact: true }).waitFor();
  await switchOn('board', () => page.getByRole('region', { name: 'Topics', exact: true }).waitFor());
} catch (error) {
  console.error(String(error).slice(0, 200));
  console.error(page0?.url(), await page0?.locator('h1, h2').allTextContents());
} finally {
  await browser.close();
  runde.httpServer.close();
  process.exit(0);
}
