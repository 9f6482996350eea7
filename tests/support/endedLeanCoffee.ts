import { randomUUID } from 'node:crypto';
import type { CommandInput, CommandType } from '@runde/shared';
import { startSession, topicId, type TestClient, type TestSession } from './serverClients.ts';

/** A link as people paste it into a topic: one unbreakable "word" of 96 characters. */
export const longUrl =
  'https://www.kommune360.de/materialien/lean-coffee-leitfaden-fuer-jugendhilfeausschuesse-2026.pdf';
/** A 58-letter German compound, as a youth-welfare committee writes them. */
export const longCompound = 'Jugendhilfeplanungsausschusssitzungsvorbereitungsunterlage';

async function run<T extends CommandType>(client: TestClient, type: T, payload: CommandInput<T>): Promise<void> {
  const ack = await client.send(type, payload, randomUUID());
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
}

/**
 * An ended Lean Coffee full of long, realistic content, set up over sockets: a topic with a URL
 * (discussed, with an action and a takeaway), one with a 58-letter compound (not discussed), a
 * closing round and a ROTI vote. The facilitator is Fatma, the participant Person 1.
 */
export async function endedLeanCoffee(url: string, title = 'Jugendhilfeausschuss März'): Promise<TestSession> {
  const session = await startSession(url, { participants: 1, title });
  const [fatma, person] = session.all as [TestClient, TestClient];
  await run(fatma, 'topic:add', { title: `Leitfaden: ${longUrl}`, description: `Siehe ${longUrl}` });
  await run(person, 'topic:add', { title: `${longCompound} rechtzeitig verschicken`, description: '' });
  await run(fatma, 'phase:change', { to: 'vote' });
  const urlTopic = topicId(fatma.mirror.state, `Leitfaden: ${longUrl}`);
  await run(person, 'vote:cast', { topicId: urlTopic });
  await run(fatma, 'phase:change', { to: 'discuss' });
  await run(fatma, 'discussion:start', { topicId: urlTopic });
  await run(fatma, 'outcome:add', {
    topicId: urlTopic,
    kind: 'takeaway',
    text: `Der Leitfaden liegt unter ${longUrl}`,
  });
  await run(fatma, 'outcome:add', {
    topicId: urlTopic,
    kind: 'action',
    text: `${longCompound} prüfen; Entwurf: „Fristen, Zuständigkeiten“`,
    ownerName: 'Verwaltungsfachangestellte Jugendamt',
    due: '2026-12-01',
  });
  await run(fatma, 'discussion:close', {});
  await run(fatma, 'phase:change', { to: 'wrapup' });
  await run(fatma, 'closing:submit', { text: `Danke! ${longUrl}` });
  await run(person, 'closing:pass', {});
  await run(fatma, 'roti:cast', { score: 4 });
  await run(person, 'roti:cast', { score: 5 });
  await run(fatma, 'phase:change', { to: 'ended' });
  return session;
}
