import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type Ack, type CommandResult, type Seat } from '@runde/shared';
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { CookieJar, signInOverHttp } from '../support/oidcProvider.ts';
import { createTeamSpaceOverHttp, type ClientSocket } from '../support/serverClients.ts';
import { contextFor, shoot } from './shots.ts';

/**
 * A team space that requires sign-in, as a newcomer's laptop meets it: the join page offers the
 * installation's provider instead of a name field. `npm run screenshots` starts the test provider
 * and the app with it; the facilitator signs in and requires sign-in over HTTP and a socket first.
 */
export async function signInRequired(browser: Browser, base: string): Promise<void> {
  const created = await createTeamSpaceOverHttp(base, { title: 'Stadtteilrat Nord', facilitatorName: 'Katrin' });
  const jar = new CookieJar();
  await signInOverHttp(jar, base, 'ana', { returnTo: `/j/${created.joinCode}/sign-in` });
  const answer = await jar.fetch(`${base}/api/sessions/${created.joinCode}/sign-in-seat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceLabel: 'Laptop',
      seat: { participantId: created.participantId, token: created.token },
    }),
  });
  if (!answer.ok) throw new Error(`sign-in-seat answered ${answer.status}: is the app started with sign-in?`);
  const seat = (await answer.json()) as Seat;
  const socket: ClientSocket = io(base, {
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie: jar.header(base) },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const timed = socket.timeout(5_000);
    const emit = timed.emitWithAck.bind(timed) as (...args: unknown[]) => Promise<Ack<CommandResult>>;
    const set = await emit(
      'access:set',
      { signIn: true, facilitatorGroup: 'runde-moderation' },
      { commandId: randomUUID() },
    );
    if (!set.ok) throw new Error(`access:set refused: ${set.error.message}`);
  } finally {
    socket.disconnect();
  }

  const laptop = await contextFor(browser, 'loop-laptop-sign-in-required.png', { locale: 'de-DE' });
  const page = await laptop.newPage();
  await page.goto(`${base}/t/${created.joinCode}`);
  await page.getByRole('link', { name: 'Anmelden mit Stadt-Login', exact: true }).waitFor();
  await shoot(page, 'loop-laptop-sign-in-required.png');
  await laptop.close();
}
