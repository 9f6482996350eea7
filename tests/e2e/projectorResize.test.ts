import { mkdirSync } from 'node:fs';
import type { Ack, ProjectorGrant } from '@runde/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectorContext } from '../support/browser.ts';
import { browserSuite, settled } from '../support/browserSuite.ts';
import { clippedRegions } from '../support/projectorFit.ts';
import { RETRO } from '../support/retroTopics.ts';
import { joinTeamSpace, openTeamSpace, seatBrowser } from '../support/remoteSeat.ts';
import { createSessionOverHttp, joinOverHttp, TestClient, topicId } from '../support/serverClients.ts';

/**
 * A room PC switches resolution when the projector cable goes in: the projector view opened at
 * 1920×1080 is resized live to 1280×720 and back. What the room sees must not depend on that
 * history: at each size the view looks as it does when opened at that size (same scale, same
 * type within a few percent), and nothing is cut off. Before the fix, the resized view ended at
 * the smallest scale (type of about 8 px) with the timer's label outside its ring.
 */

const FULL_HD = { width: 1920, height: 1080 } as const;
const HD = { width: 1280, height: 720 } as const;
type Size = typeof FULL_HD | typeof HD;

/** What the room reads: the view's scale and the size of its main texts, in px. */
interface Reading {
  fit: number;
  title: number;
  topic: number;
}

/**
 * Waits until the page has the size and its fit has settled: the scale the view's root holds is
 * the same over two animation frames (the fit runs once a frame while anything changes), and
 * fonts and transitions are done. Then reads it.
 */
async function readSettled(page: Page, size: Size, topicText: string): Promise<Reading> {
  await page.waitForFunction((width) => window.innerWidth === width, size.width);
  await settled(page);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const root = document.querySelector<HTMLElement>('.projector');
          const read = () => root?.style.getPropertyValue('--fit') ?? '';
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          const before = read();
          await frame();
          await frame();
          return before !== '' && read() === before && !document.documentElement.hasAttribute('data-hyphenating');
        }),
      { message: `the fit settles at ${size.width}×${size.height}`, timeout: 10_000 },
    )
    .toBe(true);
  return page.evaluate((text) => {
    const root = document.querySelector<HTMLElement>('.projector');
    const px = (element: Element | null | undefined) => (element ? parseFloat(getComputedStyle(element).fontSize) : 0);
    const topic = Array.from(document.querySelectorAll('h2, h3')).find((el) => el.textContent?.includes(text));
    return {
      fit: Number(root?.style.getPropertyValue('--fit')),
      title: px(document.querySelector('h1')),
      topic: px(topic),
    };
  }, topicText);
}

/** The texts of a timer's dial ("Timebox", the time) that reach past the inside of its ring. */
function outsideTheRing(page: Page): Promise<string[]> {
  return page.getByRole('timer').evaluateAll((timers) =>
    timers.flatMap((timer) => {
      const dial = timer.closest('.dial');
      const ring = dial?.querySelector('svg')?.getBoundingClientRect();
      if (!dial || !ring) return [];
      // The circle inside the ring: radius 45 of 100, less half the stroke of 7.
      const inner = ring.width * 0.83;
      return Array.from(dial.querySelectorAll('.readout > *'))
        .filter((text) => text.getBoundingClientRect().width > inner)
        .map(
          (text) =>
            `"${text.textContent?.trim()}" ${Math.round(text.getBoundingClientRect().width)} px in ${Math.round(inner)} px`,
        );
    }),
  );
}

/** A fresh page at `size`: what the room sees when the view is opened at that size. */
async function freshReading(open: (size: Size) => Promise<Page>, size: Size, topicText: string): Promise<Reading> {
  const page = await open(size);
  const reading = await readSettled(page, size, topicText);
  await page.context().close();
  return reading;
}

/** Within `share` of `expected` (a few percent: the fit's search ends within 1% of the best scale). */
function expectClose(actual: number, expected: number, what: string, share = 0.04): void {
  expect(Math.abs(actual - expected) / expected, `${what}: ${actual} against ${expected}`).toBeLessThanOrEqual(share);
}

/** With RUNDE_SHOTS=<folder>, the resized view is saved there as a picture. */
const shots = process.env.RUNDE_SHOTS;

/**
 * Opens the view at 1920×1080, resizes it to 1280×720 and back, and compares each size with a page
 * opened fresh at it: scale and type within a few percent, type above a floor, nothing clipped.
 */
