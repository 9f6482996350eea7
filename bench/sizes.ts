/**
 * Sizes: the worst-case costs of a big session. Builds the largest team space (and Lean Coffee)
 * the server lets participants build, through real HTTP routes and socket commands against a real
 * server node on Redis, then prints its state size, what a failed handshake on it costs, what a
 * `session:sync` snapshot of it sends (once and 20 times), and the node's RSS before and after a
 * flood of syncs and commands from many sockets, with another session's ping during the flood.
 * Refused commands are counted, not errors: where the caps stop the build is part of the result.
 *
 *   npx tsx bench/sizes.ts --redisUrl redis://127.0.0.1:6379 --tensions 3000 --meetings 14
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  limits,
  PROTOCOL_VERSION,
  type Ack,
  type CreateSessionResponse,
  type JoinSessionResponse,
  type SyncResult,
} from '@runde/shared';
import { WORST_CASE_TEAM_SPACE_BYTES, worstCaseTeamSpace } from '@runde/shared/testing';
import { io, type Socket } from 'socket.io-client';
import { parseArgs } from './lib/args.ts';
import { sleep } from './lib/clock.ts';
import { runBench } from './lib/processes.ts';
import { printTable } from './lib/report.ts';
import { startRedis } from './lib/redisServer.ts';
import { storedState } from './lib/sessions.ts';
import { startServerNode } from './lib/serverNode.ts';
import { Histogram, round } from './lib/stats.ts';

const args = parseArgs({
  /** Team-space members asked for (the server may refuse some). */
  members: 60,
  /** Tensions the first member tries to add on their own (the attacker added 10,000). */
  tensions: 3000,
  /** Sync meetings held, each taking up `perMeeting` tensions with an action each. */
  meetings: 14,
  perMeeting: 20,
  /** Governance decisions adopted through integrative decision-making. */
  decisions: 10,
  /** Lean Coffee: participants and the topics each tries to add. */
  lcParticipants: 30,
  lcTopics: 40,
  handshakes: 100,
  /** The flood: sockets, each sending `floodSyncs` snapshot syncs and `floodCommands` commands. */
  floodSockets: 60,
  floodSyncs: 20,
  floodCommands: 20,
  floodSeconds: 20,
  redisUrl: process.env.REDIS_URL ?? '',
  limitSeconds: 900,
});

const MB = 1024 * 1024;
type Client = Socket;

async function postJson<T>(url: string, body: unknown): Promise<{ ok: true; data: T } | { ok: false; status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) return { ok: false, status: response.status };
  return { ok: true, data: (await response.json()) as T };
}

function socketFor(url: string, auth: Record<string, unknown>): Client {
  return io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false, autoConnect: false });
}

