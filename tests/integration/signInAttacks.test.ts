import { randomBytes } from 'node:crypto';
import {
  createLogger,
  hashSecret,
  RedisSessionStore,
  sessionKeys,
  SIGN_INS_PER_SUBJECT,
  type SessionStore,
} from '@runde/server';
import {
  DEVICES_PER_SEAT,
  ErrorCode,
  limits,
  type Ack,
  type Seat,
  type SeatLink,
  type SignInStatus,
} from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signInOverHttp, startOidcProvider, type TestOidcProvider } from '../support/oidcProvider.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import { createTeamSpaceOverHttp, type ClientSocket } from '../support/serverClients.ts';
import {
  deleteTestKeys,
  openRawRedis,
  openRedisStore,
  startTestServer,
  type RawRedisClient,
  type TestServer,
} from '../support/serverHarness.ts';
import { connectedSeat, connectSeat, postJson, seatOf as seatIn, sendCommand as send } from '../support/signInSeats.ts';

/**
 * The sign-in and seat surface attacked from outside, as a hostile client would: a real provider
 * (oidc-provider), the app over real HTTP and Socket.IO, real Redis, and the log an operator reads.
 */
const prefix = uniquePrefix('signin-attack');
const LOGINS_PER_MINUTE = 8;
const HOSTILE_USERS = {
  ana: { name: 'Ana Admin', groups: ['runde-moderation'] },
  ben: { name: 'Ben Member', groups: [] },
  bidi: { name: '\u202EnimdA\u202C Eve\u200B\u0007', groups: [] },
  long: { name: `Lo${'o'.repeat(10_000)}ng`, groups: [] },
  blank: { name: ' \u200B\u00A0 ', groups: [] },
};
const logLines: string[] = [];
/** Every secret this file saw handed out: none may reach the log or another socket. */
const secrets = new Set<string>();
/** Store calls with their first argument (a session id for the per-session ones). */
const storeCalls: { method: string; first: unknown }[] = [];
const RECHECK_MS = 300_000;
let offset = 0;
const clock = () => Date.now() + offset;
let idp: TestOidcProvider;
let store: RedisSessionStore;
let server: TestServer;
let raw: RawRedisClient;
const sockets: ClientSocket[] = [];

/** The store the app uses, counting which of its methods are called (for the handshake's cost). */
function counted(inner: SessionStore): SessionStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        storeCalls.push({ method: String(property), first: args[0] });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  idp = await startOidcProvider({ users: HOSTILE_USERS });
  store = await openRedisStore(prefix);
  raw = await openRawRedis();
  server = await startTestServer({
    store: counted(store),
    clock,
    logger: createLogger('debug', { write: (line) => void logLines.push(line) }),
    config: { oidc: idp.appConfig({ recheckMs: RECHECK_MS }) },
  });
  idp.allowRedirect(`${server.url}/api/auth/callback`);
  secrets.add(idp.clientSecret);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
  await store.close();
  await deleteTestKeys(prefix);
  await raw.quit();
  await idp.close();
});

const url = () => server.url;
const cookieOf = (jar: CookieJar, name: string) =>
  jar
    .header(url())
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1) ?? null;

/** Signs `user` in; remembers the code, the state, the cookies and the refresh token as secrets. */
async function signedIn(user: string, returnTo = '/'): Promise<CookieJar> {
  const jar = new CookieJar();
  const landed = await signInOverHttp(jar, url(), user, {
    returnTo,
    beforeCallback: (callback) => {
      const query = new URL(callback).searchParams;
      for (const name of ['code', 'state']) secrets.add(query.get(name) ?? '');
      secrets.add(cookieOf(jar, 'runde_signin_flow') ?? '');
      return callback;
    },
  });
  expect(landed).toBe(returnTo);
  const id = cookieOf(jar, 'runde_signin') ?? '';
  secrets.add(id);
  const record = await store.signIn(id);
  // The subject key is no bearer secret, but no one else's device has any business with it either.
  for (const value of [record?.refreshToken, record?.subjectKey]) if (value) secrets.add(value);
  return jar;
}

