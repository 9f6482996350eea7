import { describe, expect, it } from 'vitest';
import {
  forgetHallPlace,
  heldTableSeat,
  loadHallPlace,
  loadPendingHallSeat,
  saveHallPlace,
  savePendingHallSeat,
} from './hallPlaces.ts';
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

  it('remembers the seat at each table sat at, for coming back to it', () => {
    const storage = memoryStorage();
    expect(heldTableSeat('HALL42', 3, storage)).toBeUndefined();
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE3', 3) }, storage, 1);
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE5', 5) }, storage, 2);
    expect(heldTableSeat('HALL42', 3, storage)).toEqual({
      sessionId: 'TABLE3',
      participantId: 'at-TABLE3',
      token: 'table-token-TABLE3-xxxxxxxx',
    });
    expect(heldTableSeat('HALL42', 5, storage)?.sessionId).toBe('TABLE5');
    expect(heldTableSeat('HALL42', 4, storage)).toBeUndefined();
    expect(heldTableSeat('OTHER1', 3, storage)).toBeUndefined();
    // A place stored before table codes were kept still loads.
    storage.setItem(
      'runde:hall-places',
      JSON.stringify({ HALL42: { seat: hallSeat, table: 7, tableCode: 'TABLE7', savedAt: 1 } }),
    );
    expect(loadHallPlace('HALL42', storage)?.tableCode).toBe('TABLE7');
    expect(heldTableSeat('HALL42', 3, storage)).toBeUndefined();
  });

  it('keeps a hall seat whose join got no table seat until a table seat is saved', () => {
    const storage = memoryStorage();
    savePendingHallSeat('HALL42', hallSeat, storage);
    expect(loadPendingHallSeat('HALL42', storage)).toEqual(hallSeat);
    expect(loadPendingHallSeat('OTHER1', storage)).toBeUndefined();
    saveHallPlace('HALL42', { hall: hallSeat, table: tableSeat('TABLE7', 7) }, storage);
    expect(loadPendingHallSeat('HALL42', storage)).toBeUndefined();
  });
});
