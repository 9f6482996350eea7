import {
  commandPayloadSchemasOfAllKinds,
  everyKindFold,
  createSession,
  sessionEventFor,
  ErrorCode,
  fail,
  memoryOutboxStorage,
  Outbox,
  ReplicaSync,
  succeed,
  sessionViewFor,
  type Ack,
  type KindCommand,
  type KindCommandType,
  type KindState,
  type CommandResult,
  type IdKind,
  type SessionState,
  type SyncResult,
} from '@runde/shared';
import { ManualScheduler, seededRandom, SocketPair, type PairServer } from '@runde/shared/sync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { MemorySessionStore } from '../store/memorySessionStore.ts';
import { commandAck } from './commandAck.ts';
import { CommandRunner } from './commandRunner.ts';
import { stateFromEvents } from './stateFromEvents.ts';

/**
 * The client's sync engine (`@runde/shared/client`: ReplicaSync, Outbox) against the real
 * CommandRunner on the memory store, over in-memory socket pairs instead of a network. The server
 * end answers as the socket handlers do: commands through the runner with the sender's id, acked by
 * `commandAck`; `session:sync` with the masked events since the version, or a masked snapshot;
 * every commit pushed to each connected device, masked for it. Seeds: `RUNDE_SYNC_FUZZ_SEEDS`.
 */
// 25 seeds keep the unit project quick (about a second); a longer hunt: RUNDE_SYNC_FUZZ_SEEDS=2000.
const SEEDS = Number(process.env.RUNDE_SYNC_FUZZ_SEEDS ?? 25);
const STEPS = 200;
const DEVICES = 4;
const SESSION_ID = 'FUZZ23';

/** Lets every promise that can settle now settle (the memory store answers within a turn). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One seated participant's device: the engine's parts wired as the web app's LiveSession wires them. */
class Device {
  readonly pair: SocketPair;
  readonly replica: ReplicaSync<KindState>;
  readonly outbox: Outbox;
  readonly participantId: string;

  constructor(participantId: string, server: PairServer, scheduler: ManualScheduler) {
    this.participantId = participantId;
    this.pair = new SocketPair(server);
    const socket = this.pair.client;
    this.replica = new ReplicaSync({ socket, fold: everyKindFold, fromSnapshot: (state) => state, scheduler });
    this.outbox = new Outbox(
      memoryOutboxStorage(),
      {
        ready: () => socket.connected,
        deliver: async (entry) => {
          try {
            const ack = await socket.command(entry.type, entry.payload, { commandId: entry.commandId });
            if (ack.ok) this.replica.acked(ack.data);
            return ack;
          } catch {
            return null;
          }
        },
      },
      { stalled: () => scheduler.later(1_000, () => void this.outbox.flush()) },
    );
    this.pair.onPush = (batch) => this.replica.receive(batch.events);
    this.pair.onConnect = () => {
      void this.replica.sync();
      void this.outbox.flush();
    };
  }
}

/** A deterministic id source, so a seed replays exactly. */
function countingIds() {
  let n = 0;
  return {
    newId: (kind: IdKind) => `${kind.slice(0, 2)}${(n += 1)}`,
    newJoinCode: () => SESSION_ID,
    newSecret: () => `secret${(n += 1)}`,
  };
}