/** The attacker's half of a login: up to the callback URL the provider hands back, not visited. */
async function callbackUrlFor(jar: CookieJar, user: string, returnTo = '/'): Promise<string> {
  const start = `${url()}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  const atInteraction = await jar.follow(start, (u) => u.pathname.startsWith('/interaction/'));
  const toCallback = await jar.follow(`${atInteraction.url}?login=${user}`, (u) => u.pathname === '/api/auth/callback');
  return toCallback.url;
}

async function me(cookie: string): Promise<SignInStatus> {
  return (await (await fetch(`${url()}/api/auth/me`, { headers: { cookie } })).json()) as SignInStatus;
}

const post = (jar: CookieJar | null, path: string, body: unknown) => postJson(url(), jar, path, body);

async function signInSeat(jar: CookieJar, sessionId: string, more: object = {}): Promise<Response> {
  return post(jar, `/api/sessions/${sessionId}/sign-in-seat`, { deviceLabel: 'Laptop', ...more });
}

/** The seat handed out, its token and the token's hash remembered as secrets. */
async function seatOf(response: Response): Promise<Seat> {
  const seat = await seatIn(response);
  secrets.add(seat.token);
  secrets.add(hashSecret(seat.token));
  return seat;
}

const connect = (seat: Seat, cookie: string | null) => connectSeat(url(), seat, cookie, sockets);
const connected = (seat: Seat, cookie: string | null) => connectedSeat(url(), seat, cookie, sockets);

/** A team space that requires sign-in, created by Ana, with her signed-in jar, seat and socket. */
async function requiredSpace() {
  const created = await createTeamSpaceOverHttp(url(), { title: 'Runde', facilitatorName: 'Ana' });
  secrets.add(created.token);
  const jar = await signedIn('ana', `/t/${created.sessionId}`);
  const seat = await seatOf(
    await signInSeat(jar, created.sessionId, { seat: { participantId: created.participantId, token: created.token } }),
  );
  const socket = await connected(seat, jar.header(url()));
  expect(await send(socket, 'access:set', { signIn: true, facilitatorGroup: null })).toMatchObject({ ok: true });
  return { created, jar, seat, socket };
}

async function keysMatching(pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of raw.scanIterator({ MATCH: pattern, COUNT: 1000 })) keys.push(...batch);
  return keys;
}

describe('login CSRF and session fixation', () => {
  it('sets the flow cookie HttpOnly, SameSite=Lax, only for /api/auth, and stores only a bounded flow', async () => {
    const response = await fetch(`${url()}/api/auth/login?returnTo=%2F`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const flow = response.headers.getSetCookie().find((c) => c.startsWith('runde_signin_flow='));
    expect(flow).toMatch(/; Path=\/api\/auth; HttpOnly; SameSite=Lax; Max-Age=600/);
  });

  it('does not sign a victim in with a callback URL the attacker started', async () => {
    const attacker = new CookieJar();
    const planted = await callbackUrlFor(attacker, 'ben');
    // A victim without a login of their own, and one in the middle of their own login.
    const bystander = new CookieJar();
    const midLogin = new CookieJar();
    await midLogin.fetch(`${url()}/api/auth/login?returnTo=%2F`);
    for (const victim of [bystander, midLogin]) {
      const answer = await victim.fetch(planted);
      expect(answer.headers.get('location')).toBe('/#signin-error=state');
      expect(cookieOf(victim, 'runde_signin')).toBeNull();
      expect(await me(victim.header(url()))).toEqual({ signedIn: false });
    }
    // The victim who was mid-login lost that login, not more: it starts again and signs in as itself.
    expect(await signInOverHttp(midLogin, url(), 'ana')).toBe('/');
    expect(await me(midLogin.header(url()))).toMatchObject({ signedIn: true, name: 'Ana Admin' });
  });

  it('gives every login a fresh sign-in id, whatever sign-in cookie the browser brought', async () => {
    const planted = cookieOf(await signedIn('ben'), 'runde_signin') ?? '';
    const victim = new CookieJar();
    victim.set(url(), 'runde_signin', planted);
    expect(await signInOverHttp(victim, url(), 'ana')).toBe('/');
    const own = cookieOf(victim, 'runde_signin');
    expect(own).not.toBe(planted);
    expect(await me(`runde_signin=${own}`)).toMatchObject({ signedIn: true, name: 'Ana Admin' });
  });
});

describe('mangled callbacks', () => {
  it.each([
    ['a doubled state', (u: URL) => u.searchParams.append('state', u.searchParams.get('state') ?? '')],
    ['a doubled code', (u: URL) => u.searchParams.append('code', 'another-code')],
    ['no code', (u: URL) => u.searchParams.delete('code')],
    ['an error beside the code', (u: URL) => u.searchParams.append('error', 'access_denied')],
    [
      'two errors',
      (u: URL) => {
        u.searchParams.append('error', 'access_denied');
        u.searchParams.append('error', 'server_error');
      },
    ],
    ['a 4 kB state', (u: URL) => u.searchParams.set('state', 's'.repeat(4_000))],
  ])('refuses one with %s, in the browser that started it, without a server error', async (_what, mangle) => {
    const jar = new CookieJar();
    const callback = new URL(await callbackUrlFor(jar, 'ana'));
    for (const name of ['code', 'state']) secrets.add(callback.searchParams.get(name) ?? '');
    mangle(callback);
    const answer = await jar.fetch(callback.toString());
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toMatch(/^\/#signin-error=(state|provider|denied)$/);
    expect(cookieOf(jar, 'runde_signin')).toBeNull();
  });
});

describe('open redirects', () => {
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%2F%2Fevil.example',
    '%2F%2Fevil.example',
    'https://evil.example/',
    'http:evil.example',
    '/\t/evil.example',
    '/ /evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0d%0aSet-Cookie:%20x=1',
  ];

  /** Where a redirect's Location takes a browser at this app: never another origin. */
  const staysHome = (location: string | null) => {
    expect(location).not.toBeNull();
    expect(new URL(location ?? '', url()).origin).toBe(url());
    expect(location).toMatch(/^\/(?![/\\])/);
  };

  it.each(hostile)('keeps returnTo %j on this site, at login and at every callback', async (returnTo) => {
    const path = `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
    const login = await fetch(`${url()}${path}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get('location') ?? '').origin).toBe(idp.issuer);
    // Raw too, as a hand-made link would carry it.
    const rawLogin = await fetch(`${url()}/api/auth/login?returnTo=${returnTo}`, { redirect: 'manual' });
    expect(rawLogin.status).toBe(302);
    const jar = new CookieJar();
    const landed = await signInOverHttp(jar, url(), 'ana', { returnTo });
    staysHome(landed);
    expect(landed).toBe('/');
    // The callback's own refusals (no flow, the provider's error) go home too.
    staysHome(
      (await fetch(`${url()}/api/auth/callback?error=access_denied`, { redirect: 'manual' })).headers.get('location'),
    );
  });
});

describe('floods stay bounded', () => {
  it('refuses logins past the per-address budget, storing no flow for them', async () => {
    // A node of its own with a small budget, so the other tests' logins do not spend it.
    const tight = await startTestServer({
      store,
      config: { oidc: idp.appConfig(), rateLimits: { signIn: { points: LOGINS_PER_MINUTE, durationSec: 60 } } },
    });
    const before = (await keysMatching(`${prefix}{sign-in-flow:*`)).length;
    let refused = 0;
    for (let i = 0; i < LOGINS_PER_MINUTE * 3; i += 1) {
      const response = await fetch(`${tight.url}/api/auth/login?returnTo=%2Ft`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      if (response.headers.get('location') !== '/t#signin-error=unavailable') continue;
      refused += 1;
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(refused).toBeGreaterThanOrEqual(LOGINS_PER_MINUTE * 2);
    const flows = await keysMatching(`${prefix}{sign-in-flow:*`);
    expect(flows.length - before).toBeLessThanOrEqual(LOGINS_PER_MINUTE);
    for (const key of flows) expect(await raw.pTTL(key)).toBeLessThanOrEqual(10 * 60 * 1000);
    await tight.close();
  });

  it('keeps at most a few open seat links per seat, however many sockets ask', async () => {
    const { created, seat, jar } = await requiredSpace();
    const more = await Promise.all([0, 1, 2].map(() => connected(seat, jar.header(url()))));
    const acks = await Promise.all(
      more.flatMap((socket) =>
        Array.from({ length: 8 }, async () => {
          const ack = (await socket.timeout(5_000).emitWithAck('seat:link', { mode: 'copy' })) as Ack<SeatLink>;
          if (ack.ok) secrets.add(ack.data.secret);
          return ack;
        }),
      ),
    );
    expect(acks.some((a) => a.ok)).toBe(true);
    const [, , tokens] = sessionKeys(prefix, created.sessionId);
    const fields = await raw.hKeys(tokens);
    expect(fields.filter((f) => f.startsWith('l:')).length).toBeLessThanOrEqual(3);
  });

  it('gives one person no more devices on a seat by signing in again and again', async () => {
    const { created, jar } = await requiredSpace();
    const answers: number[] = [];
    for (let i = 0; i < DEVICES_PER_SEAT + 3; i += 1) {
      const response = await signInSeat(jar, created.sessionId);
      answers.push(response.status);
      if (response.ok) await seatOf(response);
    }
    expect(answers.filter((s) => s >= 400).length).toBeGreaterThanOrEqual(3);
    const devices = await store.seatDevices(created.sessionId, created.participantId);
    expect(devices.length).toBeLessThanOrEqual(DEVICES_PER_SEAT);
  });
});

describe('cookies that must not work', () => {
  it('answers forged, oversized and repeated runde_signin cookies as signed out, never as an error', async () => {
    for (const cookie of [
      `runde_signin=${randomBytes(24).toString('base64url')}`,
      `runde_signin=${'A'.repeat(8_000)}`,
      'runde_signin=../../etc/passwd',
      'runde_signin=%00%00',
      `runde_signin=; runde_signin=${randomBytes(24).toString('base64url')}`,
    ]) {
      const response = await fetch(`${url()}/api/auth/me`, { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ signedIn: false });
    }
  });

  it('refuses the cookie of an ended sign-in, at the handshake and for a seat', async () => {
    const { created, seat, jar } = await requiredSpace();
    const cookie = jar.header(url());
    const out = await post(jar, '/api/auth/logout', { seats: [] });
    expect(out.status).toBe(200);
    expect(await me(cookie)).toEqual({ signedIn: false });
    expect(await connect(seat, cookie)).toEqual({ code: 'sign_in_required' });
    const again = await fetch(`${url()}/api/sessions/${created.sessionId}/sign-in-seat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ deviceLabel: 'Laptop' }),
    });
    expect(await again.json()).toMatchObject({ error: { code: ErrorCode.signInRequired } });
  });

  it('does not let A’s sign-in carry B’s seat token, nor take B’s bound seat', async () => {
    const { created, seat: anaSeat } = await requiredSpace();
    const ben = await signedIn('ben');
    const benSeat = await seatOf(await signInSeat(ben, created.sessionId));
    // Ben's cookie with Ana's token, and Ana's token presented to the sign-in route by Ben.
    expect(await connect(anaSeat, ben.header(url()))).toEqual({ code: 'sign_in_required' });
    const taken = await seatOf(
      await signInSeat(ben, created.sessionId, {
        seat: { participantId: anaSeat.participantId, token: anaSeat.token },
      }),
    );
    expect(taken.participantId).toBe(benSeat.participantId);
    // Ana's seat is still Ana's: her token and sign-in still prove it, Ben's sign-in does not.
    // Ben signing out with Ana's token in his list ends Ben's sign-in, not Ana's device.
    const out = await post(ben, '/api/auth/logout', {
      seats: [{ sessionId: created.sessionId, token: anaSeat.token }],
    });
    expect(out.status).toBe(200);
    const proof = await store.seatProof(created.sessionId, hashSecret(anaSeat.token), null);
    expect(proof.participantId).toBe(anaSeat.participantId);
  });
});

