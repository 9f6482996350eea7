import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Ack, KindCommandInput, KindCommandType, CommandResult, ProjectorGrant, Seat } from '@runde/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopContext, projectorContext } from '../support/browser.ts';
import { browserSuite, settled } from '../support/browserSuite.ts';
import { fill, messages } from '../support/messages.ts';
import { createSessionOverHttp, joinOverHttp, TestClient, waitUntil } from '../support/serverClients.ts';

/** With RUNDE_SHOTS=<folder> the tests leave pictures of the projector there; otherwise none. */
const shots = process.env.RUNDE_SHOTS;
async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await settled(page);
  await page.screenshot({ path: `${shots}/${name}.png` });
}

/** Sends a command that must be accepted and waits until the sender holds its result. */
async function run<T extends KindCommandType>(
  client: TestClient,
  type: T,
  payload: KindCommandInput<T>,
): Promise<void> {
  const ack = (await client.sendRaw(type, payload, { commandId: randomUUID() })) as Ack<CommandResult>;
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
  const { version } = ack.data;
  await waitUntil(`${type} arrives`, () => client.mirror.version >= version);
}

const M = messages.en;

describe('the read-only projector grant', () => {
  const suite = browserSuite('e2e-projector-grant');

  /**
   * Issue 12, defect 3: the room's own PC had to join as a participant, and then counted among
   * those present, so a thumbs vote never revealed itself. The projector link opens the projector
   * on a device without a seat, which shows the board and never becomes a participant.
   */
  it(
    'opens the board on a room PC without a seat, which never joins the participant list or the count of those present',
    { timeout: 120_000 },
    async () => {
      const facilitator = await (await desktopContext(suite.browser, { locale: 'en-GB' })).newPage();
      await facilitator.goto(suite.app.server.url);
      await facilitator.getByLabel('Session title').fill('Team meeting');
      await facilitator.getByLabel('Your name').fill('Maria');
      await facilitator.getByRole('button', { name: 'Start a Lean Coffee' }).click();
      await facilitator.getByRole('button', { name: 'Create projector link' }).click();
      const link = await facilitator.getByRole('textbox', { name: 'Projector link' }).inputValue();
      // The key travels in the fragment only: no server ever sees it in a request line or a log.
      const address = new URL(link);
      expect(address.pathname).toMatch(/^\/s\/[2-9A-HJKMNP-Z]{6}\/projector$/);
      expect(address.search).toBe('');
      expect(address.hash).toMatch(/^#projector=[\w-]{40,}$/);

      // A room PC: a fresh browser that never joined.
      const roomPc = await projectorContext(suite.browser, { locale: 'en-GB' });
      const projector = await roomPc.newPage();
      const requested: string[] = [];
      projector.on('request', (request) => requested.push(request.url()));
      await projector.goto(`${suite.app.server.url}${address.pathname}${address.hash}`);
      await projector.getByRole('heading', { name: 'Team meeting', level: 1 }).waitFor();
      await projector.getByText(M.projector.noTopics).waitFor();
      expect(await projector.getByRole('button').count()).toBe(0);
      // Full size while little is on the screen: the view shrinks only for content that needs it.
      const title = projector.getByRole('heading', { name: 'Team meeting', level: 1 });
      await expect
        .poll(() => title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
        .toBeGreaterThanOrEqual(48);
      expect(requested.filter((url) => url.includes(address.hash.slice('#projector='.length)))).toEqual([]);
      await shoot(projector, 'room-pc-projector-collect-1920x1080');

      // Two phones join; the facilitator's list and count name three people, not four.
      const code = address.pathname.split('/')[2] ?? '';
      const stored = JSON.parse(
        (await facilitator.evaluate(() => localStorage.getItem('runde:seats'))) ?? '{}',
      ) as Record<string, Seat>;
      const maria = await TestClient.connect(suite.app.server.url, stored[code]!);
      const phones = await Promise.all(
        ['Ben', 'Cem'].map(async (name) =>
          TestClient.connect(suite.app.server.url, await joinOverHttp(suite.app.server.url, code, name)),
        ),
      );
      const people = facilitator.getByRole('region', { name: M.participants.heading });
      await people.getByText(fill(M.participants.count_other, { count: 3 })).waitFor();
      expect(await people.getByRole('listitem').count()).toBe(3);
      await waitUntil('everyone online', () => maria.mirror.state?.participants.every((p) => p.online) === true);
      expect(maria.mirror.state?.participants.map((p) => p.name).sort()).toEqual(['Ben', 'Cem', 'Maria']);

      // A thumbs vote reveals itself once the three have voted, with the room PC still connected.
      await run(phones[0]!, 'topic:add', { title: 'Shared calendar' });
      await run(maria, 'phase:change', { to: 'vote' });
      await run(maria, 'phase:change', { to: 'discuss' });
      await run(maria, 'discussion:start', {});
      await run(maria, 'thumbs:open', {});
      for (const [client, value] of [
        [maria, 'up'],
        [phones[0]!, 'up'],
        [phones[1]!, 'side'],
      ] as const) {
        await run(client, 'thumbs:cast', { value });
      }
      await waitUntil('the thumbs vote revealed itself', () => maria.mirror.state?.thumbs?.revealed === true);
      await projector.getByText(fill(M.thumbs.result, { up: 2, side: 1, down: 0 })).waitFor({ state: 'attached' });
      for (const client of [maria, ...phones]) client.close();
    },
  );

  /**
   * Issue 12, defect 11 (projector items): the projector showed nothing during a thumbs vote and
   * never showed takeaways or the ROTI. Now it shows how many have voted of how many are present
   * (never who or what) and then the result; the topic's takeaways and actions as they are
   * recorded; and the ROTI result once the session has ended.
   */
  it(
    'shows the thumbs vote in progress and its result, the takeaways and actions as recorded, and the ROTI at the end',
    { timeout: 120_000 },
    async () => {
      const created = await createSessionOverHttp(suite.app.server.url, {
        title: 'Jugendhilfeplanung',
        facilitatorName: 'Fatma',
      });
      const f = await TestClient.connect(suite.app.server.url, created);
      const others = await Promise.all(
        ['Ben', 'Cem', 'Dana'].map(async (name) =>
          TestClient.connect(suite.app.server.url, await joinOverHttp(suite.app.server.url, created.sessionId, name)),
        ),
      );
      const everyone = [f, ...others];
      await waitUntil('everyone online', () => f.mirror.state?.participants.every((p) => p.online) === true);
      const grant = (await f.sendRaw('projector:grant', {})) as Ack<ProjectorGrant>;
      if (!grant.ok) throw new Error('no projector grant');
      const pages: Array<{ page: Page; M: (typeof messages)['de']; language: string }> = [];
      for (const language of ['de', 'en'] as const) {
        const context = await projectorContext(suite.browser, { locale: language === 'de' ? 'de-DE' : 'en-GB' });
        const page = await context.newPage();
        await page.goto(`${suite.app.server.url}/s/${created.joinCode}/projector#projector=${grant.data.key}`);
        pages.push({ page, M: messages[language], language });
      }

      await run(others[0]!, 'topic:add', { title: 'Gemeinsame Ablage für Sitzungsunterlagen' });
      await run(f, 'phase:change', { to: 'vote' });
      await run(f, 'phase:change', { to: 'discuss' });
      await run(f, 'discussion:start', {});
      const topicId = f.mirror.state?.topics[0]?.id ?? '';
      await run(f, 'thumbs:open', {});
      await run(others[0]!, 'thumbs:cast', { value: 'up' });
      await run(others[1]!, 'thumbs:cast', { value: 'down' });
      for (const { page, M: T, language } of pages) {
        await page.getByText(fill(T.thumbs.progress, { count: 2, total: 4 })).waitFor();
        // Hidden means hidden: no tally on the screen while the vote runs.
        await expect.poll(() => page.getByText(fill(T.thumbs.result, { up: 1, side: 0, down: 1 })).count()).toBe(0);
        await shoot(page, `lean-coffee-thumbs-in-progress-${language}`);
      }

      await run(f, 'thumbs:cast', { value: 'up' });
      await run(others[2]!, 'thumbs:cast', { value: 'side' });
      for (const { page, M: T, language } of pages) {
        await page.getByText(fill(T.thumbs.result, { up: 2, side: 1, down: 1 })).waitFor({ state: 'attached' });
        await shoot(page, `lean-coffee-thumbs-revealed-${language}`);
      }

      await run(f, 'outcome:add', { topicId, kind: 'takeaway', text: 'Alle Unterlagen liegen künftig an einem Ort.' });
      await run(f, 'outcome:add', {
        topicId,
        kind: 'action',
        text: 'Ordnerstruktur im Gemeinschaftslaufwerk anlegen',
        ownerName: 'Ben',
        due: '2026-12-15',
      });
      for (const { page, M: T, language } of pages) {
        const now = page.getByRole('region', { name: T.discuss.discussing });
        await now.getByRole('heading', { name: T.outcomes.takeaways }).waitFor();
        await now.getByText('Alle Unterlagen liegen künftig an einem Ort.').waitFor();
        await now.getByRole('heading', { name: T.outcomes.actions }).waitFor();
        await now.getByText('Ordnerstruktur im Gemeinschaftslaufwerk anlegen').waitFor();
        await now.getByText(/– Ben, /).waitFor();
        await shoot(page, `lean-coffee-takeaways-${language}`);
      }

      await run(f, 'discussion:close', {});
      await run(f, 'phase:change', { to: 'wrapup' });
      for (const [i, client] of everyone.entries()) await run(client, 'roti:cast', { score: [5, 4, 4, 3][i]! });
      for (const { page, M: T, language } of pages) {
        // While people still rate, only how many did: an average on the wall would sway the rest.
        await page.getByText(fill(T.roti.count_other, { count: 4 })).waitFor();
        expect(await page.getByText(/4[.,]0/).count()).toBe(0);
        await shoot(page, `lean-coffee-roti-wrapup-${language}`);
      }
      await run(f, 'phase:change', { to: 'ended' });
      for (const { page, M: T, language } of pages) {
        const average = language === 'de' ? '4,0' : '4.0';
        await page.getByText(fill(T.roti.average, { average })).waitFor();
        await page.getByText(fill(T.roti.count_other, { count: 4 })).waitFor();
        await shoot(page, `lean-coffee-roti-ended-${language}`);
      }
      for (const client of everyone) client.close();
    },
  );
});
