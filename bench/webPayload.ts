// What a participant's phone downloads to reach the board: the built web app on an in-process server, a fresh
// phone (no cache) per run, join link → name → board, for a Lean Coffee and a team space in German and English.
//
//   pnpm bench:web            builds the web app, then measures
//   pnpm bench:web --assets   also lists every file with its size
//
// Prints a table (JS raw, JS gzip -9, JS as served, CSS gzip -9, requests) and one JSON line, and exits non-zero
// when a board needs 100 kB (100,000 bytes) gzipped JavaScript or more.
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createApp, createLogger, loadWebHandler, MemorySessionStore } from '@runde/server';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/lib/chromium.mjs';
import { orphanStylesheets, readClientManifest } from './lib/orphanStylesheets.ts';
import { de } from '../web/src/lib/i18n/de.ts';
import { en } from '../web/src/lib/i18n/en.ts';
import { spaceDe } from '../web/src/lib/i18n/loop/space.de.ts';
import { spaceEn } from '../web/src/lib/i18n/loop/space.en.ts';

/** The budget from issue 5: JavaScript to reach the board, gzipped; decimal kB like Vite (the stricter reading). */
const jsBudgetBytes = 100_000;
/** The whole run, server start to report; a hung browser must not hang CI. */
const runTimeoutMs = 180_000;
const stepTimeoutMs = 20_000;
/** `--assets` adds every file with its sizes to the report, to see what a budget is spent on. */
const listAssets = process.argv.includes('--assets');

type Kind = 'lean-coffee' | 'team-space';
type Language = 'de' | 'en';
const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const texts = { de: { ...de, space: spaceDe }, en: { ...en, space: spaceEn } };

interface Asset {
  url: string;
  type: 'js' | 'css';
  raw: number;
  gzip: number;
  /** Bytes on the wire (after the server's content-encoding, if any). */
  served: number;
  encoding: string;
}

interface Stage {
  kind: Kind;
  language: Language;
  /** `join`: the name form is usable; `board`: everything up to the visible board, join page included. */
  stage: 'join' | 'board';
  route: string;
  jsRaw: number;
  jsGzip: number;
  jsServed: number;
  cssGzip: number;
  requests: number;
  /** Stylesheets loaded without the code they style (must be none). */
  orphanCss: string[];
  /** Per asset, only with `--assets`. */
  assets?: Asset[];
}

function assetType(request: Request): Asset['type'] | undefined {
  const path = new URL(request.url()).pathname;
  if (request.resourceType() === 'script' || path.endsWith('.js')) return 'js';
  if (request.resourceType() === 'stylesheet' || path.endsWith('.css')) return 'css';
  return undefined;
}

/** Collects every JS and CSS response of a page, in request order. */
function recordAssets(page: Page) {
  const pending: Array<Promise<Asset | undefined>> = [];
  page.on('request', (request) => {
    const type = assetType(request);
    if (!type) return;
    pending.push(
      (async (): Promise<Asset | undefined> => {
        const response = await request.response();
        if (!response) return undefined;
        const body = await response.body();
        const sizes = await request.sizes();
        return {
          url: request.url(),
          type,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          served: sizes.responseBodySize,
          encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        };
      })().catch(() => undefined),
    );
  });
  return {
    /** The assets requested so far, once their bodies have arrived. */
    async settle(): Promise<Asset[]> {
      const assets = await Promise.all(pending.slice());
      return assets.filter((asset): asset is Asset => asset !== undefined);
    },
  };
}

const manifest = readClientManifest(new URL('../web/.svelte-kit/output/client/.vite/manifest.json', import.meta.url));

function summarize(
  assets: Asset[],
  base: Omit<Stage, 'jsRaw' | 'jsGzip' | 'jsServed' | 'cssGzip' | 'requests' | 'orphanCss'>,
): Stage {
  const js = assets.filter((asset) => asset.type === 'js');
  const css = assets.filter((asset) => asset.type === 'css');
  const sum = (list: Asset[], pick: (asset: Asset) => number) => list.reduce((total, asset) => total + pick(asset), 0);
  return {
    ...base,
    jsRaw: sum(js, (asset) => asset.raw),
    jsGzip: sum(js, (asset) => asset.gzip),
    jsServed: sum(js, (asset) => asset.served),
    cssGzip: sum(css, (asset) => asset.gzip),
    requests: assets.length,
    orphanCss: orphanStylesheets(
      manifest,
      assets.map((asset) => asset.url),
    ),
    ...(listAssets ? { assets } : {}),
  };
}

