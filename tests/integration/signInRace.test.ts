import { createHash } from 'node:crypto';
import { RedisSessionStore } from '@runde/server';
import { DEVICES_PER_SEAT, type Seat, type SignInStatus } from '@runde/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CookieJar,
  signInOverHttp,
  startOidcProvider,
  TEST_USERS,
  type TestOidcProvider,
} from '../support/oidcProvider.ts';
import { uniquePrefix } from '../support/redisTestEnv.ts';
import type { ClientSocket } from '../support/serverClients.ts';
import { createTeamSpaceOverHttp, joinOverHttp } from '../support/serverClients.ts';
import { deleteTestKeys, openRedisStore, startTestServer, type TestServer } from '../support/serverHarness.ts';
import { connectedSeat, seatOf, sendCommand as send } from '../support/signInSeats.ts';

/*
 * Issue 18's sign-in under races and between sign-ins: two nodes sharing one Redis, a real
 * oidc-provider, real HTTP and sockets. One person is one seat however their first sign-ins race;
 * a device token is only ever granted with the binding that makes it valid; the facilitator group
 * decides the role at rechecks too; the per-person bound of sign-ins holds under concurrent logins.
 */

const prefix = uniquePrefix('signinrace');
const RECHECK_MS = 300_000;
const SIGN_INS_PER_SUBJECT = 20;
let offset = 0;
const clock = () => Date.now() + offset;
let idp: TestOidcProvider;
let storeA: RedisSessionStore;
let storeB: RedisSessionStore;
let nodeA: TestServer;
let nodeB: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  idp = await startOidcProvider({
    users: {
      ...TEST_USERS,
      cara: { name: 'Cara Provider', groups: [] },
      dora: { name: 'Dora Provider', groups: [] },
      emil: { name: 'Emil Lead', groups: ['runde-moderation'] },
      finn: { name: 'Finn Lead', groups: ['runde-moderation'] },
      gina: { name: 'Gina Often', groups: [] },
    },
  });
  storeA = await openRedisStore(prefix);
  storeB = await openRedisStore(prefix);
  const oidc = idp.appConfig({ recheckMs: RECHECK_MS });
  nodeA = await startTestServer({ store: storeA, clock, config: { oidc } });
  nodeB = await startTestServer({ store: storeB, clock, config: { oidc } });
  // Both nodes serve one site: the browser's cookies are the same on either.
  idp.allowRedirect(`${nodeA.url}/api/auth/callback`);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nodeA.close();
  await nodeB.close();
  await storeA.close();
  await storeB.close();
  await deleteTestKeys(prefix);
  await idp.close();
});

async function signedIn(user: string): Promise<CookieJar> {
  const jar = new CookieJar();
  expect(await signInOverHttp(jar, nodeA.url, user, { returnTo: '/' })).toBe('/');
  return jar;
}

/** The sign-in cookie of node A's site, sent as is to either node. */
const cookieFor = (jar: CookieJar) => jar.header(nodeA.url);

