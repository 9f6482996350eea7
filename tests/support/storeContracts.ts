import { createHash, randomUUID } from 'node:crypto';
import { MemorySessionStore, type SessionStore } from '@runde/server';
import { afterAll } from 'vitest';
import { uniquePrefix } from './redisTestEnv.ts';
import { deleteTestKeys, openRedisStore } from './serverHarness.ts';

/** What the parts of the store contract share: one behaviour, run against both stores. */

/** A token hash of the shape the server writes (sha256, base64url), unique per call. */
export const hashOf = (name: string) => createHash('sha256').update(`${name}-${randomUUID()}`).digest('base64url');

/** A fresh session id. */
export const newId = () => randomUUID().slice(0, 6).toUpperCase();

/** Call inside a describe: opens a store per call, and closes them all after the describe. */
export function freshStores(open: () => Promise<SessionStore>): () => Promise<SessionStore> {
  const stores: SessionStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });
  return async () => {
    const store = await open();
    stores.push(store);
    return store;
  };
}

/**
 * Runs `contract` against the memory store and against Redis under a unique prefix named after
 * `label`; returns that prefix (for Redis-only tests), whose keys are deleted after the file.
 */
export function onBothStores(label: string, contract: (name: string, open: () => Promise<SessionStore>) => void) {
  contract('memory', async () => new MemorySessionStore({ retentionMs: 60 * 60 * 1000 }));
  const prefix = uniquePrefix(label);
  afterAll(async () => {
    await deleteTestKeys(prefix);
  });
  contract('redis', () => openRedisStore(prefix));
  return prefix;
}
