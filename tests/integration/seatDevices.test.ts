import {
  createLogger,
  hashSecret,
  openClusterAdapter,
  type ClusterAdapter,
  type RedisSessionStore,
} from '@runde/server';
import {
  deviceIdOf,
  DEVICES_PER_SEAT,
  SEAT_LINK_TTL_MS,
  type Ack,
  type CreateSessionResponse,
  type HallSeatResponse,
  type Seat,
  type SeatDevices,
  type SeatEndedNotice,
  type SeatLink,
  type SeatLinkRequest,
} from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteTestKeys,
  openRedisStore,
  startTestServer,
  testLogger,
  TestClock,
  type TestServer,
} from '../support/serverHarness.ts';
import { testRedisUrl, uniquePrefix } from '../support/redisTestEnv.ts';
import { createHallOverHttp, joinHallOverHttp } from '../support/hallClients.ts';
import {
  handshakeRefusal,
  joinOverHttp,
  startSession,
  TestClient,
  waitUntil,
  type TestSession,
} from '../support/serverClients.ts';

/**
 * Issue 18: a seat on more than one device, over two nodes sharing one Redis. Copy, move, revoke
 * and re-issue, each told to the device that lost its seat on whichever node it is connected to;
 * links that open once and expire; and nothing secret on the wire to anyone else or in the log.
 */
const prefix = uniquePrefix('seat-devices');
const clock = new TestClock();
const logLines: string[] = [];
const stores: RedisSessionStore[] = [];
const adapters: ClusterAdapter[] = [];
const nodes: TestServer[] = [];
const sessions: TestSession[] = [];
const devices: TestClient[] = [];
/** Every secret, token and token hash this file handed out or made: none may reach a bystander or the log. */
const secrets = new Set<string>();
/** Ben of every session: a participant never part of what happens to Ana's seat. */
const bystanders: TestClient[] = [];

beforeAll(async () => {
  // Both nodes log at debug into one list: what an operator would read.
  const logger = createLogger('debug', { write: (line) => void logLines.push(line) });
  for (let i = 0; i < 2; i += 1) {
    const store = await openRedisStore(prefix);
    const cluster = await openClusterAdapter({ url: testRedisUrl(), keyPrefix: prefix, logger: testLogger() });
    stores.push(store);
    adapters.push(cluster);
    // Every test opens sessions of its own: more than the default budget for creating them.
    const config = { rateLimits: { create: { points: 500, durationSec: 60 } } };
    nodes.push(await startTestServer({ store, adapter: cluster.adapter, clock: clock.now, logger, config }));
  }
});

afterAll(async () => {
  for (const s of sessions) s.close();
  for (const d of devices) d.close();
  await Promise.all(nodes.map((n) => n.close()));
  await Promise.all(adapters.map((a) => a.close()));
  await Promise.all(stores.map((s) => s.close()));
  await deleteTestKeys(prefix);
});

const node = (i: 0 | 1) => nodes[i]!.url;

/** Remembers a token or link secret, and its hash and device id, as things nobody else may see. */
function secret(value: string): string {
  const hash = hashSecret(value);
  for (const s of [value, hash, deviceIdOf(hash)]) secrets.add(s);
  return value;
}

/** A Lean Coffee on node 0: facilitator, Ana (whose seat travels) and Ben, the bystander, on node 1. */
async function session() {
  const s = await startSession(node(0), { participants: 1, title: 'Devices' });
  sessions.push(s);
  for (const c of s.all) secret(c.seat.token);
  const benSeat = await joinOverHttp(node(1), s.sessionId, 'Ben');
  secret(benSeat.token);
  const ben = await connect(1, benSeat);
  bystanders.push(ben);
  return { s, facilitator: s.facilitator, ana: s.participants[0]!, ben };
}

async function connect(i: 0 | 1, seat: Seat): Promise<TestClient> {
  const client = await TestClient.connect(node(i), seat);
  devices.push(client);
  return client;
}