describe('hostile names from the provider', () => {
  it.each([
    // The zero-width space stays, as it does in a typed name (names are compared without it).
    ['bidi controls and a bell', 'bidi', 'nimdA Eve\u200B'],
    ['10 kB', 'long', `Lo${'o'.repeat(limits.displayName - 2)}`],
  ])('cleans and bounds a name with %s like a typed one', async (_label, user, expected) => {
    const created = await createTeamSpaceOverHttp(url(), { title: 'Names', facilitatorName: 'Fee' });
    const jar = await signedIn(user);
    const status = await me(jar.header(url()));
    expect(status).toEqual({ signedIn: true, name: expected });
    const seat = await seatOf(await signInSeat(jar, created.sessionId));
    const state = await store.load(created.sessionId);
    expect(state?.state.participants.find((p) => p.id === seat.participantId)?.name).toBe(expected);
  });

  it('asks for a name when the provider’s shows nothing', async () => {
    const created = await createTeamSpaceOverHttp(url(), { title: 'Names', facilitatorName: 'Fee' });
    const jar = await signedIn('blank');
    expect(await me(jar.header(url()))).toEqual({ signedIn: true, name: '' });
    const refused = await signInSeat(jar, created.sessionId);
    expect(await refused.json()).toMatchObject({ error: { code: ErrorCode.invalidPayload } });
    const named = await seatOf(await signInSeat(jar, created.sessionId, { name: 'Blanca' }));
    expect(named.participantId).toBeTruthy();
  });
});

