import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { screenProblems } from '../support/screenChecks.ts';

/**
 * The sweep's checks (issue 12) must fire on what they look for and stay quiet on what is fine:
 * each runs on a small page broken on purpose, at a phone's width.
 */
describe('screen checks', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 360, height: 640 } });
  });
  afterAll(async () => {
    await browser.close();
  });

  const show = (body: string) =>
    page.setContent(
      `<!doctype html><html lang="de"><body style="margin:0;font:16px/1.5 sans-serif">${body}</body></html>`,
    );

  it('finds a raw message key, but not a URL or typed content that looks like one', async () => {
    await show('<footer><a href="/a">accessibility.footerLink</a></footer><button aria-label="vote.add">+</button>');
    expect(await screenProblems(page)).toEqual([
      expect.stringContaining('raw message key "accessibility.footerLink"'),
      expect.stringContaining('raw message key "vote.add"'),
    ]);
    await show('<p>See https://example.org/summary.title and runde.example.org</p><p>topics.md is mine</p>');
    expect(await screenProblems(page, { typed: ['topics.md is mine'] })).toEqual([]);
  });

  it('finds a page wider than the phone and a box whose content is wider than it', async () => {
    await show('<div style="width:500px">wide</div>');
    expect(await screenProblems(page)).toEqual([
      'page is 500 px wide in a 360 px viewport',
      expect.stringContaining('reaches 500 px'),
    ]);
    await show(
      '<div style="width:200px;overflow:hidden"><span style="display:inline-block;width:300px">cut</span></div>',
    );
    expect(await screenProblems(page)).toEqual([expect.stringContaining('holds 300 px of content in 200 px')]);
  });

  it('lets a deliberate scroller be wider inside', async () => {
    await show('<div style="overflow-x:auto"><table style="width:900px"><tr><td>wide table</td></tr></table></div>');
    expect(await screenProblems(page)).toEqual([]);
  });

  it('finds a word broken without a hyphen, and accepts soft hyphens, hyphens and URLs', async () => {
    await show('<p style="width:80px;overflow-wrap:anywhere">weitermachen</p>');
    expect(await screenProblems(page)).toEqual([expect.stringMatching(/word broken inside: "weiter\w*\|\w+"/)]);
    await show(
      '<p style="width:80px">wei\u00adter\u00adma\u00adchen</p>' +
        '<p style="width:90px">Sozial-Jugendhilfe</p>' +
        // The line breaks at the soft hyphen before a narrow letter, narrower than the hyphen shown.
        '<p style="width:145px">Donau\u00addampf\u00adschiff\u00adfahrt</p>' +
        '<p style="width:80px;overflow-wrap:anywhere">https://example.org/a/very/long/path</p>',
    );
    expect(await screenProblems(page)).toEqual([]);
  });
});