const ACK_MS = 5_000;
const askLink = async (client: TestClient, mode: SeatLinkRequest['mode']): Promise<Ack<SeatLink>> => {
  const ack = await client.socket.timeout(ACK_MS).emitWithAck('seat:link', { mode });
  if (ack.ok) secret(ack.data.secret);
  return ack;
};
const linkOf = async (client: TestClient, mode: SeatLinkRequest['mode']): Promise<string> => {
  const ack = await askLink(client, mode);
  if (!ack.ok) throw new Error(`seat:link refused: ${ack.error.code}`);
  return ack.data.secret;
};
const devicesOf = async (client: TestClient): Promise<SeatDevices['devices']> => {
  const ack = await client.socket.timeout(ACK_MS).emitWithAck('seat:devices', {});
  if (!ack.ok) throw new Error(`seat:devices refused: ${ack.error.code}`);
  return ack.data.devices;
};

/** Opens a link as the device page does: the secret in the body of a POST, never in a URL. */
async function open(
  i: 0 | 1,
  sessionId: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { ok?: false; error?: { code: string; message: string } } & Partial<Seat> }> {
  const response = await fetch(`${node(i)}/api/sessions/${sessionId}/seat-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Seat;
  if (response.ok) secret(json.token);
  return { status: response.status, body: json };
}

async function openSeat(i: 0 | 1, sessionId: string, linkSecret: string, deviceLabel: string): Promise<Seat> {
  const opened = await open(i, sessionId, { secret: linkSecret, deviceLabel });
  if (opened.status !== 200) throw new Error(`seat link refused: ${JSON.stringify(opened.body)}`);
  return { sessionId, participantId: opened.body.participantId ?? '', token: opened.body.token ?? '' };
}

/** What the device hears before its socket closes, and the close itself. */
function watchEnd(client: TestClient): { notices: SeatEndedNotice[]; closed: Promise<string> } {
  const notices: SeatEndedNotice[] = [];
  client.socket.on('seat:ended', (notice) => notices.push(notice));
  const closed = new Promise<string>((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
  return { notices, closed };
}

const invalidLink = {
  status: 401,
  body: { ok: false, error: { code: 'unauthorized', message: 'This device link is not valid or was already used.' } },
};

describe('a seat on another device', () => {
  it('copies: the new device holds the same seat and both work', async () => {
    const { s, ana } = await session();
    const before = clock.now();
    const link = await askLink(ana, 'copy');
    expect(link).toEqual({
      ok: true,
      data: { secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), mode: 'copy', expiresAt: expect.any(Number) },
    });
    if (!link.ok) return;
    // Expiry on the server's clock, fifteen minutes from when it was asked for.
    expect(link.data.expiresAt - before).toBeGreaterThanOrEqual(SEAT_LINK_TTL_MS);
    expect(link.data.expiresAt - clock.now()).toBeLessThanOrEqual(SEAT_LINK_TTL_MS);
    const seat = await openSeat(1, s.sessionId, link.data.secret, 'Tablet');
    expect(seat.participantId).toBe(ana.seat.participantId);
    expect(seat.token).not.toBe(ana.seat.token);
    const tablet = await connect(1, seat);
    expect(tablet.mirror.you).toBe(ana.seat.participantId);
    // Both devices act as the seat.
    const added = await tablet.send('topic:add', { title: 'From the tablet' });
    expect(added.ok).toBe(true);
    expect((await ana.send('topic:add', { title: 'From the phone' })).ok).toBe(true);
    const list = await devicesOf(tablet);
    expect(list.map(({ label, via, current }) => ({ label, via, current }))).toEqual([
      { label: '', via: 'join', current: undefined },
      { label: 'Tablet', via: 'copy', current: true },
    ]);
    expect(
      list.every((d) => Object.keys(d).every((k) => ['id', 'label', 'addedAt', 'via', 'current'].includes(k))),
    ).toBe(true);
  });

  it('moves: the old device is told "moved" on the other node, closed, and cannot come back', async () => {
    const { s, ana } = await session();
    // Ana's phone also connects to node 1, where the notice must reach it too.
    const phoneOnOtherNode = await connect(1, ana.seat);
    const here = watchEnd(ana);
    const there = watchEnd(phoneOnOtherNode);
    const seat = await openSeat(0, s.sessionId, await linkOf(ana, 'move'), 'Laptop');
    expect(await here.closed).toBe('io server disconnect');
    expect(await there.closed).toBe('io server disconnect');
    expect(here.notices).toEqual([{ reason: 'moved' }]);
    expect(there.notices).toEqual([{ reason: 'moved' }]);
    expect(await handshakeRefusal(node(0), ana.socket.auth as Record<string, unknown>)).toMatchObject({
      data: { code: 'unauthorized' },
    });
    const laptop = await connect(1, seat);
    expect((await devicesOf(laptop)).map((d) => [d.label, d.via])).toEqual([['Laptop', 'move']]);
  });

  it('revokes one of its own devices, closing it on the other node; never another seat’s', async () => {
    const { s, ana, ben } = await session();
    const tablet = await connect(1, await openSeat(1, s.sessionId, await linkOf(ana, 'copy'), 'Tablet'));
    const tabletEnd = watchEnd(tablet);
    const benEnd = watchEnd(ben);
    const listed = await devicesOf(ana);
    const tabletId = listed.find((d) => d.label === 'Tablet')?.id ?? '';
    // Ben's device id is not Ana's to remove: the same answer as an id that does not exist.
    const benDevice = deviceIdOf(hashSecret(ben.seat.token));
    expect(await ana.socket.timeout(ACK_MS).emitWithAck('seat:revoke-device', { deviceId: benDevice })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await ana.socket.timeout(ACK_MS).emitWithAck('seat:revoke-device', { deviceId: tabletId })).toEqual({
      ok: true,
      data: { revoked: true },
    });
    expect(await tabletEnd.closed).toBe('io server disconnect');
    expect(tabletEnd.notices).toEqual([{ reason: 'revoked' }]);
    expect(await handshakeRefusal(node(1), tablet.socket.auth as Record<string, unknown>)).toMatchObject({
      data: { code: 'unauthorized' },
    });
    expect((await devicesOf(ana)).map((d) => d.label)).toEqual(['']);
    expect(ben.socket.connected).toBe(true);
    expect(benEnd.notices).toEqual([]);
  });

  it('forgets the asking device itself: the ack arrives, then the device is told and closed', async () => {
    const { ana } = await session();
    const end = watchEnd(ana);
    const [own] = await devicesOf(ana);
    expect(own?.current).toBe(true);
    expect(await ana.socket.timeout(ACK_MS).emitWithAck('seat:revoke-device', { deviceId: own?.id ?? '' })).toEqual({
      ok: true,
      data: { revoked: true },
    });
    expect(await end.closed).toBe('io server disconnect');
    expect(end.notices).toEqual([{ reason: 'revoked' }]);
  });

  it('re-issues a member’s link for a facilitator only; with revokeOthers every old device goes', async () => {
    const { s, facilitator, ana, ben } = await session();
    const anaElsewhere = await connect(1, ana.seat);
    const ends = [watchEnd(ana), watchEnd(anaElsewhere)];
    const request = { participantId: ana.seat.participantId, revokeOthers: true };
    expect(await ben.socket.timeout(ACK_MS).emitWithAck('seat:reissue', request)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await facilitator.socket
        .timeout(ACK_MS)
        .emitWithAck('seat:reissue', { participantId: facilitator.seat.participantId, revokeOthers: false }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const framesBefore = facilitator.frames.length;
    const reissued = await facilitator.socket.timeout(ACK_MS).emitWithAck('seat:reissue', request);
    if (!reissued.ok) throw new Error('re-issue refused');
    secret(reissued.data.secret);
    // The facilitator's ack holds the new link and nothing else: no old token, hash or device.
    expect(Object.keys(reissued.data).sort()).toEqual(['expiresAt', 'mode', 'secret']);
    expect(reissued.data.mode).toBe('copy');
    const ackFrame = facilitator.frames.slice(framesBefore).find((f) => f.includes(reissued.data.secret)) ?? '';
    expect(ackFrame).toBe(`3${/^3(\d+)/.exec(ackFrame)?.[1] ?? ''}${JSON.stringify([reissued])}`);
    // Ana's devices keep working until the link is opened.
    expect(ana.socket.connected).toBe(true);
    const seat = await openSeat(1, s.sessionId, reissued.data.secret, 'New phone');
    for (const end of ends) expect(await end.closed).toBe('io server disconnect');
    for (const end of ends) expect(end.notices).toEqual([{ reason: 'revoked' }]);
    const phone = await connect(0, seat);
    expect(phone.mirror.you).toBe(ana.seat.participantId);
    expect((await devicesOf(phone)).map((d) => [d.label, d.via])).toEqual([['New phone', 'reissue']]);
  });

  it('re-issues without revokeOthers: the member’s other devices stay', async () => {
    const { s, facilitator, ana } = await session();
    const end = watchEnd(ana);
    const reissued = await facilitator.socket
      .timeout(ACK_MS)
      .emitWithAck('seat:reissue', { participantId: ana.seat.participantId, revokeOthers: false });
    if (!reissued.ok) throw new Error('re-issue refused');
    secret(reissued.data.secret);
    const seat = await openSeat(0, s.sessionId, reissued.data.secret, 'Spare');
    await connect(0, seat);
    expect(ana.socket.connected).toBe(true);
    expect(end.notices).toEqual([]);
    expect((await devicesOf(ana)).map((d) => d.via)).toEqual(['join', 'reissue']);
  });

  it('opens a link once, never after it expired, and never with a wrong secret or code', async () => {
    const { s, ana } = await session();
    const once = await linkOf(ana, 'copy');
    await openSeat(0, s.sessionId, once, 'First');
    expect(await open(1, s.sessionId, { secret: once, deviceLabel: 'Replay' })).toEqual(invalidLink);
    const late = await linkOf(ana, 'copy');
    clock.advance(SEAT_LINK_TTL_MS);
    expect(await open(0, s.sessionId, { secret: late, deviceLabel: 'Late' })).toEqual(invalidLink);
    const wrong = secret('W'.repeat(43));
    expect(await open(0, s.sessionId, { secret: wrong, deviceLabel: 'Guess' })).toEqual(invalidLink);
    const fresh = await linkOf(ana, 'copy');
    expect(await open(0, 'ZZZZZZ', { secret: fresh, deviceLabel: 'Guess' })).toEqual(invalidLink);
    // The link of the session stays good after a guess at another code.
    expect((await open(0, s.sessionId, { secret: fresh, deviceLabel: 'Fresh' })).status).toBe(200);
  });

  it('refuses a device past the cap, with the link used up; a move at the cap still fits', async () => {
    const { s, ana } = await session();
    for (let i = 1; i < DEVICES_PER_SEAT; i += 1)
      await openSeat(0, s.sessionId, await linkOf(ana, 'copy'), `Device ${i}`);
    expect(await devicesOf(ana)).toHaveLength(DEVICES_PER_SEAT);
    expect(await open(0, s.sessionId, { secret: await linkOf(ana, 'copy'), deviceLabel: 'One too many' })).toEqual({
      status: 409,
      body: {
        ok: false,
        error: { code: 'limit_reached', message: 'This seat is on too many devices. Remove one first.' },
      },
    });
    const end = watchEnd(ana);
    await openSeat(1, s.sessionId, await linkOf(ana, 'move'), 'Instead of the phone');
    expect(await end.closed).toBe('io server disconnect');
    expect(end.notices).toEqual([{ reason: 'moved' }]);
  });

  it.each([
    ['too long', 'x'.repeat(61)],
    ['empty', '   '],
    ['right-to-left override', 'Phone\u202Egnp.exe'],
    ['a line break', 'Phone\nInjected: log line'],
    ['not a string', { label: 'Phone' }],
  ])('refuses a label that is %s, before the link is used', async (_what, deviceLabel) => {
    const { s, ana } = await session();
    const link = await linkOf(ana, 'copy');
    expect(await open(0, s.sessionId, { secret: link, deviceLabel })).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'invalid_payload' } },
    });
    expect((await open(0, s.sessionId, { secret: link, deviceLabel: 'Phone' })).status).toBe(200);
  });

  it('lets a device with a seat of this session switch to the link’s seat, ending its old one', async () => {
    const { s, ana, ben } = await session();
    // Here Ben takes part: his device is the one that switches.
    bystanders.splice(bystanders.indexOf(ben), 1);
    const end = watchEnd(ben);
    const opened = await open(1, s.sessionId, {
      secret: await linkOf(ana, 'copy'),
      deviceLabel: 'Ben’s phone, now Ana’s',
      seat: { participantId: ben.seat.participantId, token: ben.seat.token },
    });
    expect(opened.body.participantId).toBe(ana.seat.participantId);
    expect(await end.closed).toBe('io server disconnect');
    expect(end.notices).toEqual([{ reason: 'revoked' }]);
    expect(await handshakeRefusal(node(1), ben.socket.auth as Record<string, unknown>)).toMatchObject({
      data: { code: 'unauthorized' },
    });
  });
});

describe('every way to a seat records its device', () => {
  it('records creating, joining, the facilitator link and a hall seat, each with its label and how it came', async () => {
    const post = async (path: string, body: Record<string, unknown>) => {
      const response = await fetch(`${node(0)}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as CreateSessionResponse & HallSeatResponse;
    };
    const created = await post('/sessions', { title: 'Labels', facilitatorName: 'Fatma', deviceLabel: 'Office PC' });
    const joined = await post(`/sessions/${created.sessionId}/participants`, {
      name: 'Ana',
      deviceLabel: 'Ana’s phone',
    });
    const claimed = await post(`/sessions/${created.sessionId}/facilitator`, {
      key: created.facilitatorUrl.split('#key=')[1],
      deviceLabel: 'Beamer laptop',
    });
    const space = await post('/spaces', { title: 'Team', facilitatorName: 'Fatma', deviceLabel: 'Desk' });
    const hall = await createHallOverHttp(node(0), {
      title: 'Hall',
      organiserName: 'Olga',
      seating: { mode: 'count', tables: 2 },
    });
    const seated = await joinHallOverHttp(node(0), hall.sessionId, { name: 'Hana', deviceLabel: 'Hana’s phone' });
    for (const seat of [created, joined, claimed, space, hall, seated.hall, seated.table]) secret(seat.token);
    const listed = async (seat: Seat) =>
      (await devicesOf(await connect(0, seat))).map(({ label, via, current }) => [label, via, current ?? false]);
    expect(await listed(created)).toEqual([
      ['Office PC', 'join', true],
      ['Beamer laptop', 'facilitator-link', false],
    ]);
    expect(await listed(joined)).toEqual([['Ana’s phone', 'join', true]]);
    expect(await listed(space)).toEqual([['Desk', 'join', true]]);
    expect(await listed(seated.table)).toEqual([['Hana’s phone', 'join', true]]);
    expect(await listed(seated.hall)).toEqual([['Hana’s phone', 'join', true]]);
  });
});