describe('what a handshake tells a guesser', () => {
  it('costs one store read and gives one answer, whether the code is unknown, open or requires sign-in', async () => {
    const { created } = await requiredSpace();
    const open = await createTeamSpaceOverHttp(url(), { title: 'Open', facilitatorName: 'Fee' });
    const cookie = (await signedIn('ana')).header(url());
    // A code of the right shape that names no session.
    const unknownCode = created.sessionId.slice(1) + created.sessionId.charAt(0);
    const guesses: [string, string | null][] = [
      [unknownCode, null],
      [open.sessionId, null],
      [created.sessionId, null],
      [created.sessionId, cookie],
      [unknownCode, cookie],
    ];
    for (const [sessionId, withCookie] of guesses) {
      storeCalls.length = 0;
      const guess: Seat = { sessionId, participantId: 'p', token: randomBytes(32).toString('base64url') };
      expect(await connect(guess, withCookie)).toEqual({ code: 'unauthorized' });
      // Only what this handshake asked: the node's background work (the objection-window poll,
      // other sockets' presence) runs meanwhile on a busy machine and is not the guess's cost.
      const asked = storeCalls.filter((c) => c.first === sessionId || c.method === 'signIn');
      expect(asked.map((c) => c.method)).toEqual(['seatProof']);
    }
  });
});