async function startServer(random: () => number) {
  const scheduler = new ManualScheduler(1_700_000_000_000, random);
  const store = new MemorySessionStore({ retentionMs: 3_600_000, clock: () => scheduler.now() });
  const ids = countingIds();
  const devices: Device[] = [];
  const runner = new CommandRunner({
    store,
    clock: () => scheduler.now(),
    ids,
    logger: createLogger('silent'),
    // The fan-out: each connected device gets its own masked copy.
    publish: (sessionId, events) => {
      for (const device of devices) {
        const viewer = { participantId: device.participantId };
        device.pair.push({
          events: events.map(({ version, event }) => ({ version, event: sessionEventFor(event, viewer) })),
        });
      }
    },
  });
  const events = createSession(
    {
      id: SESSION_ID,
      title: 'Fuzz',
      facilitatorName: 'Fee',
      // Hidden voting and anonymous topics: copies differ per viewer, so masking is part of what must converge.
      settings: {
        votesPerPerson: 3,
        allowStacking: true,
        hiddenVoting: random() < 0.5,
        anonymousTopics: random() < 0.5,
      },
    },
    { now: scheduler.now(), newId: (kind) => ids.newId(kind) },
  );
  const state = stateFromEvents(events);
  await store.create(SESSION_ID, { events, state, tokens: [], facilitatorKeys: [] });
  const seats = [state.participants[0]?.id ?? ''];
  for (let i = 1; i < DEVICES; i += 1) {
    const joined = await runner.run(
      SESSION_ID,
      { kind: 'system' },
      { type: 'participant:join', name: `P${i}`, role: 'participant' },
    );
    const event = joined.ok ? joined.events[0]?.event : undefined;
    if (event?.type !== 'participant:joined') throw new Error('join failed');
    seats.push(event.participant.id);
  }

  /** The server's end of one device's pair: what the socket handlers answer, for this participant. */
  const serverFor = (participantId: string): PairServer => ({
    async sync({ sinceVersion }): Promise<Ack<SyncResult>> {
      const viewer = { participantId };
      const missed = sinceVersion > 0 ? await store.eventsSince(SESSION_ID, sinceVersion) : null;
      if (missed) {
        return succeed({
          kind: 'events',
          events: missed.map(({ version, event }) => ({ version, event: sessionEventFor(event, viewer) })),
        });
      }
      const current = await store.load(SESSION_ID);
      const expiresAt = await store.expiresAt(SESSION_ID);
      if (!current || expiresAt === null) return fail(ErrorCode.notFound, 'No such session.');
      return succeed({
        kind: 'snapshot',
        version: current.version,
        state: sessionViewFor(current.state, viewer),
        you: participantId,
        retention: { expiresAt, retentionMs: store.retentionFor(current.state.kind) },
      });
    },
    async command(type, payload, { commandId }): Promise<Ack<CommandResult>> {
      const parsed = commandPayloadSchemasOfAllKinds[type].safeParse(payload);
      if (!parsed.success) return fail(ErrorCode.invalidPayload, 'The payload is not valid.');
      const command = { type, ...parsed.data } as KindCommand;
      const result = await runner.run(SESSION_ID, { kind: 'participant', id: participantId }, command, { commandId });
      return commandAck(result, participantId);
    },
    async ping() {
      return succeed({ serverNow: scheduler.now() });
    },
  });
  for (const participantId of seats) devices.push(new Device(participantId, serverFor(participantId), scheduler));
  return { scheduler, store, runner, devices };
}

/** A command a person might send now, chosen from what their copy shows. */
function randomCommand(
  device: Device,
  facilitator: boolean,
  random: () => number,
): { type: KindCommandType; payload: unknown } {
  const state = device.replica.replica.state as SessionState | null;
  const topics = state?.topics ?? [];
  const topic = topics[Math.floor(random() * topics.length)];
  const roll = random();
  if (facilitator && roll < 0.12) return { type: 'phase:change', payload: { to: random() < 0.5 ? 'vote' : 'collect' } };
  if (facilitator && roll < 0.16) return { type: 'votes:reveal', payload: {} };
  if (topic && roll < 0.45) return { type: 'vote:cast', payload: { topicId: topic.id } };
  if (topic && roll < 0.55) return { type: 'vote:retract', payload: { topicId: topic.id } };
  if (topic && roll < 0.6) return { type: 'topic:remove', payload: { topicId: topic.id } };
  if (roll < 0.65) return { type: 'participant:rename', payload: { name: `Name ${Math.floor(random() * 100)}` } };
  return { type: 'topic:add', payload: { title: `Topic ${Math.floor(random() * 1_000)}` } };
}

let commandIds = 0;