describe('hostile seat requests', () => {
  it.each([
    ['seat:link', { mode: 'steal' }],
    ['seat:link', { mode: 'copy', participantId: 'p_other' }],
    ['seat:reissue', { participantId: 'x', revokeOthers: 'yes' }],
    ['seat:devices', { participantId: 'p_other' }],
    ['seat:revoke-device', { deviceId: '../../etc/passwd' }],
    ['seat:revoke-device', { deviceId: 'a'.repeat(17) }],
  ])('%s with %j is refused as invalid and changes nothing', async (event, payload) => {
    const { ana } = await session();
    const before = await devicesOf(ana);
    expect(await ana.sendRaw(event, payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await devicesOf(ana)).toEqual(before);
    expect(ana.socket.connected).toBe(true);
  });
});

describe('what others see of all this', () => {
  it('sends no secret, token, token hash or device id to a third participant, and logs none', async () => {
    // A fresh run of every operation, watched by Ben, who is never part of it.
    const { s, facilitator, ana, ben } = await session();
    const tablet = await connect(1, await openSeat(0, s.sessionId, await linkOf(ana, 'copy'), 'Tablet'));
    await devicesOf(ana);
    const moved = await openSeat(1, s.sessionId, await linkOf(tablet, 'move'), 'Laptop');
    const laptop = await connect(0, moved);
    const reissued = await facilitator.socket
      .timeout(ACK_MS)
      .emitWithAck('seat:reissue', { participantId: ana.seat.participantId, revokeOthers: true });
    if (!reissued.ok) throw new Error('re-issue refused');
    secret(reissued.data.secret);
    const phone = await connect(0, await openSeat(0, s.sessionId, reissued.data.secret, 'Phone'));
    const spare = await openSeat(0, s.sessionId, await linkOf(phone, 'copy'), 'Spare');
    const [, spareDevice] = await devicesOf(phone);
    await phone.socket.timeout(ACK_MS).emitWithAck('seat:revoke-device', { deviceId: spareDevice?.id ?? '' });
    await waitUntil('the laptop is gone', () => !laptop.socket.connected);
    expect(spare.token).toBeTruthy();
    // The Ben of every test in this file, this one's included: his own seat is his to know,
    // everything else handed out here is not. Nor any seat:ended, nor anything device-shaped.
    expect(bystanders).toContain(ben);
    for (const bystander of bystanders) {
      const own = new Set([
        bystander.seat.token,
        hashSecret(bystander.seat.token),
        deviceIdOf(hashSecret(bystander.seat.token)),
      ]);
      const wire = bystander.frames.join('\n');
      expect(bystander.frames.length).toBeGreaterThan(0);
      for (const value of secrets)
        if (!own.has(value)) expect(wire.includes(value), `Ben received ${value}`).toBe(false);
      expect(wire).not.toContain('seat:ended');
      expect(wire).not.toMatch(/"(tokenHash|deviceId|secret|token|devices)"/);
    }
    // The facilitator who re-issued Ana's link saw that link, and none of Ana's tokens or devices.
    const facilitatorWire = facilitator.frames.join('\n');
    for (const value of [
      ana.seat.token,
      hashSecret(ana.seat.token),
      deviceIdOf(hashSecret(ana.seat.token)),
      moved.token,
      spare.token,
    ]) {
      expect(facilitatorWire.includes(value)).toBe(false);
    }
    const log = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const value of secrets) expect(log.includes(value), `the log holds ${value}`).toBe(false);
  });
});