async function connect(url: string, seat: { sessionId: string; token: string }): Promise<Client> {
  const socket = socketFor(url, { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
  return socket;
}

/** Counts answers by code: `ok` or the refusal's code. */
class Tally {
  readonly counts: Record<string, number> = {};
  add(ack: Ack<unknown>): Ack<unknown> {
    this.count(ack.ok ? 'ok' : ack.error.code);
    return ack;
  }
  count(code: string): void {
    this.counts[code] = (this.counts[code] ?? 0) + 1;
  }
  toString() {
    return Object.entries(this.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  }
}

async function send(socket: Client, type: string, payload: unknown, tally?: Tally): Promise<Ack<unknown>> {
  const timed = socket.timeout(30_000) as unknown as {
    emitWithAck(event: string, ...rest: unknown[]): Promise<Ack<unknown>>;
  };
  const ack = await timed.emitWithAck(type, payload, { commandId: randomUUID() });
  return tally ? tally.add(ack) : ack;
}

async function sync(socket: Client, sinceVersion: number): Promise<{ ack: Ack<SyncResult>; bytes: number }> {
  const ack = (await socket.timeout(60_000).emitWithAck('session:sync', { sinceVersion })) as Ack<SyncResult>;
  return { ack, bytes: Buffer.byteLength(JSON.stringify(ack)) };
}

const longText = (n: number, seed: string) =>
  (seed + ' ')
    .repeat(Math.ceil(n / (seed.length + 1)))
    .slice(0, n)
    .trim();

/** Builds the team space as far as the server lets members and facilitators build it. */
async function buildTeamSpace(url: string) {
  const created = await postJson<CreateSessionResponse>(`${url}/api/spaces`, {
    title: longText(limits.sessionTitle, 'Space'),
    facilitatorName: 'Facilitator',
  });
  if (!created.ok) throw new Error(`creating the team space answered ${created.status}`);
  const space = created.data;
  const joins = new Tally();
  const seats: JoinSessionResponse[] = [];
  for (let i = 1; i < args.members; i += 1) {
    const seat = await postJson<JoinSessionResponse>(`${url}/api/sessions/${space.sessionId}/participants`, {
      name: `Member ${String(i).padStart(2, '0')} ${longText(20, 'name')}`,
    });
    if (seat.ok) seats.push(seat.data);
    joins.count(seat.ok ? 'ok' : `http_${seat.status}`);
  }
  const fac = await connect(url, space);
  const members = await Promise.all(seats.map((seat) => connect(url, seat)));
  await sleep(500);
  const all = [fac, ...members];
  const tension = (i: number) => ({
    title: longText(limits.topicTitle, `Tension ${i}`),
    description: longText(limits.topicDescription, 'description'),
    room: 'operational',
    anonymous: false,
  });

  // Sync meetings: every member brings tensions, the facilitator takes them up with an action each.
  const meetingAnswers = new Tally();
  let n = 0;
  for (let m = 0; m < args.meetings; m += 1) {
    for (let i = 0; i < args.perMeeting; i += 1) {
      await send(members[(n + i) % members.length] ?? fac, 'tension:add', tension(n++), meetingAnswers);
    }
    await send(fac, 'meeting:start', { room: 'operational' }, meetingAnswers);
    for (let step = 0; step < 4; step += 1) await send(fac, 'meeting:advance', {}, meetingAnswers);
    const state = await currentState(fac);
    const open = (state?.tensions ?? []).filter((t) => t.status === 'open' && t.room === 'operational');
    for (const t of open.slice(0, args.perMeeting)) {
      await send(fac, 'tension:start', { tensionId: t.id }, meetingAnswers);
      await send(
        fac,
        'tension:outcome',
        { outcome: { type: 'next-action', text: longText(limits.outcomeText, 'action'), ownerId: null } },
        meetingAnswers,
      );
      await send(fac, 'tension:close', { gotWhatNeeded: true }, meetingAnswers);
    }
    const after = await currentState(fac);
    for (const a of (after?.actions ?? []).filter((x) => x.status === 'open')) {
      await send(fac, 'action:set-status', { actionId: a.id, status: 'done' }, meetingAnswers);
    }
    await send(fac, 'meeting:end', {}, meetingAnswers);
  }

  // Governance: each decision through the whole integrative decision-making, everyone answering.
  const decisionAnswers = new Tally();
  for (let d = 0; d < args.decisions; d += 1) {
    await send(fac, 'tension:add', { ...tension(n++), room: 'governance' }, decisionAnswers);
    await send(fac, 'meeting:start', { room: 'governance' }, decisionAnswers);
    for (let step = 0; step < 2; step += 1) await send(fac, 'meeting:advance', {}, decisionAnswers);
    const state = await currentState(fac);
    const open = (state?.tensions ?? []).find((t) => t.status === 'open' && t.room === 'governance');
    if (open) {
      await send(fac, 'tension:start', { tensionId: open.id, proposerId: state?.participants[0]?.id }, decisionAnswers);
      await send(fac, 'proposal:set', { proposal: longText(limits.topicDescription, 'proposal') }, decisionAnswers);
      for (let step = 0; step < 4; step += 1) await send(fac, 'process:advance', {}, decisionAnswers);
      const round = (await currentState(fac))?.meeting?.round;
      const byId = new Map(
        all.map((socket, i) => [i === 0 ? space.participantId : seats[i - 1]?.participantId, socket]),
      );
      for (const speaker of round?.order ?? []) {
        await send(byId.get(speaker) ?? fac, 'objection:none', {}, decisionAnswers);
      }
      await send(fac, 'process:advance', {}, decisionAnswers);
      await send(fac, 'tension:close', { gotWhatNeeded: null }, decisionAnswers);
    }
    await send(fac, 'meeting:end', {}, decisionAnswers);
  }
  // Last, one member alone tries to add a great many tensions, as in the issue (history first, so it fills the open backlog).
  const adds = new Tally();
  const first = members[0] ?? fac;
  for (let i = 0; i < args.tensions; i += 1) await send(first, 'tension:add', tension(i), adds);

  for (const socket of all) socket.disconnect();
  return { space, seats, joins, adds, meetingAnswers, decisionAnswers };
}

async function currentState(socket: Client) {
  const { ack } = await sync(socket, 0);
  if (!ack.ok || ack.data.kind !== 'snapshot' || ack.data.state.kind !== 'team-space') return null;
  return ack.data.state;
}

async function buildLeanCoffee(url: string) {
  const created = await postJson<CreateSessionResponse>(`${url}/api/sessions`, {
    title: longText(limits.sessionTitle, 'Lean Coffee'),
    facilitatorName: 'Facilitator',
  });
  if (!created.ok) throw new Error(`creating the Lean Coffee answered ${created.status}`);
  const seats: JoinSessionResponse[] = [];
  for (let i = 0; i < args.lcParticipants; i += 1) {
    const seat = await postJson<JoinSessionResponse>(`${url}/api/sessions/${created.data.sessionId}/participants`, {
      name: `Person ${i}`,
    });
    if (seat.ok) seats.push(seat.data);
  }
  const topics = new Tally();
  await Promise.all(
    seats.map(async (seat, p) => {
      const socket = await connect(url, seat);
      for (let i = 0; i < args.lcTopics; i += 1) {
        await send(
          socket,
          'topic:add',
          {
            title: longText(limits.topicTitle, `Topic ${p}-${i}`),
            description: longText(limits.topicDescription, 'why'),
          },
          topics,
        );
      }
      socket.disconnect();
    }),
  );
  return { session: created.data, topics };
}

/** Time from opening a socket with a wrong token to its refusal. */
async function failedHandshakes(url: string, sessionId: string) {
  const ms = new Histogram();
  const codes = new Tally();
  for (let i = 0; i < args.handshakes; i += 1) {
    const socket = socketFor(url, { protocolVersion: PROTOCOL_VERSION, sessionId, token: randomUUID() });
    const started = performance.now();
    const code = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('admitted'));
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
        resolve(err.data?.code ?? err.message),
      );
      socket.connect();
    });
    ms.add(performance.now() - started);
    codes.count(code);
    socket.disconnect();
  }
  return { ms, codes };
}

