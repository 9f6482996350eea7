import { describe, expect, it } from 'vitest';
import { defaultLeanCoffeeSettings, initialState } from '@runde/shared';
import { SessionCache } from './sessionCache.ts';

const state = initialState({
  type: 'session:created',
  id: 'K7P4XM',
  kind: 'lean-coffee',
  title: 'Team',
  settings: defaultLeanCoffeeSettings,
  createdAt: 0,
});

const stored = (version: number) => ({ state, version });

describe('SessionCache', () => {
  it('hands back a copy only within the epoch it was taken in', () => {
    const cache = new SessionCache();
    cache.set('A', stored(3), 1);
    expect(cache.get('A', 1)?.version).toBe(3);
    expect(cache.get('A', 2)).toBeUndefined();
    // A copy from an earlier connection is dropped, not kept for later.
    expect(cache.get('A', 1)).toBeUndefined();
  });

  it('drops the least recently used copy beyond its capacity', () => {
    const cache = new SessionCache(2);
    cache.set('A', stored(1), 0);
    cache.set('B', stored(1), 0);
    cache.get('A', 0);
    cache.set('C', stored(1), 0);
    expect([cache.get('A', 0), cache.get('B', 0), cache.get('C', 0)].map((s) => s !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('follows events that continue its copy, and drops the copy on a gap', () => {
    const cache = new SessionCache();
    cache.set('A', stored(2), 0);
    cache.follow('A', [{ version: 3, event: { type: 'phase:changed', phase: 'vote' } }]);
    const followed = cache.get('A', 0);
    expect(followed?.version).toBe(3);
    expect(followed?.state.kind === 'lean-coffee' && followed.state.phase).toBe('vote');

    cache.follow('A', [{ version: 3, event: { type: 'phase:changed', phase: 'vote' } }]);
    expect(cache.get('A', 0)?.version).toBe(3);
    cache.follow('A', [{ version: 5, event: { type: 'phase:changed', phase: 'discuss' } }]);
    expect(cache.get('A', 0)).toBeUndefined();
  });
});
