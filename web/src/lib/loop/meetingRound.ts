import type { ParticipantId, Round } from '@runde/shared/client';

/** Where one person stands in a round, in words as well as in the order. */
export type SeatStatus = 'spoke' | 'passed' | 'absent' | 'speaking' | 'waiting';

export interface RoundSeat {
  id: ParticipantId;
  status: SeatStatus;
}

/** Everyone in the round's order with their status: before the index they spoke, passed or were marked absent. */
export function roundSeats(round: Round): RoundSeat[] {
  return round.order.map((id, position) => ({
    id,
    status:
      position < round.index
        ? round.passed.includes(id)
          ? 'passed'
          : round.absent?.includes(id)
            ? 'absent'
            : 'spoke'
        : position === round.index
          ? 'speaking'
          : 'waiting',
  }));
}