/** Many sockets of the space's seats send snapshot syncs and commands at once; another session pings meanwhile. */
async function flood(url: string, seats: JoinSessionResponse[], bystander: Client) {
  const sockets = await Promise.all(
    Array.from({ length: args.floodSockets }, (_, i) => connect(url, seats[i % seats.length]!)),
  );
  const deadline = Date.now() + args.floodSeconds * 1000;
  let bytes = 0;
  const answers = new Tally();
  const pings = new Histogram();
  let flooding = true;
  const pinger = (async () => {
    while (flooding) {
      const started = performance.now();
      await bystander.timeout(30_000).emitWithAck('time:ping', {});
      pings.add(performance.now() - started);
      await sleep(100);
    }
  })();
  const started = performance.now();
  await Promise.all(
    sockets.map(async (socket, i) => {
      for (let k = 0; k < Math.max(args.floodSyncs, args.floodCommands) && Date.now() < deadline; k += 1) {
        const work: Array<Promise<unknown>> = [];
        if (k < args.floodSyncs) {
          work.push(
            sync(socket, 0).then(({ ack, bytes: b }) => {
              bytes += b;
              answers.add(ack);
            }),
          );
        }
        if (k < args.floodCommands) {
          work.push(send(socket, 'participant:rename', { name: `Flood ${i}-${k}` }, answers));
        }
        await Promise.all(work).catch(() => answers.count('timeout'));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  flooding = false;
  await pinger;
  for (const socket of sockets) socket.disconnect();
  return { bytes, answers, pings, seconds };
}

runBench('sizes', args.limitSeconds * 1000, async () => {
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'sizes' });
  console.log(
    `sizes: the largest team space and Lean Coffee participants can build, on ${redis.owned ? 'its own' : 'the given'} Redis`,
  );

  // Built on a node without the per-socket budget (building by hand would take hours), measured on one with it.
  const setup = await startServerNode({ label: 'setup', redisUrl: redis.url, keyPrefix: redis.prefix });
  const t0 = performance.now();
  const team = await buildTeamSpace(setup.url);
  const lc = await buildLeanCoffee(setup.url);
  console.log(`  built in ${round((performance.now() - t0) / 1000, 1)} s`);
  await setup.stop();

  const server = await startServerNode({
    label: 'runde',
    redisUrl: redis.url,
    keyPrefix: redis.prefix,
    productionSocketLimit: true,
  });
  const spaceState = await storedState(redis.client, redis.prefix, team.space.sessionId);
  const lcState = await storedState(redis.client, redis.prefix, lc.session.sessionId);
  const stateBytes = (s: unknown) => Buffer.byteLength(JSON.stringify(s));

  printTable('build: answers to what participants tried', [
    { what: `joins (${args.members - 1} asked)`, answers: team.joins.toString() },
    { what: `one member's tensions (${args.tensions} tried)`, answers: team.adds.toString() },
    { what: `${args.meetings} sync meetings × ${args.perMeeting}`, answers: team.meetingAnswers.toString() },
    { what: `${args.decisions} decisions`, answers: team.decisionAnswers.toString() },
    { what: `Lean Coffee topics (${args.lcParticipants} × ${args.lcTopics} tried)`, answers: lc.topics.toString() },
  ]);
  if (spaceState?.kind === 'team-space') {
    printTable('team space state', [
      {
        bytes: stateBytes(spaceState),
        members: spaceState.participants.length,
        tensions: spaceState.tensions.length,
        open: spaceState.tensions.filter((t) => t.status === 'open').length,
        actions: spaceState.actions.length,
        meetings: spaceState.meetings.length,
        decisions: spaceState.decisions.length,
      },
    ]);
  }
  // The pure worst case (every list at its cap, every text at its length in three-byte characters),
  // part by part: what the caps allow, beyond what this build reached through commands.
  const worst = worstCaseTeamSpace({ years: 1 });
  printTable(`team space worst case (every cap; asserted under ${WORST_CASE_TEAM_SPACE_BYTES} bytes)`, [
    {
      MB: round(stateBytes(worst) / 1e6, 2),
      ...Object.fromEntries(
        (['meetings', 'tensions', 'decisions', 'proposals', 'register', 'meeting', 'actions', 'between'] as const).map(
          (part) => [`${part} MB`, round(stateBytes(worst[part]) / 1e6, 2)],
        ),
      ),
    },
  ]);
  if (lcState?.kind === 'lean-coffee') {
    printTable('Lean Coffee state', [{ bytes: stateBytes(lcState), topics: lcState.topics.length }]);
  }

  const handshakes = await failedHandshakes(server.url, team.space.sessionId);
  printTable('failed handshake on the team space', [
    {
      tries: args.handshakes,
      'median ms': round(handshakes.ms.percentile(50)),
      'p99 ms': round(handshakes.ms.percentile(99)),
      answers: handshakes.codes.toString(),
    },
  ]);

  const member = await connect(server.url, team.seats[1] ?? team.seats[0]!);
  const one = await sync(member, 0);
  const lcSeat = await connect(server.url, lc.session);
  const lcOne = await sync(lcSeat, 0);
  let twenty = 0;
  const twentyAnswers = new Tally();
  const started = performance.now();
  for (let i = 0; i < 20; i += 1) {
    const { ack, bytes } = await sync(member, 0);
    twenty += bytes;
    twentyAnswers.add(ack);
  }
  printTable('session:sync from one seat (sinceVersion 0)', [
    {
      'team space snapshot bytes': one.bytes,
      'Lean Coffee snapshot bytes': lcOne.bytes,
      '20 syncs MB': round(twenty / MB, 2),
      '20 syncs s': round((performance.now() - started) / 1000, 2),
      answers: twentyAnswers.toString(),
    },
  ]);
  member.disconnect();

  const before = await server.gc(3);
  const result = await flood(server.url, team.seats, lcSeat);
  const peak = await server.usage();
  const after = await server.gc(3);
  printTable('flood', [
    {
      sockets: args.floodSockets,
      seconds: round(result.seconds, 1),
      'sent MB': round(result.bytes / MB, 1),
      'RSS before MB': round(before.rss / MB),
      'RSS right after MB': round(peak.rss / MB),
      'RSS after GC MB': round(after.rss / MB),
      'other session ping median ms': round(result.pings.percentile(50)),
      'ping p99 ms': round(result.pings.percentile(99)),
      answers: result.answers.toString(),
    },
  ]);
  lcSeat.disconnect();
  await server.stop();
});
