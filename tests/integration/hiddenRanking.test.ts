import { rankTopics, type Ack, type CommandResult } from '@runde/shared';
import { describe, expect, it } from 'vitest';
import { integrationSuite } from '../support/integrationSuite.ts';
import {
  convergedSession,
  joinOverHttp,
  okVersion,
  startSession,
  TestClient,
  topicId,
  type TestSession,
} from '../support/serverClients.ts';
import { parseFrame } from '../support/serverFrames.ts';

const suite = integrationSuite('hidden-ranking', {
  config: { rateLimits: { seat: { points: 1000, durationSec: 10 } } },
  closeClients: 'afterEach',
});

/** `ok`, or the error code of a failed ack. */
function codeOf(ack: Ack<CommandResult>): string {
  return ack.ok ? 'ok' : ack.error.code;
}

/**
 * Every list anywhere in a parsed frame that names at least two of `ids`, as those ids in the
 * order they first appear: an agenda, a column, a ranking, wherever the protocol might put one.
 * The viewer's own dots are left out: they are in the order the viewer cast them.
 */
function orderedLists(value: unknown, ids: ReadonlySet<string>, me: string): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  const nested = Object.values(value).flatMap((item) => orderedLists(item, ids, me));
  if (!Array.isArray(value)) return nested;
  // A list of topic ids, or of objects each naming one (topics, dots, ranked entries).
  const named = value.flatMap((item: unknown) => {
    if (typeof item === 'string') return ids.has(item) ? [item] : [];
    if (typeof item !== 'object' || item === null || (item as { voterId?: unknown }).voterId === me) return [];
    return Object.values(item).filter((field): field is string => typeof field === 'string' && ids.has(field));
  });
  const distinct = [...new Set(named)];
  return distinct.length >= 2 ? [distinct, ...nested] : nested;
}

describe('the hidden ranking', () => {
  it('reaches nobody before the reveal, facilitators included, whatever the facilitators do', async () => {
    const s: TestSession = await startSession(suite.url, {
      participants: 3,
      settings: { hiddenVoting: true, votesPerPerson: 4, allowStacking: true },
    });
    suite.track(...s.all);
    const [f, a, b, co] = s.all as [TestClient, TestClient, TestClient, TestClient];
    const titles = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    for (const title of titles) okVersion(await f.send('topic:add', { title }));
    okVersion(await f.send('participant:set-role', { participantId: co.seat.participantId, role: 'facilitator' }));
    okVersion(await f.send('phase:change', { to: 'vote' }));
    const proposed = titles.map((title) => topicId(f.mirror.state, title));
    const id = (title: string) => proposed[titles.indexOf(title)] ?? '';

    // Dots in the reverse of the proposal order: Delta 4, Gamma 3, Beta 1, Alpha 0. Any list that
    // follows the votes puts a later topic before an earlier one.
    for (const title of ['Delta', 'Delta', 'Delta', 'Delta'])
      okVersion(await a.send('vote:cast', { topicId: id(title) }));
    for (const title of ['Gamma', 'Gamma', 'Gamma', 'Beta'])
      okVersion(await b.send('vote:cast', { topicId: id(title) }));
    const hidden = await convergedSession(suite.store, s.sessionId, s.all);
    expect(rankTopics(hidden.state).map((r) => r.topic.title)).toEqual(['Delta', 'Gamma', 'Beta', 'Alpha']);

    // Both facilitators try everything that touches the order or moves dots.
    const answers: string[] = [];
    for (const facilitator of [f, co]) {
      for (const title of titles) {
        for (const direction of ['up', 'down'] as const) {
          answers.push(codeOf(await facilitator.send('agenda:move', { topicId: id(title), direction })));
        }
      }
      answers.push(codeOf(await facilitator.send('agenda:reset', {})));
      answers.push(codeOf(await facilitator.send('topic:remove', { topicId: id('Gamma') })));
      answers.push(codeOf(await facilitator.send('discussion:start', {})));
    }
    // Back to collecting, the dots still hidden: the same holds there.
    okVersion(await f.send('phase:change', { to: 'collect' }));
    answers.push(codeOf(await co.send('agenda:move', { topicId: id('Delta'), direction: 'up' })));
    answers.push(codeOf(await co.send('topic:remove', { topicId: id('Beta') })));
    okVersion(await f.send('phase:change', { to: 'vote' }));
    // A merge carries the dots over, and says nothing about how many there were.
    answers.push(codeOf(await co.send('topics:merge', { sourceId: id('Alpha'), targetId: id('Beta') })));

    // A device joining now, a second device of the facilitator, a reconnect and fresh snapshots.
    const late = await suite.connect(await joinOverHttp(suite.url, s.sessionId, 'Late'));
    const fLaptop = await suite.connect(s.created);
    co.close();
    okVersion(await a.send('vote:retract', { topicId: id('Delta') }));
    await co.reconnect();
    expect(co.syncKinds.at(-1)).toBe('events');
    for (const device of [f, a, b, co]) await device.sendRaw('session:sync', { sinceVersion: 0 });
    const everyone = [...s.all, late, fLaptop];
    await convergedSession(suite.store, s.sessionId, everyone);

    const ids = new Set(proposed);
    for (const device of everyone) {
      const lists = device.frames.flatMap((frame) => orderedLists(parseFrame(frame), ids, device.seat.participantId));
      // Positive control: the topics themselves do arrive as lists.
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists) {
        const positions = list.map((topic) => proposed.indexOf(topic));
        expect(positions, `a list out of proposal order reached ${device.seat.participantId}`).toEqual(
          positions.slice().sort((x, y) => x - y),
        );
      }
      expect(device.frames.some((frame) => frame.includes('votes:revealed'))).toBe(false);
    }

    // Refused for everyone alike, by rules every copy can check: nothing told by a refusal either.
    expect(new Set(answers)).toEqual(new Set(['invalid_state', 'ok', 'wrong_phase']));
    expect(answers.filter((code) => code === 'ok')).toHaveLength(3);

    okVersion(await f.send('votes:reveal', {}));
    okVersion(await f.send('agenda:move', { topicId: id('Beta'), direction: 'up' }));
    await convergedSession(suite.store, s.sessionId, everyone);
    expect(f.mirror.state?.agenda?.map((topic) => titles[proposed.indexOf(topic)])).toEqual(['Gamma', 'Beta', 'Delta']);
  });
});
