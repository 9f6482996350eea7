/**
 * A team space after two years of weekly meetings (issue 13): what its live state weighs, what a phone
 * needs from the join link to the board, and what reading its history page by page costs.
 *
 * Builds the space through the real HTTP routes and socket commands of an in-process server (the web
 * app served beside it): `meetings` meetings, every fifth a governance meeting adopting its share of
 * `decisions` proposals through the whole integrative decision-making, the others sync meetings
 * taking up three or four tensions with a next action each (done later), `tensions` in all with a
 * few left open in the backlog. Texts have realistic lengths in German, not the maximum.
 *
 * Then prints:
 *  - the live snapshot a member's phone receives (`session:sync` from 0): JSON bytes and gzip bytes
 *    (the wire with permessage-deflate, roughly), against the target of 100 KB gzipped;
 *  - the stored state's bytes (Redis `STRLEN` with REDIS_URL, else the JSON);
 *  - join link → name → board in Chromium on a 390×844 phone, `--phones` fresh phones, median and max;
 *  - every archive page of every kind: items, JSON bytes, gzip bytes, answer time (median, max).
 *
 *   pnpm build && npx tsx bench/twoYearSpace.ts [--redisUrl redis://127.0.0.1:6379] [--phones 5]
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import {
  createApp,
  createLogger,
  loadWebHandler,
  MemorySessionStore,
  RedisSessionStore,
  type SessionStore,
} from '@runde/server';
import {
  ARCHIVE_PAGE_MAX,
  archiveKinds,
  PROTOCOL_VERSION,
  type Ack,
  type ArchivePage,
  type CreateSessionResponse,
  type JoinSessionResponse,
  type SyncResult,
  type TeamSpaceState,
} from '@runde/shared';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/lib/chromium.mjs';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { postJson } from './lib/sessions.ts';
import { parseArgs } from './lib/args.ts';
import { Histogram, round } from './lib/stats.ts';

const args = parseArgs({
  meetings: 100,
  tensions: 500,
  decisions: 200,
  members: 8,
  phones: 5,
  redisUrl: process.env.REDIS_URL ?? '',
  /** Snapshot target from the issue: at most this many gzipped bytes on the wire. */
  targetKb: 100,
});

type Client = Socket;

