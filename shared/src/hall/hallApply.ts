import { assertNever } from '../core/assertNever.ts';
import { applyToParticipants } from '../core/participants.ts';
import type { HallEvent } from './hallEvents.ts';
import { hallLimits, type HallState } from './hallState.ts';

/** The hall its opening event describes: no people yet, no tables until `hall:tables-added`. */
export function initialHall(event: Extract<HallEvent, { type: 'hall:created' }>): HallState {
  return {
    id: event.id,
    kind: 'hall',
    title: event.title,
    createdAt: event.createdAt,
    settings: event.settings,
    seating: event.seating,
    tableSize: event.tableSize,
    phase: 'seating',
    participants: [],
    seats: [],
    tables: [],
    timer: { status: 'idle' },
    announcements: [],
    picks: [],
    harvestDots: event.harvestDots,
    harvestVotes: [],
  };
}

/** Takes one dot of `voterId` on `table` back (in a viewer's copy other people's dots are `null`, and any of them stands for it). */
function withoutOneVote(state: HallState, voterId: string | null, table: number): HallState['harvestVotes'] {
  const index = state.harvestVotes.findIndex((v) => v.voterId === voterId && v.table === table);
  return index < 0 ? state.harvestVotes : state.harvestVotes.filter((_, i) => i !== index);
}

/** Folds one event into a hall. Pure; the same on the server and on every device. */
export function applyHall(state: HallState, event: HallEvent): HallState {
  switch (event.type) {
    case 'hall:created':
      return initialHall(event);
    case 'participant:joined':
    case 'participant:renamed':
    case 'participant:presence-changed':
    case 'participant:role-changed':
      return { ...state, participants: applyToParticipants(state.participants, event) };
    case 'hall:seated': {
      const participants = event.participant ? [...state.participants, event.participant] : state.participants;
      const seated = state.seats.some((s) => s.participantId === event.participantId);
      const seats = seated
        ? state.seats.map((s) => (s.participantId === event.participantId ? { ...s, table: event.table } : s))
        : [...state.seats, { participantId: event.participantId, table: event.table }];
      return { ...state, participants, seats };
    }
    case 'hall:tables-added':
      return {
        ...state,
        tables: [...state.tables, ...event.numbers.map((number) => ({ number, sessionId: null, closed: false }))],
      };
    case 'hall:table-linked':
      return {
        ...state,
        tables: state.tables.map((t) => (t.number === event.table ? { ...t, sessionId: event.sessionId } : t)),
      };
    case 'hall:table-closed':
      return { ...state, tables: state.tables.map((t) => (t.number === event.table ? { ...t, closed: true } : t)) };
    case 'hall:phase-changed':
      return { ...state, phase: event.phase };
    case 'timer:set':
      return { ...state, timer: event.timer };
    case 'hall:announced':
      return {
        ...state,
        announcements: [...state.announcements, event.announcement].slice(-hallLimits.announcementsKept),
      };
    case 'hall:pick-recorded': {
      const others = state.picks.filter((p) => p.table !== event.table);
      if (!event.pick) {
        // Dots on a pick that is gone mean nothing; they go back to their voters.
        return { ...state, picks: others, harvestVotes: state.harvestVotes.filter((v) => v.table !== event.table) };
      }
      const picks = [...others, event.pick].sort((a, b) => a.table - b.table);
      return { ...state, picks };
    }
    case 'hall:harvest-voted':
      return { ...state, harvestVotes: [...state.harvestVotes, { voterId: event.voterId, table: event.table }] };
    case 'hall:harvest-unvoted':
      return { ...state, harvestVotes: withoutOneVote(state, event.voterId, event.table) };
    default:
      return assertNever(event);
  }
}
