import { randomUUID } from 'node:crypto';
import type { RedisSessionStore } from '@runde/server';
import type { CreateSessionResponse, HallPhase, HallSeatResponse, Seat } from '@runde/shared';
import { freezingStore, type FreezingStore } from './freezingStore.ts';
import { createHallOverHttp, joinHallOverHttp } from './hallClients.ts';
import { privateRedisSuite } from './privateRedisSuite.ts';
import type { RedisServerHandle } from './redisTestEnv.ts';
import { okVersion, TestClient } from './serverClients.ts';

/** A one-table hall on a private redis-server whose store a test can have frozen mid-write. */
export interface HallOutage {
  /** The private redis-server, for the test to crash (`kill9`) and `restart`. */
  redis: RedisServerHandle;
  /** The real store, under the freezing proxy the server writes through. */
  store: RedisSessionStore;
  freezing: FreezingStore;
  url: string;
  /** The hall, created by Olga (the organiser's seat). */
  created: CreateSessionResponse;
  /** Ana's seat at table 1. */
  seat: HallSeatResponse;
  /** Connects a device for `seat`, closed after the file's tests. */
  connect(seat: Seat): Promise<TestClient>;
}

/**
 * The set-up the hall's outage tests share (a write the server makes on its own, refused while
 * Redis is frozen, must still land once Redis is back). Call at the top of a test file; it closes
 * everything after the file's tests. `start` opens the hall inside a test.
 */
export function hallOutageSuite(label: string): { start(): Promise<HallOutage> } {
  const suite = privateRedisSuite(label);
  return {
    async start() {
      let freezing: FreezingStore | undefined;
      const { redis, store, server } = await suite.start((opened, on) => {
        freezing = freezingStore(opened, on);
        return freezing.store;
      });
      if (!freezing) throw new Error('the freezing proxy is made by start');
      const { url } = server;
      const created = await createHallOverHttp(url, {
        title: 'Outage hall',
        organiserName: 'Olga',
        seating: { mode: 'count', tables: 1 },
      });
      const seat = await joinHallOverHttp(url, created.sessionId, { name: 'Ana', table: 1 });
      const connect = async (to: Seat) => suite.track(await TestClient.connect(url, to));
      return { redis, store, freezing, url, created, seat, connect };
    },
  };
}

/** The organiser moves the hall on; the command must be accepted. */
export async function hallPhase(organiser: TestClient, to: HallPhase): Promise<void> {
  okVersion(await organiser.channel.command('hall:phase', { to }, { commandId: randomUUID() }));
}