async function connect(url: string, seat: { sessionId: string; token: string }): Promise<Client> {
  const socket = io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

let refused = 0;
async function send(socket: Client, type: string, payload: unknown): Promise<void> {
  const ack = (await socket.timeout(30_000).emitWithAck(type, payload, { commandId: randomUUID() })) as Ack<unknown>;
  if (!ack.ok) {
    refused += 1;
    if (refused <= 5) console.warn(`  refused ${type}: ${ack.error.code} ${ack.error.message}`);
  }
}

async function snapshot(socket: Client): Promise<{ state: TeamSpaceState; json: string }> {
  const ack = (await socket.timeout(60_000).emitWithAck('session:sync', { sinceVersion: 0 })) as Ack<SyncResult>;
  if (!ack.ok || ack.data.kind !== 'snapshot' || ack.data.state.kind !== 'team-space') {
    throw new Error('no team-space snapshot');
  }
  return { state: ack.data.state, json: JSON.stringify(ack) };
}

// German texts of the lengths people write.
const tensionTitle = (i: number) => `Dienstplanabstimmung Bürgerbüro, Woche ${i}: Vertretungsregelung unklar`;
const tensionText = (i: number) =>
  `Seit der Umstellung auf das neue Terminvergabesystem (https://termine.example.de/buergerbuero) ist nicht geklärt, wer die Vertretung übernimmt, wenn zwei Kolleginnen gleichzeitig im Urlaub sind. Fall ${i}.`;
const proposal = (i: number) =>
  `Vorschlag ${i}: Die Rolle „Dienstplanverantwortliche“ bekommt die Verantwortlichkeit, Vertretungen spätestens freitags für die Folgewoche festzulegen und im Teamkalender einzutragen. Überprüfung nach drei Monaten in der Governance-Besprechung.`;
const actionText = (i: number) => `Vertretungsplan für KW ${i} im Teamkalender eintragen und Team informieren`;

async function buildSpace(url: string) {
  const space = await postJson<CreateSessionResponse>(`${url}/api/spaces`, {
    title: 'Bürgerbüro Nord – Teamraum',
    facilitatorName: 'Anna Schmidt',
  });
  const seats: JoinSessionResponse[] = [];
  for (let i = 1; i < args.members; i += 1) {
    seats.push(await postJson(`${url}/api/sessions/${space.sessionId}/participants`, { name: `Mitglied ${i}` }));
  }
  const fac = await connect(url, space);
  const members = await Promise.all(seats.map((seat) => connect(url, seat)));
  const socketOf = new Map<string, Client>([
    [space.participantId, fac],
    ...seats.map((seat, i) => [seat.participantId, members[i]!] as const),
  ]);

  const governanceMeetings = Math.floor(args.meetings / 5);
  const syncMeetings = args.meetings - governanceMeetings;
  const perGovernance = Math.ceil(args.decisions / Math.max(1, governanceMeetings));
  // Sync meetings share what the decisions leave of the tensions, minus a backlog of open ones.
  const backlog = 20;
  const syncTensions = Math.max(0, args.tensions - args.decisions - backlog);
  let added = 0;
  let decided = 0;
  let synced = 0;
  const addTension = (room: string) =>
    send(members[added % members.length] ?? fac, 'tension:add', {
      title: tensionTitle(added),
      description: tensionText(added++),
      room,
      anonymous: false,
    });

  for (let m = 0; m < args.meetings; m += 1) {
    if (m % 5 === 4) {
      const count = Math.min(perGovernance, args.decisions - decided);
      for (let i = 0; i < count; i += 1) await addTension('governance');
      await send(fac, 'meeting:start', { room: 'governance' });
      for (let step = 0; step < 2; step += 1) await send(fac, 'meeting:advance', {});
      for (let i = 0; i < count; i += 1) {
        const { state } = await snapshot(fac);
        const open = state.tensions.find((t) => t.status === 'open' && t.room === 'governance');
        if (!open) break;
        await send(fac, 'tension:start', { tensionId: open.id, proposerId: space.participantId });
        await send(fac, 'proposal:set', { proposal: proposal(decided) });
        for (let step = 0; step < 4; step += 1) await send(fac, 'process:advance', {});
        const order = (await snapshot(fac)).state.meeting?.round?.order ?? [];
        for (const speaker of order) await send(socketOf.get(speaker) ?? fac, 'objection:none', {});
        await send(fac, 'process:advance', {});
        await send(fac, 'tension:close', { gotWhatNeeded: null });
        decided += 1;
      }
      await send(fac, 'meeting:end', {});
    } else {
      const count = Math.min(m % 2 === 0 ? 4 : 3, syncTensions - synced);
      for (let i = 0; i < count; i += 1) await addTension('operational');
      await send(fac, 'meeting:start', { room: 'operational' });
      for (let step = 0; step < 4; step += 1) await send(fac, 'meeting:advance', {});
      const { state } = await snapshot(fac);
      const open = state.tensions.filter((t) => t.status === 'open' && t.room === 'operational').slice(0, count);
      for (const t of open) {
        await send(fac, 'tension:start', { tensionId: t.id });
        await send(fac, 'tension:outcome', {
          outcome: { type: 'next-action', text: actionText(synced), ownerId: null },
        });
        await send(fac, 'tension:close', { gotWhatNeeded: true });
        synced += 1;
      }
      // Last week's actions are done by now.
      const after = (await snapshot(fac)).state;
      for (const a of after.actions.filter((x) => x.status === 'open').slice(0, -count || undefined)) {
        await send(fac, 'action:set-status', { actionId: a.id, status: 'done' });
      }
      await send(fac, 'meeting:end', {});
    }
    if ((m + 1) % 10 === 0) console.log(`  ${m + 1} meetings held`);
  }
  while (added < args.tensions) await addTension('operational');
  for (const socket of [fac, ...members]) socket.disconnect();
  return { space, member: seats[0]!, syncMeetings, governanceMeetings, decided, synced };
}

/** One fresh phone: join link → name → the team space's board. */
async function phoneToBoard(url: string, code: string, runs: number) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const ms = new Histogram();
  let bytes = 0;
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        locale: 'de-DE',
      });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      let received = 0;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (received += e.encodedDataLength));
      cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string } }) => {
        received += e.response.payloadData.length;
      });
      const started = performance.now();
      try {
        await page.goto(`${url}/j/${code}`);
        await page.getByLabel('Ihr Name', { exact: true }).fill(`Telefon ${i}`);
        await page.getByRole('button', { name: 'Beitreten', exact: true }).click();
        await page.getByRole('heading', { name: 'Offene Spannungen', exact: true }).waitFor();
      } catch (err) {
        await page.screenshot({ path: '/tmp/twoYearSpace-failed.png' });
        throw err;
      }
      ms.add(performance.now() - started);
      bytes = Math.max(bytes, received);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { ms, bytes };
}