/** Masked dots are indistinguishable, so their order in a copy carries no meaning (as in tests/integration). */
function canonical(state: KindState | null): KindState | null {
  if (state?.kind !== 'lean-coffee') return state;
  const key = (v: SessionState['votes'][number]) => `${v.voterId ?? ''}|${v.topicId ?? ''}`;
  return { ...state, votes: state.votes.slice().sort((a, b) => key(a).localeCompare(key(b))) };
}

/** One seed: random commands, deliveries out of order, drops, duplicates, disconnects; then the network heals. */
async function runSeed(seed: number) {
  const random = seededRandom(seed);
  const { scheduler, store, devices } = await startServer(random);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  for (const device of devices) device.pair.connect();
  await settle();
  const tally = { commands: 0, delivered: 0, dropped: 0, duplicated: 0, disconnects: 0 };

  for (let step = 0; step < STEPS; step += 1) {
    const device = pick(devices);
    if (!device) break;
    const frames = device.pair.inFlight;
    const roll = random();
    if (roll < 0.25) {
      const { type, payload } = randomCommand(device, device === devices[0], random);
      void device.outbox.add({ commandId: `cmd${(commandIds += 1)}x`, type, payload, queuedAt: scheduler.now() });
      tally.commands += 1;
    } else if (roll < 0.7) {
      // Any frame in flight, not only the oldest: pushes, acks and requests arrive out of order.
      if (device.pair.deliver(Math.floor(random() * frames.length))) tally.delivered += 1;
    } else if (roll < 0.76 && frames.length > 0) {
      device.pair.drop(Math.floor(random() * frames.length));
      tally.dropped += 1;
    } else if (roll < 0.82 && frames.length > 0) {
      device.pair.duplicate(Math.floor(random() * frames.length));
      tally.duplicated += 1;
    } else if (roll < 0.86) {
      device.pair.disconnect();
      tally.disconnects += 1;
    } else if (roll < 0.92) {
      device.pair.connect();
    } else {
      // Time passes: what waited for an answer in vain times out, retries and resyncs run.
      device.pair.timeOut();
      scheduler.advance(1_000 + random() * 2_000);
    }
    await settle();
  }

  // The network heals: everyone connects, every frame arrives in order, every timer runs, and each
  // device asks once more (what the quiet catch-up does after a lost push with nothing behind it).
  for (const device of devices) device.pair.connect();
  for (let round = 0; round < 50; round += 1) {
    let moved = false;
    for (const device of devices) {
      while (device.pair.deliver(0)) {
        moved = true;
        await settle();
      }
    }
    await settle();
    if (!moved) {
      if (devices.some((d) => d.outbox.entries.length > 0 || d.replica.syncing) || scheduler.pending > 0) {
        for (const device of devices) device.pair.timeOut();
        scheduler.advance(5_000);
      } else if (round > 0) break;
      for (const device of devices) void device.replica.sync();
      await settle();
    }
  }

  const stored = await store.load(SESSION_ID);
  if (!stored) throw new Error('session vanished');

  return { stored, devices, tally };
}

const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
const totals = { seeds: 0, commands: 0, delivered: 0, dropped: 0, duplicated: 0, disconnects: 0 };

describe(`the sync engine against the command runner, without a network (${SEEDS} seeds)`, () => {
  afterAll(() => {
    // CI's log shows how much was fuzzed.
    console.info(`sync fuzz: ${JSON.stringify(totals)}`);
  });

  it.each(seeds)("brings every device to the server's version and masked state, seed %i", async (seed) => {
    const { stored, devices, tally } = await runSeed(seed);
    totals.seeds += 1;
    for (const [key, value] of Object.entries(tally)) totals[key as keyof typeof tally] += value;
    for (const device of devices) {
      const where = `seed ${seed}, device ${device.participantId}`;
      expect(device.outbox.entries, where).toEqual([]);
      expect(device.replica.replica.version, where).toBe(stored.version);
      expect(canonical(device.replica.replica.state), where).toEqual(
        canonical(sessionViewFor(stored.state, { participantId: device.participantId })),
      );
    }
  });
});
