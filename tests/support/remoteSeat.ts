import { randomUUID } from 'node:crypto';
import type { KindCommandInput, KindCommandType, CreateSessionResponse, Seat, TeamSpaceState } from '@runde/shared';
import type { BrowserContext } from 'playwright-core';
import { createTeamSpaceOverHttp, joinOverHttp, TestClient, waitUntil } from './serverClients.ts';

/**
 * Gives a browser context a seat before any page loads, as if that device had joined earlier:
 * the projector screen that shares the laptop's seat, or a screen a test drives over a socket.
 */
export async function seatBrowser(context: BrowserContext, joinCode: string, seat: Seat): Promise<void> {
  const stored = { [joinCode]: { sessionId: seat.sessionId, participantId: seat.participantId, token: seat.token } };
  await context.addInitScript((seats) => {
    localStorage.setItem('runde:seats', JSON.stringify(seats));
  }, stored);
}

/**
 * One member of a team space acting over a real socket, so a browser test can set the scene (a
 * meeting at its tensions, an open action) in a few commands instead of a long walk through the UI.
 */
export class RemoteMember {
  private constructor(
    readonly client: TestClient,
    readonly seat: Seat,
  ) {}

  static async connect(url: string, seat: Seat): Promise<RemoteMember> {
    return new RemoteMember(await TestClient.connect(url, seat), seat);
  }

  get space(): TeamSpaceState {
    const space = this.client.mirror.space;
    if (!space) throw new Error('no team space held');
    return space;
  }

  /** Sends a command, fails on a refusal, and waits until this device holds its result. */
  async run<T extends KindCommandType>(type: T, payload: KindCommandInput<T>): Promise<void> {
    const ack = (await this.client.sendRaw(type, payload, { commandId: randomUUID() })) as Awaited<
      ReturnType<TestClient['send']>
    >;
    if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`);
    const { version } = ack.data;
    await waitUntil(`${type} arrives`, () => this.client.mirror.version >= version);
  }

  async addTension(title: string, room: 'operational' | 'governance' | 'relationship' = 'operational') {
    await this.run('tension:add', { title, description: '', room, anonymous: false });
    return this.tensionId(title);
  }

  tensionId(title: string): string {
    const tension = this.space.tensions.find((t) => t.title === title);
    if (!tension) throw new Error(`no tension "${title}"`);
    return tension.id;
  }

  /** Starts a meeting of `room` and moves it on to its tensions. */
  async meetingAtTensions(room: 'operational' | 'governance' | 'relationship') {
    await this.run('meeting:start', { room });
    while (this.space.meeting?.stage !== 'tensions') await this.run('meeting:advance', {});
  }

  close(): void {
    this.client.close();
  }
}

/** A new team space over HTTP, its facilitator connected over a socket. */
export async function openTeamSpace(
  url: string,
  title: string,
  facilitatorName: string,
): Promise<{ created: CreateSessionResponse; facilitator: RemoteMember }> {
  const created = await createTeamSpaceOverHttp(url, { title, facilitatorName });
  return { created, facilitator: await RemoteMember.connect(url, created) };
}

/** Seats one more member in the team space and connects them over a socket. */
export async function joinTeamSpace(url: string, sessionId: string, name: string): Promise<RemoteMember> {
  return RemoteMember.connect(url, await joinOverHttp(url, sessionId, name));
}
