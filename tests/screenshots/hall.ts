import { randomUUID } from 'node:crypto';
import type { CommandInput, CommandType } from '@runde/shared';
import type { Browser } from 'playwright-core';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import { seatBrowser } from '../support/remoteSeat.ts';
import { TestClient } from '../support/serverClients.ts';
import { click, contextFor, shoot, waitForText } from './shots.ts';

/** Sends a command of a table's Lean Coffee and fails loudly when it is refused. */
async function run<T extends CommandType>(client: TestClient, type: T, payload: CommandInput<T>): Promise<void> {
  const ack = await client.send(type, payload, randomUUID());
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
}

const TITLE = 'Mitarbeitendenversammlung 2026 – Zukunft der Stadtteilarbeit';
const TABLES = 40;
const TOPICS = [
  'Wie gehen wir mit der steigenden Nachfrage in der offenen Kinder- und Jugendarbeit um?',
  'Ehrenamt stärken',
  'Weniger Doppelarbeit zwischen den Stadtteilbüros',
  'Barrierefreie Angebote im Quartier',
];
const TAKEAWAYS = [
  'Feste Ansprechpersonen im Quartier und mehr Zeit für Beziehungsarbeit',
  'Ein gemeinsamer Kalender für alle Stadtteilbüros',
  'Ehrenamtliche früher einbinden und Fahrtkosten erstatten',
  'Jede neue Veranstaltung vorab auf Barrieren prüfen',
];

const at = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/**
 * Issue 16's event with tables: the organiser on a laptop, the hall projector with 40 tables at
 * 1920×1080 and 1280×720, a phone taking a seat from a table card and voting in the harvest, and
 * the printed table card. The tables' hosts act over sockets; the organiser works the page.
 */
export async function hall(browser: Browser, base: string): Promise<void> {
  const created = await createHallOverHttp(base, {
    title: TITLE,
    organiserName: 'Maria',
    seating: { mode: 'count', tables: TABLES },
  });
  const code = created.joinCode;
  const laptop = await contextFor(browser, 'hall-laptop-organiser.png', { locale: 'de-DE' });
  await seatBrowser(laptop, code, created);
  const organiser = await laptop.newPage();
  await organiser.goto(`${base}/h/${code}/facilitate`);
  await organiser.getByRole('heading', { name: TITLE }).waitFor();

  const hosts: TestClient[] = [];
  for (let table = 1; table <= TABLES; table += 1) {
    const people = table % 7 === 0 ? 2 : table % 5 === 0 ? 6 : 4;
    for (let seat = 0; seat < people; seat += 1) {
      const answer = await joinHallOverHttp(base, code, { name: `Gast ${table}-${seat}`, table });
      if (seat === 0) hosts.push(await TestClient.connect(base, answer.table));
    }
  }
  await waitForText(organiser, '40 Tische');

  await click(organiser, 'Sammeln');
  for (const [index, host] of hosts.entries()) {
    await run(host, 'topic:add', { title: at(TOPICS, index), description: '' });
    await run(host, 'topic:add', { title: at(TOPICS, index + 1), description: '' });
  }
  await click(organiser, 'Abstimmen');
  await click(organiser, 'Besprechen');
  for (const [index, host] of hosts.entries()) {
    await run(host, 'discussion:start', {});
    const state = host.mirror.state;
    const topicId = state?.kind === 'lean-coffee' ? state.topics.find((t) => t.status === 'discussing')?.id : null;
    if (topicId && index % 3 !== 2) {
      await run(host, 'outcome:add', { topicId, kind: 'takeaway', text: at(TAKEAWAYS, index) });
      const outcome = host.mirror.state?.kind === 'lean-coffee' ? host.mirror.state.outcomes.at(-1) : undefined;
      if (outcome && index % 4 === 0) await run(host, 'takeaway:highlight', { outcomeId: outcome.id });
    }
    if (index % 11 === 8) await run(host, 'hall:help', { on: true });
  }
  await organiser
    .getByLabel('Text der Durchsage')
    .fill('In zehn Minuten beginnt die Ernte: Bitte markiert eure wichtigste Erkenntnis.');
  await click(organiser, 'Durchsagen');
  await waitForText(organiser, 'Durchsage gesendet.');
  await shoot(organiser, 'hall-laptop-organiser.png');

  for (const name of ['hall-projector.png', 'hall-projector-1280x720.png']) {
    const screen = await contextFor(browser, name, { locale: 'de-DE' });
    await seatBrowser(screen, code, created);
    const projector = await screen.newPage();
    await projector.goto(`${base}/h/${code}/projector`);
    await waitForText(projector, at(TAKEAWAYS, 0));
    await shoot(projector, name);
    await screen.close();
  }

  const phoneContext = await contextFor(browser, 'hall-phone-join.png', { locale: 'de-DE', scale: 2, mobile: true });
  const phone = await phoneContext.newPage();
  await phone.goto(`${base}/h/${code}?t=7`);
  await phone.getByLabel('Ihr Name').fill('Ana');
  await shoot(phone, 'hall-phone-join.png');
  await click(phone, 'Platz nehmen');
  await phone.waitForURL(/\/s\/[2-9A-HJKMNP-Z]{6}$/);
  await phone.getByRole('region', { name: 'Veranstaltung' }).getByText('Tisch 7').waitFor();
  await waitForText(phone, 'In zehn Minuten beginnt die Ernte');
  await shoot(phone, 'hall-phone-table.png');

  await click(organiser, 'Ernte');
  await phone.goto(`${base}/h/${code}`);
  await click(phone, 'Punkt für Tisch 5 geben');
  await click(phone, 'Punkt für Tisch 5 geben');
  await waitForText(phone, 'Sie haben noch 1 Punkt.');
  await shoot(phone, 'hall-phone-harvest.png');

  const printer = await contextFor(browser, 'hall-poster.png', { locale: 'de-DE' });
  const poster = await printer.newPage();
  await poster.goto(`${base}/h/${code}/poster?tables=1`);
  await waitForText(poster, TITLE);
  await poster.emulateMedia({ media: 'print' });
  await shoot(poster, 'hall-poster.png');

  for (const host of hosts) host.close();
  await Promise.all([laptop.close(), phoneContext.close(), printer.close()]);
}