describe('secrets stay secret', () => {
  it('keeps codes, states, cookies, tokens and refresh tokens out of the log and of others’ frames', async () => {
    const { created, jar } = await requiredSpace();
    const ben = await signedIn('ben');
    const benSeat = await seatOf(await signInSeat(ben, created.sessionId));
    const bystander = await connected(benSeat, ben.header(url()));
    const frames: string[] = [];
    bystander.io.engine.on('packet', (packet: { data?: unknown }) => frames.push(JSON.stringify(packet.data ?? '')));
    // Ana: another device by sign-in, a seat link, a sign-out; refused callbacks with their codes.
    const ana2 = await seatOf(await signInSeat(jar, created.sessionId, { deviceLabel: 'Phone' }));
    const anaSocket = await connected(ana2, jar.header(url()));
    const link = (await anaSocket.timeout(5_000).emitWithAck('seat:link', { mode: 'copy' })) as Ack<SeatLink>;
    if (link.ok) secrets.add(link.data.secret);
    const replay = new CookieJar();
    const planted = await callbackUrlFor(replay, 'ana');
    for (const name of ['code', 'state']) secrets.add(new URL(planted).searchParams.get(name) ?? '');
    await fetch(planted, { redirect: 'manual' });
    await post(jar, '/api/auth/logout', { seats: [{ sessionId: created.sessionId, token: ana2.token }] });
    // A command by Ben after all of it: every frame before it has arrived.
    expect(await bystander.timeout(5_000).emitWithAck('session:sync', { sinceVersion: 0 })).toMatchObject({ ok: true });
    secrets.delete('');
    const log = logLines.join('\n');
    expect(logLines.some((l) => l.includes('/api/auth/callback'))).toBe(true);
    for (const value of secrets) {
      expect(log.includes(value), `the log holds ${value.slice(0, 12)}…`).toBe(false);
      expect(frames.join('\n').includes(value), `a bystander's frame holds ${value.slice(0, 12)}…`).toBe(false);
    }
  });
});

