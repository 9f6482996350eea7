import { randomUUID } from 'node:crypto';
import type { CommandInput, CommandType } from '@runde/shared';
import type { Browser } from 'playwright-core';
import { createSessionOverHttp, joinOverHttp, TestClient, topicId } from '../support/serverClients.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { RETRO } from '../support/retroTopics.ts';
import { click, contextFor, seatOf, shoot, waitForText } from './shots.ts';

/** Sends a Lean Coffee command and waits until this client holds its result. */
async function run<T extends CommandType>(client: TestClient, type: T, payload: CommandInput<T>): Promise<void> {
  const ack = await client.send(type, payload, randomUUID());
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
  const { version } = ack.data;
  const deadline = Date.now() + 5_000;
  while (client.mirror.version < version) {
    if (Date.now() > deadline) throw new Error(`${type} never arrived`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const TITLE = 'Teamrunde Sozialplanung';
const HANDOVER = 'Übergabe zwischen Jugendhilfe und Schule';
const CALENDAR = 'Shared calendar for the district office';
const PRIVACY = 'Neue Datenschutzregeln';
const PRIVACY_DAILY = 'Datenschutz im Alltag';
const FRIDAYS = 'Meeting-free Fridays';
const WORKSHOP = 'Rückblick auf den Workshop';

/**
 * The German Lean Coffee of the README, from the start page to the summary: Maria facilitates on
 * a 1920×1080 screen, Ana takes part on her phone, Ben, Cem and Dana act over sockets.
 */
export async function leanCoffeeGerman(browser: Browser, base: string): Promise<void> {
  const maria = await (await contextFor(browser, 'projector-start.png', { locale: 'de-DE' })).newPage();
  await maria.goto(base);
  await maria.getByLabel('Titel der Sitzung').fill(TITLE);
  await maria.getByLabel('Ihr Name').fill('Maria');
  await maria.getByText('Einstellungen', { exact: true }).click();
  await maria.getByText('Verdeckt abstimmen').click();
  await shoot(maria, 'projector-start.png');
  await click(maria, 'Lean Coffee starten');
  const joinUrl = (await maria.getByLabel('Link zum Beitreten').inputValue()).replace(/^https?:\/\/[^/]+/, base);
  const code = new URL(joinUrl).pathname.split('/').pop() ?? '';
  const facilitator = await TestClient.connect(base, await seatOf(maria, code));

  const ana = await (await contextFor(browser, 'phone-join.png', { locale: 'de-DE', mobile: true })).newPage();
  await ana.goto(joinUrl);
  await ana.getByLabel('Ihr Name').fill('Ana');
  await shoot(ana, 'phone-join.png');
  await click(ana, 'Beitreten');
  await ana.getByLabel('Thema', { exact: true }).fill(HANDOVER);
  await ana.getByLabel('Beschreibung (optional)').fill('Wie vermeiden wir Lücken bei Zuständigkeiten?');
  await click(ana, 'Thema hinzufügen');
  await waitForText(ana, HANDOVER);

  const sessionId = facilitator.seat.sessionId;
  const [ben, cem, dana] = (await Promise.all(
    ['Ben', 'Cem', 'Dana'].map(async (name) => TestClient.connect(base, await joinOverHttp(base, sessionId, name))),
  )) as [TestClient, TestClient, TestClient];
  // A timer paused right after its start reads its full time on every run (the clock rounds up).
  await run(facilitator, 'timer:start', { minutes: 5 });
  await run(facilitator, 'timer:pause', {});
  await run(ben, 'topic:add', { title: CALENDAR, description: '' });
  await run(cem, 'topic:add', { title: PRIVACY, description: '' });
  await run(dana, 'topic:add', { title: PRIVACY_DAILY, description: '' });
  await run(dana, 'topic:add', { title: FRIDAYS, description: '' });
  await run(ben, 'topic:add', { title: WORKSHOP, description: '' });
  await waitForText(maria, WORKSHOP);
  await shoot(maria, 'projector-collect.png');
  await waitForText(ana, WORKSHOP);
  await shoot(ana, 'phone-collect.png');

  // Voting, hidden until Maria reveals: Ana votes on her phone, the others over sockets.
  await run(facilitator, 'topics:merge', {
    sourceId: topicId(facilitator.mirror.state, PRIVACY_DAILY),
    targetId: topicId(facilitator.mirror.state, PRIVACY),
  });
  await run(facilitator, 'phase:change', { to: 'vote' });
  const id = (title: string) => topicId(facilitator.mirror.state, title);
  for (const [client, titles] of [
    [ben, [PRIVACY, PRIVACY, CALENDAR]],
    [cem, [PRIVACY, HANDOVER, HANDOVER]],
    [dana, [PRIVACY, FRIDAYS]],
  ] as const) {
    for (const title of titles) await run(client, 'vote:cast', { topicId: id(title) });
  }
  const anaVotes = ana.getByRole('heading', { name: 'Punkte vergeben' });
  await anaVotes.waitFor();
  const calendarCard = ana.getByRole('listitem').filter({ hasText: CALENDAR });
  await calendarCard
    .getByRole('button', { name: /Punkt (hinzufügen|vergeben)|\+/ })
    .first()
    .click();
  await calendarCard
    .getByRole('button', { name: /Punkt (hinzufügen|vergeben)|\+/ })
    .first()
    .click();
  const workshopCard = ana.getByRole('listitem').filter({ hasText: WORKSHOP });
  await workshopCard
    .getByRole('button', { name: /Punkt (hinzufügen|vergeben)|\+/ })
    .first()
    .click();
  await waitForText(ana, '3 von 3 Punkten vergeben');
  await shoot(ana, 'phone-vote.png', anaVotes);
  await waitForText(maria, 'Punkte');
  await shoot(maria, 'projector-vote.png');

  // Discussion of the top topic with a thumbs vote and outcomes.
  // A one-minute timebox, so the thumbs vote can meet "time is up" within the run.
  await run(facilitator, 'settings:update', { settings: { timeboxMinutes: 1 } });
  await run(facilitator, 'votes:reveal', {});
  await run(facilitator, 'phase:change', { to: 'discuss' });
  await run(facilitator, 'discussion:start', { topicId: id(PRIVACY) });
  await run(facilitator, 'timer:pause', {});
  await waitForText(ana, 'In Diskussion');
  await shoot(ana, 'phone-discuss.png', ana.getByRole('heading', { name: 'In Diskussion' }));
  await waitForText(maria, 'In Diskussion');
  await shoot(maria, 'projector-discuss.png');

  // Dana's phone, in English and dark mode, during the thumbs vote.
  const danaPhone = await contextFor(browser, 'phone-thumbs-dark-en.png', {
    locale: 'en-GB',
    mobile: true,
    dark: true,
  });
  await seatBrowser(danaPhone, code, dana.seat);
  const danaPage = await danaPhone.newPage();
  await danaPage.goto(`${base}/s/${code}`);
  await run(facilitator, 'thumbs:open', {});
  await run(facilitator, 'thumbs:cast', { value: 'up' });
  await run(ben, 'thumbs:cast', { value: 'up' });
  await run(cem, 'thumbs:cast', { value: 'side' });
  await run(dana, 'thumbs:cast', { value: 'up' });
  await ana.getByRole('button', { name: /^Daumen hoch/ }).click();
  await waitForText(maria, '5 von 5');
  await run(facilitator, 'thumbs:reveal', {});
  // The timebox runs out, as in the picture: a minute's wait for what the page then shows.
  await run(facilitator, 'timer:resume', {});
  await waitForText(ana, 'Die Zeit ist um', 90_000);
  await waitForText(danaPage, 'Time is up');
  const thumbs = ana.getByRole('heading', { name: 'Daumenabstimmung' });
  await thumbs.waitFor();
  await shoot(ana, 'phone-thumbs.png', thumbs);
  const thumbsEn = danaPage.getByRole('heading', { name: 'Thumbs vote' });
  await thumbsEn.waitFor();
  await shoot(danaPage, 'phone-thumbs-dark-en.png', thumbsEn);
  const mariaEn = await (await contextFor(browser, 'projector-discuss-en.png', { locale: 'en-GB' })).newPage();
  await seatBrowser(mariaEn.context(), code, facilitator.seat);
  await mariaEn.goto(`${base}/s/${code}`);
  await waitForText(mariaEn, 'Thumbs vote');
  await shoot(mariaEn, 'projector-discuss-en.png');

  await run(facilitator, 'outcome:add', {
    topicId: id(PRIVACY),
    kind: 'takeaway',
    text: 'Wir brauchen eine feste Ansprechperson',
  });
  await run(facilitator, 'outcome:add', {
    topicId: id(PRIVACY),
    kind: 'action',
    text: 'Draft a buddy checklist',
    ownerId: cem.seat.participantId,
    due: '2026-12-01',
  });
  await waitForText(ana, 'Draft a buddy checklist');
  await shoot(ana, 'phone-outcomes.png', ana.getByText('Erkenntnisse', { exact: true }).first());

  await run(facilitator, 'discussion:close', {});
  await run(facilitator, 'discussion:start', { topicId: id(CALENDAR) });
  await run(facilitator, 'discussion:close', {});
  await run(facilitator, 'phase:change', { to: 'wrapup' });
  await ana.getByLabel('Ihre Erkenntnis in einem Satz').fill('Klare nächste Schritte, danke!');
  await click(ana, 'Beitrag senden');
  await run(ben, 'closing:pass', {});
  await waitForText(ana, 'gepasst');
  await shoot(ana, 'phone-wrapup.png');
  await waitForText(maria, 'gepasst');
  await shoot(maria, 'projector-wrapup.png');

  await run(cem, 'roti:cast', { score: 3 });
  await run(dana, 'roti:cast', { score: 5 });
  await run(facilitator, 'roti:cast', { score: 4 });
  await run(facilitator, 'phase:change', { to: 'ended' });
  await waitForText(ana, 'Diese Sitzung ist beendet');
  await shoot(ana, 'phone-ended.png');
  await waitForText(maria, 'Diese Sitzung ist beendet');
  await shoot(maria, 'projector-ended.png');

  const summary = await maria.context().newPage();
  await summary.emulateMedia({ media: 'print' });
  await summary.goto(`${base}/s/${code}/summary`);
  await waitForText(summary, 'Klare nächste Schritte, danke!');
  await shoot(summary, 'print-summary.png');

  for (const client of [facilitator, ben, cem, dana]) client.close();
}

/** The English projector of a Lean Coffee, "Team retro, March", set up entirely over sockets. */
export async function leanCoffeeProjector(browser: Browser, base: string): Promise<void> {
  const created = await createSessionOverHttp(base, { title: 'Team retro, March', facilitatorName: 'Maria' });
  const seats = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => joinOverHttp(base, created.sessionId, name)));
  const lead = await TestClient.connect(base, created);
  const others = await Promise.all(seats.map((seat) => TestClient.connect(base, seat)));
  const session = { created, all: [lead, ...others], close: () => [lead, ...others].forEach((c) => c.close()) };
  const context = await contextFor(browser, 'projector-lc-collect.png', { locale: 'en-GB' });
  await seatBrowser(context, session.created.joinCode, session.created);
  const projector = await context.newPage();
  await projector.goto(`${base}/s/${session.created.joinCode}/projector`);
  for (const [i, title] of RETRO.entries())
    await run(session.all[i % 4] ?? lead, 'topic:add', { title, description: '' });
  await waitForText(projector, RETRO.at(-1) ?? '');
  await shoot(projector, 'projector-lc-collect.png');

  // The join code in full screen, from the facilitator's laptop and on a phone held upright.
  const laptop = await (await contextFor(browser, 'share-fullscreen.png', { locale: 'en-GB' })).newPage();
  await seatBrowser(laptop.context(), session.created.joinCode, session.created);
  await laptop.goto(`${base}/s/${session.created.joinCode}`);
  await click(laptop, 'Show full screen');
  await laptop.getByRole('button', { name: 'Close' }).waitFor();
  await shoot(laptop, 'share-fullscreen.png');
  const phone = await (
    await contextFor(browser, 'phone-share-fullscreen.png', { locale: 'en-GB', scale: 2, mobile: true })
  ).newPage();
  await seatBrowser(phone.context(), session.created.joinCode, session.created);
  await phone.goto(`${base}/s/${session.created.joinCode}`);
  await click(phone, 'Show full screen');
  await phone.getByRole('button', { name: 'Close' }).waitFor();
  await shoot(phone, 'phone-share-fullscreen.png');

  await run(lead, 'phase:change', { to: 'vote' });
  const id = (title: string) => topicId(lead.mirror.state, title);
  // 3, 2 and four single votes, Coffee machine none: the tallies of the committed picture.
  const ballots = [
    [RETRO[0], RETRO[1], RETRO[3]],
    [RETRO[0], RETRO[1], RETRO[4]],
    [RETRO[0], RETRO[5], RETRO[6]],
  ];
  for (const [i, titles] of ballots.entries()) {
    for (const title of titles) await run(session.all[i] ?? lead, 'vote:cast', { topicId: id(title ?? '') });
  }
  await waitForText(projector, '9 votes cast');
  await shoot(projector, 'projector-lc-vote.png');

  await run(lead, 'votes:reveal', {});
  await run(lead, 'phase:change', { to: 'discuss' });
  await run(lead, 'discussion:start', { topicId: id(RETRO[0] ?? '') });
  await run(lead, 'timer:pause', {});
  await run(lead, 'thumbs:open', {});
  for (const [i, value] of (['up', 'up', 'side', 'down'] as const).entries()) {
    await run(session.all[i] ?? lead, 'thumbs:cast', { value });
  }
  await run(lead, 'thumbs:reveal', {});
  await waitForText(projector, 'Nothing discussed yet.');
  await projector.getByRole('timer').first().waitFor();
  await shoot(projector, 'projector-lc-discuss.png');
  // A screen that is 1280×720 from the start, as a small projector is (not a big one resized).
  const small = await contextFor(browser, 'projector-lc-discuss-1280x720.png', { locale: 'en-GB' });
  await seatBrowser(small, session.created.joinCode, session.created);
  const smallProjector = await small.newPage();
  await smallProjector.goto(`${base}/s/${session.created.joinCode}/projector`);
  await waitForText(smallProjector, 'Nothing discussed yet.');
  await shoot(smallProjector, 'projector-lc-discuss-1280x720.png');
  await run(lead, 'outcome:add', {
    topicId: id(RETRO[0] ?? ''),
    kind: 'takeaway',
    text: 'Freeze the scope two days before a release',
  });

  await run(lead, 'discussion:close', {});
  await run(lead, 'phase:change', { to: 'wrapup' });
  await run(others[0] ?? lead, 'closing:submit', { text: 'Releases need a checklist' });
  await run(others[1] ?? lead, 'closing:pass', {});
  await waitForText(projector, 'Releases need a checklist');
  await shoot(projector, 'projector-lc-wrapup.png');

  session.close();
}
