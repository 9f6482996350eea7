/**
 * Backup: what a two-year team space costs as a JSON export and how long its restore takes.
 * Generates the space through the domain's own commands (`richTeamSpace`: weekly sync and
 * governance meetings, every outcome kind, decisions, the archive the fold fills), stores it on
 * Redis behind an in-process server, collects the backup over a real socket exactly as the web app
 * does (`session:export`, then `archive:page` page by page), restores it with `POST /api/imports`,
 * and checks the restored space exports to the same file. Prints bytes, gzipped bytes and times.
 *
 *   npx tsx bench/backup.ts --redisUrl redis://127.0.0.1:6379 --weeks 50 --tensionsPerWeek 5 --decisionsPerWeek 4
 */
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createApp, createLogger, hashSecret, RedisSessionStore } from '@runde/server';
import {
  collectExport,
  PROTOCOL_VERSION,
  type Ack,
  type ArchivePage,
  type ClientToServerEvents,
  type CreateSessionResponse,
  type Seat,
  type ServerToClientEvents,
  type SessionExport,
} from '@runde/shared';
import { io, type Socket } from 'socket.io-client';
import { richTeamSpace } from '../shared/src/export/testing/richTeamSpace.ts';
import { parseArgs } from './lib/args.ts';
import { onShutdown, runBench } from './lib/processes.ts';
import { printTable } from './lib/report.ts';
import { startRedis } from './lib/redisServer.ts';
import { round } from './lib/stats.ts';

const args = parseArgs({
  /** Weeks of meetings: each has a sync meeting and, with decisions, a governance meeting. */
  weeks: 50,
  tensionsPerWeek: 5,
  decisionsPerWeek: 4,
  /** An existing Redis to use (under a fresh prefix); empty starts a redis-server of its own. */
  redisUrl: '',
});

async function connect(url: string, seat: Seat): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    auth: { protocolVersion: PROTOCOL_VERSION, sessionId: seat.sessionId, token: seat.token },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function exportOver(socket: Socket<ServerToClientEvents, ClientToServerEvents>): Promise<SessionExport> {
  const ack = await collectExport({
    exportLive: () => socket.timeout(30_000).emitWithAck('session:export', {}),
    archivePage: (request) => socket.timeout(30_000).emitWithAck('archive:page', request) as Promise<Ack<ArchivePage>>,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  if (!ack.ok) throw new Error(`export refused: ${ack.error.code}`);
  return ack.data;
}

runBench('backup', 10 * 60_000, async () => {
  const redis = await startRedis({ url: args.redisUrl || undefined, label: 'backup' });
  const store = new RedisSessionStore({ url: redis.url, keyPrefix: redis.prefix, retentionMs: 3_600_000 });
  await store.ready();
  onShutdown(() => store.close());
  const runde = createApp({
    store,
    logger: createLogger('silent'),
    config: { rateLimits: { seat: { points: 10_000, durationSec: 10 } } },
  });
  await new Promise<void>((resolve) => runde.httpServer.listen(0, '127.0.0.1', resolve));
  onShutdown(() => runde.close());
  const url = `http://127.0.0.1:${(runde.httpServer.address() as AddressInfo).port}`;

  let started = performance.now();
  const { state, archive } = richTeamSpace({
    weeks: args.weeks,
    tensionsPerWeek: args.tensionsPerWeek,
    decisionsPerWeek: args.decisionsPerWeek,
  });
  const generateMs = performance.now() - started;
  const code = 'BKUP23';
  const token = randomBytes(32).toString('base64url');
  await store.create(code, {
    events: [],
    state: { ...state, id: code },
    tokens: [{ tokenHash: hashSecret(token), participantId: 'p1' }],
    facilitatorKeys: [],
  });
  await store.commit(code, 0, [], { ...state, id: code }, { archive });

  const original = await connect(url, { sessionId: code, participantId: 'p1', token });
  started = performance.now();
  const file = await exportOver(original);
  const exportMs = performance.now() - started;
  original.close();
  if (file.kind !== 'team-space') throw new Error('not a team space');
  const text = JSON.stringify(file);

  started = performance.now();
  const response = await fetch(`${url}/api/imports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: text,
  });
  const importMs = performance.now() - started;
  if (response.status !== 201) throw new Error(`import answered ${response.status}: ${await response.text()}`);
  const seat = (await response.json()) as CreateSessionResponse;
  const restored = await connect(url, seat);
  const again = await exportOver(restored);
  restored.close();
  const same = JSON.stringify({ ...again, exportedAt: 0 }) === JSON.stringify({ ...file, exportedAt: 0 });

  printTable('Backup of a generated team space', [
    {
      meetings: file.space.meetings.length,
      tensions: file.space.tensions.length,
      actions: file.space.actions.length,
      decisions: file.space.decisions.length,
      'archived items': archive.length,
      'file bytes': Buffer.byteLength(text),
      'gzipped bytes': gzipSync(text).length,
      // What the web app saves: indented by one space, for a person who opens it.
      'downloaded bytes': Buffer.byteLength(JSON.stringify(file, null, 1)),
      'generate ms': round(generateMs),
      'export ms (socket, paged)': round(exportMs),
      'import ms (POST /api/imports)': round(importMs),
      'restored exports the same file': same,
    },
  ]);
  if (!same) throw new Error('the restored space exports another file');
});
