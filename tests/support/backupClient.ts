import { hashSecret, type RedisSessionStore } from '@runde/server';
import {
  collectExport,
  type Ack,
  type KindState,
  type ArchivedItem,
  type ArchivePage,
  type CreateSessionResponse,
  type ImportRefusal,
  type Seat,
  type SessionExport,
} from '@runde/shared';
import { randomBytes } from 'node:crypto';
import { openRawRedis } from './serverHarness.ts';
import { sleep, type TestClient } from './serverClients.ts';

/** The whole backup file, collected over this client's socket as the web app collects it. */
export function exportOver(client: TestClient): Promise<Ack<SessionExport>> {
  return collectExport({
    exportLive: () => client.sendRaw('session:export', {}) as Promise<Ack<SessionExport>>,
    archivePage: (request) => client.sendRaw('archive:page', request) as Promise<Ack<ArchivePage>>,
    wait: sleep,
  });
}

export type ImportAnswer =
  | { created: true; status: number; body: CreateSessionResponse & { kind: KindState['kind'] } }
  | { created: false; status: number; body: { ok: false; error: ImportRefusal } };

/** `POST /api/imports` with `body` sent as it is (a file's bytes, broken or not). */
export async function importOver(url: string, body: string, kind?: KindState['kind']): Promise<ImportAnswer> {
  const response = await fetch(`${url}/api/imports${kind ? `?kind=${kind}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer: unknown = await response.json();
  return response.status === 201
    ? { created: true, status: response.status, body: answer as CreateSessionResponse & { kind: KindState['kind'] } }
    : { created: false, status: response.status, body: answer as { ok: false; error: ImportRefusal } };
}

/**
 * Puts a generated session straight into the store under a fresh code, with its archive, and
 * returns a seat for `participantId`: the starting point of a backup test.
 */
export async function seedSession(
  store: RedisSessionStore,
  code: string,
  state: KindState,
  participantId: string,
  archive: ArchivedItem[] = [],
): Promise<Seat> {
  const token = randomBytes(32).toString('base64url');
  const created = await store.create(code, {
    events: [],
    state: { ...state, id: code },
    tokens: [{ tokenHash: hashSecret(token), participantId }],
    facilitatorKeys: [],
  });
  if (!created) throw new Error(`code ${code} is taken`);
  if (archive.length > 0) {
    const filed = await store.commit(code, 0, [], { ...state, id: code }, { archive });
    if (!filed.ok) throw new Error('archive not stored');
  }
  return { sessionId: code, participantId, token };
}

/** How many sessions' Redis keys exist under `prefix`: what a refused import must leave unchanged. */
export async function countKeys(prefix: string): Promise<number> {
  const client = await openRawRedis();
  try {
    let count = 0;
    for await (const keys of client.scanIterator({ MATCH: `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, COUNT: 500 })) {
      // The objection-deadline index is shared by every space under the prefix and changes whenever
      // the server's poll closes a window (a restored space's may be due at once): not a session's key.
      count += keys.filter((key) => !key.startsWith(`${prefix}{proposal-deadlines}`)).length;
    }
    return count;
  } finally {
    await client.close();
  }
}

/** A file without what differs between two exports of the same content: when it was written. */
export function withoutExportTime(file: SessionExport): Omit<SessionExport, 'exportedAt'> {
  const { exportedAt: _exportedAt, ...rest } = file;
  return rest;
}