/** Reads every page of every archive kind as a member's phone does, oldest last. */
async function readHistory(url: string, seat: JoinSessionResponse) {
  const socket = await connect(url, seat);
  const rows: string[][] = [];
  try {
    for (const kind of archiveKinds) {
      const ms = new Histogram();
      let pages = 0;
      let items = 0;
      let json = 0;
      let gzip = 0;
      let before: number | undefined;
      do {
        const started = performance.now();
        const ack = (await socket.timeout(30_000).emitWithAck('archive:page', {
          kind,
          limit: ARCHIVE_PAGE_MAX,
          ...(before ? { before } : {}),
        })) as Ack<ArchivePage>;
        ms.add(performance.now() - started);
        if (!ack.ok) throw new Error(`archive:page ${kind}: ${ack.error.code}`);
        const text = JSON.stringify(ack);
        pages += 1;
        items += ack.data.entries.length;
        json += Buffer.byteLength(text);
        gzip += gzipSync(text).length;
        before = ack.data.next ?? undefined;
      } while (before !== undefined);
      rows.push([
        kind,
        String(pages),
        String(items),
        kb(json / pages),
        kb(gzip / pages),
        String(round(ms.percentile(50), 1)),
        String(round(ms.max, 1)),
      ]);
    }
  } finally {
    socket.disconnect();
  }
  return rows;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

async function main() {
  const webHandler = await loadWebHandler();
  if (!webHandler) throw new Error('web/build is missing: run `pnpm build` first');
  const prefix = `runde-bench-twoyear-${randomUUID()}:`;
  const store: SessionStore = args.redisUrl
    ? new RedisSessionStore({
        url: args.redisUrl,
        keyPrefix: prefix,
        retentionMs: 60 * 60 * 1000,
        logger: createLogger('silent'),
      })
    : new MemorySessionStore({ retentionMs: 60 * 60 * 1000 });
  if (store instanceof RedisSessionStore) await store.ready();
  const unlimited = { points: 1_000_000, durationSec: 1 };
  const app = createApp({
    store,
    webHandler,
    logger: createLogger(process.env.LOG_LEVEL ?? 'silent'),
    // Building two years by one script in minutes is far beyond what people send; the phones are measured as usual.
    config: { rateLimits: { seat: unlimited, address: unlimited, snapshot: unlimited } },
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  try {
    const t0 = performance.now();
    const built = await buildSpace(url);
    console.log(
      `twoYearSpace: ${built.syncMeetings} sync + ${built.governanceMeetings} governance meetings, ${built.synced} tensions taken up in sync meetings, ${built.decided} decisions, ${args.tensions} tensions in all; built in ${round((performance.now() - t0) / 1000, 1)} s (${refused} commands refused)`,
    );

    const member = await connect(url, built.member);
    // Bytes on the TCP connection itself: with permessage-deflate, what the phone downloads.
    const tcp = () =>
      (member.io.engine.transport as unknown as { ws?: { _socket?: { bytesRead: number } } }).ws?._socket?.bytesRead ??
      0;
    const before = tcp();
    const { state, json } = await snapshot(member);
    const wire = tcp() - before;
    member.disconnect();
    const gz = gzipSync(json).length;
    let stored = Buffer.byteLength(JSON.stringify(state));
    if (args.redisUrl) {
      const redis = createClient({ url: args.redisUrl });
      await redis.connect();
      const keys = await redis.keys(`${prefix}*`);
      // The session's largest key (its state, whatever its type), as Redis itself counts it.
      let largest = 0;
      const sizes: string[] = [];
      for (const key of keys) {
        const bytes = (await redis.memoryUsage(key)) ?? 0;
        largest = Math.max(largest, bytes);
        sizes.push(`${key.slice(prefix.length).replace(built.space.sessionId, '<code>')} ${kb(bytes)} kB`);
      }
      stored = largest;
      console.log(`  Redis keys (MEMORY USAGE): ${sizes.sort().join(', ')}`);
      await redis.quit();
    }
    console.log('\nlive state');
    console.log(
      `  holds ${state.meetings.length} meetings, ${state.tensions.length} tensions (${state.tensions.filter((t) => t.status === 'open').length} open), ${state.actions.length} actions, ${state.decisions.length} decisions`,
    );
    const heaviest = Object.entries(state)
      .map(([field, value]) => [field, Buffer.byteLength(JSON.stringify(value) ?? '')] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    console.log(`  heaviest parts: ${heaviest.map(([field, bytes]) => `${field} ${kb(bytes)} kB`).join(', ')}`);
    console.log(
      `  snapshot to a member: ${kb(Buffer.byteLength(json))} kB JSON, ${kb(gz)} kB gzipped (target ≤ ${args.targetKb} kB: ${gz <= args.targetKb * 1000 ? 'met' : 'NOT met'})`,
    );
    console.log(`  snapshot on the wire (WebSocket, permessage-deflate): ${kb(wire)} kB`);
    console.log(
      `  stored: ${kb(stored)} kB (${args.redisUrl ? 'MEMORY USAGE of its largest Redis key' : 'state JSON'})`,
    );

    const phones = await phoneToBoard(url, built.space.sessionId, args.phones);
    console.log(`\njoin link → board on a 390×844 phone (${args.phones} fresh phones, same machine, no throttling)`);
    console.log(
      `  median ${round(phones.ms.percentile(50), 0)} ms, max ${round(phones.ms.max, 0)} ms, ${kb(phones.bytes)} kB received (HTTP encoded + WebSocket frames)`,
    );

    console.log('\nhistory pages (archive:page, 20 items each, as a member)');
    console.log('  kind     pages  items  kB/page  gzip kB/page  median ms  max ms');
    for (const row of await readHistory(url, built.member)) {
      console.log(
        `  ${row[0]!.padEnd(8)} ${row[1]!.padStart(5)}  ${row[2]!.padStart(5)}  ${row[3]!.padStart(7)}  ${row[4]!.padStart(12)}  ${row[5]!.padStart(9)}  ${row[6]!.padStart(6)}`,
      );
    }
    console.log(
      JSON.stringify({
        bench: 'twoYearSpace',
        snapshotJson: Buffer.byteLength(json),
        snapshotGzip: gz,
        snapshotWire: wire,
        stored,
        joinToBoardMedianMs: round(phones.ms.percentile(50), 0),
      }),
    );
  } finally {
    await app.close();
    await store.close();
    if (args.redisUrl) {
      // Only what this run wrote, under its own prefix.
      const redis = createClient({ url: args.redisUrl });
      await redis.connect();
      for (const key of await redis.keys(`${prefix}*`)) await redis.del(key);
      await redis.quit();
    }
  }
}

const limit = setTimeout(() => {
  console.error('twoYearSpace: gave up after 15 minutes');
  process.exit(2);
}, 15 * 60_000);
limit.unref();
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