async function resizeLikeARoomPc(
  open: (size: Size) => Promise<Page>,
  topicText: string,
  shotName: string,
): Promise<void> {
  const freshHd = await freshReading(open, HD, topicText);
  const freshFullHd = await freshReading(open, FULL_HD, topicText);
  // The floor: a topic read from the back of the room at 720 lines is far above the smallest scale.
  expect(freshHd.topic, 'topic size on a fresh 1280×720 page').toBeGreaterThan(20);
  // The scene needs the fit: at 1280×720 its content does not fit at full size.
  expect(freshHd.fit, 'scale on a fresh 1280×720 page').toBeLessThan(1);

  const page = await open(FULL_HD);
  await readSettled(page, FULL_HD, topicText);
  for (const [size, fresh] of [
    [HD, freshHd],
    [FULL_HD, freshFullHd],
    [HD, freshHd],
  ] as const) {
    await page.setViewportSize(size);
    const resized = await readSettled(page, size, topicText);

    const where = `after resizing to ${size.width}×${size.height}`;
    expect(resized.topic, `topic size ${where}`).toBeGreaterThan(20);
    expectClose(resized.fit, fresh.fit, `scale ${where}`);
    expectClose(resized.title, fresh.title, `title size ${where}`);
    expectClose(resized.topic, fresh.topic, `topic size ${where}`);
    expect(await clippedRegions(page), `clipped ${where}`).toEqual([]);
    expect(await outsideTheRing(page), `timer texts outside the ring ${where}`).toEqual([]);
  }
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/${shotName}-resized-1280x720.png` });
  }
  await page.context().close();
}

describe('a projector view resized live', () => {
  const suite = browserSuite('e2e-projector-resize');

  it(
    'Lean Coffee in the discuss phase with a takeaway looks the same at 1280×720 after 1920×1080, and back',
    { timeout: 120_000 },
    async () => {
      const base = suite.app.server.url;
      // The screenshot scene that showed the defect (tests/screenshots/leanCoffee.ts): a paused
      // timebox, a revealed thumbs vote, topics waiting and a takeaway.
      const created = await createSessionOverHttp(base, { title: 'Team retro, March', facilitatorName: 'Maria' });
      const seats = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => joinOverHttp(base, created.sessionId, name)));
      const lead = await TestClient.connect(base, created);
      const others = await Promise.all(seats.map((seat) => TestClient.connect(base, seat)));
      const all = [lead, ...others];
      const ok = async (ack: Promise<Ack<unknown>>) => expect((await ack).ok).toBe(true);
      for (const [i, title] of RETRO.entries()) await ok(all[i % 4]!.send('topic:add', { title, description: '' }));
      const id = (title: string) => topicId(lead.mirror.state, title);
      const topic = RETRO[0];
      await ok(lead.send('phase:change', { to: 'vote' }));
      for (const client of others) await ok(client.send('vote:cast', { topicId: id(topic) }));
      await ok(lead.send('votes:reveal', {}));
      await ok(lead.send('phase:change', { to: 'discuss' }));
      await ok(lead.send('discussion:start', { topicId: id(topic) }));
      await ok(lead.send('timer:pause', {}));
      await ok(lead.send('thumbs:open', {}));
      for (const [i, value] of (['up', 'up', 'side', 'down'] as const).entries()) {
        await ok(all[i]!.send('thumbs:cast', { value }));
      }
      await ok(lead.send('thumbs:reveal', {}));
      await ok(
        lead.send('outcome:add', {
          topicId: id(topic),
          kind: 'takeaway',
          text: 'Freeze the scope two days before a release',
        }),
      );
      const grant = (await lead.sendRaw('projector:grant', {})) as Ack<ProjectorGrant>;
      if (!grant.ok) throw new Error(`projector:grant refused: ${grant.error.code}`);

      const open = async (size: Size) => {
        const context = await projectorContext(suite.browser, {
          locale: 'en-GB',
          viewport: size,
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        await page.goto(`${base}/s/${created.joinCode}/projector#projector=${grant.data.key}`);
        await page.getByText('Freeze the scope two days before a release').waitFor();
        return page;
      };
      await resizeLikeARoomPc(open, topic, 'lean-coffee-discuss');
      for (const client of all) client.close();
    },
  );

  it(
    'a team space with a tension on the table looks the same after 1920×1080 → 1280×720 → 1920×1080',
    {
      timeout: 120_000,
    },
    async () => {
      const base = suite.app.server.url;
      const { created, facilitator } = await openTeamSpace(base, 'Bauamt Team', 'Aylin');
      const ben = await joinTeamSpace(base, created.sessionId, 'Ben');
      const title = 'Der Drucker in Raum 2 ist seit Wochen kaputt';
      const tension = await ben.addTension(title);
      // A long agenda, so the view needs a scale below 1 at 1280×720 (the fit searches).
      const members = [
        ben,
        ...(await Promise.all(['Cem', 'Dana'].map((name) => joinTeamSpace(base, created.sessionId, name)))),
      ];
      for (let i = 1; i <= 9; i += 1) {
        await members[i % 3]!.addTension(
          `${i}. Die Übergabe der Sitzungsunterlagen an die Jugendhilfeplanung kommt zu spät`,
        );
      }
      await facilitator.run('meeting:start', { room: 'operational' });
      while (facilitator.space.meeting?.stage !== 'tensions') await facilitator.run('meeting:advance', {});
      await facilitator.run('tension:start', { tensionId: tension });

      const open = async (size: Size) => {
        const context = await projectorContext(suite.browser, {
          locale: 'de-DE',
          viewport: size,
          reducedMotion: 'reduce',
        });
        await seatBrowser(context, created.joinCode, created);
        const page = await context.newPage();
        await page.goto(`${base}/t/${created.joinCode}/projector`);
        await page.getByRole('region', { name: title }).waitFor();
        return page;
      };
      await resizeLikeARoomPc(open, title, 'team-space-tension');
    },
  );
});
