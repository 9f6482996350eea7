import type { RedisSessionStore, SessionStore } from '@runde/server';
import type { RedisServerHandle } from './redisTestEnv.ts';

/** The store methods a test can have Redis freeze under. */
type Frozen = 'commit' | 'putHallTableSummary';

interface Trap {
  method: Frozen;
  matches: (args: unknown[]) => boolean;
  told: (refused: boolean) => void;
}

export interface FreezingStore {
  store: SessionStore;
  /**
   * Freezes the redis-server (SIGSTOP) as the next call of `method` whose arguments match goes out,
   * so the real store meets a Redis that does not answer. Resolves with whether the store refused
   * that call; the test then crashes and restarts Redis, which drops the write it never read.
   */
  freezeAt(method: Frozen, matches?: (args: unknown[]) => boolean): Promise<boolean>;
}

/**
 * The real Redis store on a private redis-server; only the moment Redis freezes is chosen here, by
 * the call that is to meet it, so that a write the server makes on its own (after another commit
 * succeeded) is the one refused.
 */
export function freezingStore(target: RedisSessionStore, redis: RedisServerHandle): FreezingStore {
  let trap: Trap | null = null;
  const store = new Proxy(target, {
    get(base, property) {
      const value: unknown = Reflect.get(base, property, base);
      if (typeof value !== 'function') return value;
      const call = (value as (...args: unknown[]) => Promise<unknown>).bind(base);
      if (property !== 'commit' && property !== 'putHallTableSummary') return call;
      return async (...args: unknown[]) => {
        const armed = trap;
        if (armed?.method !== property || !armed.matches(args)) return call(...args);
        trap = null;
        redis.signal('SIGSTOP');
        try {
          return await call(...args);
        } catch (err) {
          armed.told(true);
          throw err;
        } finally {
          armed.told(false);
        }
      };
    },
  });
  return {
    store,
    freezeAt: (method, matches = () => true) =>
      new Promise<boolean>((told) => {
        trap = { method, matches, told };
      }),
  };
}