describe('guessing seat links', () => {
  const guessPrefix = uniquePrefix('seat-link-guess');
  let store: RedisSessionStore | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    store = await openRedisStore(guessPrefix);
    server = await startTestServer({
      store,
      config: { rateLimits: { failedLookup: { points: 3, durationSec: 600 } } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await deleteTestKeys(guessPrefix);
  });

  it('counts a wrong secret like a code that finds nothing; links that open cost nothing', async () => {
    const url = server!.url;
    const s = await startSession(url, { participants: 1 });
    sessions.push(s);
    const ana = s.participants[0]!;
    const post = (body: Record<string, unknown>) =>
      fetch(`${url}/api/sessions/${s.sessionId}/seat-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // More good opens than the budget holds: each is given back.
    for (let i = 0; i < 5; i += 1) {
      const ack = await ana.socket.timeout(ACK_MS).emitWithAck('seat:link', { mode: 'copy' });
      if (!ack.ok) throw new Error('seat:link refused');
      expect((await post({ secret: secret(ack.data.secret), deviceLabel: `Device ${i}` })).status).toBe(200);
    }
    for (let i = 0; i < 3; i += 1) {
      expect((await post({ secret: secret(`guess-${i}-${'g'.repeat(30)}`), deviceLabel: 'Guess' })).status).toBe(401);
    }
    const spent = await post({ secret: secret(`guess-4-${'g'.repeat(30)}`), deviceLabel: 'Guess' });
    expect(spent.status).toBe(429);
    expect(await spent.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
