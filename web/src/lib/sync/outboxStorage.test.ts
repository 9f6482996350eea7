import type { QueuedCommand } from '@runde/shared/client';
import { describe, expect, it } from 'vitest';
import { localOutboxStorage, outboxKey } from './outboxStorage.ts';

const vote = (n: number): QueuedCommand => ({
  commandId: `c${n}`,
  type: 'vote:cast',
  payload: { topicId: `t${n}` },
  queuedAt: n,
});

describe('localOutboxStorage', () => {
  function memoryStorage(): Storage {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (key) => items.get(key) ?? null,
      key: (index) => [...items.keys()][index] ?? null,
      removeItem: (key) => void items.delete(key),
      setItem: (key, value) => void items.set(key, value),
    };
  }

  it('keeps one queue per session and seat, and removes the key once empty', () => {
    const storage = memoryStorage();
    const ana = localOutboxStorage(outboxKey('s1', 'ana'), storage);
    const ben = localOutboxStorage(outboxKey('s1', 'ben'), storage);
    ana.save([vote(1)]);
    expect(ana.load()).toEqual([vote(1)]);
    expect(ben.load()).toEqual([]);
    ana.save([]);
    expect(storage.length).toBe(0);
  });

  it.each([
    ['not JSON', '{'],
    ['not a list', '{"a":1}'],
    ['entries of another shape', '[{"commandId":1},{"commandId":"x","type":"<script>","payload":{},"queuedAt":1}]'],
  ])('reads back nothing from storage holding %s', (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(outboxKey('s1', 'ana'), raw);
    expect(localOutboxStorage(outboxKey('s1', 'ana'), storage).load()).toEqual([]);
  });
});
