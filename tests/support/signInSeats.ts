import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  type Ack,
  type CommandResult,
  type HandshakeErrorData,
  type KindCommandInput,
  type KindCommandType,
  type Seat,
} from '@runde/shared';
import { io } from 'socket.io-client';
import { expect } from 'vitest';
import type { CookieJar } from './oidcProvider.ts';
import type { ClientSocket } from './serverClients.ts';

/**
 * A signed-in browser's seat over real HTTP and a real socket, shared by the sign-in integration
 * tests. The cookie is passed as a header string so a test can send one site's cookie to another
 * node, or a stolen one to the wrong seat. Opened sockets are pushed to the caller's list, which
 * its afterAll disconnects.
 */

/** POSTs JSON as the browser with `jar` (or as no browser at all when `jar` is null). */
export async function postJson(base: string, jar: CookieJar | null, path: string, body: unknown): Promise<Response> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return jar ? jar.fetch(`${base}${path}`, init) : fetch(`${base}${path}`, init);
}

/** The seat a sign-in-seat answer handed out; fails the test (with the body) when it was refused. */
export async function seatOf(response: Response): Promise<Seat> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Seat;
}

/** What a socket's handshake needs of a seat (a created session's answer carries it too). */
export type SeatToken = Pick<Seat, 'sessionId' | 'token'>;

/** A device's socket with its seat's token and the given cookies; the refusal's data when refused. */
export async function connectSeat(
  base: string,
  seat: SeatToken,
  cookie: string | null,
  opened: ClientSocket[],
): Promise<ClientSocket | HandshakeErrorData> {
  const socket: ClientSocket = io(base, {
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      opened.push(socket);
      resolve(socket);
    });
    socket.once('connect_error', (err: Error & { data?: HandshakeErrorData }) => {
      socket.disconnect();
      resolve(err.data ?? { code: 'internal' });
    });
  });
}

/** As connectSeat, but the handshake must be accepted. */
export async function connectedSeat(
  base: string,
  seat: SeatToken,
  cookie: string | null,
  opened: ClientSocket[],
): Promise<ClientSocket> {
  const result = await connectSeat(base, seat, cookie, opened);
  if ('code' in result) throw new Error(`handshake refused: ${result.code}`);
  return result;
}

/** Sends one command with a fresh command id and waits for its ack. */
export async function sendCommand<T extends KindCommandType>(
  socket: ClientSocket,
  type: T,
  payload: KindCommandInput<T>,
): Promise<Ack<CommandResult>> {
  const timed = socket.timeout(5_000) as unknown as {
    emitWithAck(event: string, ...args: unknown[]): Promise<Ack<CommandResult>>;
  };
  return timed.emitWithAck(type, payload, { commandId: randomUUID() });
}
