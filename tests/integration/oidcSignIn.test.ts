import { RedisSessionStore } from '@runde/server';
import { ErrorCode, type Seat, type SeatEndedNotice, type SessionSummary, type SignInStatus } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signInOverHttp, startOidcProvider, type TestOidcProvider } from '../support/oidcProvider.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import type { ClientSocket } from '../support/serverClients.ts';
import { createSessionOverHttp, createTeamSpaceOverHttp } from '../support/serverClients.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { connectedSeat, connectSeat, postJson, seatOf, sendCommand as send } from '../support/signInSeats.ts';

/**
 * Single sign-on end to end: a real OpenID Connect provider (oidc-provider), the app over real
 * HTTP and real sockets, and real Redis. The app's clock is moved for the provider recheck.
 */
const prefix = uniquePrefix('oidc');
const RECHECK_MS = 300_000;
let offset = 0;
const clock = () => Date.now() + offset;
let idp: TestOidcProvider;
let other: TestOidcProvider;
let store: RedisSessionStore;
let server: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  idp = await startOidcProvider();
  other = await startOidcProvider();
  store = await openRedisStore(prefix);
  server = await startTestServer({ store, clock, config: { oidc: idp.appConfig({ recheckMs: RECHECK_MS }) } });
  idp.allowRedirect(`${server.url}/api/auth/callback`);
  other.allowRedirect(`${server.url}/api/auth/callback`);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
  await store.close();
  await deleteTestKeys(prefix);
  await idp.close();
  await other.close();
});

const url = () => server.url;

async function signedIn(user: string, returnTo = '/'): Promise<CookieJar> {
  const jar = new CookieJar();
  const landed = await signInOverHttp(jar, url(), user, { returnTo });
  expect(landed).toBe(returnTo);
  return jar;
}

async function me(jar: CookieJar): Promise<SignInStatus> {
  return (await (await jar.fetch(`${url()}/api/auth/me`)).json()) as SignInStatus;
}

const post = (jar: CookieJar | null, path: string, body: unknown) => postJson(url(), jar, path, body);

async function signInSeat(jar: CookieJar, sessionId: string, more: object = {}): Promise<Seat> {
  return seatOf(await post(jar, `/api/sessions/${sessionId}/sign-in-seat`, { deviceLabel: 'Laptop', ...more }));
}

const cookieOf = (jar: CookieJar | null) => (jar ? jar.header(url()) : null);
/** A device's socket with its seat's token and the browser's cookies; the refusal's data when refused. */
const connect = (seat: Seat, jar: CookieJar | null) => connectSeat(url(), seat, cookieOf(jar), sockets);
const connected = (seat: Seat, jar: CookieJar | null) => connectedSeat(url(), seat, cookieOf(jar), sockets);

const participant = async (sessionId: string, id: string) =>
  (await store.load(sessionId))?.state.participants.find((p) => p.id === id);

/** A team space whose creator (facilitator) is Ana, signed in and bound, with her jar and socket. */
async function spaceOfAna(group: string | null) {
  const created = await createTeamSpaceOverHttp(url(), { title: 'Runde', facilitatorName: 'Ana' });
  const jar = await signedIn('ana', `/t/${created.sessionId}`);
  const seat = await signInSeat(jar, created.sessionId, {
    seat: { participantId: created.participantId, token: created.token },
  });
  expect(seat.participantId).toBe(created.participantId);
  // The link token of this device gave way to the bound one.
  expect((await store.seatDevices(created.sessionId, seat.participantId)).map((d) => d.via)).toEqual(['sign-in']);
  const socket = await connected(seat, jar);
  expect(await send(socket, 'access:set', { signIn: true, facilitatorGroup: group })).toMatchObject({ ok: true });
  return { created, jar, seat, socket };
}

