import type { DomainError } from '../core/decision.ts';
import { mayChangeRole, type Participant, type ParticipantId, type Role } from '../core/participants.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { hallLimits, type HallPhase, type HallSeat, type HallState } from './hallState.ts';

/**
 * Every "may this person do this now?" of a hall, one predicate each: `decideHall` refuses by
 * them, the organiser's page and the harvest page enable their buttons by them. Where a refusal
 * needs a reason, the `…Refusal` function says it and the `may…` predicate is its negation.
 */

const refused = (code: DomainError['code'], message: string): DomainError => ({ code, message });

/** The seat of a phone, if it has one (organisers have none). */
export function hallSeatOf(state: HallState, participantId: ParticipantId): HallSeat | undefined {
  return state.seats.find((s) => s.participantId === participantId);
}

/** Organisers run the hall: phases, the hall timer, announcements, merging tables, the export. */
export function mayOrganiseHall(state: HallState, participantId: ParticipantId): boolean {
  return state.participants.some((p) => p.id === participantId && p.role === 'facilitator');
}

/** Why the hall may not move to `to` now: only organisers move it, and nothing follows `ended`. */
export function hallPhaseRefusal(state: HallState, participantId: ParticipantId): DomainError | undefined {
  if (!mayOrganiseHall(state, participantId)) return refused(ErrorCode.forbidden, 'Only an organiser leads the hall.');
  if (state.phase === 'ended') return refused(ErrorCode.sessionEnded, 'The event has ended.');
  return undefined;
}

/** Whether this person may move the hall to another phase (any order, forward or back, until it ends). */
export function mayChangeHallPhase(state: HallState, participantId: ParticipantId, _to?: HallPhase): boolean {
  return hallPhaseRefusal(state, participantId) === undefined;
}

/** Why a table may not be merged into the others: organisers only, an open table, never the last one. */
export function closeHallTableRefusal(
  state: HallState,
  participantId: ParticipantId,
  table: number,
): DomainError | undefined {
  if (!mayOrganiseHall(state, participantId)) return refused(ErrorCode.forbidden, 'Only an organiser merges tables.');
  const target = state.tables.find((t) => t.number === table);
  if (!target) return refused(ErrorCode.notFound, 'No such table.');
  if (target.closed) return refused(ErrorCode.invalidState, 'This table is already closed.');
  if (!state.tables.some((t) => !t.closed && t.number !== table)) {
    return refused(ErrorCode.invalidState, 'The last open table cannot be closed.');
  }
  return undefined;
}

export function mayCloseHallTable(state: HallState, participantId: ParticipantId, table: number): boolean {
  return closeHallTableRefusal(state, participantId, table) === undefined;
}

/** Dots this person has placed. */
export function harvestDotsUsed(state: HallState, participantId: ParticipantId): number {
  return state.harvestVotes.filter((v) => v.voterId === participantId).length;
}

/** Who takes part in the harvest: every seated phone and every organiser. */
function mayTakePartInHarvest(state: HallState, participantId: ParticipantId): boolean {
  return hallSeatOf(state, participantId) !== undefined || mayOrganiseHall(state, participantId);
}

function harvestRefusal(state: HallState, participantId: ParticipantId, table: number): DomainError | undefined {
  if (!mayTakePartInHarvest(state, participantId)) {
    return refused(ErrorCode.forbidden, 'Only people of this event place dots.');
  }
  if (state.phase !== 'harvest') return refused(ErrorCode.wrongPhase, 'Dots are placed in the harvest.');
  if (!state.picks.some((p) => p.table === table)) {
    return refused(ErrorCode.notFound, 'This table has not marked a takeaway.');
  }
  return undefined;
}

/** Why this person may not place a dot on `table` now: the harvest, a table with a pick, dots left. */
export function harvestVoteRefusal(
  state: HallState,
  participantId: ParticipantId,
  table: number,
): DomainError | undefined {
  const refusal = harvestRefusal(state, participantId, table);
  if (refusal) return refusal;
  if (harvestDotsUsed(state, participantId) >= state.harvestDots) {
    return refused(ErrorCode.voteBudgetExhausted, 'All your dots are placed.');
  }
  return undefined;
}

export function mayHarvestVote(state: HallState, participantId: ParticipantId, table: number): boolean {
  return harvestVoteRefusal(state, participantId, table) === undefined;
}

/** Why this person may not take a dot back from `table` now. */
export function harvestUnvoteRefusal(
  state: HallState,
  participantId: ParticipantId,
  table: number,
): DomainError | undefined {
  const refusal = harvestRefusal(state, participantId, table);
  if (refusal) return refusal;
  if (!state.harvestVotes.some((v) => v.voterId === participantId && v.table === table)) {
    return refused(ErrorCode.noVoteToRetract, 'You have no dot on this table.');
  }
  return undefined;
}

export function mayHarvestUnvote(state: HallState, participantId: ParticipantId, table: number): boolean {
  return harvestUnvoteRefusal(state, participantId, table) === undefined;
}

/**
 * Whether this person may rename their seat in the hall: organisers without a seat only. A phone's
 * name in the hall is seen by nobody but itself (the hall masks it), and `participant:renamed` is
 * a name every kind shares, so the hall could not mask it: a phone renames at its table.
 */
export function mayRenameInHall(state: HallState, participantId: ParticipantId): boolean {
  return mayOrganiseHall(state, participantId) && hallSeatOf(state, participantId) === undefined;
}

/** Whether one more organiser fits (`hallLimits.organisersMax`). */
export function hallHasRoomForOrganiser(state: HallState): boolean {
  return state.participants.filter((p) => p.role === 'facilitator').length < hallLimits.organisersMax;
}

/**
 * Whether this organiser may give `target` this role (a change, not a repeat): the rule of every
 * kind (`mayChangeRole`), and a hall has at most `hallLimits.organisersMax` organisers.
 */
export function mayChangeHallRole(state: HallState, actorId: ParticipantId, target: Participant, role: Role): boolean {
  if (!mayChangeRole(state.participants, actorId, target, role)) return false;
  return role !== 'facilitator' || hallHasRoomForOrganiser(state);
}
