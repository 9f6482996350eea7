import { ErrorCode, fail, succeed, type Ack, type CommandResult } from '../client.ts';
import { describe, expect, it } from 'vitest';
import { memoryOutboxStorage, Outbox, type OutboxTransport, type QueuedCommand } from './outbox.ts';

const vote = (n: number): QueuedCommand => ({
  commandId: `c${n}`,
  type: 'vote:cast',
  payload: { topicId: `t${n}` },
  queuedAt: n,
});

type Answer = Ack<CommandResult> | null;

/** A transport the test opens and closes; it answers each delivery with what `answer` says. */
function fakeTransport(answer: (entry: QueuedCommand) => Answer = () => succeed({ version: 1, events: [] })) {
  const sent: string[] = [];
  const transport: OutboxTransport & { online: boolean; sent: string[] } = {
    online: false,
    sent,
    ready: () => transport.online,
    deliver: (entry) => {
      sent.push(entry.commandId);
      return Promise.resolve(answer(entry));
    },
  };
  return transport;
}

describe('Outbox', () => {
  it('keeps what is queued offline, in order, and sends it with its own ids once ready', async () => {
    const storage = memoryOutboxStorage();
    const transport = fakeTransport();
    const queuedNow: string[] = [];
    const outbox = new Outbox(storage, transport);
    const answers = [1, 2, 3].map((n) => outbox.add(vote(n), () => queuedNow.push(`c${n}`)));
    await outbox.flush();
    expect(queuedNow).toEqual(['c1', 'c2', 'c3']);
    expect(storage.saved.map((e) => e.commandId)).toEqual(['c1', 'c2', 'c3']);
    expect(transport.sent).toEqual([]);

    transport.online = true;
    expect(await outbox.flush()).toBe(true);
    expect(transport.sent).toEqual(['c1', 'c2', 'c3']);
    expect(storage.saved).toEqual([]);
    expect(await Promise.all(answers)).toEqual([1, 2, 3].map(() => succeed({ version: 1, events: [] })));
  });

  it('survives a reload: a new outbox over the same storage sends what the last one held', async () => {
    const storage = memoryOutboxStorage();
    void new Outbox(storage, fakeTransport()).add(vote(1));
    const transport = fakeTransport();
    const refused: string[] = [];
    const reloaded = new Outbox(storage, transport, { refused: (entry) => refused.push(entry.commandId) });
    expect(reloaded.entries.map((e) => e.commandId)).toEqual(['c1']);
    transport.online = true;
    await reloaded.flush();
    expect(transport.sent).toEqual(['c1']);
    expect(refused).toEqual([]);
  });

  it('tries a command again with the same id when its answer was lost, and keeps the order', async () => {
    let lose = true;
    const transport = fakeTransport(() => {
      if (lose) {
        lose = false;
        return null;
      }
      return succeed({ version: 2, events: [] });
    });
    const outbox = new Outbox(memoryOutboxStorage(), transport);
    void outbox.add(vote(1));
    transport.online = true;
    expect(await outbox.flush()).toBe(false);
    void outbox.add(vote(2));
    expect(await outbox.flush()).toBe(true);
    expect(transport.sent).toEqual(['c1', 'c1', 'c2']);
  });

  it('says it stalled when an answer was lost on a connection that stayed up, also after add', async () => {
    let lose = true;
    const transport = fakeTransport(() => (lose ? null : succeed({ version: 2, events: [] })));
    transport.online = true;
    let stalled = 0;
    const outbox = new Outbox(memoryOutboxStorage(), transport, { stalled: () => (stalled += 1) });
    const answer = outbox.add(vote(1));
    // add's own flush lost the answer: nobody else would have tried again before a reconnect.
    await Promise.resolve();
    await Promise.resolve();
    expect(stalled).toBe(1);
    lose = false;
    expect(await outbox.flush()).toBe(true);
    expect(await answer).toEqual(succeed({ version: 2, events: [] }));
    transport.online = false;
    void outbox.add(vote(2));
    expect(await outbox.flush()).toBe(false);
    // Not ready is not stalled: the reconnect flushes.
    expect(stalled).toBe(1);
  });

  it('keeps a command the server did not look at (rate limit) and sends it again later', async () => {
    let limited = true;
    const transport = fakeTransport(() =>
      limited ? fail(ErrorCode.rateLimited, 'Slow down.') : succeed({ version: 3, events: [] }),
    );
    const refused: string[] = [];
    const outbox = new Outbox(memoryOutboxStorage(), transport, { refused: (entry) => refused.push(entry.commandId) });
    const answer = outbox.add(vote(1));
    transport.online = true;
    expect(await outbox.flush()).toBe(false);
    expect(outbox.entries).toHaveLength(1);
    limited = false;
    expect(await outbox.flush()).toBe(true);
    expect(await answer).toEqual(succeed({ version: 3, events: [] }));
    expect(refused).toEqual([]);
  });

  it('reports a refusal of a command that waited, and leaves one sent at once to its caller', async () => {
    const transport = fakeTransport(() => fail(ErrorCode.wrongPhase, 'Not now.'));
    const refused: string[] = [];
    const outbox = new Outbox(memoryOutboxStorage(), transport, { refused: (entry) => refused.push(entry.commandId) });
    const waited = outbox.add(vote(1));
    transport.online = true;
    const direct = outbox.add(vote(2));
    await outbox.flush();
    expect(refused).toEqual(['c1']);
    expect(await waited).toMatchObject({ ok: false, error: { code: ErrorCode.wrongPhase } });
    expect(await direct).toMatchObject({ ok: false, error: { code: ErrorCode.wrongPhase } });
    expect(outbox.entries).toEqual([]);
  });

  it.each([
    ['entries', { maxEntries: 2, maxChars: 100_000 }],
    ['characters', { maxEntries: 100, maxChars: 200 }],
  ])('refuses a command at once when the queue is full by %s', (_, limits) => {
    const outbox = new Outbox(memoryOutboxStorage(), fakeTransport(), {}, limits);
    expect(outbox.add(vote(1))).not.toBeNull();
    expect(outbox.add(vote(2))).not.toBeNull();
    expect(outbox.add(vote(3))).toBeNull();
    expect(outbox.entries).toHaveLength(2);
  });

  it('forgets the queue and its storage when discarded', () => {
    const storage = memoryOutboxStorage();
    const outbox = new Outbox(storage, fakeTransport());
    void outbox.add(vote(1));
    outbox.discard();
    expect(outbox.entries).toEqual([]);
    expect(storage.saved).toEqual([]);
  });
});
