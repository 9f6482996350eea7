import { applyLoop, type ArchivedItem, type Decision, type LoopEvent } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { phoneContext } from '../support/browser.ts';
import { shootAtSizes } from '../support/shots.ts';
import { browserSuite, click } from '../support/browserSuite.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { openRawRedis } from '../support/serverHarness.ts';
import { createTeamSpaceOverHttp } from '../support/serverClients.ts';

/** Decisions the space has adopted in all; the oldest ones are in its archive. */
const ADOPTED = 60;
const ARCHIVED = 10;

const decision = (number: number): Decision => ({
  id: `d_gen_${number}`,
  number,
  tensionId: `t_gen_${number}`,
  title: `Regel ${number}`,
  text: `Wortlaut von Regel ${number}`,
  adoptedAt: Date.UTC(2024, 0, 1) + number * 7 * 24 * 60 * 60 * 1000,
  meetingId: 'mt_gen',
  present: ['Aylin', 'Ben'],
});

describe('the decision log of a space whose older decisions are archived', () => {
  const suite = browserSuite('e2e-older-decisions');

  it('loads the older decisions with their numbers on the minutes page', { timeout: 60_000 }, async () => {
    const { url } = suite.app.server;
    const seat = await createTeamSpaceOverHttp(url, { title: 'Team Jugendhilfeplanung', facilitatorName: 'Aylin' });
    // Years of governance, as the fold leaves them: the newest decisions live, the oldest archived.
    const stored = await suite.app.store.load(seat.sessionId);
    if (stored?.state.kind !== 'team-space') throw new Error('team space missing');
    const { title, roomNames, checklist, metrics } = stored.state;
    const event: LoopEvent = { type: 'space:updated', title, roomNames, checklist, metrics };
    const live = Array.from({ length: ADOPTED - ARCHIVED }, (_, i) => decision(ARCHIVED + 1 + i));
    const next = { ...applyLoop(stored.state, event), decisions: live, decisionsAdopted: ADOPTED };
    const archive: ArchivedItem[] = Array.from({ length: ARCHIVED }, (_, i) => ({
      kind: 'decision',
      archivedAt: 1,
      item: decision(i + 1),
    }));
    const committed = await suite.app.store.commit(seat.sessionId, stored.version, [event], next, { archive });
    expect(committed.ok).toBe(true);
    // The store rewrites its snapshot only every few dozen events; this one must hold the log now.
    const raw = await openRawRedis();
    try {
      const key = `${suite.app.prefix}{${seat.sessionId}}:session`;
      await raw.hSet(key, { state: JSON.stringify(next), snapshot: String(stored.version + 1) });
    } finally {
      await raw.quit();
    }

    const context = await phoneContext(suite.browser, { locale: 'de-DE' });
    await seatBrowser(context, seat.sessionId, seat);
    const page = await context.newPage();
    await page.goto(`${url}/t/${seat.sessionId}/minutes`);
    const log = page.getByRole('region', { name: 'Beschlussbuch' });
    await log.getByRole('heading', { name: `${ADOPTED}. Regel ${ADOPTED}`, exact: true }).waitFor();
    await expect(log.getByText(`${ADOPTED} Beschlüsse`).count()).resolves.toBe(1);
    expect(await log.getByRole('heading', { name: '1. Regel 1', exact: true }).count()).toBe(0);

    await shootAtSizes(
      page,
      'minutes-load-older-decisions',
      log.getByRole('button', { name: 'Ältere Beschlüsse laden' }),
    );
    await click(log, 'Ältere Beschlüsse laden');
    await log.getByRole('heading', { name: `${ARCHIVED}. Regel ${ARCHIVED}`, exact: true }).waitFor();
    // A page of ten holds every archived decision: the button gives way, and number 1 is listed first.
    await log.getByRole('button', { name: 'Ältere Beschlüsse laden' }).waitFor({ state: 'detached' });
    const headings = await log.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings).toHaveLength(ADOPTED);
    expect(headings[0]).toBe('1. Regel 1');
    expect(headings.at(-1)).toBe(`${ADOPTED}. Regel ${ADOPTED}`);
    await shootAtSizes(page, 'minutes-older-decisions', log.getByRole('heading', { name: '1. Regel 1', exact: true }));
  });
});
