import type { DomainError } from '../core/decision.ts';
import type { ParticipantId } from '../core/participants.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hallLimits, type HallState, type HallTable } from './hallState.ts';

/**
 * Where people sit: pure rules over a hall's tables and seats, used by `decideHall` for a join
 * (`hall:seat`), a move and a merge. Even filling keeps tables alike in size, which is what a
 * Lean Coffee needs (too few people and nobody votes differently, too many and nobody speaks).
 */

/** How many phones sit at each table, by table number (every table listed, closed ones too). */
export function hallPeopleByTable(state: Pick<HallState, 'tables' | 'seats'>): Map<number, number> {
  const people = new Map<number, number>(state.tables.map((t) => [t.number, 0]));
  for (const seat of state.seats) people.set(seat.table, (people.get(seat.table) ?? 0) + 1);
  return people;
}

export function openHallTables(state: Pick<HallState, 'tables'>): HallTable[] {
  return state.tables.filter((t) => !t.closed);
}

/** The open table with fewest people (ties: the lowest number), leaving out `except`. */
function emptiestTable(tables: readonly HallTable[], people: ReadonlyMap<number, number>, except?: number) {
  let best: { number: number; people: number } | null = null;
  for (const table of tables) {
    if (table.closed || table.number === except) continue;
    const count = people.get(table.number) ?? 0;
    if (!best || count < best.people || (count === best.people && table.number < best.number)) {
      best = { number: table.number, people: count };
    }
  }
  return best;
}

/** Where a new phone sits: an existing table, or a table to add first (size mode, all full). */
export type HallSeatChoice = { ok: true; table: number; addTable: boolean } | { ok: false; error: DomainError };

/**
 * Where a new phone sits. A requested table (the poster's QR) is honoured when it is open and
 * below `hallLimits.tableSizeMax`, even above the hall's `tableSize`: people who sat down together
 * stay together. Otherwise the open table with fewest people; in size mode, when that one is full,
 * a new table. Refused when the hall has `hallLimits.seatsPerHall` seats or a table cannot be added.
 */
export function chooseHallTable(state: HallState, requested: number | null): HallSeatChoice {
  if (state.seats.length >= hallLimits.seatsPerHall) {
    return { ok: false, error: { code: ErrorCode.sessionFull, message: 'This event is full.' } };
  }
  const people = hallPeopleByTable(state);
  const wanted = requested === null ? undefined : state.tables.find((t) => t.number === requested && !t.closed);
  if (wanted && (people.get(wanted.number) ?? 0) < hallLimits.tableSizeMax) {
    return { ok: true, table: wanted.number, addTable: false };
  }
  const emptiest = emptiestTable(state.tables, people);
  // Count mode fills its tables evenly beyond `tableSize` (a soft cap): its number of tables is the organiser's.
  if (emptiest && (state.seating.mode === 'count' || emptiest.people < state.tableSize)) {
    return { ok: true, table: emptiest.number, addTable: false };
  }
  if (state.tables.length >= hallLimits.tablesMax) {
    return { ok: false, error: { code: ErrorCode.sessionFull, message: 'Every table of this event is full.' } };
  }
  return { ok: true, table: nextHallTableNumber(state), addTable: true };
}

/** The number a new table gets: numbers are never reused (they are printed on posters). */
export function nextHallTableNumber(state: Pick<HallState, 'tables'>): number {
  return state.tables.reduce((max, t) => Math.max(max, t.number), 0) + 1;
}

/** Why a phone may not move to `table`: an open table other than its own, with room below `tableSizeMax`. */
export function hallMoveRefusal(
  state: HallState,
  participantId: ParticipantId,
  table: number,
): DomainError | undefined {
  const seat = state.seats.find((s) => s.participantId === participantId);
  if (!seat) return { code: ErrorCode.notFound, message: 'This person has no seat in this event.' };
  const target = state.tables.find((t) => t.number === table);
  if (!target) return { code: ErrorCode.notFound, message: 'No such table.' };
  if (target.closed) return { code: ErrorCode.invalidState, message: 'This table is closed.' };
  if (seat.table !== table && (hallPeopleByTable(state).get(table) ?? 0) >= hallLimits.tableSizeMax) {
    return { code: ErrorCode.limitReached, message: 'This table is full.' };
  }
  return undefined;
}

/**
 * Where the people of a table that closes go: one by one (in the order they sat down) to the open
 * table with fewest people at that moment, ties to the lowest number, so the others grow evenly.
 */
export function spreadHallTable(
  state: HallState,
  closing: number,
): Array<{ participantId: ParticipantId; table: number }> {
  const people = hallPeopleByTable(state);
  const moves: Array<{ participantId: ParticipantId; table: number }> = [];
  for (const seat of state.seats) {
    if (seat.table !== closing) continue;
    const target = emptiestTable(state.tables, people, closing);
    if (!target) break;
    people.set(target.number, target.people + 1);
    moves.push({ participantId: seat.participantId, table: target.number });
  }
  return moves;
}