async function post<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Opens a Lean Coffee or a team space and returns the link its facilitator would share, on this server. */
async function openRoom(baseUrl: string, kind: Kind): Promise<string> {
  const created =
    kind === 'lean-coffee'
      ? await post<{ joinUrl: string }>(baseUrl, '/api/sessions', { title: 'Payload bench', facilitatorName: 'Fa' })
      : await post<{ joinUrl: string }>(baseUrl, '/api/spaces', { title: 'Payload bench', facilitatorName: 'Fa' });
  return created.joinUrl.replace(/^https?:\/\/[^/]+/, baseUrl);
}

/** One fresh phone: join link → name → board, measured at the join form and at the board. */
async function measure(browser: Browser, baseUrl: string, kind: Kind, language: Language): Promise<Stage[]> {
  const joinUrl = await openRoom(baseUrl, kind);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: locales[language],
  });
  context.setDefaultTimeout(stepTimeoutMs);
  try {
    const page = await context.newPage();
    const assets = recordAssets(page);
    const text = texts[language];

    await page.goto(joinUrl);
    const nameField = page.getByLabel(text.join.nameLabel, { exact: true });
    await nameField.waitFor();
    const atJoin = await assets.settle();

    await nameField.fill('Bench');
    await page.getByRole('button', { name: text.join.submit, exact: true }).click();
    const board =
      kind === 'lean-coffee'
        ? page.getByRole('region', { name: text.topics.heading, exact: true })
        : page.getByRole('heading', { name: text.space.backlog.heading, exact: true });
    await board.waitFor();
    const atBoard = await assets.settle();
    const route = new URL(page.url()).pathname.replace(/\/[^/]+$/, '/[code]');

    return [
      summarize(atJoin, { kind, language, stage: 'join', route: '/j/[code]' }),
      summarize(atBoard, { kind, language, stage: 'board', route }),
    ];
  } finally {
    await context.close();
  }
}

/** Kilobytes of 1,000 bytes. */
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function printTable(stages: Stage[]): void {
  const header = [
    'kind',
    'lang',
    'stage',
    'route',
    'JS raw kB',
    'JS gzip kB',
    'JS served kB',
    'CSS gzip kB',
    'requests',
  ];
  const rows = stages.map((s) => [
    s.kind,
    s.language,
    s.stage,
    s.route,
    kb(s.jsRaw),
    kb(s.jsGzip),
    kb(s.jsServed),
    kb(s.cssGzip),
    String(s.requests),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const stage of stages) {
    if (!stage.assets) continue;
    console.log(`\n${stage.kind} ${stage.language} ${stage.stage}: gzip kB, file`);
    for (const asset of [...stage.assets].sort((a, b) => b.gzip - a.gzip)) {
      console.log(`${kb(asset.gzip).padStart(7)}  ${new URL(asset.url).pathname}`);
    }
  }
}

async function main(): Promise<number> {
  const webHandler = await loadWebHandler();
  if (!webHandler) throw new Error('web/build is missing: run `pnpm build` first (or `pnpm bench:web`, which does)');
  const store = new MemorySessionStore({ retentionMs: 60 * 60 * 1000 });
  const runde = createApp({
    store,
    webHandler,
    logger: createLogger(process.env.LOG_LEVEL ?? 'silent'),
    // Eight phones from one address in a few seconds; the defaults would allow it, but the bench must not depend on that.
    config: { rateLimits: { create: { points: 1000, durationSec: 60 } } },
  });
  await new Promise<void>((resolve, reject) => {
    runde.httpServer.once('error', reject);
    runde.httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(runde.httpServer.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const stages: Stage[] = [];
    for (const kind of ['lean-coffee', 'team-space'] as const) {
      for (const language of ['de', 'en'] as const) stages.push(...(await measure(browser, baseUrl, kind, language)));
    }
    printTable(stages);
    const boards = stages.filter((stage) => stage.stage === 'board');
    const worst = Math.max(...boards.map((stage) => stage.jsGzip));
    const orphans = [...new Set(stages.flatMap((stage) => stage.orphanCss))];
    const met = worst < jsBudgetBytes && orphans.length === 0;
    console.log(
      `\nJS to the board, gzipped: at most ${kb(worst)} kB; target < ${kb(jsBudgetBytes)} kB ${worst < jsBudgetBytes ? 'met' : 'NOT met'}`,
    );
    console.log(`Stylesheets loaded without their code: ${orphans.length === 0 ? 'none' : orphans.join(', ')}`);
    console.log(JSON.stringify({ bench: 'webPayload', budgetBytes: jsBudgetBytes, met, stages }));
    return met ? 0 : 1;
  } finally {
    await browser.close();
    await runde.close();
    await store.close();
  }
}

const timeout = setTimeout(() => {
  console.error(`webPayload: gave up after ${runTimeoutMs / 1000} s`);
  process.exit(2);
}, runTimeoutMs);
timeout.unref();

main().then(
  (code) => {
    clearTimeout(timeout);
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