describe('single sign-on', () => {
  it('tells the web app that sign-in is offered, and by which label', async () => {
    const config = await (await fetch(`${url()}/api/auth/config`)).json();
    expect(config).toEqual({ signIn: { label: 'Test SSO' } });
  });

  it('signs in, takes a seat by sign-in and proves it on a socket', async () => {
    const created = await createTeamSpaceOverHttp(url(), { title: 'Runde', facilitatorName: 'Fee' });
    const jar = await signedIn('ana', `/t/${created.sessionId}`);
    expect(await me(jar)).toEqual({ signedIn: true, name: 'Ana Admin' });
    const seat = await signInSeat(jar, created.sessionId);
    expect(await participant(created.sessionId, seat.participantId)).toMatchObject({
      name: 'Ana Admin',
      role: 'participant',
      boundBy: 'sign-in',
    });
    const socket = await connected(seat, jar);
    expect(socket.connected).toBe(true);
  });

  it('makes one member of one person on two devices', async () => {
    const created = await createTeamSpaceOverHttp(url(), { title: 'Runde', facilitatorName: 'Fee' });
    const laptop = await signInSeat(await signedIn('ana'), created.sessionId);
    const phone = await signInSeat(await signedIn('ana'), created.sessionId);
    expect(phone.participantId).toBe(laptop.participantId);
    expect(phone.token).not.toBe(laptop.token);
    const people = (await store.load(created.sessionId))?.state.participants ?? [];
    expect(people.filter((p) => p.name === 'Ana Admin')).toHaveLength(1);
    const devices = await store.seatDevices(created.sessionId, laptop.participantId);
    expect(devices.map((d) => [d.label, d.via])).toEqual([
      ['Laptop', 'sign-in'],
      ['Laptop', 'sign-in'],
    ]);
  });

  it('lets the facilitator group decide: Ben cannot facilitate, Ana does again at her next sign-in', async () => {
    const { created, socket: ana } = await spaceOfAna('runde-moderation');
    const benJar = await signedIn('ben');
    const ben = await signInSeat(benJar, created.sessionId);
    expect(await participant(created.sessionId, ben.participantId)).toMatchObject({ role: 'participant' });
    expect(
      await send(ana, 'participant:set-role', { participantId: ben.participantId, role: 'facilitator' }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
    // Ben cannot set a group he is not in.
    const benSocket = await connected(ben, benJar);
    expect(await send(benSocket, 'access:set', { signIn: true, facilitatorGroup: null })).toMatchObject({ ok: false });
    expect(await participant(created.sessionId, ben.participantId)).toMatchObject({ role: 'participant' });
  });

  it('gives a member of the facilitator group facilitation when they sign in', async () => {
    // Fee opens a space by link; Ana signs in (no access yet), Fee makes her co-facilitator, Ana sets the group.
    const created = await createTeamSpaceOverHttp(url(), { title: 'Runde', facilitatorName: 'Fee' });
    const fee = await connected(created, null);
    const jar = await signedIn('ana');
    const anaSeat = await signInSeat(jar, created.sessionId);
    expect(
      await send(fee, 'participant:set-role', { participantId: anaSeat.participantId, role: 'facilitator' }),
    ).toMatchObject({ ok: true });
    const ana = await connected(anaSeat, jar);
    expect(await send(ana, 'access:set', { signIn: true, facilitatorGroup: 'runde-moderation' })).toMatchObject({
      ok: true,
    });
    // Stepping back is allowed; the next sign-in hands facilitation back, by the group.
    expect(
      await send(ana, 'participant:set-role', { participantId: anaSeat.participantId, role: 'participant' }),
    ).toMatchObject({ ok: true });
    expect(await participant(created.sessionId, anaSeat.participantId)).toMatchObject({ role: 'participant' });
    const again = await signInSeat(await signedIn('ana'), created.sessionId);
    expect(again.participantId).toBe(anaSeat.participantId);
    expect(await participant(created.sessionId, anaSeat.participantId)).toMatchObject({ role: 'facilitator' });
  });

  describe('refuses a callback', () => {
    const refused = async (rewrite: (jar: CookieJar) => Promise<string>) => {
      const jar = new CookieJar();
      const landed = await rewrite(jar);
      expect(landed).toMatch(/^\/#signin-error=(state|provider)$/);
      expect(await me(jar)).toEqual({ signedIn: false });
      return landed;
    };

    it('whose id_token is signed with another key', async () => {
      idp.tamperNextIdToken((token) => idp.forged(token));
      await refused((jar) => signInOverHttp(jar, url(), 'ana'));
    });

    it('whose id_token has expired', async () => {
      idp.tamperNextIdToken((token) => idp.expired(token));
      await refused((jar) => signInOverHttp(jar, url(), 'ana'));
    });

    it('whose id_token comes from another issuer', async () => {
      idp.tamperNextIdToken((token) => other.reissued(token));
      await refused((jar) => signInOverHttp(jar, url(), 'ana'));
    });

    it('with a state that is not the one sent', async () => {
      const landed = await refused((jar) =>
        signInOverHttp(jar, url(), 'ana', {
          beforeCallback: (callback) => {
            const changed = new URL(callback);
            changed.searchParams.set('state', 'not-the-state-we-sent');
            return changed.toString();
          },
        }),
      );
      expect(landed).toBe('/#signin-error=state');
    });

    it('a second time (a replayed code)', async () => {
      const jar = new CookieJar();
      let callback = '';
      let cookie = '';
      await signInOverHttp(jar, url(), 'ana', {
        beforeCallback: (at) => {
          callback = at;
          cookie = jar.header(url());
          return at;
        },
      });
      expect(await me(jar)).toMatchObject({ signedIn: true });
      const replay = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
      expect(replay.headers.get('location')).toBe('/#signin-error=state');
      expect(replay.headers.getSetCookie().some((c) => c.startsWith('runde_signin='))).toBe(false);
    });
  });

  it('refuses plain joins, the facilitator link and link seats without a sign-in in a space that requires it', async () => {
    const { created, seat, jar } = await spaceOfAna(null);
    const summary = (await (await fetch(`${url()}/api/sessions/${created.sessionId}`)).json()) as SessionSummary;
    expect(summary.signIn).toBe('required');
    const join = await post(null, `/api/sessions/${created.sessionId}/participants`, { name: 'Zoe' });
    expect(join.status).toBe(403);
    expect(await join.json()).toMatchObject({ error: { code: ErrorCode.signInRequired } });
    const claim = await post(null, `/api/sessions/${created.sessionId}/facilitator`, {
      key: created.facilitatorUrl.split('#key=')[1],
    });
    expect(await claim.json()).toMatchObject({ error: { code: ErrorCode.signInRequired } });
    // Ana's own token without her sign-in (another browser, or signed out) is not enough.
    expect(await connect(seat, null)).toEqual({ code: 'sign_in_required' });
    // Ben's sign-in is not Ana's.
    expect(await connect(seat, await signedIn('ben'))).toEqual({ code: 'sign_in_required' });
    expect(await connect(seat, jar)).toHaveProperty('connected', true);
  });

  it('keeps a Lean Coffee open by link until its facilitator requires sign-in', async () => {
    const created = await createSessionOverHttp(url(), { title: 'Lean Coffee', facilitatorName: 'Ana' });
    const open = await post(null, `/api/sessions/${created.sessionId}/participants`, { name: 'Zoe' });
    expect(open.status).toBe(201);
    const summary = (await (await fetch(`${url()}/api/sessions/${created.sessionId}`)).json()) as SessionSummary;
    expect(summary.signIn).toBeUndefined();
    const jar = await signedIn('ana');
    const seat = await signInSeat(jar, created.sessionId, {
      seat: { participantId: created.participantId, token: created.token },
    });
    const socket = await connected(seat, jar);
    expect(await send(socket, 'access:set', { signIn: true, facilitatorGroup: null })).toMatchObject({ ok: true });
    const closed = await post(null, `/api/sessions/${created.sessionId}/participants`, { name: 'Yan' });
    expect(await closed.json()).toMatchObject({ error: { code: ErrorCode.signInRequired } });
  });

  it('refuses access:set from a facilitator whose seat is held by link only', async () => {
    const created = await createSessionOverHttp(url(), { title: 'Lean Coffee', facilitatorName: 'Fee' });
    const fee = await connected(created, null);
    expect(await send(fee, 'access:set', { signIn: true, facilitatorGroup: null })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.signInRequired },
    });
  });

  it('signs out: the device loses its bound seat, told on its socket', async () => {
    const { created, jar, seat, socket } = await spaceOfAna(null);
    const ended = new Promise<SeatEndedNotice>((resolve) => socket.once('seat:ended', resolve));
    const out = await post(jar, '/api/auth/logout', { seats: [{ sessionId: created.sessionId, token: seat.token }] });
    expect(out.status).toBe(200);
    expect(await out.json()).toMatchObject({ endSessionUrl: expect.stringContaining(idp.issuer) });
    expect(await ended).toEqual({ reason: 'signed-out' });
    expect(await me(jar)).toEqual({ signedIn: false });
    // Signing in again does not bring this token back: the device takes a new one.
    const again = await signedIn('ana');
    expect(await connect(seat, again)).toEqual({ code: 'unauthorized' });
  });

  it('rechecks a sign-in once for two tabs reconnecting together, and it holds for the next recheck', async () => {
    const { seat, jar } = await spaceOfAna(null);
    offset += RECHECK_MS + 1_000;
    const both = await Promise.all([connect(seat, jar), connect(seat, jar)]);
    expect(both.map((r) => 'connected' in r && r.connected)).toEqual([true, true]);
    offset += RECHECK_MS + 1_000;
    expect(await connect(seat, jar)).toHaveProperty('connected', true);
    expect(await me(jar)).toMatchObject({ signedIn: true });
  });

  // Last: Ben is removed from the provider for good.
  it('ends a sign-in the provider no longer confirms, at the next recheck', async () => {
    const { created } = await spaceOfAna(null);
    const jar = await signedIn('ben');
    const seat = await signInSeat(jar, created.sessionId);
    expect(await connect(seat, jar)).toHaveProperty('connected', true);
    idp.removeUser('ben');
    // Before the recheck is due, the sign-in stands as it is.
    expect(await connect(seat, jar)).toHaveProperty('connected', true);
    offset += RECHECK_MS + 1_000;
    expect(await connect(seat, jar)).toEqual({ code: 'sign_in_required' });
    expect(await me(jar)).toEqual({ signedIn: false });
  });
});

describe('single sign-on with the provider down', () => {
  it('answers unavailable and keeps everything else running', async () => {
    // A port nobody listens on: the provider closed before Runde ever reached it.
    const gone = await startOidcProvider();
    const config = gone.appConfig();
    await gone.close();
    const down = await startTestServer({ store, config: { oidc: config } });
    try {
      const login = await fetch(`${down.url}/api/auth/login?returnTo=/t/ABC234`, { redirect: 'manual' });
      expect(login.status).toBe(302);
      expect(login.headers.get('location')).toBe('/t/ABC234#signin-error=unavailable');
      expect(await (await fetch(`${down.url}/api/auth/config`)).json()).toEqual({ signIn: { label: 'Test SSO' } });
      const created = await createSessionOverHttp(down.url, { title: 'Still here', facilitatorName: 'Fee' });
      expect(created.sessionId).toMatch(/^[A-Z0-9]+$/);
    } finally {
      await down.close();
    }
  });
});

describe('without single sign-on configured', () => {
  it('offers no sign-in and refuses to require one', async () => {
    const plain = await startTestServer({ store });
    try {
      expect(await (await fetch(`${plain.url}/api/auth/config`)).json()).toEqual({ signIn: null });
      const login = await fetch(`${plain.url}/api/auth/login?returnTo=/`, { redirect: 'manual' });
      expect(login.headers.get('location')).toBe('/#signin-error=unavailable');
      const created = await createSessionOverHttp(plain.url, { title: 'Lean Coffee', facilitatorName: 'Fee' });
      const socket = await connectedSeat(plain.url, created, null, sockets);
      expect(await send(socket, 'access:set', { signIn: true, facilitatorGroup: null })).toMatchObject({
        ok: false,
        error: { code: ErrorCode.invalidState },
      });
    } finally {
      await plain.close();
    }
  });
});
