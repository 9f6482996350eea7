import { describe, expect, it } from 'vitest';
import { forgetHallPlace, loadHallPlace, saveHallPlace } from './hallPlaces.ts';
import { loadSeat, saveSeat, type SeatStorage } from './seats.ts';

function memoryStorage(): SeatStorage {
  const data = new Map<string, string>();
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const hallSeat = { sessionId: 'HALL42', participantId: 'phone-1', token: 'hall-token-xxxxxxxxxxxxxxxx' };
const tableSeat = (code: string, number: number) => ({
  number,
  sessionId: code,
  participantId: `at-${code}`,
  token: `table-token-${code}-xxxxxxxx`,
});

describe('hall places', () => {
  it('keeps the hall seat and puts the table seat where the board looks for it', () => {
    const storage = memoryStorage();
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE7', 7) }, storage);
    expect(loadHallPlace('HALL42', storage)).toEqual({ seat: hallSeat, table: 7, tableCode: 'TABLE7' });
    expect(loadSeat('TABLE7', storage)).toEqual({
      sessionId: 'TABLE7',
      participantId: 'at-TABLE7',
      token: 'table-token-TABLE7-xxxxxxxx',
    });
  });

  it('never replaces an organiser seat kept under the hall code', () => {
    const storage = memoryStorage();
    const organiser = { sessionId: 'HALL42', participantId: 'organiser', token: 'organiser-token-xxxxxxxxxx' };
    saveSeat('HALL42', organiser, storage);
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE7', 7) }, storage);
    expect(loadSeat('HALL42', storage)).toEqual(organiser);
  });

  it('moves to a new table and forgets the place', () => {
    const storage = memoryStorage();
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE7', 7) }, storage, 1);
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE9', 9) }, storage, 2);
    expect(loadHallPlace('HALL42', storage)?.tableCode).toBe('TABLE9');
    forgetHallPlace('HALL42', storage);
    expect(loadHallPlace('HALL42', storage)).toBeUndefined();
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('runde:hall-places', '{"HALL42":{"seat":null,"table":"x"}}');
    expect(loadHallPlace('HALL42', storage)).toBeUndefined();
    storage.setItem('runde:hall-places', 'not json');
    expect(loadHallPlace('HALL42', storage)).toBeUndefined();
  });
});
