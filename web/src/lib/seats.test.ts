import { describe, expect, it } from 'vitest';
import {
  forgetSeat,
  heldSeatProof,
  loadSeat,
  saveSeat,
  saveSignInSeat,
  seatsOfSignIn,
  type SeatStorage,
} from './seats.ts';

function memoryStorage(initial: Record<string, string> = {}): SeatStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const seat = (n: number) => ({ sessionId: `S${n}`, participantId: `p${n}`, token: `token-${n}-xxxxxxxxxxxxxxxx` });

describe('seats', () => {
  it('keeps a seat per join code across loads', () => {
    const storage = memoryStorage();
    saveSeat('K7P4XM', seat(1), storage);
    saveSeat('ABCDEF', seat(2), storage);
    expect(loadSeat('K7P4XM', storage)).toEqual(seat(1));
    expect(loadSeat('ABCDEF', storage)).toEqual(seat(2));
    expect(loadSeat('ZZZZZZ', storage)).toBeUndefined();
  });

  it('lists only the seats taken by signing in, and keeps that through a re-save of the same token', () => {
    const storage = memoryStorage();
    saveSeat('K7P4XM', seat(1), storage);
    saveSignInSeat('ABCDEF', seat(2), storage);
    saveSeat('ABCDEF', { ...seat(2), participantId: 'p9' }, storage);
    expect(seatsOfSignIn(storage)).toEqual([{ code: 'ABCDEF', seat: { ...seat(2), participantId: 'p9' } }]);
    saveSeat('ABCDEF', seat(3), storage);
    expect(seatsOfSignIn(storage)).toEqual([]);
  });

  it('forgets one seat and keeps the others', () => {
    const storage = memoryStorage();
    saveSeat('K7P4XM', seat(1), storage);
    saveSeat('ABCDEF', seat(2), storage);
    forgetSeat('K7P4XM', storage);
    expect(loadSeat('K7P4XM', storage)).toBeUndefined();
    expect(loadSeat('ABCDEF', storage)).toEqual(seat(2));
  });

  it('keeps only the twenty most recently used seats', () => {
    const storage = memoryStorage();
    for (let n = 0; n < 25; n += 1) saveSeat(`CODE${String(n).padStart(2, '0')}`, seat(n), storage, 1000 + n);
    expect(loadSeat('CODE00', storage)).toBeUndefined();
    expect(loadSeat('CODE04', storage)).toBeUndefined();
    expect(loadSeat('CODE05', storage)).toEqual(seat(5));
    expect(loadSeat('CODE24', storage)).toEqual(seat(24));
  });

  it.each([
    ['not json', '{'],
    ['not an object', '42'],
    ['a broken seat', JSON.stringify({ K7P4XM: { sessionId: 1 } })],
    ['a prototype key', '{"__proto__": {"sessionId": "S", "participantId": "p", "token": "t"}}'],
  ])('survives %s in storage', (_label, stored) => {
    const storage = memoryStorage({ 'runde:seats': stored });
    expect(loadSeat('K7P4XM', storage)).toBeUndefined();
    expect(loadSeat('__proto__', storage)).toBeUndefined();
    saveSeat('K7P4XM', seat(1), storage);
    expect(loadSeat('K7P4XM', storage)).toEqual(seat(1));
  });

  it('works without storage at all', () => {
    expect(() => saveSeat('K7P4XM', seat(1), undefined)).not.toThrow();
    expect(loadSeat('K7P4XM', undefined)).toBeUndefined();
  });
});

describe('heldSeatProof', () => {
  it('proves the seat this device holds, without the session id, and nothing when it holds none', () => {
    const storage = memoryStorage();
    expect(heldSeatProof('ABC234', storage)).toEqual({});
    saveSeat('ABC234', { sessionId: 'ABC234', participantId: 'p2', token: 'x'.repeat(43) }, storage);
    expect(heldSeatProof('ABC234', storage)).toEqual({ seat: { participantId: 'p2', token: 'x'.repeat(43) } });
  });
});
