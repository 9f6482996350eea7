import { describe, expect, it } from 'vitest';
import { lastVisit, maxRemembered, recordVisit, type VisitStorage } from './lastVisit.ts';

/** A real key-value store in memory, with the two methods the module uses. */
function memoryStorage(initial: Record<string, string> = {}): VisitStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('lastVisit (since your last visit, per device)', () => {
  it('is null on the first visit and the previous time afterwards', () => {
    const storage = memoryStorage();
    expect(lastVisit('ABC123', storage)).toBeNull();
    expect(recordVisit('ABC123', 1000, storage)).toBeNull();
    expect(lastVisit('ABC123', storage)).toBe(1000);
    expect(recordVisit('ABC123', 5000, storage)).toBe(1000);
    expect(lastVisit('ABC123', storage)).toBe(5000);
  });

  it('keeps spaces apart', () => {
    const storage = memoryStorage();
    recordVisit('AAAAAA', 1000, storage);
    recordVisit('BBBBBB', 2000, storage);
    expect(lastVisit('AAAAAA', storage)).toBe(1000);
    expect(lastVisit('BBBBBB', storage)).toBe(2000);
  });

  it('never moves the mark back when the clock does', () => {
    const storage = memoryStorage();
    recordVisit('ABC123', 5000, storage);
    expect(recordVisit('ABC123', 3000, storage)).toBe(5000);
    expect(lastVisit('ABC123', storage)).toBe(5000);
  });

  it('drops what is not a visit time, and survives garbage', () => {
    const storage = memoryStorage({
      'runde:lastVisit': JSON.stringify({ ABC123: 'yesterday', DEF456: 2000, 'bad code': 3, GHI789: -1 }),
    });
    expect(lastVisit('ABC123', storage)).toBeNull();
    expect(lastVisit('DEF456', storage)).toBe(2000);
    expect(lastVisit('GHI789', storage)).toBeNull();
    expect(lastVisit('ABC123', memoryStorage({ 'runde:lastVisit': '{not json' }))).toBeNull();
    expect(lastVisit('ABC123', memoryStorage({ 'runde:lastVisit': '[1,2]' }))).toBeNull();
  });

  it('forgets the least recently visited spaces beyond its bound', () => {
    const storage = memoryStorage();
    for (let i = 0; i <= maxRemembered; i++) recordVisit(`S${String(i).padStart(5, '0')}`, 1000 + i, storage);
    expect(lastVisit('S00000', storage)).toBeNull();
    expect(lastVisit('S00001', storage)).toBe(1001);
    expect(Object.keys(JSON.parse(storage.items.get('runde:lastVisit') ?? '{}'))).toHaveLength(maxRemembered);
  });

  it('works without storage (private mode): every visit is a first one', () => {
    expect(recordVisit('ABC123', 1000, undefined)).toBeNull();
    const refusing: VisitStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(recordVisit('ABC123', 1000, refusing)).toBeNull();
  });
});