async function signInSeatAt(base: string, jar: CookieJar, sessionId: string, more: object = {}): Promise<Response> {
  return fetch(`${base}/api/sessions/${sessionId}/sign-in-seat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieFor(jar) },
    body: JSON.stringify({ deviceLabel: 'Phone', ...more }),
  });
}

const connected = (base: string, seat: Seat, jar: CookieJar) => connectedSeat(base, seat, cookieFor(jar), sockets);

const roleOf = async (sessionId: string, id: string) =>
  (await storeA.load(sessionId))?.state.participants.find((p) => p.id === id)?.role;

const boundSeats = async (sessionId: string) =>
  ((await storeA.load(sessionId))?.state.participants ?? []).filter((p) => p.boundBy === 'sign-in');

describe('first sign-ins of one person racing', () => {
  it('seats them once: N requests from two devices on two nodes, under two names, make one seat with N devices', async () => {
    const created = await createTeamSpaceOverHttp(nodeA.url, { title: 'Race', facilitatorName: 'Fee' });
    const phone = await signedIn('cara');
    const laptop = await signedIn('cara');
    const n = 8;
    expect(n).toBeLessThanOrEqual(DEVICES_PER_SEAT);
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        // The phone takes the provider's name, the laptop sends a typed one.
        signInSeatAt(i % 2 === 0 ? nodeA.url : nodeB.url, i < n / 2 ? phone : laptop, created.sessionId, {
          ...(i < n / 2 ? {} : { name: 'Cara typed' }),
        }).then(seatOf),
      ),
    );
    const seat = answers[0]?.participantId;
    expect(answers.map((a) => a.participantId)).toEqual(Array.from({ length: n }, () => seat));
    expect((await boundSeats(created.sessionId)).map((p) => p.id)).toEqual([seat]);
    const devices = await storeA.seatDevices(created.sessionId, seat ?? '');
    expect(devices.map((d) => d.via)).toEqual(Array.from({ length: n }, () => 'sign-in'));
    // Every token handed out proves that one seat.
    for (const answer of answers) {
      expect((await storeB.seatProof(created.sessionId, hashOf(answer.token), null)).participantId).toBe(seat);
    }
  });

  it('grants no token without its binding: devices proving different link seats make one bound seat, and no stray device', async () => {
    const created = await createTeamSpaceOverHttp(nodeA.url, { title: 'Links', facilitatorName: 'Fee' });
    const n = 6;
    const links = await Promise.all(
      Array.from({ length: n }, (_, i) => joinOverHttp(nodeA.url, created.sessionId, `Dora ${i}`)),
    );
    const jars = await Promise.all(links.map(() => signedIn('dora')));
    const answers = await Promise.all(
      links.map((link, i) =>
        signInSeatAt(i % 2 === 0 ? nodeA.url : nodeB.url, jars[i] as CookieJar, created.sessionId, {
          seat: { participantId: link.participantId, token: link.token },
        }).then(seatOf),
      ),
    );
    const seat = answers[0]?.participantId;
    expect(answers.map((a) => a.participantId)).toEqual(Array.from({ length: n }, () => seat));
    expect((await boundSeats(created.sessionId)).map((p) => p.id)).toEqual([seat]);
    for (const link of links) {
      const vias = (await storeA.seatDevices(created.sessionId, link.participantId)).map((d) => d.via);
      // The bound seat holds every sign-in device; the other link seats only what they had.
      if (link.participantId === seat) expect(vias).toEqual(Array.from({ length: n }, () => 'sign-in'));
      else expect(vias).not.toContain('sign-in');
    }
  });
});

describe('roles between sign-ins', () => {
  /** A space that requires sign-in with the facilitator group: Fee (link, creator) and Emil, signed in and promoted. */
  async function spaceWithLead(user: string) {
    const created = await createTeamSpaceOverHttp(nodeA.url, { title: 'Lead', facilitatorName: 'Fee' });
    const fee = await connected(nodeA.url, created, new CookieJar());
    const jar = await signedIn(user);
    const seat = await seatOf(await signInSeatAt(nodeA.url, jar, created.sessionId));
    expect(
      await send(fee, 'participant:set-role', { participantId: seat.participantId, role: 'facilitator' }),
    ).toMatchObject({ ok: true });
    const lead = await connected(nodeB.url, seat, jar);
    expect(await send(lead, 'access:set', { signIn: true, facilitatorGroup: 'runde-moderation' })).toMatchObject({
      ok: true,
    });
    lead.disconnect();
    return { created, jar, seat };
  }

  it('takes facilitation from a member the provider removed from the group at the next recheck, and gives it back', async () => {
    const { created, jar, seat } = await spaceWithLead('emil');
    expect(await roleOf(created.sessionId, seat.participantId)).toBe('facilitator');
    idp.setGroups('emil', []);
    offset += RECHECK_MS + 1_000;
    // The handshake rechecks, admits the device and rebinds the seat: the group decides.
    await connected(nodeB.url, seat, jar);
    expect(await roleOf(created.sessionId, seat.participantId)).toBe('participant');
    // Another browser of Emil's, signed in while he is outside the group (the first one's recheck
    // is claimed for a while, in real time): taken back into the group, its recheck promotes him.
    const later = await signedIn('emil');
    idp.setGroups('emil', ['runde-moderation']);
    offset += RECHECK_MS + 1_000;
    await connected(nodeA.url, seat, later);
    expect(await roleOf(created.sessionId, seat.participantId)).toBe('facilitator');
  });

  it('takes facilitation away at a handshake also when the recheck happened elsewhere first', async () => {
    const { created, jar, seat } = await spaceWithLead('finn');
    idp.setGroups('finn', []);
    offset += RECHECK_MS + 1_000;
    // The recheck happens on another request of the browser; the handshake finds it fresh.
    const status = (await (
      await fetch(`${nodeA.url}/api/auth/me`, { headers: { cookie: cookieFor(jar) } })
    ).json()) as SignInStatus;
    expect(status).toMatchObject({ signedIn: true });
    await connected(nodeB.url, seat, jar);
    expect(await roleOf(created.sessionId, seat.participantId)).toBe('participant');
  });
});

describe('sign-ins per person', () => {
  it(`keeps at most ${SIGN_INS_PER_SUBJECT} sign-ins of one person when more logins arrive at once`, async () => {
    const extra = 4;
    const jars = await Promise.all(Array.from({ length: SIGN_INS_PER_SUBJECT + extra }, () => signedIn('gina')));
    const live = await Promise.all(
      jars.map(async (jar) => ((await (await jar.fetch(`${nodeA.url}/api/auth/me`)).json()) as SignInStatus).signedIn),
    );
    expect(live.filter(Boolean)).toHaveLength(SIGN_INS_PER_SUBJECT);
  });
});

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