describe('rechecks with the provider', () => {
  it('asks once when many requests of one browser, on two nodes, find the recheck due: a rotated refresh token is never reused', async () => {
    const second = await startTestServer({ store, clock, config: { oidc: idp.appConfig({ recheckMs: RECHECK_MS }) } });
    const jar = await signedIn('ana');
    const cookie = jar.header(url());
    const meAt = async (base: string) =>
      (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as SignInStatus;
    for (let round = 0; round < 2; round += 1) {
      offset += RECHECK_MS + 1_000;
      const answers = await Promise.all([url(), second.url, url(), second.url, second.url].map(meAt));
      expect(answers).toEqual(Array.from({ length: 5 }, () => ({ signedIn: true, name: 'Ana Admin' })));
    }
    // The provider still knows this sign-in: its grant was not revoked for a reused token.
    offset += RECHECK_MS + 1_000;
    expect(await meAt(second.url)).toEqual({ signedIn: true, name: 'Ana Admin' });
    const record = await store.signIn(cookieOf(jar, 'runde_signin') ?? '');
    if (record?.refreshToken) secrets.add(record.refreshToken);
    await second.close();
  });
});

describe('one person, one seat', () => {
  it('seats a person once, however many of their requests for a seat arrive together', async () => {
    const created = await createTeamSpaceOverHttp(url(), { title: 'Twice', facilitatorName: 'Fee' });
    const jar = await signedIn('ben');
    const seats = await Promise.all(
      Array.from({ length: 4 }, async () => seatOf(await signInSeat(jar, created.sessionId))),
    );
    expect(new Set(seats.map((s) => s.participantId)).size).toBe(1);
    const state = await store.load(created.sessionId);
    expect(state?.state.participants.filter((p) => p.boundBy === 'sign-in')).toHaveLength(1);
  });
});

describe('requests another site can make the browser send', () => {
  it('takes no seat and ends no sign-in for a simple cross-site POST (text/plain, no preflight)', async () => {
    const created = await createTeamSpaceOverHttp(url(), { title: 'Cross', facilitatorName: 'Fee' });
    const jar = await signedIn('ana');
    const cookie = jar.header(url());
    const simple = (path: string, body: unknown) =>
      fetch(`${url()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie, origin: 'https://evil.example' },
        body: JSON.stringify(body),
      });
    const seat = await simple(`/api/sessions/${created.sessionId}/sign-in-seat`, { deviceLabel: 'Evil' });
    expect(seat.status).toBeGreaterThanOrEqual(400);
    const out = await simple('/api/auth/logout', { seats: [] });
    expect(out.status).toBeGreaterThanOrEqual(400);
    expect(await me(cookie)).toMatchObject({ signedIn: true });
    const state = await store.load(created.sessionId);
    expect(state?.state.participants).toHaveLength(1);
  });
});

describe('one person’s sign-ins', () => {
  it('keeps a bounded number per person: one more ends the oldest', async () => {
    const perSubject = SIGN_INS_PER_SUBJECT;
    const cookies: string[] = [];
    for (let i = 0; i <= perSubject; i += 1) cookies.push((await signedIn('ben')).header(url()));
    expect(await me(cookies[0] ?? '')).toEqual({ signedIn: false });
    for (const cookie of cookies.slice(1)) expect(await me(cookie)).toMatchObject({ signedIn: true });
  });
});
