import { randomUUID } from 'node:crypto';
import type { Ack, KindCommandInput, KindCommandType, CommandResult, ProjectorGrant, Seat } from '@runde/shared';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { projectorContext } from '../support/browser.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { fill, messages, type TestLanguage } from '../support/messages.ts';
import { expectNothingClipped } from '../support/projectorFit.ts';
import {
  createSessionOverHttp,
  createTeamSpaceOverHttp,
  joinOverHttp,
  TestClient,
  waitUntil,
} from '../support/serverClients.ts';

/**
 * Issue 12, defect 7: no clipped region on projector views. Both kinds of meeting are driven
 * through every phase and step with long, realistic German content (140-character topics,
 * compound words, URLs, eight long objections) while a projector in German and one in English
 * follow; at 1280×720 and at 1920×1080 no region of either may cut anything off, and everything
 * with content must be on the screen. The room reads smaller type rather than half a sentence.
 */

const url = 'https://www.kommune360.example.de/jugendhilfeplanung/unterlagen/2026-11-sitzung';
/** Exactly 140 characters, the longest topic a person can write. */
const topic = (i: number) =>
  `${i}. Kinder- und Jugendhilfeplanungsausschusssitzungsvorbereitung: Wer stellt die Unterlagen unter ${url} bereit?`
    .padEnd(140, ' x')
    .slice(0, 140);
const description =
  'Die Donaudampfschifffahrtsgesellschaftskapitänsmütze ist nur ein Beispiel: Unsere Sitzungsunterlagen kommen regelmäßig zu spät, ' +
  `die Arbeitsgemeinschaftsvereinbarungen liegen verstreut unter ${url} und im Gemeinschaftslaufwerk, und niemand weiß, ` +
  'welche Fassung der Qualitätsentwicklungsvereinbarung gilt. Wir brauchen eine verbindliche Ablage und eine Verantwortliche.';
const longText = (i: number, what: string) =>
  `${what} ${i}: Die Verwaltungsvorschriftenüberarbeitungskommission sollte bis zur nächsten Jugendhilfeausschusssitzung klären, ` +
  `ob die Zuständigkeitsregelung (siehe ${url}) auch für Vertretungsfälle gilt, sonst entstehen Haftungsrisiken.`;
const names = [
  'Maximiliane Müller-Lüdenscheidt',
  'Bartholomäus Schwarzenbergerin',
  'Cem Özdemir-Hoffmannsthal',
  'Dagmar Zimmermann-Wolkenstein',
  'Eleonore Brandenburger',
  'Friedrich-Wilhelm Sonnenschein',
  'Gülşen Hohenzollernstraße',
];

const languages: TestLanguage[] = ['de', 'en'];

/** Sends a command that must be accepted and waits until the sender holds its result. */
async function run<T extends KindCommandType>(
  client: TestClient,
  type: T,
  payload: KindCommandInput<T>,
): Promise<void> {
  const commandId = randomUUID();
  let ack = (await client.sendRaw(type, payload, { commandId })) as Ack<CommandResult>;
  // This test drives a whole meeting from one seat faster than a person could, and a fast machine
  // spends the seat's command budget (50 per 10 s): the same command again once the budget refills.
  for (let tries = 0; !ack.ok && ack.error.code === 'rate_limited' && tries < 40; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    ack = (await client.sendRaw(type, payload, { commandId })) as Ack<CommandResult>;
  }
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
  const { version } = ack.data;
  await waitUntil(`${type} arrives`, () => client.mirror.version >= version);
}

async function projectorKey(facilitator: TestClient): Promise<string> {
  const ack = (await facilitator.sendRaw('projector:grant', {})) as Ack<ProjectorGrant>;
  if (!ack.ok) throw new Error(`projector:grant refused: ${ack.error.code}`);
  return ack.data.key;
}

describe('no clipped region on projector views', () => {
  const suite = browserSuite('e2e-projector-fit');

  /** One projector per language, opened with the projector link, as on a room PC. */
  async function openProjectors(path: string, key: string): Promise<Array<{ page: Page; language: TestLanguage }>> {
    return Promise.all(
      languages.map(async (language) => {
        const context = await projectorContext(suite.browser, { locale: language === 'de' ? 'de-DE' : 'en-GB' });
        const page = await context.newPage();
        await page.goto(`${suite.app.server.url}${path}#projector=${key}`);
        return { page, language };
      }),
    );
  }

  /** Waits until every projector shows `text` (per language), then checks both sizes. */
  async function check(
    projectors: Array<{ page: Page; language: TestLanguage }>,
    where: string,
    shows: (M: (typeof messages)['de']) => string,
    shotName?: string,
  ): Promise<void> {
    for (const { page, language } of projectors) {
      await page.getByText(shows(messages[language]), { exact: false }).first().waitFor();
      await expectNothingClipped(page, `${where} (${language})`, shotName && `${shotName}-${language}`);
    }
  }

  it(
    'Lean Coffee: every phase with long German content, in German and English, at 1280×720 and 1920×1080',
    { timeout: 240_000 },
    async () => {
      const created = await createSessionOverHttp(suite.app.server.url, {
        title:
          'Jugendhilfeplanungsausschuss: Vorbereitung der Sitzung am 26. November mit allen Trägern der freien Jugendhilfe',
        facilitatorName: 'Fatma Yılmaz-Schönberger',
        settings: { hiddenVoting: true, votesPerPerson: 3, allowStacking: true },
      });
      const seats: Seat[] = await Promise.all(
        names.map((name) => joinOverHttp(suite.app.server.url, created.sessionId, name)),
      );
      const f = await TestClient.connect(suite.app.server.url, created);
      const people = await Promise.all(seats.map((seat) => TestClient.connect(suite.app.server.url, seat)));
      const everyone = [f, ...people];
      const projectors = await openProjectors(`/s/${created.joinCode}/projector`, await projectorKey(f));

      for (let i = 0; i < 12; i += 1) {
        const author = everyone[i % everyone.length]!;
        await run(author, 'topic:add', { title: topic(i + 1), description: i === 0 ? description : '' });
      }
      await check(projectors, 'collecting 12 topics', () => topic(12), 'lean-coffee-long-collect');

      await run(f, 'phase:change', { to: 'vote' });
      const ids = f.mirror.state?.topics.map((t) => t.id) ?? [];
      for (const [i, person] of everyone.entries()) {
        for (let dot = 0; dot < 3; dot += 1) await run(person, 'vote:cast', { topicId: ids[(i + dot) % 6]! });
      }
      await check(projectors, 'hidden voting', (M) => M.projector.votesHidden);
      await run(f, 'votes:reveal', {});
      await check(projectors, 'votes revealed', (M) => fill(M.vote.cast_other, { count: 24 }));

      await run(f, 'phase:change', { to: 'discuss' });
      await run(f, 'discussion:start', {});
      const current = f.mirror.state?.topics.find((t) => t.status === 'discussing');
      if (!current) throw new Error('no topic under discussion');
      await check(projectors, 'discussing a long topic', () => current.title);
      await run(f, 'thumbs:open', {});
      for (const person of everyone.slice(0, 3)) await run(person, 'thumbs:cast', { value: 'up' });
      await check(projectors, 'thumbs vote in progress', (M) => fill(M.thumbs.progress, { count: 3, total: 8 }));
      for (let i = 1; i <= 3; i += 1) {
        await run(f, 'outcome:add', { topicId: current.id, kind: 'takeaway', text: longText(i, 'Erkenntnis') });
        await run(f, 'outcome:add', {
          topicId: current.id,
          kind: 'action',
          text: longText(i, 'Aufgabe'),
          ownerName: names[i]!,
          due: '2026-12-15',
        });
      }
      await check(projectors, 'takeaways and actions', () => longText(3, 'Aufgabe'), 'lean-coffee-long-takeaways');
      for (const person of everyone.slice(3)) await run(person, 'thumbs:cast', { value: 'down' });
      await waitUntil('thumbs revealed', () => f.mirror.state?.thumbs?.revealed === true);
      await check(projectors, 'thumbs revealed', () => longText(3, 'Aufgabe'));

      // Four topics discussed, the next ones waiting: both lists full of long titles.
      for (let i = 0; i < 4; i += 1) {
        await run(f, 'discussion:close', {});
        await run(f, 'discussion:start', {});
      }
      const next = f.mirror.state?.topics.find((t) => t.status === 'discussing');
      await check(projectors, 'lists of discussed and waiting topics', () => next?.title ?? '');

      await run(f, 'discussion:close', {});
      await run(f, 'phase:change', { to: 'wrapup' });
      for (const [i, person] of everyone.entries()) {
        if (i === 2) await run(person, 'closing:pass', {});
        else await run(person, 'closing:submit', { text: longText(i, 'Mitnahme').slice(0, 200) });
        await run(person, 'roti:cast', { score: 1 + (i % 5) });
      }
      await check(projectors, 'closing round of eight and the ROTI', () => longText(7, 'Mitnahme').slice(0, 200));
      await run(f, 'phase:change', { to: 'ended' });
      await check(projectors, 'ended, with the ROTI result', (M) => M.projector.thanks);
      for (const client of everyone) client.close();
    },
  );

  it(
    'team space: every step of sync, governance (eight long objections) and relationship meetings, at both sizes',
    { timeout: 300_000 },
    async () => {
      const created = await createTeamSpaceOverHttp(suite.app.server.url, {
        title: 'Jugendhilfeplanung und Sozialraumorientierung im Landkreis',
        facilitatorName: 'Fee Lindenberg-Ackermann',
      });
      const seats = await Promise.all(names.map((name) => joinOverHttp(suite.app.server.url, created.sessionId, name)));
      const fee = await TestClient.connect(suite.app.server.url, created);
      const members = await Promise.all(seats.map((seat) => TestClient.connect(suite.app.server.url, seat)));
      const everyone = [fee, ...members];
      await waitUntil('everyone online', () => fee.mirror.space?.participants.every((p) => p.online) === true);
      const byId = new Map(everyone.map((client) => [client.seat.participantId, client]));
      const projectors = await openProjectors(`/t/${created.joinCode}/projector`, await projectorKey(fee));
      const tensionId = (title: string) => fee.mirror.space?.tensions.find((t) => t.title === title)?.id ?? '';

      const title = (i: number) => topic(i).slice(0, 120);
      for (let i = 1; i <= 7; i += 1) {
        await run(members[i % members.length]!, 'tension:add', {
          title: title(i),
          description,
          room: i <= 4 ? 'operational' : i <= 6 ? 'governance' : 'relationship',
          anonymous: false,
        });
      }
      await check(projectors, 'the space between meetings', (M) => M.projector.openTensions);

      /** Lets everyone speak in the round under way, each in turn. */
      async function finishRound() {
        while (fee.mirror.space?.meeting?.round && !roundDone()) await run(fee, 'round:next', {});
      }
      const roundDone = () => {
        const round = fee.mirror.space?.meeting?.round;
        return !round || round.index >= round.order.length;
      };
      async function toStage(stage: string) {
        while (fee.mirror.space?.meeting?.stage !== stage) await run(fee, 'meeting:advance', {});
      }

      // The sync meeting: check-in with eight speakers, the checklist, projects, agenda, a tension.
      await run(fee, 'meeting:start', { room: 'operational' });
      await run(fee, 'round:start', { kind: 'checkin' });
      await check(projectors, 'sync check-in round', (M) =>
        fill(M.projector.nowSpeaking, { name: 'Fee Lindenberg-Ackermann' }),
      );
      await finishRound();
      for (const stage of ['checklist', 'projects', 'agenda'] as const) {
        await toStage(stage);
        await check(projectors, `sync ${stage}`, (M) => M.loop.stages[stage]);
      }
      await toStage('tensions');
      await run(fee, 'tension:start', { tensionId: tensionId(title(1)) });
      await run(fee, 'tension:outcome', {
        outcome: {
          type: 'next-action',
          text: longText(1, 'Nächster Schritt'),
          ownerId: members[0]!.seat.participantId,
          ownerName: null,
          due: '2026-12-01',
        },
      });
      await check(projectors, 'sync tension with its outcome', () => longText(1, 'Nächster Schritt'));
      await run(fee, 'tension:close', { gotWhatNeeded: true });
      await toStage('closing');
      await check(projectors, 'sync closing', (M) => M.loop.stages.closing);
      await run(fee, 'meeting:end', {});

      // The governance meeting: a long proposal, eight long objections, integration.
      await run(fee, 'meeting:start', { room: 'governance' });
      await toStage('tensions');
      const governance = tensionId(title(5));
      const proposer = members[0]!;
      await run(fee, 'tension:start', { tensionId: governance, proposerId: proposer.seat.participantId });
      await run(proposer, 'proposal:set', { proposal: `${description}\n\n${longText(0, 'Vorschlag')}` });
      await check(projectors, 'governance proposal', (M) => M.loop.idmSteps.proposal);
      while (fee.mirror.space?.meeting?.process?.step !== 'objection') {
        if (fee.mirror.space?.meeting?.round && !roundDone()) await finishRound();
        else await run(fee, 'process:advance', {});
      }
      for (let i = 1; i <= 8; i += 1) {
        // Whoever spoke last holds the newest copy: it says whose turn it is now.
        const newest = everyone.reduce((a, b) => (a.mirror.version >= b.mirror.version ? a : b));
        const round = newest.mirror.space?.meeting?.round;
        const speaker = round ? byId.get(round.order[round.index] ?? '') : undefined;
        if (!speaker) throw new Error('nobody’s turn in the objection round');
        await run(speaker, 'objection:raise', { reason: longText(i, 'Einwand') });
      }
      await waitUntil('eight objections everywhere', () => fee.mirror.space?.meeting?.process?.objections.length === 8);
      await check(
        projectors,
        'governance objection round with eight long objections',
        () => longText(8, 'Einwand'),
        'loop-governance-objections',
      );
      await run(fee, 'process:advance', {});
      await check(projectors, 'governance integration', (M) => M.loop.idmSteps.integration);
      await run(fee, 'meeting:end', {});

      // The relationship meeting: its content is private, the projector shows the round.
      await run(fee, 'meeting:start', { room: 'relationship' });
      await run(fee, 'round:start', { kind: 'checkin' });
      await check(projectors, 'relationship check-in', (M) =>
        fill(M.projector.nowSpeaking, { name: 'Fee Lindenberg-Ackermann' }),
      );
      await finishRound();
      await toStage('tensions');
      await run(fee, 'tension:start', { tensionId: tensionId(title(7)) });
      await check(projectors, 'relationship tension on the table', (M) => M.meeting.tensions.onTable);
      await run(fee, 'meeting:end', {});
      for (const client of everyone) client.close();
    },
  );
});
